package draft

// formLang hands every prompt the language of the form, so that a Prompter
// words its own key help and hints in the language the flow asks in.
type formLang struct {
	Prompter
	f *flow
}

func (l formLang) lang(p Prompt) Prompt {
	if p.Lang == "" && l.f.st != nil {
		p.Lang = l.f.lang()
	}
	return p
}

func (l formLang) Select(p Prompt, opts []Option, def string) (string, error) {
	return l.Prompter.Select(l.lang(p), opts, def)
}

func (l formLang) MultiSelect(p Prompt, opts []Option, def []string, validate func([]string) error) ([]string, error) {
	return l.Prompter.MultiSelect(l.lang(p), opts, def, validate)
}

func (l formLang) Input(p Prompt, def string, validate func(string) error) (string, error) {
	return l.Prompter.Input(l.lang(p), def, validate)
}

func (l formLang) Text(p Prompt, def string, validate func(string) error) (string, error) {
	return l.Prompter.Text(l.lang(p), def, validate)
}

func (l formLang) Confirm(p Prompt, def bool) (bool, error) {
	return l.Prompter.Confirm(l.lang(p), def)
}
