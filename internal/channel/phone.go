package channel

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
)

// PhoneE164 reads a phone number as written in a message and returns it in
// E.164 (+442079460000), national numbers taken as numbers of region (an
// ISO 3166 code such as DE or GB): in GB "020 7946 0000" and
// "+44 20 7946 0000" are the same number. It returns "" for what is not a
// valid number there. ExtractFacts has no region and reads national
// numbers as German; congruence re-reads them with the playbook's region.
func PhoneE164(raw, region string) string {
	// A tree repeats a few numbers (the hotline) many times, and parsing
	// one costs microseconds: results are kept, up to a bound.
	key := phoneKey{raw, region}
	if v, ok := phoneCache.Load(key); ok {
		return v.(string)
	}
	v := parsePhone(raw, region)
	if phoneCached.Add(1) <= maxPhoneCache {
		phoneCache.Store(key, v)
	}
	return v
}

type phoneKey struct{ raw, region string }

const maxPhoneCache = 4096

var (
	phoneCache  sync.Map // phoneKey → string
	phoneCached atomic.Int64
)

func parsePhone(raw, region string) string {
	// "+49 (0)30 …": the bracketed trunk prefix is not dialled from abroad.
	raw = strings.Replace(raw, "(0)", "", 1)
	n, err := phonenumbers.Parse(raw, region)
	if err != nil || !phonenumbers.IsValidNumber(n) {
		return ""
	}
	return phonenumbers.Format(n, phonenumbers.E164)
}
