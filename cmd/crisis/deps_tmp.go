package main

import (
	_ "github.com/Masterminds/sprig/v3"
	_ "github.com/charmbracelet/huh"
	_ "github.com/spf13/cobra"
	_ "github.com/spf13/cobra/doc"
	_ "go.yaml.in/yaml/v3"
	_ "github.com/clipperhouse/uax29/v2/words"
	_ "golang.org/x/text/cases"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/boombuler/barcode/qr"
	_ "github.com/santhosh-tekuri/jsonschema/v6"
	_ "github.com/yuin/goldmark"
)

func main() {}
