// Package yamlfile decodes YAML documents strictly: unknown fields, duplicate
// keys and wrong types are errors that carry the file name and line:column,
// and hostile documents (alias bombs, deep nesting, huge inputs) are refused
// before any expansion happens.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits that keep a hostile document from exhausting memory or time.
const (
	MaxBytes = 64 << 20 // largest document accepted (readers cap each kind of file lower)
	MaxDepth = 64       // deepest nesting of mappings and sequences
	MaxNodes = 200_000  // nodes visited, aliases counted each time they are used
	// The text of all scalars, aliases counted each time they are used, may
	// come to ExpandFactor times the document plus ExpandSlack bytes: one
	// large anchored scalar aliased many times stays under MaxNodes but
	// would cost minutes and gigabytes to decode and use.
	ExpandFactor = 4
	ExpandSlack  = 1 << 20
)

// Error is a decoding problem at a position in a file.
type Error struct {
	File   string
	Line   int // 1-based; 0 when unknown
	Column int // 1-based; 0 when unknown
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	default:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
}

// Parse reads data into a document node, refusing binary, oversized, deeply
// nested or alias-heavy input. An empty document yields a nil node.
func Parse(file string, data []byte) (*yaml.Node, error) {
	if len(data) > MaxBytes {
		return nil, &Error{File: file, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", len(data), MaxBytes)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := position(data, i)
		return nil, &Error{File: file, Line: line, Column: col, Msg: "binary data (NUL byte): this is not a YAML text file"}
	}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		line, col := position(data, i)
		return nil, &Error{File: file, Line: line, Column: col, Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(file, data, err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, nil
	}
	w := walker{file: file, maxText: ExpandFactor*len(data) + ExpandSlack}
	if err := w.check(&doc, 0); err != nil {
		return nil, err
	}
	return &doc, nil
}

// Decode parses data and decodes it into out, which must be a pointer to a
// struct. Unknown fields are errors naming the field and its position.
func Decode(file string, data []byte, out any) error {
	doc, err := Parse(file, data)
	if err != nil {
		return err
	}
	if doc == nil {
		return &Error{File: file, Line: 1, Column: 1, Msg: "empty document"}
	}
	return DecodeNode(file, doc, out)
}

// DecodeNode decodes an already parsed node strictly into out.
func DecodeNode(file string, n *yaml.Node, out any) error {
	if err := checkFields(file, n, reflect.TypeOf(out)); err != nil {
		return err
	}
	if err := n.Decode(out); err != nil {
		return typeError(file, n, err)
	}
	return nil
}

type walker struct {
	file          string
	nodes         int
	text, maxText int
}

func (w *walker) check(n *yaml.Node, depth int) error {
	w.nodes++
	if w.nodes > MaxNodes {
		return &Error{File: w.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf("document expands to more than %d nodes (alias bomb?)", MaxNodes)}
	}
	w.text += len(n.Value)
	if w.text > w.maxText {
		return &Error{File: w.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf("document expands to more than %d bytes of text through aliases (alias bomb?); repeat the text instead of aliasing it", w.maxText)}
	}
	if depth > MaxDepth {
		return &Error{File: w.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf("nested deeper than %d levels", MaxDepth)}
	}
	if n.Kind == yaml.AliasNode {
		return w.check(n.Alias, depth+1)
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]*yaml.Node{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode {
				if prev, ok := seen[k.Value]; ok {
					return &Error{File: w.file, Line: k.Line, Column: k.Column, Msg: fmt.Sprintf("key %q is already defined at line %d", k.Value, prev.Line)}
				}
				seen[k.Value] = k
			}
		}
	}
	for _, c := range n.Content {
		if err := w.check(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// checkFields walks the node against the Go type and reports the first
// mapping key that has no field, with the key's exact position.
func checkFields(file string, n *yaml.Node, t reflect.Type) error {
	for t != nil && (t.Kind() == reflect.Pointer) {
		t = t.Elem()
	}
	if n == nil || t == nil {
		return nil
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return checkFields(file, n.Content[0], t)
		}
	case yaml.AliasNode:
		return checkFields(file, n.Alias, t)
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for _, c := range n.Content {
				if err := checkFields(file, c, t.Elem()); err != nil {
					return err
				}
			}
		}
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Map:
			for i := 1; i < len(n.Content); i += 2 {
				if err := checkFields(file, n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		case reflect.Struct:
			if reflect.PointerTo(t).Implements(unmarshalerType) {
				return nil
			}
			fields, inline := structFields(t)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				ft, ok := fields[k.Value]
				if !ok {
					if inline != nil {
						if err := checkFields(file, v, inline.Elem()); err != nil {
							return err
						}
						continue
					}
					return &Error{File: file, Line: k.Line, Column: k.Column,
						Msg: fmt.Sprintf("unknown field %q%s", k.Value, suggest(k.Value, fields))}
				}
				if err := checkFields(file, v, ft); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

// structFields maps YAML keys to field types, following yaml's ",inline".
// It returns the type of an inline map, if any, which absorbs unknown keys.
func structFields(t reflect.Type) (map[string]reflect.Type, reflect.Type) {
	fields := map[string]reflect.Type{}
	var inlineMap reflect.Type
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(opts, "inline") {
			if f.Type.Kind() == reflect.Map {
				inlineMap = f.Type
				continue
			}
			sub, m := structFields(f.Type)
			for k, v := range sub {
				fields[k] = v
			}
			if m != nil {
				inlineMap = m
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
	}
	return fields, inlineMap
}

func suggest(key string, fields map[string]reflect.Type) string {
	best, bestD := "", 3
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	for _, k := range names {
		if d := distance(key, k); d < bestD || (d == bestD && best != "" && k < best) {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

var lineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+)(?:, column (\d+))?: (.*)$`) })

func syntaxError(file string, data []byte, err error) error {
	msg := err.Error()
	if m := lineRe().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		if col == 0 {
			col = 1
		}
		return &Error{File: file, Line: line, Column: col, Msg: "invalid YAML: " + m[3]}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return &Error{File: file, Line: 1, Column: 1, Msg: "invalid YAML: " + msg}
}

var typeLineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^line (\d+): (.*)$`) })

// typeError turns yaml's "line N: cannot unmarshal …" into a positioned error.
func typeError(file string, root *yaml.Node, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		m := typeLineRe().FindStringSubmatch(te.Errors[0])
		if m != nil {
			line, _ := strconv.Atoi(m[1])
			return &Error{File: file, Line: line, Column: columnAt(root, line), Msg: friendlyType(m[2])}
		}
		return &Error{File: file, Msg: te.Errors[0]}
	}
	return &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
}

var unmarshalRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^cannot unmarshal !!(\w+) (?:` + "`" + `(.*)` + "`" + ` )?into (.*)$`)
})

func friendlyType(msg string) string {
	m := unmarshalRe().FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	want := m[3]
	switch {
	case strings.HasPrefix(want, "[]"):
		want = "a list"
	case strings.HasPrefix(want, "map["):
		want = "a mapping"
	case want == "string":
		want = "a text"
	case strings.HasPrefix(want, "int") || strings.HasPrefix(want, "float"):
		want = "a number"
	case want == "bool":
		want = "true or false"
	default:
		if i := strings.LastIndexByte(want, '.'); i >= 0 {
			want = "a " + strings.ToLower(want[i+1:]) + " (mapping)"
		}
	}
	got := map[string]string{"str": "a text", "seq": "a list", "map": "a mapping", "int": "a number", "float": "a number", "bool": "true/false", "null": "nothing"}[m[1]]
	if got == "" {
		got = m[1]
	}
	if m[2] != "" {
		got += fmt.Sprintf(" (%q)", m[2])
	}
	return fmt.Sprintf("wrong type: expected %s, found %s", want, got)
}

func columnAt(n *yaml.Node, line int) int {
	best := 0
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Line == line && n.Kind != yaml.DocumentNode && (best == 0 || n.Column > best) {
			best = n.Column
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	if best == 0 {
		best = 1
	}
	return best
}

func position(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col = 1 + utf8.RuneCount(data[start:off])
	return line, col
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// ValuePos returns the line and column of key's value in the top-level
// mapping of doc (a document node as Parse returns it), 0, 0 when it is
// not there.
func ValuePos(doc *yaml.Node, key string) (line, col int) {
	if doc == nil || len(doc.Content) == 0 {
		return 0, 0
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1].Line, m.Content[i+1].Column
		}
	}
	return 0, 0
}
