package channel

import "testing"

// phoneExamples are numbers as people write them, with the reading
// libphonenumber gives (TestPhoneE164 checks both).
var phoneExamples = []struct{ raw, region, want string }{
	{"020 7946 0000", "GB", "+442079460000"},
	{"+44 20 7946 0000", "GB", "+442079460000"},
	{"+44 20 7946 0000", "DE", "+442079460000"},
	{"+44 (0)20 7946 0000", "DE", "+442079460000"},
	{"0044 20 7946 0000", "DE", "+442079460000"},
	{"011 44 20 7946 0000", "US", "+442079460000"},
	{"07700 900123", "GB", "+447700900123"},
	{"030 901820", "DE", "+4930901820"},
	{"030/901820", "DE", "+4930901820"},
	{"(030) 90 18 20", "DE", "+4930901820"},
	{"+49 (0)30 901820", "DE", "+4930901820"},
	{"+49 030 901820", "GB", "+4930901820"},
	{"0800 555 0100", "DE", "+498005550100"},
	{"0800 555 0100", "AT", "+438005550100"},
	{"(212) 555-0123", "US", "+12125550123"},
	{"1 212 555 0123", "US", "+12125550123"},
	{"+1 212-555-0123", "CA", "+12125550123"},
	{"01 23 45 67 89", "FR", "+33123456789"},
	{"+33 (0)1 23 45 67 89", "DE", "+33123456789"},
	{"020 123 4567", "NL", "+31201234567"},
	{"044 668 18 00", "CH", "+41446681800"},
	{"(01) 234 5678", "IE", "+35312345678"},
	{"91 123 45 67", "ES", "+34911234567"},
	{"22 123 45 67", "PL", "+48221234567"},
	// Italy keeps the leading 0 of its numbers, also after +39.
	{"06 6988 4444", "IT", "+390669884444"},
	{"+39 06 6988 4444", "DE", "+390669884444"},
	// The number without its trunk prefix is the same national number.
	{"30 901820", "DE", "+4930901820"},
	// The country code without + or 00, where only that makes a valid number.
	{"44 20 7946 0000", "GB", "+442079460000"},
	// Lengths no number of the country has.
	{"030 1234 5678 9012 34", "DE", ""},
	{"020 7946 00000", "GB", ""},
	{"+1 212 555 0123 4567 8901", "US", ""},
	{"+44 20 7946", "DE", ""},
	// Only dialled within an area: "12" in DE, a London number without 020.
	{"12", "DE", ""},
	{"7946 0000", "GB", ""},
	// No such country code; a national number of an unknown region.
	{"+999 123 4567", "DE", ""},
	{"0800 555 0100", "XX", ""},
	{"+49 30 901820", "XX", "+4930901820"},
	// Not written as a number.
	{"0170 1234567x", "DE", ""},
	{"0170+1234567", "DE", ""},
	{"07700 900123+", "GB", ""},
	{"(07700) 900123)", "GB", "+447700900123"},
	{"", "DE", ""},
	{"+", "DE", ""},
}

func TestPhoneE164(t *testing.T) {
	for _, tt := range phoneExamples {
		if got := PhoneE164(tt.raw, tt.region); got != tt.want {
			t.Errorf("PhoneE164(%q, %s) = %q, want %q", tt.raw, tt.region, got, tt.want)
		}
		if lib := libE164(tt.raw, tt.region); lib != tt.want {
			t.Errorf("libphonenumber reads %q in %s as %q, the example says %q", tt.raw, tt.region, lib, tt.want)
		}
	}
}

// BenchmarkPhoneE164 reads numbers as congruence does on a cache miss.
func BenchmarkPhoneE164(b *testing.B) {
	numbers := []struct{ raw, region string }{
		{"020 7946 0000", "GB"}, {"+44 (0)20 7946 0000", "DE"}, {"0800 555 0100", "AT"},
		{"(212) 555-0123", "US"}, {"06 6988 4444", "IT"},
	}
	for b.Loop() {
		for _, n := range numbers {
			if parsePhone(n.raw, n.region) == "" {
				b.Fatalf("%q in %s is no number", n.raw, n.region)
			}
		}
	}
}
