package channel

import "fmt"

// words are the texts of limit findings in one language.
type words struct {
	names                                      map[string]string
	maxChars, subject                          string
	smsHead, shorten, smsUnfixable             string
	smsForces, smsForce, smsBoth               string
	useInstead, delete, normalSpace, more, and string
	x, emojiTwo                                string
	char, charsN, septet, septetsN, segN, seg1 string
}

var wordsByLang = map[string]*words{
	"en": {
		names: map[string]string{"sms": "SMS", "x": "X", "email": "Email", "whatsapp": "WhatsApp",
			"linkedin": "LinkedIn", "facebook": "Facebook", "instagram": "Instagram"},
		maxChars:     "%s allows %d characters, this has %d: shorten by %s",
		subject:      "subject has %d characters, mobile mail apps show about %d: shorten it by %s",
		smsHead:      "SMS needs %d segments (limit %d)",
		shorten:      "shorten by %s",
		smsUnfixable: "%s in UCS-2 because of %s (70 characters per SMS instead of 160): %s",
		smsForces:    "%s forces UCS-2 (70 characters per SMS instead of 160): %s to fit in %s instead of %d (limit %d)",
		smsForce:     "%s force UCS-2 (70 characters per SMS instead of 160): %s to fit in %s instead of %d (limit %d)",
		smsBoth:      "%s: %s, or %s (GSM-7, 160 characters per SMS instead of 70) and shorten by %s",
		useInstead:   "use %s instead of %s",
		delete:       "delete %s",
		normalSpace:  "a normal space",
		more:         "%d more",
		and:          " and ",
		x:            "X counts %d of %d (links count 23, emoji and most non-Latin characters 2): shorten by %d",
		emojiTwo:     " (emoji count 2)",
		char:         "1 character", charsN: "%d characters",
		septet: "1 septet (€ [ ] { } \\ ^ ~ | count 2)", septetsN: "%d septets (€ [ ] { } \\ ^ ~ | count 2)",
		seg1: "1 segment", segN: "%d segments",
	},
	"de": {
		names: map[string]string{"sms": "SMS", "x": "X", "email": "E-Mail", "whatsapp": "WhatsApp",
			"linkedin": "LinkedIn", "facebook": "Facebook", "instagram": "Instagram"},
		maxChars:     "%s erlaubt %d Zeichen, dieser Text hat %d: um %s kürzen",
		subject:      "der Betreff hat %d Zeichen, Mail-Apps auf dem Handy zeigen etwa %d: um %s kürzen",
		smsHead:      "die SMS braucht %d Segmente (höchstens %d)",
		shorten:      "um %s kürzen",
		smsUnfixable: "%s, in UCS-2 wegen %s (70 statt 160 Zeichen pro SMS): %s",
		smsForces:    "%s erzwingt UCS-2 (70 statt 160 Zeichen pro SMS): %s, dann passt sie in %s statt %d (höchstens %d)",
		smsForce:     "%s erzwingen UCS-2 (70 statt 160 Zeichen pro SMS): %s, dann passt sie in %s statt %d (höchstens %d)",
		smsBoth:      "%s: %s, oder %s (GSM-7, 160 statt 70 Zeichen pro SMS) und um %s kürzen",
		useInstead:   "%s statt %s schreiben",
		delete:       "%s löschen",
		normalSpace:  "ein normales Leerzeichen",
		more:         "%d weitere",
		and:          " und ",
		x:            "X zählt %d von %d (Links zählen 23, Emoji und die meisten nicht lateinischen Zeichen 2): um %d kürzen",
		emojiTwo:     " (Emoji zählen doppelt)",
		char:         "1 Zeichen", charsN: "%d Zeichen",
		septet: "1 Septett (€ [ ] { } \\ ^ ~ | zählen doppelt)", septetsN: "%d Septette (€ [ ] { } \\ ^ ~ | zählen doppelt)",
		seg1: "1 Segment", segN: "%d Segmente",
	},
}

// wordsFor returns the texts for lang, English for languages without their own.
func wordsFor(lang string) *words {
	if w, ok := wordsByLang[lang]; ok {
		return w
	}
	return wordsByLang["en"]
}

func (w *words) channelName(id string) string {
	if n, ok := w.names[id]; ok {
		return n
	}
	return id
}

func count(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

func (w *words) chars(n int) string    { return count(n, w.char, w.charsN) }
func (w *words) septets(n int) string  { return count(n, w.septet, w.septetsN) }
func (w *words) segments(n int) string { return count(n, w.seg1, w.segN) }
