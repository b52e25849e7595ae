"""The benchmark: ``python -m ajlint.bench [--docs N] [--scaling]``.

Generates a synthetic corpus from the seed fixtures — N documents in the seed formats (tab-grid
markdown like 000, pipe-table markdown like 004, PDF-extracted text like 003) with varied titles and
units, consistent substitution links (every "Keda asendab" answered by a "Kes asendab"), and a few
percent carrying defects — in a temporary folder, then prints:

* documents per second of ``ajlint check`` with all rules, in one process and with ``--jobs 2``,
* time per document per rule family (top 5) and of reading,
* peak memory (maximum resident set size of the ``check`` process),
* the cold start of ``ajlint check`` on one file, against ``python -c pass``,
* the warm-cache re-run time against the cold run,
* the time to merely read and decode every file in Python, and our time over it.

Each check is run ``--runs`` times and the median shown, with its CPU time (the process and its
workers) and the range of the runs; the runs of one and of two processes take turns. The commands
run as in a user's installation: bytecode may be cached (a run that may not write it would time
Python's compiler), and one warm-up run comes first.

Not a test: figures depend on the machine (and on a shared machine, on its neighbours: compare
figures taken in one session). Nothing it generates is kept.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

TITLES = [("Peaspetsialist", "peaspetsialisti"), ("Juhtivspetsialist", "juhtivspetsialisti"),
          ("Nõunik", "nõunikku"), ("Koordinaator", "koordinaatorit"), ("Jurist", "juristi"),
          ("Analüütik", "analüütikut"), ("Projektijuht", "projektijuhti"), ("Spetsialist", "spetsialisti")]
TOPICS = ["pensionid", "toetused", "lastekaitse", "ohvriabi", "ennetus", "rehabilitatsioon", "hüvitised",
          "klienditeenindus", "arendus", "analüüs", "koolitus", "järelevalve"]
OSAKONNAD = ["Pensioniosakond", "Perehüvitiste osakond", "Lastekaitse osakond", "Ohvriabi osakond",
             "Rehabilitatsiooni osakond", "Klienditeeninduse osakond", "Arendusosakond", "Õigusosakond"]
TALITUSED = ["menetlustalitus", "nõustamistalitus", "arendustalitus", "analüüsitalitus", "tugitalitus"]
TEAM = 6  # members per talitus, in a ring of substitution


def _tail(seed_prefix: str, anchor: str) -> str:
    text = next(FIXTURES.glob(f"{seed_prefix}_*.txt")).read_text(encoding="utf-8")
    return text[text.index(anchor):]


def _position(i: int):
    team, k = divmod(i, TEAM)
    osakond = OSAKONNAD[team % len(OSAKONNAD)]
    talitus = f"{TALITUSED[(team // len(OSAKONNAD)) % len(TALITUSED)]} {team // (len(OSAKONNAD) * len(TALITUSED)) + 1}"
    base, part = TITLES[k % len(TITLES)]
    topic = f"{TOPICS[(team + k) % len(TOPICS)]} {k + 1}"
    return team, osakond, talitus, f"{base} ({topic})", f"{part} ({topic})"


def generate(n: int, out: Path, seed: int = 7, defect_rate: float = 0.03) -> int:
    """Write ``n`` documents into ``out``; returns how many carry a defect."""
    rnd = random.Random(seed)
    tails = {
        "tab": _tail("000", "### 2. AMETIKOHA EESMÄRK"),
        "pipe": _tail("004", "2. TEENISTUSKOHA EESMÄRK"),
        "text": _tail("003", "2.  TÖÖKOHA EESMÄRK"),
    }
    defects = 0
    for i in range(n):
        team, osakond, talitus, title, _ = _position(i)
        size = min(TEAM, n - team * TEAM)
        k = i - team * TEAM
        nxt = _position(team * TEAM + (k + 1) % size)
        prv = _position(team * TEAM + (k - 1) % size)
        subs = nxt[3] if size > 1 else "Talituse juhataja"
        subs_for = prv[4] if size > 1 else "talituse juhatajat"
        subs_for = subs_for[:1].upper() + subs_for[1:]  # a cell's value starts with a capital
        unit = f"{osakond}, {talitus}"
        style = ("tab", "pipe", "text")[i % 3]
        if style == "tab":
            head = (f"## AMETIJUHEND\n\n### 1. ÜLDOSA\n\n1.1 Ametinimetus\t1.2 Struktuuriüksus\n{title}\t{unit}\n\n"
                    f"1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab\nTalituse juhataja\t{subs}\t{subs_for}\n\n")
        elif style == "pipe":
            head = (f"\n\nAMETIJUHEND\n\n1. ÜLDOSA\n\n| | |\n|---|---|\n| 1.1 Ametinimetus | 1.2 Struktuuriüksus |\n"
                    f"| {title} | {unit} |\n\n| | | |\n|---|---|---|\n| 1.3 Vahetu juht | 1.4 Kes asendab | "
                    f"1.5 Keda asendab |\n| Talituse juhataja | {subs} | {subs_for} |\n\n")
        else:
            head = (f"Töölepingu juurde kuuluv lisa \nAMETIJUHEND \n\n1. ÜLDOSA \n\n1.1 Ametinimetus 1.2 Struktuuriüksus \n\n"
                    f"{title} {osakond}, \n{talitus} \n\n1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab \n\n"
                    f"Talituse juhataja {subs} {subs_for} \n\n")
        doc = head + tails[style]
        if rnd.random() < defect_rate:
            defects += 1
            kind = rnd.randrange(4)
            if kind == 0:
                doc = doc.replace("Ametinimetus", "Ametnimetus", 1)
            elif kind == 1:
                doc = re.sub(r"tasemel C1", "tasemel C3", doc, count=1)
            elif kind == 2:
                doc = doc.replace(subs_for, "nõunikku (puudub)", 1)
            else:
                doc = doc.replace("VASTUTUS", "VASTUTSU", 1)
        ext = ".md" if style != "text" else ".txt"
        (out / f"doc{i:05d}{ext}").write_text(doc, encoding="utf-8")
    return defects


def _env() -> dict[str, str]:
    """The environment of the timed commands: as a user's installation has it. pip compiles an installed
    package's bytecode, so a run that may not write bytecode (PYTHONDONTWRITEBYTECODE, set in some CI
    images) would time the compiler instead of ajlint."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS (KiB; the largest process), exit code and CPU seconds (the process and its
    workers) of a command."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    err = p.stderr.read().decode("utf-8", "replace") if p.stderr else ""
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in (0, 1):
        raise SystemExit(f"command failed ({p.returncode}): {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss, p.returncode, usage.ru_utime + usage.ru_stime


def _median_run(cmd: list[str], runs: int, cwd: Path | None = None) -> tuple[float, int, float]:
    """The median wall time of ``runs`` runs, with its run's CPU time, and the largest peak memory."""
    return _median([_run(cmd, cwd) for _ in range(runs)])


def _median(got: list[tuple[float, int, int, float]]) -> tuple[float, int, float]:
    """Of ``_run``'s results: the median wall time with its run's CPU time, and the largest peak memory."""
    mid = sorted(got, key=lambda r: r[0])[len(got) // 2]
    return mid[0], max(r[1] for r in got), mid[3]


def _check_cmd(path: Path, jobs: int, cache: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "ajlint", "check", str(path), "--format", "json", "--output", os.devnull,
           "--exit-zero", "--jobs", str(jobs)]
    return cmd if cache else cmd + ["--no-cache"]


def read_decode_time(folder: Path) -> float:
    t0 = time.perf_counter()
    for f in sorted(folder.iterdir()):
        if f.is_file():
            f.read_bytes().decode("utf-8")
    return time.perf_counter() - t0


def family_times(folder: Path) -> tuple[dict[str, float], float, int]:
    """Seconds per rule family and for reading, in one process, over the folder (with the cyclic garbage
    collector off, as ``ajlint check`` runs: otherwise its passes over the growing heap are billed to
    whichever rule runs when they happen)."""
    import gc

    from ajlint.engine import Engine
    from ajlint.plugins import default_registry

    gc.disable()
    reg = default_registry()
    engine = Engine(reg)
    engine.timings = {}
    files = engine.discover([str(folder)])
    t0 = time.perf_counter()
    docs = engine.read(files)
    read_s = time.perf_counter() - t0
    engine.run(docs)
    fam_of = {r.code: _family(r) for r in reg.rules}
    fams: dict[str, float] = {}
    for code, s in engine.timings.items():
        fams[fam_of.get(code, code)] = fams.get(fam_of.get(code, code), 0.0) + s
    return fams, read_s, len(docs)


def _family_times_apart(folder: Path) -> tuple[dict[str, float], float, int]:
    """``family_times`` in a process of its own: this one stays small, so that the peak memory of the
    commands it starts (which includes the size of the process they were forked from) is theirs."""
    import json

    out = subprocess.run([sys.executable, "-m", "ajlint.bench", "--family-times", str(folder)], check=True,
                         capture_output=True, text=True, env=_env()).stdout
    fams, read_s, n = json.loads(out)
    return fams, read_s, n


def _family(rule) -> str:
    parts = rule.__module__.split(".")
    if parts[:3] == ["ajlint", "builtin", "rules"] and len(parts) > 3:
        return parts[3]
    return "declarative" if rule.__module__ == "ajlint.declarative" else rule.__module__


def _best(cmd: list[str], runs: int = 5, cwd: Path | None = None) -> float:
    _run(cmd, cwd)  # warm-up: the first run writes the bytecode cache
    return min(_run(cmd, cwd)[0] for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ajlint.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="documents to generate (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each timed check; the median is shown (default 3)")
    ap.add_argument("--scaling", action="store_true", help="also run 1k, 5k and 10k documents with --jobs 2")
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary folder)")
    ap.add_argument("--family-times", metavar="DIR", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.family_times:
        import json

        print(json.dumps(family_times(Path(args.family_times))))
        return 0

    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ajlint-bench-"))
    try:
        corpus = base / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        corpus.mkdir(parents=True)
        defects = generate(args.docs, corpus)
        n = args.docs
        print(f"corpus: {n} documents (tab-grid md, pipe-table md, PDF text), {defects} with a defect")
        print(f"machine: {os.cpu_count()} CPUs; each check timed {args.runs}x (one and two processes in "
              "turn), the median shown (cpu = the process and its workers)")

        read_s = min(read_decode_time(corpus) for _ in range(3))
        print(f"read + decode in Python:        {read_s * 1000:8.1f} ms  ({n / read_s:,.0f} docs/s)")

        _run(_check_cmd(next(corpus.glob("doc00000.*")), 1))  # warm-up (bytecode)
        # the runs of one and two processes take turns: a shared machine's speed drifts over a minute, and
        # both medians then come from the same minutes. The range of the runs shows how much it drifted
        runs: dict[int, list] = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in (1, 2):
                runs[jobs].append(_run(_check_cmd(corpus, jobs)))
        results = {}
        for jobs in (1, 2):
            wall, rss, cpu = _median(runs[jobs])
            results[jobs] = wall
            walls = [r[0] for r in runs[jobs]]
            print(f"check, all rules, --jobs {jobs}:    {wall:8.2f} s   {n / wall:8.0f} docs/s   "
                  f"cpu {cpu:6.2f} s   peak memory {rss / 1024:6.0f} MiB   "
                  f"(runs {min(walls):.2f}-{max(walls):.2f} s)")
        print(f"our time / read time:           {results[1] / read_s:8.1f} (--jobs 1), "
              f"{results[2] / read_s:.1f} (--jobs 2)")

        fams, read_in, ndocs = _family_times_apart(corpus)
        print(f"time per document (one process): read + extract {read_in / ndocs * 1000:.2f} ms; "
              "rule families (top 5):")
        for fam, sec in sorted(fams.items(), key=lambda kv: -kv[1])[:5]:
            print(f"    {fam:14} {sec / ndocs * 1000:8.3f} ms/doc")

        one = next(corpus.glob("doc00000.*"))
        py = _best([sys.executable, "-c", "pass"])
        cold = _best([sys.executable, "-m", "ajlint", "check", str(one), "--no-cache", "--exit-zero", "--format",
                      "concise"])
        print(f"cold start, one file:           {cold * 1000:8.0f} ms  (python -c pass {py * 1000:.0f} ms; "
              f"+{(cold - py) * 1000:.0f} ms)")

        cache_root = base / "cached"
        if cache_root.exists():
            shutil.rmtree(cache_root)
        shutil.copytree(corpus, cache_root / "corpus")
        first = _run(_check_cmd(Path("corpus"), 2, cache=True), cwd=cache_root)[0]
        warm = _median_run(_check_cmd(Path("corpus"), 2, cache=True), max(args.runs, 3), cwd=cache_root)[0]
        print(f"cache: first run (empty cache) {first:.2f} s, warm re-run {warm:.2f} s = "
              f"{warm / first * 100:.1f} % of the first run, {warm / results[2] * 100:.1f} % of the uncached "
              "--jobs 2 run")

        if args.scaling:
            print("scaling (--jobs 2):")
            for size in (1000, 5000, 10000):
                d = base / f"scale{size}"
                d.mkdir(exist_ok=True)
                generate(size, d)
                wall, rss, _, cpu = _run(_check_cmd(d, 2))
                print(f"    {size:6d} docs  {wall:7.2f} s  {size / wall:6.0f} docs/s  "
                      f"{wall / size * 1000:.2f} ms/doc  cpu {cpu:.1f} s  peak {rss / 1024:.0f} MiB")
                shutil.rmtree(d)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
