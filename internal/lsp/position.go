package lsp

import (
	"unicode/utf8"
)

// Position encodings of LSP 3.17: what a Position's character counts.
const (
	encUTF8  = "utf-8"  // bytes
	encUTF16 = "utf-16" // UTF-16 code units, the protocol's default
	encUTF32 = "utf-32" // code points
)

// lines indexes a text's line starts. Lines end at \n, \r\n or a lone \r,
// as the protocol defines them.
type lines struct {
	text   string
	starts []int
	enc    string
}

func newLines(text, enc string) *lines {
	l := &lines{text: text, starts: []int{0}, enc: enc}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			l.starts = append(l.starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

// lineEnd is the offset where line i's text ends, before its line break.
func (l *lines) lineEnd(i int) int {
	if i+1 >= len(l.starts) {
		return len(l.text)
	}
	end := l.starts[i+1] - 1
	if end > l.starts[i] && l.text[end] == '\n' && l.text[end-1] == '\r' {
		end--
	}
	return end
}

// line returns the line that holds the byte offset off.
func (l *lines) line(off int) int {
	lo, hi := 0, len(l.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// position converts a byte offset (clamped to the text) to a Position.
func (l *lines) position(off int) Position {
	off = min(max(off, 0), len(l.text))
	i := l.line(off)
	off = min(off, l.lineEnd(i)) // inside a \r\n counts as the line's end
	return Position{Line: i, Character: l.units(l.text[l.starts[i]:off])}
}

// units counts s in the negotiated encoding.
func (l *lines) units(s string) int {
	switch l.enc {
	case encUTF8:
		return len(s)
	case encUTF32:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// offset converts a Position to a byte offset. A line past the end means
// the end of the text, a character past the line's end the line's end,
// and a character inside a code point (half a surrogate pair, a byte
// inside a UTF-8 sequence) the start of that code point.
func (l *lines) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(l.starts) {
		return len(l.text)
	}
	off, end := l.starts[p.Line], l.lineEnd(p.Line)
	for n := 0; off < end; {
		r, size := utf8.DecodeRuneInString(l.text[off:end])
		w := 1
		switch {
		case l.enc == encUTF8:
			w = size
		case l.enc == encUTF16 && r >= 0x10000:
			w = 2
		}
		if n+w > p.Character {
			break
		}
		n += w
		off += size
	}
	return off
}

// rangeOf converts byte offsets to a Range.
func (l *lines) rangeOf(from, to int) Range {
	return Range{Start: l.position(from), End: l.position(to)}
}
