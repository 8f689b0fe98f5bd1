package main

import "github.com/spf13/cobra"

func newDraftCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "draft", Short: "Draft messages for every channel, guided step by step", RunE: notYet("crisis draft")}
}
