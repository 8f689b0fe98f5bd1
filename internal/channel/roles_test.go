package channel

import (
	"slices"
	"strings"
	"testing"
)

// TestAssignRoles: the role of each time, date, amount and contact comes
// from the words around it, in German and English.
func TestAssignRoles(t *testing.T) {
	tests := []struct {
		text string
		want string // "raw=role" for every fact, in order; role "" is RoleNone
	}{
		{"Nächstes Update um 9:00 Uhr.", "9:00 Uhr=next-update"},
		{"Portal seit 7:40 Uhr gestört. Nächstes Update 9:00 Uhr.", "7:40 Uhr=start 9:00 Uhr=next-update"},
		{"Das Portal ist wieder seit 13:15 Uhr gestört.", "13:15 Uhr="},
		{"Seit 13:15 Uhr läuft das Portal wieder.", "13:15 Uhr="},
		{"Seit 7:40 Uhr ist das Portal gestört, wir melden uns wieder um 9 Uhr.", "7:40 Uhr=start 9 Uhr=next-update"},
		{"Wir melden uns spätestens um 10:30 Uhr wieder.", "10:30 Uhr=next-update"},
		{"Um 11 Uhr melden wir uns wieder.", "11 Uhr=next-update"},
		{"Die Störung dauert voraussichtlich bis 14 Uhr.", "14 Uhr=end"},
		{"Das Bürgerbüro bleibt bis auf Weiteres geschlossen.", "bis auf Weiteres=end"},
		{"Das nächste Update folgt voraussichtlich um 15 Uhr.", "15 Uhr=next-update"},
		{"Nächstes Update: Montag, 23.11., 14 Uhr.", "23.11.=next-update 14 Uhr=next-update"},
		{"Die Hotline ist täglich von 7 bis 20 Uhr erreichbar.", "7 bis 20 Uhr="},
		{"Hotline 0800 123 4567, Fax 0800 123 4568.", "0800 123 4567=hotline 0800 123 4568="},
		{"Infos: portal.example.de/stoerung oder hilfe@example.de", "portal.example.de/stoerung=url hilfe@example.de=email"},
		{"Wir erstatten Ihnen 20 €. Die Gebühr von 5 € entfällt.", "20 €=refund 5 €=fee"},
		{"Die Bearbeitungsgebühr von 5 € entfällt; 12,50 € werden gutgeschrieben.", "5 €=fee 12,50 €=refund"},
		{"Das Ticket kostet 30 €.", "30 €=fee"},
		{"Um 9 Uhr trifft sich der Krisenstab.", "9 Uhr="},
		{"Down since 7:40 am. Next update at 11 am.", "7:40 am=start 11 am=next-update"},
		{"We expect the portal back by 2 pm and will update you at 3 pm.", "2 pm=end 3 pm=next-update"},
		{"Back up since 1:15 pm.", "1:15 pm="},
		{"The office stays closed until further notice.", "until further notice=end"},
		{"You will get a refund of £20; the £5 fee is waived.", "£20=refund £5=fee"},
		{"You'll hear from us by 4 pm.", "4 pm=next-update"},
		{"Hotline erreichbar bis 20 Uhr.", "20 Uhr="},
		{"Wir informieren Sie um 9 Uhr erneut, bis dahin ist die Hotline bis 20 Uhr erreichbar.", "9 Uhr=next-update 20 Uhr="},
		{"Statusupdate um 12 Uhr.", "12 Uhr=next-update"},
		{"Den nächsten Stand veröffentlichen wir spätestens am 24.11.2026.", "24.11.2026=next-update"},
		{"Die nächste Meldung folgt um 15 Uhr.", "15 Uhr=next-update"},
		// A cue too far away says nothing about the date.
		{"wir möchten Sie über den aktuellen Stand informieren: Rückruf Haferriegel Schoko 50 g, MHD 14.03.2027.", "14.03.2027="},
		{"wir möchten Sie über den aktuellen Stand informieren: Ein Bauteil fehlt: Wärmepumpen-Einbauten ab 30. November verschieben sich.", "30. November="},
	}
	for _, tt := range tests {
		facts := AssignRoles(tt.text, ExtractFacts(tt.text), RoleNone)
		var got []string
		for _, f := range facts {
			got = append(got, f.Raw+"="+f.Role.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.text, g, tt.want)
		}
	}
}

// TestAssignRolesDefault: the facts of a facts.yaml key take its role when
// their kind fits it, and their cues otherwise.
func TestAssignRolesDefault(t *testing.T) {
	text := "seit 7:40 Uhr, voraussichtlich bis 14 Uhr, Hotline 0800 123 4567"
	facts := AssignRoles(text, ExtractFacts(text), RoleForKey("eta"))
	var got []string
	for _, f := range facts {
		got = append(got, f.Raw+"="+f.Role.String())
	}
	if g, want := strings.Join(got, " "), "7:40 Uhr=end 14 Uhr=end 0800 123 4567=hotline"; g != want {
		t.Errorf("got %s, want %s", g, want)
	}
	for key, want := range map[string]Role{"next_update": RoleNextUpdate, "eta": RoleEnd, "hotline": RoleHotline,
		"email": RoleEmail, "landing_page": RoleURL, "refund": RoleRefund, "Gebühr": RoleFee, "what": RoleNone} {
		if got := RoleForKey(key); got != want {
			t.Errorf("RoleForKey(%q) = %v, want %v", key, got, want)
		}
	}
}

// FuzzAssignRoles: any text gets its facts' roles without a panic, in
// offset order, with every role fitting its fact's kind.
func FuzzAssignRoles(f *testing.F) {
	f.Add("Seit 7:40 Uhr gestört, voraussichtlich bis 14 Uhr, bis auf Weiteres. Erstattung 20 €.")
	f.Add("BIS AUF WEITERES İİİ until further notice 9 Uhr")
	f.Fuzz(func(t *testing.T, text string) {
		facts := AssignRoles(text, ExtractFacts(text), RoleNone)
		for i, x := range facts {
			if i > 0 && facts[i-1].Offset > x.Offset {
				t.Fatalf("facts out of order: %+v", facts)
			}
			if x.Role != RoleNone && !fits(x.Kind, x.Role) {
				t.Fatalf("%+v: role does not fit the kind", x)
			}
			if text[x.Offset:x.End] != x.Raw {
				t.Fatalf("%+v: Raw is not text[Offset:End]", x)
			}
		}
	})
}

// FuzzOpenEnds holds openEnds to findOpenEnds: the quick check never
// skips a text that holds an open-ended phrase.
func FuzzOpenEnds(f *testing.F) {
	for _, s := range []string{"Gesperrt BIS AUF WEITERES.", "Closed Until Further Notice", "Auf Wiedersehen",
		"bis auf unbestimmte Zeit, dann bis auf weiteres", "Ⱥ bis auf weiteres", "NOTİCE until further notice", "auF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := openEnds(text), findOpenEnds(text); !slices.Equal(got, want) {
			t.Fatalf("openEnds(%q) = %v, want %v", text, got, want)
		}
	})
}
