package lint

import "testing"

// smsText is a 170-byte SMS with a bare domain and a phone number, the
// typical short message of a large tree.
const smsText = "Kartenzahlung gestört seit 9:40 Uhr. Bitte bar oder per App zahlen. Infos: status.example.de – Hotline 0800 123 4567. Nächstes Update um 13 Uhr. Ihr Team Müller GmbH"

// BenchmarkParse is the text model alone: Parse of a short SMS and of the
// 2 KB landing-page update.
func BenchmarkParse(b *testing.B) {
	for _, c := range []struct {
		name, path, text string
		markdown         bool
	}{
		{"sms", "sms.txt", smsText, false},
		{"landing", "landing.md", benchText, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			data := []byte(c.text)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(c.path, data, c.markdown); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// renderedSMS is an SMS as `crisis render` writes it: YAML front matter
// with a quoted next_update, then the text.
const renderedSMS = "---\nchannel: sms\nlang: de\nstage: update\nincident: zahlungsausfall-2026-11\nnext_update: \"2026-11-23T13:00:00+01:00\"\n---\n" + smsText + "\n"

// BenchmarkParseRendered is Parse of a rendered SMS, front matter included.
func BenchmarkParseRendered(b *testing.B) {
	data := []byte(renderedSMS)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("sms.txt", data, false); err != nil {
			b.Fatal(err)
		}
	}
}
