package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/report"
	"github.com/crisis-comms/crisis/playbook"
)

// Shell completion for flags: every flag with a fixed set of values
// completes them.

func fixedCompletion(vals ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return vals, cobra.ShellCompDirectiveNoFileComp
	}
}

// fileCompletion completes file names with the given extensions.
func fileCompletion(exts ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// formatCompletion offers the formats, and FORMAT= for a report file.
func formatCompletion(_ *cobra.Command, _ []string, typed string) ([]string, cobra.ShellCompDirective) {
	if format, _, ok := strings.Cut(typed, "="); ok && slices.Contains(report.Formats, format) {
		return nil, cobra.ShellCompDirectiveDefault
	}
	out := slices.Clone(report.Formats)
	for _, f := range report.Formats {
		out = append(out, f+"=")
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

func playbookCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return playbook.BuiltinNames(), cobra.ShellCompDirectiveDefault
}

// scenarioCompletion offers the scenarios of the built-in playbooks.
func scenarioCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	var ids []string
	for _, name := range playbook.BuiltinNames() {
		pb, err := playbook.Load(name)
		if err != nil {
			continue
		}
		for _, sc := range pb.Scenarios {
			if !slices.Contains(ids, sc.ID) {
				ids = append(ids, sc.ID)
			}
		}
	}
	slices.Sort(ids)
	return ids, cobra.ShellCompDirectiveNoFileComp
}

func dirCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}
