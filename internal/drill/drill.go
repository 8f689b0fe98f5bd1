// Package drill runs a crisis exercise: made-up news is revealed step by
// step (a first report, an update, a twist), the team writes its messages
// from the kit's holding statement, and the time to each message is measured
// against the playbook's targets. The result is a drill record in the kit,
// which crisis ready reads.
package drill

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/examples"
	"github.com/crisis-comms/crisis/internal/atomicfile"
	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/draft"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/kit"
	"github.com/crisis-comms/crisis/internal/ready"
	"github.com/crisis-comms/crisis/playbook"
)

// Step ids of a drill record.
const (
	StepFirst   = "first-message"
	StepLanding = "landing-page"
	StepUpdate  = "update"
	StepTwist   = "twist"
)

// Options steer a drill.
type Options struct {
	Kit      *kit.Kit
	Scenario string
	Lang     string // default: the kit's first language
	// Prompter runs the draft flow for each step; nil runs the drill
	// without input: each step's facts are rendered as they are.
	Prompter draft.Prompter
	// Start is the drill's fictional time of the first report; messages
	// are dated from it.
	Start time.Time
	// Clock measures how long the team takes; default time.Now.
	Clock func() time.Time
	// Log receives the injects and the results, for the people in the room.
	Log io.Writer
}

// Result is a finished drill.
type Result struct {
	Record *kit.Drill
	File   string // where the record was written
	Dir    string // the drill's incident directory with every update
}

type runner struct {
	o       Options
	pb      *playbook.Playbook
	ref     string
	script  *Script
	dir     string
	targets map[string]time.Duration
	t       func(de, en string) string
}

// Run runs the drill and writes its record into the kit.
func Run(o Options) (*Result, error) {
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	k := o.Kit
	if o.Lang == "" {
		o.Lang = "en"
		if len(k.Languages) > 0 {
			o.Lang = k.Languages[0]
		}
	}
	r := &runner{o: o}
	r.t = func(de, en string) string {
		if o.Lang == "de" {
			return de
		}
		return en
	}
	r.ref = k.PlaybookFor(o.Lang, func(ref string) string {
		if l, ok := strings.CutPrefix(ref, "builtin:"); ok {
			return l
		}
		if pb, err := playbook.Load(r.resolve(ref)); err == nil {
			return pb.Lang
		}
		return ""
	})
	r.ref = r.resolve(r.ref)
	pb, err := playbook.Load(r.ref)
	if err != nil {
		return nil, err
	}
	r.pb = pb
	var sc *playbook.Scenario
	for i := range pb.Scenarios {
		if pb.Scenarios[i].ID == o.Scenario {
			sc = &pb.Scenarios[i]
		}
	}
	if sc == nil {
		var ids []string
		for _, s := range pb.Scenarios {
			ids = append(ids, s.ID)
		}
		return nil, fmt.Errorf("no scenario %q in %s; the scenarios are %s", o.Scenario, r.ref, strings.Join(ids, ", "))
	}
	if r.script, err = LoadScript(o.Lang); err != nil {
		return nil, err
	}
	if err := r.loadTargets(); err != nil {
		return nil, err
	}
	holding, err := ready.HoldingFacts(k, k.HoldingPath(o.Scenario, o.Lang), o.Start)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: no holding statement for %s; a drill starts from it (crisis ready lists what is missing)", k.HoldingPath(o.Scenario, o.Lang), o.Scenario)
	}
	if err != nil {
		return nil, err
	}
	stamp := o.Start.Format("2006-01-02T1504")
	r.dir = filepath.Join(k.Dir, kit.DrillsDir, stamp+"-"+o.Scenario)
	if _, err := os.Lstat(r.dir); err == nil {
		return nil, fmt.Errorf("%s already exists: a drill of %s started at this minute; wait a minute or remove it", r.dir, o.Scenario)
	}

	rec := &kit.Drill{Version: 1, Scenario: o.Scenario, Lang: o.Lang, Mode: "no-input", Started: o.Start.Format(time.RFC3339)}
	if o.Prompter != nil {
		rec.Mode = "interactive"
	}
	facts := holding
	first := r.script.First
	if s := situation(o.Scenario, o.Lang); s != "" && o.Prompter != nil {
		first.Text += "\n\n" + r.t("Lage (erfunden): ", "Situation (made up): ") + s
	}
	if len(facts.Channels) == 0 {
		facts.Channels = append([]string(nil), sc.Channels...)
	}

	// Step 1: the first report. The landing page counts from the same
	// moment; it is done with the first update that includes it.
	begin := o.Clock()
	out1, err := r.step(first, facts, o.Start, "")
	if err != nil {
		return nil, err
	}
	elapsed := o.Clock().Sub(begin)
	rec.Steps = append(rec.Steps, r.record(StepFirst, first.Title, elapsed, out1))
	landingAt := time.Duration(-1)
	if slices.Contains(out1.channels, "landing") {
		landingAt = elapsed
	}

	// Step 2: new information, an hour into the incident.
	facts = advance(out1.facts, r.script.Update, o.Start.Add(time.Hour), k.CadenceDuration())
	begin2 := o.Clock()
	upd, err := r.step(r.script.Update, facts, o.Start.Add(time.Hour), out1.facts.NextUpdate)
	if err != nil {
		return nil, err
	}
	rec.Steps = append(rec.Steps, r.record(StepUpdate, r.script.Update.Title, o.Clock().Sub(begin2), upd))
	if landingAt < 0 && slices.Contains(upd.channels, "landing") {
		landingAt = o.Clock().Sub(begin)
	}

	// Step 3: the twist.
	tw := r.script.Twist(o.Scenario)
	facts = advance(upd.facts, tw, o.Start.Add(90*time.Minute), k.CadenceDuration())
	begin3 := o.Clock()
	twist, err := r.step(tw, facts, o.Start.Add(90*time.Minute), upd.facts.NextUpdate)
	if err != nil {
		return nil, err
	}
	rec.Steps = append(rec.Steps, r.record(StepTwist, tw.Title, o.Clock().Sub(begin3), twist))
	if landingAt < 0 && slices.Contains(twist.channels, "landing") {
		landingAt = o.Clock().Sub(begin)
	}
	land := kit.DrillStep{ID: StepLanding, Title: r.t("Landingpage", "Landing page"), Target: fmtDur(r.targets[StepLanding])}
	if landingAt >= 0 {
		land.Elapsed, land.Met = fmtDur(landingAt), landingAt <= r.targets[StepLanding]
	} else {
		land.Elapsed = r.t("nicht erstellt", "not written")
	}
	rec.Steps = slices.Insert(rec.Steps, 1, land)

	file, err := writeRecord(k, rec, stamp)
	if err != nil {
		return nil, err
	}
	r.summary(rec)
	return &Result{Record: rec, File: file, Dir: r.dir}, nil
}

func (r *runner) resolve(ref string) string {
	if strings.HasPrefix(ref, "builtin:") || filepath.IsAbs(ref) {
		return ref
	}
	return filepath.Join(r.o.Kit.Dir, ref)
}

func (r *runner) loadTargets() error {
	t := r.pb.Targets()
	r.targets = map[string]time.Duration{}
	for id, v := range map[string]string{StepFirst: t.FirstMessage, StepLanding: t.LandingPage, StepUpdate: t.Update, StepTwist: t.Update} {
		d, err := time.ParseDuration(v)
		if err != nil {
			return fmt.Errorf("%s: drill target %q: %w", r.ref, v, err)
		}
		r.targets[id] = d
	}
	return nil
}

// situation returns the made-up situation of the scenario's example, for the
// facilitator to read out with the first inject; empty when there is none.
func situation(scenario, lang string) string {
	data, err := examples.Facts(scenario, lang)
	if err != nil {
		return ""
	}
	ex, err := incident.ParseFacts(scenario, data)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.Join([]string{ex.What, ex.Impact}, " "))
}

func maps(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// advance turns the facts of one update into the next: stage update, the
// new time, the next update one cadence later, and the inject's facts
// added to what was said.
func advance(prev *incident.Facts, in Inject, at time.Time, cadence time.Duration) *incident.Facts {
	f := *prev
	f.Extra = maps(prev.Extra)
	f.Stage = "update"
	f.Time = at.Format(time.RFC3339)
	f.NextUpdate = at.Add(cadence).Format(time.RFC3339)
	for id, v := range in.Facts {
		dst := field(&f, id)
		if dst == nil {
			if f.Extra == nil {
				f.Extra = map[string]string{}
			}
			f.Extra[id] = join(f.Extra[id], v)
			continue
		}
		*dst = join(*dst, v)
	}
	return &f
}

func join(a, b string) string {
	if strings.TrimSpace(a) == "" {
		return b
	}
	return strings.TrimSpace(a) + " " + b
}

func field(f *incident.Facts, id string) *string {
	switch id {
	case "what":
		return &f.What
	case "impact":
		return &f.Impact
	case "affected":
		return &f.Affected
	case "actions":
		return &f.Actions
	case "unknown":
		return &f.Unknown
	case "help":
		return &f.Help
	case "safety":
		return &f.Safety
	case "alternatives":
		return &f.Alternatives
	case "eta":
		return &f.ETA
	case "rights":
		return &f.Rights
	case "remedy":
		return &f.Remedy
	case "empathy":
		return &f.Empathy
	}
	return nil
}

type outcome struct {
	facts    *incident.Facts
	channels []string
	dir      string
	findings int
}

// step reveals an inject and has the team write the update, interactively
// or, without a prompter, from the facts as they stand.
func (r *runner) step(in Inject, facts *incident.Facts, at time.Time, due string) (*outcome, error) {
	fmt.Fprintf(r.o.Log, "\n== %s (%s) ==\n%s\n", in.Title, at.Format("15:04"), strings.TrimSpace(in.Text))
	if due != "" {
		if t, err := time.Parse(time.RFC3339, due); err == nil {
			fmt.Fprintf(r.o.Log, r.t("Angekündigt war das nächste Update für %s.\n", "The next update was promised for %s.\n"), t.Format("15:04"))
		}
	}
	if len(in.Facts) > 0 && r.o.Prompter != nil {
		fmt.Fprintln(r.o.Log, r.t("Neue Fakten:", "New facts:"))
		for _, v := range in.Facts {
			fmt.Fprintf(r.o.Log, "  – %s\n", v)
		}
	}
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		return nil, err
	}
	var dir string
	var files []string
	if r.o.Prompter != nil {
		res, err := draft.Run(r.o.Prompter, draft.Options{
			Playbook: r.ref, Scenario: r.o.Scenario, Channels: facts.Channels, Incident: facts.Incident,
			Out: r.dir, Now: at, Previous: facts, Stage: facts.Stage, Log: r.o.Log,
		})
		if err != nil {
			return nil, err
		}
		dir, files = res.Dir, res.Files
		if f, err := incident.LoadFacts(filepath.Join(dir, incident.FactsFile)); err == nil {
			facts = f
		}
	} else {
		msgs, err := compose.Render(r.pb, facts, facts.Channels, at)
		if err != nil {
			return nil, err
		}
		if dir, err = compose.WriteUpdate(r.dir, facts, msgs, at, false); err != nil {
			return nil, err
		}
		for _, m := range msgs {
			files = append(files, filepath.Join(dir, m.FileName))
		}
	}
	out := &outcome{facts: facts, dir: dir}
	var msgFiles []string
	for _, p := range files {
		if filepath.Base(p) == incident.FactsFile {
			continue
		}
		msgFiles = append(msgFiles, p)
		out.channels = append(out.channels, check.ChannelFromName(r.pb, p))
	}
	run, err := check.New(check.Options{Playbook: r.ref, Jobs: 1, NoStats: true})
	if err != nil {
		return nil, err
	}
	for _, f := range run.Run(msgFiles) {
		for _, fd := range f.Findings {
			if fd.Severity == "error" || fd.Severity == "warning" {
				out.findings++
			}
		}
	}
	return out, nil
}

func (r *runner) record(id, title string, elapsed time.Duration, o *outcome) kit.DrillStep {
	rel, _ := filepath.Rel(r.o.Kit.Dir, o.dir)
	return kit.DrillStep{
		ID: id, Title: title, Elapsed: fmtDur(elapsed), Target: fmtDur(r.targets[id]),
		Met: elapsed <= r.targets[id] && o.findings == 0, Channels: o.channels, Update: filepath.ToSlash(rel), Findings: o.findings,
	}
}

func (r *runner) summary(rec *kit.Drill) {
	fmt.Fprintf(r.o.Log, "\n%s\n", r.t("Ergebnis der Übung:", "Drill result:"))
	for _, s := range rec.Steps {
		mark := r.t("erreicht", "met")
		if !s.Met {
			mark = r.t("verfehlt", "missed")
		}
		extra := ""
		if s.Findings > 0 {
			extra = fmt.Sprintf(r.t(", %d Befunde", ", %d findings"), s.Findings)
		}
		fmt.Fprintf(r.o.Log, "  %-14s %9s  %s %s  (%s%s)\n", s.ID, s.Elapsed, r.t("Ziel", "target"), s.Target, mark, extra)
	}
}

func fmtDur(d time.Duration) string {
	if d < time.Second {
		return d.Round(time.Millisecond).String()
	}
	s := d.Round(time.Second).String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	return s
}

// writeRecord writes the drill record next to the drill's updates.
func writeRecord(k *kit.Kit, rec *kit.Drill, stamp string) (string, error) {
	data, err := yaml.Marshal(rec)
	if err != nil {
		return "", err
	}
	head := "# Drill record written by crisis drill; crisis ready reads it.\n"
	file := filepath.Join(k.Dir, kit.DrillsDir, stamp+"-"+rec.Scenario+".yaml")
	if err := atomicfile.Write(file, append([]byte(head), data...), 0o644, false); err != nil {
		return "", err
	}
	return file, nil
}
