package prompt

import (
	"io"
	"os"
	"sync"

	"github.com/charmbracelet/x/term"
)

// keyboard is the terminal input of all the forms of one Forms. Each form
// is a bubbletea program of its own, and a program cannot take back a read
// from the terminal when it ends: its reader may wake on the next
// program's poller and swallow the first key typed there. So no program
// reads the terminal: one goroutine does, for as long as the process runs,
// and each form reads through a view that ends with it, leaving what it
// did not take to the next form.
type keyboard struct {
	src   io.Reader
	start sync.Once
	ch    chan []byte // closed when src fails

	mu   sync.Mutex
	err  error  // why src failed
	left []byte // read from src, given to no form yet, oldest first
	// wake is closed (and replaced) when input is queued in left, so that
	// a form waiting for the terminal looks at left again.
	wake chan struct{}
}

func newKeyboard(src io.Reader) *keyboard {
	return &keyboard{src: src, ch: make(chan []byte), wake: make(chan struct{})}
}

func (k *keyboard) read() {
	for {
		buf := make([]byte, 1024)
		n, err := k.src.Read(buf)
		if n > 0 {
			k.ch <- buf[:n]
		}
		if err != nil {
			k.mu.Lock()
			k.err = err
			k.mu.Unlock()
			close(k.ch)
			return
		}
	}
}

// form returns the input of one form; end it when the form is done.
func (k *keyboard) form() *formKeys {
	k.start.Do(func() { go k.read() })
	return &formKeys{k: k, done: make(chan struct{})}
}

// queueLocked puts input read from the terminal that no form has taken in
// line: after what is there already, which was read before it. k.mu must
// be held.
func (k *keyboard) queueLocked(b []byte) {
	if len(b) == 0 {
		return
	}
	k.left = append(k.left, b...)
	close(k.wake)
	k.wake = make(chan struct{})
}

// formKeys is the input of one form.
type formKeys struct {
	k       *keyboard
	done    chan struct{}
	endOnce sync.Once
}

func (f *formKeys) Read(p []byte) (int, error) {
	k := f.k
	for {
		k.mu.Lock()
		select {
		case <-f.done:
			// An ended form takes nothing, not even what waits in left
			// (end closes done under k.mu: a form is live or not while
			// the lock is held).
			k.mu.Unlock()
			return 0, io.EOF
		default:
		}
		if len(k.left) > 0 {
			n := copy(p, k.left)
			k.left = k.left[n:]
			k.mu.Unlock()
			return n, nil
		}
		wake := k.wake
		k.mu.Unlock()
		select {
		case <-f.done:
			return 0, io.EOF
		case <-wake:
			// Input was queued (by a form that ended while it read):
			// take it from left, in order.
		case b, ok := <-k.ch:
			k.mu.Lock()
			if !ok {
				pending, err := len(k.left) > 0, k.err
				k.mu.Unlock()
				if pending {
					continue // what was queued before the terminal failed
				}
				return 0, err
			}
			select {
			case <-f.done:
				// read for a form that has ended: the next one gets it
				k.queueLocked(b)
				k.mu.Unlock()
				return 0, io.EOF
			default:
			}
			// Anything queued meanwhile was read before b.
			k.left = append(k.left, b...)
			n := copy(p, k.left)
			k.left = k.left[n:]
			if len(k.left) > 0 {
				rest := k.left
				k.left = nil
				k.queueLocked(rest)
			}
			k.mu.Unlock()
			return n, nil
		}
	}
}

// end ends the form's input: a read still waiting returns io.EOF and takes
// nothing.
func (f *formKeys) end() {
	f.endOnce.Do(func() {
		f.k.mu.Lock()
		close(f.done)
		f.k.mu.Unlock()
	})
}

// rawMode puts the terminal's input in raw mode, as bubbletea would for a
// terminal it reads itself, and returns the function that restores it.
func rawMode(in io.Reader) (restore func(), err error) {
	t, ok := in.(*os.File)
	if !ok || !term.IsTerminal(t.Fd()) {
		return func() {}, nil
	}
	state, err := term.MakeRaw(t.Fd())
	if err != nil {
		return nil, err
	}
	restore = func() { _ = term.Restore(t.Fd(), state) }
	if err := keepNewlines(t.Fd()); err != nil {
		restore()
		return nil, err
	}
	return restore, nil
}
