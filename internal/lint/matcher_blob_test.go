package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/crisis-comms/crisis/playbook"
)

// builtinTerms returns the terms of a built-in playbook as New passes them
// to the matcher of its language.
func builtinTerms(t testing.TB, lang string) map[int32][]string {
	t.Helper()
	pb, err := playbook.Load(playbook.BuiltinPrefix + lang)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(pb)
	if err != nil {
		t.Fatal(err)
	}
	terms := map[int32][]string{}
	for g, langs := range pb.Lexicon {
		if list, ok := langs[lang]; ok {
			terms[e.groups[g]] = list
		}
	}
	return terms
}

// TestMatcherBlobs keeps matchers/LANG.bin, the matchers of the built-in
// lexicons built ahead of time, equal to what newMatcher builds now, and
// checks that reading one gives that matcher, field by field.
func TestMatcherBlobs(t *testing.T) {
	for _, lang := range []string{"de", "en"} {
		terms := builtinTerms(t, lang)
		built := newMatcher(lang, terms)
		hash := termsHash(lang, terms)
		want := encodeMatcher(built, hash)
		path := filepath.Join("matchers", lang+".bin")
		checkGenerated(t, path, want, "TestMatcherBlobs", "the built-in lexicon or the matcher")
		if *updateStems {
			continue
		}
		m, err := decodeMatcher(lang, string(want), hash)
		if err != nil {
			t.Fatal(err)
		}
		m.stemmer, built.stemmer = nil, nil // functions never compare equal
		if !reflect.DeepEqual(m, built) {
			t.Fatalf("%s: the matcher read from the blob differs from the one built", lang)
		}
		if _, err := decodeMatcher(lang, string(want), hash+1); err == nil {
			t.Errorf("%s: a blob was accepted for other terms", lang)
		}
		if loaded := loadMatcher(lang, terms); loaded.exact == nil || len(loaded.phrases) != len(built.phrases) {
			t.Errorf("%s: loadMatcher did not return the matcher", lang)
		}
		// Other terms — a playbook that extends the lexicon — are built.
		terms[0] = append(terms[0][:len(terms[0]):len(terms[0])], "zzyzx")
		if other := loadMatcher(lang, terms); other.exact["zzyzx"] == nil {
			t.Errorf("%s: a lexicon with another term was not built from its terms", lang)
		}
	}
}

// FuzzDecodeMatcher feeds damaged blobs to the reader: an error, never a
// panic.
func FuzzDecodeMatcher(f *testing.F) {
	for _, lang := range []string{"de", "en"} {
		if data, err := os.ReadFile(filepath.Join("matchers", lang+".bin")); err == nil {
			f.Add(data[:min(len(data), 4096)])
		}
	}
	f.Add([]byte(blobMagic + "\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeMatcher("de", string(data), 0)
	})
}
