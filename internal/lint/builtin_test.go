package lint_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/playbook"
)

func builtin(t *testing.T, lang string) *lint.Engine {
	t.Helper()
	pb, err := playbook.Load(playbook.BuiltinPrefix + lang)
	if err != nil {
		t.Fatal(err)
	}
	e, err := lint.New(pb)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestBuiltinRuleExamples runs every bad and good example of every rule
// of the built-in playbooks.
func TestBuiltinRuleExamples(t *testing.T) {
	for _, name := range playbook.BuiltinNames() {
		e := builtin(t, strings.TrimPrefix(name, playbook.BuiltinPrefix))
		n := 0
		for _, r := range e.RunExamples() {
			n++
			if r.OK {
				continue
			}
			want := "be flagged"
			if !r.Bad {
				want = "not be flagged"
			}
			t.Errorf("%s %s [%s]: %q should %s by it (fired: %s)", name, r.Rule, r.Lang, r.Text, want, strings.Join(r.Got, ", "))
		}
		if n < 2*len(e.Playbook().Rules) {
			t.Errorf("%s: only %d examples for %d rules", name, n, len(e.Playbook().Rules))
		}
	}
}

// TestCorpus scores the project's labelled corpus against the targets:
// F1 ≥ 0.9 for promotional and for whiny, at most 10% of hard negatives
// flagged, next-update and contact detection ≥ 95% correct.
func TestCorpus(t *testing.T) {
	entries, err := lint.LoadCorpus("testdata/corpus.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 150 {
		t.Fatalf("corpus has %d messages, want at least 150", len(entries))
	}
	channels := map[string]int{}
	langs := map[string]int{}
	for _, e := range entries {
		channels[e.Channel]++
		langs[e.Lang]++
	}
	if len(channels) < 10 || langs["de"] == 0 || langs["en"] == 0 {
		t.Fatalf("corpus must cover all ten channels and both languages: %v %v", channels, langs)
	}
	checkCorpus(t, "testdata/corpus.yaml", floors{promotional: 0.9, whiny: 0.9, hardNegatives: 0.10, nextUpdate: 0.95, contact: 0.95, showMisses: true, perLang: true})
}

// floors are the least a corpus must score: F1 per tone, the largest share
// of hard negatives flagged, and detection accuracy.
type floors struct {
	promotional, whiny, hardNegatives, nextUpdate, contact float64
	// showMisses lists the entries judged wrongly when a floor is missed;
	// off for the held-out corpus, whose entries must not steer tuning.
	showMisses bool
	// perLang holds each language to the F1 floors, not only both together.
	perLang bool
	// lang holds one language to its own F1 floors, above those of both
	// languages together.
	lang map[string]toneFloors
}

// toneFloors are the F1 floors of one language.
type toneFloors struct{ promotional, whiny float64 }

// evaluateBuiltin scores corpus entries with the built-in playbook of each
// entry's language, compiling each playbook once.
func evaluateBuiltin(t *testing.T, entries []lint.CorpusEntry) *lint.Scores {
	t.Helper()
	engines := map[string]*lint.Engine{}
	sc, err := lint.Evaluate(entries, func(lang string) (*lint.Engine, error) {
		if engines[lang] == nil {
			engines[lang] = builtin(t, lang)
		}
		return engines[lang], nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// checkCorpus scores a corpus with the built-in playbooks against floors.
func checkCorpus(t *testing.T, path string, f floors) {
	t.Helper()
	entries, err := lint.LoadCorpus(path)
	if err != nil {
		t.Fatal(err)
	}
	sc := evaluateBuiltin(t, entries)
	misses := func() string {
		if !f.showMisses {
			return ""
		}
		var b strings.Builder
		for _, m := range sc.Misses {
			fmt.Fprintf(&b, "\n  %s %s [%s]", m.ID, m.What, strings.Join(m.Rules, ", "))
		}
		return b.String()
	}
	for _, tc := range []struct {
		tone  string
		floor float64
	}{{"promotional", f.promotional}, {"whiny", f.whiny}} {
		for lang, c := range sc.Tone[tc.tone] {
			if lang != "all" && !f.perLang {
				continue
			}
			t.Logf("%s %s [%s]: precision %.2f recall %.2f F1 %.2f", path, tc.tone, lang, c.Precision(), c.Recall(), c.F1())
			if c.F1() < tc.floor {
				t.Errorf("%s: %s [%s] F1 %.2f fell below %.2f%s", path, tc.tone, lang, c.F1(), tc.floor, misses())
			}
		}
	}
	for lang, lf := range f.lang {
		for _, tc := range []struct {
			tone  string
			floor float64
		}{{"promotional", lf.promotional}, {"whiny", lf.whiny}} {
			c, ok := sc.Tone[tc.tone][lang]
			if !ok {
				t.Errorf("%s: no %s figures for [%s]", path, tc.tone, lang)
				continue
			}
			if c.F1() < tc.floor {
				t.Errorf("%s: %s [%s] F1 %.2f fell below %.2f%s", path, tc.tone, lang, c.F1(), tc.floor, misses())
			}
		}
	}
	if r := sc.HardNegativeRate(); r > f.hardNegatives {
		t.Errorf("%s: %.0f%% of hard negatives flagged, at most %.0f%%%s", path, 100*r, 100*f.hardNegatives, misses())
	}
	if sc.NextUpdate.Accuracy() < f.nextUpdate || sc.Contact.Accuracy() < f.contact {
		t.Errorf("%s: detection next-update %.1f%% (floor %.0f%%), contact %.1f%% (floor %.0f%%)%s", path,
			100*sc.NextUpdate.Accuracy(), 100*f.nextUpdate, 100*sc.Contact.Accuracy(), 100*f.contact, misses())
	}
}

// TestHoldout keeps testdata/holdout.yaml from regressing. It was written
// without knowledge of the lexicons and served as the held-out measure
// until one tuning round used its misses; it is a development set now.
func TestHoldout(t *testing.T) {
	checkCorpus(t, "testdata/holdout.yaml", floors{promotional: 0.97, whiny: 0.97, hardNegatives: 0.10, nextUpdate: 0.95, contact: 0.95, perLang: true})
}

// TestHoldout2 keeps testdata/holdout2.yaml from regressing. It was
// written without knowledge of the lexicons and was the honest measure
// for several rounds; one round then read its misses and tuned on them,
// so it is a development set now (holdout3.yaml took its place). Its
// next-update misses (old dates, offers' deadlines, German word forms) were
// read and fixed by meaning too.
func TestHoldout2(t *testing.T) {
	checkCorpus(t, "testdata/holdout2.yaml", floors{promotional: 0.95, whiny: 0.95, hardNegatives: 0.10, nextUpdate: 0.95, contact: 0.97, showMisses: true})
}

// TestHoldout3 guards the short-message figures of testdata/holdout3.yaml.
// It was written without knowledge of the lexicons, the rules or the
// linter's results and measured once, at the end of the round it was
// written in: promotional F1 0.81, whiny F1 0.78, 1 of 25 hard negatives
// flagged, next update 89 %, contact 95 %. Since then it is a development
// set: its misses were read and grouped by meaning (claims sent to others,
// critics told to stop, "nichts dafür können", fault pushed away by
// contrast, reliability boasts, demos after a breach), and each group was
// fixed as a category with other wordings; so were its next-update misses
// (a past word beside a real promise, German compounds and word forms).
// The floors sit a few points below what it scores now (German promotional
// and whiny F1 1.00, next update 99 %, contact 100 %); holdout4.yaml is
// the honest measure.
func TestHoldout3(t *testing.T) {
	checkCorpus(t, "testdata/holdout3.yaml", floors{promotional: 0.90, whiny: 0.85, hardNegatives: 0.10, nextUpdate: 0.97, contact: 0.97,
		lang: map[string]toneFloors{"en": {promotional: 0.94, whiny: 0.94}, "de": {promotional: 0.95, whiny: 0.95}}})
}

// TestHoldout4 guards the honest short-message figures: testdata/holdout4.yaml
// (160 messages, 80 per language) was written without knowledge of the
// lexicons, the rules, the other corpora or the linter's results, and was
// measured at the end of the round it was written in: promotional F1 0.69
// (German 0.67, English 0.71), whiny F1 0.73 (German 0.79, English 0.67),
// 3 of 34 hard negatives flagged, next update 85.6 %, contact 92.5 %. It
// is a development set now: the next round read its next-update and
// contact misses and fixed them as forms with other wordings
// (TestDetectionForms; 96.9 % and 98.1 %), its German whiny misses and
// widened the categories they belong to (German whiny F1 1.00, hard
// negatives 1 of 34), and its promotional misses, grouped by meaning (a
// product plug in a disruption notice, a pivot to a premium tier, a
// freebie that needs a purchase, scarcity) and widened with other wordings
// (testdata/promo-paraphrases.yaml; promotional F1 0.90 German, 0.93
// English). A failure still does not list its entries.
func TestHoldout4(t *testing.T) {
	checkCorpus(t, "testdata/holdout4.yaml", floors{promotional: 0.90, whiny: 0.68, hardNegatives: 0.10, nextUpdate: 0.95, contact: 0.96})
}

// TestHoldout5 guards the honest short-message figures of this round:
// testdata/holdout5.yaml (160 messages, 80 per language, other senders and
// channels than holdout4's) was written without knowledge of the lexicons,
// the rules, the other corpora or the linter's results, and measured once,
// at the end of the round it was written in: promotional F1 0.77 (German
// 0.80, English 0.73), whiny F1 0.89 (German 0.84, English 0.94), 0 of 36
// hard negatives flagged, next update 93.8 %, contact 94.4 %. Since then it
// is a development set: its promotional, whiny, next-update and contact
// misses were read and the categories behind them widened (promotional F1
// 0.97: German 1.00, English 0.94; whiny F1 1.00 in both languages; next
// update and contact 100 % — development figures, not honest ones;
// holdout6.yaml took its place). The floors sit a few points below.
func TestHoldout5(t *testing.T) {
	checkCorpus(t, "testdata/holdout5.yaml", floors{promotional: 0.92, whiny: 0.95, hardNegatives: 0.10, nextUpdate: 0.96, contact: 0.96, showMisses: true})
}

// TestHoldout6 guards the honest short-message figures of this round:
// testdata/holdout6.yaml (160 messages, 80 per language, other senders than
// holdout5's) was written without knowledge of the lexicons, the rules,
// the other corpora or the linter's results, and measured once, at the end
// of the round it was written in: promotional F1 0.78 (German 0.80, English
// 0.75), whiny F1 0.67 (German 0.71, English 0.62), 5 of 34 hard negatives
// flagged, next update 85.6 %, contact 93.8 %. The rules of the round's
// start scored about the same (0.80, 0.68, 5 of 34, 84.4 %, 95.0 %): the
// round's widening did not carry over to these messages. It is a
// development set now: its false alarms were read and cleared by meaning (a
// meal voucher for stranded passengers, a script line of what not to say,
// a fault in the sender's own data centre, "you are right to be angry", a
// cost behind a price rise, a social tariff, a reduced strike timetable, a
// fire ban, a cause named for an outage read as a sale), which gives
// promotional F1 0.84 (German 0.88, English 0.80, precision 1.00 in both),
// whiny F1 0.71 (0.77, 0.64) and no hard negative flagged — development
// figures, not honest ones. Its promotional misses were then read as a
// category — a pitch after a notice of what went wrong ("while we have
// you", "want a backup?", „Lust auf …?“, „werde Mitglied, dann …“;
// helpful.pitch-after-notice, built from other wordings): promotional F1
// 0.96 (German 1.00, English 0.91). Its whiny misses were read as frames of
// blame and self-pity (the sender as the object of blame, a third party's
// refusal as the reason, a counterfactual excuse): whiny F1 about 0.95. Its
// next-update and contact misses were read the same way and the detectors
// widened by form (a new slot proposed, a catch-up day, a result or an
// announcement due, a time "now expected", a weekly habit, a hotline called
// by name, a text to a short code, a call back in a script, a journey
// planner): next update 95.6 % (German 93.8, English 97.5; 88.8 and 82.5
// before), contact 97.5 % (97.5 and 97.5; 93.8 and 93.8). Floors sit a few
// points below; the hard-negative ceiling stays at none.
func TestHoldout6(t *testing.T) {
	checkCorpus(t, "testdata/holdout6.yaml", floors{promotional: 0.93, whiny: 0.90, hardNegatives: 0, nextUpdate: 0.93, contact: 0.95, showMisses: true})
}

// TestHoldout7 holds the figures of testdata/holdout7.yaml (160 messages,
// 80 per language, senders used in no other file: a ferry operator, a dental
// practice, a ski resort, a payroll provider's status page …), written
// without sight of the word lists, the rules, the other corpora or the
// linter's results. Measured blind at the start of its round (promotional F1
// 0.79, whiny 0.73, 8 of 38 hard negatives flagged, next update 91.9 %,
// contact 95.6 %) and once at its end, with nothing read in between:
// promotional F1 0.81 (German 0.85, English 0.78), whiny F1 0.77 (German
// 0.80, English 0.73), 8 of 38 hard negatives flagged, next update 91.9 %,
// contact 95.6 %. It is a development set since. Its eight false alarms
// were read and cleared by meaning (thanks for a shortened programme, cash
// paid back for a cause outside the sender's hands, free desk space called
// an offer, standing concessions kept in a price notice, securing an
// account after a phishing mail, a power cut owned, a volunteer mourned, a
// disappointment shared; and a traveller wished a relaxed trip is no critic
// told to calm down); its misses were read and the categories widened by
// meaning (customers who can't be bothered, nature against us, "we too were
// the target", a pitch after a notice, a product sold as protection …); its
// next-update and contact misses were read and the detectors widened by the
// family of each form (TestDetectionForms). The floors sit a little below
// what that gives (see the README); the hard-negative ceiling is none.
func TestHoldout7(t *testing.T) {
	checkCorpus(t, "testdata/holdout7.yaml", floors{promotional: 0.86, whiny: 0.85, hardNegatives: 0, nextUpdate: 0.96, contact: 0.97,
		lang: map[string]toneFloors{"en": {promotional: 0.95, whiny: 0.95}}})
}

// TestWordingsDE holds the German categories of whiny and blame-shifting
// meaning: testdata/wordings-de.yaml has 128 wordings across fourteen
// categories (blame on third parties, hands tied, taking the flak, the
// sender as victim, passive fault, playing it down, legalistic denial, …)
// and 48 honest look-alikes, written in four batches. Each batch was
// scored before the rules were widened for it (33 of 78, 5 of 20, 7 of 15
// and 4 of 15 caught); it is a development set now, and a rule that loses
// a category, or starts flagging a look-alike, fails here.
func TestWordingsDE(t *testing.T) {
	checkCorpus(t, "testdata/wordings-de.yaml", floors{whiny: 0.95, hardNegatives: 0.10, nextUpdate: 0.9, contact: 0.95, showMisses: true})
}

// TestPromoParaphrases holds the promotional categories to their meaning:
// testdata/promo-paraphrases.yaml has wordings written by category rather
// than taken from a corpus (a product plug or launch in a disruption notice,
// a pivot to a premium tier, a freebie that needs a purchase, a discount on
// a purchase called compensation, a sale named after the event, self-praise,
// engagement bait, scarcity, a paid extra with a price anchor, loyalty
// points, a brand voice on an occasion) and honest look-alikes as hard
// negatives (free shipping while the shops are shut, a refund, a credit
// with no purchase, a plain donation, thanks to team members, customers who
// rely on us, a postmortem that names tiers). It came in four sets, each
// written before the rules were widened against it. Two were scored once,
// unseen: the third after the second widening (21 of 33 English and 24 of
// 33 German wordings caught; 15 and 15 at the start of the round), the
// fourth after the third (14 of 22 and 10 of 22; 10 and 8 at the start,
// and 2 of its 10 look-alikes flagged, since cleared). The built-ins of the
// start of the round caught 73 of 156 English and 77 of 156 German wordings
// and flagged 6 of 70 look-alikes; they caught 144 and 142 and flagged none
// at its end. A fifth set (the kinds of promotion real statements show:
// newsjacking, giveaways, donations per sale or share, mission talk, a
// win-back plea, own goods, price anchors) was caught 29 and 28 of 67
// before the rules were widened for it, a sixth, written after that
// widening and scored once unseen, 8 and 8 of 20. All six sets together:
// 229 of 243 English and 227 of 243 German wordings caught, no look-alike
// flagged. The floors sit a few points below today's F1 (0.97 and 0.97).
func TestPromoParaphrases(t *testing.T) {
	checkCorpus(t, "testdata/promo-paraphrases.yaml", floors{promotional: 0.93, hardNegatives: 0.05, showMisses: true, perLang: true})
}

// TestPromoOccasionDE holds German promotion that rides on a crisis to its
// meaning: testdata/promo-occasion-de.yaml began with 53 German wordings
// written by category (a storm, a heatwave, a strike or an outage as the occasion
// for a price, "wir haben da was für Sie", a prize draw on the occasion,
// the brand as the hero of the hour, self-praise against every rival, a
// product placed in an apology or notice, a scandal turned into a sale,
// a hashtag ridden for a sale, a discount "zum Trost") and 16 honest
// look-alikes (free delivery while the shops are shut, a refund, a plain
// donation, pride in the team inside an honest letter, opening hours in a
// heatwave). The built-ins caught 35 of the 53 before they were widened
// for it and flagged none of the look-alikes. A second set of 20 wordings
// and 6 look-alikes, written after that widening and scored once, unseen,
// was caught 13 of 20 (12 by the built-ins before the first widening),
// with no look-alike flagged: the widening reached barely past the
// wordings it was built from. After a second widening the built-ins catch
// 72 of 73 and flag none of the 22 look-alikes. Brand puns on an event are
// not in it: words alone do not show what a pun refers to.
func TestPromoOccasionDE(t *testing.T) {
	checkCorpus(t, "testdata/promo-occasion-de.yaml", floors{promotional: 0.95, hardNegatives: 0.05, showMisses: true})
}

// TestPromoHooks holds promotion that rides on an occasion without a price
// to its meaning, in both languages: testdata/promo-hooks.yaml holds wordings
// written by category — the occasion as content (tips, what to binge, a
// playlist, a workout or an artwork named for it, a pun on the disaster),
// shopping as the way through it, someone else's strike or outage as a sales
// line, help tied to follows, tags or reposts, a condolence that carries the
// brand — and honest look-alikes (safety tips, a closure, free delivery while
// the shops are shut, a plain donation, capacity added in one's own strike, a
// plain condolence). The built-ins before this work caught 29 of 65 of the
// first set; the second set, written after the first widening and scored
// once, unseen, was caught 17 of 32 (12 before any of it). Both are
// development sets now, with a third of pitches after a notice of what went
// wrong ("while we have you", „Lust auf …?“, caught 5 of 10 before the rule
// for them); the condolence with a slogan as its only brand mark
// ("#JustDoIt") stays out of reach of words.
func TestPromoHooks(t *testing.T) {
	checkCorpus(t, "testdata/promo-hooks.yaml", floors{promotional: 0.95, hardNegatives: 0.05, perLang: true, showMisses: true})
}

// TestHonest holds the false-alarm rate on honest crisis messages:
// testdata/honest.yaml has 80 German and 80 English messages that are
// neither promotional nor whiny, about half of them hard negatives that
// look risky (an honest "leider", a refund or a credit without a purchase,
// a cause named while owning it, condolences, thanks to crews, the
// anniversary of a disaster, holiday opening hours, a rumour corrected).
// They were written before the linter was run on them; it then flagged
// 10 of 160 (7 German, 3 English), and the rules were narrowed by meaning
// until none was. A bolder rule that starts flagging honest messages
// fails here even when the tuned corpora still score perfectly; the
// ceiling leaves room for four messages per language.
func TestHonest(t *testing.T) {
	checkHonest(t, "testdata/honest.yaml", 80, 0.05, 0.95, 0.96)
}

// TestHonest2 holds the false alarms on testdata/honest2.yaml: 60 German
// and 60 English honest messages that each look like a risky category (a
// contractor, a supplier or "human error" named as the cause while owning
// it, the standards that apply with what changes, a storm or an attack as
// the cause, a refund, a donation, modest pride, a pricing error honoured,
// a rumour corrected with test results). They were written without seeing
// the word lists, the rules or the linter's results and measured once, at
// the end of the round they were written in: 15 of 120 flagged (12.5 %;
// the rules of the round's start flagged 11). The four false alarms the
// round's new blame rules added were then read and cleared by meaning, so
// the file became a development set with 11 of 120 flagged (5 German, 6
// English). Those eleven were read and cleared by meaning as well (the
// cause owned though a franchisee or a print service did the work, flood
// damage to one's own premises, pride in what volunteers did, a pricing
// error honoured, crews "out now", the reader's frustration acknowledged, a
// recall's "gagging"): one is flagged now — a council that writes of
// itself in the third person ("the delay is the council's fault, not
// yours") reads as fault pinned on another, which is what the same words
// mean from anyone else ("the supplier's fault, not yours"); the ceiling
// allows that one. Next-update detection read 82.5 % here (contact
// 97.5 %), measured once as well; after its misses were read and the
// detectors widened by form, 94.2 % (German 95.0, English 93.3) and 99.2 %.
func TestHonest2(t *testing.T) {
	checkHonest(t, "testdata/honest2.yaml", 60, 0.02, 0.92, 0.97)
}

// TestHonest3 holds the false alarms on honest look-alikes of
// testdata/honest3.yaml (60 messages per language: a contractor, a
// franchisee or "human error" named while owning it, the standards that
// apply with what changes, a storm or a cyber attack as the cause, a refund,
// a donation, thanks, modest pride, empathy for anger, a rumour corrected, a
// pricing error honoured, a recall), written without sight of the rules or
// the results. Measured blind at the start of its round (14 of 120 flagged)
// and once at its end, unread in between: 14 of 120 flagged (German 5 of
// 60, English 9 of 60), next update 90.0 %, contact 94.2 %. It is a
// development set since: the fourteen were read and the rules fixed by the
// meaning that makes each honest (a standard cited as not met, "it was not
// enough", the brand owning what happens under its name, a new product
// checked, pride in the crews' work, a so-called technical term explained,
// the organisation rather than one colleague answering for an error,
// readers' anger acknowledged, a wrong price honoured, trust named in an
// apology), and none is flagged; its next-update and contact misses were
// read and the detectors widened by form (next update 95.0 %: six English
// times that the labels do not count as a next update, a refund "within 7
// days" and a credit "on your next bill" among them; contact 99.2 %). The
// ceiling is none; the floors sit just below.
func TestHonest3(t *testing.T) {
	checkHonest(t, "testdata/honest3.yaml", 60, 0, 0.93, 0.97)
}

// checkHonest fails when more than maxRate of the honest messages of a
// language in path are flagged promotional or whiny, or when next-update
// or contact detection falls below its floor.
func checkHonest(t *testing.T, path string, perLang int, maxRate, nextUpdate, contact float64) {
	t.Helper()
	entries, err := lint.LoadCorpus(path)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]int{}
	for _, e := range entries {
		langs[e.Lang]++
		if e.Promotional || e.Whiny {
			t.Errorf("%s: %s is labelled promotional or whiny; this corpus holds honest messages only", path, e.ID)
		}
	}
	if langs["de"] < perLang || langs["en"] < perLang {
		t.Fatalf("%s: want at least %d messages per language, have %v", path, perLang, langs)
	}
	sc := evaluateBuiltin(t, entries)
	var flagged strings.Builder
	for _, m := range sc.Misses {
		if strings.HasPrefix(m.What, "promotional") || strings.HasPrefix(m.What, "whiny") {
			fmt.Fprintf(&flagged, "\n  %s %s [%s]", m.ID, m.What, strings.Join(m.Rules, ", "))
		}
	}
	for _, lang := range []string{"de", "en"} {
		rate := float64(sc.Flagged[lang]) / float64(sc.Messages[lang])
		t.Logf("%s [%s]: %d of %d honest messages flagged (%.1f%%)", path, lang, sc.Flagged[lang], sc.Messages[lang], 100*rate)
		if rate > maxRate {
			t.Errorf("%s [%s]: %.1f%% of honest messages flagged, at most %.0f%%%s", path, lang, 100*rate, 100*maxRate, flagged.String())
		}
	}
	if r := sc.HardNegativeRate(); r > maxRate {
		t.Errorf("%s: %.1f%% of hard negatives flagged, at most %.0f%%%s", path, 100*r, 100*maxRate, flagged.String())
	}
	// honest.yaml, measured when it was written: next update 92.5 %, contact
	// 93.8 %; 96.9 % and 98.1 % since the forms of TestDetectionForms.
	// honest2.yaml, measured once: next update 82.5 %, contact 97.5 %.
	if sc.NextUpdate.Accuracy() < nextUpdate || sc.Contact.Accuracy() < contact {
		t.Errorf("%s: detection next-update %.1f%% (floor %.0f%%), contact %.1f%% (floor %.0f%%)", path,
			100*sc.NextUpdate.Accuracy(), 100*nextUpdate, 100*sc.Contact.Accuracy(), 100*contact)
	}
}

// TestWordingsEN holds the English whiny and blame-shifting categories to
// their meaning: testdata/wordings-en.yaml has 182 wordings written by
// category (the sender who suffers or takes the hits, the victim alongside
// its customers, a decision or cause declared someone else's, the passive
// voice that hides the actor, a supplier, authority or hackers as culprit,
// customers or the media blamed, one rogue person, "like every other
// airline", effort pleaded against scarce means, the staff as a shield) and
// 72 honest look-alikes. Before this work the built-ins caught 63 of the
// 182 and flagged 3 look-alikes; each later set was scored once before the
// rules were widened for it (the unseen figures are in the README). It is a
// development set now, and a rule that loses a category fails here.
func TestWordingsEN(t *testing.T) {
	checkCorpus(t, "testdata/wordings-en.yaml", floors{whiny: 0.93, hardNegatives: 0.05, showMisses: true})
}

// TestHoldout8 holds the figures of testdata/holdout8.yaml (160 messages,
// 80 per language, senders used in no other file: a bike-rental scheme, a
// vet clinic, a cloud host's status page, a district-heating utility, a
// savings bank …), written without sight of the word lists, the rules, the
// other corpora or the linter's results. Measured blind at the start of its
// round (promotional F1 0.88, whiny 0.81 — German 0.67, English 0.91 —, 4 of
// 36 hard negatives flagged, next update 88.1 %, contact 99.4 %) and once at
// its end, with nothing read in between: promotional F1 0.90 (German 0.91,
// English 0.88), whiny 0.81 (0.67 and 0.91, unchanged), 4 of 36 hard
// negatives flagged, next update 89.4 %, contact 98.8 %. It is a development
// set since. Its promotional and whiny misses were read into families of
// meaning (the sender as the victim, fault laid on a named party, critics
// scolded, the fuss blamed, the limits of one's job, "it worked as
// designed", the sender paying the price, a pitch after a notice, share-to-
// win bait, a disruption as the perfect excuse to buy), each widened with
// other wordings and tested on ten more written afterwards
// (TestRecallFamilies); its next-update and contact misses were read by
// form, which took detection to 96.9 % and 99.4 %. The floors sit a little
// below what that gives (see the README).
func TestHoldout8(t *testing.T) {
	checkCorpus(t, "testdata/holdout8.yaml", floors{promotional: 0.95, whiny: 0.92, hardNegatives: 0, nextUpdate: 0.95, contact: 0.98,
		perLang: true, showMisses: true})
}

// TestRecallFamilies holds the whiny and promotional families read from the
// misses of holdout8 and of fresh5's train and dev splits to their meaning:
// testdata/recall-families.yaml has ten wordings per family written after
// the family was built (other senders, tenses, persons and word orders;
// 136 of 160 caught when first scored, 150 after widening for the misses)
// and 56 honest look-alikes. Round seven added twelve families read from
// fresh6's train and dev splits, the other open real statements and
// holdout9, three to five wordings per family and language written after
// the family was built (95 of 108 caught when first scored, 106 after
// widening) and 42 look-alikes. A rule that loses a family fails here.
func TestRecallFamilies(t *testing.T) {
	checkCorpus(t, "testdata/recall-families.yaml", floors{promotional: 0.96, whiny: 0.88, hardNegatives: 0.10, showMisses: true, perLang: true})
}

// TestHonest4 holds the false alarms on honest look-alikes written in the
// latest round without sight of the rules or the results (testdata/
// honest4.yaml, 60 messages per language, in six kinds: a contractor or
// human error named while owning it, the procedures that apply with what
// changes, weather, a strike or an attack as the cause, a refund or thanks,
// empathy or a rumour corrected, a price kept or a recall). Measured at the
// start of the round (22 of 120 flagged: German 10, English 12; next update
// 90.0 %, contact 96.7 %) and once at its end, unread in between: 17 of
// 120 flagged (German 7, English 10), next update 89.2 %, contact 96.7 %.
// It is a development set since: the seventeen were read and the rules
// fixed by the meaning that makes each honest (one's own omission or
// "that's on us" beside a supplier, an agency or human error, what cannot
// be proved told plainly, a rumour answered, pride set against the harm, a
// club's members as those affected, a kitchen "out of action", things
// handed out while stocks last, a guest treated for heat exhaustion, the
// reader's data misused, a wrong price kept, and the stem traps "Säle",
// "Mitgliederverwaltung" and "verantworten" read as "die
// Verantwortlichen"), and none is flagged; its next-update and contact
// misses were read by form (95.8 % and 98.3 % since). The ceiling is none;
// the detection floors sit just below.
func TestHonest4(t *testing.T) {
	checkHonest(t, "testdata/honest4.yaml", 60, 0, 0.94, 0.97)
}

// TestHoldout9 holds the blind short-message figures of the latest round:
// testdata/holdout9.yaml (160 messages, 80 per language, senders used in no
// other file: a water utility, a car-sharing service, a public library, a
// ski resort, a payroll software vendor, a blood donation service …) was
// written without sight of the word lists, the rules, the other corpora or
// the linter's results, and measured at the start of the round
// (promotional F1 0.77 — German 0.80, English 0.74 —, whiny 0.86 — German
// 0.82, English 0.89 —, 3 of 32 hard negatives flagged, next update
// 93.8 %, contact 98.1 %) and once at its end, with nothing read in
// between: promotional F1 0.79 (German 0.80, English 0.78), whiny 0.86
// (0.82 and 0.89, unchanged), 3 of 32 hard negatives flagged, next update
// 95.0 %, contact 98.1 %. It is a development set since: its promotional and
// whiny misses were read into families of meaning in round seven (a
// compensation discount that needs a purchase, a pitch after a notice,
// complainers told to be grateful, the sender's hidden cost), reading the
// next update clause by clause moved next update and contact, and the
// weighing of a lone cue took its hard negatives flagged from 3 to 2 of
// 32 (see the README for the figures). The floors sit a few points below;
// a change that judges it worse fails here.
func TestHoldout9(t *testing.T) {
	checkCorpus(t, "testdata/holdout9.yaml", floors{promotional: 0.83, whiny: 0.89, hardNegatives: 0.10, nextUpdate: 0.94, contact: 0.97})
}

// TestHonest5 holds the false alarms on honest look-alikes written in the
// latest round without sight of the rules or the results (testdata/
// honest5.yaml, 60 messages per language, in the six kinds of honest4,
// from senders in no other file). Measured at the start of the round: 7 of
// 120 flagged (German 5, English 2), next update 89.2 %, contact 97.5 %;
// and once at its end, unread in between: 6 of 120 (German 4, English 2),
// next update and contact unchanged. It is a development set now: its
// misses were read after that, reading the next update clause by clause
// moved next update, and the weighing of a lone cue took it to 3 of 120
// (German 2, English 1). The ceiling sits just above, the floors just
// below; a rule that adds false alarms here fails.
func TestHonest5(t *testing.T) {
	checkHonest(t, "testdata/honest5.yaml", 60, 0.05, 0.92, 0.96)
}

// TestHoldout10 holds the blind short-message figures of the latest round:
// testdata/holdout10.yaml (160 messages, 80 per language, from senders in
// no other file: a ferry operator, a veterinary clinic, a hospice, a theme
// park, a dating app, a crypto exchange …) was written without sight of the
// word lists, the rules, the other corpora or the linter's results, and
// measured at the start of round seven (promotional F1 0.80 — German 0.82,
// English 0.78 —, whiny 0.78 — German 0.85, English 0.71 —, 3 of 32 hard
// negatives flagged, next update 85.6 %, contact 98.8 %) and once at its
// end, with nothing read in between (see the README for those figures).
// The floors sit a few points below; a change that judges it worse fails.
func TestHoldout10(t *testing.T) {
	checkCorpus(t, "testdata/holdout10.yaml", floors{promotional: 0.76, whiny: 0.74, hardNegatives: 0.13, nextUpdate: 0.84, contact: 0.95})
}

// TestHonest6 holds the false alarms on honest look-alikes written in the
// latest round without sight of the rules or the results (testdata/
// honest6.yaml, 60 messages per language, in the six kinds of honest4 and
// honest5, from senders in no other file). Measured at the start of round
// seven: 12 of 120 flagged (German 5, English 7), next update 86.7 %,
// contact 100 %; and once at its end, unread in between (see the README).
// The ceiling sits just above; a rule that adds false alarms here fails.
func TestHonest6(t *testing.T) {
	checkHonest(t, "testdata/honest6.yaml", 60, 0.10, 0.84, 0.97)
}
