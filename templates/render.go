// Package templates renders crisis messages from text/template sources with a
// hardened set of sprig helpers, and ships the built-in channel templates.
//
// Templates come from playbooks and incident directories that other people
// write, so rendering treats them as untrusted: no access to the environment,
// the network or randomness, bounded memory and output, and a time limit.
package templates

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync/atomic"
	"text/template"
	"text/template/parse"
	"time"

	"github.com/crisis-comms/crisis/internal/clock"
)

// Defaults and bounds for Render.
const (
	// DefaultMaxOutput is the output cap when Options.MaxOutput is zero.
	DefaultMaxOutput = 1 << 20
	// DefaultTimeout is the execution time limit when Options.Timeout is zero.
	DefaultTimeout = 2 * time.Second
	// MaxValue is the largest value, in bytes, that a helper function accepts
	// or produces. A message never needs more, and checking before the work is
	// done is what keeps {{ repeat 1000000000 "x" }} from allocating a gigabyte.
	MaxValue = 1 << 20
	// MaxItems is the longest list that until, untilStep, seq and the split
	// helpers produce.
	MaxItems = 10_000
)

// Errors that Render wraps, so that callers and tests can tell a template
// that is wrong from one that is hostile or runaway.
var (
	ErrOutputLimit = errors.New("output limit exceeded")
	ErrTimeout     = errors.New("time limit exceeded")
	ErrLimit       = errors.New("size limit exceeded")
)

// Options control one rendering.
type Options struct {
	// Now is what `now`, `when`, `ago` and friends see; zero means clock.Now(),
	// which honours CRISIS_NOW.
	Now time.Time
	// MaxOutput caps the rendered output in bytes; zero means DefaultMaxOutput.
	MaxOutput int
	// Timeout limits execution; zero means DefaultTimeout.
	Timeout time.Duration
	// Lang ("de" or "en") selects the language of `time`, `day` and `when`.
	// Empty means the data's "lang" entry, else English.
	Lang string
}

// Render parses src as a template called name and executes it with data.
// Missing map keys are errors. Errors name the template and, where
// text/template knows it, the line and column.
func Render(name, src string, data map[string]any, opts Options) (string, error) {
	if opts.MaxOutput <= 0 {
		opts.MaxOutput = DefaultMaxOutput
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Now.IsZero() {
		now, err := clock.Now()
		if err != nil {
			return "", fmt.Errorf("template %s: %w", name, err)
		}
		opts.Now = now
	}
	if opts.Lang == "" {
		if l, ok := data["lang"].(string); ok {
			opts.Lang = l
		}
	}
	st := &state{now: opts.Now, lang: baseLang(opts.Lang)}

	type result struct {
		out string
		err error
	}
	// Buffered so that a run that ends after the timeout does not block.
	done := make(chan result, 1)
	go func() {
		var res result
		defer func() {
			if r := recover(); r != nil {
				res = result{err: fmt.Errorf("template %s: internal error: %v", name, r)}
			}
			done <- res
		}()
		out, err := execute(name, src, data, opts.MaxOutput, st)
		res = result{out, err}
	}()

	timer := time.NewTimer(opts.Timeout)
	defer timer.Stop()
	select {
	case res := <-done:
		if res.err != nil {
			return "", res.err
		}
		return res.out, nil
	case <-timer.C:
		// text/template cannot be cancelled from outside; the flag makes the
		// next loop iteration, template call or write inside it fail, so the
		// abandoned goroutine ends soon instead of running on.
		st.cancelled.Store(true)
		return "", fmt.Errorf("template %s: %w: execution took longer than %s (a loop that does not end?)", name, ErrTimeout, opts.Timeout)
	}
}

// state is what the per-rendering helper functions share.
type state struct {
	now       time.Time
	lang      string
	cancelled atomic.Bool
}

func execute(name, src string, data map[string]any, maxOutput int, st *state) (string, error) {
	t := template.New(name).Option("missingkey=error").Funcs(staticFuncs()).Funcs(st.funcs())
	if _, err := t.Parse(src); err != nil {
		return "", err
	}
	if err := checkRecursion(t); err != nil {
		return "", fmt.Errorf("template %s: %w", name, err)
	}
	if err := injectTicks(t); err != nil {
		return "", fmt.Errorf("template %s: %w", name, err)
	}
	w := &limitWriter{max: maxOutput, st: st}
	if err := t.Execute(w, data); err != nil {
		if st.cancelled.Load() {
			return "", fmt.Errorf("template %s: %w", name, ErrTimeout)
		}
		if errors.Is(err, ErrOutputLimit) {
			return "", fmt.Errorf("template %s: %w: output is larger than %d bytes", name, ErrOutputLimit, maxOutput)
		}
		if !strings.Contains(err.Error(), name) {
			err = fmt.Errorf("template %s: %w", name, err)
		}
		return "", err
	}
	return w.buf.String(), nil
}

// limitWriter collects the output and fails once it would exceed max; the
// failed write stops text/template's execution.
type limitWriter struct {
	buf bytes.Buffer
	max int
	st  *state
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.st.cancelled.Load() {
		return 0, ErrTimeout
	}
	if w.buf.Len()+len(p) > w.max {
		return 0, ErrOutputLimit
	}
	return w.buf.Write(p)
}

// tickName is the hidden helper called at the start of every template body
// and every range iteration. Loops without output (an empty range over a
// large number) would otherwise run on after a timeout.
const tickName = "_crisisTick"

func (st *state) tick() (string, error) {
	if st.cancelled.Load() {
		return "", ErrTimeout
	}
	return "", nil
}

// injectTicks puts a call of tickName at the start of every template body and
// every range body of the set.
func injectTicks(t *template.Template) error {
	probe, err := template.New("tick").Funcs(template.FuncMap{tickName: func() string { return "" }}).Parse("{{" + tickName + "}}")
	if err != nil {
		return err
	}
	tick := probe.Tree.Root.Nodes[0]
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		walkLists(tt.Tree.Root, func(l *parse.ListNode, isRange bool) {
			if isRange {
				l.Nodes = append([]parse.Node{tick}, l.Nodes...)
			}
		})
		tt.Tree.Root.Nodes = append([]parse.Node{tick}, tt.Tree.Root.Nodes...)
	}
	return nil
}

// walkLists calls f for every list nested in l (not l itself), telling
// whether the list is the body of a range.
func walkLists(l *parse.ListNode, f func(l *parse.ListNode, isRange bool)) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		var b *parse.BranchNode
		isRange := false
		switch n := n.(type) {
		case *parse.IfNode:
			b = &n.BranchNode
		case *parse.WithNode:
			b = &n.BranchNode
		case *parse.RangeNode:
			b = &n.BranchNode
			isRange = true
		default:
			continue
		}
		walkLists(b.List, f)
		walkLists(b.ElseList, f)
		if b.List != nil {
			f(b.List, isRange)
		}
	}
}

// checkRecursion rejects templates that call themselves, directly or through
// others. text/template allows 100,000 levels, which costs a lot of stack;
// messages never need recursion.
func checkRecursion(t *template.Template) error {
	calls := map[string][]string{}
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		var names []string
		var visit func(l *parse.ListNode)
		visit = func(l *parse.ListNode) {
			if l == nil {
				return
			}
			for _, n := range l.Nodes {
				switch n := n.(type) {
				case *parse.TemplateNode:
					names = append(names, n.Name)
				case *parse.IfNode:
					visit(n.List)
					visit(n.ElseList)
				case *parse.WithNode:
					visit(n.List)
					visit(n.ElseList)
				case *parse.RangeNode:
					visit(n.List)
					visit(n.ElseList)
				}
			}
		}
		visit(tt.Tree.Root)
		calls[tt.Name()] = names
	}
	const (
		unvisited = iota
		active
		finished
	)
	mark := map[string]int{}
	var dfs func(name string, path []string) error
	dfs = func(name string, path []string) error {
		switch mark[name] {
		case active:
			return fmt.Errorf("recursive template call %s: templates must not call themselves", strings.Join(append(path, name), " → "))
		case finished:
			return nil
		}
		mark[name] = active
		for _, c := range calls[name] {
			if err := dfs(c, append(path, name)); err != nil {
				return err
			}
		}
		mark[name] = finished
		return nil
	}
	names := make([]string, 0, len(calls))
	for name := range calls {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := dfs(name, nil); err != nil {
			return err
		}
	}
	return nil
}

// baseLang reduces "de-AT" or "de_DE" to "de".
func baseLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}
