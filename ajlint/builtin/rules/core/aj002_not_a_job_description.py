from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class NotAJobDescription(Rule):
    """The file does not look like a job description.

    What it does
        Reports a readable file in which none of the headings or labels of any installed profile
        (ÜLDOSA, 1.1 Ametinimetus, Teenistuskoht, Allub, TÖÖÜLESANDED …) were found, or an empty file.

    Why it matters
        The other rules would find nothing or nonsense in such a file. In a repository of job
        descriptions it is usually a stray file, or a template whose headings are not in any profile.

    Example
        A meeting memo saved as ``memo.md`` in the job descriptions folder.

    Use instead
        Keep only job descriptions in the checked paths (``exclude`` the rest), or add a profile for
        the template in ``rules/profiles/``.

    Fix safety
        No automatic fix.
    """

    code = "AJ002"
    name = "not-a-job-description"
    severity = Severity.ERROR
    needs_model = False
    messages = {
        "not_jd": Message(
            en="Not a job description: {reason}",
            et="See ei ole ametijuhend: {reason}",
        )
    }

    def check(self, doc):
        if doc.read_error is None and doc.not_job_description:
            yield self.diag(doc, 1, "not_jd", reason=doc.not_job_description)
