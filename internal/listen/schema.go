package listen

import _ "embed"

// Schema is the JSON Schema of the report crisis listen --format json
// writes (a contract).
//
//go:embed schema/listen-report.json
var Schema []byte
