package channel

import (
	"strings"
	"sync"
	"sync/atomic"
)

// PhoneE164 reads a phone number as written in a message and returns it in
// E.164 (+442079460000), national numbers taken as numbers of region (an
// ISO 3166 code such as DE or GB): in GB "020 7946 0000" and
// "+44 20 7946 0000" are the same number. It returns "" for what cannot be
// a number there, or a region it does not know. ExtractFacts has no region
// and reads national numbers as German; congruence re-reads them with the
// playbook's region.
//
// The rules are the dialling plan's, not a full numbering database: an
// international prefix (+, 00, or 011 in North America), else the national
// trunk prefix dropped and the country code put in front, and a length E.164
// allows. That is what comparing two ways of writing one number needs, and
// it costs nothing at start-up (libphonenumber's metadata took 29 ms to load
// in every command, more than the whole lint of a small file).
func PhoneE164(raw, region string) string {
	// A tree repeats a few numbers (the hotline) many times: results are
	// kept, up to a bound.
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

// dialPlan is a region's country calling code and national trunk prefix.
type dialPlan struct {
	cc    string
	trunk string
	intl  string // international call prefix besides +
}

// dialPlans covers the regions a playbook is likely to name; others make
// national numbers unreadable (international ones still compare).
var dialPlans = map[string]dialPlan{
	"DE": {"49", "0", "00"}, "AT": {"43", "0", "00"}, "CH": {"41", "0", "00"}, "LI": {"423", "", "00"},
	"GB": {"44", "0", "00"}, "IE": {"353", "0", "00"}, "FR": {"33", "0", "00"}, "BE": {"32", "0", "00"},
	"NL": {"31", "0", "00"}, "LU": {"352", "", "00"}, "DK": {"45", "", "00"}, "SE": {"46", "0", "00"},
	"NO": {"47", "", "00"}, "FI": {"358", "0", "00"}, "PL": {"48", "", "00"}, "CZ": {"420", "", "00"},
	"IT": {"39", "", "00"}, "ES": {"34", "", "00"}, "PT": {"351", "", "00"}, "GR": {"30", "", "00"},
	"US": {"1", "1", "011"}, "CA": {"1", "1", "011"}, "AU": {"61", "0", "0011"}, "NZ": {"64", "0", "00"},
}

func parsePhone(raw, region string) string {
	// "+49 (0)30 …": the bracketed trunk prefix is not dialled from abroad.
	raw = strings.Replace(raw, "(0)", "", 1)
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == '+' || c == ' ' || c == '-' || c == '/' || c == '.' || c == '(' || c == ')':
		default:
			return ""
		}
	}
	d := b.String()
	plan, known := dialPlans[strings.ToUpper(region)]
	switch {
	case strings.HasPrefix(strings.TrimSpace(raw), "+"):
	case known && strings.HasPrefix(d, plan.intl):
		d = d[len(plan.intl):]
	case !known:
		return ""
	case plan.trunk != "" && strings.HasPrefix(d, plan.trunk):
		d = plan.cc + d[len(plan.trunk):]
	case plan.trunk == "" || plan.cc == "1":
		// No trunk prefix in the plan (or none dialled in North America).
		d = plan.cc + d
	default:
		return "" // a national number must start with the trunk prefix
	}
	// E.164: at most 15 digits; a country code and at least six more.
	if len(d) < 8 || len(d) > 15 || d[0] == '0' {
		return ""
	}
	return "+" + d
}
