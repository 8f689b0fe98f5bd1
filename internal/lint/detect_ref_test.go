package lint

import (
	"bytes"
	"encoding/binary"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The expressions the start-time checks were written with; acceptTime and
// hasNextUpdate compare words instead, and FuzzConcreteTime holds them to
// these.
var (
	refSinceRe      = regexp.MustCompile(`(?i)(?:seit|since|ab|from|started at|begann um)\s*$`)
	refFutureFromRe = regexp.MustCompile(`(?i)(?:(?:erst|frühestens|wieder|not until|only|again|abholbereit|shipping|dispatch)|(?:^|\s)(?:stehen|steht|online|informationen|infos|info|details|neuigkeiten|updates|update|information|news))\s+(?:ab|from)\s*$`)
	refDurationOfRe = regexp.MustCompile(`(?i)^ *of[ \n]`)
	refWithinRe     = regexp.MustCompile(`(?i)(?:^|\s)(?:within|in|innerhalb)$`)
	refBareFromRe   = regexp.MustCompile(`(?i)(?:^|\s)(?:ab|from)\s*$`)
	refSinceOnlyRe  = regexp.MustCompile(`(?i)(?:^|\s)(?:seit|since)\s*$`)
	refSinceWordRe  = regexp.MustCompile(`(?i)(?:^|\s)(?:seit|since)\s+\pL+,?\s*$`)
	refRangeRe      = regexp.MustCompile(`\d\.?\s*(?:[–-]|bis)\s*\d`)
	refOfDateRe     = regexp.MustCompile(`(?i)(?:^|\s)(?:vom|of|dated)$`)
	refWeekOfRe     = regexp.MustCompile(`(?i)week(?:end)? of$`)
	refPastAtRe     = regexp.MustCompile(`(?i)(?:^|\s)(?:reopened|resumed|restored|restarted|ended|finished|cleared|returned|recovered)\s+at$`)
	refPastRe       = regexp.MustCompile(`(?i)(?:^|\s)(?:reopened|resumed|restored|restarted|ended|finished|cleared|returned|recovered)$`)
	refAheadRe      = regexp.MustCompile(`(?i)(?:^|\s)(?:be|been|being|is|are|will)\s+\S+(?:\s+at)?$`)
	refAtRe         = regexp.MustCompile(`(?i)^at\s`)
	refRateRe       = regexp.MustCompile(`(?i)^an? `)
	refUnitNextRe   = regexp.MustCompile(`^ *(?i:minuten|minute|min|stunden|stunde|std|tagen|tage|tag|werktagen|werktage|werktag|wochen|woche|monate|monaten|minutes|mins|hours|hour|hrs|hr|days|day|weeks|week|months|month)(?:[^a-zA-Z]|$)`)
	refByRe         = regexp.MustCompile(`(?i)(?:^|\s)(?:by|um)$`)
	refAmountWordRe = regexp.MustCompile(`[0-9£$€]`)
	refForTheRe     = regexp.MustCompile(`(?i)(?:für die|für diese|for the|for these|for those)$`)
	// refAmountRe runs on the ASCII-lower-cased text after a clock match.
	refAmountRe = regexp.MustCompile(`^(?:[.,]\d+)? *(?:%|€|£|\$|(?:percent|per cent|prozent|euros?|eur|dollars?|pounds?|franken|chf|cents?|pence)\b)`)
)

// refLowerASCII lower-cases the ASCII letters of s alone.
func refLowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// refHasConcreteTime is the detector as first written: every expression,
// every match, judged by expressions. (A coarse word filter that used to
// run first is gone: it let "um eins" without a digit or unit through.)
func refHasConcreteTime(text string) bool {
	digits := strings.ContainsAny(text, "0123456789")
	for i, expr := range timeExprs {
		if !digits && i < 2 { // clockRe and dateRe need a digit
			continue
		}
		re := expr()
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			s := m[0]
			if len(m) >= 4 && m[2] >= 0 {
				s = m[2]
			}
			before := lastWords(text[:s], 2)
			if i == 0 && refAmountRe.MatchString(refLowerASCII(text[m[1]:])) {
				continue
			}
			if i == 0 && (refPastAtRe.MatchString(before) || refAtRe.MatchString(text[s:m[1]]) && refPastRe.MatchString(before)) &&
				!refAheadRe.MatchString(lastWords(text[:s], 3)) {
				continue
			}
			if i == periodExpr && refForTheRe.MatchString(before) {
				continue
			}
			if i == 3 && refUnitNextRe.MatchString(text[m[3]:]) {
				continue
			}
			if i == periodExpr && refByRe.MatchString(before) {
				continue
			}
			if i == periodExpr && refRateRe.MatchString(text[s:m[1]]) && refAmountWordRe.MatchString(lastWords(text[:s], 1)) {
				continue
			}
			if i == periodExpr && refPossessive(text, m[3]) && !refWithinRe.MatchString(before) {
				continue
			}
			if i == periodExpr && refDurationOfRe.MatchString(text[m[3]:]) && !refWithinRe.MatchString(before) {
				continue
			}
			isRange := refRangeRe.MatchString(text[s:m[1]])
			if i == 1 && refOfDateRe.MatchString(before) && !isRange && !refWeekOfRe.MatchString(before) {
				continue
			}
			if refSinceWordRe.MatchString(before) {
				continue
			}
			if refSinceRe.MatchString(before) && !refFutureFromRe.MatchString(before) &&
				!(refBareFromRe.MatchString(before) && (returnRe().MatchString(text) || isRange)) {
				continue
			}
			return true
		}
	}
	return false
}

func checkConcreteTime(t *testing.T, s string) {
	t.Helper()
	if got, want := hasConcreteTimeText(s), refHasConcreteTime(s); got != want {
		t.Errorf("hasConcreteTime(%q) = %v, expressions say %v", s, got, want)
	}
	if got, want := firstClock(s), clockRe().FindStringSubmatchIndex(s); !slices.Equal(got, want) {
		t.Errorf("firstClock(%q) = %v, clockRe finds %v", s, got, want)
	}
	cand := timeCandidates(s)
	for i, expr := range timeExprs {
		if re := expr(); cand&(1<<i) == 0 && re.MatchString(s) {
			t.Errorf("timeCandidates(%q) = %06b rules out %s, which matches %q", s, cand, re, re.FindString(s))
		}
	}
	w := lastWords(s, 1)
	if got, want := equalFoldAny(w, "seit", "since"), refSinceOnlyRe.MatchString(w); got != want {
		t.Errorf("since-only(%q) = %v, expression says %v", w, got, want)
	}
	if got, want := isRange(s), refRangeRe.MatchString(s); got != want {
		t.Errorf("isRange(%q) = %v, expression says %v", s, got, want)
	}
}

var timeSeeds = []string{
	"Ihre Bestellung vom 2. Mai kommt später; your order of 2 May, dated 3 June, in the week of 14 April.",
	"Die Teile sind ab dem 14. Oktober vorrätig, vom 3.–11. September geschlossen.",
	"Versand ab 9. Mai, Fragen an service@example.de",
	"Überweisungen vom 27. werden erst am 28. gutgeschrieben.",
	"We're offering 12 months of free credit monitoring, within two days of your reply.",
	"It will appear as a credit on your October bill; Rechnung für Oktober.",
	"Die Strecke ist seit Montag, 5 Uhr, wieder frei. Shipping from 3 June.",
	"Nächstes Update um 12:00 Uhr unter stoerung.example.de oder 0800 123 4567.",
	"Seit 9:40 Uhr fällt in Nordstadt der Strom aus.",
	"Seit Montag, 5 Uhr, ist die Strecke gesperrt; ab 18 Uhr wieder frei.",
	"seit dem 3. März gesperrt", "erst ab 20. November", "ab 3.–11. September geschlossen",
	"from 8 am–8 pm open again", "since Monday 9 am", "not until from 6 pm", "only from 7 pm",
	"Wir melden uns in zwei Stunden.", "in 2–3 Wochen", "within 5-7 business days", "in half an hour",
	"um eins", "at noon tomorrow", "by twelve o'clock", "Mitte Mai", "end of June", "mid-May", "the end of may",
	"KW 48", "calendar week 12", "cw12", "2026-11-23", "23.11.2026", "Dec 3rd", "3rd of December", "12. Dez.",
	"ſeit 9 Uhr", "SEIT 9 UHR", "\u212aW 4", "Ab 9 Uhr", "FROM 9 AM", "Seit Ständig, 9 Uhr", "seit Montag,, 9 Uhr",
	"MÄRZ 3", "3. MÄRZ", "FÜNF", "um FÜNF Uhr", "email 12", "Mail 5", "u\u0308m 5 Uhr", "9\u00a0Uhr", "bis 9\tUhr",
	"Um 9", "um\t9", "UM 9:30 Uhr", "x9 Uhr", ".9 Uhr", ":9 Uhr", "9", "a9 am", "ä9:40", "gegen 10", "BEFORE 5 pm", "vor  7", "bis 8–20 Uhr",
	"started at 9 am", "begann um 9 Uhr", "Begann Um 9", "again from 9", "wieder ab 18 Uhr",
	"Versand ab 9. Mai", "Wir verschicken ab Montag, 3. Juni", "Störung ab 9:40 Uhr",
	"Die Störung besteht ab 9. Mai.", "Werte stehen ab 16 Uhr online", "Weitere Informationen ab 20. September", "More details from 3pm", "INFOS AB 9 Uhr", "online from 4pm", "STEHT AB 9 Uhr",
	"moved from 7pm to 8.15pm", "at 4.10 p.m.", "We expect it on Thu 14th.", "by the 3RD", "Friday the 14th",
	"am Do., 14. Mai", "Freitag, 14. ", "rise by 4.5%", "by 11 %", "um 10 Euro", "at 5 Eurostar", "by 2 per cent",
	"für die drei Tage", "For The 2 days", "for the next 2 days", "für diese vier Tage", "a minute's applause",
	"in a week’s time", "a week's credit", "two weeks's", "at £11.00 a month", "extended by one month", "by two WEEKS", "um zwei Wochen", "um zwei Wochenenden", "at one hourly", "by one day.", "um eine Woche verschoben", "BY 2 days", "drum 3 Tage", "$5 a week", "for 20 € a month", "A 2 A Week", "3 a\tday",
	"The line reopened at 5am.", "Services resumed at 6 today", "will be reopened at 5am", "has been restored at 9:40",
	"REOPENED  AT 5 pm", "reopened at", "The outage ended at 11pm.", "they are reopened at 8", "by 5 Pounds", "by 5 poundſ",
}

// TestShippingFrom checks that a bare "ab" date is the next step when the
// goods go out then, and still a start time otherwise.
func TestShippingFrom(t *testing.T) {
	for s, want := range map[string]bool{
		"Versand ab 9. Mai, Fragen an service@example.de": true,
		"Die Messwerte stehen ab 16 Uhr online.":          true,
		"Results are online from 4pm.":                    true,
		"Wir versenden ab dem 14. Juni.":                  true,
		"Die Pakete werden ab 12. Mai verschickt.":        true,
		"Ab 9:40 Uhr fiel der Strom aus.":                 false,
		"Die Störung besteht ab 9. Mai.":                  false,
	} {
		if got := hasConcreteTimeText(s); got != want {
			t.Errorf("hasConcreteTimeText(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestSpelledHourWithoutDigits(t *testing.T) {
	for _, s := range []string{"Nächstes Update um eins.", "Wir melden uns gegen zehn wieder.", "Next update by twelve.", "Next update at noon."} {
		if !hasConcreteTimeText(s) {
			t.Errorf("%q names a time", s)
		}
	}
	for _, s := range []string{"Nächstes Update folgt.", "We will update you as soon as we can."} {
		if hasConcreteTimeText(s) {
			t.Errorf("%q names no time", s)
		}
	}
}

func TestConcreteTimeMatchesExpressions(t *testing.T) {
	for _, s := range timeSeeds {
		checkConcreteTime(t, s)
	}
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		for _, line := range strings.Split(e.Text, "\n") {
			for _, s := range strings.SplitAfter(line, ". ") {
				checkConcreteTime(t, s)
				n++
			}
		}
	}
	if n < 500 {
		t.Fatalf("only %d corpus sentences checked", n)
	}
}

func FuzzConcreteTime(f *testing.F) {
	for _, s := range timeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkConcreteTime(t, s)
	})
}

// refDetectLanguage is DetectLanguage as first written, decoding every
// rune; FuzzDetectLanguage holds the ASCII fast path to it.
func refDetectLanguage(d *Document, fallback string) string {
	text := d.voice[d.Body:]
	de, en := 0, 0
	var buf [8]byte
	start := -1
	for i := 0; i <= len(text); {
		r, size := rune(' '), 1
		if i < len(text) {
			r, size = utf8.DecodeRune(text[i:])
		}
		if i < len(text) && unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			i += size
			continue
		}
		if start >= 0 {
			if w := text[start:i]; len(w) <= len(buf) {
				n := copy(buf[:], w)
				for k := 0; k < n; k++ {
					if c := buf[k]; 'A' <= c && c <= 'Z' {
						buf[k] = c + 'a' - 'A'
					}
				}
				de, en = scoreWord(string(buf[:n]), de, en)
				if bytes.Contains(w, []byte("Ä")) || bytes.Contains(w, []byte("Ö")) || bytes.Contains(w, []byte("Ü")) {
					de++
				}
				if de+en >= 12 && (de >= 2*en+4 || en >= 2*de+4) {
					break
				}
			}
			start = -1
		}
		i += size
	}
	return pickLang(de, en, fallback)
}

func FuzzDetectLanguage(f *testing.F) {
	for _, s := range []string{"", "Wir sind für Sie da. ÄRGER über Öl", "We are here for you, the update is at noon.", "Ünd the ÖL äh", "a\xffb Über", "ÄÖÜ the and der die das"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Parse("x.txt", []byte(s), false)
		if err != nil {
			return
		}
		if got, want := DetectLanguage(d, "fr"), refDetectLanguage(d, "fr"); got != want {
			t.Fatalf("DetectLanguage(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestLangLookup checks the packed-key table against langWords.
func TestLangLookup(t *testing.T) {
	for w, v := range langWords {
		var b [8]byte
		copy(b[:], w)
		if got := langLookup(binary.LittleEndian.Uint64(b[:])); got != v {
			t.Errorf("langLookup(%q) = %d, want %d", w, got, v)
		}
	}
	for _, w := range []string{"x", "dies", "werdenx", "thee", "ü"} {
		var b [8]byte
		copy(b[:], w)
		if got := langLookup(binary.LittleEndian.Uint64(b[:])); got != langWords[w] {
			t.Errorf("langLookup(%q) = %d, want %d", w, got, langWords[w])
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	entries, err := LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		b.Fatal(err)
	}
	var docs []*Document
	for _, c := range entries {
		d, err := Parse("m.txt", []byte(c.Text), false)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	for _, impl := range []struct {
		name string
		fn   func(*Document, string) string
	}{{"now", DetectLanguage}, {"ref", refDetectLanguage}} {
		b.Run(impl.name, func(b *testing.B) {
			for b.Loop() {
				for _, d := range docs {
					impl.fn(d, "")
				}
			}
		})
	}
}
