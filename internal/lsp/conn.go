package lsp

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC 2.0 error codes used by the server.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeServerNotInitialized = -32002
)

// maxHeaderLine bounds one header line; real headers are a few dozen bytes.
const maxHeaderLine = 4096

// errTooLarge is a message whose Content-Length exceeds the limit; its
// body has been skipped, so the stream can go on.
type errTooLarge struct{ size, limit int64 }

func (e *errTooLarge) Error() string {
	return fmt.Sprintf("message of %d bytes exceeds the limit of %d bytes", e.size, e.limit)
}

// reader reads Content-Length framed messages.
type reader struct {
	r     *bufio.Reader
	limit int64
}

func newReader(r io.Reader, limit int64) *reader {
	return &reader{r: bufio.NewReaderSize(r, maxHeaderLine), limit: limit}
}

// read returns the next message body. io.EOF means the stream ended
// cleanly between messages; an *errTooLarge leaves the stream usable; any
// other error means the framing is lost.
func (rd *reader) read() ([]byte, error) {
	length := int64(-1)
	first := true
	for {
		line, err := rd.r.ReadSlice('\n')
		if err != nil {
			switch {
			case errors.Is(err, bufio.ErrBufferFull):
				return nil, errors.New("header line too long")
			case err == io.EOF && first && len(line) == 0:
				return nil, io.EOF
			case err == io.EOF:
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		first = false
		h := strings.TrimRight(string(line), "\r\n")
		if h == "" {
			break
		}
		name, value, ok := strings.Cut(h, ":")
		if !ok {
			return nil, fmt.Errorf("malformed header %q", h)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("bad Content-Length %q", strings.TrimSpace(value))
			}
			length = n
		}
	}
	if length < 0 {
		return nil, errors.New("message without Content-Length")
	}
	if length > rd.limit {
		if _, err := io.CopyN(io.Discard, rd.r, length); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &errTooLarge{size: length, limit: rd.limit}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(rd.r, body); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body, nil
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu  sync.Mutex
	w   io.Writer
	buf bytes.Buffer
}

func (wr *writer) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	wr.mu.Lock()
	defer wr.mu.Unlock()
	wr.buf.Reset()
	fmt.Fprintf(&wr.buf, "Content-Length: %d\r\n\r\n", len(body))
	wr.buf.Write(body)
	_, err = wr.w.Write(wr.buf.Bytes())
	return err
}

// incoming is any message from the client: a request (ID and Method), a
// notification (Method only) or a response to a request of the server.
type incoming struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
}

type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   rpcError        `json:"error"`
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return e.Message }

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

type request struct {
	JSONRPC string `json:"jsonrpc"`
	ID      string `json:"id"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

var nullID = json.RawMessage("null")

// validID reports whether id is a JSON-RPC id: a string or a number.
func validID(id json.RawMessage) bool {
	if len(id) == 0 {
		return false
	}
	var v any
	if json.Unmarshal(id, &v) != nil {
		return false
	}
	switch v.(type) {
	case string, float64:
		return true
	}
	return false
}
