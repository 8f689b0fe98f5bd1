package lint

import "bytes"

// The Markdown parser takes quadratic time or much memory on some
// constructs that no message uses: link destinations that never close
// ("[a](" a hundred thousand times), brackets that never close, and block
// quotes nested thousands deep. guardMarkdown defuses them in the copy the
// parser reads, byte for byte in place, so that every offset stays valid:
// such a bracket or parenthesis becomes a plain letter, which is what the
// parser would have made of it in the end (text), and a quote marker past
// maxQuoteDepth becomes text inside the deepest quote.
const (
	// maxLinkScan bounds how far a link's text or destination may reach.
	maxLinkScan = 4096
	// maxLinkParens is the nesting of parentheses in a destination that
	// CommonMark implementations may stop at.
	maxLinkParens = 32
	// maxQuoteDepth bounds the nesting of block quotes.
	maxQuoteDepth = 32
)

// guardMarkdown returns src with the constructs above defused; src itself
// when there are none, else a modified copy.
func guardMarkdown(src []byte) []byte {
	out := src
	patch := func(i int) {
		if &out[0] == &src[0] {
			out = bytes.Clone(src)
		}
		out[i] = 'x'
	}
	// Brackets without a closing one within reach. closeAt is the next
	// "]" (out of reach of all when there is none left), searched for
	// again only once passed.
	closeAt := -1
	for i := bytes.IndexByte(src, '['); i >= 0; {
		if closeAt <= i {
			closeAt = len(src) + maxLinkScan + 1
			if j := bytes.IndexByte(src[i+1:], ']'); j >= 0 {
				closeAt = i + 1 + j
			}
		}
		if closeAt-i > maxLinkScan {
			patch(i)
		}
		j := bytes.IndexByte(src[i+1:], '[')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	// Link destinations (and titles) that do not close within reach.
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte("]("))
		if j < 0 {
			break
		}
		p := i + j + 1 // the parenthesis
		if !linkCloses(src, p+1) {
			patch(p)
		}
		i = p + 1
	}
	// Block quotes nested too deep.
	for start := 0; start < len(src); {
		depth := 0
		i := start
		for {
			k := i
			for k < len(src) && k-i < 3 && src[k] == ' ' {
				k++
			}
			if k >= len(src) || src[k] != '>' {
				break
			}
			depth++
			if depth > maxQuoteDepth {
				patch(k)
				break
			}
			i = k + 1
		}
		nl := bytes.IndexByte(src[i:], '\n')
		if nl < 0 {
			break
		}
		start = i + nl + 1
	}
	return out
}

// linkCloses reports whether the destination and optional title of an
// inline link starting at i (after "](") end with ")" within maxLinkScan
// bytes, following CommonMark: <…> or a run without spaces and with
// balanced parentheses, then optional whitespace, a title in "", ” or (),
// optional whitespace and ")".
func linkCloses(s []byte, i int) bool {
	end := min(len(s), i+maxLinkScan)
	skipSpace := func() {
		for i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	skipSpace()
	if i < end && s[i] == '<' {
		for i++; i < end && s[i] != '>'; i++ {
			if s[i] == '\n' || s[i] == '<' {
				return false
			}
			if s[i] == '\\' {
				i++
			}
		}
		if i >= end {
			return false
		}
		i++
	} else {
		depth := 0
	dest:
		for ; i < end; i++ {
			switch c := s[i]; {
			case c == '\\':
				i++
			case c == '(':
				depth++
				if depth > maxLinkParens {
					return false
				}
			case c == ')':
				if depth == 0 {
					return true
				}
				depth--
			case c <= ' ':
				break dest
			}
		}
	}
	skipSpace()
	if i >= end {
		return false
	}
	if c := s[i]; c == '"' || c == '\'' || c == '(' {
		closer := c
		if c == '(' {
			closer = ')'
		}
		for i++; i < end && s[i] != closer; i++ {
			if s[i] == '\\' {
				i++
			}
		}
		if i >= end {
			return false
		}
		i++
		skipSpace()
	}
	return i < end && s[i] == ')'
}
