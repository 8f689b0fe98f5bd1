package lint

import (
	"bytes"
	"encoding/binary"
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
				buf = [8]byte{}
				n := copy(buf[:], w)
				for k := 0; k < n; k++ {
					if c := buf[k]; 'A' <= c && c <= 'Z' {
						buf[k] = c + 'a' - 'A'
					}
				}
				// scoreWord on the lower-cased buffer, which is already
				// the packed key, and with the word's non-ASCII known.
				if n <= langWordMax {
					b := langLookup(binary.LittleEndian.Uint64(buf[:]))
					de += int(b & 1)
					en += int(b >> 1)
				}
				if nonASCII {
					if bytes.ContainsAny(buf[:n], "äöüß") {
						de++
					}
					// Capital umlauts count too.
					if bytes.Contains(w, []byte("Ä")) || bytes.Contains(w, []byte("Ö")) || bytes.Contains(w, []byte("Ü")) {
						de++
					}
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

// langSlots is an open-addressing table of langWords keyed by the word's
// bytes packed little-endian into an integer (no byte of a word is zero):
// language detection looks up every short word, and hashing an integer is
// cheaper than hashing a string.
var langSlots = func() (t [256]struct {
	key uint64
	val uint8
}) {
	for w, v := range langWords {
		if len(w) > 8 {
			panic("lint: a language function word is longer than 8 bytes: " + w)
		}
		var b [8]byte
		copy(b[:], w)
		k := binary.LittleEndian.Uint64(b[:])
		for i := langHash(k); ; i = (i + 1) % uint64(len(t)) {
			if t[i].key == 0 {
				t[i].key, t[i].val = k, v
				break
			}
		}
	}
	return t
}()

func langHash(k uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> 56 }

// langLookup returns langWords' bits for the packed word k (not zero).
func langLookup(k uint64) uint8 {
	for i := langHash(k); ; i = (i + 1) % uint64(len(langSlots)) {
		switch langSlots[i].key {
		case k:
			return langSlots[i].val
		case 0:
			return 0
		}
	}
}
