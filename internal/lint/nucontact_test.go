package lint

import "testing"

// detectionForm is one wording of a form the next-update or contact
// detector must read; want is what a comms lead would label it.
type detectionForm struct {
	form, lang, text string
	want             bool
}

// nextUpdateForms are wordings of forms read on the short-message corpora,
// five or more per form and language, written apart from any corpus.
//
// Still missed, and so not listed: a week number without "KW" ("New delivery
// date: week 23"); a regular past tense, which stems like the present
// ("Full services resumed this morning", "cleared the backlog by Tuesday",
// „um 9 Uhr lief alles wieder“ — „lief“ is also the stem of „liefern“); a
// German ticket's window named by „jeden Flug“ or „gilt … auf allen Fähren“
// („alle Fähren fallen aus“ stems alike, and „Tickets gelten für den
// Nachholtermin, den wir bis Dienstag bekannt geben“ is a promise).
var nextUpdateForms = []detectionForm{
	// A target time for a repair or a resolution.
	{"target", "en", "Crews are replacing a street cabinet now, aiming for 1pm.", true},
	{"target", "en", "We're aiming to have the power back by 6pm.", true},
	{"target", "en", "Our target for the fix is 4pm.", true},
	{"target", "en", "The repair crew is targeting Thursday.", true},
	{"target", "en", "The aim is to have trains running at 17:00.", true},
	{"target", "de", "Wir ersetzen gerade ein Netzteil, Ziel ist 13 Uhr.", true},
	{"target", "de", "Wir peilen 15 Uhr an.", true},
	{"target", "de", "Angepeilt ist Freitagmittag.", true},
	{"target", "de", "Unser Ziel: bis 18 Uhr wieder online.", true},
	{"target", "de", "Zielzeit für die Reparatur ist 16 Uhr.", true},
	// Moved or rebooked to a new time.
	{"moved to", "en", "We've moved you at no cost to Thursday's 11:20 flight.", true},
	{"moved to", "en", "We've put you on the 07:10 flight tomorrow.", true},
	{"moved to", "en", "Your appointment has been moved to Tuesday at 2pm.", true},
	{"moved to", "en", "We've switched your delivery to Friday.", true},
	{"moved to", "en", "How about Tuesday at 2pm instead?", true},
	{"moved to", "de", "Wir haben Sie kostenlos auf morgen 9:40 Uhr umgebucht.", true},
	{"moved to", "de", "Ihr Termin ist jetzt am Dienstag um 14 Uhr.", true},
	{"moved to", "de", "Wie wäre Donnerstag um 9 Uhr?", true},
	{"moved to", "de", "Wir haben dich auf den Flug morgen um 7:10 gesetzt.", true},
	{"moved to", "de", "Die Lieferung haben wir auf Freitag gelegt.", true},
	// A tradesperson booked for a time.
	{"booked", "en", "The glazier is booked for 8am on Friday.", true},
	{"booked", "en", "An engineer is booked in for Thursday morning.", true},
	{"booked", "en", "Our technician will be with you on Friday between 8 and 12.", true},
	{"booked", "en", "The plumber comes at 8am tomorrow.", true},
	{"booked", "en", "We've booked an electrician for Monday.", true},
	{"booked", "de", "Der Dachdecker ist für morgen 9 Uhr bestellt.", true},
	{"booked", "de", "Der Techniker kommt am Donnerstag um 8 Uhr.", true},
	{"booked", "de", "Ein Monteur ist für Freitag eingeplant.", true},
	{"booked", "de", "Der Handwerker ist für Montagvormittag gebucht.", true},
	{"booked", "de", "Die Installateurin kommt morgen zwischen 8 und 12 Uhr.", true},
	// Money back by a time.
	{"money back", "en", "We'll reverse the payments by Thursday evening.", true},
	{"money back", "en", "The double charges will be refunded by Friday.", true},
	{"money back", "en", "Your money will be back in your account by Monday.", true},
	{"money back", "en", "We're refunding the fee by Wednesday.", true},
	{"money back", "en", "The duplicate payments are reversed by tomorrow midday.", true},
	{"money back", "de", "Wir buchen sie bis Freitag automatisch zurück.", true},
	{"money back", "de", "Die doppelten Abbuchungen buchen wir bis Mittwoch zurück.", true},
	{"money back", "de", "Wir erstatten den Betrag bis Freitag.", true},
	{"money back", "de", "Das Geld ist bis Montag wieder auf Ihrem Konto.", true},
	{"money back", "de", "Die Rückbuchung erfolgt bis morgen Mittag.", true},
	{"money back", "de", "Wir überweisen dir das Geld bis Mittwoch zurück.", true},
	// A new delivery date named as such.
	{"delivery date", "en", "New dispatch date: 15 May.", true},
	{"delivery date", "en", "Your new delivery day is Thursday.", true},
	{"delivery date", "en", "Delivery date now 3 June.", true},
	{"delivery date", "en", "Expected delivery: 12 July.", true},
	{"delivery date", "de", "Neuer Liefertermin: KW 31.", true},
	{"delivery date", "de", "Neuer Versandstart: 2. Juni.", true},
	{"delivery date", "de", "Liefertermin ist jetzt der 3. Juni.", true},
	{"delivery date", "de", "Dein neuer Liefertag: Donnerstag.", true},
	{"delivery date", "de", "Neues Lieferdatum: 12. Juli.", true},
	// The reader's deadline for an offer, a sign-up or an order.
	{"reader's deadline", "en", "Just email your name to helpers@club.example by Friday.", false},
	{"reader's deadline", "en", "Register by Sunday to claim your seat.", false},
	{"reader's deadline", "en", "Order before 3pm for delivery tomorrow.", false},
	{"reader's deadline", "en", "Bring this letter in before 31 May and get a free coffee.", false},
	{"reader's deadline", "en", "Offer ends Friday at midnight.", false},
	{"reader's deadline", "en", "Sign up for the trip by Monday noon.", false},
	{"reader's deadline", "de", "Anmeldung bis Sonntag per Mail an helfer@verein.example.", false},
	{"reader's deadline", "de", "Meldet euch bis Sonntag an.", false},
	{"reader's deadline", "de", "Nur bis Sonntag!", false},
	{"reader's deadline", "de", "Bis Ende Juni schenken wir allen Neukunden den Anschluss.", false},
	{"reader's deadline", "de", "Anmeldeschluss ist Freitag.", false},
	{"reader's deadline", "de", "Gutschein bis 31. Mai an der Kasse vorzeigen.", false},
	// The window in which a ticket can be used or changed.
	{"ticket window", "en", "You can rebook free of charge onto any flight up to 19 April.", false},
	{"ticket window", "en", "Your ticket is good on any train until Sunday.", false},
	{"ticket window", "en", "Use your ticket on any sailing before 30 June.", false},
	{"ticket window", "en", "Swap to any other day up to 12 May at no cost.", false},
	{"ticket window", "en", "Your rail ticket is accepted on any bus until midnight.", false},
	{"ticket window", "de", "Ihr Ticket gilt in jedem Zug bis Sonntag.", false},
	{"ticket window", "de", "Nutzen Sie einen beliebigen Zug bis Freitag.", false},
	{"ticket window", "de", "Sie können bis 12. Mai kostenlos auf einen anderen Tag tauschen.", false},
	{"ticket window", "en", "We've put you on the next flight at 07:10 tomorrow.", true},
	{"ticket window", "de", "Wir haben Sie auf den Zug um 7:10 Uhr morgen umgebucht.", true},
	{"ticket window", "de", "Die Sperrung gilt bis Freitag, 18 Uhr.", true},
	// A price change from a date.
	{"price change", "en", "From 1 August your broadband goes up by £2 a month.", false},
	{"price change", "en", "Your monthly fee rises to £19 from 1 May.", false},
	{"price change", "en", "Grid charges are going up by 12% in May.", false},
	{"price change", "en", "Our fees will increase on 1 March.", false},
	{"price change", "en", "The standing charge goes up from Monday.", false},
	{"price change", "de", "Ab 1. Juli steigt Ihr Grundpreis um 1,50 €.", false},
	{"price change", "de", "Der Beitrag erhöht sich ab 1. April.", false},
	{"price change", "de", "Die Netzentgelte steigen ab Januar um 15 %.", false},
	{"price change", "de", "Ab Mai wird Ihr Tarif 2 € teurer.", false},
	{"price change", "de", "Wir müssen den Arbeitspreis zum 1. April anheben.", false},
	// A period a perk lasts.
	{"perk period", "en", "Enjoy 30% off the Pro plan for your first three months.", false},
	{"perk period", "en", "We are offering you free identity monitoring for 18 months.", false},
	{"perk period", "en", "Enjoy three months of Premium on us.", false},
	{"perk period", "en", "Get double data for the next 12 months.", false},
	{"perk period", "en", "Free delivery on us for a whole year.", false},
	{"perk period", "de", "Sie erhalten sechs Monate lang die Hälfte Nachlass.", false},
	{"perk period", "de", "Wir schenken Ihnen 24 Monate Identitätsschutz.", false},
	{"perk period", "de", "Drei Monate Premium gratis.", false},
	{"perk period", "de", "Ein Jahr lang versandkostenfrei.", false},
	{"perk period", "de", "Für die ersten sechs Monate zahlst du nur die Hälfte.", false},
	// Replies as a noun: what readers wrote, not a promise to answer.
	{"replies", "en", "To everyone in the replies: our crews have done 12-hour days all week.", false},
	{"replies", "en", "Judging by the replies, people think we have done nothing for 3 days.", false},
	{"replies", "en", "Thanks for all the replies to our post on Monday.", false},
	{"replies", "en", "Some of the replies under our post since 9am have been abusive.", false},
	{"replies", "en", "We'll reply to every message by 6pm.", true},
	{"replies", "de", "An alle in den Antworten: Unsere Teams arbeiten seit Tagen 14 Stunden am Stück.", false},
	{"replies", "de", "Den Kommentaren nach glauben manche, wir hätten drei Tage lang nichts getan.", false},
	{"replies", "de", "Danke für alle Antworten auf unseren Beitrag vom Montag.", false},
	{"replies", "de", "Wir antworten bis 18 Uhr auf jede Nachricht.", true},
	// A resolution or an event in the past.
	{"past", "en", "Orders went out late because our system crashed on Saturday.", false},
	{"past", "en", "On 4 March a colleague emailed your results to the wrong patient.", false},
	{"past", "en", "Power came back at 6am.", false},
	{"past", "en", "Partners opened extra rooms at midnight.", false},
	{"past", "de", "Zwischen 8 und 9 Uhr konnten Überweisungen nicht ausgeführt werden.", false},
	{"past", "de", "Am 2. März hat uns der Dienstleister über den Angriff informiert.", false},
	{"past", "de", "Die Bestellungen gingen am Samstag verspätet raus.", false},
	{"past", "de", "Der Strom kam um 6 Uhr zurück.", false},
}

// contactForms are wordings of the ways to get help (and of look-alikes
// that are none) read on the short-message corpora.
//
// Still missed, and so not listed: a bare "More:" or „Mehr:“ before a link
// (it also labels product pages); a help desk named as closed ("the customer
// service centre is closed today", „das Bürgerbüro ist heute geschlossen“) —
// a closure word would also void the status link of the next sentence.
var contactForms = []detectionForm{
	// Phone numbers in the ways people write them: a one-digit area code in
	// brackets (Australia, New Zealand), a slash with spaces around it.
	{"phone format", "en", "Questions? Ring our Melbourne office on (03) 9555 0187.", true},
	{"phone format", "en", "Call the care line, (02) 8123 4567, any time.", true},
	{"phone format", "de", "Fragen beantworten wir unter 0351 / 48 17 300.", true},
	{"phone format", "de", "Die Leitstelle erreichen Sie unter 089 / 12 34 56 78.", true},
	{"phone format", "de", "Rufen Sie uns an: 030 /2345 678.", true},
	{"phone format", "en", "Delays of 03 to 04 minutes are expected.", false},
	// A call back offered.
	{"call back", "en", "Let me note your number and a colleague will call you back before 5pm.", true},
	{"call back", "en", "We'll call you back within the hour.", true},
	{"call back", "en", "Leave your number and we'll ring you back.", true},
	{"call back", "en", "A nurse will phone you back this afternoon.", true},
	{"call back", "en", "Request a callback and an adviser will ring you.", true},
	{"call back", "de", "Ich nehme Ihre Nummer auf, wir rufen Sie heute noch zurück.", true},
	{"call back", "de", "Wir rufen dich heute noch zurück.", true},
	{"call back", "de", "Hinterlassen Sie Ihre Nummer, wir melden uns telefonisch.", true},
	{"call back", "de", "Eine Pflegekraft ruft Sie heute Nachmittag zurück.", true},
	{"call back", "de", "Sie können einen Rückruf vereinbaren.", true},
	// A reply to this message.
	{"reply", "en", "Just reply to this email.", true},
	{"reply", "en", "Hit reply and tell us what you need.", true},
	{"reply", "en", "A quick reply to this message is enough.", true},
	{"reply", "en", "Simply answer this email.", true},
	{"reply", "en", "Write back and let us know.", true},
	{"reply", "de", "Antworte einfach auf diese E-Mail, dann kümmern wir uns.", true},
	{"reply", "de", "Antworten Sie einfach, wir melden uns.", true},
	{"reply", "de", "Eine kurze Antwort auf diese Nachricht genügt.", true},
	{"reply", "de", "Eine kurze Nachricht an uns genügt.", true},
	{"reply", "de", "Schreib uns einfach zurück.", true},
	{"reply", "de", "Antwortet einfach auf diese SMS.", true},
	// A message to the sender here.
	{"message here", "en", "Questions about kit? Message me here.", true},
	{"message here", "en", "Drop me a message here.", true},
	{"message here", "en", "Message us here with your order number.", true},
	{"message here", "en", "Send me a message if you're unsure.", true},
	{"message here", "en", "Give us a shout here if you need anything.", true},
	{"message here", "de", "Bitte bis morgen früh hier kurz schreiben, wer mitfährt.", true},
	{"message here", "de", "Schreibt mir hier, wenn ihr Fragen habt.", true},
	{"message here", "de", "Meldet euch einfach hier im Chat.", true},
	{"message here", "de", "Eine kurze Nachricht hier an mich genügt.", true},
	{"message here", "de", "Fragen gern hier in die Gruppe.", true},
	// A link labelled by what it gives: live news, more, numbers.
	{"link label", "en", "Phone numbers for each ward: hospital.example.org/wards", true},
	{"link label", "en", "Live: transit.example.com/live", true},
	{"link label", "en", "Contact details: council.example.gov/teams", true},
	{"link label", "en", "Lessons are online at school.example.org/week", true},
	{"link label", "de", "Telefonnummern der Stationen: klinik.example.de/stationen", true},
	{"link label", "de", "Live: bahn.example.de/lage", true},
	{"link label", "de", "Kontaktdaten: stadt.example.de/team", true},
	{"link label", "de", "Die Aufgaben stehen auf schule.example.de/plan", true},
	// A sales talk or staff named is no help channel.
	{"no channel", "en", "Can I book you in for a chat with an adviser about our Gold account?", false},
	{"no channel", "en", "Please don't take it out on our staff at the counter.", false},
	{"no channel", "en", "Book a chat with a mortgage adviser about our new rates.", false},
	{"no channel", "de", "Lasst es bitte nicht an unserem Personal am Schalter aus.", false},
	{"no channel", "de", "Vereinbaren Sie ein Beratungsgespräch zu unserem Premiumkonto.", false},
	{"no channel", "de", "Im Chat mit unserer Beratung stellen viele fest, dass sich das Premiumkonto lohnt.", false},
}

// TestDetectionForms checks both detectors on the wordings of each form.
func TestDetectionForms(t *testing.T) {
	engines := map[string]*Engine{"en": builtinEngine(t, "en"), "de": builtinEngine(t, "de")}
	for _, set := range []struct {
		name  string
		forms []detectionForm
	}{{"next update", nextUpdateForms}, {"contact", contactForms}} {
		for _, tt := range set.forms {
			d, err := Parse("msg.txt", []byte(tt.text), false)
			if err != nil {
				t.Fatal(err)
			}
			nu, ct := engines[tt.lang].Detected(d, Context{Lang: tt.lang})
			got := nu
			if set.name == "contact" {
				got = ct
			}
			if got != tt.want {
				t.Errorf("%s, %s (%s): %q = %v, want %v", set.name, tt.form, tt.lang, tt.text, got, tt.want)
			}
		}
	}
}
