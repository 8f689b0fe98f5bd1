package main

import (
	"context"
	"io"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/mcpserver"
)

func newMcpCmd(s streams) *cobra.Command {
	var ref string
	c := &cobra.Command{
		Use:   "mcp",
		Short: "Run the Model Context Protocol server for AI assistants (stdio)",
		Long: `Run a Model Context Protocol server on standard input and output, so that
an AI assistant that drafts crisis messages checks them against the team's
playbook. Tools: lint_message (findings as crisis lint --format json gives
them for one file), explain_rule, list_scenarios (with their facts and
channels) and render_messages (one message per channel from the facts of an
update, linted; nothing is written). The playbook is a resource.

The .crisis.yaml of the working directory applies: start the server in the
team's repository. The assistant starts the server; it is not meant to be
run by hand.`,
		Example: `  # Claude Desktop, Cursor and others: claude_desktop_config.json / mcp.json
  {"mcpServers": {"crisis": {"command": "crisis", "args": ["mcp"]}}}`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			srv, err := mcpserver.New(mcpserver.Options{Version: versionString(), Playbook: ref})
			if err != nil {
				return usageErr(err)
			}
			serverGC()
			t := &mcp.IOTransport{Reader: io.NopCloser(s.in), Writer: nopWriteCloser{s.out}}
			if err := srv.Run(context.Background(), t); err != nil {
				return usageErr(err)
			}
			return nil
		},
	}
	c.Flags().StringVar(&ref, "playbook", "", "playbook for everything (builtin:de, builtin:en or a file); default from .crisis.yaml, else by language")
	_ = c.RegisterFlagCompletionFunc("playbook", playbookCompletion)
	return c
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
