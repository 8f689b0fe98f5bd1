package lsp

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkDidChange measures what a writer waits for after a keystroke
// in a 2 KB message among four others of its update: the change is read,
// the text linted and compared with the others, and the diagnostics
// written.
func BenchmarkDidChange(b *testing.B) {
	para := "Seit 9:40 Uhr funktionieren Kartenzahlungen in allen Filialen nur teilweise. Wir sind völlig überfordert. " +
		"Bargeld bekommen Sie am Schalter. Sichern Sie sich jetzt 20 % Rabatt! Nächstes Update um 15 Uhr.\n\n"
	text := strings.Repeat(para, 2048/len(para)+1)[:2048]
	s := &server{opts: Options{MaxMessage: DefaultMaxMessage}, out: &writer{w: io.Discard}, enc: encUTF16, docs: map[string]*document{}, folders: map[string]settings{}, initialized: true}
	dir := b.TempDir()
	for _, name := range []string{"email.md", "landing.md", "sms.txt", "x.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	uri := fileURI(filepath.Join(dir, "facebook.md"))
	open := fmt.Sprintf(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":%q,"languageId":"markdown","version":1,"text":%q}}}`, uri, text)
	s.handle([]byte(open))
	msgs := make([][]byte, 2)
	for i := range msgs {
		msgs[i] = fmt.Appendf(nil, `{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":%q,"version":%d},"contentChanges":[{"text":%q}]}}`, uri, i+2, text[:len(text)-i])
	}
	if len(s.docs[uri].res.Findings) == 0 {
		b.Fatal("the message must have findings")
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s.handle(msgs[i%2])
	}
}
