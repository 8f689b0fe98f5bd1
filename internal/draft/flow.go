package draft

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/channel"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
	"github.com/crisis-comms/crisis/templates"
)

// Options configure one run of the flow. Playbook, Scenario and Channels
// are preselections: a step whose answer is preselected is not asked.
type Options struct {
	Playbook string   // playbook reference; empty: ask the language, use its built-in
	Scenario string   // scenario id
	Channels []string // channel ids
	Incident string   // incident id written to facts.yaml and front matter
	Out      string   // incident directory (a new update is added) or update directory
	Force    bool     // replace files in an existing update directory
	// StatePath is the recovery file, saved after every answer; empty
	// keeps none (answers from a file need no recovery).
	StatePath string
	// Resume continues the draft in StatePath; without it an existing
	// recovery file is offered (KeyResume) rather than silently replaced.
	Resume bool
	// Now resolves times such as "15:00" and names the update directory.
	Now time.Time
	// Timezone is the zone of times typed as "15:00" (.crisis.yaml's
	// timezone:); it wins over the playbook's, and empty leaves Now's.
	Timezone string
	// Previous is the latest update of the incident, if any: its answers
	// are the defaults, so that an update only changes what changed.
	Previous *incident.Facts
	// Stage is the preselected stage (initial, update, …); empty picks
	// update when there is a previous update, else initial. A drill's first
	// report starts from a holding statement, which is no earlier update.
	Stage string
	// Log receives warnings, such as a recovery file that cannot be saved.
	Log io.Writer
	// NoInput means the answers come from a file and nobody can confirm:
	// messages with error findings are written all the same, and the
	// command reports them in its exit status.
	NoInput bool
}

// Result is what the flow wrote.
type Result struct {
	Dir      string   // the update directory
	Files    []string // every file written, facts.yaml first
	Playbook string   // the playbook the messages were drafted with
}

type flow struct {
	p        Prompter
	o        Options
	st       *State
	pb       *playbook.Playbook
	eng      *lint.Engine
	warned   bool // the save failure was reported
	previous map[string]any
}

// Run runs the drafting flow to the written update. It returns ErrAborted
// when the person aborts, a *FactsError when answers that were not typed
// (an answers file) miss or break facts, and other errors for playbooks,
// templates and files. Until the update is written, every answer is in the
// recovery file.
func Run(p Prompter, o Options) (*Result, error) {
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	f := &flow{o: o}
	f.p = formLang{p, f}
	if o.Previous != nil {
		f.previous = o.Previous.Map()
	}
	if err := f.start(); err != nil {
		return nil, err
	}
	for {
		var err error
		switch f.st.Step {
		case StepLang:
			err = f.askLang()
		case StepScenario:
			err = f.askScenario()
		case StepStage:
			err = f.askStage()
		case StepFacts:
			err = f.askFacts()
		case StepChannels:
			err = f.askChannels()
		case StepTarget:
			err = f.askTarget()
		case StepReview:
			err = f.review()
		case StepWrite:
			if ok, err := f.confirmWrite(); err != nil || !ok {
				if err != nil {
					return nil, err
				}
				continue
			}
			return f.write()
		default:
			return nil, fmt.Errorf("%s: unknown step %q; remove the file to start over", o.StatePath, f.st.Step)
		}
		if err != nil {
			return nil, err
		}
	}
}

// start loads the recovery file or begins a new draft.
func (f *flow) start() error {
	if f.o.StatePath != "" {
		st, err := LoadState(f.o.StatePath)
		switch {
		case err == nil:
			resume := f.o.Resume
			if !resume {
				resume, err = f.p.Confirm(Prompt{Key: KeyResume, Title: msg(st.Lang, "resume"), Help: msg(st.Lang, "resume-help"), Lang: firstOf(st.Lang, "en")}, true)
				if err != nil {
					return err
				}
			}
			if resume {
				f.st = st
				if st.Playbook != "" {
					if err := f.loadPlaybook(st.Playbook); err != nil {
						return err
					}
				}
				if err := f.checkState(); err != nil {
					return fmt.Errorf("%s: %w; remove the file to start over", f.o.StatePath, err)
				}
				return nil
			}
		case f.o.Resume:
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("nothing to resume: no unfinished draft in %s", f.o.StatePath)
			}
			return err
		case !errors.Is(err, fs.ErrNotExist):
			fmt.Fprintf(f.o.Log, "crisis: ignoring the unreadable recovery file: %v\n", err)
		}
	} else if f.o.Resume {
		return errors.New("nothing to resume: answers from a file keep no recovery file")
	}
	f.st = &State{Step: StepLang, Facts: map[string]string{}, Edited: map[string]string{}, Incident: f.o.Incident, Out: f.o.Out}
	if f.o.Scenario != "" {
		f.st.Scenario = f.o.Scenario
		f.st.Preset = append(f.st.Preset, StepScenario)
	}
	if len(f.o.Channels) > 0 {
		f.st.Channels = slices.Clone(f.o.Channels)
		f.st.Preset = append(f.st.Preset, StepChannels)
	}
	if f.o.Playbook != "" {
		f.st.Playbook = f.o.Playbook
		if err := f.loadPlaybook(f.o.Playbook); err != nil {
			return err
		}
		if f.pb.Lang != "" {
			f.st.Lang = f.pb.Lang
			f.st.Step = StepScenario
		}
	}
	// Saved before the first question, so that even an abort there
	// leaves a draft that --resume finds.
	f.save()
	return nil
}

// preset reports whether a step was answered by Options.
func (f *flow) preset(step string) bool { return slices.Contains(f.st.Preset, step) }

func (f *flow) loadPlaybook(ref string) error {
	pb, err := playbook.Load(ref)
	if err != nil {
		return err
	}
	eng, err := lint.New(pb)
	if err != nil {
		return err
	}
	f.pb, f.eng = pb, eng
	if zone := f.o.Timezone; zone != "" {
		// Times typed as "15:00" are local time in .crisis.yaml's zone.
		loc, err := time.LoadLocation(zone)
		if err != nil {
			return fmt.Errorf("timezone %q: %w", zone, err)
		}
		f.o.Now = f.o.Now.In(loc)
	} else if pb.Timezone != "" {
		// … else in the playbook's.
		loc, err := time.LoadLocation(pb.Timezone)
		if err != nil {
			return fmt.Errorf("playbook %s: %w", pb.Source, err)
		}
		f.o.Now = f.o.Now.In(loc)
	}
	return nil
}

// lang is the language of the update and of the form.
func (f *flow) lang() string {
	switch {
	case f.st.Lang != "":
		return f.st.Lang
	case f.pb != nil && f.pb.Lang != "":
		return f.pb.Lang
	}
	return "en"
}

// save keeps the state after an answer. A failure is reported once and the
// flow goes on: stopping would lose the answers in memory too.
func (f *flow) save() {
	if f.o.StatePath == "" {
		return
	}
	if err := SaveState(f.o.StatePath, f.st); err != nil && !f.warned {
		f.warned = true
		fmt.Fprintf(f.o.Log, msg(f.lang(), "save-failed")+"\n", f.o.StatePath, err)
	}
}

func (f *flow) prev(key string) string {
	s, _ := f.previous[key].(string)
	return s
}

func (f *flow) askLang() error {
	def := firstOf(f.st.Lang, f.prev("lang"), "de")
	v, err := f.p.Select(Prompt{Key: KeyLang, Title: msg(def, "lang"), Help: msg(def, "lang-help"), Lang: def},
		[]Option{{"de", "Deutsch"}, {"en", "English"}}, def)
	if err != nil {
		return err
	}
	f.st.Lang = v
	if f.st.Playbook == "" {
		f.st.Playbook = playbook.BuiltinPrefix + v
	}
	if err := f.loadPlaybook(f.st.Playbook); err != nil {
		return err
	}
	f.st.Step = StepScenario
	f.save()
	return nil
}

func (f *flow) askScenario() error {
	lang := f.lang()
	if len(f.pb.Scenarios) == 0 {
		return fmt.Errorf("playbook %s has no scenarios to draft from", f.pb.Source)
	}
	if f.preset(StepScenario) {
		if f.pb.Scenario(f.st.Scenario) == nil {
			return fmt.Errorf(msg(lang, "scenario-missing"), f.st.Scenario, f.pb.Source, strings.Join(f.scenarioIDs(), ", "))
		}
		f.st.Step = StepStage
		return nil
	}
	var opts []Option
	for _, s := range f.pb.Scenarios {
		opts = append(opts, Option{Value: s.ID, Label: firstOf(s.Title, s.ID)})
	}
	def := firstOf(f.st.Scenario, f.prev("scenario"))
	v, err := f.p.Select(Prompt{Key: KeyScenario, Title: msg(lang, "scenario"), Help: msg(lang, "scenario-help")}, opts, def)
	if err != nil {
		return err
	}
	if f.pb.Scenario(v) == nil {
		return fmt.Errorf(msg(lang, "scenario-missing"), v, f.pb.Source, strings.Join(f.scenarioIDs(), ", "))
	}
	f.st.Scenario = v
	f.st.Step = StepStage
	f.save()
	return nil
}

func (f *flow) scenarioIDs() []string {
	var ids []string
	for _, s := range f.pb.Scenarios {
		ids = append(ids, s.ID)
	}
	return ids
}

func (f *flow) askStage() error {
	lang := f.lang()
	var opts []Option
	for _, s := range incident.Stages {
		opts = append(opts, Option{Value: s, Label: msg(lang, s)})
	}
	def := firstOf(f.st.Stage, f.o.Stage)
	if def == "" && f.o.Previous != nil {
		def = incident.StageUpdate
	}
	v, err := f.p.Select(Prompt{Key: KeyStage, Title: msg(lang, "stage")}, opts, firstOf(def, incident.StageInitial))
	if err != nil {
		return err
	}
	if !slices.Contains(incident.Stages, v) {
		return fmt.Errorf("stage %q is not one of %s", v, strings.Join(incident.Stages, ", "))
	}
	f.st.Stage = v
	f.st.Step = StepFacts
	f.st.FactIndex = 0
	f.save()
	return nil
}

// fact returns the playbook's description of a fact, or a bare one for ids
// that a scenario names but the catalogue lacks.
func (f *flow) fact(id string) playbook.Fact {
	if fd := f.pb.Fact(id); fd != nil {
		return *fd
	}
	return playbook.Fact{ID: id, Title: id}
}

// help is the guidance shown with a fact: its help and example, and at the
// first fact of each principle the playbook's questions for it, so that the
// questions come up once where they matter rather than at every fact.
func (f *flow) help(fd playbook.Fact, firstOfPrinciple bool) string {
	lang := f.lang()
	var b strings.Builder
	b.WriteString(fd.Help)
	if fd.Example != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(msg(lang, "example") + fd.Example)
	}
	if pr := f.pb.Principle(fd.Principle); pr != nil && firstOfPrinciple && len(pr.Questions) > 0 {
		b.WriteString("\n\n" + fmt.Sprintf(msg(lang, "guide"), firstOf(pr.Title, pr.ID)))
		for _, q := range pr.Questions {
			b.WriteString("\n• " + q)
		}
	}
	return b.String()
}

func (f *flow) askFacts() error {
	lang := f.lang()
	sc := f.pb.Scenario(f.st.Scenario)
	if sc == nil {
		return fmt.Errorf(msg(lang, "scenario-missing"), f.st.Scenario, f.pb.Source, strings.Join(f.scenarioIDs(), ", "))
	}
	if f.st.FactIndex == 0 && len(sc.Questions) > 0 {
		if err := f.p.Show(firstOf(sc.Title, sc.ID), "• "+strings.Join(sc.Questions, "\n• ")); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	problems := &FactsError{}
	for i, id := range sc.Facts {
		fd := f.fact(id)
		first := fd.Principle != "" && !seen[fd.Principle]
		seen[fd.Principle] = true
		if i < f.st.FactIndex {
			continue
		}
		def, answered := f.st.Facts[id]
		if !answered && fd.Kind != "time" {
			// A time from the previous update has passed; everything else
			// usually still holds.
			def = f.prev(id)
		}
		kind := firstOf(fd.Kind, "text")
		if t, err := time.Parse(time.RFC3339, def); kind == "time" && err == nil {
			// Shown as people type it, not as the file stores it.
			def = incident.FormatTime(t, f.o.Now.Location(), lang)
		}
		validate := func(s string) error {
			_, err := Normalize(kind, s, fd.Required, f.o.Now, lang)
			return err
		}
		p := Prompt{Key: FactKey(id), Title: firstOf(fd.Title, id), Help: f.help(fd, first)}
		if id == shortFact {
			p.Feedback = f.shortCounter
		}
		var v string
		var err error
		if kind == "text" {
			v, err = f.p.Text(p, def, validate)
		} else {
			v, err = f.p.Input(p, def, validate)
		}
		if err != nil {
			return err
		}
		norm, err := Normalize(kind, v, fd.Required, f.o.Now, lang)
		switch {
		case err != nil && strings.TrimSpace(v) == "":
			problems.Missing = append(problems.Missing, id)
		case err != nil:
			problems.Invalid = append(problems.Invalid, id+": "+err.Error())
			norm = v
		}
		f.st.Facts[id] = norm
		f.st.FactIndex = i + 1
		f.save()
	}
	if len(problems.Missing)+len(problems.Invalid) > 0 {
		return problems
	}
	f.st.Step = StepChannels
	f.save()
	return nil
}

// available lists the channels that have a built-in template in the
// update's language: the scenario's first, then the playbook's, then the
// rest, so that the usual choices are on top.
func (f *flow) available() []string {
	have := templates.BuiltinChannels(f.lang())
	var out []string
	add := func(id string) {
		if slices.Contains(have, id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if sc := f.pb.Scenario(f.st.Scenario); sc != nil {
		for _, c := range sc.Channels {
			add(c)
		}
	}
	for _, c := range f.pb.Channels {
		add(c.ID)
	}
	for _, c := range have {
		add(c)
	}
	return out
}

func (f *flow) channelTitle(id string) string {
	if c := f.pb.Channel(id); c != nil && c.Title != "" {
		return c.Title
	}
	return id
}

func (f *flow) askChannels() error {
	lang := f.lang()
	avail := f.available()
	if len(avail) == 0 {
		return fmt.Errorf("no built-in channel templates for language %q yet (have %s)", lang, strings.Join(templates.BuiltinLangs(), ", "))
	}
	check := func(chs []string) error {
		if len(chs) == 0 {
			return errors.New(msg(lang, "no-channel"))
		}
		for _, c := range chs {
			if !slices.Contains(avail, c) {
				return fmt.Errorf("no built-in %s template for channel %q (have %s)", lang, c, strings.Join(avail, ", "))
			}
		}
		return nil
	}
	if f.preset(StepChannels) {
		if err := check(f.st.Channels); err != nil {
			return err
		}
	} else {
		def := f.st.Channels
		if len(def) == 0 {
			if prev, ok := f.previous["channels"].([]string); ok {
				def = prev
			}
		}
		if len(def) == 0 {
			if sc := f.pb.Scenario(f.st.Scenario); sc != nil {
				def = sc.Channels
			}
		}
		def = slices.DeleteFunc(slices.Clone(def), func(c string) bool { return !slices.Contains(avail, c) })
		var opts []Option
		for _, c := range avail {
			opts = append(opts, Option{Value: c, Label: f.channelTitle(c)})
		}
		v, err := f.p.MultiSelect(Prompt{Key: KeyChannels, Title: msg(lang, "channels"), Help: msg(lang, "channels-help")}, opts, def, check)
		if err != nil {
			return err
		}
		if err := check(v); err != nil {
			return err
		}
		f.st.Channels = v
	}
	f.st.Accepted = nil
	f.st.Step = StepTarget
	f.save()
	return nil
}

// askTarget asks for the incident id and the folder the update goes to,
// unless the command line or an earlier update named them: a draft never
// lands in the current directory without saying so.
func (f *flow) askTarget() error {
	lang := f.lang()
	if f.st.Incident == "" {
		def := f.st.Scenario + "-" + f.o.Now.Format("2006-01-02")
		if f.st.Out != "" && !compose.IsUpdateDir(f.st.Out) {
			if base := filepath.Base(filepath.Clean(f.st.Out)); checkIncidentID(base, lang) == nil {
				def = base
			}
		}
		v, err := f.p.Input(Prompt{Key: KeyIncident, Title: msg(lang, "incident"), Help: msg(lang, "incident-help")}, def,
			func(s string) error { return checkIncidentID(strings.TrimSpace(s), lang) })
		if err != nil {
			return err
		}
		v = strings.TrimSpace(v)
		if err := checkIncidentID(v, lang); err != nil {
			return err
		}
		f.st.Incident = v
		f.save()
	}
	if f.st.Out == "" {
		check := func(s string) error {
			s, err := cleanText(strings.TrimSpace(s), lang)
			if err == nil && (s == "" || strings.Contains(s, "\n")) {
				err = errors.New(msg(lang, "bad-out"))
			}
			return err
		}
		v, err := f.p.Input(Prompt{Key: KeyOut, Title: msg(lang, "out"), Help: msg(lang, "out-help")}, f.st.Incident, check)
		if err != nil {
			return err
		}
		if err := check(v); err != nil {
			return err
		}
		f.st.Out = filepath.Clean(strings.TrimSpace(v))
	}
	f.st.Step = StepReview
	f.save()
	return nil
}

// validIncidentID reports whether id works as a folder name and in front
// matter: a letter or digit, then up to 79 letters, digits, dots,
// underscores and hyphens. (As a regular expression, the bounded repeat of
// two Unicode classes compiled to megabytes at every start of the program.)
func validIncidentID(id string) bool {
	n := 0
	for _, r := range id {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.N, r)
		if n > 0 {
			ok = ok || r == '.' || r == '_' || r == '-'
		}
		if !ok || r == utf8.RuneError {
			return false
		}
		n++
	}
	return n >= 1 && n <= 80
}

func checkIncidentID(id, lang string) error {
	if !validIncidentID(id) {
		return fmt.Errorf(msg(lang, "bad-incident"), id)
	}
	return nil
}

// shortFact is the short version of the news that SMS and X carry; while
// it is typed, shortCounter counts those messages as lint will.
const shortFact = "short"

// shortChannels are the channels the short version is written for.
var shortChannels = []string{"sms", "x"}

// shortCounter renders the short channels with the text typed so far and
// says how long each is against its limit, with lint's own finding when
// it is too long.
func (f *flow) shortCounter(text string) string {
	lang := f.lang()
	facts, err := f.buildFactsWith(map[string]string{shortFact: text})
	if err != nil {
		return ""
	}
	var chs []string
	for _, c := range shortChannels {
		if slices.Contains(templates.BuiltinChannels(lang), c) {
			chs = append(chs, c)
		}
	}
	msgs, err := compose.Render(f.pb, facts, chs, f.o.Now)
	if err != nil {
		return ""
	}
	var lines []string
	for _, m := range msgs {
		line := f.stats(m)
		if vs := channel.CheckLang(m.Channel, f.limits(m.Channel), channel.Sendable(m.Body), m.Subject, lang); len(vs) > 0 {
			line += " – " + vs[0].Message
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// buildFacts turns the answers into the update's facts.
func (f *flow) buildFacts() (*incident.Facts, error) { return f.buildFactsWith(nil) }

// buildFactsWith is buildFacts with some answers replaced.
func (f *flow) buildFactsWith(override map[string]string) (*incident.Facts, error) {
	m := map[string]any{
		"incident": f.st.Incident, "playbook": f.st.Playbook, "scenario": f.st.Scenario,
		"stage": f.st.Stage, "lang": f.lang(), "channels": f.st.Channels,
	}
	for id, v := range f.st.Facts {
		if o, ok := override[id]; ok {
			v = o
		}
		if _, taken := m[id]; !taken && v != "" {
			m[id] = v
		}
	}
	for id, v := range override {
		if _, taken := m[id]; !taken && v != "" {
			m[id] = v
		}
	}
	// The YAML round trip puts each fact in its field of Facts, and the
	// scenario-specific ones (product, batch, …) in Extra, exactly as
	// reading a facts.yaml would.
	data, err := yaml.Marshal(m)
	if err != nil {
		return nil, err
	}
	var facts incident.Facts
	if err := yaml.Unmarshal(data, &facts); err != nil {
		return nil, fmt.Errorf("facts: %w", err)
	}
	return &facts, nil
}

// render renders every chosen channel and puts the edited texts in place.
func (f *flow) render() (*incident.Facts, []compose.Message, error) {
	facts, err := f.buildFacts()
	if err != nil {
		return nil, nil, err
	}
	msgs, err := compose.Render(f.pb, facts, f.st.Channels, f.o.Now)
	if err != nil {
		return nil, nil, err
	}
	for i, m := range msgs {
		if e, ok := f.st.Edited[m.Channel]; ok {
			msgs[i] = compose.NewMessage(facts, m.Lang, m.Channel, e)
		}
	}
	return facts, msgs, nil
}

// backToFacts goes back to the first fact, keeping every answer and edit
// as the defaults.
func (f *flow) backToFacts() {
	f.st.Step = StepFacts
	f.st.FactIndex = 0
	f.st.Accepted = nil
	f.save()
}

func (f *flow) review() error {
	lang := f.lang()
	facts, msgs, err := f.render()
	if err != nil {
		if err := f.p.Show(msg(lang, "render-failed"), err.Error()); err != nil {
			return err
		}
		choice, perr := f.p.Select(Prompt{Key: KeyRenderFailed, Title: msg(lang, "render-choice")},
			[]Option{{ActionBack, msg(lang, "back")}, {ActionQuit, msg(lang, "quit")}}, ActionBack)
		if perr != nil {
			return perr
		}
		if choice == ActionBack {
			f.backToFacts()
			return nil
		}
		return err
	}
	for _, m := range msgs {
		if slices.Contains(f.st.Accepted, m.Channel) {
			continue
		}
		for done := false; !done; {
			_, edited := f.st.Edited[m.Channel]
			title, body := f.preview(m, edited)
			if err := f.p.Show(title, body); err != nil {
				return err
			}
			opts := []Option{{ActionAccept, msg(lang, "accept")}, {ActionEdit, msg(lang, "edit")}}
			if edited {
				opts = append(opts, Option{ActionReset, msg(lang, "reset")})
			}
			opts = append(opts, Option{ActionBack, msg(lang, "back")})
			a, err := f.p.Select(Prompt{Key: ReviewKey(m.Channel), Title: fmt.Sprintf(msg(lang, "review"), f.channelTitle(m.Channel))}, opts, ActionAccept)
			if err != nil {
				return err
			}
			switch a {
			case ActionAccept:
				f.st.Accepted = append(f.st.Accepted, m.Channel)
				f.save()
				done = true
			case ActionEdit:
				m, err = f.edit(facts, m)
				if err != nil {
					return err
				}
			case ActionReset:
				delete(f.st.Edited, m.Channel)
				f.save()
				_, fresh, err := f.render()
				if err != nil {
					return err
				}
				for _, x := range fresh {
					if x.Channel == m.Channel {
						m = x
					}
				}
			case ActionBack:
				f.backToFacts()
				return nil
			default:
				return fmt.Errorf("unknown review action %q (accept, edit, reset, back)", a)
			}
		}
	}
	f.st.Step = StepWrite
	f.save()
	return nil
}

func (f *flow) edit(facts *incident.Facts, m compose.Message) (compose.Message, error) {
	lang := f.lang()
	p := Prompt{
		Key:   EditKey(m.Channel),
		Title: fmt.Sprintf(msg(lang, "edit-title"), f.channelTitle(m.Channel)),
		Help:  msg(lang, "edit-help"),
		Feedback: func(text string) string {
			return f.findingsBrief(compose.NewMessage(facts, m.Lang, m.Channel, text))
		},
	}
	check := func(s string) (string, error) {
		s, err := cleanText(s, lang)
		if err == nil && strings.TrimSpace(s) == "" {
			err = errors.New(msg(lang, "empty-text"))
		}
		return s, err
	}
	v, err := f.p.Text(p, m.Rendered(), func(s string) error {
		_, err := check(s)
		return err
	})
	if err != nil {
		return m, err
	}
	if v, err = check(v); err != nil {
		return m, err
	}
	f.st.Edited[m.Channel] = v
	f.save()
	return compose.NewMessage(facts, m.Lang, m.Channel, v), nil
}

// confirmWrite shows the open findings of every message, channel by
// channel. When a message breaks its channel's limits or has an error
// finding, it is written only if the writer says so; otherwise the review
// goes back to those messages. Answers from a file (NoInput) are written
// as they are, and the command's exit status reports the findings.
func (f *flow) confirmWrite() (bool, error) {
	lang := f.lang()
	_, msgs, err := f.render()
	if err != nil {
		return false, err
	}
	summary, blocking := f.openFindings(msgs)
	if err := f.p.Show(msg(lang, "summary"), summary); err != nil {
		return false, err
	}
	if len(blocking) == 0 || f.o.NoInput {
		return true, nil
	}
	names := make([]string, len(blocking))
	for i, c := range blocking {
		names[i] = f.channelTitle(c)
	}
	ok, err := f.p.Confirm(Prompt{Key: KeyWriteAnyway, Title: fmt.Sprintf(msg(lang, "write-anyway"), strings.Join(names, ", ")),
		Help: msg(lang, "write-anyway-help")}, false)
	if err != nil || ok {
		return ok, err
	}
	f.st.Accepted = slices.DeleteFunc(f.st.Accepted, func(c string) bool { return slices.Contains(blocking, c) })
	f.st.Step = StepReview
	f.save()
	return false, nil
}

func (f *flow) write() (*Result, error) {
	facts, msgs, err := f.render()
	if err != nil {
		return nil, err
	}
	dir, err := compose.WriteUpdate(f.st.Out, facts, msgs, f.o.Now, f.o.Force)
	if err != nil {
		return nil, err
	}
	res := &Result{Dir: dir, Files: []string{filepath.Join(dir, incident.FactsFile)}, Playbook: f.st.Playbook}
	for _, m := range msgs {
		res.Files = append(res.Files, filepath.Join(dir, m.FileName))
	}
	if f.o.StatePath != "" {
		if err := RemoveState(f.o.StatePath); err != nil {
			fmt.Fprintf(f.o.Log, "crisis: the update is written, but the recovery file stays: %v\n", err)
		}
	}
	return res, nil
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
