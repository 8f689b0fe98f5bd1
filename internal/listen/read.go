package listen

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Message is one incoming message: a comment, a mail, a direct message.
type Message struct {
	// ID is the input's id, else the message's line number.
	ID      string `json:"id"`
	Line    int    `json:"line"`
	Author  string `json:"author,omitempty"`
	Channel string `json:"channel,omitempty"`
	Time    string `json:"time,omitempty"`
	Lang    string `json:"lang,omitempty"`
	ReplyTo string `json:"reply_to,omitempty"`
	Text    string `json:"text"`
}

// MaxInput is the largest input Read accepts.
const MaxInput = 512 << 20

// InputError is a problem in the input at a line and column.
type InputError struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// columns maps the column names of common exports to Message fields.
var columns = map[string]string{
	"text": "text", "message": "text", "body": "text", "content": "text", "comment": "text",
	"full_text": "text", "message_text": "text", "post": "text", "nachricht": "text", "kommentar": "text",
	"id": "id", "message_id": "id", "comment_id": "id", "post_id": "id", "tweet_id": "id",
	"author": "author", "user": "author", "username": "author", "from": "author", "name": "author", "sender": "author",
	"channel": "channel", "source": "channel", "platform": "channel", "network": "channel",
	"time": "time", "created_at": "time", "date": "time", "timestamp": "time", "created": "time", "sent_at": "time",
	"lang": "lang", "language": "lang",
	"reply_to": "reply_to", "in_reply_to": "reply_to", "parent_id": "reply_to",
	// German spreadsheet headers
	"autor": "author", "absender": "author", "kanal": "channel", "quelle": "channel", "zeit": "time",
	"datum": "time", "sprache": "lang", "antwort_auf": "reply_to",
}

// Read parses incoming messages from data: CSV with a header row, JSON
// Lines, or plain text with one message per line. name decides by its
// extension (.csv, .jsonl, .ndjson, .json, .txt); without one the content
// decides. Errors name name and line:column.
func Read(name string, data []byte) ([]Message, error) {
	if len(data) > MaxInput {
		return nil, &InputError{File: name, Msg: fmt.Sprintf("input is %d MB; the limit is %d MB", len(data)>>20, MaxInput>>20)}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(data, 0); i >= 0 {
		l, c := position(data, i)
		return nil, &InputError{File: name, Line: l, Column: c, Msg: "binary data (NUL byte): give a CSV, JSON Lines or text file"}
	}
	if !utf8.Valid(data) {
		i := firstInvalid(data)
		l, c := position(data, i)
		return nil, &InputError{File: name, Line: l, Column: c, Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	switch format(name, data) {
	case "csv":
		return readCSV(name, data)
	case "jsonl":
		return readJSONL(name, data)
	}
	return readText(data), nil
}

// format picks csv, jsonl or text.
func format(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".tsv":
		return "csv"
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	case ".txt", ".text":
		return "text"
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return "jsonl"
	}
	first, _, _ := bytes.Cut(trimmed, []byte("\n"))
	if bytes.ContainsAny(first, ",;\t") {
		cols := splitHeader(string(bytes.TrimRight(first, "\r")))
		for _, c := range cols {
			if columns[c] == "text" {
				return "csv"
			}
		}
	}
	return "text"
}

func splitHeader(line string) []string {
	sep := delimiter(line)
	var out []string
	for _, f := range strings.Split(line, string(sep)) {
		out = append(out, normalizeColumn(f))
	}
	return out
}

func normalizeColumn(s string) string {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), `"`))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// delimiter guesses the field separator of a CSV header line: comma unless
// semicolons or tabs are more common (spreadsheet exports in German use
// semicolons).
func delimiter(header string) rune {
	best, n := ',', strings.Count(header, ",")
	for _, r := range []rune{';', '\t'} {
		if c := strings.Count(header, string(r)); c > n {
			best, n = r, c
		}
	}
	return best
}

func readCSV(name string, data []byte) ([]Message, error) {
	header, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = delimiter(string(header))
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	field := map[string]int{}
	for i, h := range head {
		key := normalizeColumn(h)
		if f, ok := columns[key]; ok {
			if _, dup := field[f]; !dup {
				field[f] = i
			}
		}
	}
	if _, ok := field["text"]; !ok {
		return nil, &InputError{File: name, Line: 1, Column: 1, Msg: fmt.Sprintf(
			"no text column in the header (%s): name the message column text, message, body or content",
			strings.Join(head, ", "))}
	}
	var out []Message
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		get := func(f string) string {
			if i, ok := field[f]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		m := Message{ID: get("id"), Line: line, Author: get("author"), Channel: get("channel"), Time: get("time"),
			Lang: strings.ToLower(get("lang")), ReplyTo: get("reply_to"), Text: get("text")}
		if m.Text == "" {
			continue
		}
		out = append(out, withID(m))
	}
	return out, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &InputError{File: name, Line: pe.Line, Column: max(pe.Column, 1), Msg: "CSV: " + pe.Err.Error() + `: quote fields that hold quotes, commas or line breaks ("…")`}
	}
	return &InputError{File: name, Msg: err.Error()}
}

func readJSONL(name string, data []byte) ([]Message, error) {
	var out []Message
	line := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), MaxInput)
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var obj map[string]any
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		if err := dec.Decode(&obj); err != nil {
			col := 1
			var se *json.SyntaxError
			if errors.As(err, &se) {
				col = int(se.Offset)
			}
			return nil, &InputError{File: name, Line: line, Column: col, Msg: "JSON Lines: each line must be one JSON object such as {\"id\": \"1\", \"text\": \"…\"}: " + err.Error()}
		}
		m := Message{Line: line}
		var hasText bool
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys) // deterministic when an object has several text keys
		for _, k := range keys {
			v := obj[k]
			f, ok := columns[normalizeColumn(k)]
			if !ok {
				continue
			}
			s, ok := scalar(v)
			if !ok {
				return nil, &InputError{File: name, Line: line, Column: 1, Msg: fmt.Sprintf("JSON Lines: %q must be a string or a number", k)}
			}
			switch f {
			case "text":
				if !hasText || k == "text" {
					m.Text, hasText = strings.TrimSpace(s), true
				}
			case "id":
				m.ID = s
			case "author":
				m.Author = s
			case "channel":
				m.Channel = s
			case "time":
				m.Time = s
			case "lang":
				m.Lang = strings.ToLower(s)
			case "reply_to":
				m.ReplyTo = s
			}
		}
		if !hasText {
			return nil, &InputError{File: name, Line: line, Column: 1, Msg: `JSON Lines: no "text" (or message, body, content) in this object`}
		}
		if m.Text == "" {
			continue
		}
		out = append(out, withID(m))
	}
	return out, sc.Err()
}

func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case nil:
		return "", true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

func readText(data []byte) []Message {
	var out []Message
	for i, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(strings.TrimSuffix(l, "\r"))
		if l == "" {
			continue
		}
		out = append(out, withID(Message{Line: i + 1, Text: l}))
	}
	return out
}

func withID(m Message) Message {
	if m.ID == "" {
		m.ID = strconv.Itoa(m.Line)
	}
	return m
}

// position returns the 1-based line and column (in code points) of byte
// offset off.
func position(data []byte, off int) (line, col int) {
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
