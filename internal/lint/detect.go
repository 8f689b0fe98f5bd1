package lint

import (
	"regexp"
	"strings"
)

// Built-in detectors for the required elements. Concrete times and
// contacts have a shape (digits, @, a domain) that regular expressions
// describe once for every language; the words around them come from the
// playbook's lexicon.
var (
	clockRe   = regexp.MustCompile(`(?i)(?:^|[^\d.:])(\d{1,2}:\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?|\d{1,2}(?:[.:]\d{2})?\s*(?:[–-]|bis)\s*\d{1,2}(?:[.:]\d{2})?\s*uhr|\d{1,2}(?:\.\d{2})?\s*uhr|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.)|(?:um|at|by|bis|gegen|until|before|vor)\s+\d{1,2}(?:[.:]\d{2})?\b)`)
	dateRe    = regexp.MustCompile(`(?i)(?:^|[^\d.])(\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?|\d{1,2}\.?\s*[–-]\s*\d{1,2}\.?\s*(?:jan|feb|mär|maerz|apr|mai|jun|jul|aug|sep|okt|oct|nov|dez|dec|mar|may)[a-zä]*|\d{1,2}\.\s*(?:jan|feb|mär|maerz|apr|mai|jun|jul|aug|sep|okt|nov|dez)[a-zä]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{4}-\d{2}-\d{2}|(?:kw|kalenderwoche|calendar\s+week|cw)\.?\s*\d{1,2}\b)`)
	periodRe  = regexp.MustCompile(`(?i)(?:^|[^\pL\d])((?:\d+(?:[.,]\d+)?(?:\s*[–-]\s*\d+(?:[.,]\d+)?)?|einer?|einem|eine|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|zwölf|vierundzwanzig|one|two|three|four|five|six|seven|eight|ten|twelve|twenty-four|a\s+few|a|an|half\s+an?|einer\s+halben|einer\s+knappen|ein\s+paar|wenigen?)\s+(?:halbe\s+)?(?:minuten|minute|min|stunden|stunde|std|tagen|tage|tag|werktagen|werktage|werktag|wochen|woche|monate|monaten|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|business\s+days?|working\s+days?|weeks|week|months|month))(?:[^\pL]|$)`)
	spelledRe = regexp.MustCompile(`(?i)(?:^|[^\pL])((?:um|at|by|bis|gegen|until|before|vor|ab|from)\s+(?:ein|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|einundzwanzig|zweiundzwanzig|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|mittag)(?:\s+(?:uhr|o'clock|am|pm|a\.m\.|p\.m\.))?)(?:[^\pL]|$)`)
	// "Mitte Mai", "Ende Juni", "mid-May", "end of June": a part of a month.
	monthPartRe = regexp.MustCompile(`(?i)(?:^|[^\pL])((?:mitte|anfang|ende)\s+(?:januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)|(?:mid|early|late|the\s+end\s+of|end\s+of)[\s-]+(?:january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|(?:mid|end\s+of)[\s-]+may)(?:[^\pL]|$)`)
	sinceRe     = regexp.MustCompile(`(?i)(?:seit|since|ab|from|started at|begann um)\s*$`)
	// "erst ab 20. November", "not until …, from" name when something comes,
	// not when it started.
	futureFromRe = regexp.MustCompile(`(?i)(?:erst|frühestens|wieder|not until|only|again)\s+(?:ab|from)\s*$`)
	// "ab 18 Uhr wieder freigegeben", "from 6 pm open again": a bare "ab"/"from"
	// time in a sentence with a word of return names when the service comes back.
	bareFromRe = regexp.MustCompile(`(?i)(?:^|\s)(?:ab|from)\s*$`)
	// "seit Montag", "since Monday": a day named as a start; "seit dem
	// 3. März", "seit Montag, 5 Uhr": one word between "seit" and the time.
	sinceOnlyRe = regexp.MustCompile(`(?i)(?:^|\s)(?:seit|since)\s*$`)
	sinceWordRe = regexp.MustCompile(`(?i)(?:^|\s)(?:seit|since)\s+\pL+,?\s*$`)
	rangeRe     = regexp.MustCompile(`\d\.?\s*(?:[–-]|bis)\s*\d`)
	returnRe    = regexp.MustCompile(`(?i)(?:^|[^\pL])(?:wieder|erneut|freigegeben|geöffnet|erreichbar|verfügbar|erhältlich|lieferbar|again|back|reopen|resume|restored|available|in\s+stock)(?:[^\pL]|$)`)

	phoneRe = regexp.MustCompile(`(?:\+|\b00)\d{1,3}[\s/.-]?(?:\(0\)\s?)?\d{1,5}(?:[\s/.-]?\d{2,}){1,4}|(?:^|[^\d\w])\(?0\d{2,5}\)?[\s/-]?\d{2,}(?:[\s/-]?\d{2,}){0,3}|\b1[\s-]?\(?\d{3}\)?[\s-]\d{3}[\s-]\d{4}\b|\(\d{3}\)\s?\d{3}-\d{4}`)
)

// hasConcreteTime reports whether the plain view of the byte range
// [from, to) — one sentence — holds a clock time, a date or a period that
// is not a start time ("seit 9:40 Uhr"). It stops at the first one found.
func hasConcreteTime(d *Document, from, to int) bool {
	text := d.plainText[from:to]
	if !mayHoldTime(text) {
		return false
	}
	digits := strings.ContainsAny(text, "0123456789")
	for _, re := range []*regexp.Regexp{clockRe, dateRe, periodRe, spelledRe, monthPartRe} {
		if !digits && (re == clockRe || re == dateRe) {
			continue // both need a digit
		}
		// The first match decides most sentences: find it alone, and all
		// matches (the same sequence, by the same rules) only when it is
		// a start time.
		first := re.FindStringSubmatchIndex(text)
		if first == nil {
			continue
		}
		if acceptTime(text, first) {
			return true
		}
		for _, m := range re.FindAllStringSubmatchIndex(text, -1)[1:] {
			if acceptTime(text, m) {
				return true
			}
		}
	}
	return false
}

// acceptTime reports whether the time, date or period match m of text is
// not a start time.
func acceptTime(text string, m []int) bool {
	s := m[0]
	if len(m) >= 4 && m[2] >= 0 {
		s = m[2]
	}
	// A range ("ab 3.–11. September", "from 8 am–8 pm") names its end as
	// well, so only "seit"/"since" makes it a start time.
	before := lastWords(text[:s], 2)
	if sinceWordRe.MatchString(before) {
		return false
	}
	if sinceRe.MatchString(before) && !futureFromRe.MatchString(before) &&
		!(bareFromRe.MatchString(before) && (returnRe.MatchString(text) || rangeRe.MatchString(text[s:m[1]]))) {
		return false
	}
	return true
}

// mayHoldTime is a cheap line filter: every time, date or period has a
// digit or a spelled-out unit.
func mayHoldTime(l string) bool {
	if strings.ContainsAny(l, "0123456789") {
		return true
	}
	l = strings.ToLower(l)
	for _, u := range []string{"min", "stund", "std", "tag", "woch", "monat", "hour", "hr", "day", "week", "month", "uhr", "clock", "am", "pm", "noon", "mittag", "mitte", "anfang", "ende", "mid", "early", "late", "end of"} {
		if strings.Contains(l, u) {
			return true
		}
	}
	return false
}

func lastWords(s string, n int) string {
	s = strings.TrimRight(s, " \t")
	fields := strings.Fields(s)
	if len(fields) > n {
		fields = fields[len(fields)-n:]
	}
	return strings.Join(fields, " ")
}

// HasNextUpdate reports whether the document says when the next update or
// the resolution comes: a cue word and a concrete time in one sentence.
func (ev *evaluation) hasNextUpdate(r *rule) bool {
	a := ev.a
	cueSentences := map[int32]bool{}
	for _, g := range r.cues {
		for _, hi := range a.groupHits[g] {
			cueSentences[a.tokens[a.hits[hi].tok].sentence] = true
		}
	}
	// Not words (an offer's "gültig bis", "until further notice") void
	// the sentence: its time is not a time of the next update.
	for _, g := range r.not {
		for _, hi := range a.groupHits[g] {
			delete(cueSentences, a.tokens[a.hits[hi].tok].sentence)
		}
	}
	if len(cueSentences) == 0 {
		return false
	}
	for _, g := range r.when {
		for _, hi := range a.groupHits[g] {
			t := a.tokens[a.hits[hi].tok]
			if !cueSentences[t.sentence] {
				continue
			}
			// "seit Montag gesperrt", "closed since Monday" name a start.
			if sn := a.sentences[t.sentence]; t.start >= sn.start && t.start <= len(ev.d.plainText) &&
				sinceOnlyRe.MatchString(lastWords(ev.d.plainText[sn.start:t.start], 1)) {
				continue
			}
			return true
		}
	}
	// Only sentences with a cue can name the next update: look for
	// concrete times there alone, which keeps the costly expressions off
	// the rest of the text.
	for si := range cueSentences {
		sn := a.sentences[si]
		if hasConcreteTime(ev.d, sn.start, sn.end) {
			return true
		}
	}
	return false
}

// hasContact reports whether the document names a way to get help.
func (ev *evaluation) hasContact(r *rule) bool {
	a := ev.a
	// A help channel named on its own counts, unless its sentence is a
	// pitch ("in allen Filialen jedes zweite Eis gratis").
	for _, g := range r.cues {
		for _, hi := range a.groupHits[g] {
			s := a.tokens[a.hits[hi].tok].sentence
			pitch := false
			for _, ng := range r.not {
				if a.sentenceHas(ng, s, s) {
					pitch = true
					break
				}
			}
			if !pitch {
				return true
			}
		}
	}
	return len(ev.d.emails) > 0 || ev.hasHelpLink(r) || ev.hasPhone()
}

// hasPhone reports whether the message gives a phone number.
func (ev *evaluation) hasPhone() bool {
	return len(findPhones(ev.d.plainText[ev.d.Body:], 7)) > 0
}

// hasHelpLink reports whether the message links to a page that is not a
// shop: no Not word in the address, its sentence or the sentence before,
// and — when the rule names Links groups — a help word in the address or a
// link-context word in its sentence.
func (ev *evaluation) hasHelpLink(r *rule) bool {
	a := ev.a
	notTerms := ev.e.notTerms(r, ev.lang)
	isShop := func(loc [2]int) bool {
		url := strings.ToLower(ev.d.Raw[loc[0]:loc[1]])
		for _, t := range notTerms {
			if strings.Contains(url, t) {
				return true
			}
		}
		// A shop link often stands alone after the pitch ("… neue
		// Kollektion! 👉 shop.example"), so the sentence before counts too.
		s := ev.sentenceAt(loc[0])
		for _, g := range r.not {
			if s >= 0 && a.sentenceHas(g, max(s-1, 0), s) {
				return true
			}
		}
		return false
	}
	isHelp := func(loc [2]int) bool {
		if len(r.links) == 0 {
			return true
		}
		url := strings.ToLower(ev.d.Raw[loc[0]:loc[1]])
		for _, w := range helpURLWords {
			if strings.Contains(url, w) {
				return true
			}
		}
		s := ev.sentenceAt(loc[0])
		for _, g := range r.links {
			if s >= 0 && a.sentenceHas(g, s, s) {
				return true
			}
		}
		return false
	}
	for _, loc := range ev.d.links {
		if !isShop(loc) && isHelp(loc) {
			return true
		}
	}
	return false
}

// helpURLWords in a web address mark it as a help or status page.
var helpURLWords = []string{"status", "hilfe", "help", "support", "service", "kontakt", "contact", "info", "faq",
	"stoerung", "störung", "storung", "rueckruf", "rückruf", "recall", "update", "aktuell", "news", "notfall", "emergency", "incident"}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// notTerms returns the folded word parts of a rule's Not groups, for
// matching inside links; computed once per rule and language.
func (e *Engine) notTerms(r *rule, lang string) []string {
	e.notMu.Lock()
	defer e.notMu.Unlock()
	key := r.ID + "\x00" + lang
	if out, ok := e.notCache[key]; ok {
		return out
	}
	var out []string
	f := newFolder()
	for _, g := range r.Require.Not {
		for _, t := range e.pb.Lexicon[g][lang] {
			t = strings.Trim(t, "*")
			if !strings.Contains(t, " ") && len(t) >= 3 {
				out = append(out, f.fold(t))
			}
		}
	}
	if e.notCache == nil {
		e.notCache = map[string][]string{}
	}
	e.notCache[key] = out
	return out
}

func (ev *evaluation) require(r *rule) {
	required := false
	if ch := ev.e.pb.Channel(ev.ctx.Channel); ch != nil {
		for _, id := range ch.Require {
			if id == r.ID {
				required = true
			}
		}
	}
	if !required {
		return
	}
	switch r.Require.Element {
	case "next-update":
		if ev.ctx.Stage == "resolved" || ev.ctx.Stage == "followup" {
			return
		}
		if ev.hasNextUpdate(r) {
			return
		}
	case "contact":
		if ev.hasContact(r) {
			return
		}
	case "link":
		if ev.hasHelpLink(r) {
			return
		}
	case "phone":
		if ev.hasPhone() {
			return
		}
	}
	from, to := ev.firstLine()
	ev.add(r, from, to, "")
}

// firstLine spans the first non-empty line of the body, where a missing
// element is reported.
func (ev *evaluation) firstLine() (int, int) {
	body := ev.d.Raw[ev.d.Body:]
	off := ev.d.Body
	for len(body) > 0 {
		line, rest, _ := strings.Cut(body, "\n")
		if t := strings.TrimSpace(line); t != "" {
			lead := len(line) - len(strings.TrimLeft(line, " \t"))
			return off + lead, off + len(strings.TrimRight(line, " \t\r"))
		}
		off += len(line) + 1
		body = rest
	}
	return ev.d.Body, ev.d.Body
}

// Detected reports what the detectors find in a document regardless of
// channel requirements: whether it names the next update and a contact.
func (e *Engine) Detected(d *Document, ctx Context) (nextUpdate, contact bool) {
	ev, done := e.analyse(d, ctx)
	defer done()
	for _, r := range e.rules {
		if r.kind != "require" || !ev.applies(r) {
			continue
		}
		switch r.Require.Element {
		case "next-update":
			nextUpdate = nextUpdate || ev.hasNextUpdate(r)
		case "contact":
			contact = contact || ev.hasContact(r)
		}
	}
	return nextUpdate, contact
}

// Function words that tell German from English text.
var (
	deWords = map[string]bool{"der": true, "die": true, "das": true, "und": true, "ist": true, "nicht": true, "wir": true, "sie": true,
		"ihr": true, "ihre": true, "ihnen": true, "mit": true, "für": true, "auf": true, "bei": true, "ein": true, "eine": true, "zu": true,
		"den": true, "dem": true, "des": true, "von": true, "im": true, "uns": true, "bitte": true, "leider": true, "sind": true, "wird": true,
		"werden": true, "auch": true, "noch": true, "unsere": true, "unser": true, "heute": true, "um": true, "uhr": true, "es": true}
	enWords = map[string]bool{"the": true, "and": true, "is": true, "are": true, "not": true, "we": true, "you": true, "your": true,
		"with": true, "for": true, "on": true, "at": true, "a": true, "an": true, "to": true, "of": true, "in": true, "our": true,
		"please": true, "us": true, "will": true, "be": true, "this": true, "have": true, "has": true, "it": true, "today": true, "by": true}
)

// DetectLang guesses German or English from function words; fallback is
// used when the text gives no signal.
func DetectLang(a *analysis, fallback string) string {
	de, en := 0, 0
	for _, t := range a.tokens {
		de, en = scoreWord(t.folded, de, en)
	}
	return pickLang(de, en, fallback)
}

func scoreWord(w string, de, en int) (int, int) {
	if deWords[w] {
		de++
	}
	if enWords[w] {
		en++
	}
	if strings.ContainsAny(w, "äöüß") {
		de++
	}
	return de, en
}

func pickLang(de, en int, fallback string) string {
	switch {
	case de > en:
		return "de"
	case en > de:
		return "en"
	case fallback != "":
		return fallback
	}
	return "en"
}
