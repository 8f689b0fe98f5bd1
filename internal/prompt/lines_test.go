package prompt

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReadLine(t *testing.T) {
	mib := strings.Repeat("x", MaxAnswer)
	for _, tt := range []struct {
		name string
		in   string
		want []string // "!long" for errTooLong
	}{
		{"line ends", "a\nb\r\nc", []string{"a", "b", "c"}},
		{"empty lines", "\n\r\n", []string{"", ""}},
		{"a lone carriage return stays", "a\rb\n", []string{"a\rb"}},
		{"1 MiB with CRLF", mib + "\r\n" + "next\n", []string{mib, "next"}},
		{"1 MiB at the end", mib, []string{mib}},
		{"1 MiB and a byte", mib + "y\nnext\n", []string{"!long", "next"}},
		{"1 MiB and a carriage return", mib + "\r", []string{"!long"}},
		{"16 MiB", strings.Repeat(mib, 16) + "\nnext", []string{"!long", "next"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := newLineReader(strings.NewReader(tt.in))
			for _, want := range tt.want {
				got, err := l.readLine()
				switch {
				case want == "!long" && !errors.Is(err, errTooLong):
					t.Fatalf("%.20q, %v; want errTooLong", got, err)
				case want != "!long" && (err != nil || got != want):
					t.Fatalf("%.20q (%d bytes), %v; want %.20q (%d bytes)", got, len(got), err, want, len(want))
				}
			}
			if got, err := l.readLine(); err != io.EOF {
				t.Errorf("after the last line: %.20q, %v; want io.EOF", got, err)
			}
		})
	}
}

func TestCheckText(t *testing.T) {
	for _, tt := range []struct {
		in        string
		multiline bool
		want      string // the German message, "" when taken
	}{
		{"Straße, 15 € – „gut“ 👍", false, ""},
		{"a\uFFFDb", false, ""},
		{"Zeile 1\nZeile 2", true, ""},
		{"Zeile 1\nZeile 2", false, "die Antwort enthält das Steuerzeichen U+000A an Zeichen 8; bitte ohne Steuerzeichen eingeben"},
		{"ab\x7f", false, "die Antwort enthält das Steuerzeichen U+007F an Zeichen 3; bitte ohne Steuerzeichen eingeben"},
		{"äb\xff", false, "die Antwort ist kein gültiger UTF-8-Text (bei Byte 4); bitte die Zeichenkodierung prüfen"},
		{"\xed\xa0\x80", false, "die Antwort ist kein gültiger UTF-8-Text (bei Byte 1); bitte die Zeichenkodierung prüfen"},
	} {
		got := ""
		if err := checkText(tt.in, tt.multiline); err != nil {
			got = err.message("de")
		}
		if got != tt.want {
			t.Errorf("checkText(%q, %v) = %q, want %q", tt.in, tt.multiline, got, tt.want)
		}
	}
}
