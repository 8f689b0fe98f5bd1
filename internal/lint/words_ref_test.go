package lint

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// The tokenizer as it was before scanWords, kept as the reference that
// FuzzWordsTokenize holds tokenize to.

func (a *analysis) wordsRefTokenize(d *Document) {
	voice := string(d.voice[d.Body:])
	base := d.Body
	a.wordsRefSplitSentences(voice, base)
	it := words.FromString(voice)
	si := 0
	for it.Next() {
		w := it.Value()
		if c := w[0]; c < utf8.RuneSelf {
			// An ASCII character other than a letter, digit or "_" starts
			// no word: per UAX #29 it stands alone, with its marks, or in a
			// run of spaces.
			if !isASCIIAlnum(c) && (c != '_' || !hasWordRune(w)) {
				continue
			}
		} else if r, _ := utf8.DecodeRuneInString(w); !isWordRune(r) {
			// Tokens such as "–" or "…" carry no word; but a token may
			// start with a quotation mark or similar, so check all runes.
			if !hasWordRune(w) {
				continue
			}
		}
		start := base + it.Start()
		for si < len(a.sentences)-1 && start >= a.sentences[si].end {
			si++
		}
		// Messages repeat their words, and so do the files of a run: the
		// folded form and the capitals test come from a cache.
		wf, ok := a.wordForms[w]
		if !ok {
			if len(a.wordForms) >= 50_000 {
				clear(a.wordForms)
			}
			wf = &wordForm{folded: a.folder.fold(w), caps: isCaps(w)}
			key := strings.Clone(w)
			if wf.folded == w {
				wf.folded = key // neither may keep the file's text alive
			}
			a.wordForms[key] = wf
		}
		a.tokens = append(a.tokens, token{
			start: start, end: base + it.End(), folded: wf.folded,
			sentence: int32(si), caps: wf.caps, form: wf,
		})
	}
	// Assign token ranges to sentences.
	ti := int32(0)
	for i := range a.sentences {
		a.sentences[i].tok = ti
		for int(ti) < len(a.tokens) && a.tokens[ti].sentence == int32(i) {
			ti++
		}
		a.sentences[i].tokEnd = ti
	}
}

func (a *analysis) wordsRefSplitSentences(s string, base int) {
	start := 0
	emit := func(end int) {
		if strings.TrimSpace(s[start:end]) != "" {
			a.sentences = append(a.sentences, sentence{start: base + start, end: base + end})
		}
		start = end
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '.', '!', '?':
			j := i + 1
			for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?' || s[j] == '"' || s[j] == ')') {
				j++
			}
			if j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' && s[j] != '\r' && !strings.HasPrefix(s[j:], "“") && !strings.HasPrefix(s[j:], "”") {
				continue
			}
			if c == '.' && j == i+1 && wordsRefAbbreviationBefore(s, i) {
				continue
			}
			emit(j)
			i = j - 1
		case '\n':
			// blank line, or a line that starts a list item or heading
			rest := strings.TrimLeft(s[i+1:], " \t\r")
			prev := strings.TrimRight(s[start:i], " \t\r")
			if strings.HasPrefix(rest, "\n") || wordsRefStartsBlock(rest) || wordsRefEndsClause(prev) || wordsRefStartsBlock(strings.TrimLeft(s[start:i], " \t")) {
				emit(i + 1)
			}
		default:
			if c >= utf8.RuneSelf && strings.HasPrefix(s[i:], "…") {
				j := i + len("…")
				if j >= len(s) || s[j] == ' ' || s[j] == '\n' {
					emit(j)
					i = j - 1
				}
			}
		}
	}
	emit(len(s))
}

func wordsRefStartsBlock(line string) bool {
	if line == "" {
		return false
	}
	switch line[0] {
	case '-', '*', '+', '#', '>':
		return true
	}
	if strings.HasPrefix(line, "•") || strings.HasPrefix(line, "–") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') && i+1 < len(line) && line[i+1] == ' '
}

func wordsRefEndsClause(line string) bool {
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case ':', '.', '!', '?', ';':
		return true
	}
	return strings.HasSuffix(line, "…")
}

func wordsRefAbbreviationBefore(s string, i int) bool {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j -= size
	}
	w := s[j:i]
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		// "23." followed by a word: an ordinal/date in German.
		allDigits := strings.Trim(w, "0123456789") == ""
		return allDigits && len(w) <= 2
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	var buf [16]byte
	if len(w) > len(buf) {
		return false // longer than every abbreviation, also in lower case
	}
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return abbreviations[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return abbreviations[string(buf[:len(w)])]
}
