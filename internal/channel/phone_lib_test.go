package channel

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// libE164 is what libphonenumber makes of raw in region, as PhoneE164 must
// make of it: the E.164 form when Parse reads it and IsPossibleNumber finds
// its length possible, else "". Two differences are deliberate:
//
//   - A length possible only when dialled within an area
//     (IS_POSSIBLE_LOCAL_ONLY, a subscriber number without its area code)
//     is no number: the library's E.164 form of it is a different line
//     ("7946 0000" in GB is not +4479460000).
//   - Only the characters numbers are written with in a message are read:
//     digits, "+", spaces and - / . ( ). Letters (vanity numbers,
//     "ext. 12", "tel:") make the text no number; the scanner that finds
//     numbers in messages never passes them.
func libE164(raw, region string) string {
	if !phoneAlphabet(raw) {
		return ""
	}
	n, err := phonenumbers.Parse(raw, region)
	if err != nil || phonenumbers.IsPossibleNumberWithReason(n) != phonenumbers.IS_POSSIBLE {
		return ""
	}
	return phonenumbers.Format(n, phonenumbers.E164)
}

func phoneAlphabet(s string) bool {
	return !strings.ContainsFunc(s, func(r rune) bool { return !strings.ContainsRune("0123456789+ -/.()", r) })
}

// diffRegions are read with every generated number; the example numbers of
// every region are read in their own region too.
var diffRegions = []string{
	"GB", "DE", "AT", "CH", "US", "FR", "NL", "IE", "IT", "ES", "PL", "BE", "LU", "LI", "DK", "SE",
	"NO", "FI", "CZ", "PT", "GR", "CA", "AU", "NZ", "SM", "VA", "RU", "KZ", "AR", "BR", "MX", "IN",
	"JP", "CN", "ZA", "HU", "RO", "SK", "SI", "HR", "TR", "IL", "SG", "HK", "KR", "ID",
}

// checkPhone compares PhoneE164 with the library and reports a difference.
func checkPhone(t *testing.T, raw, region string) bool {
	t.Helper()
	want := libE164(raw, region)
	if got := parsePhone(raw, region); got != want {
		t.Errorf("PhoneE164(%q, %s) = %q, libphonenumber %q", raw, region, got, want)
		return false
	}
	return true
}

// writtenForms are the ways people write number n: nationally (with the
// trunk prefix), internationally with + or the 00 prefix, "(0)" after the
// country code, with spaces, dashes, slashes, dots or brackets, and with
// one digit too few or too many.
func writtenForms(n *phonenumbers.PhoneNumber) []string {
	national := phonenumbers.Format(n, phonenumbers.NATIONAL)
	intl := phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
	e164 := phonenumbers.Format(n, phonenumbers.E164)
	nsn := phonenumbers.GetNationalSignificantNumber(n)
	cc := strconv.Itoa(int(n.GetCountryCode()))
	forms := []string{national, intl, e164, "00" + intl[1:], "011 " + intl[1:], "+" + cc + " (0)" + nsn,
		"+" + cc + " 0" + nsn, cc + " " + nsn, "0" + nsn, nsn, "+0" + cc + nsn, "+00" + cc + " " + nsn}
	if i := strings.IndexByte(national, ' '); i > 0 {
		forms = append(forms, "("+national[:i]+")"+national[i:], national[:i]+"/"+strings.ReplaceAll(national[i+1:], " ", ""))
	}
	for _, sep := range []string{"-", "/", ".", ""} {
		forms = append(forms, strings.ReplaceAll(national, " ", sep), strings.ReplaceAll(intl, " ", sep))
	}
	for _, f := range slices.Clone(forms) {
		forms = append(forms, f[:len(f)-1], f+"5", f+" 12")
	}
	return forms
}

// TestPhoneE164Library reads the example numbers of every region, of every
// type, in the forms people write them, in their own region and in others,
// and compares each with libphonenumber.
func TestPhoneE164Library(t *testing.T) {
	var regions []string
	for r := range phonenumbers.GetSupportedRegions() {
		regions = append(regions, r)
	}
	slices.Sort(regions)
	types := []phonenumbers.PhoneNumberType{
		phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE, phonenumbers.PREMIUM_RATE,
		phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER, phonenumbers.PAGER,
		phonenumbers.UAN, phonenumbers.VOICEMAIL,
	}
	checked, failed := 0, 0
	for _, region := range regions {
		for _, typ := range types {
			n := phonenumbers.GetExampleNumberForType(region, typ)
			if n == nil {
				continue
			}
			for _, raw := range writtenForms(n) {
				in := []string{region}
				if strings.HasPrefix(raw, "+") || strings.HasPrefix(raw, "0") {
					in = append(in, "DE", "GB", "US", "ZZ")
				}
				for _, in := range in {
					checked++
					if !checkPhone(t, raw, in) {
						failed++
					}
					if failed > 40 {
						t.Fatalf("stopped after %d differences", failed)
					}
				}
			}
		}
	}
	t.Logf("%d readings compared", checked)
}

// TestPhoneE164Generated compares random digit strings in the forms
// numbers are written in (prefixes, separators, brackets) with
// libphonenumber, in the regions people write from most.
func TestPhoneE164Generated(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	failed := 0
	for _, region := range diffRegions {
		for range 2000 {
			raw := randomPhone(rng, region)
			if !checkPhone(t, raw, region) {
				failed++
			}
			if failed > 40 {
				t.Fatalf("stopped after %d differences", failed)
			}
		}
	}
}

func randomPhone(rng *rand.Rand, region string) string {
	cc := strconv.Itoa(phonenumbers.GetCountryCodeForRegion(region))
	prefixes := []string{"", "", "0", "0", "00", "+", "+" + cc + " ", "00" + cc + " ", cc, "+" + cc + " (0)",
		"(0", "011", "+0", "+1 ", "+44 ", "0049 ", "1", "8", "(", "+" + cc + " 0", "++"}
	var b strings.Builder
	b.WriteString(prefixes[rng.IntN(len(prefixes))])
	for n := 1 + rng.IntN(15); n > 0; n-- {
		if rng.IntN(4) == 0 {
			b.WriteByte(" -/.()"[rng.IntN(6)])
		}
		b.WriteByte(byte('0' + rng.IntN(10)))
	}
	if rng.IntN(8) == 0 {
		b.WriteByte(" -/.()+"[rng.IntN(7)])
	}
	return b.String()
}

// FuzzPhoneE164 checks PhoneE164 against libphonenumber on any text, read
// in one of diffRegions.
func FuzzPhoneE164(f *testing.F) {
	for _, tt := range phoneExamples {
		f.Add(tt.raw, uint8(slices.Index(diffRegions, tt.region)))
	}
	for _, seed := range []string{"+49 (0)30 901820", "0044 20 7946 0000", "011 44 20 7946 0000", "+0049 30 901820",
		"(030) 90 18 20", "030/901820", "030-901820", "+39 06 6988 4444", "49 30 901820", "0 30 901820",
		"++44 20", "1-800-555-0100", "+800 1234 5678", "12", "0", "+", "(0)"} {
		f.Add(seed, uint8(0))
		f.Add(seed, uint8(1))
		f.Add(seed, uint8(4))
	}
	f.Fuzz(func(t *testing.T, raw string, r uint8) {
		region := diffRegions[int(r)%len(diffRegions)]
		got := PhoneE164(raw, region)
		if want := libE164(raw, region); got != want {
			t.Errorf("PhoneE164(%q, %s) = %q, libphonenumber %q", raw, region, got, want)
		}
		if got != "" && !strings.HasPrefix(got, "+") {
			t.Errorf("PhoneE164(%q, %s) = %q, not E.164", raw, region, got)
		}
	})
}

func ExamplePhoneE164() {
	fmt.Println(PhoneE164("020 7946 0000", "GB"))
	fmt.Println(PhoneE164("+44 (0)20 7946 0000", "DE"))
	fmt.Println(PhoneE164("0049 30 901820", "AT"))
	fmt.Printf("%q\n", PhoneE164("030 901820", "XX"))
	// Output:
	// +442079460000
	// +442079460000
	// +4930901820
	// ""
}
