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

func newLintCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "lint [PATH|-]...", Short: "Check message files for promotional or whiny tone and missing essentials", RunE: notYet("crisis lint")}
}

func newPageCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "page", Short: "Build the landing page and follow-up letter of an incident", RunE: notYet("crisis page")}
}

func newStatusCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "status INCIDENT_DIR", Short: "Show the latest update and when the next one is due", RunE: notYet("crisis status")}
}

func newPlaybookCmd(s streams) *cobra.Command {
	return &cobra.Command{Use: "playbook", Short: "List, show, validate and explain playbooks", RunE: notYet("crisis playbook")}
}
