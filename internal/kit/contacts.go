package kit

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/crisis-comms/crisis/internal/readfile"
	"github.com/crisis-comms/crisis/internal/yamlfile"
)

// Reach is what the contact register says about who can be reached, in
// counts only.
type Reach struct {
	Total    int
	Channels map[string]*ChannelReach // by channel id, from the consent_<channel> columns
	// Unreachable counts contacts with no valid consent on any channel.
	Unreachable int
	Langs       map[string]int
}

// ChannelReach counts one channel's consents.
type ChannelReach struct {
	Valid int // yes, and not older than the kit allows
	Stale int // yes, but older than the kit allows, or undated
	No    int // no, or empty
}

// Share returns the share of all contacts with valid consent.
func (r *Reach) Share(channel string) float64 {
	c := r.Channels[channel]
	if c == nil || r.Total == 0 {
		return 0
	}
	return float64(c.Valid) / float64(r.Total)
}

// Channels returns the channel ids that have a consent column, sorted.
func (r *Reach) ChannelIDs() []string {
	var out []string
	for ch := range r.Channels {
		out = append(out, ch)
	}
	sort.Strings(out)
	return out
}

// LoadContacts reads dir/contacts.csv into counts. now and maxAge decide
// which consents are still valid. A missing register is os.ErrNotExist.
func LoadContacts(dir string, now time.Time, maxAge time.Duration) (*Reach, error) {
	file := filepath.Join(dir, ContactsFile)
	data, err := readfile.Read(file, readfile.Contacts)
	if err != nil {
		return nil, err
	}
	return ParseContacts(file, data, now, maxAge)
}

// ParseContacts counts a contact register. Required columns: id, lang,
// segment; per channel consent_<channel> (yes/no, ja/nein) and consent_date
// (or consent_date_<channel>). Other columns — names, addresses, numbers —
// are read past and never kept.
func ParseContacts(file string, data []byte, now time.Time, maxAge time.Duration) (*Reach, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, &yamlfile.Error{File: file, Msg: "empty file: contacts.csv needs a header line with id, lang, segment and consent_<channel> columns"}
	}
	if err != nil {
		return nil, csvErr(file, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	for _, need := range []string{"id", "lang", "segment"} {
		if _, ok := col[need]; !ok {
			return nil, &yamlfile.Error{File: file, Line: 1, Column: 1, Msg: fmt.Sprintf("no %q column: the header needs id, lang, segment and consent_<channel> columns", need)}
		}
	}
	type consentCol struct{ value, date int }
	channels := map[string]consentCol{}
	for h, i := range col {
		ch, ok := strings.CutPrefix(h, "consent_")
		if !ok || strings.HasPrefix(ch, "date") {
			continue
		}
		dc, ok := col["consent_date_"+ch]
		if !ok {
			dc, ok = col["consent_date"]
		}
		if !ok {
			dc = -1
		}
		channels[ch] = consentCol{value: i, date: dc}
	}
	reach := &Reach{Channels: map[string]*ChannelReach{}, Langs: map[string]int{}}
	for ch := range channels {
		reach.Channels[ch] = &ChannelReach{}
	}
	field := func(rec []string, i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvErr(file, err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		reach.Total++
		reach.Langs[strings.ToLower(field(rec, col["lang"]))]++
		reachable := false
		for ch, cc := range channels {
			c := reach.Channels[ch]
			v := strings.ToLower(field(rec, cc.value))
			switch v {
			case "yes", "ja", "y", "j", "true", "1":
			case "no", "nein", "n", "false", "0", "":
				c.No++
				continue
			default:
				line, column := r.FieldPos(cc.value)
				return nil, &yamlfile.Error{File: file, Line: line, Column: column,
					Msg: fmt.Sprintf("consent_%s is %q: write yes or no", ch, v)}
			}
			d := field(rec, cc.date)
			t, err := ParseDate(d)
			if d != "" && err != nil {
				line, column := r.FieldPos(cc.date)
				return nil, &yamlfile.Error{File: file, Line: line, Column: column,
					Msg: fmt.Sprintf("consent date %q is not a date such as 2026-03-14", d)}
			}
			if d == "" || now.Sub(t) > maxAge {
				c.Stale++
				continue
			}
			c.Valid++
			reachable = true
		}
		if !reachable {
			reach.Unreachable++
		}
	}
	return reach, nil
}

func csvErr(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &yamlfile.Error{File: file, Line: pe.Line, Column: pe.Column, Msg: pe.Err.Error()}
	}
	return fmt.Errorf("%s: %w", file, err)
}
