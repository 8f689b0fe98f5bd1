// Package playbook is the model of a crisis-communication playbook — its
// principles, lexicons, rules, channels and scenarios — with strict loading
// from YAML, semantic validation and the embedded built-in playbooks.
package playbook

import (
	"go.yaml.in/yaml/v3"
)

// SchemaVersion is the playbook format version this build reads.
const SchemaVersion = 1

// Tones a rule can report. The two core problems of crisis messages are
// promotional and whiny tone; the others name softer failures.
var Tones = []string{"promotional", "whiny", "spin", "distant", "missing", "form"}

// Severities in decreasing order.
var Severities = []string{"error", "warning", "info"}

// Languages the built-in playbooks and the linter know.
var Languages = []string{"de", "en"}

// Playbook is a complete, merged playbook.
type Playbook struct {
	Version     int    `yaml:"playbook" json:"playbook"`
	ID          string `yaml:"id" json:"id"`
	Title       string `yaml:"title" json:"title"`
	Lang        string `yaml:"lang,omitempty" json:"lang,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	Extends     string `yaml:"extends,omitempty" json:"extends,omitempty"`
	// Cadence is how often an update is due when facts name no next_update
	// (a Go duration such as 30m or 2h).
	Cadence string `yaml:"cadence,omitempty" json:"cadence,omitempty"`
	// Region is the ISO 3166 country (DE, GB, US, …) whose national phone
	// numbers the messages use: "020 7946 0000" is +44 20 7946 0000 in GB.
	Region string `yaml:"region,omitempty" json:"region,omitempty"`
	// Timezone is the IANA zone (Europe/Berlin) of times written without
	// an offset; empty means the machine's.
	Timezone string `yaml:"timezone,omitempty" json:"timezone,omitempty"`
	// Drill holds the targets crisis drill measures a team against.
	Drill      *DrillTargets `yaml:"drill,omitempty" json:"drill,omitempty"`
	Principles []Principle   `yaml:"principles,omitempty" json:"principles,omitempty"`
	Lexicon    Lexicon       `yaml:"lexicon,omitempty" json:"lexicon,omitempty"`
	Facts      []Fact        `yaml:"facts,omitempty" json:"facts,omitempty"`
	Rules      []Rule        `yaml:"rules,omitempty" json:"rules,omitempty"`
	Channels   []Channel     `yaml:"channels,omitempty" json:"channels,omitempty"`
	Scenarios  []Scenario    `yaml:"scenarios,omitempty" json:"scenarios,omitempty"`
	// Listen is how `crisis listen` reads incoming messages. Read it with
	// ListenSection: a built-in playbook decodes it on first use.
	Listen *Listen `yaml:"listen,omitempty" json:"listen,omitempty"`
	// Model is the statement-level verdict learned from labelled
	// statements; nil when the playbook has none.
	Model *Model `yaml:"model,omitempty" json:"model,omitempty"`
	// Weighing holds a lone cue of a tone against the whole statement;
	// nil when the playbook has none.
	Weighing *Weighing `yaml:"weighing,omitempty" json:"weighing,omitempty"`

	// Source is where the playbook came from: a file path or builtin:LANG.
	Source string `yaml:"-" json:"source,omitempty"`
	// lexiconPos remembers where each lexicon group was defined.
	lexiconPos map[string]pos
	rootPos    pos
	// lazy holds the compiled listen parts of a built-in playbook until
	// the listen section is first needed; linting never needs it.
	lazy *lazyListen
}

// DrillTargets are how fast a team should be in a drill (Go durations such
// as 15m): from the first report to the first message on every channel,
// to the landing page, and from new information to the update.
type DrillTargets struct {
	FirstMessage string `yaml:"first_message,omitempty" json:"first_message,omitempty"`
	LandingPage  string `yaml:"landing_page,omitempty" json:"landing_page,omitempty"`
	Update       string `yaml:"update,omitempty" json:"update,omitempty"`
}

// Default drill targets: the first message within a quarter of an hour, the
// landing page within half an hour, an update within half an hour of news.
const (
	DefaultFirstMessageTarget = "15m"
	DefaultLandingPageTarget  = "30m"
	DefaultUpdateTarget       = "30m"
)

// Targets returns the drill targets with the defaults filled in.
func (p *Playbook) Targets() DrillTargets {
	t := DrillTargets{DefaultFirstMessageTarget, DefaultLandingPageTarget, DefaultUpdateTarget}
	if p.Drill != nil {
		for _, s := range []struct {
			dst *string
			v   string
		}{
			{&t.FirstMessage, p.Drill.FirstMessage}, {&t.LandingPage, p.Drill.LandingPage}, {&t.Update, p.Drill.Update},
		} {
			if s.v != "" {
				*s.dst = s.v
			}
		}
	}
	return t
}

// Lexicon maps a group name to its terms per language. A term is a word or
// a phrase of words; `*` at its start or end marks a word part, so
// `*rabatt` matches "Sonderrabatt" and `entschuldig*` matches
// "entschuldigen".
type Lexicon map[string]map[string][]string

// Principle is one of the guiding ideas a playbook encodes.
type Principle struct {
	ID        string   `yaml:"id" json:"id"`
	Title     string   `yaml:"title" json:"title"`
	Summary   string   `yaml:"summary,omitempty" json:"summary,omitempty"`
	Questions []string `yaml:"questions,omitempty" json:"questions,omitempty"`
	Do        []string `yaml:"do,omitempty" json:"do,omitempty"`
	Dont      []string `yaml:"dont,omitempty" json:"dont,omitempty"`
	pos       pos
}

// Fact describes one fact a scenario asks for, for the drafting flow.
type Fact struct {
	ID        string `yaml:"id" json:"id"`
	Title     string `yaml:"title" json:"title"`
	Help      string `yaml:"help,omitempty" json:"help,omitempty"`
	Example   string `yaml:"example,omitempty" json:"example,omitempty"`
	Kind      string `yaml:"kind,omitempty" json:"kind,omitempty"` // text (default), line, time, url, phone, email
	Required  bool   `yaml:"required,omitempty" json:"required,omitempty"`
	Principle string `yaml:"principle,omitempty" json:"principle,omitempty"`
	pos       pos
}

// FactKinds are the values Fact.Kind may take.
var FactKinds = []string{"text", "line", "time", "url", "phone", "email"}

// Rule is one check of the linter. Exactly one of Terms, Pattern, Sentence,
// Metric or Require says what kind of check it is.
type Rule struct {
	ID         string `yaml:"id" json:"id"`
	Principle  string `yaml:"principle" json:"principle"`
	Tone       string `yaml:"tone" json:"tone"`
	Severity   string `yaml:"severity" json:"severity"`
	Message    string `yaml:"message" json:"message"`
	Suggestion string `yaml:"suggestion,omitempty" json:"suggestion,omitempty"`
	Why        string `yaml:"why,omitempty" json:"why,omitempty"`
	// Langs and Channels restrict where the rule applies; empty means all.
	Langs    []string `yaml:"langs,omitempty" json:"langs,omitempty"`
	Channels []string `yaml:"channels,omitempty" json:"channels,omitempty"`
	// Disabled switches off a rule inherited through extends.
	Disabled bool `yaml:"disabled,omitempty" json:"disabled,omitempty"`

	Terms    []string  `yaml:"terms,omitempty" json:"terms,omitempty"`     // lexicon groups, any term matches
	Pattern  string    `yaml:"pattern,omitempty" json:"pattern,omitempty"` // RE2, matched per sentence
	Sentence *Sentence `yaml:"sentence,omitempty" json:"sentence,omitempty"`
	Metric   *Metric   `yaml:"metric,omitempty" json:"metric,omitempty"`
	Require  *Require  `yaml:"require,omitempty" json:"require,omitempty"`
	// Unless names lexicon groups whose presence in the same sentence
	// clears a terms, pattern or sentence match (e.g. a help context).
	Unless []string `yaml:"unless,omitempty" json:"unless,omitempty"`
	// UnlessStatement names lexicon groups whose presence anywhere in the
	// message clears a terms, pattern or sentence match: a weak cue gives
	// way when the statement as a whole says otherwise (a customer who
	// relies on us, named in an apology that takes responsibility, is no
	// boast).
	UnlessStatement []string `yaml:"unless_statement,omitempty" json:"unless_statement,omitempty"`
	// Strength says how a finding of a promotional or whiny rule is
	// weighed against the whole statement (see Weighing): "strong" always
	// flags, "weak" gives way to fewer honest signals than a rule of
	// normal strength (empty) does.
	Strength string `yaml:"strength,omitempty" json:"strength,omitempty"`

	Examples Examples `yaml:"examples" json:"examples"`
	pos      pos
}

// Kind names the rule's kind: terms, pattern, sentence, metric or require.
func (r *Rule) Kind() string {
	switch {
	case len(r.Terms) > 0:
		return "terms"
	case r.Pattern != "":
		return "pattern"
	case r.Sentence != nil:
		return "sentence"
	case r.Metric != nil:
		return "metric"
	case r.Require != nil:
		return "require"
	}
	return ""
}

// Sentence is a co-occurrence check: all groups of All (and at least one of
// Any, when given) inside one sentence. With Ordered the groups must appear
// in the order listed.
type Sentence struct {
	All     []string `yaml:"all,omitempty" json:"all,omitempty"`
	Any     []string `yaml:"any,omitempty" json:"any,omitempty"`
	Ordered bool     `yaml:"ordered,omitempty" json:"ordered,omitempty"`
	// Span widens the window from one sentence to this many consecutive
	// sentences (default 1).
	Span int `yaml:"span,omitempty" json:"span,omitempty"`
}

// Metric is a density or ratio check over the sender's own words.
type Metric struct {
	// Name is one of: exclamations (count of "!"), capitals (words in
	// capitals), share (hits of Groups per word), ratio (hits of Groups per
	// hit of Per).
	Name   string   `yaml:"name" json:"name"`
	Groups []string `yaml:"groups,omitempty" json:"groups,omitempty"`
	Per    []string `yaml:"per,omitempty" json:"per,omitempty"`
	// Max is the largest value that passes.
	Max float64 `yaml:"max" json:"max"`
	// MinCount is how many hits there must be before the metric is judged,
	// so that short messages are not over-read.
	MinCount int `yaml:"min_count,omitempty" json:"min_count,omitempty"`
}

// MetricNames are the values Metric.Name may take.
var MetricNames = []string{"exclamations", "capitals", "share", "ratio"}

// Require is a required element, found by built-in detectors steered by
// lexicon groups.
//
// next-update: a sentence with a Cues word ("nächstes Update", "we will
// report") and a concrete time — a clock time, a date, a period ("in 30
// minutes") or a When word ("tomorrow", "morgen früh") — read clause by
// clause: a Not word (an offer's "gültig bis", "until further notice")
// voids its clause. A Past word (a past event: "was", "gestern") voids its
// clause too, unless it also has a Future word ("you'll receive", "wird"):
// "By Friday you'll receive a letter saying which details were affected"
// names the next update.
//
// contact: a phone number, an e-mail address, a Cues word that names a
// help channel on its own (a chat, a branch counter, "stay on the line")
// outside a sentence with a Not word,
// or a link that is not a shop link (no Not word in the link, its sentence
// or the sentence before). When Links is given, a link counts only with a
// Links word in its sentence ("Infos", "questions") or a help word in the
// address itself (status, help, support, …).
//
// link: such a non-shop link alone (the landing page in an SMS or a post);
// phone: a phone number alone (the support line in a letter).
type Require struct {
	Element string   `yaml:"element" json:"element"` // next-update, contact, link or phone
	Cues    []string `yaml:"cues,omitempty" json:"cues,omitempty"`
	When    []string `yaml:"when,omitempty" json:"when,omitempty"`
	Not     []string `yaml:"not,omitempty" json:"not,omitempty"`
	Past    []string `yaml:"past,omitempty" json:"past,omitempty"`
	Future  []string `yaml:"future,omitempty" json:"future,omitempty"`
	Links   []string `yaml:"links,omitempty" json:"links,omitempty"`
}

// Elements are the values Require.Element may take.
var Elements = []string{"next-update", "contact", "link", "phone"}

// Examples are sentences the rule must flag (Bad) and must not flag (Good),
// per language. The test suite runs them.
type Examples struct {
	Bad  map[string][]string `yaml:"bad,omitempty" json:"bad,omitempty"`
	Good map[string][]string `yaml:"good,omitempty" json:"good,omitempty"`
}

// Limits are a channel's hard limits.
type Limits struct {
	SMSSegments  int `yaml:"sms_segments,omitempty" json:"sms_segments,omitempty"`
	XWeighted    int `yaml:"x_weighted,omitempty" json:"x_weighted,omitempty"`
	MaxChars     int `yaml:"max_chars,omitempty" json:"max_chars,omitempty"`
	SubjectChars int `yaml:"subject_chars,omitempty" json:"subject_chars,omitempty"`
}

// Channel is a way of reaching people, with its limits and the rules that
// must hold for every message on it.
type Channel struct {
	ID      string   `yaml:"id" json:"id"`
	Title   string   `yaml:"title" json:"title"`
	Summary string   `yaml:"summary,omitempty" json:"summary,omitempty"`
	Limits  Limits   `yaml:"limits,omitempty" json:"limits,omitempty"`
	Require []string `yaml:"require,omitempty" json:"require,omitempty"`
	// Files are file-name globs that identify the channel (sms.txt, *.sms.md).
	Files []string `yaml:"files,omitempty" json:"files,omitempty"`
	pos   pos
}

// Scenario is a prepared kind of crisis: which facts to ask and which
// channels to use.
type Scenario struct {
	ID        string   `yaml:"id" json:"id"`
	Title     string   `yaml:"title" json:"title"`
	Summary   string   `yaml:"summary,omitempty" json:"summary,omitempty"`
	Facts     []string `yaml:"facts" json:"facts"`
	Channels  []string `yaml:"channels" json:"channels"`
	Questions []string `yaml:"questions,omitempty" json:"questions,omitempty"`
	pos       pos
}

// pos is where an item was defined, for error messages.
type pos struct {
	file string
	node *yaml.Node
}

// Strengths are the values Rule.Strength may take besides empty (normal).
var Strengths = []string{"strong", "weak"}

// Weighing is the statement-level verdict on a lone cue: a statement that
// owns its crisis (an apology, responsibility said plainly, concrete
// steps, a contact, the next update, thanks to staff, sympathy) is not
// flagged for one ambiguous sentence. For each tone of Tones, when the
// findings of the tone at warning or error lie in one sentence, none of
// them comes from a strong rule, and the statement's other sentences
// show at least Min distinct Signals (MinWeak when every rule of that
// sentence is weak), the findings are held down to info and say which
// signals outweighed them. Two cues in different sentences, or one strong
// cue, still flag.
type Weighing struct {
	Tones   []string `yaml:"tones" json:"tones"`
	Min     int      `yaml:"min" json:"min"`
	MinWeak int      `yaml:"min_weak,omitempty" json:"min_weak,omitempty"`
	// Message is added to a held-down finding; {signals} names the
	// signals that outweighed it.
	Message string   `yaml:"message" json:"message"`
	Signals []Signal `yaml:"signals" json:"signals"`
}

// Signal is one sign that a statement owns its crisis: a term of one of
// Groups in a sentence other than the cue's, or the element a require
// Rule looks for (a contact, the next update) anywhere in the statement.
// Exactly one of Groups and Rule is set.
type Signal struct {
	ID     string   `yaml:"id" json:"id"`
	Title  string   `yaml:"title" json:"title"`
	Groups []string `yaml:"groups,omitempty" json:"groups,omitempty"`
	Rule   string   `yaml:"rule,omitempty" json:"rule,omitempty"`
}

// Rule returns the rule with the given id, or nil.
func (p *Playbook) Rule(id string) *Rule {
	for i := range p.Rules {
		if p.Rules[i].ID == id {
			return &p.Rules[i]
		}
	}
	return nil
}

// Head returns the model head with the given id, or nil.
func (p *Playbook) Head(id string) *Head {
	if p.Model == nil {
		return nil
	}
	for i := range p.Model.Heads {
		if p.Model.Heads[i].ID == id {
			return &p.Model.Heads[i]
		}
	}
	return nil
}

// Principle returns the principle with the given id, or nil.
func (p *Playbook) Principle(id string) *Principle {
	for i := range p.Principles {
		if p.Principles[i].ID == id {
			return &p.Principles[i]
		}
	}
	return nil
}

// Channel returns the channel with the given id, or nil.
func (p *Playbook) Channel(id string) *Channel {
	for i := range p.Channels {
		if p.Channels[i].ID == id {
			return &p.Channels[i]
		}
	}
	return nil
}

// Scenario returns the scenario with the given id, or nil.
func (p *Playbook) Scenario(id string) *Scenario {
	for i := range p.Scenarios {
		if p.Scenarios[i].ID == id {
			return &p.Scenarios[i]
		}
	}
	return nil
}

// Fact returns the fact description with the given id, or nil.
func (p *Playbook) Fact(id string) *Fact {
	for i := range p.Facts {
		if p.Facts[i].ID == id {
			return &p.Facts[i]
		}
	}
	return nil
}

// Model is a statement-level verdict that weighs several weak cues: per
// tone, a regularised logistic regression over features that are
// categories of meaning — lexicon groups, alone or meeting in one sentence,
// and the rules that fired. Its weights are learned from labelled
// statements and kept here as data, so that a comms lead can read what
// counts for and against a tone.
type Model struct {
	// Actors are the lexicon groups that name who acts or suffers (the
	// sender, the writer, the reader, the people affected, a supplier, the
	// staff, an authority, the media): a feature's Subject reads the
	// nearest of them as the subject of its cue.
	Actors []string `yaml:"actors,omitempty" json:"actors,omitempty"`
	// Features are the cues the model counts; the weights name them by id.
	Features []Feature `yaml:"features" json:"features"`
	// Heads are the verdicts, one per tone.
	Heads []Head `yaml:"heads" json:"heads"`
}

// Feature is one cue: how often the lexicon groups of All meet in one
// sentence (Within "message": each occurs somewhere in the message, counted
// by the rarest), or how many findings a rule (Rule) or a tone (Tone) has
// at Severity or above (warning unless set). Exactly one of All, Rule and
// Tone is set. Its value is ln(1+count), or with Share the share of the
// message's sentences that show it.
type Feature struct {
	ID     string   `yaml:"id" json:"id"`
	Title  string   `yaml:"title" json:"title"`
	All    []string `yaml:"all,omitempty" json:"all,omitempty"`
	Within string   `yaml:"within,omitempty" json:"within,omitempty"`
	// Subject counts only sentences where a hit of All has this group as
	// its subject: the nearest actor (see Model.Actors) named before it,
	// or after it when none comes before. "We had a brutal week" is the
	// sender suffering, "we know you had a brutal week" is sympathy.
	Subject string `yaml:"subject,omitempty" json:"subject,omitempty"`
	// Share makes the value the share of sentences that show the cue
	// (0 to 1) rather than ln(1+count): a statement told from the sender's
	// pain throughout weighs more than one sentence of it in a long letter.
	Share    bool   `yaml:"share,omitempty" json:"share,omitempty"`
	Rule     string `yaml:"rule,omitempty" json:"rule,omitempty"`
	Tone     string `yaml:"tone,omitempty" json:"tone,omitempty"`
	Severity string `yaml:"severity,omitempty" json:"severity,omitempty"`
	// Toward names the tones the cue may pull a head towards: a cue
	// that means selling may raise the promotional verdict, not the
	// whiny one. A cue without it may only count against a verdict, so
	// that the model cannot learn a chance correlation of a small
	// corpus (a celebration word as a sign of self-pity) and the cues
	// a finding names are always cues of its tone.
	Toward []string `yaml:"toward,omitempty" json:"toward,omitempty"`
}

// FeatureScopes are the values Feature.Within may take.
var FeatureScopes = []string{"sentence", "message"}

// Head is the verdict for one tone: the statement is flagged when
// 1/(1+exp(-(Bias + Σ weight·ln(1+count)))) reaches Threshold. It reports
// like a rule, with its own id, principle, tone and message; the message's
// {cues} names the cues that drove the verdict.
type Head struct {
	ID         string   `yaml:"id" json:"id"`
	Principle  string   `yaml:"principle" json:"principle"`
	Tone       string   `yaml:"tone" json:"tone"`
	Severity   string   `yaml:"severity" json:"severity"`
	Message    string   `yaml:"message" json:"message"`
	Suggestion string   `yaml:"suggestion,omitempty" json:"suggestion,omitempty"`
	Langs      []string `yaml:"langs,omitempty" json:"langs,omitempty"`
	// Off keeps a head that did not beat the rules on the development
	// data from reporting.
	Off       bool               `yaml:"off,omitempty" json:"off,omitempty"`
	Threshold float64            `yaml:"threshold" json:"threshold"`
	Bias      float64            `yaml:"bias" json:"bias"`
	Weights   map[string]float64 `yaml:"weights" json:"weights"`
	// Trained records how the weights were learned and what they achieved
	// on the development data, for the reader.
	Trained  string   `yaml:"trained,omitempty" json:"trained,omitempty"`
	Examples Examples `yaml:"examples" json:"examples"`
}
