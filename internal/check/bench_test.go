package check

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkTree lints a generated tree of 500 message files (about 750 KB)
// with one worker; .ci/bench measures larger trees with the binary.
func BenchmarkTree(b *testing.B) {
	dir := b.TempDir()
	texts := []string{
		"Stadtwerke Nordstadt: Seit 9:40 Uhr fällt in Nordstadt-Ost der Strom aus. Techniker sind vor Ort. Nächstes Update um 12:00 Uhr unter stoerung.example.de oder 0800 123 4567.\n\n",
		"Card payments in our stores have been failing since 9:40 am. Cash and the app still work. Next update at 1 pm on status.example.com. Questions? Call 0800 123 4567.\n\n",
		"Nur heute: 20 % Rabatt auf alles mit dem Code SORRY20! Wir sind völlig überfordert, bitte haben Sie Verständnis.\n\n",
	}
	channels := []string{"sms.txt", "email.md", "x.txt", "landing.md", "whatsapp.txt"}
	var size int64
	for i := 0; i < 500; i++ {
		upd := filepath.Join(dir, fmt.Sprintf("inc-%02d", i/50), fmt.Sprintf("2026-11-23T%04d", i/5))
		if err := os.MkdirAll(upd, 0o755); err != nil {
			b.Fatal(err)
		}
		body := ""
		for len(body) < 1500 {
			body += texts[i%len(texts)]
		}
		size += int64(len(body))
		if err := os.WriteFile(filepath.Join(upd, channels[i%len(channels)]), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	r, err := New(Options{Jobs: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	for b.Loop() {
		r.Run([]string{dir})
	}
}
