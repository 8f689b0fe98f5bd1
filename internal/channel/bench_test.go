package channel

import (
	"testing"
)

// Realistic messages for the benchmarks and as fuzz seeds: a 170-byte SMS
// and a 1 KB e-mail, in German and in English.
var (
	benchSMSDe = "Störung Online-Banking seit 9:30 Uhr. Wir arbeiten an einer Lösung. " +
		"Nächstes Update um 12:00 Uhr auf status.example.de. Hotline: 0800 123 4567 (kostenlos)"
	benchSMSEn = "Online banking outage since 9:30 am. We are working on a fix. Next update " +
		"at 12:00 noon on status.example.com. Hotline: +44 20 7946 0958 (free of charge)."
	benchMailDe = "Liebe Kundinnen und Kunden,\r\n\r\n" +
		"seit heute, 23.11.2026, 9:30 Uhr, ist unser Online-Banking nur eingeschränkt erreichbar. " +
		"Überweisungen, die Sie in dieser Zeit beauftragt haben, werden nicht doppelt ausgeführt. " +
		"Ihre Karten funktionieren weiterhin an allen Geldautomaten und Kassen.\r\n\r\n" +
		"Unsere Technikerinnen und Techniker arbeiten mit Hochdruck an einer Lösung. Wir rechnen " +
		"damit, dass alle Dienste bis spätestens 14:00 Uhr wieder vollständig zur Verfügung stehen. " +
		"Das nächste Update veröffentlichen wir um 12:00 Uhr auf https://status.example.de/banking " +
		"und in unserer App.\r\n\r\n" +
		"Haben Sie Fragen? Unsere Hotline ist unter 0800 123 4567 (kostenlos, täglich 8–20 Uhr) " +
		"für Sie da, oder schreiben Sie an hilfe@example.de. Bitte geben Sie niemals Ihre PIN oder " +
		"TAN weiter – wir fragen nie danach.\r\n\r\n" +
		"Für entstandene Gebühren erstatten wir bis zu 20 € pro Konto.\r\n\r\n" +
		"Wir entschuldigen uns für die Unannehmlichkeiten.\r\n\r\nIhr Team der Example Bank"
	benchMailEn = "Dear customers,\r\n\r\n" +
		"since today, November 23, 2026, 9:30 am, our online banking has only been partly available. " +
		"Transfers you ordered during this time will not be executed twice. Your cards keep working " +
		"at all cash machines and tills.\r\n\r\n" +
		"Our engineers are working hard on a fix. We expect all services to be fully available again " +
		"by 2:00 pm at the latest. We will publish the next update at 12:00 noon on " +
		"https://status.example.com/banking and in our app.\r\n\r\n" +
		"Do you have questions? Our hotline on +44 20 7946 0958 (free of charge, daily 8 am to 8 pm) " +
		"is there for you, or write to help@example.com. Please never pass on your PIN or one-time " +
		"code - we never ask for it.\r\n\r\n" +
		"We refund fees of up to $20.00 per account.\r\n\r\n" +
		"We apologise for the inconvenience.\r\n\r\nYour Example Bank team"
)

var benchMessages = []struct{ name, text string }{
	{"sms-de", benchSMSDe},
	{"sms-en", benchSMSEn},
	{"mail-de", benchMailDe},
	{"mail-en", benchMailEn},
}

func benchEach(b *testing.B, fn func(string)) {
	for _, m := range benchMessages {
		b.Run(m.name, func(b *testing.B) {
			b.SetBytes(int64(len(m.text)))
			b.ReportAllocs()
			for b.Loop() {
				fn(m.text)
			}
		})
	}
}

func BenchmarkXMessages(b *testing.B)            { benchEach(b, func(s string) { X(s) }) }
func BenchmarkSMSMessages(b *testing.B)          { benchEach(b, func(s string) { SMS(s) }) }
func BenchmarkExtractFactsMessages(b *testing.B) { benchEach(b, func(s string) { ExtractFacts(s) }) }

// The former implementations, for comparison on the same machine state.
func BenchmarkXRefMessages(b *testing.B)   { benchEach(b, func(s string) { xRef(s) }) }
func BenchmarkSMSRefMessages(b *testing.B) { benchEach(b, func(s string) { smsRef(s) }) }
