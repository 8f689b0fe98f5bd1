package channel

import (
	"reflect"
	"strings"
	"testing"
)

// f is an expected fact in extractFactsTests.
type f struct{ kind, value, raw string }

var extractFactsTests = []struct {
	text string
	want []f
}{
	// times
	{"Update um 14:00 Uhr.", []f{{"time", "14:00", "14:00 Uhr"}}},
	{"gegen 14 Uhr", []f{{"time", "14:00", "14 Uhr"}}},
	{"ab 9.30 Uhr", []f{{"time", "09:30", "9.30 Uhr"}}},
	{"at 14:00", []f{{"time", "14:00", "14:00"}}},
	{"at 2 pm", []f{{"time", "14:00", "2 pm"}}},
	{"at 2:30 p.m. today", []f{{"time", "14:30", "2:30 p.m."}}},
	{"by 9am.", []f{{"time", "09:00", "9am"}}},
	{"12 a.m.", []f{{"time", "00:00", "12 a.m."}}},
	{"Hotline 8–20 Uhr", []f{{"time", "08:00-20:00", "8–20 Uhr"}}},
	{"von 8 bis 20 Uhr", []f{{"time", "08:00-20:00", "8 bis 20 Uhr"}}},
	{"9:00-17:30", []f{{"time", "09:00-17:30", "9:00-17:30"}}},
	{"25:00 Uhr", nil},
	{"Stand 2:1", nil},
	{"Kapitel 14.00", nil},
	// dates
	{"am 23.11.2026", []f{{"date", "2026-11-23", "23.11.2026"}}},
	{"am 23.11.", []f{{"date", "11-23", "23.11."}}},
	{"am 23.11.26", []f{{"date", "2026-11-23", "23.11.26"}}},
	{"am 23. November", []f{{"date", "11-23", "23. November"}}},
	{"am 23. November 2026", []f{{"date", "2026-11-23", "23. November 2026"}}},
	{"on November 23, 2026", []f{{"date", "2026-11-23", "November 23, 2026"}}},
	{"on 23rd November", []f{{"date", "11-23", "23rd November"}}},
	{"on 23 Nov", []f{{"date", "11-23", "23 Nov"}}},
	{"am 1. März", []f{{"date", "03-01", "1. März"}}},
	{"2026-11-23", []f{{"date", "2026-11-23", "2026-11-23"}}},
	{"Version 1.2.3", nil},
	{"32.13.", nil},
	{"you may 2 go", nil},
	// links
	{"https://www.Acme.de/Status/.", []f{{"url", "acme.de/Status", "https://www.Acme.de/Status/"}}},
	{"Infos: acme.de/hilfe, danke", []f{{"url", "acme.de/hilfe", "acme.de/hilfe"}}},
	{"auf acme.de.", []f{{"url", "acme.de", "acme.de"}}},
	{"(siehe http://acme.com/a_(b))", []f{{"url", "acme.com/a_(b)", "http://acme.com/a_(b)"}}},
	{"z.B. so", nil},
	// phone numbers
	{"Tel. 0800 123 4567", []f{{"phone", "+498001234567", "0800 123 4567"}}},
	{"Tel. +49 800 123 4567", []f{{"phone", "+498001234567", "+49 800 123 4567"}}},
	{"Tel. +49 (0)800 123-4567", []f{{"phone", "+498001234567", "+49 (0)800 123-4567"}}},
	{"Tel. 0049 800 1234567", []f{{"phone", "+498001234567", "0049 800 1234567"}}},
	{"Tel. (0800) 1234-567", []f{{"phone", "+498001234567", "(0800) 1234-567"}}},
	{"call +44 20 7946 0958", []f{{"phone", "+442079460958", "+44 20 7946 0958"}}},
	{"0800 123 4567 (8–20 Uhr)", []f{{"phone", "+498001234567", "0800 123 4567"}, {"time", "08:00-20:00", "8–20 Uhr"}}},
	{"Vorgang 0123", nil},
	// Read with the numbering data: the trunk prefix after the country
	// code, Italy's leading 0, lengths and country codes that do not exist.
	{"Tel. +49 030 901820", []f{{"phone", "+4930901820", "+49 030 901820"}}},
	{"Tel. +39 (0)6 6988 4444", []f{{"phone", "+390669884444", "+39 (0)6 6988 4444"}}},
	{"call +44 20 7946 09", nil},
	{"Tel. +999 1234 5678", nil},
	// amounts
	{"€ 20", []f{{"amount", "EUR 20.00", "€ 20"}}},
	{"20 €", []f{{"amount", "EUR 20.00", "20 €"}}},
	{"20,00 €", []f{{"amount", "EUR 20.00", "20,00 €"}}},
	{"20,- €", []f{{"amount", "EUR 20.00", "20,- €"}}},
	{"20 Euro", []f{{"amount", "EUR 20.00", "20 Euro"}}},
	{"EUR 20", []f{{"amount", "EUR 20.00", "EUR 20"}}},
	{"EUR 1.000,50", []f{{"amount", "EUR 1000.50", "EUR 1.000,50"}}},
	{"$1,000.5", []f{{"amount", "USD 1000.50", "$1,000.5"}}},
	{"CHF 12.90", []f{{"amount", "CHF 12.90", "CHF 12.90"}}},
	{"20 Menschen", nil},
	{"für€20", []f{{"amount", "EUR 20.00", "€20"}}},
	{"Code A20 €", nil},
	// email
	{"Mail an Hilfe@Acme.de.", []f{{"email", "hilfe@acme.de", "Hilfe@Acme.de"}}},
	// mixed, in text order
	{
		"Nächstes Update am 23.11. um 14:00 Uhr auf acme.de/status oder unter 0800 123 4567. Gutschein: 20 €.",
		[]f{
			{"date", "11-23", "23.11."},
			{"time", "14:00", "14:00 Uhr"},
			{"url", "acme.de/status", "acme.de/status"},
			{"phone", "+498001234567", "0800 123 4567"},
			{"amount", "EUR 20.00", "20 €"},
		},
	},
}

func TestExtractFacts(t *testing.T) {
	tests := extractFactsTests
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []f
			for _, fact := range ExtractFacts(tt.text) {
				if tt.text[fact.Offset:fact.End] != fact.Raw {
					t.Errorf("%+v: Raw is not text[Offset:End]", fact)
				}
				got = append(got, f{fact.Kind, fact.Value, fact.Raw})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ExtractFacts(%q) =\n%q\nwant\n%q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzFactWindows checks that running the extractors only on windows
// around digits, and only where their cheap tests pass, finds exactly what
// running every extractor on every line finds.
func FuzzFactWindows(f *testing.F) {
	for _, s := range []string{
		"Nächstes Update am 23. November 2026 um 14:00 Uhr, Hotline 0800 123 4567, 20 € Gutschein.",
		"Call +44 20 7946 0958 or write to help@example.com by November 23rd, 3 pm.",
		"Mittwoch, 14.00 Uhr – EUR 1.234,56 – 8–20 Uhr",
		"no digits here at all",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := extractFacts(text, factWindows(text))
		var lines [][2]int
		for start := 0; start <= len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				lines = append(lines, [2]int{start, len(text)})
				break
			}
			lines = append(lines, [2]int{start, start + end})
			start += end + 1
		}
		skipNeed = true
		want := extractFacts(text, lines)
		skipNeed = false
		if len(got) != len(want) {
			t.Fatalf("%q: windows found %v, whole text %v", text, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: windows found %v, whole text %v", text, got[i], want[i])
			}
		}
	})
}
