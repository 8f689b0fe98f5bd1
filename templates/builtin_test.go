package templates

import (
	"flag"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crisis-comms/crisis/internal/incident"
)

var showOutput = flag.Bool("show", false, "print every rendered built-in message")

// testNow is a Monday morning; next updates fall on the same day unless a
// test says otherwise.
var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.FixedZone("CET", 3600))

// richFacts is a typical, fully filled update of an IT outage.
func richFacts(lang, stage string) map[string]any {
	f := incident.Facts{
		Incident: "payment-outage", Stage: stage, Lang: lang,
		Time: "2026-11-23T09:30:00+01:00", NextUpdate: "2026-11-23T12:00:00+01:00",
		LandingPage: "https://acme.example/stoerung", Hotline: "0800 123 4567", Email: "hilfe@acme.example",
	}
	if lang == "de" {
		f.Org = "ACME Markt"
		f.Signature = "Ihr Team von ACME Markt"
		f.Headline = "Störung bei Kartenzahlungen"
		f.What = "Seit 9:10 Uhr sind Kartenzahlungen in allen Filialen gestört"
		f.Impact = "Sie können an der Kasse derzeit nur bar bezahlen."
		f.Affected = "Alle 40 Filialen, der Onlineshop ist nicht betroffen."
		f.Actions = "Unser IT-Team sucht gemeinsam mit dem Zahlungsdienstleister nach der Ursache."
		f.Who = "Zwölf Fachleute aus IT und Kundenservice."
		f.Unknown = "Wir wissen noch nicht, wann Kartenzahlungen wieder funktionieren."
		f.Help = "Bitte bringen Sie für Ihren Einkauf heute Bargeld mit."
		f.Empathy = "Wir wissen, dass das Ihren Einkauf erschwert, und das tut uns leid."
		f.Background = "Ein fehlerhaftes Update hat die Verbindung zu den Kartenterminals unterbrochen."
		f.Prevention = "Updates spielen wir künftig erst in einer Testfiliale ein."
		f.Remedy = "Doppelt abgebuchte Beträge erstatten wir bis 30. November automatisch."
	} else {
		f.Org = "ACME Market"
		f.Signature = "Your ACME Market team"
		f.Headline = "Card payments disrupted"
		f.What = "Since 9:10 am, card payments have been failing in all our stores"
		f.Impact = "At the till you can currently pay only in cash."
		f.Affected = "All 40 stores; the online shop is not affected."
		f.Actions = "Our IT team is working with the payment provider to find the cause."
		f.Who = "Twelve people from IT and customer service."
		f.Unknown = "We do not yet know when card payments will work again."
		f.Help = "Please bring cash for your shopping today."
		f.Empathy = "We know this makes your shopping harder, and we are sorry."
		f.Background = "A faulty update cut the connection to the card terminals."
		f.Prevention = "From now on we test updates in one store before rolling them out."
		f.Remedy = "We will refund any double charges automatically by 30 November."
	}
	switch {
	case stage == incident.StageResolved && lang == "de":
		f.What = "Seit 11:40 Uhr funktionieren Kartenzahlungen in allen Filialen wieder"
		f.Help = "Bitte prüfen Sie Ihre Kontoauszüge auf doppelte Abbuchungen vom 23. November."
		f.NextUpdate = "2026-11-25T12:00:00+01:00"
	case stage == incident.StageResolved:
		f.What = "Since 11:40 am, card payments work again in all stores"
		f.Help = "Please check your bank statement for double charges from 23 November."
		f.NextUpdate = "2026-11-25T12:00:00+01:00"
	case stage == incident.StageFollowup && lang == "de":
		f.What = "Am 23. November waren Kartenzahlungen in unseren Filialen zweieinhalb Stunden lang gestört"
		f.Help = ""
		f.NextUpdate = ""
	case stage == incident.StageFollowup:
		f.What = "On 23 November, card payments in our stores failed for two and a half hours"
		f.Help = ""
		f.NextUpdate = ""
	}
	return f.Map()
}

// minimalFacts holds only the facts the templates require.
func minimalFacts(stage string) map[string]any {
	m := map[string]any{
		"stage": stage, "what": "Card payments are failing",
		"landing_page": "https://acme.example/outage",
	}
	if stage == incident.StageInitial || stage == incident.StageUpdate {
		m["next_update"] = "2026-11-24T08:00:00+01:00"
	}
	return m
}

func TestBuiltinRendersEveryStage(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for _, ch := range BuiltinChannels(lang) {
			for _, stage := range incident.Stages {
				for _, tc := range []struct {
					kind string
					data map[string]any
				}{{"rich", richFacts(lang, stage)}, {"minimal", minimalFacts(stage)}} {
					name := fmt.Sprintf("%s/%s/%s/%s", lang, ch, stage, tc.kind)
					t.Run(name, func(t *testing.T) {
						out, err := RenderBuiltin(lang, ch, tc.data, Options{Now: testNow})
						if err != nil {
							t.Fatal(err)
						}
						if *showOutput {
							fmt.Printf("===== %s\n%s", name, out)
						}
						checkShape(t, ch, lang, out)
					})
				}
			}
		}
	}
}

func checkShape(t *testing.T, ch, lang, out string) {
	t.Helper()
	for _, bad := range []string{"{{", "}}", "<no value>", "%!", "\n\n\n", " \n", "  "} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q:\n%s", bad, out)
		}
	}
	if strings.HasPrefix(out, "\n") || strings.HasPrefix(out, " ") {
		t.Errorf("output starts with white space:\n%s", out)
	}
	if !strings.HasSuffix(out, "\n") || strings.HasSuffix(out, "\n\n") {
		t.Errorf("output must end with exactly one newline:\n%q", out)
	}
	if ch == "email" {
		want := map[string]string{"de": "Betreff: ", "en": "Subject: "}[lang]
		first, rest, _ := strings.Cut(out, "\n")
		if !strings.HasPrefix(first, want) || len(first) <= len(want) || !strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\n\n") {
			t.Errorf("email must start with %q, a subject and one blank line:\n%s", want, out)
		}
	} else if strings.HasPrefix(out, "Subject:") || strings.HasPrefix(out, "Betreff:") {
		t.Errorf("only email has a subject line:\n%s", out)
	}
}

// gsm7 is the GSM 03.38 basic character set plus its extension table (the
// extension characters cost two septets each).
const gsm7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"

const gsm7ext = "^{}\\[~]|€\f"

// smsSeptets is the length of s in GSM-7 septets, or -1 when s needs UCS-2.
func smsSeptets(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case strings.ContainsRune(gsm7, r):
			n++
		case strings.ContainsRune(gsm7ext, r):
			n += 2
		default:
			return -1
		}
	}
	return n
}

var urlRE = regexp.MustCompile(`https?://\S+`)

// xWeighted approximates X's weighted length: URLs count 23, characters
// beyond the Latin, Greek and general-punctuation ranges count 2.
func xWeighted(s string) int {
	n := 0
	s = urlRE.ReplaceAllStringFunc(s, func(string) string { n += 23; return "" })
	for _, r := range s {
		if r <= 0x10FF || (r >= 0x2000 && r <= 0x206F) {
			n++
		} else {
			n += 2
		}
	}
	return n
}

func TestSMSFitsTwoGSMSegments(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for _, stage := range incident.Stages {
			data := richFacts(lang, stage)
			// Typographic characters in the facts must not switch to UCS-2.
			data["help"] = strings.ReplaceAll(data["help"].(string), "Bitte", "„Bitte") + "“"
			out, err := RenderBuiltin(lang, "sms", data, Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			body := strings.TrimSuffix(out, "\n")
			n := smsSeptets(body)
			if n < 0 {
				for _, r := range body {
					if smsSeptets(string(r)) < 0 {
						t.Errorf("%s/%s: %q is not GSM-7:\n%s", lang, stage, r, body)
					}
				}
				continue
			}
			if n > 306 {
				t.Errorf("%s/%s: %d septets, more than two segments:\n%s", lang, stage, n, body)
			}
		}
	}
}

func TestSMSTemplateTextIsGSM7(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		src, err := Builtin(lang, "sms")
		if err != nil {
			t.Fatal(err)
		}
		// Only the text outside actions reaches the message.
		text := regexp.MustCompile(`(?s)\{\{.*?\}\}`).ReplaceAllString(src, "")
		for _, r := range text {
			if r != '\n' && smsSeptets(string(r)) < 0 {
				t.Errorf("%s/sms: %q is not GSM-7", lang, r)
			}
		}
	}
}

func TestXFits280(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for _, stage := range incident.Stages {
			out, err := RenderBuiltin(lang, "x", richFacts(lang, stage), Options{Now: testNow})
			if err != nil {
				t.Fatal(err)
			}
			if n := xWeighted(strings.TrimSuffix(out, "\n")); n > 280 {
				t.Errorf("%s/%s: weighted length %d:\n%s", lang, stage, n, out)
			}
		}
	}
}

func TestBuiltinAnchors(t *testing.T) {
	// Every message of an ongoing incident says when the next update comes
	// and where help is.
	for _, lang := range []string{"de", "en"} {
		for _, ch := range BuiltinChannels(lang) {
			for _, stage := range []string{incident.StageInitial, incident.StageUpdate} {
				data := richFacts(lang, stage)
				out, err := RenderBuiltin(lang, ch, data, Options{Now: testNow})
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(out, "12:00") {
					t.Errorf("%s/%s/%s lacks the next update:\n%s", lang, ch, stage, out)
				}
				if !strings.Contains(out, "acme.example/stoerung") {
					t.Errorf("%s/%s/%s lacks the landing page:\n%s", lang, ch, stage, out)
				}
			}
		}
	}
}

func TestBuiltinRequiredFacts(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		for _, ch := range BuiltinChannels(lang) {
			for _, stage := range incident.Stages {
				for _, field := range []string{"what", "landing_page", "next_update"} {
					data := minimalFacts(stage)
					if _, ok := data[field]; !ok {
						continue
					}
					delete(data, field)
					_, err := RenderBuiltin(lang, ch, data, Options{Now: testNow})
					if err == nil || !strings.Contains(err.Error(), `"`+field+`" is required`) || !strings.Contains(err.Error(), lang+"/"+ch) {
						t.Errorf("%s/%s/%s without %s: err = %v", lang, ch, stage, field, err)
					}
				}
			}
			data := minimalFacts("initial")
			data["stage"] = "later"
			if _, err := RenderBuiltin(lang, ch, data, Options{Now: testNow}); err == nil || !strings.Contains(err.Error(), `"later"`) {
				t.Errorf("%s/%s: unknown stage: err = %v", lang, ch, err)
			}
		}
	}
}

func TestBuiltinLookup(t *testing.T) {
	want := "email facebook hotline instagram landing letter linkedin sms whatsapp x"
	for _, lang := range []string{"de", "en", "de-AT"} {
		if got := strings.Join(BuiltinChannels(lang), " "); got != want {
			t.Errorf("BuiltinChannels(%q) = %s", lang, got)
		}
	}
	if got := BuiltinChannels("fr"); got != nil {
		t.Errorf("BuiltinChannels(fr) = %v", got)
	}
	for _, c := range []struct{ lang, ch, err string }{
		{"de", "fax", `channel "fax"`},
		{"fr", "sms", `language "fr"`},
		{"de", "../en/sms", "no built-in"},
	} {
		if _, err := Builtin(c.lang, c.ch); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("Builtin(%s, %s): err = %v", c.lang, c.ch, err)
		}
	}
}

// TestBuiltinTone keeps the fixed text of the built-in templates free of the
// phrases the playbooks warn about.
func TestBuiltinTone(t *testing.T) {
	banned := []string{
		"rabatt", "discount", "stolz", "proud", "exklusiv", "exclusive", "nur heute", "only today",
		"unannehmlichkeit", "inconvenience", "leider müssen wir", "schwere zeit", "tough time",
		"auch für uns", "for us too", "lieferant", "supplier", "behörde", "authorit",
		"kunden", "customers", "geringfügig", "minor", "du ", "dich", "dein",
	}
	for _, lang := range []string{"de", "en"} {
		for _, ch := range BuiltinChannels(lang) {
			src, _ := Builtin(lang, ch)
			text := strings.ToLower(regexp.MustCompile(`(?s)\{\{.*?\}\}`).ReplaceAllString(src, " "))
			for _, b := range banned {
				if strings.Contains(text, b) {
					t.Errorf("%s/%s contains %q", lang, ch, b)
				}
			}
		}
	}
}

func BenchmarkRenderBuiltin(b *testing.B) {
	data := richFacts("de", "initial")
	for b.Loop() {
		if _, err := RenderBuiltin("de", "email", data, Options{Now: testNow}); err != nil {
			b.Fatal(err)
		}
	}
}
