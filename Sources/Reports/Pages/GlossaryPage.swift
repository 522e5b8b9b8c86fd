/// What `glossary.mustache` sees: the terms are the template's own text; the run line dates it.
struct GlossaryPage {
    var run: RunView
}
