package listen

import (
	"slices"

	"github.com/crisis-comms/crisis/playbook"
)

// Version is the version of the JSON report (contract).
const Version = 1

// Report is the triaged queue with its summary.
type Report struct {
	Version  int      `json:"version"`
	Messages []Result `json:"messages"`
	Summary  Summary  `json:"summary"`
}

// Summary is what the team needs at a glance.
type Summary struct {
	Messages int            `json:"messages"`
	Urgent   int            `json:"urgent"`
	Kinds    map[string]int `json:"kinds"`
	// Questions are the topics people ask about, most asked first —
	// candidates for the landing page's FAQ and the next update.
	Questions []Group `json:"questions"`
	// Rumours are the messages that spread what the facts do not bear out.
	Rumours []Rumour `json:"rumours"`
	// Unanswered are the topics people raise that no fact of the latest
	// update answers — the gaps for the next update. Nil without an update.
	Unanswered []Group `json:"unanswered"`
	// Incident is whether the summary was judged against an update.
	Incident bool `json:"incident"`
}

// Group is a topic with how many messages raise it.
type Group struct {
	Topic      string   `json:"topic"`
	Title      string   `json:"title"`
	Count      int      `json:"count"`
	IDs        []string `json:"ids"`
	AnsweredBy string   `json:"answered_by,omitempty"`
}

// Rumour is one message to correct.
type Rumour struct {
	ID   string `json:"id"`
	Cue  string `json:"cue"`
	Text string `json:"text"`
}

// maxExampleIDs bounds the example ids of a group.
const maxExampleIDs = 5

// Triage labels msgs and orders them by need: urgent first, then by the
// most pressing kind (worry, question, anger, … as in playbook.Kinds), then
// in input order. lang names the language of topic titles.
func Triage(c *Classifier, msgs []Message, lang string) *Report {
	results := make([]Result, len(msgs))
	for i, m := range msgs {
		results[i] = c.Classify(m)
	}
	slices.SortStableFunc(results, func(a, b Result) int {
		if a.Urgent != b.Urgent {
			if a.Urgent {
				return -1
			}
			return 1
		}
		return need(a) - need(b)
	})
	return &Report{Version: Version, Messages: results, Summary: summarize(c, results, lang)}
}

// need is the rank of a result's most pressing kind.
func need(r Result) int {
	best := len(playbook.Kinds)
	for _, k := range r.Kinds {
		if i := slices.Index(playbook.Kinds, k); i >= 0 && i < best {
			best = i
		}
	}
	return best
}

func summarize(c *Classifier, results []Result, lang string) Summary {
	s := Summary{Messages: len(results), Kinds: map[string]int{}, Questions: []Group{}, Rumours: []Rumour{},
		Incident: c.facts != nil}
	for _, k := range playbook.Kinds {
		s.Kinds[k] = 0
	}
	asked := map[string]*Group{}
	raised := map[string]*Group{}
	var order, raisedOrder []string
	for _, r := range results {
		if r.Urgent {
			s.Urgent++
		}
		for _, k := range r.Kinds {
			s.Kinds[k]++
		}
		if r.Has("rumour") {
			s.Rumours = append(s.Rumours, Rumour{ID: r.ID, Cue: cueOf(r, "rumour"), Text: r.Text})
		}
		if r.Topic == "" || r.Has("spam") {
			continue
		}
		if r.Has("question") {
			order = addTo(asked, order, c, r, lang)
		}
		if r.AnsweredBy == "" && (r.Has("question") || r.Has("worry") || r.Has("rumour") || r.Has("complaint")) {
			raisedOrder = addTo(raised, raisedOrder, c, r, lang)
		}
	}
	s.Questions = ranked(asked, order)
	if c.facts != nil {
		s.Unanswered = ranked(raised, raisedOrder)
	}
	return s
}

func addTo(groups map[string]*Group, order []string, c *Classifier, r Result, lang string) []string {
	g := groups[r.Topic]
	if g == nil {
		g = &Group{Topic: r.Topic, AnsweredBy: r.AnsweredBy, IDs: []string{}}
		if t := c.Topic(r.Topic); t != nil {
			g.Title = firstNonEmpty(t.Title[lang], t.Title["en"], t.Title["de"])
		}
		groups[r.Topic] = g
		order = append(order, r.Topic)
	}
	g.Count++
	if len(g.IDs) < maxExampleIDs {
		g.IDs = append(g.IDs, r.ID)
	}
	return order
}

func ranked(groups map[string]*Group, order []string) []Group {
	out := make([]Group, 0, len(order))
	for _, id := range order {
		out = append(out, *groups[id])
	}
	slices.SortStableFunc(out, func(a, b Group) int { return b.Count - a.Count })
	return out
}

func cueOf(r Result, kind string) string {
	for _, c := range r.Cues {
		if c.Label == kind {
			return c.Match
		}
	}
	return ""
}
