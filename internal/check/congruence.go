package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// Rule ids of the congruence findings: a next update that differs between
// the messages of one update, or between a message's front matter and its
// text, is channels.next-update; every other role is channels.congruence.
const (
	RuleCongruence = "channels.congruence"
	RuleNextUpdate = "channels.next-update"
)

// compare is channel.Congruence; a test counts the files it is handed.
var compare = channel.Congruence

// fileInfo is what congruence needs to know of a linted file besides its
// document.
type fileInfo struct {
	region string // the playbook's region, which national phone numbers are read in
	zone   string // the zone of local times: .crisis.yaml's timezone, else the playbook's
}

// updateSet says whether a directory is one update: it holds a facts.yaml
// or is named by an update time (2026-11-23T0930).
type updateSet struct {
	isSet     bool
	factsPath string
	factsData []byte // nil when there is none or it cannot be read
}

// readUpdateSet looks at the directory of a message file.
func readUpdateSet(dir string) *updateSet {
	u := &updateSet{isSet: isUpdateDirName(filepath.Base(dir))}
	p := filepath.Join(dir, incident.FactsFile)
	if _, err := os.Lstat(p); err != nil {
		return u
	}
	u.isSet = true
	if data, err := readfile.Read(p, readfile.Facts); err == nil {
		u.factsPath, u.factsData = p, data
	}
	return u
}

// isUpdateDirName reports whether name is an update time such as
// 2026-11-23T0930, with an optional -2, -3 … suffix.
func isUpdateDirName(name string) bool {
	if i := strings.LastIndexByte(name, '-'); i >= len(incident.DirLayout) {
		name = name[:i]
	}
	_, err := time.Parse(incident.DirLayout, name)
	return err == nil
}

// nationalNumber reports whether a phone number is written without its
// country code (0…, not +… or 00…).
func nationalNumber(raw string) bool {
	return strings.HasPrefix(raw, "0") && !strings.HasPrefix(raw, "00")
}

// locations caches time.LoadLocation by name: a tree's sets share a zone
// or two, and loading one reads the zone database.
var locations sync.Map // string → *time.Location

// location returns the zone called name, the machine's for "" or a name
// that is no zone (.crisis.yaml and playbooks are checked when loaded).
func location(name string) *time.Location {
	if name == "" {
		return time.Local
	}
	if l, ok := locations.Load(name); ok {
		return l.(*time.Location)
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		l = time.Local
	}
	locations.Store(name, l)
	return l
}

// updateKey names the update a message's front matter places it in: its
// incident and the time of the update (time:, else next_update), read as
// an instant so that two spellings of one time agree. ok is false for a
// message whose front matter names no incident or no time.
type updateKey struct{ incident, at string }

func keyOf(d *lint.Document, zone string) (k updateKey, ok bool) {
	if d == nil || d.Front.Incident == "" {
		return k, false
	}
	at, field := d.Front.Time, "time "
	if at == "" {
		at, field = d.Front.NextUpdate, "next "
	}
	if at == "" {
		return k, false
	}
	if t, err := incident.ParseTime(at, location(zone)); err == nil {
		at = t.UTC().Format(time.RFC3339)
	}
	return updateKey{d.Front.Incident, field + at}, true
}

// groupByKey splits the messages idx whose front matter names an update
// into one group per update, in the order of their first message; the
// others are left out.
func groupByKey(docs []*lint.Document, infos []fileInfo, idx []int) [][]int {
	byKey := map[updateKey]int{}
	var groups [][]int
	for _, i := range idx {
		k, ok := keyOf(docs[i], infos[i].zone)
		if !ok {
			continue
		}
		g, seen := byKey[k]
		if !seen {
			g = len(groups)
			byKey[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// extractFacts finds the facts of a message (times, dates, links, phone
// numbers, amounts) with their roles and offsets into the file. It runs
// in the workers, for the messages of an update only.
func extractFacts(d *lint.Document) []channel.Fact {
	body := d.Plain()[d.Body:]
	facts := channel.AssignRoles(body, channel.ExtractFacts(body), channel.RoleNone)
	for k := range facts {
		facts[k].Offset += d.Body
		facts[k].End += d.Body
	}
	return facts
}

// factsFile is a facts.yaml as congruence compares it: its facts, each with
// its role (from its key, else its cue words) and its offset in data.
type factsFile struct {
	path  string
	data  []byte
	loc   *time.Location
	zoned bool // the facts name their timezone
	facts []channel.Fact
	// next is the promised next update, written as nextRaw at nextOff.
	next    time.Time
	nextRaw string
	nextOff int
}

// notCompared are the keys of a facts.yaml that hold no fact a message
// states.
var notCompared = map[string]bool{
	"incident": true, "playbook": true, "scenario": true, "stage": true, "lang": true,
	"time": true, "timezone": true, "channels": true,
}

// readFactsFile reads the facts.yaml of an update; nil when it does not
// parse (lint judges messages; crisis render and page build report a
// broken facts file). Times without an offset are in its timezone:, else
// in def; national phone numbers are read in region.
func readFactsFile(u *updateSet, def *time.Location, region string) *factsFile {
	if u == nil || u.factsData == nil {
		return nil
	}
	f, err := incident.ParseFactsIn(u.factsPath, u.factsData, def)
	if err != nil {
		return nil
	}
	loc, err := incident.Location(f.Timezone, def)
	if err != nil {
		return nil
	}
	doc, err := yamlfile.Parse(u.factsPath, u.factsData)
	if err != nil || doc == nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	ff := &factsFile{path: u.factsPath, data: u.factsData, loc: loc, zoned: f.Timezone != ""}
	m := doc.Content[0]
	for n := 0; n+1 < len(m.Content); n += 2 {
		key, val := m.Content[n].Value, m.Content[n+1]
		if notCompared[key] || val.Kind != yaml.ScalarNode || val.Value == "" {
			continue
		}
		off := offsetAt(u.factsData, val.Line, val.Column)
		if key == "next_update" {
			if t, err := time.Parse(time.RFC3339, f.NextUpdate); err == nil {
				ff.next, ff.nextRaw, ff.nextOff = t, val.Value, off
			}
			continue
		}
		text := val.Value
		for _, x := range channel.AssignRoles(text, channel.ExtractFacts(text), channel.RoleForKey(key)) {
			if x.Role == channel.RoleNone {
				continue
			}
			// The fact where it is written in the file, when it is
			// written as it reads (no escapes or folding in between).
			at := off
			if k := strings.Index(string(u.factsData[off:min(len(u.factsData), off+2*len(text)+16)]), x.Raw); k >= 0 {
				at = off + k
			}
			x.Offset, x.End = at, at+len(x.Raw)
			ff.facts = append(ff.facts, x)
		}
	}
	rereadPhones(ff.facts, region)
	return ff
}

// promised returns the facts of a promised next update t, written as raw
// at data[start:end]: its time of day and its date.
func promised(t time.Time, raw string, start, end int) []channel.Fact {
	return []channel.Fact{
		{Kind: channel.FactDate, Value: t.Format("2006-01-02"), Raw: raw, Offset: start, End: end, Role: channel.RoleNextUpdate},
		{Kind: channel.FactTime, Value: t.Format("15:04"), Raw: raw, Offset: start, End: end, Role: channel.RoleNextUpdate},
	}
}

// rereadPhones reads national phone numbers again in region: extraction
// reads them as German.
func rereadPhones(facts []channel.Fact, region string) {
	if region == "" || region == "DE" {
		return
	}
	for n, x := range facts {
		if x.Kind == channel.FactPhone && nationalNumber(x.Raw) {
			if v := channel.PhoneE164(x.Raw, region); v != "" {
				facts[n].Value = v
			}
		}
	}
}

// offsetAt returns the byte offset of line:col (1-based, col in code
// points) in data.
func offsetAt(data []byte, line, col int) int {
	off := 0
	for l := 1; l < line && off < len(data); l++ {
		k := strings.IndexByte(string(data[off:]), '\n')
		if k < 0 {
			return len(data)
		}
		off += k + 1
	}
	for c := 1; c < col && off < len(data) && data[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off
}

// lineCol returns the 1-based line and column (in code points) of the byte
// offset off in data.
func lineCol(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	line, start := 1, 0
	for k := 0; k < off; k++ {
		if data[k] == '\n' {
			line, start = line+1, k+1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

// congruence compares the messages of one directory run or editor view:
// an update directory's messages (idx, with u its directory) form one set
// and are compared with each other and with its facts.yaml; elsewhere the
// messages whose front matter names the same incident and update time are
// compared, and other files not at all.
func congruence(out []report.File, docs []*lint.Document, facts [][]channel.Fact, infos []fileInfo, idx []int, u *updateSet) {
	if u != nil && u.isSet {
		congruentSet(out, docs, facts, infos, idx, u)
		return
	}
	for _, g := range groupByKey(docs, infos, idx) {
		congruentSet(out, docs, facts, infos, g, nil)
	}
}

// congruentSet compares the messages idx of one update by role. A
// message's next_update in its front matter is what its text must promise
// (channels.next-update); the facts of each role — the next update (front
// matter, else text), start, end, hotline, e-mail address, link, refund,
// fee — must agree between the messages and with facts.yaml (u, when it
// has one). A message that differs from facts.yaml is reported once per
// role, naming facts.yaml:line:col; where facts.yaml says nothing of a
// role, a message that differs from an earlier one is reported, naming
// that file and line:col. Differences in the next update, hotline, e-mail
// address and link are errors, the others warnings.
func congruentSet(out []report.File, docs []*lint.Document, facts [][]channel.Fact, infos []fileInfo, idx []int, u *updateSet) {
	members := idx[:0:0]
	for _, i := range idx {
		if docs[i] != nil {
			members = append(members, i)
		}
	}
	if len(members) == 0 {
		return
	}
	touched := map[int]bool{}
	add := func(i int, f lint.Finding) {
		f = docs[i].Locate(f)
		if kept := docs[i].Suppress([]lint.Finding{f}); len(kept) == 1 {
			out[i].Findings = append(out[i].Findings, f)
			touched[i] = true
		}
	}
	// Sorted once per file, not once per finding added.
	defer func() {
		for i := range touched {
			lint.SortFindings(out[i].Findings)
		}
	}()
	// The zone of local times: facts.yaml's timezone, else .crisis.yaml's,
	// else the playbook's, else the machine's. Where one is named, promised
	// times are compared as its clock shows them ("2026-11-23T08:00:00Z"
	// is 9 Uhr in Berlin); else as written, since text says "9 Uhr" in the
	// writer's zone whatever the machine's is.
	first := infos[members[0]]
	loc, zoned := location(first.zone), first.zone != ""
	ff := readFactsFile(u, loc, first.region)
	if ff != nil {
		loc, zoned = ff.loc, zoned || ff.zoned
	}
	local := func(t time.Time) time.Time {
		if zoned {
			return t.In(loc)
		}
		return t
	}
	list := make([]channel.FileFacts, 0, len(members)+1)
	if ff != nil {
		fs := ff.facts
		if !ff.next.IsZero() {
			fs = append(promised(local(ff.next), ff.nextRaw, ff.nextOff, ff.nextOff+len(ff.nextRaw)), fs...)
		}
		list = append(list, channel.FileFacts{Path: ff.path, Facts: fs})
	}
	pos := make(map[string]int, len(members))
	for _, i := range members {
		d, w := docs[i], congruenceWordsFor(out[i].Lang)
		fs := facts[i]
		rereadPhones(fs, infos[i].region)
		pos[out[i].Path] = i
		if d.Front.NextUpdate == "" {
			list = append(list, channel.FileFacts{Path: out[i].Path, Facts: fs})
			continue
		}
		t, err := incident.ParseTime(d.Front.NextUpdate, loc)
		if err != nil {
			list = append(list, channel.FileFacts{Path: out[i].Path, Facts: fs})
			continue
		}
		// The front matter promises the next update, and the text must
		// say the same; a resolved or follow-up message promises none in
		// its text (a review date at most).
		closed := d.Front.Stage == incident.StageResolved || d.Front.Stage == incident.StageFollowup
		promise := promised(local(t), d.Front.NextUpdate, 0, 0)
		if !closed {
			for _, p := range promise {
				if x, ok := unkept(fs, p); ok {
					add(i, lint.Finding{
						Rule: RuleNextUpdate, Principle: "channels", Tone: "form", Severity: "error",
						Message:    fmt.Sprintf(w.textVsFront, w.quote(x.Raw), d.Front.NextUpdate, p.Value),
						Suggestion: w.fixFront, Offset: x.Offset, End: x.End,
					})
					break
				}
			}
		}
		// Compared with the others: the front matter's promise in place of
		// the text's, which was just held to it.
		start, end := frontMatterValue(d.Raw[:d.Body], "next_update")
		compared := make([]channel.Fact, 0, len(fs)+2)
		for _, x := range fs {
			if x.Role != channel.RoleNextUpdate {
				compared = append(compared, x)
			}
		}
		for _, p := range promise {
			p.Offset, p.End = start, end
			compared = append(compared, p)
		}
		list = append(list, channel.FileFacts{Path: out[i].Path, Facts: compared})
	}
	if len(list) < 2 {
		return
	}
	var inFacts [16]bool // roles facts.yaml states
	if ff != nil {
		inFacts[channel.RoleNextUpdate] = !ff.next.IsZero()
		for _, x := range ff.facts {
			inFacts[x.Role] = true
		}
	}
	type fileRole struct {
		i    int
		role channel.Role
	}
	reported := map[fileRole]bool{}
	for _, dis := range compare(list) {
		fromFacts := ff != nil && dis.A.Path == ff.path
		if !fromFacts && ff != nil && inFacts[dis.Role] {
			continue // each message is held to facts.yaml instead
		}
		i := pos[dis.B.Path]
		if reported[fileRole{i, dis.Role}] {
			continue
		}
		reported[fileRole{i, dis.Role}] = true
		var where string
		if fromFacts {
			l, c := lineCol(ff.data, dis.A.Offset)
			where = fmt.Sprintf("%s:%d:%d", ff.path, l, c)
		} else {
			a := pos[dis.A.Path]
			l, c := docs[a].Position(dis.A.Offset)
			where = fmt.Sprintf("%s:%d:%d", out[a].Path, l, c)
		}
		w := congruenceWordsFor(out[i].Lang)
		f := lint.Finding{
			Rule: RuleCongruence, Principle: "channels", Tone: "form", Severity: "warning",
			Message:    fmt.Sprintf(w.differs, w.label[dis.Role], w.quote(dis.B.Raw), w.quote(dis.A.Raw), where, w.same[dis.Role]),
			Suggestion: w.fix, Offset: dis.B.Offset, End: dis.B.End,
		}
		if fromFacts {
			f.Message = fmt.Sprintf(w.differsFacts, w.label[dis.Role], w.quote(dis.B.Raw), w.quote(dis.A.Raw), where, w.same[dis.Role])
			f.Suggestion = w.fixFacts
		}
		if dis.Role == channel.RoleNextUpdate {
			f.Rule = RuleNextUpdate
		}
		if dis.Role.Severe() {
			f.Severity = "error"
		}
		add(i, f)
	}
}

// unkept returns the first fact of the text that names a next update of
// the kind of p (time of day or date) when none of them is p.
func unkept(fs []channel.Fact, p channel.Fact) (channel.Fact, bool) {
	var first channel.Fact
	found := false
	for _, x := range fs {
		if x.Role != channel.RoleNextUpdate || x.Kind != p.Kind {
			continue
		}
		if x.Value == p.Value || (p.Kind == channel.FactTime && strings.HasPrefix(x.Value, p.Value+"-")) ||
			(p.Kind == channel.FactDate && strings.HasSuffix(p.Value, "-"+x.Value)) {
			return channel.Fact{}, false
		}
		if !found {
			first, found = x, true
		}
	}
	return first, found
}

// congruenceWords are the texts of congruence findings in one language.
type congruenceWords struct {
	label, same             map[channel.Role]string
	differs, differsFacts   string
	textVsFront             string
	fix, fixFacts, fixFront string
	quote                   func(string) string
}

var congruenceWordsByLang = map[string]*congruenceWords{
	"en": {
		label: map[channel.Role]string{
			channel.RoleNextUpdate: "Next update", channel.RoleStart: "Start", channel.RoleEnd: "End",
			channel.RoleHotline: "Hotline", channel.RoleEmail: "E-mail address", channel.RoleURL: "Link",
			channel.RoleRefund: "Refund", channel.RoleFee: "Fee",
		},
		same: map[channel.Role]string{
			channel.RoleNextUpdate: "the same next update", channel.RoleStart: "the same start",
			channel.RoleEnd: "the same (expected) end", channel.RoleHotline: "the same hotline",
			channel.RoleEmail: "the same e-mail address", channel.RoleURL: "the same link",
			channel.RoleRefund: "the same refund", channel.RoleFee: "the same fee",
		},
		differs:      "%s %s here, but %s in %s: every message of one update must give %s",
		differsFacts: "%s %s here, but %s in %s: every message of the update must give %s as facts.yaml",
		textVsFront:  "the text names %s, but next_update in the front matter is %s (%s): the text and the promise must agree",
		fix:          "correct whichever is wrong so that every channel says the same",
		fixFacts:     "correct the message, or facts.yaml if it is the one out of date",
		fixFront:     "write the time of next_update in the text, or change next_update",
		quote:        func(s string) string { return fmt.Sprintf("%q", s) },
	},
	"de": {
		label: map[channel.Role]string{
			channel.RoleNextUpdate: "Nächstes Update", channel.RoleStart: "Beginn", channel.RoleEnd: "Ende",
			channel.RoleHotline: "Hotline", channel.RoleEmail: "E-Mail-Adresse", channel.RoleURL: "Link",
			channel.RoleRefund: "Erstattung", channel.RoleFee: "Gebühr",
		},
		same: map[channel.Role]string{
			channel.RoleNextUpdate: "denselben Zeitpunkt für das nächste Update", channel.RoleStart: "denselben Beginn",
			channel.RoleEnd: "dasselbe (voraussichtliche) Ende", channel.RoleHotline: "dieselbe Hotline",
			channel.RoleEmail: "dieselbe E-Mail-Adresse", channel.RoleURL: "denselben Link",
			channel.RoleRefund: "dieselbe Erstattung", channel.RoleFee: "dieselbe Gebühr",
		},
		differs:      "%s hier %s, aber %s in %s: alle Nachrichten eines Updates müssen %s nennen",
		differsFacts: "%s hier %s, aber %s in %s: jede Nachricht des Updates muss %s nennen wie facts.yaml",
		textVsFront:  "der Text nennt %s, aber next_update in der Front Matter ist %s (%s): Text und Zusage müssen übereinstimmen",
		fix:          "korrigieren Sie die falsche Angabe, sodass jeder Kanal dasselbe sagt",
		fixFacts:     "korrigieren Sie die Nachricht – oder facts.yaml, falls dort der veraltete Stand steht",
		fixFront:     "nennen Sie im Text die Zeit aus next_update, oder ändern Sie next_update",
		quote:        func(s string) string { return "„" + s + "“" },
	},
}

// congruenceWordsFor returns the texts for lang, English for languages
// without their own.
func congruenceWordsFor(lang string) *congruenceWords {
	if w, ok := congruenceWordsByLang[lang]; ok {
		return w
	}
	return congruenceWordsByLang["en"]
}
