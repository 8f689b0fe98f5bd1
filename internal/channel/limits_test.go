package channel

import (
	"reflect"
	"strings"
	"testing"
)

func TestDefaults(t *testing.T) {
	tests := map[string]Limits{
		"sms":       {SMSSegments: 2},
		"x":         {XWeighted: 280},
		"email":     {SubjectChars: 60},
		"whatsapp":  {MaxChars: 4096},
		"linkedin":  {MaxChars: 3000},
		"facebook":  {MaxChars: 63206},
		"instagram": {MaxChars: 2200},
		"landing":   {},
		"hotline":   {},
		"letter":    {},
		"unknown":   {},
	}
	for id, want := range tests {
		if got := Defaults(id); got != want {
			t.Errorf("Defaults(%q) = %+v, want %+v", id, got, want)
		}
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name    string
		channel string
		lim     Limits
		body    string
		subject string
		want    []Violation
	}{
		{name: "within all limits", channel: "sms", lim: Limits{SMSSegments: 2, XWeighted: 280, MaxChars: 500, SubjectChars: 60},
			body: "Nächstes Update um 14:00 Uhr.", subject: "Update"},
		{name: "zero limits check nothing", channel: "letter", body: strings.Repeat("a", 100000), subject: strings.Repeat("a", 1000)},
		{
			name: "one culprit, replacing it is enough", channel: "sms", lim: Limits{SMSSegments: 1},
			body: a(100) + "–",
			want: []Violation{{RuleSMSSegments,
				"– forces UCS-2 (70 characters per SMS instead of 160): use - instead of – to fit in 1 segment instead of 2 (limit 1)",
				100, 103}},
		},
		{
			// 202 UTF-16 units = 67+67+67+1; as GSM-7 202 septets = 153+49.
			name: "two culprits, replacing them is enough", channel: "sms", lim: Limits{SMSSegments: 2},
			body: "„" + a(200) + "“",
			want: []Violation{{RuleSMSSegments,
				`„ and “ force UCS-2 (70 characters per SMS instead of 160): use " instead of „ and “ to fit in 2 segments instead of 4 (limit 2)`,
				0, 3}},
		},
		{
			name: "mixed replacements", channel: "sms", lim: Limits{SMSSegments: 1},
			body: "„a“ – " + a(100),
			want: []Violation{{RuleSMSSegments,
				`„, “ and – force UCS-2 (70 characters per SMS instead of 160): use " instead of „ and “, use - instead of – to fit in 1 segment instead of 2 (limit 1)`,
				0, 3}},
		},
		{
			name: "invisible character", channel: "sms", lim: Limits{SMSSegments: 1},
			body: a(100) + "\u200b",
			want: []Violation{{RuleSMSSegments,
				"U+200B forces UCS-2 (70 characters per SMS instead of 160): delete U+200B to fit in 1 segment instead of 2 (limit 1)",
				100, 103}},
		},
		{
			// 153+153+94: the part from septet 307 on does not fit.
			name: "GSM-7 too long", channel: "sms", lim: Limits{SMSSegments: 2},
			body: a(400),
			want: []Violation{{RuleSMSSegments, "SMS needs 3 segments (limit 2): shorten by 94 characters", 306, 400}},
		},
		{
			// 153 | 147 a + 3 € = 153 | € : the 4th € (byte 300+9) overflows.
			name: "GSM-7 too long by an escape pair", channel: "sms", lim: Limits{SMSSegments: 2},
			body: a(300) + "€€€€",
			want: []Violation{{RuleSMSSegments,
				`SMS needs 3 segments (limit 2): shorten by 2 septets (€ [ ] { } \ ^ ~ | count 2)`, 309, 312}},
		},
		{
			// 142 units = 67+67+8; 😀 has no GSM-7 stand-in.
			name: "UCS-2 without stand-in", channel: "sms", lim: Limits{SMSSegments: 2},
			body: a(140) + "😀",
			want: []Violation{{RuleSMSSegments,
				"SMS needs 3 segments (limit 2) in UCS-2 because of 😀 (70 characters per SMS instead of 160): shorten by 8 characters (emoji count 2)",
				134, 144}},
		},
		{
			// UCS-2: 401 units, 6 parts, 134 fit (the „ and 133 a) → 267 too
			// many. GSM-7: 401 septets, 3 parts, 306 fit → 95 too many.
			name: "replacing helps but is not enough", channel: "sms", lim: Limits{SMSSegments: 2},
			body: "„" + a(400),
			want: []Violation{{RuleSMSSegments,
				`SMS needs 6 segments (limit 2): shorten by 267 characters, or use " instead of „ (GSM-7, 160 characters per SMS instead of 70) and shorten by 95 characters`,
				136, 403}},
		},
		{
			name: "X too long", channel: "x", lim: Limits{XWeighted: 280},
			body: a(290),
			want: []Violation{{RuleXLength,
				"X counts 290 of 280 (links count 23, emoji and most non-Latin characters 2): shorten by 10", 280, 290}},
		},
		{
			// 140 CJK weigh 280; the 141st overflows at byte 420.
			name: "X too long with CJK", channel: "x", lim: Limits{XWeighted: 280},
			body: strings.Repeat("你", 141),
			want: []Violation{{RuleXLength,
				"X counts 282 of 280 (links count 23, emoji and most non-Latin characters 2): shorten by 2", 420, 423}},
		},
		{
			name: "X offsets unknown for text that is not NFC", channel: "x", lim: Limits{XWeighted: 280},
			body: strings.Repeat("a\u0308", 281),
			want: []Violation{{RuleXLength,
				"X counts 281 of 280 (links count 23, emoji and most non-Latin characters 2): shorten by 1", -1, -1}},
		},
		{
			name: "max chars counts code points", channel: "linkedin", lim: Limits{MaxChars: 3000},
			body: strings.Repeat("ö", 3005),
			want: []Violation{{RuleMaxChars, "LinkedIn allows 3000 characters, this has 3005: shorten by 5 characters", 6000, 6010}},
		},
		{
			name: "subject", channel: "email", lim: Limits{SubjectChars: 60},
			body: "ok", subject: strings.Repeat("Ü", 61),
			want: []Violation{{RuleSubjectLength,
				"subject has 61 characters, mobile mail apps show about 60: shorten it by 1 character", -1, -1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.channel, tt.lim, tt.body, tt.subject)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check() =\n%#v\nwant\n%#v", got, tt.want)
			}
		})
	}
}

func TestCheckLangGerman(t *testing.T) {
	long := strings.Repeat("Kartenzahlung gestört. ", 20)
	tests := []struct {
		lim     Limits
		body    string
		subject string
		want    string
	}{
		{Limits{SMSSegments: 2}, long, "", "die SMS braucht 4 Segmente (höchstens 2): um 154 Zeichen kürzen"},
		{Limits{SMSSegments: 1}, "Störung „jetzt“ behoben, Details folgen auf der Seite, bitte haben Sie noch etwas Geduld mit uns, danke", "", "„ und “ erzwingen UCS-2 (70 statt 160 Zeichen pro SMS): \" statt „ und “ schreiben, dann passt sie in 1 Segment statt 2 (höchstens 1)"},
		{Limits{XWeighted: 280}, long, "", "X zählt 460 von 280"},
		{Limits{MaxChars: 100}, long, "", "E-Mail erlaubt 100 Zeichen, dieser Text hat 460: um 360 Zeichen kürzen"},
		{Limits{SubjectChars: 10}, "x", "Kartenzahlung gestört", "der Betreff hat 21 Zeichen, Mail-Apps auf dem Handy zeigen etwa 10: um 11 Zeichen kürzen"},
	}
	for _, tt := range tests {
		vs := CheckLang("email", tt.lim, tt.body, tt.subject, "de")
		if len(vs) != 1 || !strings.HasPrefix(vs[0].Message, tt.want) {
			t.Errorf("CheckLang(%+v) = %+v, want a message starting %q", tt.lim, vs, tt.want)
		}
	}
}
