package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/crisis-comms/crisis/internal/clock"
	"github.com/crisis-comms/crisis/internal/page"
)

// pageBuildOptions are the flags and arguments of crisis page build.
type pageBuildOptions struct {
	Dir    string
	Out    string
	FAQ    string // a crisis listen JSON report
	Letter bool
}

func newPageCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "page",
		Short: "Build the landing page and follow-up letter of an incident",
		Long: `Build the public landing page and the follow-up letter of an incident.

The landing page collects every update: the current status, what happened,
who is affected, what is being done, what people can do, the background,
how recurrence is prevented, how to get help, when the next update comes,
and the full timeline. It is a self-contained static site without scripts
or external resources: copy it to any web server, or open it from disk.`,
		Example: `  crisis page build incidents/zahlungsausfall --out site/`,
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(newPageBuildCmd(s))
	return cmd
}

func newPageBuildCmd(s streams) *cobra.Command {
	opts := pageBuildOptions{}
	cmd := &cobra.Command{
		Use:   "build INCIDENT_DIR --out SITE_DIR",
		Short: "Write index.html, and once resolved letter.html and qr.png, for an incident",
		Long: `Write the landing page (index.html) into SITE_DIR, and once the latest
update is resolved or a follow-up (or with --letter), the print-ready A4
follow-up letter (letter.html) and the QR code that it shows (qr.png).

When the latest update has a landing message (landing.md, written by crisis
draft or crisis render and edited as you like), the page shows that text;
otherwise it is built from the facts. The timeline of every update is built
from the facts.

The page is in German when the facts say lang: de, else in English. A
field that an update leaves out keeps its value from an earlier update.
The QR code points to landing_page, which must be set in facts.yaml.

Run it again after every update, and also when there is no news: the page
says when it was last checked. It replaces its own three files and leaves
everything else in SITE_DIR alone. CRISIS_NOW pins the "last checked" time.`,
		Example: `  crisis page build incidents/zahlungsausfall --out site/
  rsync -a site/ www:/var/www/status/      # publish
  chromium --headless --print-to-pdf=brief.pdf site/letter.html
  crisis listen incoming.csv --incident incidents/zahlungsausfall -f json > listen.json
  crisis page build incidents/zahlungsausfall --out site/ --faq listen.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.Dir = args[0]
			return runPageBuild(opts, s.out, s.err)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "directory to write the site into (created if missing)")
	_ = cmd.RegisterFlagCompletionFunc("out", dirCompletion)
	cmd.Flags().StringVar(&opts.FAQ, "faq", "", "add the questions people ask most, answered from the facts: a crisis listen --format json report")
	cmd.Flags().BoolVar(&opts.Letter, "letter", false, "write the follow-up letter although the incident is still open")
	_ = cmd.MarkFlagRequired("out")
	return cmd
}

func runPageBuild(opts pageBuildOptions, out, errw io.Writer) error {
	now, err := clock.Now()
	if err != nil {
		return usageErr(err)
	}
	in, err := loadIncident(opts.Dir)
	if err != nil {
		return err
	}
	var faq []page.FAQ
	if opts.FAQ != "" {
		if faq, err = faqFrom(opts.FAQ, in); err != nil {
			return err
		}
	}
	po := page.Options{Now: now, FAQ: faq, Letter: opts.Letter}
	stop := abortOnSignal(errw)
	err = page.Build(in, opts.Out, po)
	stop()
	if err != nil {
		return usageErr(err)
	}
	names := []string{page.IndexFile}
	if page.WritesLetter(in, po) {
		names = append(names, page.LetterFile, page.QRFile)
	}
	for _, name := range names {
		fmt.Fprintln(out, filepath.Join(opts.Out, name))
	}
	return nil
}
