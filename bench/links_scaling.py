"""How the link index scales: ``python bench/links_scaling.py [N ...]`` (default 1000 5000 10000).

Generates N job descriptions (pipe-table markdown like seed 004) of a synthetic organisation in a
temporary folder — osakonnad of three talitused of two teams, with the same generic titles
("koordinaator", "peaspetsialist" …) repeated in every team, inflected references ("Keda asendab:
koordinaatorit", "Vahetu juht: Talituse juhataja") — reads them, then times building the position
index and resolving every reference (``build_links``), and running the eight link rules over the set.
Time per document should stay flat as N grows: the index is built in one pass and every reference is
resolved by dictionary look-ups, never by comparing documents pairwise. The index is timed twice: as it
runs (Python's cyclic garbage collector included, whose full collections grow with the number of live
objects — every document's model — whatever the algorithm) and with the collector paused, which shows
the algorithm's own cost.

Not a test: figures depend on the machine. Nothing it generates is kept.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ajlint.builtin.rules.links import RULES  # noqa: E402
from ajlint.document import read_document  # noqa: E402
from ajlint.links.checks import build_links  # noqa: E402
from ajlint.readers.text import TextReader  # noqa: E402

MEMBERS = [("Koordinaator", "koordinaatorit"), ("Peaspetsialist", "peaspetsialisti"),
           ("Nõunik", "nõunikku"), ("Juhtivspetsialist", "juhtivspetsialisti")]
TALITUSED = ["menetlus", "nõustamis", "arendus"]
TEAMS = ["põhja", "lõuna"]


def _doc(title: str, unit: str, manager: str, kes: str, keda: str, reports: str | None) -> str:
    row = lambda *c: "| " + " | ".join(c) + " |"  # noqa: E731
    out = ["AMETIJUHEND", "", "1. ÜLDOSA", "", "| | |", "|---|---|", row("1.1 Ametinimetus", "1.2 Struktuuriüksus"),
           row(title, unit), "", "| | | |", "|---|---|---|",
           row("1.3 Vahetu juht", "1.4 Kes asendab", "1.5 Keda asendab"), row(manager, kes, keda), ""]
    if reports:
        out += ["| |", "|---|", row("1.6 Vahetud alluvad"), row(reports), ""]
    out += ["2. TEENISTUSKOHA EESMÄRK", "", "Teenuse osutamine.", "", "3. TEENISTUSKOHUSTUSED", "",
            "| Põhiülesanded | Oodatavad tulemused |", "|--|--|",
            row("3.1 Teenuse osutamine.", "▪ Teenus on osutatud."),
            "", "4. ÕIGUSED", "", "▪ saada teavet.", "", "5. VASTUTUS", "", "▪ ülesannete täitmise eest.", ""]
    return "\n".join(out)


def generate(n: int, folder: Path) -> int:
    """A consistent organisation: every substitution and reporting line is stated on both sides."""
    w = lambda name, *a: folder.joinpath(name).write_text(_doc(*a), encoding="utf-8")  # noqa: E731
    w("peadirektor.md", "Peadirektor", "Juhtkond", "-", "Osakond 00001 osakonna juhataja",
      "Osakond 00001 osakonna juhatajat", None)
    count, o = 1, 0
    tal_heads = [f"{t} talituse juhataja" for t in TALITUSED]
    while count < n:
        osakond = f"Osakond {o + 1:05d} osakond"
        w(f"{o:05d}-oj.md", f"Osakond {o + 1:05d} osakonna juhataja", osakond, "Peadirektor",
          "Menetlus talituse juhataja" + (", peadirektor" if o == 0 else ""),
          "menetlus talituse juhatajat" + (", peadirektorit" if o == 0 else ""), ", ".join(tal_heads))
        count += 1
        for t, tal in enumerate(TALITUSED):
            unit_t = f"{osakond}, {tal}talitus"
            if t == 0:
                kes = "Osakonna juhataja, " + ", ".join(tal_heads[1:])
                keda = "osakonna juhatajat, " + ", ".join(h + "t" for h in tal_heads[1:])
            else:
                kes, keda = "Menetlus talituse juhataja", "menetlus talituse juhatajat"
            w(f"{o:05d}-{t}-tj.md", f"{tal.capitalize()} talituse juhataja", unit_t, "Osakonna juhataja", kes, keda,
              ", ".join(f"{team}tiimi juht" for team in TEAMS))
            count += 1
            for m, team in enumerate(TEAMS):
                unit_m = f"{unit_t} ({team} tiim)"
                w(f"{o:05d}-{t}-{m}-tj.md", "Tiimijuht", unit_m, "Talituse juhataja", MEMBERS[0][0], MEMBERS[0][1],
                  ", ".join(x for x, _ in MEMBERS))
                count += 1
                for k, (title, _) in enumerate(MEMBERS):
                    nxt, prv = MEMBERS[(k + 1) % len(MEMBERS)], MEMBERS[k - 1]
                    kes, keda = nxt[0], prv[1]
                    if k == 0:  # the coordinator and the team lead stand in for each other
                        kes, keda = kes + ", tiimijuht", keda + ", tiimijuhti"
                    w(f"{o:05d}-{t}-{m}-{k}.md", title, unit_m, "Tiimijuht", kes, keda, None)
                    count += 1
        o += 1
    return count


def main(sizes: list[int]) -> None:
    reader = [TextReader()]
    print(f"{'docs':>7} {'read s':>8} {'index+resolve s':>16} {'us/doc':>8} {'gc paused us/doc':>17} "
          f"{'8 rules s':>10} {'us/doc':>8}  findings")
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            generate(n, folder)
            t0 = time.perf_counter()
            docs = [read_document(p, p.name, reader) for p in sorted(folder.iterdir())]
            docs = [d for d in docs if d.model is not None]
            t1 = time.perf_counter()
            build_links(docs)
            build = time.perf_counter() - t1
            gc.collect()
            gc.disable()
            try:
                p0 = time.perf_counter()
                build_links(docs)
                paused = time.perf_counter() - p0
            finally:
                gc.enable()
            findings = 0
            t2 = time.perf_counter()
            for cls in RULES:
                rule = cls()
                if rule.scope == "corpus":
                    findings += sum(1 for _ in rule.check_corpus(docs))
                else:
                    for d in docs:
                        findings += sum(1 for _ in rule.check(d))
            t3 = time.perf_counter()
            m = len(docs)
            print(f"{m:>7} {t1 - t0:>8.2f} {build:>16.3f} {build / m * 1e6:>8.1f} {paused / m * 1e6:>17.1f} "
                  f"{t3 - t2:>10.3f} {(t3 - t2) / m * 1e6:>8.1f}  {findings}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 5000, 10000])
