package ready

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// Formats are the output formats of Write.
var Formats = []string{"text", "json", "html"}

// Write prints the report in format.
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "text":
		return writeText(w, r)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "html":
		return page().Execute(w, pageData{Report: r, L: labels(r.Lang)})
	}
	return fmt.Errorf("unknown format %q: use text, json or html", format)
}

type label struct {
	Title, Score, OK, Warning, Error, Fix, Check, Status, Summary string
}

func labels(lang string) label {
	if lang == "de" {
		return label{Title: "Krisen-Kit", Score: "Bereitschaft", OK: "ok", Warning: "Warnung", Error: "Fehler",
			Fix: "So geht's", Check: "Prüfung", Status: "Status", Summary: "ok: %d · Warnungen: %d · Fehler: %d"}
	}
	return label{Title: "Crisis kit", Score: "Readiness", OK: "ok", Warning: "warning", Error: "error",
		Fix: "Fix", Check: "Check", Status: "Status", Summary: "ok: %d · warnings: %d · errors: %d"}
}

func (l label) status(s string) string {
	switch s {
	case Error:
		return l.Error
	case Warning:
		return l.Warning
	}
	return l.OK
}

func writeText(w io.Writer, r *Report) error {
	l := labels(r.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s — %s %d/100 (%s)\n\n", l.Title, r.Org, l.Score, r.Score,
		fmt.Sprintf(l.Summary, r.Summary[OK], r.Summary[Warning], r.Summary[Error]))
	width := 0
	for _, it := range r.Items {
		width = max(width, len(it.ID))
	}
	for _, it := range r.Items {
		fmt.Fprintf(&b, "%-8s %-*s  %s\n", l.status(it.Status), width, it.ID, it.Message)
		if it.Fix != "" && it.Status != OK {
			fmt.Fprintf(&b, "%-8s %-*s  → %s\n", "", width, "", it.Fix)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type pageData struct {
	Report *Report
	L      label
}

// page is parsed on first use, not at the start of every command.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("ready").Funcs(template.FuncMap{
		"status": func(l label, s string) string { return l.status(s) },
		"summary": func(l label, r *Report) string {
			return fmt.Sprintf(l.Summary, r.Summary[OK], r.Summary[Warning], r.Summary[Error])
		},
	}).Parse(`<!doctype html>
<html lang="{{.Report.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.L.Title}}: {{.Report.Org}}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #ddd}
.ok{color:#1b5e20}.warning{color:#8a5a00}.error{color:#b71c1c}.score{font-size:2rem;font-weight:700}
td.fix{color:#444}
</style>
</head>
<body>
<h1>{{.L.Title}}: {{.Report.Org}}</h1>
<p><span class="score">{{.L.Score}} {{.Report.Score}}/100</span><br>{{summary .L .Report}}</p>
<table>
<thead><tr><th>{{.L.Status}}</th><th>{{.L.Check}}</th><th></th></tr></thead>
<tbody>
{{- range .Report.Items}}
<tr><td class="{{.Status}}">{{status $.L .Status}}</td><td><code>{{.ID}}</code></td><td>{{.Message}}{{if and .Fix (ne .Status "ok")}}<br><span class="fix">→ {{.Fix}}</span>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
</body>
</html>
`))
})
