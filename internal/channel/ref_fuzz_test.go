package channel

import (
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// refSeeds are texts on which the fast X, SMS and fact code is compared
// with the references: the test vectors of the other tests, the benchmark
// messages and corner cases of links, emoji and the GSM tables.
func refSeeds() []string {
	out := []string{
		benchSMSDe, benchSMSEn, benchMailDe, benchMailEn, benchText,
		"Infos: status.example.de, acme.de/x, t.co, www.acme.com/a?b=c#d. (https://acme.de/a_(b)) [http://x.io]",
		"HTTPS://ACME.DE/Status. Http://a.b.c.de:8080/x, foo.bar baz.museum a-b.de -a.de a.de- x@acme.de $acme.de #acme.de",
		"(acme.de) „acme.de“ «acme.de» ä.de äacme.de 1.de 12.00.de www.x.co.uk/ü?ö=ß",
		"1\ufe0f\u20e3 #\u20e3 *\ufe0f 9\u20e3 ©\ufe0f ® ™ 👍🏽 👨\u200d👩\u200d👧 🇩🇪🇫 🏴\U000E0067\U000E0062\U000E007F 🏴\U000E0067x",
		"€ [ ] { } \\ ^ ~ | \f ` @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¡ÄÖÑÜ§¿äöñüà ç Ç ê",
		"Zeile eins\r\nZeile zwei\r\n\tTab\u00a0NBSP\u200bZWSP\u00adSHY\ufeff",
		"a\xffb\xc3 \xe2\x82 \xf0\x9f\x98 ok.de\xff",
		"e\u0301 A\u030a cafe\u0301.de Ångström \u1100\u1161 \u0928\u093f",
		"你好 こんにちは 한국어 𝐀𝐁 \U0001F600\U0001F600",
		strings.Repeat("a", 160), strings.Repeat("a", 161), strings.Repeat("€", 80), strings.Repeat("€", 81),
		strings.Repeat("a", 152) + "€" + strings.Repeat("a", 152),
		strings.Repeat("ä", 70), strings.Repeat("ä", 71), strings.Repeat("😀", 35), strings.Repeat("😀", 36),
		strings.Repeat("a", 66) + "😀" + strings.Repeat("a", 66),
		strings.Repeat("x", 300) + " acme.de/" + strings.Repeat("y", 300),
		"Ende. Satz.\tacme.ä x.ü http://acme.123. http://acme.123.\nhttp://acme.123 a.1 x... .de .. ok.",
		"Taste 1\ufe0f\u20e3. x#\u20e3 ab*\ufe0f\u20e3cd Ü1\u20e3 ©\ufe0fx ®\ufe0f ✅ok ❤\ufe0f\u200d🔥 – „x“ € …",
		"ä\u0308 Å\u030a.de x\u2000y \xc2\xa9\xc2 \xc0\x80 \xe2\x80x \xed\xa0\x80 \xef\xbf\xbd .\xc3\xa4",
	}
	for _, tt := range extractFactsTests {
		out = append(out, tt.text)
	}
	return append(out, scannerSeeds()...)
}

func TestXRefSeeds(t *testing.T) {
	for _, s := range refSeeds() {
		sameX(t, s)
	}
}

func TestSMSRefSeeds(t *testing.T) {
	for _, s := range refSeeds() {
		sameSMS(t, s)
	}
}

type xUnit struct{ start, end, w int }

func sameX(t *testing.T, text string) {
	t.Helper()
	if got, want := X(text), xRef(text); got != want {
		t.Fatalf("X(%q) = %+v, reference %+v", text, got, want)
	}
	nfc := norm.NFC.String(text)
	if isNFCQuick(text) && nfc != text {
		t.Fatalf("isNFCQuick(%q) but NFC is %q", text, nfc)
	}
	var got, want []xUnit
	xWalk(nfc, func(s, e, w int) { got = append(got, xUnit{s, e, w}) })
	xWalkRef(nfc, func(s, e, w int) { want = append(want, xUnit{s, e, w}) })
	if len(got) != len(want) {
		t.Fatalf("xWalk(%q): %d units, reference %d", text, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("xWalk(%q): unit %d is %+v, reference %+v", text, i, got[i], want[i])
		}
	}
}

func sameSMS(t *testing.T, text string) {
	t.Helper()
	if got, want := SMS(text), smsRef(text); got != want {
		t.Fatalf("SMS(%q) = %+v, reference %+v", text, got, want)
	}
	if got, want := isGSM(text), isGSMRef(text); got != want {
		t.Fatalf("isGSM(%q) = %v, reference %v", text, got, want)
	}
	for limit := 0; limit <= 3; limit++ {
		o, f := smsFit(text, limit)
		ro, rf := smsFitRef(text, limit)
		if o != ro || f != rf {
			t.Fatalf("smsFit(%q, %d) = %d, %d, reference %d, %d", text, limit, o, f, ro, rf)
		}
	}
	got, want := UCS2Culprits(text), ucs2CulpritsRef(text)
	if len(got) != len(want) {
		t.Fatalf("UCS2Culprits(%q): %d, reference %d", text, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("UCS2Culprits(%q)[%d] = %+v, reference %+v", text, i, got[i], want[i])
		}
	}
}

// FuzzXRef checks that X and xWalk count exactly what the former
// implementation counted.
func FuzzXRef(f *testing.F) {
	for _, s := range refSeeds() {
		f.Add(s)
	}
	f.Fuzz(sameX)
}

// FuzzSMSRef checks that SMS, smsFit, isGSM and UCS2Culprits answer
// exactly what the former implementation answered.
func FuzzSMSRef(f *testing.F) {
	for _, s := range refSeeds() {
		f.Add(s)
	}
	f.Fuzz(sameSMS)
}

// TestNFCSafe checks on random strings of runes from nfcSafe that they
// are NFC, as isNFCQuick assumes.
func TestNFCSafe(t *testing.T) {
	var safe []rune
	for r := rune(0); r < nfcSafeLimit; r++ {
		if r < 0x80 || nfcSafe()[r>>6]&(1<<(r&63)) != 0 {
			safe = append(safe, r)
		}
	}
	if len(safe) < 1000 {
		t.Fatalf("only %d runes are NFC-safe", len(safe))
	}
	for _, r := range "äöüßÄÖÜéÉ€–„“”…\u00a0" {
		if r >= 0x80 && nfcSafe()[r>>6]&(1<<(r&63)) == 0 {
			t.Errorf("%q is not NFC-safe", r)
		}
	}
	for _, r := range "\u0308\u0301\u2000\u0340\u1161\u0b3e" {
		if nfcSafe()[r>>6]&(1<<(r&63)) != 0 {
			t.Errorf("%U is NFC-safe", r)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	buf := make([]rune, 4)
	for range n {
		for i := range buf {
			buf[i] = safe[rng.IntN(len(safe))]
		}
		s := string(buf)
		if !isNFCQuick(s) || norm.NFC.String(s) != s {
			t.Fatalf("%+q: isNFCQuick %v, NFC %+q", s, isNFCQuick(s), norm.NFC.String(s))
		}
	}
}

// TestXRefRandom compares X with the reference on random texts built from
// pieces that matter to links, emoji, NFC and the token scan of xCount.
func TestXRefRandom(t *testing.T) {
	pieces := []string{
		"a", "Z", "1", "9", "#", "*", ".", ". ", " ", "\t", "\n", "\r\n", "\f", "\v", "-", "_", "/", ":", "@", "$",
		"(", ")", "[", "]", "?", "=", "ä", "Ü", "ß", "é", "©", "®", "\u00a0", "–", "„", "“", "€", "…", "™",
		"\ufe0f", "\u20e3", "\u200d", "👍", "🏽", "🇩", "🇪", "🏴", "\U000E0067", "\U000E007F", "✅", "❤",
		"\u0308", "\u0301", "e\u0301", "你", "\xff", "\xc3", "\xe2\x82", "\xc0\x80", "\xef\xbf\xbd",
		"acme", "de", "com", "co", "t", "http://", "HTTPS://", "www.", ".de", ".com/", "x.io", "123",
	}
	rng := rand.New(rand.NewPCG(7, 8))
	n := 100000
	if testing.Short() {
		n = 10000
	}
	var b strings.Builder
	for range n {
		b.Reset()
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		sameX(t, b.String())
	}
}
