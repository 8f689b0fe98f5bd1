// Package lsptest is a small Language Server Protocol client for tests: it
// frames JSON-RPC messages as an editor does, answers the server's own
// requests, and lets a test wait for responses and published diagnostics.
package lsptest

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"sync"
	"time"
)

// Timeout bounds every wait for the server.
var Timeout = 20 * time.Second

// Message is a message from the server.
type Message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// Diagnostics are the params of textDocument/publishDiagnostics.
type Diagnostics struct {
	URI         string `json:"uri"`
	Version     *int   `json:"version"`
	Diagnostics []struct {
		Range    Range  `json:"range"`
		Severity int    `json:"severity"`
		Code     string `json:"code"`
		Source   string `json:"source"`
		Message  string `json:"message"`
	} `json:"diagnostics"`
}

// Range is an LSP range.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Position is an LSP position.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Client talks to a server over a pair of streams.
type Client struct {
	w      io.Writer
	wmu    sync.Mutex
	mu     sync.Mutex
	cond   *sync.Cond
	nextID int
	msgs   []Message // everything received, in order
	err    error     // why reading stopped
}

// New starts reading the server's messages from r; requests go to w.
func New(r io.Reader, w io.Writer) *Client {
	c := &Client{w: w}
	c.cond = sync.NewCond(&c.mu)
	go c.read(bufio.NewReader(r))
	return c
}

func (c *Client) read(r *bufio.Reader) {
	tp := textproto.NewReader(r)
	for {
		h, err := tp.ReadMIMEHeader()
		if err == nil && h.Get("Content-Length") == "" {
			err = errors.New("message without Content-Length")
		}
		var body []byte
		if err == nil {
			var n int
			n, err = strconv.Atoi(h.Get("Content-Length"))
			if err == nil {
				body = make([]byte, n)
				_, err = io.ReadFull(r, body)
			}
		}
		var m Message
		if err == nil {
			err = json.Unmarshal(body, &m)
		}
		if err != nil {
			c.mu.Lock()
			c.err = err
			c.mu.Unlock()
			c.cond.Broadcast()
			return
		}
		if m.Method != "" && len(m.ID) > 0 {
			// The server's own request (registerCapability): accept it,
			// without holding up reading, as the server may be writing too.
			go c.write(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": nil})
		}
		c.mu.Lock()
		c.msgs = append(c.msgs, m)
		c.mu.Unlock()
		c.cond.Broadcast()
	}
}

func (c *Client) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err = fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

// WriteRaw sends bytes as they are, for tests of broken input.
func (c *Client) WriteRaw(b []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_, err := c.w.Write(b)
	return err
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) error {
	return c.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// Call sends a request and waits for its response; the result is decoded
// into result unless that is nil.
func (c *Client) Call(method string, params, result any) error {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.mu.Unlock()
	if err := c.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		return err
	}
	want := strconv.Itoa(id)
	m, err := c.Wait(func(m Message) bool { return m.Method == "" && string(m.ID) == want })
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	if m.Error != nil {
		return fmt.Errorf("%s: error %d: %s", method, m.Error.Code, m.Error.Message)
	}
	if result != nil {
		return json.Unmarshal(m.Result, result)
	}
	return nil
}

// Wait returns the first message received so far or later that ok
// accepts.
func (c *Client) Wait(ok func(Message) bool) (Message, error) {
	deadline := time.Now().Add(Timeout)
	timer := time.AfterFunc(Timeout, c.cond.Broadcast)
	defer timer.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := 0; ; {
		for ; i < len(c.msgs); i++ {
			if ok(c.msgs[i]) {
				return c.msgs[i], nil
			}
		}
		if c.err != nil {
			return Message{}, fmt.Errorf("connection: %w", c.err)
		}
		if time.Now().After(deadline) {
			return Message{}, errors.New("timed out waiting for the server")
		}
		c.cond.Wait()
	}
}

// Diagnostics waits for the diagnostics published for uri at version.
func (c *Client) Diagnostics(uri string, version int) (Diagnostics, error) {
	var d Diagnostics
	_, err := c.Wait(func(m Message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var x Diagnostics
		if json.Unmarshal(m.Params, &x) != nil || x.URI != uri || x.Version == nil || *x.Version != version {
			return false
		}
		d = x
		return true
	})
	return d, err
}
