package kit

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/crisis-comms/crisis/internal/atomicfile"
)

// starter holds the made-up starter kits, one per language.
//
//go:embed starter
var starter embed.FS

// StarterLangs are the languages a starter kit is written in.
var StarterLangs = []string{"de", "en"}

// ErrNotEmpty is returned when the target of a starter kit already holds a kit.
var ErrNotEmpty = errors.New("already holds a kit")

// WriteStarter writes a complete, made-up starter kit in lang to dir and
// returns the paths written. Dates (kit creation, agreements, consents) are
// set relative to now, so that a new kit passes crisis ready. An existing
// kit.yaml in dir is never replaced.
func WriteStarter(dir, lang string, now time.Time) ([]string, error) {
	root := path.Join("starter", lang)
	if _, err := fs.Stat(starter, root); err != nil {
		return nil, fmt.Errorf("no starter kit in %q; there is one in %s", lang, strings.Join(StarterLangs, " and "))
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	if _, err := os.Lstat(filepath.Join(dir, KitFile)); err == nil {
		return nil, fmt.Errorf("%s: %w; nothing was written (pick another directory)", dir, ErrNotEmpty)
	}
	vars := map[string]string{
		"Created":  now.Format("2006-01-02"),
		"DPASince": now.AddDate(-1, 0, 0).Format("2006-01-02"),
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	err := fs.WalkDir(starter, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(starter, p)
		if err != nil {
			return err
		}
		if path.Base(p) == KitFile {
			t, err := template.New(p).Option("missingkey=error").Parse(string(data))
			if err != nil {
				return err
			}
			var b bytes.Buffer
			if err := t.Execute(&b, vars); err != nil {
				return err
			}
			data = b.Bytes()
		}
		files = append(files, file{strings.TrimPrefix(p, root+"/"), data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	files = append(files, file{ContactsFile, starterContacts(lang, now)})
	var written []string
	for _, f := range files {
		target := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := atomicfile.Write(target, f.data, 0o644, false); err != nil {
			return written, err
		}
		written = append(written, target)
	}
	return written, nil
}

// starterContacts makes up a contact register: 40 people with invented
// names and addresses under .example, most of whom agreed to e-mail and
// many to SMS or WhatsApp, recently.
func starterContacts(lang string, now time.Time) []byte {
	first := []string{"Anna", "Ben", "Clara", "David", "Emma", "Finn", "Greta", "Hugo", "Ida", "Jonas"}
	last := []string{"Beispiel", "Muster", "Probe", "Vorlage", "Entwurf", "Platzhalter", "Test", "Modell"}
	segments := []string{"privat", "gewerbe"}
	if lang == "en" {
		first = []string{"Amy", "Ben", "Cara", "Dan", "Eve", "Finn", "Gail", "Hugh", "Ivy", "Jack"}
		last = []string{"Example", "Sample", "Test", "Placeholder", "Draft", "Outline", "Model", "Specimen"}
		segments = []string{"household", "business"}
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	var b strings.Builder
	b.WriteString("id,name,email,phone,lang,segment,consent_email,consent_sms,consent_whatsapp,consent_date\n")
	for i := range 40 {
		name := first[i%len(first)] + " " + last[(i/len(first)+i)%len(last)]
		mail := strings.ToLower(strings.ReplaceAll(name, " ", ".")) + fmt.Sprintf("%d@mail.example", i+1)
		date := now.AddDate(0, -(i%18)-1, -(i % 27)).Format("2006-01-02")
		phone := fmt.Sprintf("+49 30 5550%04d", 1000+i)
		if lang == "en" {
			phone = fmt.Sprintf("+44 20 7946 %04d", i) // Ofcom's range for drama
		}
		fmt.Fprintf(&b, "C%04d,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i+1, name, mail, phone, lang,
			segments[i%len(segments)], yes(i%8 != 7 || i%3 == 2), yes(i%3 != 2), yes(i%4 < 2), date)
	}
	return []byte(b.String())
}
