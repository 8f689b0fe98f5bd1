package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/compose"
	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
	"github.com/crisis-comms/crisis/templates"
)

type renderOptions struct {
	facts    string
	channels []string
	out      string
	force    bool
	failOn   string
	template string
	now      string
	playbook string
}

func newRenderCmd(s streams) *cobra.Command {
	o := &renderOptions{}
	c := &cobra.Command{
		Use:   "render FACTS.yaml",
		Short: "Render one message per channel from a facts file",
		Long: `Render one message per channel from the facts of an update, lint the
messages, and write them with the facts into a new update directory.

The update directory is named by the update's time (2026-11-23T0930) and is
created in the incident directory: by default the directory that holds
FACTS.yaml, or its parent when FACTS.yaml already sits in an update
directory. A second render never touches an earlier update; it gets its own
directory (2026-11-23T0930-2). With --out DIR the files go to DIR: into a
new update directory when DIR is an incident directory, into DIR itself
when it is an update directory (named like 2026-11-23T0930), and there
existing files are only replaced with --force.

The update's time is --now, else the facts' time, else CRISIS_NOW or the
clock. Channels are --channel, else the facts' channels, else the
scenario's channels in the playbook. The playbook is --playbook, else the
facts' playbook, else the built-in playbook of the facts' language.

The messages are linted on the way, as crisis lint would lint the written
files; findings go to standard error, the written paths to standard output.

--template FILE renders one custom template against the facts to standard
output instead; nothing is written or linted.

Exit status: 0 clean, 1 findings at or above --fail-on (the files are
written all the same), 2 unusable facts, playbook or template, or files
that exist.`,
		Example: `  crisis render incident/facts.yaml
  crisis render incident/facts.yaml --channel sms --channel email
  crisis render incident/facts.yaml --out incident/2026-11-23T0930 --force
  crisis render incident/facts.yaml --template press.tmpl > press.md`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageHint(c, fmt.Errorf("render needs one facts file, got %d arguments", len(args)))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			o.facts = args[0]
			return renderRun(s, o)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	f := c.Flags()
	f.StringSliceVar(&o.channels, "channel", nil, "channel to render, repeatable or comma-separated (default: the facts' channels, else the scenario's)")
	f.StringVar(&o.out, "out", "", "incident or update directory to write to (default: the incident directory of FACTS.yaml)")
	f.BoolVar(&o.force, "force", false, "replace existing files when --out is an update directory")
	f.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit status 1: error, warning or info")
	f.StringVar(&o.template, "template", "", "render this template file against the facts to standard output; writes nothing")
	f.StringVar(&o.now, "now", "", "time of the update, RFC 3339 (default: the facts' time, else CRISIS_NOW, else the clock)")
	f.StringVar(&o.playbook, "playbook", "", "playbook (builtin:de, builtin:en or a file); default: the facts' playbook, else by language")
	c.MarkFlagsMutuallyExclusive("template", "channel")
	c.MarkFlagsMutuallyExclusive("template", "out")
	c.MarkFlagsMutuallyExclusive("template", "force")
	_ = c.RegisterFlagCompletionFunc("channel", channelCompletion)
	_ = c.RegisterFlagCompletionFunc("fail-on", fixedCompletion(playbook.Severities...))
	_ = c.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	_ = c.RegisterFlagCompletionFunc("out", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	_ = c.RegisterFlagCompletionFunc("template", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveDefault
	})
	return c
}

func renderRun(s streams, o *renderOptions) error {
	if !slices.Contains(playbook.Severities, o.failOn) {
		return usageErr(fmt.Errorf("--fail-on %q: use error, warning or info", o.failOn))
	}
	facts, err := incident.LoadFacts(o.facts)
	if err != nil {
		return usageErr(describeFactsErr(o.facts, err))
	}
	now, err := updateTime(o.now, facts)
	if err != nil {
		return usageErr(err)
	}
	ref, err := playbookRef(o.playbook, o.facts, facts)
	if err != nil {
		return usageErr(err)
	}
	pb, err := playbook.Load(ref)
	if err != nil {
		return usageErr(err)
	}
	zone, err := localZone(o.facts, pb)
	if err != nil {
		return usageErr(err)
	}
	if zone != "" && facts.Timezone == "" {
		// Local times in the facts are in .crisis.yaml's zone, else the
		// playbook's (a timezone: in the facts wins over both).
		loc, err := time.LoadLocation(zone)
		if err != nil {
			return usageErr(err)
		}
		if facts, err = incident.LoadFactsIn(o.facts, loc); err != nil {
			return usageErr(err)
		}
		if now, err = updateTime(o.now, facts); err != nil {
			return usageErr(err)
		}
	}
	if o.template != "" {
		return renderTemplate(s, o, pb, facts, now)
	}

	channels := renderChannels(o.channels, facts, pb)
	if len(channels) == 0 {
		return usageErr(fmt.Errorf("%s: no channels: list them under channels: in the facts, or pass --channel sms --channel email …", o.facts))
	}
	msgs, err := compose.Render(pb, facts, channels, now)
	if err != nil {
		return usageErr(fmt.Errorf("%s: %w", o.facts, err))
	}
	stop := abortOnSignal(s.err)
	dir, err := compose.WriteUpdate(renderTarget(o.facts, o.out), facts, msgs, now, o.force)
	stop()
	if err != nil {
		return usageErr(err)
	}

	paths := []string{filepath.Join(dir, incident.FactsFile)}
	var msgPaths []string
	for _, m := range msgs {
		msgPaths = append(msgPaths, filepath.Join(dir, m.FileName))
	}
	for _, p := range append(paths, msgPaths...) {
		fmt.Fprintln(s.out, p)
	}
	err = lintWritten(s, ref, o.failOn, msgPaths)
	if t, perr := time.Parse(time.RFC3339, facts.NextUpdate); perr == nil && t.Before(now) {
		// Every message promises this update; one that is overdue before
		// the messages go out is an error whatever --fail-on says.
		line, col := incident.KeyPos(o.facts, "next_update")
		fmt.Fprintf(s.err, "%s:%d:%d: error next_update: %s is before the time of this update, %s: set a time ahead\n",
			o.facts, line, col, facts.NextUpdate, now.Format(time.RFC3339))
		if err == nil {
			err = withCode(exitFindings)
		}
	}
	return err
}

// lintWritten lints the written messages exactly as `crisis lint` would lint
// those files (same playbook, .crisis.yaml, channel limits and cross-channel
// congruence), so that what render reports is what CI will report.
func lintWritten(s streams, ref, failOn string, paths []string) error {
	r, err := check.New(check.Options{Playbook: ref})
	if err != nil {
		return usageErr(err)
	}
	files := r.Run(paths)
	opts := report.Options{Color: useColor("auto", s.err), ToolVersion: versionString()}
	if err := report.Write(s.err, "text", files, opts); err != nil {
		return usageErr(err)
	}
	return exitStatus(files, failOn)
}

// renderTemplate renders one custom template to stdout. The template is
// untrusted input: templates.Render gives it no environment, files or
// network and bounds its size and time.
func renderTemplate(s streams, o *renderOptions, pb *playbook.Playbook, facts *incident.Facts, now time.Time) error {
	src, err := readTemplate(o.template)
	if err != nil {
		return usageErr(err)
	}
	lang := compose.Lang(pb, facts)
	data := facts.Map()
	data["lang"] = lang
	out, err := templates.Render(o.template, src, data, templates.Options{Now: now, Lang: lang})
	if err != nil {
		return usageErr(describeTemplateErr(err, o.template, src))
	}
	_, err = fmt.Fprint(s.out, out)
	return err
}

func readTemplate(path string) (string, error) {
	b, err := readfile.Read(path, readfile.Template)
	if err != nil {
		return "", fmt.Errorf("template %w", err)
	}
	return string(b), nil
}

// undefinedFunc matches text/template's parse error for an unknown function,
// which names the line but not the column.
var undefinedFunc = regexp.MustCompile(`^template: (.+):(\d+): function "([^"]+)" not defined$`)

// describeTemplateErr adds the column to an unknown-function error, so that
// every template error points at line:col, and says why a function that
// sprig has is missing here.
func describeTemplateErr(err error, name, src string) error {
	m := undefinedFunc.FindStringSubmatch(err.Error())
	if m == nil || m[1] != name {
		return err
	}
	line, _ := strconv.Atoi(m[2])
	where := fmt.Sprintf("%s:%d", name, line)
	if text, ok := nthLine(src, line); ok {
		if i := strings.Index(text, m[3]); i >= 0 {
			where += fmt.Sprintf(":%d", utf8.RuneCountInString(text[:i])+1)
		}
	}
	why := "check the spelling"
	if slices.Contains(templates.DeniedFuncs(), m[3]) {
		why = "templates cannot read the environment, files or the network, or use randomness"
	}
	return fmt.Errorf("template %s: function %q is not available: %s", where, m[3], why)
}

func nthLine(s string, n int) (string, bool) {
	lines := strings.Split(s, "\n")
	if n < 1 || n > len(lines) {
		return "", false
	}
	return lines[n-1], true
}

// describeFactsErr makes a missing facts file say what to do; decoding
// errors already name file:line:col.
func describeFactsErr(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: no such facts file (start one with: crisis new --example it-outage DIR)", path)
	}
	return err
}

// updateTime is the time the update is issued: --now, else the facts' own
// time, else the clock. The facts' time comes before the clock so that the
// messages' "today at 11:00" and the update directory's name agree with
// the time written in the facts, whenever the render runs.
func updateTime(flag string, facts *incident.Facts) (time.Time, error) {
	if flag == "" && facts.Time != "" {
		return time.Parse(time.RFC3339, facts.Time) // checked by LoadFacts
	}
	return clock.Parse(flag)
}

// playbookRef picks the playbook: --playbook, else the facts' playbook (a
// file relative to the facts file), else the built-in for the facts' lang.
func playbookRef(flag, factsPath string, facts *incident.Facts) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if ref := facts.Playbook; ref != "" {
		if !strings.HasPrefix(ref, playbook.BuiltinPrefix) && !filepath.IsAbs(ref) {
			if p := filepath.Join(filepath.Dir(factsPath), ref); fileExists(p) {
				return p, nil
			}
		}
		return ref, nil
	}
	if facts.Lang == "" {
		return "", fmt.Errorf("%s: neither lang nor playbook is set: add lang: de or lang: en (or playbook: builtin:de)", factsPath)
	}
	ref := playbook.BuiltinPrefix + strings.ToLower(facts.Lang)
	if !playbook.IsBuiltin(ref) {
		return "", fmt.Errorf("%s: no built-in playbook for lang %q (built-ins are %s): set playbook: to your own", factsPath, facts.Lang, strings.Join(playbook.BuiltinNames(), ", "))
	}
	return ref, nil
}

// localZone returns the zone of local times for a file at path: the
// timezone: of the nearest .crisis.yaml, else the playbook's; "" for the
// machine's. A .crisis.yaml that does not load is an error.
func localZone(path string, pb *playbook.Playbook) (string, error) {
	cfg, err := config.NewFinder().For(path)
	if err != nil {
		return "", err
	}
	if cfg != nil && cfg.Timezone != "" {
		return cfg.Timezone, nil
	}
	if pb != nil {
		return pb.Timezone, nil
	}
	return "", nil
}

// renderChannels returns the channels to render, in order, without repeats.
func renderChannels(flag []string, facts *incident.Facts, pb *playbook.Playbook) []string {
	src := flag
	if len(src) == 0 {
		src = facts.Channels
	}
	if len(src) == 0 && facts.Scenario != "" {
		if sc := pb.Scenario(facts.Scenario); sc != nil {
			src = sc.Channels
		}
	}
	var out []string
	for _, ch := range src {
		ch = strings.TrimSpace(ch)
		if ch != "" && !slices.Contains(out, ch) {
			out = append(out, ch)
		}
	}
	return out
}

// renderTarget is the directory handed to compose.WriteUpdate: --out, else
// the incident directory of the facts file — its parent when the facts
// already sit in an update directory, so that the next update goes next
// to it.
func renderTarget(factsPath, out string) string {
	if out != "" {
		return out
	}
	factsDir := filepath.Dir(factsPath)
	if compose.IsUpdateDir(factsDir) {
		return filepath.Dir(factsDir)
	}
	return factsDir
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// channelCompletion offers the channels that have built-in templates.
func channelCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var all []string
	for _, l := range templates.BuiltinLangs() {
		for _, ch := range templates.BuiltinChannels(l) {
			if !slices.Contains(all, ch) {
				all = append(all, ch)
			}
		}
	}
	slices.Sort(all)
	return all, cobra.ShellCompDirectiveNoFileComp
}
