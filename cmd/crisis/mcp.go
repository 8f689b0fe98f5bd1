package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/mcpserver"
)

func newMcpCmd(s streams) *cobra.Command {
	var ref, dir string
	c := &cobra.Command{
		Use:   "mcp",
		Short: "Run the Model Context Protocol server for AI assistants (stdio)",
		Long: `Run a Model Context Protocol server on standard input and output, so that
an AI assistant that drafts crisis messages checks them against the team's
playbook. Tools: lint_message (findings as crisis lint --format json gives
them for one file), explain_rule, list_scenarios (with their facts and
channels) and render_messages (one message per channel from the facts of an
update, linted; nothing is written). The playbook is a resource.

The .crisis.yaml of the team's directory applies (--dir, default the working
directory), and messages are linted as files in it. The assistant starts the
server; it is not meant to be run by hand.`,
		Example: `  # Claude Desktop, Cursor and others: claude_desktop_config.json / mcp.json
  {"mcpServers": {"crisis": {"command": "crisis", "args": ["mcp", "--dir", "/path/to/messages"]}}}`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if dir != "" {
				if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
					return usageErr(fmt.Errorf("--dir %s: not a directory", dir))
				}
				abs, err := filepath.Abs(dir)
				if err != nil {
					return usageErr(err)
				}
				dir = abs
			}
			serverGC()
			err := mcpserver.Serve(context.Background(), s.in, s.out, mcpserver.Options{Version: versionString(), Playbook: ref, Dir: dir})
			if err != nil {
				return usageErr(err)
			}
			return nil
		},
	}
	c.Flags().StringVar(&ref, "playbook", "", "playbook for everything (builtin:de, builtin:en or a file); default from .crisis.yaml, else by language")
	c.Flags().StringVar(&dir, "dir", "", "the team's directory: its .crisis.yaml applies and messages are linted as files in it (default: the working directory)")
	_ = c.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	_ = c.RegisterFlagCompletionFunc("dir", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	return c
}
