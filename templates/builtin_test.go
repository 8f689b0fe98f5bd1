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

var _ = regexp.MustCompile
