package page

// FAQ is one question people ask most, with the answer the facts give.
// `crisis page build --faq` takes them from a `crisis listen` report.
type FAQ struct {
	Question string
	Answer   string
	// Asked is how many messages asked it.
	Asked int
}

// faqView is the FAQ block of the landing page.
type faqView struct {
	Title string
	Items []FAQ
}

func newFAQ(items []FAQ, german bool) faqView {
	title := "Frequently asked questions"
	if german {
		title = "Häufige Fragen"
	}
	return faqView{Title: title, Items: items}
}
