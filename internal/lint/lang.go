package lint

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// DetectLanguage guesses the language of a document without tokenizing
// it fully: words are runs of letters, and the count of German and English
// function words decides. It stops once one language leads clearly, so a
// long file costs no more than its first paragraphs.
func DetectLanguage(d *Document, fallback string) string {
	text := d.voice[d.Body:]
	de, en := 0, 0
	var buf [8]byte
	start := -1
	// nonASCII tells whether the current word has a multi-byte letter:
	// only such words can hold a capital umlaut.
	nonASCII := false
	for i := 0; i <= len(text); {
		letter, size := false, 1
		if i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				letter = 'a' <= c|0x20 && c|0x20 <= 'z'
			} else {
				var r rune
				r, size = utf8.DecodeRune(text[i:])
				letter = unicode.IsLetter(r)
				nonASCII = nonASCII || letter
			}
		}
		if letter {
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
				// scoreWord sees lower-case umlauts; capitals count too.
				if nonASCII && (bytes.Contains(w, []byte("Ä")) || bytes.Contains(w, []byte("Ö")) || bytes.Contains(w, []byte("Ü"))) {
					de++
				}
				if de+en >= 12 && (de >= 2*en+4 || en >= 2*de+4) {
					break
				}
			}
			start, nonASCII = -1, false
		}
		i += size
	}
	return pickLang(de, en, fallback)
}
