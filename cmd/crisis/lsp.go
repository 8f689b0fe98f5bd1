package main

import (
	"errors"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/lsp"
)

func newLspCmd(s streams) *cobra.Command {
	c := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server for editors (stdio)",
		Long: `Run a Language Server Protocol server on standard input and output, for
editors such as Neovim, VS Code, Helix or Emacs. It shows what crisis lint
reports for message files (.txt, .md) while you type, with the .crisis.yaml
of the file's folder and the congruence of the update's other messages;
explains a finding's rule on hover; and offers quick fixes: the playbook's
replacement where it swaps words, and a crisis-ignore directive for the rule.

The editor starts the server; it is not meant to be run by hand.
Exit status: 0 after the editor's shutdown and exit, 1 when the editor
exits or disconnects without a shutdown, 2 when the stream is broken.`,
		Example: `  # Neovim (0.11+)
  vim.lsp.config('crisis', { cmd = { 'crisis', 'lsp' }, filetypes = { 'markdown', 'text' } })
  vim.lsp.enable('crisis')`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			serverGC()
			err := lsp.Serve(s.in, s.out, lsp.Options{Version: versionString()})
			if errors.Is(err, lsp.ErrNoShutdown) {
				return withCode(1) // the protocol asks for 1 after an exit without shutdown
			}
			if err != nil {
				return usageErr(err)
			}
			return nil
		},
	}
	// Some clients (vscode-languageclient among them) name the transport.
	c.Flags().Bool("stdio", true, "talk over standard input and output (the only transport)")
	_ = c.Flags().MarkHidden("stdio")
	return c
}

// serverGC undoes main's collection settings for a long-running server:
// one that lives all day should not keep thirteen times its live heap.
func serverGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
}
