package report

import (
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/crisis-comms/crisis/internal/lint"
)

// writeJSON prints the `--format json` contract (DESIGN §5):
//
//	{
//	  "version": 1,
//	  "files": [
//	    {
//	      "path": "…",
//	      "channel": "…",       (left out when empty)
//	      "lang": "…",          (left out when empty)
//	      "error": "…",         (for a file that could not be linted)
//	      "stats": {            (only for a file that was linted)
//	        "words": 0,
//	        "characters": 0,
//	        "sms": {"encoding": "…", "segments": 0},   (when measured)
//	        "x": {"weighted_length": 0}                (when measured)
//	      },
//	      "findings": [         (always a list, possibly empty)
//	        {"rule", "principle", "tone", "severity", "message", "match",
//	         "line", "column", "end_line", "end_column", "suggestion"}
//	      ]
//	    }
//	  ],
//	  "summary": {"files": 0, "error": 0, "warning": 0, "info": 0}
//	}
//
// Keys keep this order so the output stays stable for people who diff it.
// The document is written by hand, streamed through a buffer, and is byte
// for byte what encoding/json writes for the same structure with two-space
// indentation and without HTML escaping (messages quote people, "Wir &
// Sie", "<Name>", and HTML escaping would only make them harder to read);
// the tests hold it to that. The field names mirror the json tags of Stats,
// channel.SMSStats, channel.XStats, lint.Finding and Summary, which a test
// also checks, so a new field there has to be added here.
func writeJSON(w io.Writer, files []File) error { return Write(w, "json", files, Options{}) }

// close writes the summary and the end of the document, and flushes.
func (j *jsonWriter) close(s Summary) error {
	if s.Files > 0 {
		j.raw("\n  ")
	}
	j.raw("],\n  \"summary\": {\n    \"files\": ")
	j.int(s.Files)
	j.raw(",\n    \"error\": ")
	j.int(s.Error)
	j.raw(",\n    \"warning\": ")
	j.int(s.Warning)
	j.raw(",\n    \"info\": ")
	j.int(s.Info)
	j.raw("\n  }\n}\n")
	return j.flush()
}

// jsonBufSize is how much output collects before it is written.
const jsonBufSize = 64 << 10

// jsonWriter appends to buf and hands it to w whenever it grows past
// jsonBufSize. The first write error sticks and ends the output.
type jsonWriter struct {
	w   io.Writer
	buf []byte
	err error
}

func (j *jsonWriter) raw(s string) { j.buf = append(j.buf, s...) }

func (j *jsonWriter) int(n int) { j.buf = strconv.AppendInt(j.buf, int64(n), 10) }

func (j *jsonWriter) str(s string) { j.buf = appendJSONString(j.buf, s) }

// spill writes the buffer once it is full enough. After a write error the
// buffer is dropped each time, so it does not grow.
func (j *jsonWriter) spill() {
	if len(j.buf) >= jsonBufSize {
		j.flush()
	}
}

func (j *jsonWriter) flush() error {
	if j.err == nil && len(j.buf) > 0 {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
	return j.err
}

// file writes one element of "files", from the comma-less line break on.
func (j *jsonWriter) file(f *File) {
	j.raw("\n    {\n      \"path\": ")
	j.str(f.Path)
	if f.Channel != "" {
		j.raw(",\n      \"channel\": ")
		j.str(f.Channel)
	}
	if f.Lang != "" {
		j.raw(",\n      \"lang\": ")
		j.str(f.Lang)
	}
	if f.Err != nil {
		// A file that could not be linted has no stats, because nothing
		// was measured. An error without text leaves the key out.
		if msg := f.Err.Error(); msg != "" {
			j.raw(",\n      \"error\": ")
			j.str(msg)
		}
	} else {
		j.stats(&f.Stats)
	}
	// The findings are always a list, so that consumers can iterate
	// without a nil check.
	j.raw(",\n      \"findings\": [")
	for i := range f.Findings {
		if i > 0 {
			j.raw(",")
		}
		j.finding(&f.Findings[i])
	}
	if len(f.Findings) > 0 {
		j.raw("\n      ")
	}
	j.raw("]\n    }")
	j.spill()
}

func (j *jsonWriter) stats(s *Stats) {
	j.raw(",\n      \"stats\": {\n        \"words\": ")
	j.int(s.Words)
	j.raw(",\n        \"characters\": ")
	j.int(s.Characters)
	if s.SMS != nil {
		j.raw(",\n        \"sms\": {\n          \"encoding\": ")
		j.str(s.SMS.Encoding)
		j.raw(",\n          \"segments\": ")
		j.int(s.SMS.Segments)
		j.raw("\n        }")
	}
	if s.X != nil {
		j.raw(",\n        \"x\": {\n          \"weighted_length\": ")
		j.int(s.X.WeightedLength)
		j.raw("\n        }")
	}
	j.raw("\n      }")
}

func (j *jsonWriter) finding(x *lint.Finding) {
	j.raw("\n        {\n          \"rule\": ")
	j.str(x.Rule)
	j.raw(",\n          \"principle\": ")
	j.str(x.Principle)
	j.raw(",\n          \"tone\": ")
	j.str(x.Tone)
	j.raw(",\n          \"severity\": ")
	j.str(x.Severity)
	j.raw(",\n          \"message\": ")
	j.str(x.Message)
	j.raw(",\n          \"match\": ")
	j.str(x.Match)
	j.raw(",\n          \"line\": ")
	j.int(x.Line)
	j.raw(",\n          \"column\": ")
	j.int(x.Column)
	j.raw(",\n          \"end_line\": ")
	j.int(x.EndLine)
	j.raw(",\n          \"end_column\": ")
	j.int(x.EndColumn)
	if x.Suggestion != "" {
		j.raw(",\n          \"suggestion\": ")
		j.str(x.Suggestion)
	}
	if len(x.Also) > 0 {
		j.raw(",\n          \"also\": [")
		for i, r := range x.Also {
			if i > 0 {
				j.raw(",")
			}
			j.raw("\n            ")
			j.str(r)
		}
		j.raw("\n          ]")
	}
	j.raw("\n        }")
}

// jsonSafe marks the ASCII bytes a JSON string holds as they are: all
// printable ones (and DEL) except the quote and the backslash. Without
// HTML escaping, <, > and & are among them.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string the way encoding/json writes
// it without HTML escaping: the quote and the backslash are escaped, the
// control characters \b, \f, \n, \r and \t take their short escapes and
// the other ones \u00XX, invalid UTF-8 becomes \ufffd, and U+2028 and U+2029
// are escaped because JavaScript would read them as line breaks.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
