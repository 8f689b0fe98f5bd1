package channel

import "testing"

func TestPhoneE164(t *testing.T) {
	tests := []struct{ raw, region, want string }{
		{"020 7946 0000", "GB", "+442079460000"},
		{"+44 20 7946 0000", "GB", "+442079460000"},
		{"+44 20 7946 0000", "DE", "+442079460000"},
		{"030 901820", "DE", "+4930901820"},
		{"+49 (0)30 901820", "DE", "+4930901820"},
		{"0800 555 0100", "DE", "+498005550100"},
		{"(212) 555-0123", "US", "+12125550123"},
		{"12", "DE", ""},
	}
	for _, tt := range tests {
		if got := PhoneE164(tt.raw, tt.region); got != tt.want {
			t.Errorf("PhoneE164(%q, %s) = %q, want %q", tt.raw, tt.region, got, tt.want)
		}
	}
}
