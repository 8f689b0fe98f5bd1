package lint

// writerNextUpdateForms are wordings of the forms a new writer used on
// holdout6 and honest2 where the detectors failed, five or more per form,
// written apart from those corpora in both languages (du and Sie, British
// and American), with the look-alikes that name no next update: opening
// hours, an offer's end, a past event, a price's new date, a habit. Before
// the detectors were widened for them they read 94 of these 130 right
// (no proposed slot in English, no result or announcement due in German,
// one catch-up day of five in German); all 130 now.
//
// Still missed, and so not listed: a promise whose sentence names a batch
// („Wir informieren bis Freitag, ob weitere Chargen betroffen sind“ —
// „Charge“ voids the best-before dates of recalls); opening hours "as
// usual" („ab 6:30 Uhr wie gewohnt geöffnet“ reads like „ab Montag wie
// gewohnt“, which is a resolution); an offer's end in a sentence of its own
// („Gilt bis Sonntag!“ after the offer; „Die Sperrung gilt bis Freitag“ is
// a resolution); a regular past or a German perfect ("my team worked until
// 3 am", „ich habe sie bis drei Uhr nachts kämpfen sehen“); a period quoted
// from a complaint ("why a container is two days late"); a habit named by
// the daypart alone („abends sitzen wir noch bis elf“).
var writerNextUpdateForms = []detectionForm{
	// A latest time with a weekday and a part of the day.
	{"latest daypart", "de", "Wir melden uns bis spätestens Donnerstagabend.", true},
	{"latest daypart", "de", "Bis spätestens Freitagmittag haben Sie wieder Strom.", true},
	{"latest daypart", "de", "Die Reparatur ist spätestens am Dienstagnachmittag fertig.", true},
	{"latest daypart", "de", "Du hörst bis spätestens Montagfrüh von uns.", true},
	{"latest daypart", "de", "Bis spätestens Mittwochvormittag sollte die Leitung wieder gehen.", true},
	{"latest daypart", "en", "You'll hear from us by Thursday evening at the latest.", true},
	{"latest daypart", "en", "The road should reopen by Friday lunchtime.", true},
	{"latest daypart", "en", "We'll have the line fixed by Tuesday afternoon.", true},
	{"latest daypart", "en", "Expect a reply from the team on Monday morning.", true},
	{"latest daypart", "en", "Power should be back by Wednesday night at the latest.", true},
	// A clock time in words: a quarter past or to, half past.
	{"clock words", "de", "Wir melden uns gegen Viertel nach vier wieder.", true},
	{"clock words", "de", "Nächster Stand um Viertel vor zwölf.", true},
	{"clock words", "de", "Gegen halb fünf sollte der Zug wieder fahren.", true},
	{"clock words", "de", "Um drei viertel zehn informieren wir euch erneut.", true},
	{"clock words", "de", "Das Wasser kommt voraussichtlich gegen Viertel nach sieben zurück.", true},
	{"clock words", "en", "We'll post again at quarter past four.", true},
	{"clock words", "en", "The next update comes at a quarter to twelve.", true},
	{"clock words", "en", "Trains should be moving again by half past five.", true},
	{"clock words", "en", "We expect power back around half four.", true},
	{"clock words", "en", "We'll update you at about ten past three.", true},
	// The end of the working day.
	{"close of business", "en", "We'll confirm the new date by close of business.", true},
	{"close of business", "en", "You'll have an answer by end of day today.", true},
	{"close of business", "en", "We'll get back to you by COB Friday.", true},
	{"close of business", "en", "A full update follows before the end of the working day.", true},
	{"close of business", "en", "The refund will reach you by the end of the business day.", true},
	{"close of business", "de", "Bis Geschäftsschluss melden wir uns mit dem neuen Termin.", true},
	{"close of business", "de", "Eine Antwort bekommst du noch vor Feierabend.", true},
	{"close of business", "de", "Bis Dienstschluss informieren wir Sie über den Stand.", true},
	{"close of business", "de", "Bis Büroschluss schicken wir Ihnen die neue Aufstellung.", true},
	{"close of business", "de", "Zum Tagesende melden wir uns mit dem Ergebnis.", true},
	// A clock time with a period or a colon, and a day.
	{"dotted clock", "en", "We'll call you at 7.30 tomorrow.", true},
	{"dotted clock", "en", "Next update at 4.15pm.", true},
	{"dotted clock", "en", "The replacement bus leaves at 6.45 tomorrow morning.", true},
	{"dotted clock", "en", "Service should resume by 9.30 on Monday.", true},
	{"dotted clock", "en", "We'll post the results here at 16.00.", true},
	{"dotted clock", "de", "Nächste Meldung um 14.30 Uhr.", true},
	{"dotted clock", "de", "Wir rufen dich morgen um 7.30 an.", true},
	{"dotted clock", "de", "Die Strecke ist voraussichtlich ab 18.15 Uhr wieder frei.", true},
	{"dotted clock", "de", "Der Ersatzbus fährt morgen um 6.45 ab Bahnhof.", true},
	{"dotted clock", "de", "Neuer Stand heute um 16.00 auf unserer Seite.", true},
	// A span from now.
	{"from now", "en", "We'll be back in touch in two hours.", true},
	{"from now", "en", "We expect it back in about 6 hours.", true},
	{"from now", "en", "Next update within the hour.", true},
	{"from now", "en", "The fix should be live in roughly 30 minutes.", true},
	{"from now", "en", "You'll get a text from us within 48 hours.", true},
	{"from now", "de", "In zwei Stunden melden wir uns wieder.", true},
	{"from now", "de", "Wir rechnen damit, dass es in etwa 6 Stunden wieder läuft.", true},
	{"from now", "de", "Nächstes Update innerhalb der nächsten Stunde.", true},
	{"from now", "de", "In rund 30 Minuten sollte alles wieder gehen.", true},
	{"from now", "de", "Du bekommst binnen 48 Stunden eine Nachricht von uns.", true},
	// A text or mail promised, with a time.
	{"we'll text you", "en", "We'll text you by 6pm with a new slot.", true},
	{"we'll text you", "en", "We'll email you tomorrow once the part is in.", true},
	{"we'll text you", "en", "I'll drop you a message on Friday.", true},
	{"we'll text you", "en", "We'll ping you in the app by noon.", true},
	{"we'll text you", "en", "Expect a text from us on Thursday morning.", true},
	{"we'll text you", "de", "Wir schicken dir bis 18 Uhr eine SMS mit dem neuen Termin.", true},
	{"we'll text you", "de", "Wir schreiben Ihnen morgen, sobald das Teil da ist.", true},
	{"we'll text you", "de", "Ich schreib dir am Freitag.", true},
	{"we'll text you", "de", "Sie bekommen am Donnerstagvormittag eine SMS von uns.", true},
	{"we'll text you", "de", "Bis Mittag schicken wir euch eine Mail mit allen Details.", true},
	// The service comes back or is done again on a day: a catch-up.
	{"catch-up", "en", "Please leave your bins out; we'll collect on Saturday 16 March.", true},
	{"catch-up", "en", "Missed collections will be picked up on Saturday.", true},
	{"catch-up", "en", "We'll deliver your order on Friday instead.", true},
	{"catch-up", "en", "The crew will come back to finish the job on Monday.", true},
	{"catch-up", "en", "Your bin gets emptied on Thursday instead.", true},
	{"catch-up", "de", "Bitte Tonnen stehen lassen, wir holen sie am Samstag ab.", true},
	{"catch-up", "de", "Die Tonnen werden am Samstag geleert.", true},
	{"catch-up", "de", "Wir liefern deine Bestellung stattdessen am Freitag.", true},
	{"catch-up", "de", "Die Leerung findet am Donnerstag statt.", true},
	{"catch-up", "de", "Das Team kommt am Montag wieder und macht die Arbeiten fertig.", true},
	// A new slot proposed or a new time set.
	{"new slot", "en", "Could you do Friday at 4?", true},
	{"new slot", "en", "Does Tuesday at 10am work for you?", true},
	{"new slot", "en", "Are you free on Thursday at 3 instead?", true},
	{"new slot", "en", "Main stage now opens at 3pm, not 1pm.", true},
	{"new slot", "en", "The match now kicks off at 5pm.", true},
	{"new slot", "de", "Passt dir Freitag um 15 Uhr?", true},
	{"new slot", "de", "Passt Ihnen Dienstag um 10 Uhr?", true},
	{"new slot", "de", "Hättest du am Donnerstag um 3 Zeit?", true},
	{"new slot", "de", "Die Hauptbühne öffnet jetzt erst um 16 Uhr.", true},
	{"new slot", "de", "Das Spiel beginnt nun um 17 Uhr.", true},
	// A result, a decision or an announcement named for a time.
	{"result due", "en", "Results from the retests are due Thursday at noon.", true},
	{"result due", "en", "Next tests at 4pm.", true},
	{"result due", "en", "Hours after Sunday will be announced here on Saturday.", true},
	{"result due", "en", "The shipment is now expected in Felixstowe on 18 November.", true},
	{"result due", "en", "BT expect to fix it by lunchtime.", true},
	{"result due", "de", "Nachproben laufen, Ergebnis Donnerstag 12 Uhr.", true},
	{"result due", "de", "Das sagen wir hier am Samstag an.", true},
	{"result due", "de", "Ob die Bitte weiter nötig ist, sagen wir am Montag.", true},
	{"result due", "de", "Was die Prüfung ergibt, erfährst du am 15. März.", true},
	// A service stays off until a time.
	{"off until", "en", "There's no running water in the hotel until about 11am.", true},
	{"off until", "en", "The lift is out of service until Thursday.", true},
	{"off until", "en", "Replacement buses run until 12 April.", true},
	{"off until", "de", "Bis etwa 11 Uhr gibt es im Hotel kein Wasser.", true},
	{"off until", "de", "Der Aufzug bleibt bis Donnerstag außer Betrieb.", true},
	{"off until", "de", "Bis 3. Mai fahren Busse statt Züge.", true},
	// Swiss and Austrian forms.
	{"CH/AT", "de", "Wir melden uns bis am Freitag.", true},
	{"CH/AT", "de", "Die Leitung geht voraussichtlich am 3. Jänner wieder.", true},
	{"CH/AT", "de", "Wir informieren Sie morgen in der Früh.", true},
	{"CH/AT", "de", "Nächste Info um 14.30 Uhr auf der Website.", true},
	{"CH/AT", "de", "Die Bim fährt bis voraussichtlich Freitag, Betriebsschluss, nicht.", true},
	{"CH/AT", "de", "Das Ersatzteil kommt Mitte Feber.", true},
	// No next update: opening hours.
	{"opening hours", "en", "Our phone lines are open Monday to Friday, 8am to 8pm.", false},
	{"opening hours", "en", "The helpline is staffed every day from 7am to 10pm.", false},
	{"opening hours", "en", "Reception is open from 6.30 as usual.", false},
	{"opening hours", "de", "Wir sind täglich von 7 bis 22 Uhr erreichbar.", false},
	{"opening hours", "de", "Die Hotline ist Mo–Sa 8–20 Uhr besetzt.", false},
	// No next update: an offer's end.
	{"offer end", "en", "Two months free when you upgrade before the end of the month.", false},
	{"offer end", "en", "10% off if you book before Sunday.", false},
	{"offer end", "en", "The deal ends on Friday at midnight.", false},
	{"offer end", "de", "Unbegrenzt-Tarif jetzt 30 % günstiger, nur bis Freitag.", false},
	{"offer end", "de", "Das Angebot läuft bis Monatsende.", false},
	// No next update: a past event.
	{"past event", "en", "Some perspective on Saturday's three-hour delay.", false},
	{"past event", "de", "Wir haben gestern bis elf Uhr abends gearbeitet.", false},
	{"past event", "de", "Letzten Dienstag lief die Hotline bis Mitternacht.", false},
	// No next update: a price's new date.
	{"price date", "en", "From 1 April your plan will go up from £15 to £17.50 a month.", false},
	{"price date", "en", "Your price stays at £28 a month until at least 31 March next year.", false},
	{"price date", "en", "You're free to leave without an exit fee until 31 March.", false},
	{"price date", "de", "Ab 1. April kostet Ihr Tarif 22,99 Euro statt 19,99 Euro.", false},
	{"price date", "de", "Ihr Arbeitspreis bleibt bis mindestens 31. Dezember gleich.", false},
	{"price date", "de", "Sie haben ein Sonderkündigungsrecht bis zum 31. März.", false},
	// No next update: a habit or a schedule that repeats.
	{"habit", "en", "Our veg box comes to your door every Friday.", false},
	{"habit", "en", "We're open late every Thursday.", false},
	{"habit", "de", "Unsere Gemüsekiste kommt jeden Freitag direkt zu euch.", false},
	{"habit", "de", "Wir liefern immer dienstags.", false},
	// No next update: already fixed, or a time-free promise.
	{"no time", "en", "It's already fixed.", false},
	{"no time", "en", "We'll text you when it's ready.", false},
	{"no time", "de", "Das Problem ist bereits behoben.", false},
	{"no time", "de", "Wir schreiben dir, sobald es fertig ist.", false},
	{"no time", "en", "From next month we'll no longer offer out-of-hours cover.", false},
	{"no time", "de", "Ab nächstem Monat bieten wir keinen Notdienst mehr an.", false},
}

// writerContactForms are wordings of the ways to get help a new writer used
// where the detector failed — phone numbers of six countries, a direct
// message, a reply, a hotline by name, a text to a short code, a call back,
// a room or desk number to dial, an app's chat, a journey planner — and
// their look-alikes: an emergency number, a hotline only named, a QR code
// that unlocks a bike, a channel offered for a sale. The corpora label an
// emergency number and a hotline named without a way to reach it ("please
// call 999", "welcome to the helpline") no contact, and so do these
// wordings. Before the detector was widened it read 66 of these 89 right
// (no hotline form in either language, US numbers with dots, Australian
// 1300 and 1800 numbers); all 89 now.
//
// Still missed, and so not listed: a named helpline with a word between
// verb and name ("call our flood helpline"); a call back offered in an
// English script ("offer a call back" — "offer" marks a pitch).
var writerContactForms = []detectionForm{
	// Phone numbers of Germany, Austria, Switzerland, the UK, the US and Australia.
	{"phone DE", "de", "Fragen: 030 12345678", true},
	{"phone DE", "de", "Ruf uns an: +49 (0)30 1234 5678", true},
	{"phone DE", "de", "Hotline 0800 / 33 44 55", true},
	{"phone DE", "de", "Tel. 089-21540770", true},
	{"phone DE", "de", "Rufen Sie an: 0176 555 81 20.", true},
	{"phone AT", "de", "Fragen unter +43 1 234 5678.", true},
	{"phone AT", "de", "Infos: 0662 / 84 12 34", true},
	{"phone AT", "de", "Hotline 0800 201 211", true},
	{"phone AT", "de", "Ruf an: 0664 123 45 67", true},
	{"phone AT", "de", "Tel.: +43 (0) 316 887-0", true},
	{"phone CH", "de", "Fragen: 044 668 18 00", true},
	{"phone CH", "de", "Hotline +41 44 668 18 00", true},
	{"phone CH", "de", "Ruf uns an unter 0848 111 222.", true},
	{"phone CH", "de", "Tel. 031 321 11 11", true},
	{"phone CH", "de", "Gratisnummer 0800 800 800", true},
	{"phone UK", "en", "Questions? Call 0161 496 0000.", true},
	{"phone UK", "en", "Ring us on 020 7946 0000.", true},
	{"phone UK", "en", "Call +44 20 7946 0000 any time.", true},
	{"phone UK", "en", "Reply YES or ring 07700 900 877.", true},
	{"phone UK", "en", "Freephone 0800 015 0400.", true},
	{"phone US", "en", "Questions: (802) 555-0134", true},
	{"phone US", "en", "Call 1-800-555-0183 for help.", true},
	{"phone US", "en", "Call us at 802-555-0134.", true},
	{"phone US", "en", "Reach us on 802.555.0134.", true},
	{"phone US", "en", "Call +1 802 555 0134.", true},
	{"phone AU", "en", "Call us on (02) 9876 5432.", true},
	{"phone AU", "en", "Questions? 1300 123 456", true},
	{"phone AU", "en", "Ring +61 2 9876 5432.", true},
	{"phone AU", "en", "Call 0412 345 678 for help.", true},
	{"phone AU", "en", "Help line: 1800 555 123", true},
	// A direct message.
	{"dm", "en", "DM us your order number and we'll sort it.", true},
	{"dm", "en", "Send us a DM with your booking reference.", true},
	{"dm", "en", "Drop us a direct message and we'll help.", true},
	{"dm", "en", "Slide into our DMs with your postcode.", true},
	{"dm", "en", "Message us privately with your account number.", true},
	{"dm", "de", "Schreibt uns per PN eure Bestellnummer.", true},
	{"dm", "de", "Schick uns eine PN, wir helfen dir.", true},
	{"dm", "de", "Schreiben Sie uns eine Direktnachricht.", true},
	{"dm", "de", "Meldet euch per DM mit eurer Postleitzahl.", true},
	{"dm", "de", "Per Privatnachricht helfen wir dir weiter.", true},
	// A reply to this message.
	{"reply", "en", "Questions? Just reply to this message.", true},
	{"reply", "en", "Reply to this text if you need anything.", true},
	{"reply", "en", "Questions? Dial 0 or reply here.", true},
	{"reply", "en", "Hit reply if you need a hand.", true},
	{"reply", "en", "Reply HELP and someone will call you.", true},
	{"reply", "de", "Antworte einfach auf diese SMS.", true},
	{"reply", "de", "Fragen? Antworten Sie auf diese Nachricht.", true},
	{"reply", "de", "Antwortet einfach hier, wir helfen.", true},
	{"reply", "de", "Bei Fragen einfach auf diese Mail antworten.", true},
	// A hotline or a number named by what it is, or a short code to text.
	{"hotline", "en", "Feeling rough? Text HELP to 60777.", true},
	{"hotline", "en", "Ring our helpline if you need a hand.", true},
	{"hotline", "en", "Dial 9 from your room for reception.", true},
	{"hotline", "en", "Text STOP to 88022 to pause reminders, or HELP to reach us.", true},
	{"hotline", "de", "Rufen Sie unsere Hotline an, wir helfen Ihnen weiter.", true},
	{"hotline", "de", "Schick eine SMS mit HILFE an 55055.", true},
	{"hotline", "de", "Rufen Sie unser Bürgertelefon an.", true},
	{"hotline", "de", "Fragen beantworten wir gern über unsere Hotline.", true},
	{"hotline", "de", "Wenn Sie noch etwas brauchen, wählen Sie vom Zimmer die 9.", true},
	// A call back offered.
	{"call back", "de", "Rückruf bis 21 Uhr zusagen und im Ticket vermerken.", true},
	{"call back", "de", "Rückruf anbieten, Telefonnummer notieren.", true},
	{"call back", "de", "Wir rufen dich zurück.", true},
	{"call back", "de", "Hinterlassen Sie Ihre Nummer, wir melden uns telefonisch.", true},
	{"call back", "de", "Ein Kollege ruft Sie innerhalb von zwei Stunden zurück.", true},
	{"call back", "en", "We'll ring you back from a mobile.", true},
	{"call back", "en", "Leave your number and we'll phone you.", true},
	{"call back", "en", "Someone will call you back within the hour.", true},
	{"call back", "en", "Promise a callback before 9pm.", true},
	// A chat in the app, an e-mail address, a help page.
	{"app chat", "en", "Chat to us in the app.", true},
	{"app chat", "en", "Questions: chat in the Kestrel app.", true},
	{"app chat", "en", "Email help@example.org.", true},
	{"app chat", "en", "Plan around it: trams.example.co.uk/planner", true},
	{"app chat", "en", "Rebook free at northwind.example/manage", true},
	{"app chat", "de", "Schreib uns im App-Chat.", true},
	{"app chat", "de", "Fragen per Chat in unserer App.", true},
	{"app chat", "de", "Mail an hilfe@beispiel.de", true},
	{"app chat", "de", "Verbindungen: verkehr.example.at/reiseplaner", true},
	{"app chat", "de", "Kostenlos umbuchen unter flug.example/buchung", true},
	// Look-alikes: an emergency number (not the sender's channel), a hotline
	// only named, a QR code that unlocks, a channel offered for a sale.
	{"no help", "en", "If someone is in danger, call 911.", false},
	{"no help", "en", "In an emergency, please call 999.", false},
	{"no help", "en", "Please be kind to our helpline staff.", false},
	{"no help", "de", "Im Notfall wählen Sie bitte 112.", false},
	{"no help", "de", "Willkommen bei der Störungshotline der Stadtwerke.", false},
	{"no help", "de", "Jetzt den Tarif wechseln und sparen! Antworten Sie mit JA.", false},
	{"no help", "en", "Bikes still unlock when you scan the QR code on the handlebar.", false},
	{"no help", "en", "Scan the QR code at the till to collect points.", false},
	{"no help", "de", "Fahrräder lassen sich weiter per QR-Code am Lenker entsperren.", false},
	{"no help", "de", "Jetzt 10 % sparen mit dem Intensivkurs, schreibt uns eine PN.", false},
	{"no help", "en", "Book our course with 10% off if you book before Sunday, just DM us.", false},
	{"no help", "de", "Punkte sammeln: QR-Code an der Kasse scannen.", false},
}
