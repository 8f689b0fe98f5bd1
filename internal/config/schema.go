package config

import _ "embed"

// Schema is the JSON Schema of .crisis.yaml.
// Editors that speak JSON Schema validate and complete with it; the file
// lives in schema/ beside this package.
//
//go:embed schema/config.json
var Schema []byte
