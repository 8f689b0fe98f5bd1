package report

import _ "embed"

// Schema is the JSON Schema of the report of crisis lint --format json.
// Editors that speak JSON Schema validate and complete with it; the file
// lives in schema/ beside this package.
//
//go:embed schema/lint-report.json
var Schema []byte
