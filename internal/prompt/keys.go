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
	left []byte // read from src, given to no form yet
}

func newKeyboard(src io.Reader) *keyboard {
	return &keyboard{src: src, ch: make(chan []byte)}
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

// giveBack puts input that a form did not take first in line for the
// next.
func (k *keyboard) giveBack(b []byte) {
	k.mu.Lock()
	k.left = append(b[:len(b):len(b)], k.left...)
	k.mu.Unlock()
}

// formKeys is the input of one form.
type formKeys struct {
	k       *keyboard
	done    chan struct{}
	endOnce sync.Once
}

func (f *formKeys) Read(p []byte) (int, error) {
	k := f.k
	k.mu.Lock()
	if len(k.left) > 0 {
		n := copy(p, k.left)
		k.left = k.left[n:]
		k.mu.Unlock()
		return n, nil
	}
	k.mu.Unlock()
	select {
	case <-f.done:
		return 0, io.EOF
	case b, ok := <-k.ch:
		if !ok {
			k.mu.Lock()
			defer k.mu.Unlock()
			return 0, k.err
		}
		select {
		case <-f.done:
			// read for a form that has ended: the next one gets it
			k.giveBack(b)
			return 0, io.EOF
		default:
		}
		n := copy(p, b)
		if n < len(b) {
			k.giveBack(b[n:])
		}
		return n, nil
	}
}

// end ends the form's input: a read still waiting returns io.EOF and takes
// nothing.
func (f *formKeys) end() { f.endOnce.Do(func() { close(f.done) }) }

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
