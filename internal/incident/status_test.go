package incident

import (
	"testing"
	"time"
)

func TestComputeStatus(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, cet) }
	inc := func(stage, next string) *Incident {
		return &Incident{Updates: []Update{
			{Time: at(9, 30), Facts: &Facts{Stage: StageInitial, NextUpdate: "2026-11-23T10:00:00+01:00"}},
			{Time: at(11, 0), Facts: &Facts{Stage: stage, NextUpdate: next}},
		}}
	}
	for _, tc := range []struct {
		name        string
		in          *Incident
		now         time.Time
		cadence     time.Duration
		wantClosed  bool
		wantDue     time.Time
		wantFrom    string
		wantOverdue time.Duration
	}{
		{"due from next_update, on time", inc(StageUpdate, "2026-11-23T14:00:00+01:00"), at(12, 0), time.Hour,
			false, at(14, 0), DueFromNextUpdate, 0},
		{"due exactly now is not overdue", inc(StageUpdate, "2026-11-23T14:00:00+01:00"), at(14, 0), time.Hour,
			false, at(14, 0), DueFromNextUpdate, 0},
		{"overdue from next_update", inc(StageUpdate, "2026-11-23T14:00:00+01:00"), at(14, 25), time.Hour,
			false, at(14, 0), DueFromNextUpdate, 25 * time.Minute},
		{"next_update in another zone", inc(StageUpdate, "2026-11-23T13:00:00Z"), at(14, 30), time.Hour,
			false, at(14, 0), DueFromNextUpdate, 30 * time.Minute},
		{"due from cadence", inc(StageUpdate, ""), at(11, 10), time.Hour,
			false, at(12, 0), DueFromCadence, 0},
		{"overdue from cadence", inc(StageUpdate, ""), at(13, 0), time.Hour,
			false, at(12, 0), DueFromCadence, time.Hour},
		{"default cadence", inc(StageInitial, ""), at(11, 45), 0,
			false, at(11, 30), DueFromCadence, 15 * time.Minute},
		{"older next_update does not count", inc(StageUpdate, ""), at(10, 30), 2 * time.Hour,
			false, at(13, 0), DueFromCadence, 0},
		{"resolved owes nothing", inc(StageResolved, "2026-11-23T12:00:00+01:00"), at(20, 0), time.Hour,
			true, time.Time{}, "", 0},
		{"followup owes nothing", inc(StageFollowup, ""), at(20, 0), time.Hour,
			true, time.Time{}, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := ComputeStatus(tc.in, tc.now, tc.cadence)
			if st.Latest != tc.in.Latest() {
				t.Errorf("Latest = %v, want the newest update", st.Latest)
			}
			if st.Closed != tc.wantClosed || !st.Due.Equal(tc.wantDue) || st.DueFrom != tc.wantFrom || st.Overdue != tc.wantOverdue {
				t.Errorf("got closed=%v due=%v from=%q overdue=%v, want closed=%v due=%v from=%q overdue=%v",
					st.Closed, st.Due, st.DueFrom, st.Overdue, tc.wantClosed, tc.wantDue, tc.wantFrom, tc.wantOverdue)
			}
		})
	}
}

func TestComputeStatusEmpty(t *testing.T) {
	if st := ComputeStatus(&Incident{}, time.Now(), time.Hour); st.Latest != nil || !st.Due.IsZero() {
		t.Errorf("empty incident: %+v", st)
	}
}
