package playbook

import _ "embed"

// Schema is the JSON Schema of a playbook file.
// Editors that speak JSON Schema validate and complete with it; the file
// lives in schema/ beside this package.
//
//go:embed schema/playbook.json
var Schema []byte
