// Command gentree writes a large tree of message files for the speed
// measurements in .ci/bench: incidents with update directories, each with
// one message per channel. Most messages are good ones, as in a real
// repository; about one in eleven carries a tone problem. With -front, each
// file starts with the front matter `crisis render` writes (channel, lang,
// stage, incident, next_update, and the subject of an e-mail).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// short are the SMS, X and WhatsApp versions of the same update as
// paragraphs: one incident, the same times, numbers and addresses, as the
// channels of one update should be.
var short = map[string][]string{
	"de": {
		"Nordbank: Kartenzahlung in unseren Filialen seit 9:40 Uhr gestört. Bargeld und App funktionieren. Nächstes Update um 13:00 Uhr: status.nordbank.example.de oder 0800 123 4567 (kostenlos).",
		"Kartenzahlung seit 9:40 Uhr gestört. Bitte bar oder per App zahlen, Einkäufe legen wir bis heute Abend zurück. Nächstes Update um 13:00 Uhr auf status.nordbank.example.de",
	},
	"en": {
		"Harbour Stores: Card payments in our stores have been failing since 9:40 am. Cash and the app work. Next update at 1 pm on status.harbour.example.com or call 0800 123 4567 (free).",
		"Card payments down since 9:40 am. Please pay in cash or in the app; we can put your items aside until this evening. Next update at 1 pm: status.harbour.example.com",
	},
}

var paragraphs = map[string][]string{
	"de": {
		"# Störung der Kartenzahlung – Stand 11:00 Uhr",
		"Seit heute 9:40 Uhr können Sie in unseren Filialen nicht mit Karte bezahlen. Bargeld nehmen alle Kassen an, und an den Geldautomaten erhalten Sie weiterhin Bargeld.",
		"**Was wir wissen:** Ursache ist ein Fehler in einem Rechenzentrum. Ihre Daten sind nach allem, was wir wissen, nicht betroffen. Abbuchungen erfolgen nicht doppelt.",
		"**Was wir tun:** Unser IT-Team arbeitet gemeinsam mit dem Dienstleister an der Behebung. Wir haben zusätzliche Kassen geöffnet, damit Sie nicht lange warten müssen.",
		"**Was Sie tun können:** Bezahlen Sie bar oder über die App. Wenn Sie gerade kein Bargeld dabei haben, legen wir Ihre Einkäufe bis heute Abend zurück.",
		"**Was wir noch nicht wissen:** Wann das System wieder läuft, können wir noch nicht sagen. Wir wissen, dass das für viele von Ihnen ärgerlich ist.",
		"Nächstes Update um 13:00 Uhr hier auf dieser Seite. Fragen beantwortet unsere Hotline unter 0800 123 4567 (kostenlos, täglich 8–20 Uhr) oder per E-Mail an hilfe@example.de.",
	},
	"en": {
		"# Card payment outage – 11:00 am update",
		"Since 9:40 am today you cannot pay by card in our stores. All tills take cash, and the cash machines in our stores are working.",
		"**What we know:** The cause is a fault in a data centre. As far as we know, your data is not affected, and no payment has been taken twice.",
		"**What we are doing:** Our IT team is working with the provider on a fix. We have opened extra tills so that you don't have to wait long.",
		"**What you can do:** Pay in cash or in the app. If you have no cash with you, we will keep your shopping for you until this evening.",
		"**What we don't know yet:** We cannot yet say when the system will be back. We know this is frustrating for many of you.",
		"Next update at 1 pm on this page. Our hotline answers questions on 0800 123 4567 (free, daily 8 am to 8 pm) or email help@example.com.",
	},
}

var problems = map[string]string{
	"de": "Nur heute: 20 % Rabatt auf alles mit dem Code SORRY20! Wir sind völlig überfordert, bitte haben Sie Verständnis.",
	"en": "As you can imagine, we are completely overwhelmed. Our supplier let us down again. Check out our new collection while you wait!",
}

var channels = []string{"sms.txt", "email.md", "x.txt", "landing.md", "whatsapp.txt"}

func main() {
	front := flag.Bool("front", false, "start each file with front matter as crisis render writes it")
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: gentree [-front] DIR FILES") }
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	n, err := strconv.Atoi(flag.Arg(1))
	if err != nil || n <= 0 {
		fmt.Fprintln(os.Stderr, "gentree: FILES must be a positive number")
		os.Exit(2)
	}
	for i := 0; i < n; i++ {
		u := i / len(channels)
		lang := []string{"de", "en"}[u%2]
		upd := filepath.Join(dir, fmt.Sprintf("incident-%03d", u/100), fmt.Sprintf("2026-11-%02dT%02d%02d", 1+u%100/24, u%24, (u*7)%60))
		if err := os.MkdirAll(upd, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		ch := channels[i%len(channels)]
		var body string
		switch ch {
		case "email.md", "landing.md":
			ps := paragraphs[lang]
			if ch == "email.md" {
				ps = ps[1:]
			}
			body = strings.Join(ps, "\n\n")
		default:
			body = short[lang][u%len(short[lang])]
		}
		if i%11 == 7 {
			body += "\n\n" + problems[lang]
		}
		if *front {
			fm := fmt.Sprintf("---\nchannel: %s\nlang: %s\nstage: update\nincident: kartenzahlung-%03d\nnext_update: \"2026-11-%02dT13:00:00+01:00\"\n",
				strings.TrimSuffix(strings.TrimSuffix(ch, ".txt"), ".md"), lang, u/100, 1+u%100/24)
			if ch == "email.md" {
				fm += map[string]string{"de": "subject: 'Störung der Kartenzahlung – Stand 11:00 Uhr'\n", "en": "subject: 'Card payment outage – 11:00 am update'\n"}[lang]
			}
			body = fm + "---\n" + body
		}
		if err := os.WriteFile(filepath.Join(upd, ch), []byte(body+"\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
