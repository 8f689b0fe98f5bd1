// Package page builds an incident's public landing page and its follow-up
// letter: a self-contained static site (HTML with inlined CSS, no scripts, no
// external resources) that works from disk, on a phone and on paper.
package page

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/crisis-comms/crisis/internal/incident"
)

// Files written by Build into the site directory.
const (
	IndexFile  = "index.html"
	LetterFile = "letter.html"
	QRFile     = "qr.png"
)

// Options tune a build.
type Options struct {
	// Now is when the page is built, shown as "last checked" so that people
	// see the page is looked after even when there is no news. Zero means
	// the wall clock.
	Now time.Time
	// Lang overrides the incident's language ("de" or "en").
	Lang string
	// FAQ lists the questions people ask most, with their answers.
	FAQ []FAQ
	// Letter writes the follow-up letter while the incident is still
	// open; without it the letter comes once an update is resolved or a
	// follow-up, since it speaks of what was changed.
	Letter bool
}

// WritesLetter reports whether Build writes the follow-up letter (and
// its QR code) for in.
func WritesLetter(in *incident.Incident, opts Options) bool {
	latest := in.Latest()
	return opts.Letter || (latest != nil && incident.IsClosed(latest.Facts.Stage))
}

//go:embed templates
var templateFS embed.FS

// tmpl parses the page templates on first use.
var tmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"md": Markdown,
	}).ParseFS(templateFS, "templates/*.tmpl"))
})

// Stylesheets are inlined into each page so that the site needs no second
// request and a page survives being mailed or saved as a single file.
var (
	siteCSS   = mustCSS("templates/style.css")
	letterCSS = mustCSS("templates/letter.css")
)

func mustCSS(name string) template.CSS {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time: cannot happen in a built binary
	}
	return template.CSS(b)
}

// Build writes index.html, letter.html and qr.png for in into outDir. It
// renders everything first, then writes the new site into a hidden
// directory next to outDir — with links to everything else outDir holds,
// which stays as it was — and swaps it in: a reader sees the old site or
// the new one, never a mix of both.
func Build(in *incident.Incident, outDir string, opts Options) error {
	latest := in.Latest()
	if latest == nil {
		return fmt.Errorf("%s: no updates to publish", in.Dir)
	}
	landing := current(in, func(f *incident.Facts) string { return f.LandingPage })
	factsPath := filepath.Join(latest.Dir, incident.FactsFile)
	if landing == "" {
		return fmt.Errorf("%s: no landing page address: set `landing_page:` in facts.yaml to the public address of this page (the letter's QR code points there)", factsPath)
	}
	if u, err := url.Parse(landing); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%s: landing_page %q is not a web address: write it like https://example.com/status", factsPath, landing)
	}
	if fi, err := os.Stat(outDir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s is a file, not a directory: give --out a directory for the site", outDir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}

	v, err := newView(in, opts)
	if err != nil {
		return err
	}
	var index, letter bytes.Buffer
	if err := tmpl().ExecuteTemplate(&index, "index.html.tmpl", v); err != nil {
		return fmt.Errorf("render %s: %w", IndexFile, err)
	}
	files := map[string][]byte{IndexFile: index.Bytes()}
	if WritesLetter(in, opts) {
		if err := tmpl().ExecuteTemplate(&letter, "letter.html.tmpl", v); err != nil {
			return fmt.Errorf("render %s: %w", LetterFile, err)
		}
		qr, err := QRPNG(landing)
		if err != nil {
			return err
		}
		files[LetterFile], files[QRFile] = letter.Bytes(), qr
	}
	if err := writeSite(outDir, files); err != nil {
		return fmt.Errorf("write site: %w", err)
	}
	return nil
}

// current returns the newest non-empty value of a field: an update repeats
// only what changed, so older updates still say what is true now.
func current(in *incident.Incident, field func(*incident.Facts) string) string {
	for i := len(in.Updates) - 1; i >= 0; i-- {
		if v := strings.TrimSpace(field(in.Updates[i].Facts)); v != "" {
			return v
		}
	}
	return ""
}

// view is what the templates see. Every string in it is plain text that
// html/template escapes; only the template.HTML fields carry markup, and
// those come from Markdown.
type view struct {
	Lang      string
	L         labels
	CSS       template.CSS
	LetterCSS template.CSS
	Org       string
	Headline  string
	Empathy   template.HTML

	Stage      string
	StageLabel string
	Closed     bool
	Latest     stamp
	Checked    stamp
	Next       *stamp

	// Message is the update's landing message (landing.md) when it has
	// one: what the writer wrote and edited for the page, shown instead
	// of the sections built from the facts.
	Message  template.HTML
	Sections []section
	FAQ      faqView
	Contact  contact
	Timeline []entry

	Letter letterView
}

// stamp is a time as the machine and people read it.
type stamp struct {
	Datetime string // RFC 3339, for <time datetime>
	Human    string
}

// Attr is the datetime attribute of a <time> element. html/template would
// write the "+" of an offset as &#43;, which is correct but hides the time
// from people and tools reading the source; an RFC 3339 time formatted by
// Go holds only digits, "-", ":", "+", "T" and "Z", so it needs no escaping.
func (s stamp) Attr() template.HTMLAttr {
	return template.HTMLAttr(`datetime="` + s.Datetime + `"`)
}

// DataAttr marks a timeline entry with its time, for tests and for readers
// that want to pick updates out of the page.
func (s stamp) DataAttr() template.HTMLAttr {
	return template.HTMLAttr(`data-update="` + s.Datetime + `"`)
}

type section struct {
	ID    string
	Title string
	Body  template.HTML
}

type contact struct {
	Hotline string
	Tel     template.URL // built from digits and "+" only, see telURL
	Email   string
	Mailto  string
	Landing string
}

// Any reports whether there is a way to reach someone.
func (c contact) Any() bool { return c.Hotline != "" || c.Email != "" }

type entry struct {
	ID         string
	Time       stamp
	Stage      string
	StageLabel string
	Headline   string
	Empathy    template.HTML
	Fields     []section
	Next       *stamp
}

type letterView struct {
	Date      string
	Thanks    string
	Sorry     string
	Sections  []section
	Signature string
}

// fieldDef names a facts field, its section id and its label. An acute
// field describes the state during the acute phase (what is limited, what
// is unknown, what to do meanwhile): once the incident is resolved, its
// value from before is no longer true, so it is current only when an update
// after the resolution says it again.
type fieldDef struct {
	id    string
	get   func(*incident.Facts) string
	label func(labels) string
	acute bool
}

// fields is the order of the page: what happened and who is affected first,
// then what is being done and by whom, what people can do, and the
// background and prevention for those who want to understand.
var fields = []fieldDef{
	{"what", func(f *incident.Facts) string { return f.What }, func(l labels) string { return l.What }, false},
	{"impact", func(f *incident.Facts) string { return f.Impact }, func(l labels) string { return l.Impact }, true},
	{"affected", func(f *incident.Facts) string { return f.Affected }, func(l labels) string { return l.Affected }, false},
	{"actions", func(f *incident.Facts) string { return f.Actions }, func(l labels) string { return l.Actions }, false},
	{"who", func(f *incident.Facts) string { return f.Who }, func(l labels) string { return l.Who }, false},
	{"unknown", func(f *incident.Facts) string { return f.Unknown }, func(l labels) string { return l.Unknown }, true},
	{"help", func(f *incident.Facts) string { return f.Help }, func(l labels) string { return l.Help }, true},
	{"remedy", func(f *incident.Facts) string { return f.Remedy }, func(l labels) string { return l.Remedy }, false},
	{"background", func(f *incident.Facts) string { return f.Background }, func(l labels) string { return l.Background }, false},
	{"prevention", func(f *incident.Facts) string { return f.Prevention }, func(l labels) string { return l.Prevention }, false},
}

func newView(in *incident.Incident, opts Options) (*view, error) {
	latest := in.Latest()
	lang := opts.Lang
	if lang == "" {
		lang = current(in, func(f *incident.Facts) string { return f.Lang })
	}
	// The page speaks the language of its labels, whatever the facts say.
	german := isGerman(lang)
	lang, l := "en", en
	if german {
		lang, l = "de", de
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	loc := latest.Time.Location()
	mk := func(t time.Time) stamp {
		t = t.In(loc)
		return stamp{Datetime: t.Format(time.RFC3339), Human: humanTime(t, german)}
	}
	cur := func(get func(*incident.Facts) string) string { return current(in, get) }

	v := &view{
		Lang:      lang,
		L:         l,
		CSS:       siteCSS,
		LetterCSS: letterCSS,
		Org:       cur(func(f *incident.Facts) string { return f.Org }),
		Headline:  cur(func(f *incident.Facts) string { return f.Headline }),
		FAQ:       newFAQ(opts.FAQ, german),
		Empathy:   Markdown(cur(func(f *incident.Facts) string { return f.Empathy })),
		Stage:     latest.Facts.Stage,
		Closed:    incident.IsClosed(latest.Facts.Stage),
		Latest:    mk(latest.Time),
		Checked:   mk(now),
	}
	v.StageLabel = stageLabel(l, v.Stage)
	if v.Headline == "" {
		v.Headline = v.StageLabel
	}
	// A resolved incident may still announce one more update (the
	// follow-up report); only its own announcement counts, never an older one.
	v.Next = nextStamp(latest.Facts, mk)
	closedOnly := &incident.Incident{Dir: in.Dir}
	for _, u := range in.Updates {
		if incident.IsClosed(u.Facts.Stage) {
			closedOnly.Updates = append(closedOnly.Updates, u)
		}
	}
	for _, fd := range fields {
		body := cur(fd.get)
		if fd.acute && v.Closed {
			body = current(closedOnly, fd.get)
		}
		if body != "" {
			v.Sections = append(v.Sections, section{ID: fd.id, Title: fd.label(l), Body: Markdown(body)})
		}
	}
	v.Contact = contact{
		Hotline: cur(func(f *incident.Facts) string { return f.Hotline }),
		Email:   cur(func(f *incident.Facts) string { return f.Email }),
		Landing: cur(func(f *incident.Facts) string { return f.LandingPage }),
	}
	v.Contact.Tel = telURL(v.Contact.Hotline)
	if v.Contact.Email != "" {
		v.Contact.Mailto = "mailto:" + v.Contact.Email
	}
	for i := len(in.Updates) - 1; i >= 0; i-- {
		u := in.Updates[i]
		e := entry{
			Time:     mk(u.Time),
			Stage:    u.Facts.Stage,
			Headline: strings.TrimSpace(u.Facts.Headline),
			Empathy:  Markdown(u.Facts.Empathy),
			Next:     nextStamp(u.Facts, mk),
		}
		e.ID = "update-" + u.Time.In(loc).Format("2006-01-02T1504")
		e.StageLabel = stageLabel(l, e.Stage)
		for _, fd := range fields {
			if body := strings.TrimSpace(fd.get(u.Facts)); body != "" {
				e.Fields = append(e.Fields, section{ID: fd.id, Title: fd.label(l), Body: Markdown(body)})
			}
		}
		v.Timeline = append(v.Timeline, e)
	}

	first := in.Updates[0]
	firstHeadline := strings.TrimSpace(first.Facts.Headline)
	if firstHeadline == "" {
		firstHeadline = v.Headline
	}
	v.Letter = letterView{
		Date:      humanDate(now.In(loc), german),
		Thanks:    fmt.Sprintf(l.ThanksFmt, humanDate(first.Time.In(loc), german), firstHeadline),
		Signature: cur(func(f *incident.Facts) string { return f.Signature }),
	}
	if v.Letter.Signature == "" {
		v.Letter.Signature = v.Org
	}
	v.Letter.Sorry = l.SorryNoRemedy
	for _, s := range []struct {
		id, title string
		get       func(*incident.Facts) string
	}{
		{"remedy", l.LetterRemedy, func(f *incident.Facts) string { return f.Remedy }},
		{"actions", l.LetterActions, func(f *incident.Facts) string { return f.Actions }},
		{"prevention", l.LetterPrevention, func(f *incident.Facts) string { return f.Prevention }},
	} {
		if body := cur(s.get); body != "" {
			if s.id == "remedy" {
				v.Letter.Sorry = l.Sorry
			}
			v.Letter.Sections = append(v.Letter.Sections, section{ID: s.id, Title: s.title, Body: Markdown(body)})
		}
	}
	msg, err := landingMessage(latest.Dir)
	if err != nil {
		return nil, err
	}
	v.Message = msg
	return v, nil
}

func stageLabel(l labels, stage string) string {
	if s, ok := l.Stages[stage]; ok {
		return s
	}
	return stage
}

// nextStamp returns the announced next update of f, if any.
func nextStamp(f *incident.Facts, mk func(time.Time) stamp) *stamp {
	if f.NextUpdate == "" {
		return nil
	}
	t, err := time.Parse(time.RFC3339, f.NextUpdate)
	if err != nil { // LoadFacts validated it; facts built in code may not be
		return nil
	}
	s := mk(t)
	return &s
}

// telURL turns a phone number as people write it ("0800 123 45 67",
// "+49 (0)800 …") into a tel: link target. Only digits and a leading "+"
// survive, which is why the result is safe to mark as a URL.
func telURL(phone string) template.URL {
	if phone == "" {
		return ""
	}
	p := strings.ReplaceAll(phone, "(0)", "")
	var b strings.Builder
	for i, r := range p {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == strings.IndexFunc(p, func(r rune) bool { return r != ' ' }):
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return template.URL("tel:" + b.String())
}

// LandingFile is the landing message of an update, written by crisis draft
// and crisis render and edited by hand.
const LandingFile = "landing.md"

// landingMessage reads an update's landing message without its front
// matter and first heading (the page has its own), as HTML; "" when the
// update has none.
func landingMessage(dir string) (template.HTML, error) {
	data, err := os.ReadFile(filepath.Join(dir, LandingFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		if i := strings.Index(rest, "\n---\n"); i >= 0 {
			text = rest[i+len("\n---\n"):]
		}
	}
	text = strings.TrimLeft(text, "\n")
	if strings.HasPrefix(text, "# ") {
		_, text, _ = strings.Cut(text, "\n")
	}
	return Markdown(text), nil
}
