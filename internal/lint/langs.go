package lint

import (
	"slices"
	"strings"
)

// NormalizeLang turns a language tag as people write it into the form
// playbooks use: lower case, without region or script ("DE", "de-AT" and
// "de_CH" are "de"; "en_GB" is "en").
func NormalizeLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}

// Langs returns the languages the engine can judge, sorted: those its
// playbook has lexicon terms for, and the playbook's own language.
func (e *Engine) Langs() []string {
	var out []string
	for l := range e.matchers {
		out = append(out, l)
	}
	if e.pb.Lang != "" && !slices.Contains(out, e.pb.Lang) {
		out = append(out, e.pb.Lang)
	}
	slices.Sort(out)
	return out
}

// Judges reports whether the engine can judge text in lang (normalised).
func (e *Engine) Judges(lang string) bool {
	if _, ok := e.matchers[lang]; ok {
		return true
	}
	return lang != "" && lang == e.pb.Lang
}
