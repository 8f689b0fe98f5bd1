package prompt

import (
	"errors"
	"io"
	"testing"
	"time"
)

// TestKeyboardGivesEveryKeyToTheLiveForm ends forms while a reader of
// theirs still waits, as bubbletea's reader does after its program ends:
// every key typed afterwards must reach the next form, none the stale
// reader.
func TestKeyboardGivesEveryKeyToTheLiveForm(t *testing.T) {
	pr, pw := io.Pipe()
	k := newKeyboard(pr)
	for i := range 200 {
		form := k.form()
		stale := make(chan int)
		go func() {
			taken := 0
			buf := make([]byte, 8)
			for {
				n, err := form.Read(buf)
				taken += n
				if err != nil {
					stale <- taken
					return
				}
			}
		}()
		var next *formKeys
		if i%2 == 1 {
			next = k.form() // the next form may start before the last one ends
		}
		form.end()
		if next == nil {
			next = k.form()
		}
		go func() { _, _ = pw.Write([]byte("ab")) }()
		got := ""
		buf := make([]byte, 1) // smaller than what was typed
		for len(got) < 2 {
			n, err := next.Read(buf)
			if err != nil {
				t.Fatalf("form %d: %v after %q", i, err, got)
			}
			got += string(buf[:n])
		}
		if got != "ab" {
			t.Fatalf("form %d read %q, want \"ab\"", i, got)
		}
		if taken := <-stale; taken > 0 {
			t.Fatalf("form %d: a reader of an ended form took %d bytes", i, taken)
		}
		next.end()
	}
	pw.CloseWithError(errors.New("hung up"))
	if _, err := k.form().Read(make([]byte, 1)); err == nil || err.Error() != "hung up" {
		t.Errorf("after the terminal failed: %v", err)
	}
}

// TestQueuedInputWakesAWaitingForm: input that an ending form read from
// the terminal is queued while the next form already waits for the
// terminal; the waiting form must take it then, not only once another key
// arrives (it used to wait, and then read the later key first).
func TestQueuedInputWakesAWaitingForm(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	k := newKeyboard(pr)
	live := k.form()
	got := make(chan string)
	go func() {
		buf := make([]byte, 8)
		n, err := live.Read(buf)
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		got <- string(buf[:n])
	}()
	// Let the reader block on the terminal, then queue input as an ended
	// form does.
	time.Sleep(20 * time.Millisecond)
	k.mu.Lock()
	k.queueLocked([]byte("x"))
	k.mu.Unlock()
	select {
	case s := <-got:
		if s != "x" {
			t.Fatalf("the waiting form read %q, want \"x\"", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting form did not take the queued input")
	}
}
