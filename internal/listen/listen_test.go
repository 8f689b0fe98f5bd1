package listen

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/incident"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func bankFacts(t testing.TB) *incident.Facts {
	t.Helper()
	f, err := incident.LoadFacts(filepath.Join("testdata", "incidents", "bank.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestClassify pins the hard cases the targets name, each with the cue
// that must explain it.
func TestClassify(t *testing.T) {
	c := builtin(t, "de")
	c.UseFacts(bankFacts(t))
	tests := []struct {
		text   string
		want   []string
		urgent string // reason, "" when not urgent
	}{
		{"Danke für nichts 👏👏", []string{"complaint"}, ""},
		{"Thanks a lot for leaving me stranded with no money, great job 👏", []string{"complaint"}, ""},
		{"My mum is on oxygen and the power is out, please help", []string{"worry", "question"}, "health"},
		{"Super Service, seit zwei Stunden in der Warteschleife.", []string{"complaint"}, ""},
		{"Die Frau an der Hotline war sehr freundlich, aber das Geld ist immer noch nicht da.", []string{"complaint", "praise"}, ""},
		{"Scheiße, ausgerechnet heute.", []string{"complaint"}, ""},
		{"Ihr Vollidioten!", []string{"insult"}, ""},
		{"You absolute clowns, sort it out!!!", []string{"anger", "insult"}, ""},
		{"Hab gehört, es gab keinen Hackerangriff, sondern ein fehlerhaftes Update.", []string{"other"}, ""},
		{"Angeblich wurdet ihr gehackt.", []string{"rumour"}, ""},
		{"Offizieller Support: schicken Sie uns Ihre Kartennummer und PIN per DM.", []string{"spam"}, ""},
		{"?", []string{"other"}, ""},
		{"Ernsthaft?", []string{"complaint"}, ""},
		{"Wann kann ich wieder mit Karte zahlen?", []string{"question"}, ""},
		{"Ich kann mein Insulin nicht bezahlen, was soll ich tun?", []string{"worry", "question"}, "health"},
		{"I don't want to live anymore.", []string{"other"}, "risk of self-harm"},
		{"Ich komme vorbei und zünde eure Filiale an.", []string{"anger"}, "threat of violence"},
	}
	for _, tc := range tests {
		r := c.Classify(Message{ID: "1", Text: tc.text})
		got := slices.Clone(r.Kinds)
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%q: kinds %v, want %v (cues %+v)", tc.text, r.Kinds, tc.want, r.Cues)
		}
		if (r.Reason != "") != r.Urgent || r.Reason != tc.urgent {
			t.Errorf("%q: urgent %v (%q, cue %q), want %q", tc.text, r.Urgent, r.Reason, r.Cue, tc.urgent)
		}
		for _, cue := range r.Cues {
			if cue.Match == "" || cue.Rule == "" || !slices.Contains(r.Kinds, cue.Label) {
				t.Errorf("%q: cue %+v does not explain a label", tc.text, cue)
			}
		}
	}
}

// TestAnsweredBy checks that a fact answers a topic only when it speaks
// of it, or, for a time or a phone number, by being set.
func TestAnsweredBy(t *testing.T) {
	c := builtin(t, "de")
	f := bankFacts(t)
	c.UseFacts(f)
	for text, want := range map[string]string{
		"Bekomme ich die Gebühr vom fremden Automaten zurück?": "help",
		"Gibt es eine Entschädigung?":                          "",
		"Wie erreiche ich euch?":                               "hotline",
	} {
		if r := c.Classify(Message{Text: text}); r.AnsweredBy != want {
			t.Errorf("%q: topic %s answered by %q, want %q", text, r.Topic, r.AnsweredBy, want)
		}
	}
	f.Hotline, f.Email, f.LandingPage = "", "", ""
	c.UseFacts(f)
	if r := c.Classify(Message{Text: "Wie erreiche ich euch?"}); r.AnsweredBy != "" {
		t.Errorf("without a hotline, e-mail or page the contact topic is answered by %q", r.AnsweredBy)
	}
}

// TestTriageOrder: urgent first, then worry before questions before
// complaints before praise, input order within a rank.
func TestTriageOrder(t *testing.T) {
	c := builtin(t, "de")
	msgs := []Message{
		{ID: "praise", Text: "Danke für die schnellen Infos!"},
		{ID: "question", Text: "Wann geht es wieder?"},
		{ID: "complaint", Text: "Das ist eine Zumutung."},
		{ID: "urgent", Text: "Ich kann mein Insulin nicht bezahlen."},
		{ID: "worry", Text: "Ich habe Angst um mein Erspartes."},
		{ID: "question2", Text: "Muss ich die Überweisung wiederholen?"},
	}
	rep := Triage(c, msgs, "de")
	var got []string
	for _, r := range rep.Messages {
		got = append(got, r.ID)
	}
	want := []string{"urgent", "worry", "question", "question2", "complaint", "praise"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	if rep.Summary.Urgent != 1 || rep.Summary.Kinds["question"] != 2 || rep.Summary.Messages != 6 {
		t.Errorf("summary %+v", rep.Summary)
	}
}

// TestReportGolden pins the text, JSON and CSV reports of a small queue.
// go test ./internal/listen -run TestReportGolden -update rewrites them.
func TestReportGolden(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "queue.csv"))
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := Read("queue.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	c := builtin(t, "de")
	c.UseFacts(bankFacts(t))
	rep := Triage(c, msgs, "de")
	for _, format := range Formats {
		var b bytes.Buffer
		if err := Write(&b, rep, format, "de"); err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "queue."+format+".golden")
		if *update {
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s report differs from %s (run with -update after checking the change):\n%s", format, golden, b.String())
		}
	}
	// The JSON keeps its contract: the documented keys, in order.
	var b bytes.Buffer
	_ = WriteJSON(&b, rep)
	var obj struct {
		Version  int                          `json:"version"`
		Messages []map[string]json.RawMessage `json:"messages"`
		Summary  map[string]json.RawMessage   `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &obj); err != nil || obj.Version != 1 {
		t.Fatalf("report is not version 1 JSON: %v", err)
	}
	for _, key := range []string{"id", "line", "lang", "kinds", "urgent", "text", "cues"} {
		if _, ok := obj.Messages[0][key]; !ok {
			t.Errorf("message lacks %q", key)
		}
	}
	for _, key := range []string{"messages", "urgent", "kinds", "questions", "rumours", "unanswered"} {
		if _, ok := obj.Summary[key]; !ok {
			t.Errorf("summary lacks %q", key)
		}
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, &Report{}, "xml", "de"); err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("got %v", err)
	}
}

func TestCSVFormulaGuard(t *testing.T) {
	var b bytes.Buffer
	rep := &Report{Messages: []Result{{Message: Message{ID: "1", Text: "=HYPERLINK(\"x\")"}, Kinds: []string{"other"}}}}
	if err := WriteCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "'=HYPERLINK") {
		t.Errorf("a formula reaches the spreadsheet: %s", b.String())
	}
}

// BenchmarkTriage triages 100 000 messages of the corpus, as `crisis
// listen` does on one core; the README reports its figure.
func BenchmarkTriage(b *testing.B) {
	var doc struct {
		Messages []corpusEntry `yaml:"messages"`
	}
	data, err := os.ReadFile("testdata/corpus.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if err := decodeYAML(data, &doc); err != nil {
		b.Fatal(err)
	}
	msgs := make([]Message, 100_000)
	for i := range msgs {
		msgs[i] = Message{ID: "x", Line: i + 1, Text: doc.Messages[i%len(doc.Messages)].Text}
	}
	c := builtin(b, "de")
	c.UseFacts(bankFacts(b))
	b.ResetTimer()
	cpu := cpuTime(b)
	for range b.N {
		Triage(c, msgs, "de")
	}
	b.ReportMetric((cpuTime(b)-cpu).Seconds()/float64(b.N), "cpu-s/100k")
}

// FuzzClassify: any text gets at least one kind, every cue explains a
// label it carries, urgency always has its reason, and nothing panics.
func FuzzClassify(f *testing.F) {
	for _, s := range []string{"Danke für nichts 👏", "WO IST MEIN GELD!!!", "?", "", "Angeblich pleite.", "\u200b\ufeff", "a,b\n\"c"} {
		f.Add(s)
	}
	c := builtin(f, "de")
	c.UseFacts(bankFacts(f))
	f.Fuzz(func(t *testing.T, text string) {
		r := c.Classify(Message{ID: "1", Text: text})
		if len(r.Kinds) == 0 || r.Urgent != (r.Reason != "") {
			t.Fatalf("%q: %+v", text, r)
		}
		for _, cue := range r.Cues {
			if !slices.Contains(r.Kinds, cue.Label) {
				t.Fatalf("%q: cue %+v for a label it lacks", text, cue)
			}
		}
	})
}
