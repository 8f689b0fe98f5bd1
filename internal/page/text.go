package page

import (
	"fmt"
	"strings"
	"time"
)

// labels are the fixed texts of the page and the letter in one language.
// They are written for people in a crisis: plain, warm, accountable.
type labels struct {
	Skip, Nav, NavStatus, NavContact, NavTimeline string

	Status, LastUpdate, NextUpdate, NoNextTime, Closed, Checked, Hotline string
	Stages                                                               map[string]string

	What, Impact, Affected, Actions, Who, Unknown, Help, Remedy, Background, Prevention string

	Contact, Phone, Email, ThisPage, Timeline, NextUpdateAt, FooterNote string

	// Letter.
	LetterTitle, Salutation, ThanksFmt, Sorry, SorryNoRemedy                string
	LetterRemedy, LetterActions, LetterPrevention, Questions, QuestionsLead string
	LandingLead, Closing, Regards, QRAlt, QRCaption                         string
}

var de = labels{
	Skip: "Zum Inhalt springen", Nav: "Auf dieser Seite", NavStatus: "Aktueller Stand", NavContact: "Hilfe und Kontakt", NavTimeline: "Alle Meldungen",

	Status:     "Aktueller Stand",
	LastUpdate: "Letzte Meldung",
	NextUpdate: "Nächste Meldung",
	NoNextTime: "Wir melden uns hier, sobald wir mehr wissen – auch wenn es nichts Neues gibt.",
	Closed:     "Es sind keine weiteren regelmäßigen Meldungen geplant. Wenn sich noch etwas ändert, steht es hier.",
	Checked:    "Seite zuletzt geprüft",
	Hotline:    "Hilfe am Telefon",
	Stages: map[string]string{
		"initial": "Erste Meldung", "update": "Aktualisierung", "resolved": "Behoben", "followup": "Nachbereitung",
	},

	What: "Was passiert ist", Impact: "Was eingeschränkt ist", Affected: "Wer betroffen ist",
	Actions: "Was wir tun", Who: "Wer daran arbeitet", Unknown: "Was wir noch nicht wissen",
	Help: "Was Sie jetzt tun können", Remedy: "So machen wir es wieder gut",
	Background: "Hintergrund", Prevention: "Damit es nicht wieder passiert",

	Contact: "Hilfe und Kontakt", Phone: "Telefon", Email: "E-Mail", ThisPage: "Diese Seite",
	Timeline: "Alle Meldungen", NextUpdateAt: "Nächste Meldung angekündigt für",
	FooterNote: "Diese Seite sammelt alle Meldungen und wird bei jeder neuen Meldung aktualisiert.",

	LetterTitle: "Brief",
	Salutation:  "Guten Tag,",
	ThanksFmt: "seit dem %s halten wir Sie über „%s“ auf dem Laufenden. Danke für Ihre Geduld und für Ihre " +
		"Fragen und Hinweise – sie haben uns geholfen zu verstehen, was Sie am dringendsten brauchten.",
	Sorry:            "Wir wissen, dass Sie das Zeit und Nerven gekostet hat, und das tut uns leid. In diesem Brief lesen Sie, wie wir es wiedergutmachen und was wir geändert haben.",
	SorryNoRemedy:    "Wir wissen, dass Sie das Zeit und Nerven gekostet hat, und das tut uns leid. In diesem Brief lesen Sie, was wir getan und was wir geändert haben.",
	LetterRemedy:     "So machen wir es wieder gut",
	LetterActions:    "Was wir getan haben",
	LetterPrevention: "Damit es nicht wieder passiert",
	Questions:        "Wenn Sie Fragen haben",
	QuestionsLead:    "Unser Team ist für Sie da",
	LandingLead:      "Alle Meldungen dazu finden Sie weiterhin unter",
	Closing:          "Wenn bei Ihnen noch etwas nicht in Ordnung ist, sagen Sie es uns bitte. Wir kümmern uns darum.",
	Regards:          "Mit freundlichen Grüßen",
	QRAlt:            "QR-Code mit der Adresse der Informationsseite",
	QRCaption:        "Mit der Handykamera scannen, um die Informationsseite zu öffnen",
}

var en = labels{
	Skip: "Skip to content", Nav: "On this page", NavStatus: "Current status", NavContact: "Help and contact", NavTimeline: "All updates",

	Status:     "Current status",
	LastUpdate: "Latest update",
	NextUpdate: "Next update",
	NoNextTime: "We will post here as soon as we know more, even if there is no news.",
	Closed:     "No further scheduled updates are planned. If anything changes, you will find it here.",
	Checked:    "Page last checked",
	Hotline:    "Help by phone",
	Stages: map[string]string{
		"initial": "First report", "update": "Update", "resolved": "Resolved", "followup": "Follow-up",
	},

	What: "What happened", Impact: "What is not working", Affected: "Who is affected",
	Actions: "What we are doing", Who: "Who is working on it", Unknown: "What we do not know yet",
	Help: "What you can do now", Remedy: "How we are putting it right",
	Background: "Background", Prevention: "How we prevent it from happening again",

	Contact: "Help and contact", Phone: "Phone", Email: "Email", ThisPage: "This page",
	Timeline: "All updates", NextUpdateAt: "Next update announced for",
	FooterNote: "This page collects every update and is refreshed with each new one.",

	LetterTitle: "Letter",
	Salutation:  "Hello,",
	ThanksFmt: "Since %s we have kept you posted on “%s”. Thank you for your patience, and for your " +
		"questions and suggestions – they helped us understand what you needed most.",
	Sorry:            "We know it cost you time and trouble, and we are sorry. This letter tells you how we are putting it right and what we have changed.",
	SorryNoRemedy:    "We know it cost you time and trouble, and we are sorry. This letter tells you what we have done and what we have changed.",
	LetterRemedy:     "How we are putting it right",
	LetterActions:    "What we have done",
	LetterPrevention: "How we prevent it from happening again",
	Questions:        "If you have questions",
	QuestionsLead:    "Our team is there for you",
	LandingLead:      "Every update remains available at",
	Closing:          "If anything is still not right for you, please tell us. We will take care of it.",
	Regards:          "Kind regards",
	QRAlt:            "QR code with the address of the information page",
	QRCaption:        "Scan with your phone camera to open the information page",
}

// isGerman reports whether lang (a BCP 47 tag such as "de" or "de-AT") is German.
func isGerman(lang string) bool {
	lang = strings.ToLower(lang)
	return lang == "de" || strings.HasPrefix(lang, "de-")
}

var (
	deWeekdays = [...]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"}
	deMonths   = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
		"September", "Oktober", "November", "Dezember"}
)

// humanTime formats t for people, in t's own zone: the zone of the facts is
// the zone the organisation and its audience live in.
func humanTime(t time.Time, german bool) string {
	if german {
		return fmt.Sprintf("%s, %s, %s Uhr", deWeekdays[t.Weekday()], humanDate(t, true), t.Format("15:04"))
	}
	return fmt.Sprintf("%s, %s, %s", t.Weekday(), humanDate(t, false), t.Format("15:04"))
}

// humanDate formats the date of t, e.g. "23. November 2026" or "23 November 2026".
func humanDate(t time.Time, german bool) string {
	if german {
		return fmt.Sprintf("%d. %s %d", t.Day(), deMonths[t.Month()-1], t.Year())
	}
	return t.Format("2 January 2006")
}
