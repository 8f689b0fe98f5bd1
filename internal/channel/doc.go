// Package channel knows the length limits of the channels a crisis message
// goes out on and counts text the way those channels do: SMS segments per
// GSM 03.38 (GSM-7 or UCS-2), the weighted length of a post on X, and plain
// character limits. It also extracts checkable facts (times, dates, links,
// phone numbers, amounts, email addresses) so that messages for different
// channels can be compared for congruence.
//
// # SMS
//
// SMS reports the encoding a phone or gateway would pick and the number of
// segments. Text is counted as written: it is not normalised first, because a
// gateway sends the code points it is given, and a decomposed "a" + U+0308
// forces UCS-2 even though "ä" would not. Empty text has 0 segments (phones
// show 1, but nothing is sent).
//
// # X
//
// X follows twitter-text's configuration v3: NFC first, weight 1 for code
// points in U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F and U+2032–U+2037,
// weight 2 for everything else, 2 for a whole emoji sequence, and 23 for every
// link. As in twitter-text, a bare two-label domain under a country-code TLD
// without a path (example.de) is not a link, while www.example.de,
// example.com and example.de/path are.
//
// # Congruence
//
// Congruence compares the facts of files that belong to one update (the
// caller decides which files those are) by role: AssignRoles gives each
// fact what it stands for — the next update, the start of the disruption,
// its (expected) end, the hotline, the e-mail address, the link, a refund or
// a fee — from the cue words around it in German and English ("seit 7:40",
// "voraussichtlich bis 14 Uhr", "expected back by 2 pm", "bis auf
// Weiteres", "nächstes Update um 15 Uhr", "Erstattung von 20 €"). A time
// or amount whose role the words do not make clear ("um 9 Uhr trifft sich
// der Krisenstab", and "wieder seit 13:15", which may mean up again or down
// again) has none and is compared with nothing. For each role and kind and
// each pair of files that both state it, Congruence reports one
// disagreement when the two sets of values have nothing in common.
// Requiring an empty intersection rather than equal sets keeps false
// alarms rare: a letter that gives the hotline and a second number agrees
// with an SMS that gives the hotline. Values are compared with some
// tolerance: a date without a year matches the same day with a year, and a
// link matches another on the same host when one path is a prefix of the
// other (query and fragment are ignored).
package channel
