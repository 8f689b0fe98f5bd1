package lint

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"

	"github.com/crisis-comms/crisis/internal/yamlfile"
	"github.com/crisis-comms/crisis/playbook"
)

var fuzzSeeds = []string{
	"---\nchannel: sms\nlang: de\n---\nNur heute 20 % Rabatt! Wir sind überfordert.\n",
	"---\nchannel: [\n---\nx",
	"---\r\nlang: en\r\n---\r\nWe are overwhelmed.\r\n",
	"\uFEFFHallo „Welt“ `code` <b>html</b> [Link](https://x.example/rabatt) > quote\n",
	"```\nRabatt\n```\n<!-- crisis-ignore helpful.sales: test -->\nRabatt\n",
	"# crisis-ignore\nRabatt",
	"",
	"!!!!!!!!",
	"a.b.c. 23. November z. B. 9:40 Uhr",
}

// FuzzParse checks the text model: no panic, and the masked views keep the
// raw text's byte offsets.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		d, err := Parse("f.md", data, markdown)
		if err != nil {
			return
		}
		if len(d.voice) != len(d.Raw) || len(d.plainText) != len(d.Raw) {
			t.Fatalf("views changed length: raw %d voice %d plain %d", len(d.Raw), len(d.voice), len(d.plainText))
		}
		if d.Body < 0 || d.Body > len(d.Raw) {
			t.Fatalf("body offset %d out of range", d.Body)
		}
	})
}

// FuzzLint checks the engine on arbitrary text: every finding points into
// the file, on rune boundaries, and its match is the text at its offsets.
func FuzzLint(f *testing.F) {
	e := testEngine(f)
	for _, s := range fuzzSeeds {
		f.Add(s, "sms", "de")
		f.Add(s, "", "en")
	}
	f.Fuzz(func(t *testing.T, text, ch, lang string) {
		d, err := Parse("f.md", []byte(text), true)
		if err != nil {
			return
		}
		for _, x := range e.Lint(d, Context{Lang: lang, Channel: ch}) {
			if x.Offset < 0 || x.End < x.Offset || x.End > len(d.Raw) {
				t.Fatalf("finding %s out of range: %d-%d of %d", x.Rule, x.Offset, x.End, len(d.Raw))
			}
			if !utf8.ValidString(d.Raw[x.Offset:x.End]) {
				t.Fatalf("finding %s splits a rune", x.Rule)
			}
			if x.Line < 1 || x.Column < 1 || x.EndLine < x.Line {
				t.Fatalf("bad position %+v", x)
			}
		}
	})
}

// FuzzFrontMatterFastPath checks that the hand-decoded flat front matter
// agrees with the YAML parser whenever the fast path accepts a text.
func FuzzFrontMatterFastPath(f *testing.F) {
	f.Add("channel: sms\nlang: de\n")
	f.Add("channel: sms\nnext_update: 2026-11-23T15:00:00+01:00\n")
	f.Add("subject: Störung: Update\n")
	f.Add("title: a #b\n")
	f.Add("channel: ?")
	f.Add("channel: sms\nnext_update: \"2026-11-23T15:00:00+01:00\"\nsubject: 'Praxis geschlossen – Vertretung: Praxis Dr. Sommer'\n")
	f.Add("subject: \"a\\\"b\"\r\ntitle: 'it''s'\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // Parse refuses invalid UTF-8 before front matter is read
		}
		fm, ok := simpleFrontMatter(text)
		// Whatever the expression-based fast path decoded, the hand-written
		// one decodes the same way.
		if ref, refOK := refSimpleFrontMatter(text); refOK && (!ok || fm != ref) {
			t.Fatalf("%q: fast path %+v %v, first fast path %+v", text, fm, ok, ref)
		}
		if !ok {
			return
		}
		var want FrontMatter
		doc, err := yamlfile.Parse("f", []byte(text))
		if err != nil {
			t.Fatalf("fast path accepted %q, parser refuses: %v", text, err)
		}
		if doc != nil {
			if err := yamlfile.DecodeNode("f", doc, &want); err != nil {
				t.Fatalf("fast path accepted %q, parser refuses: %v", text, err)
			}
		}
		if fm != want {
			t.Fatalf("%q: fast path %+v, parser %+v", text, fm, want)
		}
	})
}

// FuzzPrefilter checks the pattern prefilter never skips a text that the
// pattern matches, for every pattern rule of the built-in playbooks.
func FuzzPrefilter(f *testing.F) {
	type pat struct {
		re   *regexp.Regexp
		lits literalSet
	}
	var pats []pat
	for _, name := range playbook.BuiltinNames() {
		pb, err := playbook.Load(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, r := range pb.Rules {
			if r.Pattern == "" {
				continue
			}
			lits, err := requiredLiterals(r.Pattern)
			if err != nil {
				f.Fatal(err)
			}
			pats = append(pats, pat{regexp.MustCompile(r.Pattern), lits})
			for _, ex := range r.Examples.Bad {
				for _, s := range ex {
					f.Add(s)
				}
			}
		}
	}
	f.Add("NUR HEUTE 20 % RABATT MIT DEM CODE SORRY20, ZWEI FÜR EINS")
	f.Fuzz(func(t *testing.T, text string) {
		lower := strings.ToLower(text)
		for _, p := range pats {
			if p.lits != nil && p.re.MatchString(text) && !p.lits.in(lower) {
				t.Fatalf("prefilter %v skips %q, which %s matches", p.lits, text, p.re)
			}
		}
	})
}

// in is the reference for the prefilter: whether the lower-cased text
// satisfies the condition, by one substring search per literal.
func (q *litReq) in(lower string) bool {
	switch {
	case q.Lit != "":
		return strings.Contains(lower, q.Lit)
	case q.And != nil:
		for _, r := range q.And {
			if !r.in(lower) {
				return false
			}
		}
		return true
	default:
		for _, r := range q.Or {
			if r.in(lower) {
				return true
			}
		}
		return false
	}
}

// FuzzLiteralIndex checks that one scan of the literal automaton finds
// exactly the literals that strings.Contains finds in strings.ToLower of
// the text, and that every prefilter condition then holds as in says.
func FuzzLiteralIndex(f *testing.F) {
	type engineLits struct {
		x     *litIndex
		conds []*litReq
	}
	var all []engineLits
	for _, name := range playbook.BuiltinNames() {
		pb, err := playbook.Load(name)
		if err != nil {
			f.Fatal(err)
		}
		e, err := New(pb)
		if err != nil {
			f.Fatal(err)
		}
		var conds []*litReq
		for _, r := range e.rules {
			if r.lits != nil {
				conds = append(conds, r.lits)
			}
			for _, ex := range r.Examples.Bad {
				for _, s := range ex {
					f.Add(s)
				}
			}
		}
		all = append(all, engineLits{e.lits, conds})
	}
	f.Add("NUR HEUTE 20 % RABATT MIT DEM CODE SORRY20, ZWEI FÜR EINS")
	f.Add("İSTANBUL ẞ Straße \xff\xfe KÜNDIGUNG gratis-Gutschein")
	f.Fuzz(func(t *testing.T, text string) {
		lower := strings.ToLower(text)
		for _, el := range all {
			bits := make([]uint64, el.x.words())
			el.x.scan([]byte(text), bits)
			for id, lit := range el.x.lits {
				if got, want := bits[id>>6]&(1<<(id&63)) != 0, strings.Contains(lower, lit); got != want {
					t.Fatalf("literal %q in %q: scan says %v, strings.Contains %v", lit, text, got, want)
				}
			}
			for _, q := range el.conds {
				if q.holds(bits) != q.in(lower) {
					t.Fatalf("condition %v on %q: holds %v, in %v", q, text, q.holds(bits), q.in(lower))
				}
			}
		}
	})
}

// FuzzFinders checks that the token and chunk finders give exactly what
// running the expressions line by line gives.
func FuzzFinders(f *testing.F) {
	for _, s := range []string{
		"Infos: https://status.example.de/a_(b). Mail hilfe@example.de, www.x.com!",
		"Hotline 0800 123 4567 oder +49 (0) 30 1234-5678; Nr. 48213; 01.12.2026; 1-800-555-0199x",
		"status.example.de/störung, z.B. a.b.c, shop.example.com/sale.",
		"(555) 123-4567\n0800\n123 4567 Tel.:0800/12345",
		"Call 802.555.0134 or 802-555-0134; 1300 123 456, 1800-555-123, v1.300.123.4567, 2026-11-23",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		all := func(string) bool { return true }
		for _, re := range []*regexp.Regexp{urlRe(), emailRe(), bareURLRe()} {
			got, want := findInTokens(re, s, all), findInLines(re, s, all)
			if !sameLocs(got, want) {
				t.Fatalf("%s on %q: tokens %v, lines %v", re, s, got, want)
			}
		}
		var want [][]int
		for _, loc := range phoneRe().FindAllStringIndex(s, -1) {
			if digits(s[loc[0]:loc[1]]) >= 7 {
				want = append(want, loc)
			}
		}
		if got := findPhones(s, 7); !sameLocs(got, want) {
			t.Fatalf("phones in %q: chunks %v, whole %v", s, got, want)
		}
	})
}

func sameLocs(a, b [][]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i][0] != b[i][0] || a[i][1] != b[i][1] {
			return false
		}
	}
	return true
}

// FuzzMaskLinks checks the one-pass link and e-mail masking against the
// three expressions run one after the other over the progressively
// blanked text.
func FuzzMaskLinks(f *testing.F) {
	f.Add("Infos: https://status.example.de/a. Mail hilfe@example.de, www.x.com! status.example.de/x")
	f.Add("a@b.de/x https://a@b.example.com mail:x@y.de.")
	f.Add("x.de Www.a.b wWw.example.org/x). a.ſhop b.uK a.de/ſ")
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Parse("f.txt", []byte(text), false)
		if err != nil {
			return
		}
		ref := []byte(text)
		blank(ref, 0, d.Body)
		var links, mails [][2]int
		all := func(string) bool { return true }
		for _, step := range []struct {
			re   *regexp.Regexp
			dest *[][2]int
		}{{urlRe(), &links}, {emailRe(), &mails}, {bareURLRe(), &links}} {
			for _, l := range findInLines(step.re, string(ref[d.Body:]), all) {
				from, to := d.Body+l[0], d.Body+l[1]
				*step.dest = append(*step.dest, [2]int{from, to})
				blank(ref, from, to)
			}
		}
		if len(links) != len(d.links) || len(mails) != len(d.emails) {
			t.Fatalf("%q: links %v/%v, e-mails %v/%v", text, d.links, links, d.emails, mails)
		}
		for i := range links {
			if links[i] != d.links[i] {
				t.Fatalf("%q: links %v, want %v", text, d.links, links)
			}
		}
		for i := range mails {
			if mails[i] != d.emails[i] {
				t.Fatalf("%q: e-mails %v, want %v", text, d.emails, mails)
			}
		}
	})
}

// FuzzASCIIWordStart holds tokenize's shortcut to UAX #29: a word that
// starts with an ASCII character other than a letter, digit or "_" has no
// letter or digit at all.
func FuzzASCIIWordStart(f *testing.F) {
	for _, s := range []string{"Hallo, Welt!", "_abc 'tis", "a\u0301 \u0301x", "!\u200dA", "-x- ‚x‘", "..5 .5 ,5", "\"Zitat\" (x)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // Parse refuses such files before anything is tokenized
		}
		it := words.FromString(s)
		for it.Next() {
			w := it.Value()
			if c := w[0]; c < utf8.RuneSelf && !isASCIIAlnum(c) && c != '_' && hasWordRune(w) {
				t.Fatalf("token %q of %q starts with %q but holds a word", w, s, c)
			}
		}
	})
}

// FuzzWordsScan holds scanWords to uax29: whenever it handles a text, it
// finds the same words. Each input is tried as it is and spelled with the
// characters scanWords knows.
func FuzzWordsScan(f *testing.F) {
	for _, s := range wordsSeeds {
		f.Add(s)
	}
	for _, s := range wordsAlphabet {
		f.Add(s)
		f.Add("a" + s + "b")
		f.Add("1" + s + "2")
		f.Add("_" + s + "x" + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if utf8.ValidString(s) {
			wordsCompare(t, s)
		}
		wordsCompare(t, wordsSpell(s))
	})
}

// FuzzWordsTokenize holds tokenize to the tokenizer it replaced: the same
// tokens (offsets, folded form, sentence, capitals) and sentences.
func FuzzWordsTokenize(f *testing.F) {
	for _, s := range append(wordsSeeds, fuzzSeeds...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		wordsCheckTokenize(t, s)
		wordsCheckTokenize(t, wordsSpell(s))
	})
}

// FuzzMaskMatchers checks the hand-written link, e-mail and domain
// matchers against the expressions they stand for, on arbitrary strings.
func FuzzMaskMatchers(f *testing.F) {
	for _, s := range []string{
		"Infos: https://status.example.de/a_(b). Mail hilfe@example.de, www.x.com!",
		"status.example.de status.nordbank.example.de/störung?x=1. shop.example.com/sale…",
		"HTTPS://WWW.EXAMPLE.COM/ÄÖÜ’ www.a.b „www.example.de/x“ «http://a.b/c»",
		"a@b.de/x https://a@b.example.com mail:x@y.de. _x@y.de x.y@z.info_ a@b.c@d.ef",
		"a.b.c.d.co.uk a.de-x.foo a.company.de a.cOm.de www.example.company ex-.de -a.de",
		"httpſ://x.de ſhop.ſhop a.ſhop_ a.ban\u212a b.u\u212a x@y.\u212a\u212a a.newſx",
		"Müller.de über.com straße@example.de „Zitat“ x.de’ x.de/’a’ x.de/a’",
		"\xffa.de\xff www.\xff\xfe x@y.d\xffe http://\xe2\x80x\xc5",
		"a.b.de/ a.de/. a.de//x a.de/x). a.de?x 9.de 1.2.3.4.de a..de .de a-.b.de",
		"x@.de x@a..de x@a.b1 x@-a.de x@a.b-c.de x@a.bcd_ x@a.b%c.de %@a.de",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []struct {
			re   *regexp.Regexp
			find func([][2]int, string, int) [][2]int
		}{{urlRe(), findURLs}, {emailRe(), findEmails}, {bareURLRe(), findBare}} {
			want := c.re.FindAllStringIndex(s, -1)
			got := c.find(nil, s, 0)
			same := len(got) == len(want)
			for i := 0; same && i < len(got); i++ {
				same = got[i][0] == want[i][0] && got[i][1] == want[i][1]
			}
			if !same {
				t.Fatalf("%s on %q: hand-written %v, regexp %v", c.re, s, got, want)
			}
		}
	})
}

// FuzzFrontMatterDelim holds the hand-written search for the closing
// front-matter line to the expression it replaced.
func FuzzFrontMatterDelim(f *testing.F) {
	for _, s := range []string{"a: b\n---\nx", "--- \r\n", "---\r\r\n---", "x\n---x\n--- \t\n", "", "---", "\n---\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fmDelimIndex(s), refFMDelim.FindStringIndex(s); !slices.Equal(got, want) {
			t.Fatalf("fmDelimIndex(%q) = %v, want %v", s, got, want)
		}
	})
}

// FuzzLoadCorpus checks the corpus reader on arbitrary files: no panic, an
// error that names the file, and a real-statement corpus only with valid
// verdicts and splits.
func FuzzLoadCorpus(f *testing.F) {
	for _, s := range []string{
		"- id: a\n  language: en\n  verdict: good\n  split: dev\n  text: Hello.\n",
		"- id: a\n  lang: de\n  channel: sms\n  text: Hallo\n  promotional: true\n  whiny: false\n  hard_negative: false\n  has_next_update: false\n  has_contact: false\n",
		"- id: a\n  language: en\n  verdict: angry\n  text: x\n",
		"- {verdict: good}\n",
		"- id: a\n  verdict: good\n  language: en\n  text: x\n- id: a\n  verdict: good\n  language: en\n  text: y\n",
		"[",
		"",
	} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := dir + "/corpus.yaml"
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		c, err := LoadAnyCorpus(path)
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			return
		}
		for _, e := range c.Real {
			if !slices.Contains(Verdicts, e.Verdict) || (e.Split != "" && !slices.Contains(Splits, e.Split)) || e.ID == "" || e.Text == "" {
				t.Errorf("invalid entry accepted: %+v", e)
			}
		}
	})
}
