from ajlint import datafiles
from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule

from ajlint.builtin.rules.language.common import (
    rank, replace, requirements, requires_higher_education, valid_level,
)


class EstonianLevel(Rule):
    """The Estonian-language requirement is missing, above C1, or below the organisation's minimum.

    What it does
        Checks the Estonian requirement of the Keeleoskus text (``eesti keel``, ``riigikeel``) three
        ways:

        - there is none at all (reported on the Keeleoskus text, else on the requirements section);
        - it is C2: since the 2014 amendment of Government regulation no. 84 an employer may set a
          level above the statutory minimum "but not higher than C1" — this is law;
        - it is below the organisation's minimum. That minimum is *policy, not law*: the shipped
          default (``rules/languages.toml``, ``[estonian]``) is C1 when the position requires higher
          education (its Haridus text names kõrgharidus, a master's or bachelor's degree … without
          "soovitavalt") and B1 otherwise. A project sets its own with the rule option
          ``estonian-minimum`` (``[tool.ajlint.options] estonian-minimum = "B2"``).

        Legacy terms count at their statutory equivalent (``kõrgtase`` = C1); a requirement without a
        valid level is AJ303's or AJ301's.

    Why it matters
        Every public-sector position has an Estonian requirement set under the Language Act § 23; a
        description without one is incomplete, one of C2 is unlawful, and one below the
        organisation's own standard is usually a copying mistake that recruitment will inherit.

    Example
        ``Haridus: Kõrgharidus.`` … ``Keeleoskus: Valdab eesti keelt tasemel C2.``

    Use instead
        ``Keeleoskus: Valdab eesti keelt vähemalt tasemel C1.``

    Fix safety
        Unsafe, and only for C2: the fix writes C1, the highest lawful level. A missing or too low
        requirement is not fixed: only the author knows the level the position needs.
    """

    code = "AJ304"
    name = "estonian-level"
    severity = Severity.WARNING
    fixable = True
    option_defaults = {"estonian-minimum": None}
    messages = {
        "none": Message(
            en="No Estonian-language requirement: every position needs one (Language Act § 23)",
            et="Eesti keele oskuse nõue puudub: see peab olema igal ametikohal (keeleseadus § 23)",
        ),
        "above": Message(
            en="Estonian at {level} is above {maximum}, the highest level an employer may require "
               "(Government regulation no. 84, 2014 amendment)",
            et="Eesti keele tase {level} on kõrgem kui {maximum}, mida tööandja võib kõige rohkem nõuda "
               "(Vabariigi Valitsuse määrus nr 84, 2014. a muudatus)",
        ),
        "below_higher": Message(
            en="Estonian at {level} is below {minimum}, the organisation's minimum for a position that "
               "requires higher education (policy, not law)",
            et="Eesti keele tase {level} on madalam kui {minimum}, asutuse miinimum kõrgharidust nõudval "
               "ametikohal (asutuse põhimõte, mitte seadus)",
        ),
        "below_other": Message(
            en="Estonian at {level} is below {minimum}, the organisation's minimum (policy, not law)",
            et="Eesti keele tase {level} on madalam kui {minimum}, asutuse miinimum (asutuse põhimõte, "
               "mitte seadus)",
        ),
    }

    def check(self, doc):
        policy = datafiles.languages().estonian
        model = doc.model
        reqs = [r for r in requirements(doc) if r.known and r.language == policy.language]
        if not reqs:
            where = self._where_none(model)
            yield self.diag(doc, where, "none")
            return
        maximum = valid_level(policy.maximum) or "C1"
        configured = valid_level(self.options.get("estonian-minimum"))
        if configured:
            minimum, key = configured, "below_other"
        elif requires_higher_education(model.requirements.education.text if model.requirements.education else None):
            minimum, key = valid_level(policy.minimum_higher_education) or "C1", "below_higher"
        else:
            minimum, key = valid_level(policy.minimum_other) or "B1", "below_other"
        seen = set()
        for r in reqs:
            lv = rank(r.cefr)
            if lv is None or r.level_location is None:
                continue
            at = (r.level_location.line, r.level_location.column)
            if at in seen:
                continue
            seen.add(at)
            if lv > rank(maximum):
                fix = None
                if r.level_kind == "cefr":
                    fix = replace(doc, r.level_location, r.level, maximum, "unsafe",
                                  f"Require Estonian at {maximum}")
                yield self.diag(doc, r.level_location, "above", level=r.level, maximum=maximum, fix=fix)
            elif lv < rank(minimum):
                yield self.diag(doc, r.level_location, key, level=r.level, minimum=minimum)

    @staticmethod
    def _where_none(model):
        if model.requirements.languages_text is not None:
            return model.requirements.languages_text
        for lab in model.labels:
            if lab.key == "requirements.languages":
                return lab
        for sec in model.sections:
            if sec.key == "requirements":
                return sec.heading_location if getattr(sec, "heading_location", None) else sec
        return 1  # no requirements section either: the document as a whole
