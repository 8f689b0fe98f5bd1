package playbook

import (
	"embed"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// The built-in playbooks: builtin/LANG.yaml, and their parts in folders,
// builtin/PART/LANG.yaml (the listen section, the reply rules), each with
// its compiled form (LANG.gob: the validated playbook, gob-encoded).
//
//go:embed builtin/*.yaml builtin/*.gob builtin/*/*.yaml builtin/*/*.gob
var builtinFS embed.FS

// BuiltinPrefix marks a reference to an embedded playbook, as in builtin:de.
const BuiltinPrefix = "builtin:"

// maxExtends bounds chains of extends so that cycles cannot loop.
const maxExtends = 8

// BuiltinNames lists the embedded playbooks as builtin:LANG references.
func BuiltinNames() []string {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, BuiltinPrefix+name)
		}
	}
	sort.Strings(names)
	return names
}

// BuiltinSource returns the YAML text of a built-in playbook ("de" or
// "builtin:de").
func BuiltinSource(name string) ([]byte, error) {
	lang := strings.TrimPrefix(name, BuiltinPrefix)
	data, err := builtinFS.ReadFile("builtin/" + lang + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no built-in playbook %q; built-ins are %s", name, strings.Join(BuiltinNames(), ", "))
	}
	return data, nil
}

// IsBuiltin reports whether ref names an embedded playbook.
func IsBuiltin(ref string) bool {
	if !strings.HasPrefix(ref, BuiltinPrefix) {
		return false
	}
	_, err := fs.Stat(builtinFS, "builtin/"+strings.TrimPrefix(ref, BuiltinPrefix)+".yaml")
	return err == nil
}

// Load reads a playbook by reference: builtin:LANG (or just de / en when no
// such file exists) or a file path. Extends are resolved, the result is
// validated.
func Load(ref string) (*Playbook, error) {
	return load(ref, 0, nil)
}

// Parse decodes playbook YAML from memory; name is used in error messages
// and to resolve a relative extends.
func Parse(name string, data []byte) (*Playbook, error) {
	p, err := parseOne(name, data)
	if err != nil {
		return nil, err
	}
	return finish(p, name, 0, []string{name})
}

func load(ref string, depth int, chain []string) (*Playbook, error) {
	if p, ok := loadCompiled(ref); ok {
		return p, nil
	}
	if depth > maxExtends {
		return nil, fmt.Errorf("%s: extends nests deeper than %d playbooks", ref, maxExtends)
	}
	name, data, err := read(ref)
	if err != nil {
		return nil, err
	}
	for _, c := range chain {
		if c == name {
			return nil, fmt.Errorf("%s: extends forms a cycle: %s → %s", name, strings.Join(chain, " → "), name)
		}
	}
	p, err := parseWithParts(name, data)
	if err != nil {
		return nil, err
	}
	return finish(p, name, depth, append(chain, name))
}

// builtinParts returns the paths of the parts of a built-in playbook,
// sorted: a part named builtin/PART/LANG.yaml belongs to builtin:LANG
// only (the reply rules of a language); any other part, such as
// builtin/listen/lexicon-en.yaml, belongs to every built-in playbook,
// because incoming messages come in every language.
func builtinParts(ref string) []string {
	lang := strings.TrimPrefix(ref, BuiltinPrefix)
	all, _ := fs.Glob(builtinFS, "builtin/*/*.yaml")
	var parts []string
	for _, p := range all {
		base := strings.TrimSuffix(filepath.Base(p), ".yaml")
		if base == lang || !IsBuiltin(BuiltinPrefix+base) {
			parts = append(parts, p)
		}
	}
	sort.Strings(parts)
	return parts
}

// parseWithParts parses a playbook and, for a built-in one, lays its parts
// over it. A part is a playbook file without an id that adds sections.
func parseWithParts(name string, data []byte) (*Playbook, error) {
	p, err := parseOne(name, data)
	if err != nil || !strings.HasPrefix(name, BuiltinPrefix) {
		return p, err
	}
	for _, path := range builtinParts(name) {
		pdata, err := builtinFS.ReadFile(path)
		if err != nil {
			return nil, err
		}
		part, err := parseOne(partName(path), pdata)
		if err != nil {
			return nil, err
		}
		p = withPart(p, part)
	}
	return p, nil
}

// partName is how a part is named in error messages: builtin:listen/de.
func partName(path string) string {
	return BuiltinPrefix + strings.TrimSuffix(strings.TrimPrefix(path, "builtin/"), filepath.Ext(path))
}

// withPart merges a part into its playbook, keeping the playbook's name
// and position for errors about the whole.
func withPart(p, part *Playbook) *Playbook {
	out := merge(p, part)
	out.Extends, out.Source, out.rootPos = p.Extends, p.Source, p.rootPos
	return out
}

// loadCompiled returns a built-in playbook from its compiled form, which
// decodes about ten times faster than the YAML source (and twice as fast
// as JSON) and keeps `crisis lint` on one file quick. TestCompiledBuiltins
// guarantees that the compiled form decodes to the validated YAML
// playbook.
func loadCompiled(ref string) (*Playbook, bool) {
	if !strings.HasPrefix(ref, BuiltinPrefix) {
		return nil, false
	}
	p, ok := decodeCompiled(compiledPath("builtin/" + strings.TrimPrefix(ref, BuiltinPrefix) + ".yaml"))
	if !ok {
		return nil, false
	}
	p.Source = ref
	var listenParts []string
	for _, path := range builtinParts(ref) {
		// Only crisis listen and reply need the listen parts: they are
		// decoded on first use (ListenSection), so that linting one file
		// stays quick.
		if strings.HasPrefix(path, "builtin/listen/") {
			listenParts = append(listenParts, compiledPath(path))
			continue
		}
		part, ok := decodeCompiled(compiledPath(path))
		if !ok {
			return nil, false
		}
		p = withPart(p, part)
	}
	if len(listenParts) > 0 {
		p.lazy = &lazyListen{base: p.Listen, parts: listenParts}
	}
	return p, true
}

// compiledPath names the compiled form of a built-in YAML file.
func compiledPath(yamlPath string) string {
	return strings.TrimSuffix(yamlPath, ".yaml") + ".gob"
}

// decodeGob decodes a compiled playbook or part.
func decodeGob(r io.Reader, p *Playbook) error {
	return gob.NewDecoder(r).Decode(p)
}

// decodeBuiltinGob decodes the embedded compiled file at path, read in
// place: reading it whole first would copy half a megabyte at every start.
func decodeBuiltinGob(path string, p *Playbook) error {
	f, err := builtinFS.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return decodeGob(f, p)
}

// decodeCompiled decodes the embedded compiled playbook or part at path.
func decodeCompiled(path string) (*Playbook, bool) {
	var p Playbook
	if err := decodeBuiltinGob(path, &p); err != nil {
		return nil, false
	}
	p.lexiconPos = map[string]pos{}
	if p.Listen != nil {
		p.Listen.lexiconPos = map[string]pos{}
	}
	return &p, true
}

// LoadSource loads a playbook from its YAML text even when a compiled form
// exists; tests and the compiled-form generator use it.
func LoadSource(ref string) (*Playbook, error) {
	name, data, err := read(ref)
	if err != nil {
		return nil, err
	}
	p, err := parseWithParts(name, data)
	if err != nil {
		return nil, err
	}
	return finish(p, name, 0, []string{name})
}

func read(ref string) (name string, data []byte, err error) {
	if strings.HasPrefix(ref, BuiltinPrefix) {
		data, err := BuiltinSource(ref)
		return ref, data, err
	}
	data, err = readfile.Read(ref, readfile.Playbook)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if b, berr := BuiltinSource(ref); berr == nil && !strings.ContainsAny(ref, "/\\.") {
				return BuiltinPrefix + ref, b, nil
			}
			return ref, nil, fmt.Errorf("%s: no such playbook file (built-ins are %s)", ref, strings.Join(BuiltinNames(), ", "))
		}
		return ref, nil, fmt.Errorf("read playbook %w", err)
	}
	return ref, data, nil
}

func finish(p *Playbook, name string, depth int, chain []string) (*Playbook, error) {
	if p.Extends != "" {
		baseRef := p.Extends
		if !strings.HasPrefix(baseRef, BuiltinPrefix) && !filepath.IsAbs(baseRef) && !strings.HasPrefix(name, BuiltinPrefix) {
			baseRef = filepath.Join(filepath.Dir(name), baseRef)
		}
		base, err := load(baseRef, depth+1, chain)
		if err != nil {
			return nil, fmt.Errorf("%s: extends %s: %w", name, p.Extends, err)
		}
		p = merge(base, p)
	}
	if err := Validate(p); err != nil {
		return nil, err
	}
	return p, nil
}

// parseOne decodes one file strictly and records where items are defined.
func parseOne(name string, data []byte) (*Playbook, error) {
	doc, err := yamlfile.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, &yamlfile.Error{File: name, Line: 1, Column: 1, Msg: "empty playbook: start with `playbook: 1` and an `id:`"}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &yamlfile.Error{File: name, Line: root.Line, Column: root.Column, Msg: "a playbook is a mapping with keys such as playbook, id, rules"}
	}
	var p Playbook
	if err := yamlfile.DecodeNode(name, doc, &p); err != nil {
		return nil, err
	}
	p.Source = name
	if v := valueOf(root, "playbook"); v == nil {
		return nil, &yamlfile.Error{File: name, Line: root.Line, Column: root.Column, Msg: "missing `playbook: 1` (the schema version)"}
	} else if p.Version != SchemaVersion {
		return nil, &yamlfile.Error{File: name, Line: v.Line, Column: v.Column, Msg: fmt.Sprintf("schema version %d is not supported; this build reads `playbook: %d`", p.Version, SchemaVersion)}
	}
	attach(&p, name, root)
	return &p, nil
}

// attach records the YAML node of every item so that validation can point
// at the exact line and column.
func attach(p *Playbook, file string, root *yaml.Node) {
	each := func(key string, f func(i int, n *yaml.Node)) {
		if seq := valueOf(root, key); seq != nil && seq.Kind == yaml.SequenceNode {
			for i, n := range seq.Content {
				f(i, n)
			}
		}
	}
	each("principles", func(i int, n *yaml.Node) { p.Principles[i].pos = pos{file, n} })
	each("facts", func(i int, n *yaml.Node) { p.Facts[i].pos = pos{file, n} })
	each("rules", func(i int, n *yaml.Node) { p.Rules[i].pos = pos{file, n} })
	each("channels", func(i int, n *yaml.Node) { p.Channels[i].pos = pos{file, n} })
	each("scenarios", func(i int, n *yaml.Node) { p.Scenarios[i].pos = pos{file, n} })
	p.lexiconPos = map[string]pos{}
	if lex := valueOf(root, "lexicon"); lex != nil && lex.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(lex.Content); i += 2 {
			p.lexiconPos[lex.Content[i].Value] = pos{file, lex.Content[i+1]}
		}
	}
	attachListen(p.Listen, file, valueOf(root, "listen"))
	p.rootPos = pos{file, root}
}

// valueOf returns the value node of key in a mapping node, or nil.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// merge lays child over base: items with the same id replace the base's in
// place, new ones are appended, lexicon terms are added to the base's groups.
func merge(base, child *Playbook) *Playbook {
	out := *base
	out.Version = child.Version
	out.Extends = child.Extends
	out.Source = child.Source
	out.rootPos = child.rootPos
	for _, s := range []struct {
		dst *string
		v   string
	}{
		{&out.ID, child.ID}, {&out.Title, child.Title}, {&out.Lang, child.Lang},
		{&out.Description, child.Description}, {&out.Cadence, child.Cadence}, {&out.Region, child.Region}, {&out.Timezone, child.Timezone},
	} {
		if s.v != "" {
			*s.dst = s.v
		}
	}
	if child.Drill != nil {
		d := DrillTargets{}
		if base.Drill != nil {
			d = *base.Drill
		}
		for _, s := range []struct {
			dst *string
			v   string
		}{{&d.FirstMessage, child.Drill.FirstMessage}, {&d.LandingPage, child.Drill.LandingPage}, {&d.Update, child.Drill.Update}} {
			if s.v != "" {
				*s.dst = s.v
			}
		}
		out.Drill = &d
	}
	if child.Model != nil {
		out.Model = child.Model
	}
	if child.Weighing != nil {
		out.Weighing = child.Weighing
	}
	out.Principles = mergeByID(base.Principles, child.Principles, func(x Principle) string { return x.ID })
	out.Facts = mergeByID(base.Facts, child.Facts, func(x Fact) string { return x.ID })
	out.Channels = mergeByID(base.Channels, child.Channels, func(x Channel) string { return x.ID })
	out.Scenarios = mergeByID(base.Scenarios, child.Scenarios, func(x Scenario) string { return x.ID })
	// A rule override that only says `disabled: true` keeps the base rule.
	rules := append([]Rule(nil), child.Rules...)
	for i, r := range rules {
		if r.Disabled && r.Kind() == "" {
			if b := base.Rule(r.ID); b != nil {
				keep := r.pos
				rules[i] = *b
				rules[i].Disabled = true
				rules[i].pos = keep
			}
		}
	}
	out.Rules = mergeByID(base.Rules, rules, func(x Rule) string { return x.ID })

	out.Lexicon = Lexicon{}
	out.lexiconPos = map[string]pos{}
	mergeLexicon(out.Lexicon, out.lexiconPos, base.Lexicon, base.lexiconPos)
	mergeLexicon(out.Lexicon, out.lexiconPos, child.Lexicon, child.lexiconPos)
	if child.Listen != nil {
		out.lazy = nil
		out.Listen = mergeListen(base.ListenSection(), child.Listen)
	}
	return &out
}

func mergeByID[T any](base, child []T, id func(T) string) []T {
	out := append([]T(nil), base...)
	idx := map[string]int{}
	for i, x := range out {
		idx[id(x)] = i
	}
	for _, x := range child {
		if i, ok := idx[id(x)]; ok {
			out[i] = x
			continue
		}
		idx[id(x)] = len(out)
		out = append(out, x)
	}
	return out
}
