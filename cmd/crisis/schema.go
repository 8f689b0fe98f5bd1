package main

import (
	"github.com/spf13/cobra"
)

func newSchemaCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "schema NAME", Hidden: true}
}
