"""The HTML report of a large organisation: ``python bench/report_size.py [N]`` (default 1000).

Generates N job descriptions with :func:`ajlint.bench.generate` (the seed formats, varied titles and
units, the seeds' own findings) in a temporary folder, writes ``ajlint report`` for them, and prints

* the time to check the documents and write the report, and the report's size (the issue's bound: 15 MB
  for 1,000 documents);
* the time headless Chromium takes to open it: from the navigation to the page's load event (the page
  parsed, its script run), the first contentful paint, and the wall time of the whole ``open``, as
  measured through the DevTools protocol (tests/test_report_cdp.py; the issue's bound: 5 s).

Chromium is Debian's ``chromium`` (``apt-get install chromium``); without it only the size is printed.
Not a test: the figures depend on the machine. Nothing it generates is kept.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from ajlint import report  # noqa: E402
from ajlint.bench import generate  # noqa: E402

SIZE_LIMIT, OPEN_LIMIT = 15_000_000, 5.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs", nargs="?", type=int, default=1000)
    ap.add_argument("--lang", choices=["en", "et"], default="et")
    ap.add_argument("--keep", metavar="FILE", help="also copy the report to FILE")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ajlint-report-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        generate(args.docs, corpus)
        out = Path(tmp) / "report.html"
        p = argparse.ArgumentParser()
        report.add_arguments(p)
        t0 = time.perf_counter()
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = report.run(p.parse_args([str(corpus), "-o", str(out), "--no-cache", "--lang", args.lang]))
        took = time.perf_counter() - t0
        if code != 0:
            print(err.getvalue(), file=sys.stderr)
            return code
        size = out.stat().st_size
        print(f"documents:          {args.docs}")
        print(f"check + report:     {took:.1f} s  ({err.getvalue().strip()})")
        print(f"report size:        {size / 1e6:.2f} MB  ({size / args.docs / 1e3:.1f} kB per document; "
              f"limit {SIZE_LIMIT / 1e6:.0f} MB: {'ok' if size < SIZE_LIMIT else 'OVER'})")
        if args.keep:
            Path(args.keep).write_bytes(out.read_bytes())
        from test_report_cdp import Chromium, find_chromium

        binary = find_chromium()
        if binary is None:
            print("chromium:           not installed (apt-get install chromium); load time not measured")
            return 0
        with Chromium(binary, Path(tmp) / "profile", timeout=120) as browser:
            browser.open("about:blank")  # the browser's own start is not the page's
            t0 = time.perf_counter()
            tab = browser.open(out.as_uri())
            wall = time.perf_counter() - t0
            nav = tab.eval("(function () { var n = performance.getEntriesByType('navigation')[0];"
                           " var p = performance.getEntriesByName('first-contentful-paint')[0];"
                           " return [n.domInteractive, n.loadEventEnd, p ? p.startTime : null,"
                           " document.querySelectorAll('li.f').length]; })()")
        interactive, load, fcp, n = nav
        print(f"chromium open:      {load / 1000:.2f} s to the load event ({interactive / 1000:.2f} s to the DOM, "
              f"first paint {fcp / 1000 if fcp else float('nan'):.2f} s); {wall:.2f} s wall; {n} findings in the "
              f"DOM; limit {OPEN_LIMIT:.0f} s: {'ok' if max(load / 1000, wall) < OPEN_LIMIT else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
