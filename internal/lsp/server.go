// Package lsp is the language server of `crisis lsp`: it speaks the
// Language Server Protocol (JSON-RPC 2.0 with Content-Length framing)
// over a pair of streams, shows a message file's findings while the
// writer types — with the .crisis.yaml of its folder and the congruence
// of the update's other messages —, explains a finding's rule on hover,
// and offers quick fixes: a playbook suggestion that swaps words, and a
// crisis-ignore directive for the finding's rule.
package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/crisis-comms/crisis/internal/check"
	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/lint"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

// DefaultMaxMessage bounds one incoming message: a message file at the
// linter's size limit, with room for JSON escaping.
const DefaultMaxMessage = 2*lint.MaxFileSize + 1<<20

// Options configure a server.
type Options struct {
	// Version is reported to the client as the server's version.
	Version string
	// MaxMessage bounds one incoming message in bytes; 0 means
	// DefaultMaxMessage. A larger message is skipped and answered with an
	// error.
	MaxMessage int64
}

// ErrNoShutdown is returned by Serve when the client asked the server to
// exit, or closed the stream, without a shutdown request first; the
// protocol asks for exit status 1 then.
var ErrNoShutdown = errors.New("exit without shutdown")

// server is one language-server session.
type server struct {
	opts Options
	out  *writer

	initialized bool
	shutdown    bool
	enc         string // negotiated position encoding
	markdown    bool   // hover may be Markdown
	watch       bool   // the client can watch files for us

	docs map[string]*document
	// runner lints and caches configs and compiled playbooks; it is
	// replaced when a .crisis.yaml or playbook may have changed.
	runner  *check.Runner
	folders map[string]settings // folder → its .crisis.yaml as last read
	nextID  int
}

// document is an open message file.
type document struct {
	uri, path, languageID string
	version               int
	text                  string
	lines                 *lines
	// The last lint of text.
	res report.File
	pb  *playbook.Playbook
}

// Serve runs a session: it reads messages from in and writes to out until
// the client sends exit or closes in. It returns nil after a shutdown
// request and exit, ErrNoShutdown without one, and an error when the
// framing of the stream is broken.
func Serve(in io.Reader, out io.Writer, opts Options) error {
	if opts.MaxMessage <= 0 {
		opts.MaxMessage = DefaultMaxMessage
	}
	s := &server{opts: opts, out: &writer{w: out}, enc: encUTF16, docs: map[string]*document{}, folders: map[string]settings{}}
	rd := newReader(in, opts.MaxMessage)
	for {
		body, err := rd.read()
		var tl *errTooLarge
		switch {
		case errors.As(err, &tl):
			s.reply(nullID, nil, &rpcError{Code: codeInvalidRequest, Message: tl.Error()})
			continue
		case err == io.EOF:
			if s.shutdown {
				return nil
			}
			return ErrNoShutdown
		case err != nil:
			return fmt.Errorf("reading from the client: %w", err)
		}
		if done, err := s.handle(body); done {
			return err
		}
	}
}

// handle dispatches one message; done ends the session with err.
func (s *server) handle(body []byte) (done bool, err error) {
	var m incoming
	if err := json.Unmarshal(body, &m); err != nil {
		s.reply(nullID, nil, &rpcError{Code: codeParseError, Message: "invalid JSON: " + err.Error()})
		return false, nil
	}
	isRequest := len(m.ID) > 0 && string(m.ID) != "null"
	if m.Method == "" {
		// A response to one of our requests (registerCapability); nothing
		// waits for it.
		if !isRequest {
			s.reply(nullID, nil, &rpcError{Code: codeInvalidRequest, Message: "message has no method"})
		}
		return false, nil
	}
	if isRequest && !validID(m.ID) {
		s.reply(nullID, nil, &rpcError{Code: codeInvalidRequest, Message: "id must be a string or a number"})
		return false, nil
	}
	if m.Method == "exit" {
		if s.shutdown {
			return true, nil
		}
		return true, ErrNoShutdown
	}
	if !isRequest {
		if s.initialized && !s.shutdown {
			s.notify(m.Method, m.Params)
		}
		return false, nil
	}
	var result any
	var rerr *rpcError
	switch {
	case s.shutdown:
		rerr = &rpcError{Code: codeInvalidRequest, Message: "the server is shutting down"}
	case m.Method == "initialize":
		if s.initialized {
			rerr = &rpcError{Code: codeInvalidRequest, Message: "initialize was already sent"}
			break
		}
		result, rerr = s.initialize(m.Params)
	case !s.initialized:
		rerr = &rpcError{Code: codeServerNotInitialized, Message: "initialize must come first"}
	default:
		result, rerr = s.call(m.Method, m.Params)
	}
	s.reply(m.ID, result, rerr)
	return false, nil
}

func (s *server) reply(id json.RawMessage, result any, e *rpcError) {
	if e != nil {
		_ = s.out.write(errorResponse{JSONRPC: "2.0", ID: id, Error: *e})
		return
	}
	_ = s.out.write(response{JSONRPC: "2.0", ID: id, Result: result})
}

func (s *server) send(method string, params any) {
	_ = s.out.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}

func decode(params json.RawMessage, v any) *rpcError {
	if len(params) == 0 {
		return &rpcError{Code: codeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(params, v); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

func (s *server) initialize(params json.RawMessage) (any, *rpcError) {
	var p initializeParams
	if err := decode(params, &p); err != nil {
		return nil, err
	}
	s.initialized = true
	// The client lists the encodings it supports, most preferred first;
	// UTF-16 is the protocol's default and always supported.
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == encUTF8 || e == encUTF16 || e == encUTF32 {
			s.enc = e
			break
		}
	}
	formats := p.Capabilities.TextDocument.Hover.ContentFormat
	s.markdown = len(formats) == 0 || slices.Contains(formats, "markdown")
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": s.enc,
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    1, // full text
				"save":      map[string]any{"includeText": false},
			},
			"hoverProvider":      true,
			"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix"}},
		},
		"serverInfo": map[string]any{"name": "crisis", "version": s.opts.Version},
	}, nil
}

func (s *server) call(method string, params json.RawMessage) (any, *rpcError) {
	switch method {
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/hover":
		var p textDocumentPositionParams
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return s.hover(p), nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decode(params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + method}
}

// notify handles a notification; malformed ones are dropped, as the
// protocol has no way to answer them.
func (s *server) notify(method string, params json.RawMessage) {
	switch method {
	case "initialized":
		if s.watch {
			// Settings and playbooks may change outside the editor.
			s.nextID++
			_ = s.out.write(request{JSONRPC: "2.0", ID: fmt.Sprintf("crisis-%d", s.nextID), Method: "client/registerCapability",
				Params: map[string]any{"registrations": []registration{{
					ID: "crisis-settings", Method: "workspace/didChangeWatchedFiles",
					RegisterOptions: map[string]any{"watchers": []fileSystemWatcher{{GlobPattern: "**/*.{yaml,yml}"}}},
				}}}})
		}
	case "textDocument/didOpen":
		var p didOpenParams
		if decode(params, &p) != nil {
			return
		}
		d := &document{uri: p.TextDocument.URI, languageID: p.TextDocument.LanguageID, version: p.TextDocument.Version, text: p.TextDocument.Text}
		d.path = pathOf(d.uri)
		s.docs[d.uri] = d
		s.lint(d)
	case "textDocument/didChange":
		var p didChangeParams
		if decode(params, &p) != nil {
			return
		}
		d := s.docs[p.TextDocument.URI]
		if d == nil {
			return
		}
		for _, c := range p.ContentChanges {
			if c.Range == nil {
				d.text = c.Text
				continue
			}
			l := newLines(d.text, s.enc)
			from, to := l.offset(c.Range.Start), l.offset(c.Range.End)
			if to < from {
				from, to = to, from
			}
			d.text = d.text[:from] + c.Text + d.text[to:]
		}
		d.version = p.TextDocument.Version
		s.lint(d)
		s.lintSiblings(d.path)
	case "textDocument/didSave":
		var p didCloseParams
		if decode(params, &p) != nil {
			return
		}
		if isSettings(pathOf(p.TextDocument.URI)) {
			s.relintAll()
		}
	case "textDocument/didClose":
		var p didCloseParams
		if decode(params, &p) != nil {
			return
		}
		if d, ok := s.docs[p.TextDocument.URI]; ok {
			delete(s.docs, p.TextDocument.URI)
			s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []Diagnostic{}})
			s.lintSiblings(d.path) // they compare with the file on disk again
		}
	case "workspace/didChangeWatchedFiles":
		s.relintAll()
	}
}

// isSettings reports whether p may be a .crisis.yaml or a playbook.
func isSettings(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

// relintAll forgets every setting and playbook read and lints the open
// documents again.
func (s *server) relintAll() {
	s.runner = nil
	clear(s.folders)
	uris := make([]string, 0, len(s.docs))
	for u := range s.docs {
		uris = append(uris, u)
	}
	slices.Sort(uris)
	for _, u := range uris {
		s.lint(s.docs[u])
	}
}

// pathOf returns the file path of a file: URI, or "" for other schemes
// (an unsaved buffer).
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/") // /C:/x → C:/x
	}
	return filepath.FromSlash(p)
}

// isMessage reports whether d is a message file: a message extension, or
// an unsaved Markdown or text buffer.
func (d *document) isMessage() bool {
	if d.path == "" {
		return d.languageID == "markdown" || d.languageID == "plaintext"
	}
	switch strings.ToLower(filepath.Ext(d.path)) {
	case ".txt", ".md", ".markdown":
		return true
	}
	return false
}

// markdownDoc reports whether d is linted as Markdown.
func (d *document) markdownDoc() bool {
	if d.path == "" {
		return true // as standard input
	}
	ext := strings.ToLower(filepath.Ext(d.path))
	return ext == ".md" || ext == ".markdown"
}

// lint lints d among the other messages of its folder, as crisis lint DIR
// does, and publishes its diagnostics. A file the .crisis.yaml of its
// folder ignores has none, as crisis lint skips it in a directory.
func (s *server) lint(d *document) {
	d.lines = newLines(d.text, s.enc)
	d.res, d.pb = report.File{}, nil
	diags := []Diagnostic{}
	var cfg *config.Config
	if d.path != "" {
		cfg = s.settings(filepath.Dir(d.path)).cfg
	}
	if d.isMessage() && (cfg == nil || !cfg.Ignored(d.path)) {
		if s.runner == nil {
			s.runner, _ = check.New(check.Options{Jobs: 1}) // fails only for Options.Playbook
		}
		d.res, d.pb = s.runner.LintInDir(check.Text{Path: d.path, Data: []byte(d.text)}, s.openText)
		if d.res.Err != nil {
			diags = append(diags, s.errorDiagnostic(d))
		}
		for _, f := range d.res.Findings {
			diags = append(diags, s.diagnostic(d, f))
		}
	}
	v := d.version
	s.send("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: diags})
}

// openText returns the text of an open document by path: the messages of
// an update are compared as the editor holds them.
func (s *server) openText(path string) ([]byte, bool) {
	for _, d := range s.docs {
		if d.path == path {
			return []byte(d.text), true
		}
	}
	return nil, false
}

// lintSiblings lints again the open messages in the folder of path other
// than path itself: whether their facts agree with it may have changed.
func (s *server) lintSiblings(path string) {
	if path == "" {
		return
	}
	dir := filepath.Dir(path)
	var uris []string
	for u, d := range s.docs {
		if d.path != "" && d.path != path && filepath.Dir(d.path) == dir {
			uris = append(uris, u)
		}
	}
	slices.Sort(uris)
	for _, u := range uris {
		s.lint(s.docs[u])
	}
}

// settings are the .crisis.yaml that applies in a folder, as last read.
type settings struct {
	stamp string         // the config and its playbook files by size and time
	cfg   *config.Config // nil when there is none or it does not load
}

// settings looks up the .crisis.yaml for dir and compares it with what was
// read before; when it or a playbook file it names changed, every
// setting and compiled playbook is forgotten — an edit made outside the
// editor (a checkout, another program) is noticed too.
func (s *server) settings(dir string) settings {
	var cfgPath string
	for d := dir; ; {
		p := filepath.Join(d, config.FileName)
		if _, err := os.Stat(p); err == nil {
			cfgPath = p
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	old, seen := s.folders[dir]
	st := stamp(cfgPath)
	if seen && old.stamp == st+playbookStamps(old.cfg) {
		return old
	}
	cur := settings{stamp: st}
	if cfgPath != "" {
		if cfg, err := config.Load(cfgPath); err == nil {
			cur.cfg = cfg
			cur.stamp += playbookStamps(cfg)
		}
	}
	if seen && old.stamp != cur.stamp {
		s.runner = nil
		clear(s.folders)
	}
	s.folders[dir] = cur
	return cur
}

// stamp describes a file by path, size and modification time; "" when
// there is no such file.
func stamp(p string) string {
	if p == "" {
		return ""
	}
	fi, err := os.Stat(p)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %s\n", p, fi.Size(), fi.ModTime().Format(time.RFC3339Nano))
}

// playbookStamps stamps the playbook files a config names.
func playbookStamps(cfg *config.Config) string {
	if cfg == nil {
		return ""
	}
	var b strings.Builder
	for _, ref := range cfg.PlaybookRefs() {
		if !playbook.IsBuiltin(ref) {
			b.WriteString(stamp(ref))
		}
	}
	return b.String()
}
