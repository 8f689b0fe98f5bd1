package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newManCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write man pages for every command into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return usageErr(err)
			}
			hdr := &doc.GenManHeader{Title: "CRISIS", Section: "1", Source: "crisis " + versionString()}
			if err := doc.GenManTree(c.Root(), hdr, args[0]); err != nil {
				return usageErr(fmt.Errorf("write man pages: %w", err))
			}
			fmt.Fprintf(s.err, "man pages written to %s\n", args[0])
			return nil
		},
	}
}
