from ajlint.diagnostics import Message, Severity
from ajlint.languages import suggest
from ajlint.rule import Rule

from ajlint.builtin.rules.language.common import match_case, replace, requirements, source, unique


class UnknownLanguage(Rule):
    """A word where a language is named that is no known language.

    What it does
        Reports a word standing in a language name's place — before a form of "keel" (``inglse
        keelt``) or coordinated with a language (``inglise ja prantsse keelt``) — that is not in the
        list of languages (``rules/languages.toml``, every case form and diacritics ignored). When a
        known language is near, it is suggested (``inglse`` → inglise). A word before "keel" that is
        near no language is reported only when the requirement has a level and the word ends like a
        name (``Valdab vietnami keelt tasemel B1``: a language missing from the list); ordinary words
        (``ametlikku keelt``, ``nimetatud keelt``, ``kirjalikus keeles``) are not names.

    Why it matters
        A misspelt language cannot be matched by search, statistics or the Language Board's checks,
        and in a published document it looks careless. A language missing from the list should be
        added there, so that every rule knows it.

    Example
        ``Valdab inglse keelt vähemalt tasemel B2.``

    Use instead
        ``Valdab inglise keelt vähemalt tasemel B2.``

    Fix safety
        Unsafe: the suggestion is the nearest spelling, which may not be the language meant. No fix
        when no language is near.
    """

    code = "AJ305"
    name = "unknown-language"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "suggest": Message(
            en="'{word}' is not a known language; did you mean '{suggestion}'?",
            et="'{word}' ei ole tuntud keel; kas mõtlesid '{suggestion}'?",
        ),
        "unknown": Message(
            en="'{word}' stands where a language is named but is no known language (if it is one, add it "
               "to rules/languages.toml)",
            et="'{word}' on keele nimetuse kohal, kuid ei ole tuntud keel (kui see on keel, lisa see faili "
               "rules/languages.toml)",
        ),
    }

    def check(self, doc):
        for r in unique((r for r in requirements(doc) if not r.known), "language_location"):
            src = source(doc, r.language_location)
            word = src[2] if src else r.language
            suggestion = suggest(word)
            if suggestion:
                written = match_case(word, suggestion)
                fix = None if " " in written else replace(
                    doc, r.language_location, r.language, written, "unsafe", f"Replace '{word}' with '{written}'")
                yield self.diag(doc, r.language_location, "suggest", word=word, suggestion=suggestion, fix=fix)
            else:
                yield self.diag(doc, r.language_location, "unknown", word=word)
