package lint

// promiseNextUpdateForms go through the ways a comms lead promises the
// next word — a forecast, a planned window, a return to normal, an event
// that goes ahead or moves, a briefing by a named person, a question time,
// a cadence, tomorrow's edition, a live ticker or a radio bulletin, a
// relative time, a trigger capped by a latest time, a promise in the German
// present, Swiss and Austrian forms, du and Sie — each in several wordings
// per language, with the look-alikes that promise nothing: a cancelled
// date, an incident's date, an exhibition's last days, media reports, a
// counterfactual, a routine, advice on when to go out, a past told with an
// irregular verb, the weather forecast, a known past, a credit, a new
// shop's opening, a start, a price, a reference.
//
// Still missed, and so not listed: a return and an offer's word in one
// sentence ("We'll reopen at 10am – tickets are valid any day this month",
// "every order placed at that price will ship by Friday": the offer's word
// voids the sentence), and likewise a promise after a semicolon („Unsere
// Teams arbeiten rund um die Uhr; die nächste Meldung gibt es um 16 Uhr“);
// "stay off until …" (the
// discount's "off until"); a repair told in the perfect tense with a clock
// time („Wir haben den Fehler um 21:52 Uhr behoben“: „haben“ also promises,
// „Wir haben ab Montag geöffnet“); a late fee waived with a date ("no late
// fees, and we'll try again on the 8th" is a promise, "late fees from the
// February 3 outage" is none); "nur noch bis" (a last chance to see an
// exhibition, but also shorter hours: „ab Montag nur noch bis 18 Uhr“).
var promiseNextUpdateForms = []detectionForm{
	// A forecast named as such.
	{"forecast", "de", "Die Technik ist vor Ort, Prognose: 15 Uhr.", true},
	{"forecast", "de", "Unsere Prognose für die Behebung ist Freitagmittag.", true},
	{"forecast", "de", "Geschätzte Dauer der Störung: bis 18 Uhr.", true},
	{"forecast", "de", "Nach unserer Schätzung läuft das Netz gegen 16 Uhr wieder.", true},
	{"forecast", "de", "Die Techniker gehen von 14 Uhr aus.", true},
	{"forecast", "en", "Engineers are on site, forecast: 3pm.", true},
	{"forecast", "en", "Our current ETA for the fix is 4.30pm.", true},
	{"forecast", "en", "Best estimate for power back: Friday midday.", true},
	{"forecast", "en", "The engineers' estimate is around 6pm.", true},
	{"forecast", "en", "Projected fix time is 14:00.", true},
	// A planned window of work or an interruption.
	{"planned window", "de", "Die Umstellung erfolgt in der Nacht zum 12. Mai zwischen 1 und 4 Uhr.", true},
	{"planned window", "de", "Das Wasser wird am Dienstag von 8 bis 16 Uhr abgestellt.", true},
	{"planned window", "de", "Am Montag ist der Strom zwischen 9 und 12 Uhr abgeschaltet.", true},
	{"planned window", "de", "Die Unterbrechung dauert am Donnerstag von 22 bis 2 Uhr.", true},
	{"planned window", "de", "Die Abschaltung findet am 3. Juni statt.", true},
	{"planned window", "en", "Heating will be off on Tuesday 14 May from 8am to 4pm while we replace a valve.", true},
	{"planned window", "en", "Water will be switched off on Monday between 9am and noon.", true},
	{"planned window", "en", "The power will be turned off on 3 June for four hours.", true},
	{"planned window", "en", "The changeover takes place on the night of 12 May between 1 and 4am.", true},
	{"planned window", "en", "There will be an interruption to supply on Thursday from 10pm.", true},
	// A return to normal at a time.
	{"back to normal", "de", "Ab Freitag, 5 Uhr, läuft der Flugplan normal.", true},
	{"back to normal", "de", "Ab Montag fahren die Busse wieder regulär.", true},
	{"back to normal", "de", "Ab 6 Uhr gilt wieder der reguläre Fahrplan.", true},
	{"back to normal", "de", "Am Mittwoch läuft der Betrieb wieder planmäßig.", true},
	{"back to normal", "en", "From 5am on Friday the flight schedule runs as normal.", true},
	{"back to normal", "en", "Buses run to the usual timetable from Monday.", true},
	{"back to normal", "en", "Normal service from 6am tomorrow.", true},
	// An event that goes ahead, moves or happens elsewhere, with its time.
	{"event on", "de", "Der Gottesdienst am Sonntag um 10 Uhr findet deshalb im Pfarrsaal statt.", true},
	{"event on", "de", "Das Konzert findet stattdessen am Samstag um 19 Uhr in der Halle statt.", true},
	{"event on", "de", "Das Training ist am Donnerstag um 18 Uhr im Ausweichquartier.", true},
	{"event on", "de", "Das Spiel am Samstag um 15 Uhr findet wie geplant statt.", true},
	{"event on", "en", "Saturday's game against Coventry is ON at 7pm.", true},
	{"event on", "en", "The service on Sunday at 10am will be held in the parish hall instead.", true},
	{"event on", "en", "Tonight's match goes ahead at 7.45pm.", true},
	{"event on", "en", "The parade is still on for 11am on Sunday.", true},
	// A named person who briefs at a time.
	{"named briefing", "de", "Der Bürgermeister informiert um 16 Uhr im Rathaus.", true},
	{"named briefing", "de", "Unsere Geschäftsführerin spricht morgen um 10 Uhr zur Lage.", true},
	{"named briefing", "de", "Der Krisenstab tagt um 14 Uhr, danach gibt es neue Infos.", true},
	{"named briefing", "en", "Our CEO will brief the press at 4pm.", true},
	{"named briefing", "en", "The mayor will speak to residents at 6pm in the town hall.", true},
	{"named briefing", "en", "The incident team meets at 2pm and we'll post straight after.", true},
	// A time for questions.
	{"question time", "de", "Am Mittwoch, 8. Mai, um 19 Uhr beantworten die Stadt und ich in der Aula Ihre Fragen.", true},
	{"question time", "de", "Ihre Fragen beantworten wir am Donnerstag um 18 Uhr im Livestream.", true},
	{"question time", "de", "Fragestunde mit dem Vorstand: Montag, 17 Uhr.", true},
	{"question time", "de", "Eine Sprechstunde für Anwohner gibt es am Dienstag ab 16 Uhr im Gemeindehaus.", true},
	{"slot offered", "de", "Wir können Ihnen Donnerstag 10:15 oder Freitag 8:00 anbieten.", true},
	{"question time", "en", "The council and I will answer your questions in the school hall on Wednesday 8 May at 7pm.", true},
	{"question time", "en", "Q&A with our medical director on Thursday at 6pm.", true},
	{"question time", "en", "We'll take your questions live at 1pm.", true},
	// A cadence.
	{"cadence", "de", "Wir informieren jeden Morgen um 8 Uhr über den Stand.", true},
	{"cadence", "de", "Updates gibt es alle zwei Stunden hier.", true},
	{"cadence", "de", "Den Lagebericht posten wir täglich um 17 Uhr.", true},
	{"cadence", "en", "We'll post an update every morning at 8.", true},
	{"cadence", "en", "Updates every two hours on this page.", true},
	{"cadence", "en", "Daily briefing at 5pm until the water is safe.", true},
	// Tomorrow's edition, bulletin or newsletter.
	{"next edition", "de", "Mehr dazu in der morgigen Ausgabe.", true},
	{"next edition", "de", "Die nächsten Schritte stehen im morgigen Newsletter.", true},
	{"next edition", "en", "More in tomorrow's edition.", true},
	{"next edition", "en", "Full details in tomorrow's newsletter.", true},
	{"next edition", "en", "We'll cover it in tomorrow's bulletin.", true},
	// A trigger capped by a latest time.
	{"capped trigger", "de", "Sobald die Techniker zurückmelden, melden wir uns – spätestens um 15 Uhr.", true},
	{"capped trigger", "en", "We'll update you as soon as the engineers report back, and by 3pm at the latest.", true},
	// Swiss and Austrian forms, du and Sie.
	{"regional", "de", "Die Strecke bleibt voraussichtlich bis Ende Jänner gesperrt.", true},
	{"regional", "de", "Wir melden uns bis am Freitag bei Ihnen.", true},
	{"regional", "de", "Du hörst morgen um halb acht in der Früh von uns.", true},
	{"regional", "de", "Ihr hört um 16 Uhr wieder von uns.", true},
	{"regional", "de", "Wir geben dir bis 15 Uhr Bescheid.", true},
	// A forecast of the weather, a past told as known.
	{"weather", "en", "On routes where turbulence is forecast, crew take their seats 20 minutes earlier.", false},
	{"weather", "en", "Storms are forecast until Friday.", false},
	{"known past", "en", "As you will know, services were interrupted from 4 to 7 October.", false},
	{"known past", "de", "Wie Sie wissen, war unser Netz im Mai zwölf Tage lang gestört.", false},
	// A promise in the present tense beside a word that looks past.
	{"present promise", "de", "Alle Tickets erstatten wir bis 15. August automatisch, ihr müsst nichts tun.", true},
	{"present promise", "de", "Die Pumpen laufen; morgen um 10 Uhr schreiben wir hier, wie es aussieht.", true},
	{"present promise", "de", "Den Ersatz schicken wir bis Freitag, Sie mussten ja lange genug warten.", true},
	{"present promise", "de", "Wir posten um 17 Uhr, wie es weitergeht.", true},
	{"present promise", "de", "Für die drei Tage schreiben wir Ihnen einen Monatsbeitrag gut.", false},
	{"present promise", "de", "Allen Kunden schreiben wir eine Woche Nutzung gut, ohne dass ihr etwas tun müsst.", false},
	{"present promise", "de", "Wir schreiben euch zwei Wochen gut.", false},
	{"present promise", "de", "Dafür schreiben wir dir 15 Euro gut.", false},
	// A relative time.
	{"relative", "de", "In einer halben Stunde wissen wir mehr und melden uns.", true},
	{"relative", "de", "Innerhalb der nächsten 48 Stunden bekommst du Bescheid.", true},
	{"relative", "de", "Wir melden uns im Lauf des Nachmittags wieder.", true},
	{"relative", "en", "We'll have more for you in 30 minutes.", true},
	{"relative", "en", "You'll hear from us within the next 48 hours.", true},
	{"relative", "en", "Another update in half an hour.", true},
	// A channel that carries the next word, with its time.
	{"channel", "de", "Im Liveticker berichten wir ab 6 Uhr laufend.", true},
	{"channel", "de", "Die nächste Durchsage im Radio kommt um 12 Uhr.", true},
	{"channel", "de", "Um 18 Uhr gehen wir auf Instagram live und beantworten eure Fragen.", true},
	{"channel", "en", "Follow our live blog from 6am for all the changes.", true},
	{"channel", "en", "We'll go live on Instagram at 6pm to answer your questions.", true},
	{"channel", "en", "The next radio bulletin is at noon.", true},
	// A start in the past, a price, a reference, an opening date.
	{"not a promise", "de", "Seit 9 Uhr ist die Strecke gesperrt.", false},
	{"not a promise", "de", "Der Eintritt kostet ab Montag 8 Euro.", false},
	{"not a promise", "de", "Bitte geben Sie die Vorgangsnummer 2024-06-14 an.", false},
	{"not a promise", "en", "The line has been closed since 9 am.", false},
	{"not a promise", "en", "Entry costs £8 from Monday.", false},
	{"not a promise", "en", "Please quote reference 2024-06-14.", false},
	// Swiss, Austrian and American forms.
	{"regional", "de", "Die Strasse bleibt bis und mit Freitag gesperrt.", true},
	{"regional", "de", "Per 1. Juli fährt die Linie wieder nach Fahrplan.", true},
	{"regional", "de", "Wir informieren Sie am Montagmorgen per SMS.", true},
	{"regional", "de", "Die Schulen bleiben heuer bis 7. Jänner zu.", true},
	{"regional", "en", "The road stays closed through Sunday.", true},
	{"regional", "en", "We'll update this page by 5 p.m. Eastern.", true},
	{"regional", "en", "Crews expect to restore power by Thursday a.m.", true},
	{"regional", "en", "The advisory is in effect through Wednesday evening.", true},
	{"warning in force", "de", "Die Unwetterwarnung gilt bis Mittwochabend.", true},
	{"warning in force", "de", "Das Badeverbot gilt bis Freitag, 18 Uhr.", true},
	{"warning in force", "en", "The boil-water notice stays in force until Friday at 6pm.", true},
	{"warning in force", "de", "Der Gutschein gilt bis Sonntag.", false},
	{"warning in force", "de", "Das Angebot gilt bis Ende Mai.", false},
	{"warning in force", "en", "The offer is in effect until Sunday.", false},
	// A minimum with an end date names that date.
	{"at least until", "de", "Das Gewächshaus bleibt mindestens bis Ende nächster Woche gesperrt, der Hofladen öffnet ab Mittwoch wieder.", true},
	{"at least until", "de", "Die Strecke bleibt mindestens bis Freitag gesperrt.", true},
	{"at least until", "de", "Das Bad bleibt mindestens eine Woche geschlossen.", false},
	{"at least until", "en", "The road stays closed until at least Friday.", true},
	{"at least until", "en", "The greenhouse stays shut until at least the end of next week; the farm shop reopens on Wednesday.", true},
	{"at least until", "en", "The pool stays shut for at least ten days.", false},
	// A cancelled date is no next update.
	{"cancelled date", "de", "Die Fahrt nach Hamburg am 14. Mai fällt aus.", false},
	{"cancelled date", "de", "Das Konzert am Samstag entfällt.", false},
	{"cancelled date", "de", "Der Markt am 3. Juni ist abgesagt.", false},
	{"cancelled date", "en", "Your trip to Lisbon on 3 May will not go ahead.", false},
	{"cancelled date", "en", "Saturday's match won't go ahead.", false},
	{"cancelled date", "de", "Das Turnier am 3. Juni findet nicht statt.", false},
	{"company name", "de", "Zum Ausfall am Freitag: Die Ursache lag bei unserem Cloud-Anbieter.", false},
	// An incident's date, a late fee.
	{"incident date", "de", "Betreff: Gutschrift für den Ausfall vom 4. bis 6. März", false},
	{"incident date", "de", "Zur Störung vom 3. Mai: Alle Daten sind sicher.", false},
	// An exhibition's or offer's last day.
	{"last day", "de", "Die Ausstellung läuft nur noch bis Ende August – gönnen Sie sich eine Auszeit bei uns.", false},
	{"last day", "de", "Nur noch wenige Tage: Unsere Sommerausstellung läuft bis Sonntag.", false},
	{"last day", "en", "The exhibition runs only until the end of August – treat yourself to a cool afternoon.", false},
	{"last day", "en", "Last chance until Sunday to see the show.", false},
	// Media reports, a counterfactual, a routine, advice on when to go out.
	{"reports", "de", "Zu den Berichten über kollabierte Gäste am Samstag: Wir haben Schilder aufgestellt.", false},
	{"reports", "en", "About the reports of guests collapsing on Saturday: we put up signs.", false},
	{"counterfactual", "de", "Hätten Sie Ihren Hund zwei Tage früher gebracht, wäre die Behandlung einfacher gewesen.", false},
	{"counterfactual", "en", "Had you brought your dog in two days earlier, treatment would have been easier.", false},
	{"advice", "en", "Walk dogs before 8am or after 8pm and test the pavement with the back of your hand.", false},
	{"advice", "de", "Gehen Sie vor 10 Uhr mit dem Hund raus und prüfen Sie den Asphalt mit dem Handrücken.", false},
	// A past told with an irregular verb.
	{"past", "en", "Many of them stayed until the last bus left at 9am.", false},
	{"past", "en", "An independent inspection on 12 May found none.", false},
	{"past", "en", "Thanks to the neighbours who cleared our driveway at 5am.", false},
	{"past", "en", "We still open at 6 every morning, and we had no say in the decision.", false},
	// A new shop's opening.
	{"new shop", "de", "Unsere neue Filiale in Bergen eröffnet am 1. Mai!", false},
	{"new shop", "en", "Our new shop in Bergen opens on 1 May!", false},
	{"new shop", "en", "Grand opening of our new store on Saturday at 10am!", false},
}

// promiseContactForms go through the ways people are told where to get
// help — a hotline with an extension, a short number, a desk with its
// hours, a walk-in point or tent, a postal address, a messenger, a link to
// manage a booking, a link labelled by what will be said there — and the
// look-alikes that are none: a job title in a signature, a line or a page
// for those who want to help or give, carers named without a way to reach
// them, an emergency number alone, a brand's feed to follow.
//
// Still missed, and so not listed: a phone number for volunteers („Wer
// mit anpacken möchte: 06543 10 20 30“): a number counts wherever it
// stands, and "Call our shop on …" must keep counting; a link after a
// refund "an der Kasse" (the till voids the next sentence's link, as it
// voids a shop's).
var promiseContactForms = []detectionForm{
	// A web address on a newer top-level domain.
	{"new tld", "de", "Den aktuellen Stand finden Sie unter status.hoerraum.studio.", true},
	{"new tld", "en", "Live updates and help: service.cityferries.support", true},
	{"new tld", "en", "Check the latest at status.ourbank.services.", true},
	// A hotline with an extension.
	{"extension", "de", "Fragen: Tel. 089 1234-56, Durchwahl 12.", true},
	{"extension", "de", "Unsere Hotline 0800 100 200 (Durchwahl 3) hilft weiter.", true},
	{"extension", "en", "Call 0800 123 4567, extension 12.", true},
	{"extension", "en", "Ring our helpline on 0161 496 0000 ext. 3.", true},
	// A desk with its hours.
	{"desk", "de", "Unser Kundenservice ist Mo–Fr von 8 bis 18 Uhr für Sie da.", true},
	{"desk", "de", "Das Servicebüro im Rathaus hat heute bis 20 Uhr offen.", true},
	{"desk", "de", "Die Kundenhotline ist rund um die Uhr besetzt.", true},
	{"desk", "en", "Our customer service team is available Monday to Friday, 8am–6pm.", true},
	{"desk", "en", "The service desk in the town hall is open until 8pm today.", true},
	{"desk", "en", "Our customer care team is on hand around the clock.", true},
	// A walk-in point, a tent, a centre.
	{"walk-in point", "de", "Infozelt: neben Tor B.", true},
	{"walk-in point", "de", "Das Sanitätszelt steht am Haupteingang.", true},
	{"walk-in point", "de", "Eine Anlaufstelle gibt es in der Turnhalle.", true},
	{"walk-in point", "de", "Im Hilfezentrum in der Stadthalle bekommen Sie Decken und Auskunft.", true},
	{"walk-in point", "en", "Welfare tent: next to Gate B.", true},
	{"walk-in point", "en", "The first aid tent is by the main entrance.", true},
	{"walk-in point", "en", "A rest centre is open at the leisure centre.", true},
	{"walk-in point", "en", "Our help point at the station can answer questions.", true},
	// A postal address.
	{"post", "de", "Schriftlich erreichen Sie uns unter Postfach 12 34, 80331 München.", true},
	{"post", "de", "Schicken Sie die Belege per Post an unseren Kundenservice.", true},
	{"post", "en", "Write to Customer Relations, PO Box 123, Leeds LS1 4AB.", true},
	{"post", "en", "Send your receipts by post to Freepost RTXZ-ABCD.", true},
	// A messenger.
	{"messenger", "de", "Schreib uns per WhatsApp, wir antworten heute noch.", true},
	{"messenger", "de", "Über den Facebook-Messenger erreichen Sie unser Team.", true},
	{"messenger", "en", "Message us on WhatsApp and we'll get back to you today.", true},
	{"messenger", "en", "Our team answers on Facebook Messenger.", true},
	// A link to manage a booking, or labelled by what will be said there.
	{"manage link", "de", "Kostenlos umbuchen: fluglinie.example.de/buchung", true},
	{"manage link", "de", "Morgen um 7:30 Uhr sagen wir, welche Lifte fahren: bahnen.example.at/heute", true},
	{"manage link", "en", "Rebook free at northwind.example/manage", true},
	{"manage link", "en", "Manage your booking: airline.example.com/trips", true},
	{"manage link", "en", "At 7am we'll say which lifts run: lifts.example.com/today", true},
	// A short number or a hotline with its hours.
	{"short number", "de", "Außerhalb der Sprechzeiten hilft der ärztliche Bereitschaftsdienst unter 116 117.", true},
	{"short number", "de", "Die Hotline ist Mo–Fr von 8 bis 20 Uhr besetzt: 0800 330 440.", true},
	{"short number", "en", "For urgent advice out of hours, call NHS 111.", true},
	{"short number", "en", "Our helpline is staffed 8am to 8pm on weekdays: 0800 330 440.", true},
	// People who look after those affected, named without a way to reach
	// them, are no channel.
	{"carers named", "de", "Wer Hilfe braucht, findet Ansprechpartner bei der Notfallseelsorge.", false},
	{"carers named", "de", "Das Kriseninterventionsteam kümmert sich um die Angehörigen.", false},
	{"carers named", "en", "Anyone who needs support can speak to the crisis chaplaincy team.", false},
	{"carers named", "en", "Counsellors are supporting the families.", false},
	// A social handle to write to.
	{"handle", "de", "Schreibt uns eine DM an @stadtwerke_hilfe.", true},
	{"handle", "de", "Auf Instagram antworten wir euch unter @baeckerei.lind per Direktnachricht.", true},
	{"handle", "en", "DM @HarbourHelp with your account number.", true},
	// An emergency number alone, a brand's feed to follow: no help channel.
	{"no channel", "de", "Im Notfall wählen Sie bitte die 112.", false},
	{"no channel", "de", "Folgt uns auf Instagram für mehr Rezepte!", false},
	{"no channel", "en", "In an emergency, always dial 999.", false},
	{"no channel", "en", "Follow us on Instagram for more recipes!", false},
	// A job title in a signature is no channel.
	{"job title", "en", "Gareth Lloyd, Front Office Manager", false},
	{"job title", "en", "Sam Patel, Head of Customer Service", false},
	{"job title", "en", "Jo Baker, Customer Service Director", false},
	{"job title", "de", "Petra Lindner, Leiterin Kundenservice", false},
	{"job title", "de", "Jonas Berg, Leiter des Servicecenters", false},
	// A page for those who want to help or give.
	{"to give", "de", "Wer selbst helfen möchte: Spendenkonto und Sachspenden stehen auf dorf.example.de/spenden", false},
	{"to give", "de", "Wer mit anpacken will, findet alles auf stadt.example.de/helfen", false},
	{"to give", "en", "If you'd like to help too, the fund is at floodfund.example.org.uk", false},
	{"to give", "en", "Want to donate? Details at relief.example.org/give", false},
}
