package listen

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           []Message
	}{
		{"csv with header", "in.csv", "id,author,text\n7,Anna,Wann geht es wieder?\n8,Ben,\"Danke, super!\"\n",
			[]Message{{ID: "7", Line: 2, Author: "Anna", Text: "Wann geht es wieder?"}, {ID: "8", Line: 3, Author: "Ben", Text: "Danke, super!"}}},
		{"export column names", "export.csv", "created_at,message,platform,in_reply_to\n2026-11-23T09:00:00Z,When is it back?,x,42\n",
			[]Message{{ID: "2", Line: 2, Time: "2026-11-23T09:00:00Z", Channel: "x", ReplyTo: "42", Text: "When is it back?"}}},
		{"semicolons from a spreadsheet", "in.csv", "Nachricht;Sprache\nGeht wieder;DE\n",
			[]Message{{ID: "2", Line: 2, Lang: "de", Text: "Geht wieder"}}},
		{"multi-line field keeps its first line", "in.csv", "text,id\n\"line one\nline two\",a\nnext,b\n",
			[]Message{{ID: "a", Line: 2, Text: "line one\nline two"}, {ID: "b", Line: 4, Text: "next"}}},
		{"csv detected by its header", "-", "id,body\n1,hello\n", []Message{{ID: "1", Line: 2, Text: "hello"}}},
		{"json lines", "in.jsonl", "{\"id\": 5, \"content\": \"Is my data safe?\", \"lang\": \"EN\"}\n\n{\"text\": \"ok\"}\n",
			[]Message{{ID: "5", Line: 1, Lang: "en", Text: "Is my data safe?"}, {ID: "3", Line: 3, Text: "ok"}}},
		{"plain text", "in.txt", "first\r\n\n  second  \n", []Message{{ID: "1", Line: 1, Text: "first"}, {ID: "3", Line: 3, Text: "second"}}},
		{"plain text without extension", "-", "Wann?\nDanke\n", []Message{{ID: "1", Line: 1, Text: "Wann?"}, {ID: "2", Line: 2, Text: "Danke"}}},
		{"empty rows are skipped", "in.csv", "text\n\n\"\"\nhi\n", []Message{{ID: "4", Line: 4, Text: "hi"}}},
		{"BOM", "in.csv", "\ufefftext\nhi\n", []Message{{ID: "2", Line: 2, Text: "hi"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(tc.file, []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"no text column", "in.csv", "id,author\n1,x\n", "in.csv:1:1: no text column in the header (id, author)"},
		{"bare quote", "in.csv", "text\nok\n\"broken\"x\n", "in.csv:3:"},
		{"bad json", "in.jsonl", "{\"text\": \"a\"}\n{\"text\": }\n", "in.jsonl:2:"},
		{"json without text", "in.jsonl", "{\"id\": \"1\"}\n", "in.jsonl:1:1: JSON Lines: no \"text\""},
		{"json object value", "in.jsonl", "{\"text\": {\"a\": 1}}\n", "in.jsonl:1:1: JSON Lines: \"text\" must be a string or a number"},
		{"invalid utf-8", "in.txt", "ok\nbad \xff here\n", "in.txt:2:5: invalid UTF-8"},
		{"binary", "in.txt", "ok\x00", "in.txt:1:3: binary data"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.file, []byte(tc.in))
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("got %v, want an InputError", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %q, want prefix %q", err, tc.want)
			}
		})
	}
}

// FuzzRead checks that no input makes Read panic, and that every message
// it returns has text, an id and a line within the input.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"id,text\n1,hi\n", "{\"text\":\"a\"}\n", "plain\nlines\n", "text\n\"a\nb\"\n", "a;b;text\n1;2;3\n", "\xff"} {
		f.Add("in.csv", s)
		f.Add("-", s)
		f.Add("in.jsonl", s)
	}
	f.Fuzz(func(t *testing.T, name, in string) {
		msgs, err := Read(name, []byte(in))
		if err != nil {
			return
		}
		lines := strings.Count(in, "\n") + 1
		for _, m := range msgs {
			if m.Text == "" || m.ID == "" || m.Line < 1 || m.Line > lines {
				t.Fatalf("bad message %+v from %q", m, in)
			}
		}
	})
}
