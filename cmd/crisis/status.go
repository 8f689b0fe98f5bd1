package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/playbook"
)

// statusOptions are the flags and arguments of crisis status.
type statusOptions struct {
	Dir     string
	Now     string
	Cadence time.Duration
	// CadenceSet is true when --cadence was given; otherwise the cadence of
	// the incident's playbook applies.
	CadenceSet bool
	Format     string
}

func newStatusCmd(s streams) *cobra.Command {
	opts := statusOptions{}
	cmd := &cobra.Command{
		Use:   "status INCIDENT_DIR",
		Short: "Show the latest update and when the next one is due",
		Long: `Show the latest update of an incident and when people expect the next one.

The next update is due at the next_update time the latest update announced;
without one, --cadence after the latest update. Once the latest update is
resolved or followup, nothing is due.

Exit codes: 0 when nothing is overdue, 1 when the next update is overdue
(handy for a cron job or a CI reminder), 2 when the directory or a facts
file cannot be read.`,
		Example: `  crisis status incidents/zahlungsausfall
  crisis status incidents/zahlungsausfall --cadence 1h
  crisis status incidents/zahlungsausfall --format json
  CRISIS_NOW=2026-11-23T12:00:00+01:00 crisis status incidents/zahlungsausfall

  # remind the team every five minutes while an incident is open
  */5 * * * *  crisis status /srv/incidents/current >/dev/null || notify-team`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Dir = args[0]
			opts.CadenceSet = c.Flags().Changed("cadence")
			return runStatus(opts, s.out)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Now, "now", "", "time to check against, RFC 3339 (default: CRISIS_NOW, else the clock)")
	f.DurationVar(&opts.Cadence, "cadence", incident.DefaultCadence, "time between updates when the latest one names no next_update")
	f.StringVar(&opts.Format, "format", "text", "output format: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json"))
	_ = cmd.RegisterFlagCompletionFunc("cadence", fixedCompletion("15m", "30m", "1h", "2h"))
	_ = cmd.RegisterFlagCompletionFunc("now", cobra.NoFileCompletions)
	return cmd
}

// statusJSON is the --format json output. Field order is part of the
// contract: scripts may read it line by line.
type statusJSON struct {
	Incident       string       `json:"incident"`
	Dir            string       `json:"dir"`
	Updates        int          `json:"updates"`
	Latest         statusLatest `json:"latest"`
	Now            string       `json:"now"`
	State          string       `json:"state"`       // due, overdue or closed
	NextUpdate     *string      `json:"next_update"` // null when closed
	DueFrom        string       `json:"due_from"`    // next_update, cadence or ""
	Overdue        bool         `json:"overdue"`
	OverdueSeconds int64        `json:"overdue_seconds"`
}

type statusLatest struct {
	Time     string `json:"time"`
	Stage    string `json:"stage"`
	Headline string `json:"headline"`
	Dir      string `json:"dir"`
}

// States reported by crisis status.
const (
	stateDue     = "due"
	stateOverdue = "overdue"
	stateClosed  = "closed"
)

func runStatus(opts statusOptions, out io.Writer) error {
	if opts.Format != "text" && opts.Format != "json" {
		return usageErr(fmt.Errorf("--format %q: use text or json", opts.Format))
	}
	if opts.Cadence <= 0 {
		return usageErr(fmt.Errorf("--cadence %s: give a positive duration such as 30m or 1h", opts.Cadence))
	}
	now, err := clock.Parse(opts.Now)
	if err != nil {
		return usageErr(err)
	}
	in, err := loadIncident(opts.Dir)
	if err != nil {
		return err
	}
	if !opts.CadenceSet {
		opts.Cadence = playbookCadence(in, opts.Cadence)
	}
	st := incident.ComputeStatus(in, now, opts.Cadence)
	state := stateDue
	switch {
	case st.Closed:
		state = stateClosed
	case st.Overdue > 0:
		state = stateOverdue
	}
	if opts.Format == "json" {
		err = writeStatusJSON(out, in, st, now, state)
	} else {
		err = writeStatusText(out, in, st, now, opts.Cadence, state)
	}
	if err != nil {
		return err
	}
	if state == stateOverdue {
		return withCode(exitFindings)
	}
	return nil
}

// loadIncident reads an incident directory, its local times in the zone of
// the nearest .crisis.yaml (else the machine's); every failure is an input
// error (exit 2) that says what to give instead.
func loadIncident(dir string) (*incident.Incident, error) {
	loc := time.Local
	zone, err := localZone(filepath.Join(dir, incident.FactsFile), nil) // the search starts in dir
	if err != nil {
		return nil, usageErr(err)
	}
	if zone != "" {
		if loc, err = time.LoadLocation(zone); err != nil {
			return nil, usageErr(err)
		}
	}
	in, err := incident.LoadIn(dir, loc)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, usageErr(fmt.Errorf("%s: no such incident directory: give the directory that holds one folder per update (e.g. 2026-11-23T0930/facts.yaml)", dir))
	}
	if err != nil {
		return nil, usageErr(err)
	}
	return in, nil
}

func writeStatusJSON(out io.Writer, in *incident.Incident, st incident.Status, now time.Time, state string) error {
	l := st.Latest
	j := statusJSON{
		Incident: l.Facts.Incident,
		Dir:      in.Dir,
		Updates:  len(in.Updates),
		Latest: statusLatest{
			Time:     l.Time.Format(time.RFC3339),
			Stage:    l.Facts.Stage,
			Headline: l.Facts.Headline,
			Dir:      l.Dir,
		},
		Now:            now.Format(time.RFC3339),
		State:          state,
		DueFrom:        st.DueFrom,
		Overdue:        st.Overdue > 0,
		OverdueSeconds: int64(st.Overdue / time.Second),
	}
	if !st.Closed {
		due := st.Due.Format(time.RFC3339)
		j.NextUpdate = &due
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

// statusWords are the texts of the status report in one language.
type statusWords struct {
	incident, latest, next, status          string
	update, updates, ago, issuedIn, noStage string
	closedNext, closed, announced, cadence  string
	overdue, onTime                         string
	weekdays                                [7]string
	dateLayout                              string
	stages                                  map[string]string
	day, hour, min                          string
}

var statusTexts = map[string]*statusWords{
	"en": {
		incident: "incident:  ", latest: "latest:    ", next: "next:      ", status: "status:    ",
		update: "update", updates: "updates", ago: "%s ago", issuedIn: "issued in %s", noStage: "no stage",
		closedNext: "none due: the latest update is %s", closed: "closed",
		announced: "announced in next_update", cadence: "latest update + %s cadence; set next_update to promise a time",
		overdue: "overdue by %s: post an update now, even if there is no news", onTime: "on time, next update due in %s",
		weekdays:   [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		dateLayout: "2006-01-02 15:04 -07:00",
		day:        "%dd", hour: "%dh", min: "%dm",
	},
	"de": {
		incident: "Vorfall:   ", latest: "Zuletzt:   ", next: "Nächstes:  ", status: "Stand:     ",
		update: "Update", updates: "Updates", ago: "vor %s", issuedIn: "erscheint in %s", noStage: "ohne Stufe",
		closedNext: "keins fällig: das letzte Update ist %s", closed: "abgeschlossen",
		announced: "angekündigt in next_update", cadence: "letztes Update + %s Takt; mit next_update eine feste Zeit versprechen",
		overdue: "überfällig seit %s: jetzt ein Update veröffentlichen, auch ohne Neuigkeiten", onTime: "pünktlich, nächstes Update fällig in %s",
		weekdays:   [7]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"},
		dateLayout: "02.01.2006 15:04 -07:00",
		stages:     map[string]string{"initial": "Erste Nachricht", "update": "Update", "resolved": "Behoben", "followup": "Nachbereitung"},
		day:        "%d T.", hour: "%d Std.", min: "%d Min.",
	},
}

func (w *statusWords) when(t time.Time) string {
	return w.weekdays[t.Weekday()] + " " + t.Format(w.dateLayout)
}

func (w *statusWords) stage(s string) string {
	if s == "" {
		return w.noStage
	}
	if v, ok := w.stages[s]; ok {
		return v
	}
	return s
}

// writeStatusText reports the status in the incident's language.
func writeStatusText(out io.Writer, in *incident.Incident, st incident.Status, now time.Time, cadence time.Duration, state string) error {
	l := st.Latest
	w := statusTexts["en"]
	if l.Facts.Lang == "de" {
		w = statusTexts["de"]
	}
	loc := l.Time.Location()
	var b strings.Builder
	name := l.Facts.Incident
	if name == "" {
		name = in.Dir
	}
	fmt.Fprintf(&b, "%s%s (%d %s)\n", w.incident, name, len(in.Updates), plural(len(in.Updates), w.update, w.updates))
	age := fmt.Sprintf(w.ago, w.duration(now.Sub(l.Time)))
	if now.Before(l.Time) {
		age = fmt.Sprintf(w.issuedIn, w.duration(l.Time.Sub(now)))
	}
	fmt.Fprintf(&b, "%s%s, %s, %s\n", w.latest, w.when(l.Time), w.stage(l.Facts.Stage), age)
	if l.Facts.Headline != "" {
		fmt.Fprintf(&b, "           %s\n", l.Facts.Headline)
	}
	switch state {
	case stateClosed:
		fmt.Fprintf(&b, "%s%s\n", w.next, fmt.Sprintf(w.closedNext, w.stage(l.Facts.Stage)))
		fmt.Fprintf(&b, "%s%s\n", w.status, w.closed)
	default:
		from := w.announced
		if st.DueFrom == incident.DueFromCadence {
			from = fmt.Sprintf(w.cadence, w.duration(cadence))
		}
		fmt.Fprintf(&b, "%s%s (%s)\n", w.next, w.when(st.Due.In(loc)), from)
		if state == stateOverdue {
			fmt.Fprintf(&b, "%s%s\n", w.status, fmt.Sprintf(w.overdue, w.duration(st.Overdue)))
		} else {
			fmt.Fprintf(&b, "%s%s\n", w.status, fmt.Sprintf(w.onTime, w.duration(st.Due.Sub(now))))
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// duration rounds d to whole minutes and writes it the way people say
// it: "45m", "2h 5m", "3d 4h" (German "45 Min.", "2 Std. 5 Min.").
func (w *statusWords) duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	if d < 0 || d > math.MaxInt64-30*time.Second {
		d = math.MaxInt64 - 30*time.Second // saturated; still counts up
	}
	m := int64((d + 30*time.Second) / time.Minute)
	days, hours, mins := m/(24*60), m/60%24, m%60
	switch {
	case days > 0 && hours > 0:
		return fmt.Sprintf(w.day+" "+w.hour, days, hours)
	case days > 0:
		return fmt.Sprintf(w.day, days)
	case hours > 0 && mins > 0:
		return fmt.Sprintf(w.hour+" "+w.min, hours, mins)
	case hours > 0:
		return fmt.Sprintf(w.hour, hours)
	default:
		return fmt.Sprintf(w.min, mins)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// playbookCadence is the update cadence of the latest update's playbook
// (its facts' playbook, else the built-in of its language), or def when
// the playbook names none or cannot be loaded.
func playbookCadence(in *incident.Incident, def time.Duration) time.Duration {
	latest := in.Latest()
	if latest == nil {
		return def
	}
	ref := latest.Facts.Playbook
	switch {
	case ref == "" && latest.Facts.Lang != "":
		ref = playbook.BuiltinPrefix + latest.Facts.Lang
	case ref == "":
		return def
	case !strings.HasPrefix(ref, playbook.BuiltinPrefix) && !filepath.IsAbs(ref):
		ref = filepath.Join(latest.Dir, ref)
	}
	pb, err := playbook.Load(ref)
	if err != nil || pb.Cadence == "" {
		return def
	}
	if d, err := time.ParseDuration(pb.Cadence); err == nil && d > 0 {
		return d
	}
	return def
}
