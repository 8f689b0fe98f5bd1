// Package ready audits a crisis kit before anything happens: holding
// statements that render and lint clean, consent to reach people on the
// channels the scenarios rely on, a crisis team with deputies, processors
// under contract, a landing page and hotline, and recent practice.
//
// The report holds counts and shares only: never a contact's name, address
// or number.
package ready

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/kit"
	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/playbook"
)

// Statuses of an item, from good to bad.
const (
	OK      = "ok"
	Warning = "warning"
	Error   = "error"
)

// Item is one check's result.
type Item struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
	Message string `json:"message"`
	Fix     string `json:"fix,omitempty"`
}

// Report is the whole audit.
type Report struct {
	Version int            `json:"version"`
	Kit     string         `json:"kit"`
	Org     string         `json:"org"`
	Lang    string         `json:"lang"`
	Score   int            `json:"score"`
	Summary map[string]int `json:"summary"`
	Items   []Item         `json:"items"`
}

// Worst returns the most severe status in the report.
func (r *Report) Worst() string {
	worst := OK
	for _, it := range r.Items {
		if rank(it.Status) > rank(worst) {
			worst = it.Status
		}
	}
	return worst
}

// AtOrAbove reports whether any item is at least as severe as level.
func (r *Report) AtOrAbove(level string) bool { return rank(r.Worst()) >= rank(level) }

func rank(s string) int {
	switch s {
	case Error:
		return 2
	case Warning:
		return 1
	}
	return 0
}

// Options steer an audit.
type Options struct {
	Now time.Time
}

// Audit checks the kit in dir. An unusable kit (kit.yaml missing or
// invalid, a holding statement or contact register that does not parse) is
// an error; everything else is an item of the report.
func Audit(dir string, o Options) (*Report, error) {
	k, err := kit.Load(dir)
	if err != nil {
		return nil, err
	}
	a := &audit{k: k, now: o.Now, pbs: map[string]*playbook.Playbook{}}
	a.lang = "en"
	if len(k.Languages) > 0 {
		a.lang = k.Languages[0]
	}
	if err := a.loadPlaybooks(); err != nil {
		return nil, err
	}
	if err := a.holding(); err != nil {
		return nil, err
	}
	if err := a.reach(); err != nil {
		return nil, err
	}
	a.roles()
	a.processors()
	a.contactPoints()
	if err := a.drill(); err != nil {
		return nil, err
	}
	return a.report(), nil
}

type audit struct {
	k     *kit.Kit
	now   time.Time
	lang  string
	pbs   map[string]*playbook.Playbook // by language
	refs  map[string]string             // playbook reference by language
	items []Item
	// used holds, per prepared scenario and language, what its holding
	// statement says, for the contact-point checks.
	used []holdingUse
}

type holdingUse struct {
	scenario, lang    string
	landing, hotline  string
	channels          []string
	missing, rendered bool
}

func (a *audit) t(de, en string) string {
	if a.lang == "de" {
		return de
	}
	return en
}

func (a *audit) add(id, status, msg, fix string) {
	a.items = append(a.items, Item{ID: id, Status: status, Message: msg, Fix: fix})
}

// languages returns the kit's languages, else the languages of its
// playbooks.
func (a *audit) languages() []string {
	if len(a.k.Languages) > 0 {
		return a.k.Languages
	}
	var out []string
	for l := range a.pbs {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

func (a *audit) loadPlaybooks() error {
	a.refs = map[string]string{}
	refs := a.k.Playbooks
	if len(refs) == 0 {
		for _, l := range a.k.Languages {
			refs = append(refs, "builtin:"+l)
		}
	}
	if len(refs) == 0 {
		refs = []string{"builtin:en"}
	}
	for _, ref := range refs {
		if !strings.HasPrefix(ref, "builtin:") && !filepath.IsAbs(ref) {
			ref = filepath.Join(a.k.Dir, ref)
		}
		pb, err := playbook.Load(ref)
		if err != nil {
			return fmt.Errorf("%s: playbooks: %w", a.k.File, err)
		}
		a.pbs[pb.Lang] = pb
		a.refs[pb.Lang] = ref
	}
	if len(a.k.Languages) == 0 {
		a.k.Languages = a.languages()
		if len(a.k.Languages) > 0 {
			a.lang = a.k.Languages[0]
		}
	}
	for _, l := range a.k.Languages {
		if a.pbs[l] == nil {
			ref := "builtin:" + l
			pb, err := playbook.Load(ref)
			if err != nil {
				return fmt.Errorf("%s: languages: no playbook for %q (%v); add one under playbooks:", a.k.File, l, err)
			}
			a.pbs[l], a.refs[l] = pb, ref
		}
	}
	return nil
}

// Scenarios returns the scenarios the kit prepares for: its list, else
// every scenario of the first language's playbook.
func Scenarios(k *kit.Kit, pb *playbook.Playbook) []string {
	if len(k.Scenarios) > 0 {
		return k.Scenarios
	}
	var out []string
	for _, s := range pb.Scenarios {
		out = append(out, s.ID)
	}
	return out
}

func findScenario(pb *playbook.Playbook, id string) *playbook.Scenario {
	for i := range pb.Scenarios {
		if pb.Scenarios[i].ID == id {
			return &pb.Scenarios[i]
		}
	}
	return nil
}

// HoldingFacts loads a holding statement and fills in what an audit or a
// drill needs to render it: the time (now) and, when it is left open, the
// next update one cadence later.
func HoldingFacts(k *kit.Kit, path string, now time.Time) (*incident.Facts, error) {
	data, err := readfile.Read(path, readfile.Facts)
	if err != nil {
		return nil, err
	}
	f, err := incident.ParseFacts(path, data)
	if err != nil {
		return nil, err
	}
	f.Time = now.Format(time.RFC3339)
	if f.NextUpdate == "" {
		f.NextUpdate = now.Add(k.CadenceDuration()).Format(time.RFC3339)
	}
	if f.Stage == "" {
		f.Stage = "initial"
	}
	if f.Org == "" {
		f.Org = k.Org
	}
	return f, nil
}

func (a *audit) holding() error {
	first := a.pbs[a.lang]
	for _, lang := range a.k.Languages {
		pb := a.pbs[lang]
		for _, sc := range Scenarios(a.k, first) {
			id := "holding." + sc
			if lang != a.lang {
				id += "." + lang
			}
			path := a.k.HoldingPath(sc, lang)
			rel := a.rel(path)
			s := findScenario(pb, sc)
			if s == nil {
				a.add(id, Error, a.t(
					fmt.Sprintf("Das Szenario %s ist im Playbook %s nicht beschrieben.", sc, a.refs[lang]),
					fmt.Sprintf("Scenario %s is not in playbook %s.", sc, a.refs[lang])),
					a.t("Tragen Sie das Szenario im Playbook nach oder streichen Sie es aus scenarios: in kit.yaml.",
						"Add the scenario to the playbook or remove it from scenarios: in kit.yaml."))
				continue
			}
			use := holdingUse{scenario: sc, lang: lang}
			facts, err := HoldingFacts(a.k, path, a.now)
			if errors.Is(err, fs.ErrNotExist) {
				use.missing = true
				a.used = append(a.used, use)
				a.add(id, Error, a.t(
					fmt.Sprintf("Für das Szenario %s fehlt die vorbereitete Erstmeldung (%s).", sc, rel),
					fmt.Sprintf("Scenario %s has no holding statement (%s).", sc, rel)),
					a.t(fmt.Sprintf("Legen Sie %s an: die Fakten, die heute schon feststehen (Absender, Landingpage, Hotline, erste Hilfe), und Platzhalter in [eckigen Klammern] für den Rest.", rel),
						fmt.Sprintf("Create %s: the facts known today (sender, landing page, hotline, first help) and placeholders in [square brackets] for the rest.", rel)))
				continue
			}
			if err != nil {
				return err
			}
			channels := facts.Channels
			if len(channels) == 0 {
				channels = s.Channels
			}
			use.landing, use.hotline, use.channels = facts.LandingPage, facts.Hotline, channels
			status, msg, fix := a.renderAndLint(sc, rel, a.refs[lang], pb, facts, channels)
			use.rendered = status == OK
			a.used = append(a.used, use)
			a.add(id, status, msg, fix)
		}
	}
	return nil
}

// renderAndLint renders a holding statement for each of its channels into
// a scratch update and lints it exactly as crisis lint would.
func (a *audit) renderAndLint(sc, rel, ref string, pb *playbook.Playbook, facts *incident.Facts, channels []string) (string, string, string) {
	msgs, err := compose.Render(pb, facts, channels, a.now)
	if err != nil {
		return Error, a.t(fmt.Sprintf("Die Erstmeldung für %s lässt sich nicht erzeugen: %v.", sc, err),
				fmt.Sprintf("The holding statement for %s does not render: %v.", sc, err)),
			a.t(fmt.Sprintf("Prüfen Sie %s mit: crisis render %s", rel, rel), fmt.Sprintf("Check %s with: crisis render %s", rel, rel))
	}
	tmp, err := os.MkdirTemp("", "crisis-ready-")
	if err != nil {
		return Error, err.Error(), ""
	}
	defer os.RemoveAll(tmp)
	dir, err := compose.WriteUpdate(tmp, facts, msgs, a.now, false)
	if err != nil {
		return Error, err.Error(), ""
	}
	var paths []string
	for _, m := range msgs {
		paths = append(paths, filepath.Join(dir, m.FileName))
	}
	r, err := check.New(check.Options{Playbook: ref, Jobs: 1, NoStats: true})
	if err != nil {
		return Error, err.Error(), ""
	}
	var bad []string
	count := 0
	for _, f := range r.Run(paths) {
		n := 0
		for _, fd := range f.Findings {
			if fd.Severity == "error" || fd.Severity == "warning" {
				n++
			}
		}
		if f.Err != nil {
			n++
		}
		if n > 0 {
			bad = append(bad, strings.TrimSuffix(filepath.Base(f.Path), filepath.Ext(f.Path)))
			count += n
		}
	}
	placeholders := strings.Count(strings.Join(factValues(facts), " "), "[")
	if len(bad) > 0 {
		return Error, a.t(
				fmt.Sprintf("Die Erstmeldung für %s hat %d Befund(e) auf %s.", sc, count, strings.Join(bad, ", ")),
				fmt.Sprintf("The holding statement for %s has %d finding(s) on %s.", sc, count, strings.Join(bad, ", "))),
			a.t(fmt.Sprintf("Rendern und prüfen Sie sie: crisis render %s", rel), fmt.Sprintf("Render and lint it: crisis render %s", rel))
	}
	return OK, a.t(
		fmt.Sprintf("Erstmeldung für %s: %d Kanäle, sauber geprüft, %d Platzhalter zum Ausfüllen.", sc, len(channels), placeholders),
		fmt.Sprintf("Holding statement for %s: %d channels, lints clean, %d placeholders to fill in.", sc, len(channels), placeholders)), ""
}

func factValues(f *incident.Facts) []string {
	var out []string
	for _, v := range f.Map() {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func (a *audit) rel(path string) string {
	if r, err := filepath.Rel(a.k.Dir, path); err == nil {
		return r
	}
	return path
}

// usedChannels returns the direct channels the prepared scenarios rely on,
// with the scenarios that use each.
func (a *audit) usedChannels() map[string][]string {
	out := map[string][]string{}
	pb := a.pbs[a.lang]
	for _, sc := range Scenarios(a.k, pb) {
		var chs []string
		for _, u := range a.used {
			if u.scenario == sc && u.lang == a.lang && len(u.channels) > 0 {
				chs = u.channels
			}
		}
		if chs == nil {
			if s := findScenario(pb, sc); s != nil {
				chs = s.Channels
			}
		}
		for _, ch := range chs {
			if slices.Contains(kit.DirectChannels, ch) && !slices.Contains(out[ch], sc) {
				out[ch] = append(out[ch], sc)
			}
		}
	}
	return out
}

func pct(f float64) string { return fmt.Sprintf("%.0f %%", math.Floor(f*100+0.5)) }

func (a *audit) reach() error {
	rc, err := kit.LoadContacts(a.k.Dir, a.now, a.k.ConsentMaxAge())
	if errors.Is(err, fs.ErrNotExist) {
		a.add("reach.contacts", Error, a.t("Es gibt kein Kontaktverzeichnis (contacts.csv).", "There is no contact register (contacts.csv)."),
			a.t("Legen Sie contacts.csv an oder exportieren Sie Ihr CRM: id, lang, segment und je Kanal consent_<kanal> (yes/no) mit consent_date.",
				"Create contacts.csv or export your CRM: id, lang, segment and per channel consent_<channel> (yes/no) with consent_date."))
		return nil
	}
	if err != nil {
		return err
	}
	if rc.Total == 0 {
		a.add("reach.contacts", Error, a.t("Das Kontaktverzeichnis ist leer.", "The contact register is empty."),
			a.t("Exportieren Sie die Kontakte mit ihren Einwilligungen nach contacts.csv.", "Export the contacts with their consents to contacts.csv."))
		return nil
	}
	used := a.usedChannels()
	var chs []string
	for ch := range used {
		chs = append(chs, ch)
	}
	sort.Strings(chs)
	min := a.k.MinConsentShare()
	stale := 0
	for _, ch := range chs {
		scen := strings.Join(used[ch], ", ")
		c := rc.Channels[ch]
		if c == nil {
			a.add("reach."+ch, Error, a.t(
				fmt.Sprintf("Kanal %s: keine Einwilligungen erfasst, aber %s setzen auf ihn.", ch, scen),
				fmt.Sprintf("Channel %s: no consents recorded, but %s rely on it.", ch, scen)),
				a.t(fmt.Sprintf("Holen Sie Einwilligungen für %s ein und führen Sie sie als Spalte consent_%s mit consent_date.", ch, ch),
					fmt.Sprintf("Collect consent for %s and record it as column consent_%s with consent_date.", ch, ch)))
			continue
		}
		stale += c.Stale
		share := rc.Share(ch)
		msg := a.t(fmt.Sprintf("Kanal %s: %d von %d Kontakten (%s) mit gültiger Einwilligung; genutzt von %s.", ch, c.Valid, rc.Total, pct(share), scen),
			fmt.Sprintf("Channel %s: %d of %d contacts (%s) with valid consent; used by %s.", ch, c.Valid, rc.Total, pct(share), scen))
		if share < min {
			a.add("reach."+ch, Error, msg+a.t(fmt.Sprintf(" Mindestens %s sind nötig.", pct(min)), fmt.Sprintf(" At least %s are needed.", pct(min))),
				a.t(fmt.Sprintf("Bitten Sie um Einwilligungen für %s (Kundenkonto, Rechnung, Newsletter-Abmeldeseite) oder planen Sie einen anderen Kanal für diese Szenarien ein.", ch),
					fmt.Sprintf("Ask for consent to %s (customer account, invoice, preference centre) or plan another channel for these scenarios.", ch)))
			continue
		}
		a.add("reach."+ch, OK, msg, "")
	}
	if stale > 0 {
		a.add("reach.stale", Warning, a.t(
			fmt.Sprintf("%d Einwilligungen sind älter als %d Tage oder undatiert.", stale, int(a.k.ConsentMaxAge().Hours()/24)),
			fmt.Sprintf("%d consents are older than %d days or undated.", stale, int(a.k.ConsentMaxAge().Hours()/24))),
			a.t("Lassen Sie sie bestätigen und tragen Sie das neue consent_date ein.", "Have them re-confirmed and record the new consent_date."))
	} else {
		a.add("reach.stale", OK, a.t("Alle Einwilligungen sind aktuell und datiert.", "Every consent is current and dated."), "")
	}
	if rc.Unreachable > 0 {
		a.add("reach.unreachable", Warning, a.t(
			fmt.Sprintf("%d von %d Kontakten (%s) sind auf keinem Kanal mit gültiger Einwilligung erreichbar.", rc.Unreachable, rc.Total, pct(float64(rc.Unreachable)/float64(rc.Total))),
			fmt.Sprintf("%d of %d contacts (%s) cannot be reached on any channel with valid consent.", rc.Unreachable, rc.Total, pct(float64(rc.Unreachable)/float64(rc.Total)))),
			a.t("Diese Menschen erfahren nur über Landingpage, soziale Medien und Presse von einer Krise: bitten Sie um eine Einwilligung.",
				"These people learn of a crisis only from the landing page, social media and the press: ask for consent."))
	} else {
		a.add("reach.unreachable", OK, a.t("Jeder Kontakt ist auf mindestens einem Kanal erreichbar.", "Every contact can be reached on at least one channel."), "")
	}
	var missing []string
	for l, n := range rc.Langs {
		if !slices.Contains(a.k.Languages, l) {
			name := l
			if name == "" {
				name = a.t("ohne Angabe", "not set")
			}
			missing = append(missing, fmt.Sprintf("%s (%d)", name, n))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		a.add("reach.languages", Warning, a.t(
			fmt.Sprintf("Kontakte in Sprachen ohne Playbook: %s.", strings.Join(missing, ", ")),
			fmt.Sprintf("Contacts in languages without a playbook: %s.", strings.Join(missing, ", "))),
			a.t("Nehmen Sie die Sprache in languages: und playbooks: auf, oder legen Sie fest, in welcher Sprache diese Menschen informiert werden.",
				"Add the language to languages: and playbooks:, or decide which language these people are told in."))
	} else {
		a.add("reach.languages", OK, a.t("Für jede Sprache im Kontaktverzeichnis gibt es ein Playbook.", "Every language in the contact register has a playbook."), "")
	}
	return nil
}

func (a *audit) roles() {
	byID := map[string]kit.Role{}
	for _, r := range a.k.Roles {
		byID[r.ID] = r
	}
	for _, need := range []string{kit.RoleDraft, kit.RoleApprove} {
		if _, ok := byID[need]; !ok {
			a.add("roles."+need, Error, a.t(
				fmt.Sprintf("Die Rolle %s ist nicht besetzt.", need),
				fmt.Sprintf("Role %s is not staffed.", need)),
				a.t(fmt.Sprintf("Tragen Sie unter roles: die Rolle %s mit person, deputy und out_of_hours ein.", need),
					fmt.Sprintf("Add role %s under roles: with person, deputy and out_of_hours.", need)))
		}
	}
	lead := map[string][]string{}
	for _, r := range a.k.Roles {
		id := "roles." + r.ID
		var probs []string
		if strings.TrimSpace(r.Person) == "" {
			probs = append(probs, a.t("niemand benannt", "nobody named"))
		}
		if strings.TrimSpace(r.Deputy) == "" {
			probs = append(probs, a.t("keine Vertretung", "no deputy"))
		} else if strings.EqualFold(strings.TrimSpace(r.Deputy), strings.TrimSpace(r.Person)) {
			probs = append(probs, a.t("Vertretung ist dieselbe Person", "the deputy is the same person"))
		}
		if strings.TrimSpace(r.OutOfHours) == "" {
			probs = append(probs, a.t("keine Erreichbarkeit außerhalb der Geschäftszeiten", "no out-of-hours contact"))
		}
		if p := strings.TrimSpace(r.Person); p != "" {
			lead[strings.ToLower(p)] = append(lead[strings.ToLower(p)], r.ID)
		}
		if len(probs) > 0 {
			a.add(id, Error, a.t(fmt.Sprintf("Rolle %s: %s.", r.ID, strings.Join(probs, ", ")), fmt.Sprintf("Role %s: %s.", r.ID, strings.Join(probs, ", "))),
				a.t("Benennen Sie eine Person und eine Vertretung und sagen Sie, wie sie nachts und am Wochenende erreichbar sind (out_of_hours).",
					"Name a person and a deputy and say how they are reached at night and at weekends (out_of_hours)."))
			continue
		}
		a.add(id, OK, a.t(fmt.Sprintf("Rolle %s: besetzt, mit Vertretung, auch außerhalb der Geschäftszeiten erreichbar.", r.ID),
			fmt.Sprintf("Role %s: staffed, with a deputy, reachable out of hours.", r.ID)), "")
	}
	var keys []string
	for p := range lead {
		keys = append(keys, p)
	}
	sort.Strings(keys)
	var overlap []string
	for _, p := range keys {
		if len(lead[p]) > 1 {
			overlap = append(overlap, strings.Join(lead[p], " + "))
		}
	}
	d, ap := byID[kit.RoleDraft], byID[kit.RoleApprove]
	switch {
	case d.Person != "" && strings.EqualFold(strings.TrimSpace(d.Person), strings.TrimSpace(ap.Person)):
		a.add("roles.separation", Error, a.t("Dieselbe Person schreibt und gibt frei.", "The same person drafts and approves."),
			a.t("Geben Sie die Freigabe einer zweiten Person: vier Augen sehen in der Krise mehr.", "Give approval to a second person: four eyes see more in a crisis."))
	case len(overlap) > 0:
		a.add("roles.separation", Warning, a.t(
			fmt.Sprintf("Eine Person führt mehrere Rollen (%s): fällt sie aus, fehlen beide.", strings.Join(overlap, "; ")),
			fmt.Sprintf("One person leads several roles (%s): if they are unavailable, both are.", strings.Join(overlap, "; "))),
			a.t("Verteilen Sie die Rollen auf verschiedene Personen.", "Spread the roles over different people."))
	default:
		a.add("roles.separation", OK, a.t("Jede Rolle hat eine eigene verantwortliche Person.", "Every role has its own lead."), "")
	}
}

func (a *audit) processors() {
	if len(a.k.Processors) == 0 {
		a.add("processors", Error, a.t("Es sind keine Dienstleister für den Versand erfasst.", "No processors that send messages are listed."),
			a.t("Tragen Sie unter processors: ein, welcher Dienst welchen Kanal versendet, ob ein Auftragsverarbeitungsvertrag besteht (dpa) und wo Menschen Auskunft über ihre Daten bekommen (data_requests).",
				"List under processors: which service sends which channel, whether a data-processing agreement is in place (dpa) and where people can ask about their data (data_requests)."))
		return
	}
	covered := map[string]bool{}
	for _, p := range a.k.Processors {
		id := "processors." + slug(p.Name)
		for _, ch := range p.Channels {
			covered[ch] = true
		}
		var probs []string
		if !p.DPA {
			probs = append(probs, a.t("kein Auftragsverarbeitungsvertrag", "no data-processing agreement"))
		}
		if strings.TrimSpace(p.DataRequests) == "" {
			probs = append(probs, a.t("keine Stelle für Auskunftsanfragen", "nowhere for people to ask about their data"))
		}
		if len(probs) > 0 {
			a.add(id, Error, fmt.Sprintf("%s: %s.", p.Name, strings.Join(probs, ", ")),
				a.t("Schließen Sie den Vertrag, bevor der Dienst Kontaktdaten verarbeitet, und nennen Sie unter data_requests, wo Menschen Auskunft bekommen.",
					"Sign the agreement before the service processes contact data, and name under data_requests where people can ask."))
			continue
		}
		since := ""
		if p.DPASince != "" {
			since = a.t(" seit "+p.DPASince, " since "+p.DPASince)
		}
		a.add(id, OK, a.t(fmt.Sprintf("%s: Auftragsverarbeitungsvertrag%s, Auskunft über %s.", p.Name, since, p.DataRequests),
			fmt.Sprintf("%s: data-processing agreement%s, data requests at %s.", p.Name, since, p.DataRequests)), "")
	}
	var uncovered []string
	for ch := range a.usedChannels() {
		if !covered[ch] {
			uncovered = append(uncovered, ch)
		}
	}
	sort.Strings(uncovered)
	if len(uncovered) > 0 {
		a.add("processors.channels", Warning, a.t(
			fmt.Sprintf("Für %s ist kein Versanddienst erfasst.", strings.Join(uncovered, ", ")),
			fmt.Sprintf("No processor is listed for %s.", strings.Join(uncovered, ", "))),
			a.t("Tragen Sie den Dienst ein, über den diese Kanäle versendet werden.", "List the service that sends these channels."))
	}
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (a *audit) contactPoints() {
	if strings.TrimSpace(a.k.LandingPage) == "" {
		a.add("landing", Error, a.t("Keine Landingpage festgelegt.", "No landing page set."),
			a.t("Reservieren Sie jetzt eine Adresse (z. B. /stoerung) und tragen Sie sie als landing_page ein.", "Reserve an address now (e.g. /status) and set it as landing_page."))
	} else {
		a.contactPointUsed("landing", a.k.LandingPage, func(u holdingUse) bool {
			return strings.TrimRight(u.landing, "/") == strings.TrimRight(a.k.LandingPage, "/")
		},
			a.t("Landingpage", "Landing page"))
	}
	if strings.TrimSpace(a.k.Hotline.Number) == "" {
		a.add("hotline", Error, a.t("Keine Hotline festgelegt.", "No hotline set."),
			a.t("Legen Sie eine Nummer fest, die im Ernstfall besetzt ist, und tragen Sie sie mit Zeiten als hotline: ein.", "Set a number that is staffed in a crisis and enter it with its hours under hotline:."))
		return
	}
	want := digits(a.k.Hotline.Number)
	a.contactPointUsed("hotline", a.k.Hotline.Number, func(u holdingUse) bool {
		return want != "" && strings.HasSuffix(digits(u.hotline), strings.TrimLeft(want, "0"))
	},
		a.t("Hotline", "Hotline"))
	if strings.TrimSpace(a.k.Hotline.Hours) == "" {
		a.add("hotline.hours", Warning, a.t("Für die Hotline sind keine Zeiten angegeben.", "The hotline has no hours."),
			a.t("Tragen Sie unter hotline.hours ein, wann jemand abnimmt – Menschen planen ihren Anruf danach.", "Say under hotline.hours when someone answers – people plan their call by it."))
	}
}

// contactPointUsed checks that every holding statement uses the kit's contact point.
func (a *audit) contactPointUsed(id, value string, uses func(holdingUse) bool, name string) {
	var off []string
	for _, u := range a.used {
		if u.missing {
			continue
		}
		if !uses(u) {
			s := u.scenario
			if u.lang != a.lang {
				s += " (" + u.lang + ")"
			}
			off = append(off, s)
		}
	}
	if len(off) > 0 {
		a.add(id, Warning, a.t(
			fmt.Sprintf("%s %s ist festgelegt, aber diese Erstmeldungen nennen sie nicht: %s.", name, value, strings.Join(off, ", ")),
			fmt.Sprintf("%s %s is set, but these holding statements do not use it: %s.", name, value, strings.Join(off, ", "))),
			a.t("Setzen Sie in den Erstmeldungen dieselbe Angabe ein wie in kit.yaml.", "Use the same value in the holding statements as in kit.yaml."))
		return
	}
	a.add(id, OK, a.t(fmt.Sprintf("%s %s, in allen Erstmeldungen genannt.", name, value),
		fmt.Sprintf("%s %s, used by every holding statement.", name, value)), "")
}

func (a *audit) drill() error {
	records, err := kit.Drills(a.k.Dir)
	if err != nil {
		return err
	}
	last := a.k.LatestDrill(records)
	run := a.t("Üben Sie: crisis drill SZENARIO --kit "+a.k.Dir, "Practise: crisis drill SCENARIO --kit "+a.k.Dir)
	if last.IsZero() {
		if c, err := kit.ParseDate(a.k.Created); err == nil && a.now.Sub(c) < kit.FirstDrillGrace {
			due := c.Add(kit.FirstDrillGrace).Format("2006-01-02")
			a.add("drill", OK, a.t("Noch keine Übung; die erste ist bis "+due+" fällig.", "No drill yet; the first is due by "+due+"."), run)
			return nil
		}
		a.add("drill", Warning, a.t("Das Team hat noch nie geübt.", "The team has never practised."), run)
		return nil
	}
	age := a.now.Sub(last)
	date := last.Format("2006-01-02")
	if age > kit.DrillMaxAge {
		a.add("drill", Warning, a.t(
			fmt.Sprintf("Die letzte Übung war am %s, vor mehr als zwölf Monaten.", date),
			fmt.Sprintf("The last drill was on %s, more than twelve months ago.", date)), run)
		return nil
	}
	msg := a.t("Letzte Übung am "+date+".", "Last drill on "+date+".")
	if n := len(records); n > 0 {
		if missed := records[n-1].Missed(); len(missed) > 0 {
			a.add("drill", Warning, msg+a.t(" Ziele verfehlt: "+strings.Join(missed, ", ")+".", " Targets missed: "+strings.Join(missed, ", ")+"."),
				a.t("Üben Sie die verfehlten Schritte erneut.", "Practise the missed steps again."))
			return nil
		}
	}
	a.add("drill", OK, msg, "")
	return nil
}

func (a *audit) report() *Report {
	r := &Report{Version: 1, Kit: a.k.Dir, Org: a.k.Org, Lang: a.lang, Summary: map[string]int{OK: 0, Warning: 0, Error: 0}, Items: a.items}
	points := 0.0
	for _, it := range a.items {
		r.Summary[it.Status]++
		switch it.Status {
		case OK:
			points++
		case Warning:
			points += 0.5
		}
	}
	if len(a.items) > 0 {
		r.Score = int(math.Floor(100*points/float64(len(a.items)) + 0.5))
	}
	return r
}
