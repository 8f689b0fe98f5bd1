package templates

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/Masterminds/sprig/v3"
)

// deniedFuncs are sprig helpers that templates cannot use, with the reason.
// A message must not depend on the machine it is rendered on, on chance, or
// on secrets, and a template must not be able to build values that crash
// the printer (see the mutation entries).
var deniedFuncs = map[string]string{
	"env":       "reads the environment",
	"expandenv": "reads the environment",

	"getHostByName": "uses the network",

	"osBase":  "depends on the operating system",
	"osClean": "depends on the operating system",
	"osDir":   "depends on the operating system",
	"osExt":   "depends on the operating system",
	"osIsAbs": "depends on the operating system",

	"randAlpha":    "random",
	"randAlphaNum": "random",
	"randAscii":    "random",
	"randNumeric":  "random",
	"randBytes":    "random",
	"randInt":      "random",
	"uuidv4":       "random",
	"shuffle":      "random",

	"genPrivateKey":            "key material",
	"derivePassword":           "secret",
	"buildCustomCert":          "key material",
	"genCA":                    "key material",
	"genCAWithKey":             "key material",
	"genSelfSignedCert":        "key material",
	"genSelfSignedCertWithKey": "key material",
	"genSignedCert":            "key material",
	"genSignedCertWithKey":     "key material",
	"encryptAES":               "secret",
	"decryptAES":               "secret",
	"bcrypt":                   "secret, random salt",
	"htpasswd":                 "secret, random salt",

	// Mutating a dict in place is the only way a template can make a value
	// that contains itself or is nested arbitrarily deep; printing such a
	// value overflows the stack, which no recover can catch.
	"set":                "mutates data",
	"unset":              "mutates data",
	"merge":              "mutates data",
	"mergeOverwrite":     "mutates data",
	"mustMerge":          "mutates data",
	"mustMergeOverwrite": "mutates data",
}

// clockFuncs are sprig's time helpers that read the wall clock or the
// machine's time zone; they are replaced per rendering by versions that use
// Options.Now and the zone of the time they are given.
var clockFuncs = []string{
	"now", "date", "dateInZone", "date_in_zone", "htmlDate", "htmlDateInZone",
	"ago", "durationRound", "toDate", "mustToDate",
}

// staticFuncs is the hardened function map shared by all renderings,
// built on first use: commands that render nothing do not pay for it.
var staticFuncs = sync.OnceValue(buildStaticFuncs)

// sprigFuncs is sprig's unmodified map, for the bounded wrappers.
var sprigFuncs = sync.OnceValue(sprig.TxtFuncMap)

func buildStaticFuncs() template.FuncMap {
	m := sprig.TxtFuncMap()
	for name := range deniedFuncs {
		delete(m, name)
	}
	for _, name := range clockFuncs {
		delete(m, name)
	}
	for name, fn := range boundedFuncs() {
		m[name] = fn
	}
	for name, fn := range crisisFuncs {
		m[name] = fn
	}
	for name, fn := range m {
		m[name] = guard(name, fn)
	}
	return m
}

// guard wraps fn so that it refuses arguments larger than MaxValue (counting
// nested lists and dicts) and string results larger than MaxValue. Sizes are
// checked before the call where the result can only be a small multiple of
// the arguments; the functions that multiply (repeat, indent, replace, …)
// check their own result size before doing the work.
//
// The wrapper signals with a panic because it must keep fn's type;
// text/template turns a panicking function call into an error.
func guard(name string, fn any) any {
	v := reflect.ValueOf(fn)
	t := v.Type()
	if t.NumIn() == 0 {
		return fn
	}
	return reflect.MakeFunc(t, func(args []reflect.Value) []reflect.Value {
		budget := MaxValue
		for _, a := range args {
			if err := measure(a, &budget, 0); err != nil {
				panic(fmt.Errorf("%w: %s: %v", ErrLimit, name, err))
			}
		}
		var out []reflect.Value
		if t.IsVariadic() {
			out = v.CallSlice(args)
		} else {
			out = v.Call(args)
		}
		if len(out) > 0 && out[0].Kind() == reflect.String && out[0].Len() > MaxValue {
			panic(fmt.Errorf("%w: %s: result is larger than %d bytes", ErrLimit, name, MaxValue))
		}
		return out
	}).Interface()
}

// maxDepth is how deeply lists and dicts may nest in a helper's argument.
const maxDepth = 32

// measure subtracts the approximate size of v from budget and fails when it
// runs out or v nests too deeply. It stops early, so it costs at most
// O(MaxValue) steps whatever v is.
func measure(v reflect.Value, budget *int, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("value nested more than %d levels deep", maxDepth)
	}
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			return measure(v.Elem(), budget, depth)
		}
		*budget--
	case reflect.Pointer:
		if !v.IsNil() {
			return measure(v.Elem(), budget, depth+1)
		}
		*budget--
	case reflect.String:
		*budget -= v.Len()
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			*budget -= v.Len()
			break
		}
		*budget -= 8 * v.Len()
		for i := 0; i < v.Len() && *budget >= 0; i++ {
			if err := measure(v.Index(i), budget, depth+1); err != nil {
				return err
			}
		}
	case reflect.Map:
		*budget -= 16 * v.Len()
		for it := v.MapRange(); *budget >= 0 && it.Next(); {
			if err := measure(it.Key(), budget, depth+1); err != nil {
				return err
			}
			if err := measure(it.Value(), budget, depth+1); err != nil {
				return err
			}
		}
	default:
		*budget -= 8
	}
	if *budget < 0 {
		return fmt.Errorf("arguments larger than %d bytes", MaxValue)
	}
	return nil
}

// errTooLarge reports a result that would exceed MaxValue.
func errTooLarge(name string, size int) error {
	return fmt.Errorf("%w: %s would produce %d bytes, more than %d", ErrLimit, name, size, MaxValue)
}

// errTooMany reports a list that would exceed MaxItems.
func errTooMany(name string) error {
	return fmt.Errorf("%w: %s would produce more than %d items", ErrLimit, name, MaxItems)
}

// mulFits reports whether a*b+c stays within MaxValue, without overflow.
func mulFits(a, b, c int) bool {
	if a < 0 || b < 0 || c < 0 || c > MaxValue {
		return false
	}
	if a == 0 || b == 0 {
		return true
	}
	return a <= (MaxValue-c)/b
}

// boundedFuncs replaces the sprig and text/template helpers whose result can
// be much larger than their arguments, or whose work can be much longer.
func boundedFuncs() template.FuncMap {
	mustUniq := sprigFuncs()["mustUniq"].(func(any) ([]any, error))
	sprigIndent := sprigFuncs()["indent"].(func(int, string) string)
	sprigWrapWith := sprigFuncs()["wrapWith"].(func(int, string, string) string)

	return template.FuncMap{
		"repeat": func(count int, s string) (string, error) {
			if !mulFits(count, len(s), 0) {
				return "", errTooLarge("repeat", count*len(s))
			}
			return strings.Repeat(s, count), nil
		},
		"indent": func(n int, s string) (string, error) {
			if !mulFits(n, strings.Count(s, "\n")+1, len(s)) {
				return "", errTooLarge("indent", n)
			}
			return sprigIndent(n, s), nil
		},
		"nindent": func(n int, s string) (string, error) {
			if !mulFits(n, strings.Count(s, "\n")+1, len(s)+1) {
				return "", errTooLarge("nindent", n)
			}
			return "\n" + sprigIndent(n, s), nil
		},
		"replace": func(old, repl, src string) (string, error) {
			n := strings.Count(src, old) // for "" this is the rune count + 1
			if !mulFits(n, len(repl), len(src)) {
				return "", errTooLarge("replace", n*len(repl))
			}
			return strings.ReplaceAll(src, old, repl), nil
		},
		"wrapWith": func(l int, sep, s string) (string, error) {
			if l < 1 {
				l = 1
			}
			if !mulFits(len(s)/l+1, len(sep), len(s)) {
				return "", errTooLarge("wrapWith", len(s)/l*len(sep))
			}
			return sprigWrapWith(l, sep, s), nil
		},
		"join": func(sep string, v any) (string, error) {
			n := 0
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
				n = rv.Len()
			}
			if !mulFits(n, len(sep), 0) {
				return "", errTooLarge("join", n*len(sep))
			}
			return sprigFuncs()["join"].(func(string, any) string)(sep, v), nil
		},
		"until": func(n int) ([]int, error) {
			step := 1
			if n < 0 {
				step = -1
			}
			return untilStep("until", 0, n, step)
		},
		"untilStep": func(start, stop, step int) ([]int, error) {
			return untilStep("untilStep", start, stop, step)
		},
		"seq": seq,
		"split": func(sep, s string) (map[string]string, error) {
			parts := strings.SplitN(s, sep, MaxItems+1)
			if len(parts) > MaxItems {
				return nil, errTooMany("split")
			}
			res := make(map[string]string, len(parts))
			for i, p := range parts {
				res["_"+strconv.Itoa(i)] = p
			}
			return res, nil
		},
		"splitn": func(sep string, n int, s string) (map[string]string, error) {
			parts := strings.SplitN(s, sep, min(n, MaxItems+1))
			if len(parts) > MaxItems {
				return nil, errTooMany("splitn")
			}
			res := make(map[string]string, len(parts))
			for i, p := range parts {
				res["_"+strconv.Itoa(i)] = p
			}
			return res, nil
		},
		"splitList": func(sep, s string) ([]string, error) {
			parts := strings.SplitN(s, sep, MaxItems+1)
			if len(parts) > MaxItems {
				return nil, errTooMany("splitList")
			}
			return parts, nil
		},
		"regexFindAll":     boundedRegexList("regexFindAll", sprigFuncs()["mustRegexFindAll"].(func(string, string, int) ([]string, error))),
		"mustRegexFindAll": boundedRegexList("mustRegexFindAll", sprigFuncs()["mustRegexFindAll"].(func(string, string, int) ([]string, error))),
		"regexSplit":       boundedRegexList("regexSplit", sprigFuncs()["mustRegexSplit"].(func(string, string, int) ([]string, error))),
		"mustRegexSplit":   boundedRegexList("mustRegexSplit", sprigFuncs()["mustRegexSplit"].(func(string, string, int) ([]string, error))),

		"regexReplaceAll":            boundedRegexReplace("regexReplaceAll", true, sprigFuncs()["mustRegexReplaceAll"].(func(string, string, string) (string, error))),
		"mustRegexReplaceAll":        boundedRegexReplace("mustRegexReplaceAll", true, sprigFuncs()["mustRegexReplaceAll"].(func(string, string, string) (string, error))),
		"regexReplaceAllLiteral":     boundedRegexReplace("regexReplaceAllLiteral", false, sprigFuncs()["mustRegexReplaceAllLiteral"].(func(string, string, string) (string, error))),
		"mustRegexReplaceAllLiteral": boundedRegexReplace("mustRegexReplaceAllLiteral", false, sprigFuncs()["mustRegexReplaceAllLiteral"].(func(string, string, string) (string, error))),

		// uniq compares every pair of elements.
		"uniq": func(list any) ([]any, error) {
			if listLen(list) > maxUniq {
				return nil, fmt.Errorf("%w: uniq takes at most %d items", ErrLimit, maxUniq)
			}
			return mustUniq(list)
		},
		"mustUniq": func(list any) ([]any, error) {
			if listLen(list) > maxUniq {
				return nil, fmt.Errorf("%w: mustUniq takes at most %d items", ErrLimit, maxUniq)
			}
			return mustUniq(list)
		},
		// sprig sorts a []string in place, which would reorder the caller's data.
		"sortAlpha": func(list any) []string {
			if s, ok := list.([]string); ok {
				list = append([]string(nil), s...)
			}
			return sprigFuncs()["sortAlpha"].(func(any) []string)(list)
		},

		// text/template's own formatting builtins, bounded like the rest.
		"print":   fmt.Sprint,
		"println": fmt.Sprintln,
		"printf": func(format string, args ...any) (string, error) {
			if w := formatWidths(format); w > MaxValue {
				return "", errTooLarge("printf", w)
			}
			return fmt.Sprintf(format, args...), nil
		},
		"html":     template.HTMLEscaper,
		"js":       template.JSEscaper,
		"urlquery": template.URLQueryEscaper,
	}
}

const maxUniq = 1000

func listLen(v any) int {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		return rv.Len()
	}
	return 0
}

// formatWidths over-estimates the padding a printf format asks for: every
// run of digits could be a width or precision, every * takes fmt's maximum.
func formatWidths(format string) int {
	total, run := 0, 0
	for i := 0; i <= len(format); i++ {
		if i < len(format) && format[i] >= '0' && format[i] <= '9' {
			run = min(run*10+int(format[i]-'0'), 10*MaxValue)
			continue
		}
		total += run
		run = 0
		if i < len(format) && format[i] == '*' {
			total += 1_000_000 // fmt's largest width
		}
		if total > MaxValue {
			return total
		}
	}
	return total
}

func boundedRegexList(name string, fn func(string, string, int) ([]string, error)) func(string, string, int) ([]string, error) {
	return func(re, s string, n int) ([]string, error) {
		if n < 0 || n > MaxItems {
			n = MaxItems + 1
		}
		res, err := fn(re, s, n)
		if err != nil {
			return nil, err
		}
		if len(res) > MaxItems {
			return nil, errTooMany(name)
		}
		return res, nil
	}
}

// boundedRegexReplace checks the worst case before replacing: every
// position of s may match, and every $ reference may expand to all of s.
func boundedRegexReplace(name string, expand bool, fn func(string, string, string) (string, error)) func(string, string, string) (string, error) {
	return func(re, s, repl string) (string, error) {
		extra := 0
		if expand {
			extra = strings.Count(repl, "$")
		}
		if !mulFits(len(s)+1, len(repl), 0) || !mulFits(extra+1, len(s), (len(s)+1)*len(repl)) {
			return "", errTooLarge(name, (len(s)+1)*len(repl))
		}
		return fn(re, s, repl)
	}
}

// untilStep is sprig's untilStep with a bound on the count, and without its
// integer overflow near the ends of the int range (which loops forever).
func untilStep(name string, start, stop, step int) ([]int, error) {
	var n uint64
	switch {
	case step > 0 && stop > start:
		d := uint64(stop) - uint64(start)
		n = d / uint64(step)
		if d%uint64(step) != 0 {
			n++
		}
	case step < 0 && stop < start:
		d := uint64(start) - uint64(stop)
		s := uint64(-(step + 1)) + 1 // -step without overflow for MinInt
		n = d / s
		if d%s != 0 {
			n++
		}
	}
	if n > MaxItems {
		return nil, errTooMany(name)
	}
	v := make([]int, n)
	for i := range v {
		v[i] = start + i*step
	}
	return v, nil
}

// seq is sprig's seq (like the Unix command) with a bound on the count.
func seq(params ...int) (string, error) {
	var start, end, step int
	switch len(params) {
	case 1:
		start, end, step = 1, params[0], 1
		if end < start {
			step = -1
		}
	case 2:
		start, end, step = params[0], params[1], 1
		if end < start {
			step = -1
		}
	case 3:
		start, step, end = params[0], params[1], params[2]
		if end < start && step > 0 || end > start && step < 0 {
			return "", nil
		}
	default:
		return "", nil
	}
	if step == 0 {
		return "", nil
	}
	// The inclusive end as an exclusive stop, without overflow: stop one
	// step beyond the last element that is ≤ end (or ≥ end going down).
	var v []int
	var err error
	switch {
	case start == end:
		v = []int{start}
	case step > 0:
		v, err = untilStep("seq", start, end, step)
		if err == nil && (end-start)%step == 0 {
			v = append(v, end)
		}
	default:
		v, err = untilStep("seq", start, end, step)
		if err == nil && (start-end)%(-step) == 0 {
			v = append(v, end)
		}
	}
	if err != nil {
		return "", err
	}
	if len(v) > MaxItems {
		return "", errTooMany("seq")
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, " "), nil
}

// crisisFuncs are the helpers for writing crisis messages that need no
// per-rendering state.
var crisisFuncs = template.FuncMap{
	"required": required,
	"sentence": sentence,
	"oneline":  func(s string) string { return strings.Join(strings.Fields(s), " ") },
	"phone":    strings.TrimSpace,
	"gsm":      gsm,
	"upto":     upto,
	"clip":     clip,
}

// clip returns prefix and s in at most n characters, for a subject line:
// s whole when it fits, else its longest leading clause that fits (up to a
// dash, colon, semicolon or comma), else its words that fit and "…".
func clip(n int, prefix, s string) string {
	s = strings.Join(strings.Fields(s), " ")
	budget := n - utf8.RuneCountInString(prefix)
	if utf8.RuneCountInString(s) <= budget {
		return prefix + s
	}
	best := ""
	for _, sep := range []string{" – ", " — ", " - ", ": ", "; ", ", "} {
		for i := 0; ; {
			j := strings.Index(s[i:], sep)
			if j < 0 {
				break
			}
			cand := s[:i+j]
			if utf8.RuneCountInString(cand) <= budget && len(cand) > len(best) {
				best = cand
			}
			i += j + len(sep)
		}
	}
	if best != "" && utf8.RuneCountInString(best) >= budget/3 {
		return prefix + best
	}
	r := []rune(s)
	if budget < 2 {
		return prefix
	}
	cut := string(r[:budget-1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return prefix + strings.TrimRight(cut, " ,;:–-") + "…"
}

// upto returns s when it has at most n characters, else "": short channels
// take an optional fact only when it fits, and leave the rest to the link
// ({{ with upto 110 .help }} {{ . }}{{ end }}).
func upto(n int, s string) string {
	if utf8.RuneCountInString(s) > n {
		return ""
	}
	return s
}

// required returns v, or an error naming the field when v is empty, so that
// a template stops with a clear message instead of leaving a gap.
func required(field string, v any) (any, error) {
	empty := false
	switch x := v.(type) {
	case nil:
		empty = true
	case string:
		empty = strings.TrimSpace(x) == ""
	default:
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Slice, reflect.Map, reflect.Array:
			empty = rv.Len() == 0
		}
	}
	if empty {
		return nil, fmt.Errorf("%q is required but empty: fill it in the facts", field)
	}
	return v, nil
}

// sentence trims s and ends it with a full stop unless it already ends with
// sentence punctuation (possibly inside closing quotes or brackets).
func sentence(v any) string {
	s := strings.TrimSpace(fmt.Sprint(v))
	if v == nil || s == "" {
		return ""
	}
	core := strings.TrimRight(s, "\"')]»«“”‘’")
	if core == "" {
		return s
	}
	r, _ := utf8.DecodeLastRuneInString(core)
	switch r {
	case '.', '!', '?', '…', ':':
		return s
	}
	return s + "."
}

// gsmReplacer maps typographic characters outside the GSM 03.38 alphabet to
// their plain equivalents; one of them would switch an SMS to UCS-2 and more
// than double its segment count.
var gsmReplacer = strings.NewReplacer(
	"„", `"`, "“", `"`, "”", `"`, "«", `"`, "»", `"`,
	"‚", "'", "‘", "'", "’", "'", "‹", "'", "›", "'",
	"–", "-", "—", "-", "‑", "-", "−", "-",
	"…", "...",
	"\u00a0", " ", "\u202f", " ", "\u2009", " ",
)

func gsm(s string) string { return gsmReplacer.Replace(s) }

// funcs returns the time helpers bound to st's clock and language.
func (st *state) funcs() template.FuncMap {
	sprigDurationRound := sprigFuncs()["durationRound"].(func(any) string)
	m := template.FuncMap{
		"now": func() time.Time { return st.now },
		"date": func(layout string, d any) (string, error) {
			t, err := st.toTime("date", d)
			return t.Format(layout), err
		},
		"dateInZone": st.dateInZone,
		// sprig's old spelling.
		"date_in_zone": st.dateInZone,
		"htmlDate": func(d any) (string, error) {
			t, err := st.toTime("htmlDate", d)
			return t.Format("2006-01-02"), err
		},
		"htmlDateInZone": func(d any, zone string) (string, error) {
			return st.dateInZone("2006-01-02", d, zone)
		},
		"ago": func(d any) (string, error) {
			t, err := st.toTime("ago", d)
			if err != nil {
				return "", err
			}
			return st.now.Sub(t).Round(time.Second).String(), nil
		},
		"durationRound": func(d any) string {
			if t, ok := d.(time.Time); ok {
				d = int64(st.now.Sub(t))
			}
			return sprigDurationRound(d)
		},
		"toDate": func(layout, s string) time.Time {
			t, _ := time.ParseInLocation(layout, s, st.now.Location())
			return t
		},
		"mustToDate": func(layout, s string) (time.Time, error) {
			return time.ParseInLocation(layout, s, st.now.Location())
		},
		"time": func(v any) (string, error) {
			t, err := st.toTime("time", v)
			if err != nil {
				return "", err
			}
			return formatClock(t, st.lang), nil
		},
		"day": func(v any) (string, error) {
			t, err := st.toTime("day", v)
			if err != nil {
				return "", err
			}
			return formatDay(t, st.now, st.lang), nil
		},
		"at": func(v any) (string, error) {
			t, err := st.toTime("at", v)
			if err != nil {
				return "", err
			}
			return formatAt(t, st.now, st.lang), nil
		},
		"when": func(v any) (string, error) {
			t, err := st.toTime("when", v)
			if err != nil {
				return "", err
			}
			return formatWhen(t, st.now, st.lang), nil
		},
	}
	for name, fn := range m {
		m[name] = guard(name, fn)
	}
	m[tickName] = st.tick
	return m
}

func (st *state) dateInZone(layout string, d any, zone string) (string, error) {
	t, err := st.toTime("dateInZone", d)
	if err != nil {
		return "", err
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return "", err
	}
	return t.In(loc).Format(layout), nil
}

// toTime accepts what sprig's date helpers accept, plus RFC 3339 strings
// (the form of every time in facts.yaml). Unlike sprig it fails on anything
// else instead of silently using the wall clock.
func (st *state) toTime(fn string, v any) (time.Time, error) {
	switch v := v.(type) {
	case time.Time:
		return v, nil
	case *time.Time:
		if v != nil {
			return *v, nil
		}
	case int:
		return time.Unix(int64(v), 0).In(st.now.Location()), nil
	case int32:
		return time.Unix(int64(v), 0).In(st.now.Location()), nil
	case int64:
		return time.Unix(v, 0).In(st.now.Location()), nil
	case string:
		if strings.TrimSpace(v) == "" {
			return time.Time{}, fmt.Errorf("%s: the time is empty", fn)
		}
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(v))
		if err != nil {
			return time.Time{}, fmt.Errorf("%s: %q is not an RFC 3339 time such as 2026-11-23T15:00:00+01:00", fn, v)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%s: cannot use %T as a time", fn, v)
}

// DeniedFuncs lists the sprig functions that templates cannot use, sorted.
func DeniedFuncs() []string {
	names := make([]string, 0, len(deniedFuncs))
	for name := range deniedFuncs {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
