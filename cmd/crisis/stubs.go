package main

import "github.com/spf13/cobra"

func newDraftCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "draft", Short: "Draft messages for every channel, guided step by step", RunE: notYet("crisis draft")}
}

func newRenderCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "render FACTS.yaml", Short: "Render one message per channel from a facts file", RunE: notYet("crisis render")}
}

func newNewCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "new --example NAME DIR", Short: "Start an incident from a prepared example", RunE: notYet("crisis new")}
}
