package lint

import "testing"

// TestDetectNextUpdateForms checks the next-update detector on several
// wordings of each form it must read, in both languages: a promise beside a
// past word, German compounds and clock words, when goods or money arrive,
// and what is no next update (opening hours, an offer's deadline, a past
// event, a grievance repeated, a vague "as soon as we know more").
func TestDetectNextUpdateForms(t *testing.T) {
	engines := map[string]*Engine{"en": builtinEngine(t, "en"), "de": builtinEngine(t, "de")}
	tests := []struct {
		form, lang, text string
		want             bool
	}{
		// A promise of the future keeps its time though a past word stands beside it.
		{"future beside past", "en", "By Friday you'll receive a letter saying which of your details were on the laptop.", true},
		{"future beside past", "en", "We'll write to you by 30 June with what was taken.", true},
		{"future beside past", "en", "You will get an email tomorrow morning listing the orders that were affected.", true},
		{"future beside past", "en", "By Monday we'll tell you which branches were hit.", true},
		{"future beside past", "en", "Next update at 15:00 CET, once we know what happened.", true},
		{"future beside past", "de", "Bis Freitag erhalten Sie einen Brief, welche Daten betroffen waren.", true},
		{"future beside past", "de", "Wir melden uns bis Freitag und sagen Ihnen, welche Daten betroffen waren.", true},
		{"future beside past", "de", "Du bekommst bis Freitag eine E-Mail, welche Bestellungen betroffen waren.", true},
		{"future beside past", "de", "Bis morgen 12 Uhr werden wir Ihnen mitteilen, welche Filialen betroffen waren.", true},
		{"future beside past", "de", "Wir informieren dich bis Montag, was genau gestohlen wurde.", true},
		// A past event alone names no next update.
		{"past event", "en", "Last weekend's outage stranded 6,000 passengers until midnight.", false},
		{"past event", "en", "Deliveries were delayed until Friday.", false},
		{"past event", "en", "Our systems were back at 9 am yesterday.", false},
		{"past event", "de", "Wegen Nebel kam es heute Morgen zu Verspätungen von bis zu drei Stunden.", false},
		{"past event", "de", "Gestern war die Hotline bis 22 Uhr erreichbar.", false},
		{"past event", "de", "Die Störung war am Montag um 9 Uhr behoben.", false},
		// „Ware“ (goods) is no past tense, though it stems like „war“.
		{"goods", "de", "Nach aktuellem Stand kommt die Ware Ende Oktober.", true},
		{"goods", "de", "Die Ware kommt am Freitag.", true},
		{"goods", "de", "Ihre Waren treffen Ende Oktober bei uns ein.", true},
		{"goods", "de", "Die bestellte Ware liefern wir am Montag.", true},
		{"goods", "de", "Die Ware war am Montag schon unterwegs.", false},
		{"goods", "de", "Waren Sie am Montag betroffen?", false},
		// Weekday compounds, clock words and everyday times.
		{"when", "de", "Ich melde mich Freitagmittag, sobald das Teil da ist.", true},
		{"when", "de", "Für die restlichen Haushalte rechnen wir mit Freitagabend.", true},
		{"when", "de", "Wir schreiben euch gegen halb drei, wie es weitergeht.", true},
		{"when", "de", "Die Abholung wird am Samstagvormittag nachgeholt.", true},
		{"when", "de", "Bis Freitagmittag melden wir uns bei Ihnen.", true},
		{"when", "de", "Ich melde mich bei dir Montagabend.", true},
		{"when", "de", "Neue Lagemeldung morgen 7 Uhr auf der Website.", true},
		{"when", "de", "Gegen 11 Uhr probieren wir ein Ersatzgerät, Stand dann hier.", true},
		{"when", "en", "We'll update you tomorrow morning.", true},
		{"when", "en", "Next update at 15:00 CET.", true},
		{"when", "en", "We'll be back in touch in two hours.", true},
		{"when", "en", "I'll call you on Thursday.", true},
		{"when", "en", "Next bulletin at 7 am on the council website.", true},
		{"when", "en", "We'll try a replacement unit at quarter past eleven and post here.", true},
		// When goods, parcels or money arrive.
		{"arrival", "de", "Versand ab 9. Mai, Fragen an service@example.de", true},
		{"arrival", "de", "Der Filter ist lieferbar ab 3. Juni.", true},
		{"arrival", "de", "Sendungen, die morgen rausgehen sollten, gehen am Donnerstag raus.", true},
		{"arrival", "de", "Überweisungen vom 27. werden erst am 28. gutgeschrieben.", true},
		{"arrival", "de", "Innerhalb von zehn Werktagen nach Abholung erhalten Sie ein neues Gerät oder den Kaufpreis zurück.", true},
		{"arrival", "de", "Die Umbuchung auf morgen um 7:10 Uhr ist ohne Aufpreis.", true},
		{"arrival", "en", "Shipping from 9 May.", true},
		{"arrival", "en", "The filter is available from 3 June.", true},
		{"arrival", "en", "The compensation will appear as a credit on your October bill.", true},
		{"arrival", "en", "Your parcel goes out on Thursday.", true},
		{"arrival", "en", "You'll receive a replacement within ten working days.", true},
		{"arrival", "en", "Everyone affected gets two years of free credit monitoring, and we'll write to each person by 30 June.", true},
		// Opening hours, an offer's deadline, a grievance, a vague promise.
		{"no update", "en", "The gallery will open only 12:00–16:00 on Thursday 6 June.", false},
		{"no update", "en", "Tickets are valid on any day until 30 June.", false},
		{"no update", "en", "Double points on every purchase until Saturday!", false},
		{"no update", "en", "We're offering 12 months of free credit monitoring – reply YES and we'll send you a sign-up code.", false},
		{"no update", "en", "Tomorrow the strike hits us once again.", false},
		{"no update", "en", "We'll update you as soon as we know more.", false},
		{"no update", "en", "Your orders will be a few days late.", false},
		{"no update", "de", "Doppelte Treuepunkte auf jeden Einkauf bis Samstag.", false},
		{"no update", "de", "3 Monate Premium für nur 9,99 € mit Code COMEBACK – nur bis Mitternacht!", false},
		{"no update", "de", "Morgen streikt das Bodenpersonal – und wieder einmal trifft es uns.", false},
		{"no update", "de", "Die Filiale ist am Samstag nur zwischen 10 und 14 Uhr geöffnet.", false},
		{"no update", "de", "Wir melden uns, sobald wir mehr wissen.", false},
		{"no update", "de", "Ihre Bestellungen kommen leider ein paar Tage später.", false},
	}
	for _, tt := range tests {
		d, err := Parse("msg.txt", []byte(tt.text), false)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := engines[tt.lang].Detected(d, Context{Lang: tt.lang}); got != tt.want {
			t.Errorf("%s (%s): next update in %q = %v, want %v", tt.form, tt.lang, tt.text, got, tt.want)
		}
	}
}
