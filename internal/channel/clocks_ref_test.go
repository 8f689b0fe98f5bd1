package channel

import (
	"fmt"
	"strings"
	"testing"
)

// TestClockTables holds the tables built digit by digit to the plain
// formatting of every time of day and every day of the year.
func TestClockTables(t *testing.T) {
	var c, d strings.Builder
	for h := range 24 {
		for m := range 60 {
			fmt.Fprintf(&c, "%02d:%02d", h, m)
		}
	}
	for m := 1; m <= 12; m++ {
		for day := 1; day <= 31; day++ {
			fmt.Fprintf(&d, "%02d-%02d", m, day)
		}
	}
	if clocks != c.String() {
		t.Errorf("clocks differ from %%02d:%%02d formatting")
	}
	if dayMonths != d.String() {
		t.Errorf("dayMonths differ from %%02d-%%02d formatting")
	}
}
