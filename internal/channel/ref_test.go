package channel

// This file keeps the former implementations of X, xWalk, SMS, smsFit,
// isGSM and UCS2Culprits, which the faster ones in x.go and sms.go
// replaced. They are the references that FuzzXRef, FuzzXWalkRef and
// FuzzSMSRef compare the new code with, and are compiled only into tests.

import (
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func xRef(text string) XStats {
	n := 0
	xWalkRef(norm.NFC.String(text), func(_, _, w int) { n += w })
	return XStats{WeightedLength: n}
}

func dotAheadRef(text string, i int) bool {
	for ; i < len(text); i++ {
		switch text[i] {
		case '.':
			return true
		case ' ', '\t', '\n', '\r', '\f':
			return false
		}
	}
	return false
}

func xWalkRef(text string, fn func(start, end, weight int)) {
	prev := rune(-1)
	for i := 0; i < len(text); {
		if urlCanStart(prev) && dotAheadRef(text, i) {
			if end := matchURL(text, i, true); end > i {
				fn(i, end, xURLWeight)
				prev, _ = utf8.DecodeLastRuneInString(text[:end])
				i = end
				continue
			}
		}
		if end := matchEmoji(text, i); end > i {
			fn(i, end, xDefaultWeight)
			prev, _ = utf8.DecodeLastRuneInString(text[:end])
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		fn(i, i+size, xRuneWeightRef(r))
		prev = r
		i += size
	}
}

func xRuneWeightRef(r rune) int {
	for _, rg := range xLightRanges {
		if r >= rg[0] && r <= rg[1] {
			return 1
		}
	}
	return xDefaultWeight
}

var gsmSeptetsRef = func() map[rune]int {
	m := make(map[rune]int, len(gsmBasic)+len(gsmExtension))
	for _, r := range gsmBasic {
		m[r] = 1
	}
	for _, r := range gsmExtension {
		m[r] = 2
	}
	return m
}()

var asciiSeptetsRef = func() (t [utf8.RuneSelf]int8) {
	for r := range t {
		t[r] = int8(gsmSeptetsRef[rune(r)])
	}
	return t
}()

func septetsRef(r rune) int {
	if r >= 0 && r < utf8.RuneSelf {
		return int(asciiSeptetsRef[r])
	}
	return gsmSeptetsRef[r]
}

func isGSMRef(text string) bool {
	for _, r := range text {
		if septetsRef(r) == 0 {
			return false
		}
	}
	return true
}

func smsUnitsRef(r rune, gsm bool) int {
	if gsm {
		return septetsRef(r)
	}
	if n := utf16.RuneLen(r); n > 0 {
		return n
	}
	return 1
}

func smsRef(text string) SMSStats {
	gsm := isGSMRef(text)
	st := SMSStats{Encoding: EncodingUCS2}
	single, multi := ucs2Single, ucs2Multi
	if gsm {
		st.Encoding = EncodingGSM7
		single, multi = gsmSingle, gsmMulti
	}
	for _, r := range text {
		st.Units += smsUnitsRef(r, gsm)
	}
	switch {
	case st.Units == 0:
		st.Segments = 0
	case st.Units <= single:
		st.Segments = 1
	default:
		used := 0
		st.Segments = 1
		for _, r := range text {
			u := smsUnitsRef(r, gsm)
			if used+u > multi {
				st.Segments++
				used = 0
			}
			used += u
		}
	}
	return st
}

func smsFitRef(text string, limit int) (offset, fit int) {
	gsm := isGSMRef(text)
	single, multi := ucs2Single, ucs2Multi
	if gsm {
		single, multi = gsmSingle, gsmMulti
	}
	if limit <= 1 {
		for i, r := range text {
			u := smsUnitsRef(r, gsm)
			if fit+u > single {
				return i, fit
			}
			fit += u
		}
		return len(text), fit
	}
	seg, used := 1, 0
	for i, r := range text {
		u := smsUnitsRef(r, gsm)
		if used+u > multi {
			seg++
			used = 0
			if seg > limit {
				return i, fit
			}
		}
		used += u
		fit += u
	}
	return len(text), fit
}

func ucs2CulpritsRef(text string) []Culprit {
	var out []Culprit
	for i, r := range text {
		if septetsRef(r) != 0 {
			continue
		}
		out = append(out, Culprit{Rune: r, Offset: i, Replacement: gsmReplacements[r]})
	}
	return out
}
