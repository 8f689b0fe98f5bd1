package channel

import "testing"

func files(texts ...string) []FileFacts {
	var out []FileFacts
	for i := 0; i+1 < len(texts); i += 2 {
		out = append(out, FileFacts{Path: texts[i], Facts: AssignRoles(texts[i+1], ExtractFacts(texts[i+1]), RoleNone)})
	}
	return out
}

func TestCongruence(t *testing.T) {
	tests := []struct {
		name  string
		files []FileFacts
		want  []string // Disagreement.String()
	}{
		{
			name: "next update 14:00 vs 15:00",
			files: files(
				"sms.txt", "Nächstes Update um 14:00 Uhr.",
				"email.md", "Liebe Kundinnen und Kunden, nächstes Update um 15:00 Uhr."),
			want: []string{`next-update differs: sms.txt says "14:00 Uhr", email.md says "15:00 Uhr"`},
		},
		{
			name: "one shared time is enough",
			files: files(
				"sms.txt", "Nächstes Update um 14 Uhr.",
				"email.md", "Seit 9:30 Uhr ist der Dienst gestört. Nächstes Update um 14:00 Uhr."),
		},
		{
			name: "date with and without year, numeric and named",
			files: files(
				"sms.txt", "Update am 23.11.",
				"email.md", "Update am 23. November 2026",
				"x.md", "Update on November 23"),
		},
		{
			name: "different dates",
			files: files(
				"sms.txt", "Update am 23.11.",
				"email.md", "Update am 24. November"),
			want: []string{`next-update differs: sms.txt says "23.11.", email.md says "24. November"`},
		},
		{
			name: "link spelled differently, or a page below it",
			files: files(
				"sms.txt", "Infos: acme.de/status",
				"email.md", "Infos: https://www.acme.de/status/?utm_source=mail",
				"x.md", "Infos: https://acme.de"),
		},
		{
			name: "different pages",
			files: files(
				"sms.txt", "Infos: acme.de/status",
				"email.md", "Infos: https://acme.de/hilfe"),
			want: []string{`url differs: sms.txt says "acme.de/status", email.md says "https://acme.de/hilfe"`},
		},
		{
			name: "phone national and international",
			files: files(
				"sms.txt", "Hotline 0800 123 4567",
				"letter.md", "Hotline +49 800 123-4567"),
		},
		{
			name: "a kind missing in one file is not a disagreement",
			files: files(
				"sms.txt", "Wir melden uns um 14:00 Uhr.",
				"email.md", "Hotline 0800 123 4567, Infos auf acme.de/status"),
		},
		{
			name: "several kinds and pairs, in input order",
			files: files(
				"sms.txt", "Update um 14:00 Uhr, Hotline 0800 123 4567",
				"email.md", "Update um 15:00 Uhr, Hotline 0800 123 4568",
				"x.md", "Update um 14:00 Uhr"),
			want: []string{
				`next-update differs: sms.txt says "14:00 Uhr", email.md says "15:00 Uhr"`,
				`hotline differs: sms.txt says "0800 123 4567", email.md says "0800 123 4568"`,
				`next-update differs: email.md says "15:00 Uhr", x.md says "14:00 Uhr"`,
			},
		},
		{name: "nothing to compare", files: files("sms.txt", "Hallo")},
		{
			name: "times of different roles are not compared",
			files: files(
				"sms.txt", "Portal seit 7:40 Uhr gestört. Nächstes Update 9:00 Uhr.",
				"email.md", "Das Portal ist wieder seit 13:15 Uhr gestört. Wir melden uns um 9:00 Uhr wieder.",
				"x.md", "Portal down since 7:40. Next update at 9:00."),
		},
		{
			name: "start, end and amounts by role",
			files: files(
				"sms.txt", "Gestört seit 7:40 Uhr, voraussichtlich bis 14 Uhr. Erstattung: 20 €.",
				"email.md", "Seit 8:10 Uhr gestört. Die Störung dauert bis auf Weiteres. Wir erstatten 25 €, die Gebühr von 5 € entfällt."),
			want: []string{
				`start differs: sms.txt says "7:40 Uhr", email.md says "8:10 Uhr"`,
				`end differs: sms.txt says "14 Uhr", email.md says "bis auf Weiteres"`,
				`refund differs: sms.txt says "20 €", email.md says "25 €"`,
			},
		},
		{
			name: "English cues",
			files: files(
				"sms.txt", "Down since 7:40 am, expected back by 2 pm. Next update 11 am.",
				"email.md", "Service has been down since 7:40 am. We expect it back by 3 pm and will update you at 11 am."),
			want: []string{`end differs: sms.txt says "2 pm", email.md says "3 pm"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Congruence(tt.files)
			if len(got) != len(tt.want) {
				t.Fatalf("Congruence() = %v, want %q", got, tt.want)
			}
			for i := range got {
				if s := got[i].String(); s != tt.want[i] {
					t.Errorf("disagreement %d = %s, want %s", i, s, tt.want[i])
				}
			}
		})
	}
}

func TestCongruenceFields(t *testing.T) {
	got := Congruence(files(
		"sms.txt", "Nächstes Update um 14:00 Uhr",
		"email.md", "Nächstes Update um 15:00 Uhr"))
	want := Disagreement{
		Role: RoleNextUpdate,
		Kind: FactTime,
		A:    FileFact{Path: "sms.txt", Fact: Fact{Kind: FactTime, Value: "14:00", Raw: "14:00 Uhr", Offset: 20, End: 29, Role: RoleNextUpdate}},
		B:    FileFact{Path: "email.md", Fact: Fact{Kind: FactTime, Value: "15:00", Raw: "15:00 Uhr", Offset: 20, End: 29, Role: RoleNextUpdate}},
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("Congruence() = %+v, want %+v", got, want)
	}
}
