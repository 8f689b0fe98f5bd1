package incident

import _ "embed"

// Schema is the JSON Schema of a facts.yaml (also the answers file of crisis draft).
// Editors that speak JSON Schema validate and complete with it; the file
// lives in schema/ beside this package.
//
//go:embed schema/facts.json
var Schema []byte
