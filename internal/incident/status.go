package incident

import "time"

// DefaultCadence is how long people wait for the next update when the latest
// update does not name a time. Thirty minutes is the usual promise in the
// acute phase of an outage; playbooks may set their own.
const DefaultCadence = 30 * time.Minute

// Source of a due time.
const (
	DueFromNextUpdate = "next_update" // the latest update promised a time
	DueFromCadence    = "cadence"     // latest update time plus the cadence
)

// Status says whether people are owed an update. Closed incidents (latest
// stage resolved or followup) owe nothing: Due is zero and Overdue is 0.
type Status struct {
	Latest  *Update
	Closed  bool
	Due     time.Time     // when the next update is due; zero when Closed
	DueFrom string        // DueFromNextUpdate or DueFromCadence; "" when Closed
	Overdue time.Duration // how long past Due now is; 0 when on time or Closed
}

// IsClosed reports whether an update of this stage ends the acute phase, so
// that no further update is owed on a schedule.
func IsClosed(stage string) bool {
	return stage == StageResolved || stage == StageFollowup
}

// ComputeStatus works out, for the latest update of in, when the next update
// is due and whether it is overdue at now. The latest update's next_update
// wins because it is what people were told; without one, the update is due
// cadence after the latest update (DefaultCadence when cadence <= 0).
func ComputeStatus(in *Incident, now time.Time, cadence time.Duration) Status {
	latest := in.Latest()
	if latest == nil {
		return Status{}
	}
	st := Status{Latest: latest}
	if IsClosed(latest.Facts.Stage) {
		st.Closed = true
		return st
	}
	if cadence <= 0 {
		cadence = DefaultCadence
	}
	if t, err := time.Parse(time.RFC3339, latest.Facts.NextUpdate); err == nil {
		st.Due, st.DueFrom = t, DueFromNextUpdate
	} else {
		st.Due, st.DueFrom = latest.Time.Add(cadence), DueFromCadence
	}
	if now.After(st.Due) {
		st.Overdue = now.Sub(st.Due)
	}
	return st
}
