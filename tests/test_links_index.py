"""The position index's fast paths against the simple forms they replace, on varied inputs."""

from __future__ import annotations

import random
from types import SimpleNamespace

from ajlint.engine import Engine
from ajlint.links.checks import build_links
from ajlint.links.index import FIELDS, Position, PositionIndex, Resolver, _Groups, expected_case, refs_of
from ajlint.links.inflection import NOM, read_ref
from ajlint.links.units import Unit, head_level
from ajlint.plugins import default_registry

from conftest import FIXTURES


def _unit(path: tuple, root: bool = False) -> Unit:
    return Unit("", path, path, tuple(x for x in path if x), root, (None,) * len(path))


def _closeness(a: tuple, b: tuple) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _closest_simply(groups: _Groups, path: tuple) -> dict:
    """Every position scored on its own, the best kept, regrouped by identity in pool order."""
    pool = [p for ps in groups.by_ident.values() for p in ps]
    scored = [(_closeness(path, p.path), p) for p in pool]
    best = max(c for c, _ in scored)
    out: dict = {}
    for c, p in scored:
        if c == best:
            out.setdefault(p.ident, []).append(p)
    return out


def test_closest_groups_are_the_best_scored_positions():
    rnd = random.Random(7)
    names = [None, "a", "b", "c"]
    for _ in range(300):
        g = _Groups()
        for i in range(rnd.randint(1, 12)):
            path = tuple(rnd.choice(names) for _ in range(3))
            root = path == (None, None, None) and rnd.random() < 0.5
            g.add(Position(i, None, "t", "t", "t", None, _unit(path, root), None, False))
        for _ in range(5):
            path = tuple(rnd.choice(names) for _ in range(3))
            assert g.closest(path).by_ident == _closest_simply(g, path), path


def _doc(title: str, unit: str | None) -> SimpleNamespace:
    model = SimpleNamespace(title=SimpleNamespace(text=title), unit=SimpleNamespace(text=unit) if unit else None)
    return SimpleNamespace(model=model, path=title)


def test_qualifier_takes_the_closest_positions_of_the_title():
    docs = [
        _doc("Juhtivspetsialist (lastemaja)", "Lastekaitse osakond, lastemaja talitus"),
        _doc("Juhtivspetsialist (lastemaja)", "Lastekaitse osakond, asendushoolduse talitus"),
        _doc("Juhtivspetsialist (lastemaja)", "Pensioniosakond, menetlustalitus"),
        _doc("Juhtivspetsialist (lastemaja)", "Lastekaitse osakond, lastemaja talitus"),
        _doc("Koordinaator", "Lastekaitse osakond, lastemaja talitus"),
        _doc("Nõunik", "Lastekaitse osakond, arendustalitus"),
        _doc("Analüütik", "Pensioniosakond"),
    ]
    index = PositionIndex(docs)
    resolver = Resolver(index)

    def targets(src: int, plural: bool = False) -> tuple[str, list[int]]:
        pos = index.positions[src]
        text = "Juhtivspetsialistid (lastemaja)" if plural else "Juhtivspetsialist (lastemaja)"
        res = resolver.resolve(pos, pos.unit, "manager", SimpleNamespace(text=text), NOM)
        return res.status, sorted(p.index for p in res.targets or res.candidates)

    assert targets(4) == ("resolved", [0, 3])  # the same unit: one position, two documents
    assert targets(5) == ("ambiguous", [0, 1])  # the same osakond, two talitused
    assert targets(6) == ("resolved", [2])  # the same osakond
    assert targets(5, plural=True) == ("resolved", [0, 1, 3])  # a plural reference takes them all


def test_a_reference_text_is_read_once_per_case_as_it_would_be_afresh():
    docs = [_doc("Talituse juhataja", "Lastekaitse osakond, lastemaja talitus"), _doc("Nõunik", "Pensioniosakond"),
            _doc("Juhtivspetsialist (lastemaja)", "Lastekaitse osakond"), _doc("Tiimijuht", None)]
    index = PositionIndex(docs)
    texts = ["Talituse juhatajat", "Talituse juhataja", "nõunikku", "Nõunikud", "teine nõunik",
             "Juhtivspetsialisti (lastemaja)", "Lastemaja talituse juhataja", "tiimijuhile", "Nounikule", "", "-"]
    cases = ["nominative", "genitive", "partitive", "allative"]
    warm = Resolver(index)
    for _ in range(2):
        for text in texts:
            for case in cases:
                form, title, key, plural, level = warm.read(text, case)
                t, k, p = Resolver(index)._choose(read_ref(text), case)
                assert form is read_ref(text)
                assert (title, key, plural, level) == (_shown(t, form), k, p, head_level(k, exact=True))

    class ByCase(Resolver):  # a reading that depends on the case: the memo must keep cases apart
        def _choose(self, form, case):
            return case, case, False

    by_case = ByCase(index)
    assert [by_case.read("Nõunik", c)[1] for c in cases + cases] == cases + cases


def _shown(title: str, form) -> str:
    return f"{title} ({form.qualifier})" if form.qualifier else title


def test_positions_sharing_a_title_read_it_as_each_would_alone():
    titles = ["Juhtivspetsialist (lastemaja)", "Juhtivspetsialist", "Talituse juhataja", "Lastemaja talituse juhataja",
              "Juhtivspetsialist (lastemaja)", "Talituse juhataja", "(x)", "  "]
    units = ["Lastekaitse osakond, lastemaja talitus", None, "Pensioniosakond"]
    docs = [_doc(t, units[i % 3]) for i, t in enumerate(titles * 2)]
    index = PositionIndex(docs)
    for doc, p in zip(docs, index.positions):
        alone = PositionIndex([doc]).positions[0]
        assert (p is None) == (alone is None)
        if p is not None:
            assert (p.title, p.base, p.key, p.qualifier, p.unit, p.head, p.named, p.ident) == (
                alone.title, alone.base, alone.key, alone.qualifier, alone.unit, alone.head, alone.named, alone.ident)


def test_every_reference_is_resolved_in_its_own_profiles_case(monkeypatch):
    engine = Engine(default_registry())
    docs = [d for d in engine.load(engine.discover([str(FIXTURES)]))
            if d.model is not None and not d.not_job_description]
    assert len({d.profile.name for d in docs}) >= 3
    seen = []
    resolve = Resolver.resolve

    def recording(self, src, src_unit, fieldname, ref, case):
        seen.append((id(ref), fieldname, case))
        return resolve(self, src, src_unit, fieldname, ref, case)

    monkeypatch.setattr(Resolver, "resolve", recording)
    build_links(docs)
    assert seen == [(id(ref), key, expected_case(d.profile, key))
                    for d in docs for key in FIELDS for ref in refs_of(d.model, key)]
    assert len({case for _, _, case in seen}) >= 2
