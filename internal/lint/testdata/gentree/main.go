// Command gentree writes a large tree of message files for the speed
// measurements in .ci/bench: incidents with update directories, each with
// one message per channel, built from realistic German and English texts.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

var texts = []string{
	"Stadtwerke Nordstadt: Seit 9:40 Uhr fällt in Nordstadt-Ost der Strom aus. Techniker sind vor Ort und suchen den Fehler. Nächstes Update um 12:00 Uhr unter stoerung.example.de oder 0800 123 4567.",
	"Card payments in our stores have been failing since 9:40 am. Cash and the app still work. We are working with our payment provider on a fix. Next update at 1 pm on status.example.com. Questions? Call 0800 123 4567.",
	"Nur heute: 20 % Rabatt auf alles mit dem Code SORRY20! Wir sind völlig überfordert, bitte haben Sie Verständnis.",
	"As you can imagine, we are completely overwhelmed. Our supplier let us down again. Check out our new collection while you wait!",
	"# Rückruf: Wasserkocher WK-200\n\nWir rufen den Wasserkocher WK-200 (Chargen 2311–2318) zurück, weil sich der Griff lösen kann. Bitte benutzen Sie das Gerät nicht mehr. Sie erhalten kostenlos ein Ersatzgerät oder Ihr Geld zurück.\n\n**Was Sie tun können:** Bringen Sie das Gerät in eine Filiale oder rufen Sie uns an: 0800 555 0100 (kostenlos, Mo–Sa 8–20 Uhr).\n\nWeitere Informationen: https://rueckruf.example.de. Wir melden uns morgen um 10 Uhr mit dem nächsten Stand.",
	"Trains between Hamburg and Bremen are not running because of storm damage to the overhead line. Replacement buses run every 30 minutes from the station forecourt. Tickets are valid on later trains. Next update by 6 pm at travel.example.com/status.",
}

var channels = []string{"sms.txt", "email.md", "x.txt", "landing.md", "whatsapp.txt"}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gentree DIR FILES")
		os.Exit(2)
	}
	dir := os.Args[1]
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n <= 0 {
		fmt.Fprintln(os.Stderr, "gentree: FILES must be a positive number")
		os.Exit(2)
	}
	for i := 0; i < n; i++ {
		// One update directory holds one message per channel, as crisis
		// render writes them; 100 updates make an incident.
		u := i / len(channels)
		upd := filepath.Join(dir, fmt.Sprintf("incident-%03d", u/100), fmt.Sprintf("2026-11-%02dT%02d%02d", 1+u%100/24, u%24, (u*7)%60))
		if err := os.MkdirAll(upd, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		// Each file repeats its text to about 1.5 KB, a typical e-mail or landing update.
		t := texts[u%len(texts)]
		body := t
		for len(body) < 1500 {
			body += "\n\n" + t
		}
		name := filepath.Join(upd, channels[i%len(channels)])
		if err := os.WriteFile(name, []byte(body+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
