package templates

import (
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/Masterminds/sprig/v3"
)

func render(t *testing.T, src string, data map[string]any, opts Options) (string, error) {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	return Render("t", src, data, opts)
}

func TestRender(t *testing.T) {
	data := map[string]any{"what": "Card payments fail", "n": 3, "list": []string{"b", "a"}, "empty": ""}
	tests := []struct {
		name    string
		src     string
		opts    Options
		want    string
		wantErr string // substring; "" means no error
		is      error
	}{
		{name: "plain", src: "{{ .what }}.", want: "Card payments fail."},
		{name: "sprig helper", src: `{{ .what | upper }} {{ list 1 2 | join "," }}`, want: "CARD PAYMENTS FAIL 1,2"},
		{name: "missing key", src: "line one\n  {{ .nope }}", wantErr: "t:2:5"},
		{name: "missing key names key", src: "{{ .nope }}", wantErr: `"nope"`},
		{name: "parse error has line", src: "a\nb {{ if }}", wantErr: "template: t:2:"},
		{name: "fail names template", src: `{{ fail "stop" }}`, wantErr: "t:1:3"},
		{name: "required", src: `{{ required "empty" .empty }}`, wantErr: `"empty" is required but empty`},
		{name: "required passes value", src: `{{ required "what" .what }}`, want: "Card payments fail"},
		{name: "output cap", src: `{{ range until 100 }}0123456789{{ end }}`, opts: Options{MaxOutput: 500}, wantErr: "output", is: ErrOutputLimit},
		{name: "output cap exact", src: `{{ range until 50 }}0123456789{{ end }}`, opts: Options{MaxOutput: 500}, want: strings.Repeat("0123456789", 50)},
		{name: "empty loop times out", src: `{{ range until 10000 }}{{ range until 10000 }}{{ range until 10000 }}{{ end }}{{ end }}{{ end }}`, opts: Options{Timeout: 100 * time.Millisecond}, wantErr: "time limit", is: ErrTimeout},
		{name: "range over int times out", src: `{{ range 1000000000000 }}{{ end }}`, opts: Options{Timeout: 100 * time.Millisecond}, is: ErrTimeout},
		{name: "template fan-out times out", src: `{{ define "a" }}{{ end }}` + fanout(40) + `{{ template "t40" }}`, opts: Options{Timeout: 100 * time.Millisecond}, is: ErrTimeout},
		{name: "recursion refused", src: `{{ define "a" }}{{ template "b" }}{{ end }}{{ define "b" }}{{ template "a" }}{{ end }}{{ template "a" }}`, wantErr: "recursive template call"},
		{name: "repeat bounded", src: `{{ repeat 1000000000 "x" }}`, is: ErrLimit},
		{name: "repeat overflow", src: `{{ repeat 9223372036854775807 "xx" }}`, is: ErrLimit},
		{name: "repeat ok", src: `{{ repeat 3 "ab" }}`, want: "ababab"},
		{name: "until bounded", src: `{{ range until 100000000 }}x{{ end }}`, is: ErrLimit},
		{name: "until negative bounded", src: `{{ len (until -100000000) }}`, is: ErrLimit},
		{name: "until ok", src: `{{ until 3 }} {{ until -2 }}`, want: "[0 1 2] [0 -1]"},
		{name: "untilStep bounded", src: `{{ untilStep 0 100000000 1 }}`, is: ErrLimit},
		{name: "untilStep near max int", src: `{{ untilStep 9223372036854775800 9223372036854775807 5 }}`, want: "[9223372036854775800 9223372036854775805]"},
		{name: "untilStep ok", src: `{{ untilStep 10 0 -3 }}`, want: "[10 7 4 1]"},
		{name: "seq bounded", src: `{{ seq 100000000 }}`, is: ErrLimit},
		{name: "seq ok", src: `{{ seq 3 }}|{{ seq 2 -1 }}|{{ seq 0 2 6 }}|{{ seq 5 -2 0 }}|{{ seq 1 2 0 }}`, want: "1 2 3|2 1 0 -1|0 2 4 6|5 3 1|"},
		{name: "seq max int", src: `{{ seq 9223372036854775806 9223372036854775807 }}`, want: "9223372036854775806 9223372036854775807"},
		{name: "indent bounded", src: `{{ indent 1000000000 "x" }}`, is: ErrLimit},
		{name: "nindent bounded", src: `{{ nindent 1000000000 "x" }}`, is: ErrLimit},
		{name: "indent ok", src: `{{ indent 2 "a\nb" }}`, want: "  a\n  b"},
		{name: "replace bounded", src: `{{ $s := repeat 1000 "x" }}{{ replace "x" (repeat 2000 "y") $s }}`, is: ErrLimit},
		{name: "replace empty old bounded", src: `{{ $s := repeat 1000 "x" }}{{ replace "" (repeat 2000 "y") $s }}`, is: ErrLimit},
		{name: "doubling bounded", src: `{{ $s := "xxxxxxxx" }}{{ range until 40 }}{{ $s = cat $s $s }}{{ end }}{{ len $s }}`, is: ErrLimit},
		{name: "list doubling bounded", src: `{{ $l := list 1 }}{{ range until 40 }}{{ $l = concat $l $l }}{{ end }}{{ len $l }}`, is: ErrLimit},
		{name: "deep nesting bounded", src: `{{ $l := list 1 }}{{ range until 100 }}{{ $l = list $l }}{{ end }}{{ len $l }}`, is: ErrLimit},
		{name: "join bounded", src: `{{ join (repeat 100000 "x") (until 5000) }}`, is: ErrLimit},
		{name: "wrapWith bounded", src: `{{ wrapWith 1 (repeat 10000 "-") (repeat 10000 "x") }}`, is: ErrLimit},
		{name: "printf width bounded", src: `{{ printf "%999999d%999999d" 1 2 }}`, is: ErrLimit},
		{name: "printf star bounded", src: `{{ printf "%*d%*d" 999999 1 999999 2 }}`, is: ErrLimit},
		{name: "printf ok", src: `{{ printf "%s-%03d" "a" 7 }}`, want: "a-007"},
		{name: "splitList bounded", src: `{{ len (splitList "" (repeat 20000 "x")) }}`, is: ErrLimit},
		{name: "regexReplaceAll bounded", src: `{{ regexReplaceAll "" (repeat 5000 "x") (repeat 5000 "y") }}`, is: ErrLimit},
		{name: "regexReplaceAll ok", src: `{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }}`, want: "-W-xxW-"},
		{name: "regexFindAll bounded", src: `{{ len (regexFindAll "x" (repeat 20000 "x") -1) }}`, is: ErrLimit},
		{name: "uniq bounded", src: `{{ uniq (until 5000) }}`, is: ErrLimit},
		{name: "sortAlpha copies", src: `{{ sortAlpha .list }} {{ .list }}`, want: "[a b] [b a]"},
		{name: "now is injected", src: `{{ now | date "2006-01-02 15:04" }}`, want: "2026-11-23 09:30"},
		{name: "date of string", src: `{{ date "Jan 2" "2026-12-24T18:00:00+01:00" }}`, want: "Dec 24"},
		{name: "date refuses junk", src: `{{ date "Jan 2" .what }}`, wantErr: "not an RFC 3339 time"},
		{name: "ago uses clock", src: `{{ ago "2026-11-23T08:00:00+01:00" }}`, want: "1h30m0s"},
		{name: "durationRound uses clock", src: `{{ durationRound (toDate "2006-01-02" "2026-11-20") }}`, want: "3d"},
		{name: "dateInZone", src: `{{ dateInZone "15:04" "2026-11-23T15:00:00+01:00" "UTC" }}`, want: "14:00"},
		{name: "sentence", src: `{{ sentence "  ok " }}|{{ sentence "Done!" }}|{{ sentence "(see below)" }}|{{ sentence "He said \"stop.\"" }}|{{ sentence "" }}`, want: `ok.|Done!|(see below).|He said "stop."|`},
		{name: "oneline", src: "{{ oneline \"a\\n  b\\tc \" }}", want: "a b c"},
		{name: "phone kept as written", src: `{{ phone " +49 (0)800 123-4567 " }}`, want: "+49 (0)800 123-4567"},
		{name: "gsm", src: `{{ gsm "„Hallo“ – ‘ok’…" }}`, want: `"Hallo" - 'ok'...`},
		{name: "lang from data", src: `{{ time "2026-11-23T15:00:00+01:00" }}`, want: "3:00 pm"},
		{name: "lang option", src: `{{ time "2026-11-23T15:00:00+01:00" }}`, opts: Options{Lang: "de-DE"}, want: "15:00 Uhr"},
		{name: "time of empty", src: `{{ when .empty }}`, wantErr: "when: the time is empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			got, err := render(t, tc.src, data, tc.opts)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %s", d)
			}
			if tc.wantErr == "" && tc.is == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if got != tc.want {
					t.Fatalf("got %q, want %q", got, tc.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error; output %.80q", got)
			}
			if got != "" {
				t.Errorf("output %.80q returned with error", got)
			}
			if !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("error %q does not contain %q", err, tc.wantErr)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), "t") {
				t.Errorf("error %q does not name the template", err)
			}
		})
	}
}

// fanout defines t1…tN where each calls the previous one twice, 2^N calls
// in all, without recursion and without output.
func fanout(n int) string {
	var b strings.Builder
	b.WriteString(`{{ define "t0" }}{{ end }}`)
	for i := 1; i <= n; i++ {
		prev := `{{ template "t` + strconv.Itoa(i-1) + `" }}`
		b.WriteString(`{{ define "t` + strconv.Itoa(i) + `" }}` + prev + prev + `{{ end }}`)
	}
	return b.String()
}

func TestErrorsNameTheTemplate(t *testing.T) {
	for _, src := range []string{"{{ .nope }}", "{{ if }}", `{{ repeat 1000000000 "x" }}`, "{{ range until 100 }}xxxxxxxxxx{{ end }}"} {
		_, err := Render("de/sms", src, map[string]any{}, Options{Now: testNow, MaxOutput: 100})
		if err == nil || !strings.Contains(err.Error(), "de/sms") {
			t.Errorf("%s: error %v does not name the template", src, err)
		}
	}
}

func TestRepeatIsFastAndSmall(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err := Render("t", `{{ repeat 1000000000 "x" }}`, nil, Options{Now: testNow})
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
	if elapsed > 2*time.Second {
		t.Errorf("took %s", elapsed)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 64<<20 {
		t.Errorf("allocated %d MB", d>>20)
	}
}

func TestUntilIsFast(t *testing.T) {
	start := time.Now()
	_, err := Render("t", `{{ range until 100000000 }}{{ end }}`, nil, Options{Now: testNow})
	if err == nil {
		t.Fatal("no error")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestTimedOutRunStops(t *testing.T) {
	src := `{{ range until 10000 }}{{ range until 10000 }}{{ range until 10000 }}{{ end }}{{ end }}{{ end }}`
	before := runtime.NumGoroutine()
	_, err := Render("t", src, nil, Options{Now: testNow, Timeout: 50 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines still running after the timeout, had %d", n, before)
	}
}

func TestDeniedFunctionsAreUndefined(t *testing.T) {
	all := sprig.TxtFuncMap()
	for _, name := range DeniedFuncs() {
		t.Run(name, func(t *testing.T) {
			if _, ok := all[name]; !ok {
				t.Fatalf("%s is not a sprig function: the deny-list is out of date", name)
			}
			_, err := render(t, "{{ "+name+" }}", nil, Options{})
			if err == nil || !strings.Contains(err.Error(), `function "`+name+`" not defined`) {
				t.Fatalf("err = %v, want function not defined", err)
			}
		})
	}
}

// TestNoNewSprigFunctions makes a sprig upgrade that adds a function force a
// decision: allow it (and bound it if needed) or deny it.
func TestNoNewSprigFunctions(t *testing.T) {
	for name := range sprig.TxtFuncMap() {
		if _, ok := staticFuncs()[name]; ok {
			continue
		}
		if _, ok := deniedFuncs[name]; ok {
			continue
		}
		if (&state{}).funcs()[name] != nil {
			continue
		}
		t.Errorf("sprig function %q is neither allowed nor denied", name)
	}
}

func TestEnvIsUnreachable(t *testing.T) {
	t.Setenv("CRISIS_SECRET_PROBE", "s3cr3t-value")
	home := os.Getenv("HOME")
	for _, src := range []string{
		`{{ env "HOME" }}`,
		`{{ env "CRISIS_SECRET_PROBE" }}`,
		`{{ expandenv "$CRISIS_SECRET_PROBE" }}`,
		`{{ "x" | env }}`,
	} {
		out, err := render(t, src, nil, Options{})
		if err == nil {
			t.Errorf("%s: no error, output %q", src, out)
			continue
		}
		for _, secret := range []string{"s3cr3t-value", home} {
			if secret != "" && (strings.Contains(out, secret) || strings.Contains(err.Error(), secret)) {
				t.Errorf("%s: leaks %q: out %q, err %v", src, secret, out, err)
			}
		}
	}
}

func TestNowDefaultsToClock(t *testing.T) {
	t.Setenv("CRISIS_NOW", "2030-01-02T03:04:05Z")
	out, err := Render("t", `{{ now | date "2006-01-02T15:04:05Z07:00" }}`, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out != "2030-01-02T03:04:05Z" {
		t.Errorf("now = %s", out)
	}
}

func TestRenderDoesNotMutateData(t *testing.T) {
	data := map[string]any{"channels": []string{"x", "sms"}}
	if _, err := render(t, `{{ sortAlpha .channels }}`, data, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := data["channels"].([]string); got[0] != "x" {
		t.Errorf("channels reordered: %v", got)
	}
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"{{ .what }}", `{{ repeat 10 "x" }}`, "{{ range until 5 }}{{ . }}{{ end }}",
		`{{ define "a" }}{{ template "a" }}{{ end }}`, `{{ when .next_update }}`,
		`{{ $d := dict "a" 1 }}{{ toPrettyJson $d }}`, `{{ printf "%v" . }}`,
		`{{ range $i, $e := .channels }}{{ $i }}{{ $e }}{{ end }}`, "{{ .nope }}",
	} {
		f.Add(s)
	}
	data := richFacts("de", "initial")
	const maxOut = 64 << 10
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		out, err := Render("fuzz", src, data, Options{Now: testNow, MaxOutput: maxOut, Timeout: 200 * time.Millisecond})
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %s", d)
		}
		if len(out) > maxOut {
			t.Errorf("output %d bytes", len(out))
		}
		if err != nil && out != "" {
			t.Errorf("output with error")
		}
	})
}

func TestUpto(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"kurz", "kurz"}, {"zwölf Zeichen", ""}, {"genau elf Z", "genau elf Z"}} {
		got, err := Render("t", "{{ upto 11 .s }}", map[string]any{"s": tc.in}, Options{})
		if err != nil || got != tc.want {
			t.Errorf("upto 11 %q = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		n         int
		prefix, s string
		want      string
	}{
		{60, "Neuer Stand: ", "Kartenzahlung gestört", "Neuer Stand: Kartenzahlung gestört"},
		{40, "Neuer Stand: ", "Kartenzahlung gestört – Bargeld am Schalter weiterhin möglich", "Neuer Stand: Kartenzahlung gestört"},
		{30, "", "Rückruf: Haferriegel Schoko, 50 g – Gefahr bei Allergie", "Rückruf: Haferriegel Schoko"},
		{20, "", "Eine sehr lange Überschrift ohne jede Pause", "Eine sehr lange…"},
	}
	for _, tc := range tests {
		got, err := Render("t", "{{ clip .n .p .s }}", map[string]any{"n": tc.n, "p": tc.prefix, "s": tc.s}, Options{})
		if err != nil || got != tc.want {
			t.Errorf("clip %d %q %q = %q, %v; want %q", tc.n, tc.prefix, tc.s, got, err, tc.want)
		}
	}
}
