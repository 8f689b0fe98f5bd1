package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/config"
	"github.com/crisis-comms/crisis/internal/incident"
	"github.com/crisis-comms/crisis/internal/listen"
	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

// schemaDoc is a JSON Schema crisis schema prints.
type schemaDoc struct {
	name, describes, path string
	data                  []byte
}

// schemas are the JSON Schemas of the files crisis reads and writes, each
// kept in the repository beside the package that reads or writes it.
var schemas = []schemaDoc{
	{"playbook", "a playbook (YAML)", "playbook/schema/playbook.json", playbook.Schema},
	{"config", ".crisis.yaml", "internal/config/schema/config.json", config.Schema},
	{"facts", "facts.yaml, and the answers file of crisis draft --answers", "internal/incident/schema/facts.json", incident.Schema},
	{"lint-report", "the report of crisis lint --format json", "internal/report/schema/lint-report.json", report.Schema},
	{"listen-report", "the report of crisis listen --format json", "internal/listen/schema/listen-report.json", listen.Schema},
}

func schemaNames() []string {
	var names []string
	for _, s := range schemas {
		names = append(names, s.name)
	}
	return names
}

func newSchemaCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "schema [NAME]",
		Short: "Print the JSON Schema of a file crisis reads or writes",
		Long: `Print the JSON Schema (draft 2020-12) of a file crisis reads or writes, for
editors and other tools: playbook, config (.crisis.yaml), facts (facts.yaml
and draft answers), lint-report (crisis lint --format json) or listen-report
(crisis listen --format json). Without NAME,
list them.

In an editor with the YAML language server, a first line such as
  # yaml-language-server: $schema=https://raw.githubusercontent.com/crisis-comms/crisis/main/internal/incident/schema/facts.json
validates and completes the file as you type.`,
		Example: `  crisis schema
  crisis schema playbook > playbook.schema.json`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: schemaNames(),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				for _, sc := range schemas {
					fmt.Fprintf(s.out, "%-12s %s\n", sc.name, sc.describes)
				}
				return nil
			}
			i := slices.IndexFunc(schemas, func(sc schemaDoc) bool { return sc.name == args[0] })
			if i < 0 {
				return usageHint(c, fmt.Errorf("no schema %q: use %s", args[0], strings.Join(schemaNames(), ", ")))
			}
			_, err := s.out.Write(schemas[i].data)
			return err
		},
	}
}
