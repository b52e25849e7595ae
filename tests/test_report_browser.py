"""The HTML report in real headless Chromium (Debian's ``chromium``; ``.ci/run`` installs it).

Driven through the DevTools protocol over a pipe (tests/test_report_cdp.py), without network: every
finding of the JSON output is in the DOM the page shows, the filters and the search hide what they
should (also from the keyboard), a red edge of the graph shows the findings behind it, the page
loads nothing from outside, prints, and a screenshot is saved under the test's temp dir.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from test_report import check_json, make_report, org_set
from test_report_cdp import Chromium, find_chromium

from conftest import SEEDS

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium browser installed (Debian: apt-get install chromium; .ci/run installs it)",
)

FINDINGS_JS = """
Array.from(document.querySelectorAll('li.f')).map(function (li) {
  var l = li.getAttribute('data-l').split(':');
  return [li.closest('section.doc').getAttribute('data-path'), li.querySelector('.fh b').textContent,
          +l[0], +l[1], li.querySelector('.msg').textContent, li.offsetParent !== null];
})
"""

VISIBLE_JS = """
Array.from(document.querySelectorAll('li.f')).filter(function (li) { return li.offsetParent !== null; })
  .map(function (li) {
    var l = li.getAttribute('data-l').split(':');
    return [li.closest('section.doc').getAttribute('data-path'), li.querySelector('.fh b').textContent, +l[0], +l[1],
            li.classList[1]];
  })
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium-profile")) as b:
        yield b


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    make_report(tmp, *SEEDS)
    return tmp / "report-en.html", check_json(*SEEDS)


def settle(tab, ms: int = 400) -> None:
    """Let the page's script run (the search waits 150 ms after the last key)."""
    tab.eval(f"new Promise(function (r) {{ setTimeout(r, {ms}); }})")


def key_of(d) -> tuple:
    return (d["path"], d["code"], d["line"], d["column"])


def test_every_finding_is_in_the_dom_and_shown(browser, seeds, tmp_path):
    report, expected = seeds
    browser.events.clear()
    tab = browser.open(report.as_uri())
    rows = tab.eval(FINDINGS_JS)
    got = Counter(tuple(r[:5]) for r in rows)
    assert got == Counter((d["path"], d["code"], d["line"], d["column"], d["message"]) for d in expected)
    assert all(r[5] for r in rows)  # nothing filtered at first: every finding is displayed
    # the page fetched nothing but itself
    urls = [e["params"]["request"]["url"] for e in browser.events if e["method"] == "Network.requestWillBeSent"]
    assert urls and all(u == report.as_uri() or u.startswith("data:") for u in urls), urls
    # no script error on the way
    assert not [e for e in browser.events if e["method"] == "Runtime.exceptionThrown"]
    shot = tmp_path / "report.png"
    tab.screenshot(shot)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_severity_filter_from_the_keyboard(browser, seeds, tmp_path):
    report, expected = seeds
    tab = browser.open(report.as_uri())
    # a keyboard user: on the "info" box, Space; on the "warning" box, Space
    for sev in ("info", "warning"):
        tab.eval(f"document.querySelector('input[name=sev][value={sev}]').focus()")
        tab.key(" ", code="Space", key_code=32, text=" ")
    settle(tab)
    assert tab.eval("[].map.call(document.querySelectorAll('input[name=sev]'), function (b) { return b.checked; })") \
        == [True, False, False]
    visible = tab.eval(VISIBLE_JS)
    errors = [d for d in expected if d["severity"] == "error"]
    assert sorted(tuple(v[:4]) for v in visible) == sorted(key_of(d) for d in errors)
    assert {v[4] for v in visible} == {"e"}
    # documents without an error are hidden; the status line says what is shown
    shown_docs = tab.eval("[].filter.call(document.querySelectorAll('section.doc'), function (s) {"
                          " return !s.hidden; }).map(function (s) { return s.getAttribute('data-path'); })")
    assert sorted(shown_docs) == sorted({d["path"] for d in errors})
    assert tab.eval("document.getElementById('status').textContent") == \
        f"Showing {len(errors)} of {len(expected)} findings in {len({d['path'] for d in errors})} documents."
    # the view is in the address: a bookmark or a colleague opens the same filter
    assert tab.eval("location.hash") == "#sev=error"
    tab.screenshot(tmp_path / "errors-only.png")
    # Tab moves on to the next box, Space puts the warnings back
    tab.eval("document.querySelector('input[name=sev][value=error]').focus()")
    tab.key("Tab", key_code=9)
    assert tab.eval("document.activeElement.value") == "warning"
    tab.key(" ", code="Space", key_code=32, text=" ")
    settle(tab)
    visible = tab.eval(VISIBLE_JS)
    assert {v[4] for v in visible} == {"e", "w"}
    assert len(visible) == sum(d["severity"] in ("error", "warning") for d in expected)


def test_family_filter_and_search(browser, seeds):
    report, expected = seeds
    tab = browser.open(report.as_uri())
    # click the label of the competency family (its count, at the right end): its findings disappear, the others stay
    box = tab.eval("(function () { var b = document.querySelector('input[name=fam][value=competency]');"
                   " b.scrollIntoView({block: 'center'}); var r = b.parentElement.getBoundingClientRect();"
                   " return [r.x + r.width - 8, r.y + r.height / 2]; })()")
    tab.click(*box)
    settle(tab)
    visible = tab.eval(VISIBLE_JS)
    assert sorted(tuple(v[:4]) for v in visible) == sorted(key_of(d) for d in expected if not d["code"].startswith("AJ4"))
    tab.eval("document.querySelector('input[name=fam][value=competency]').click()")  # back on
    # search, typed without diacritics: "pohjub" finds every finding whose text (message or quoted source)
    # holds 'Põhjub' — among them the two seeds that wrote 'Põhjub' for 'Põhjendab' — and nothing else
    holding = tab.eval("[].filter.call(document.querySelectorAll('li.f'), function (li) {"
                       " return li.textContent.indexOf('Põhjub') >= 0; }).map(function (li) {"
                       " return [li.closest('section.doc').getAttribute('data-path'), li.querySelector('.fh b')"
                       ".textContent, +li.getAttribute('data-l').split(':')[0], +li.getAttribute('data-l').split(':')[1]];"
                       " })")
    tab.eval("document.getElementById('q').focus()")
    tab.type_text("pohjub")
    settle(tab)
    visible = tab.eval(VISIBLE_JS)
    assert sorted(tuple(v[:4]) for v in visible) == sorted(tuple(h) for h in holding)
    wrote = sorted(key_of(d) for d in expected if d["code"] == "AJ402" and "'Põhjub'" in d["message"])
    assert len(wrote) == 2 and set(wrote) <= {tuple(v[:4]) for v in visible}  # 000 line 94, 004 line 137
    assert len(visible) < len(expected) / 10
    # 'Korrektus' (for Korrektsus) is a misspelt competency name in 000 and in 004
    tab.eval("var q = document.getElementById('q'); q.value = 'Korrektus'; q.dispatchEvent(new Event('input'));")
    settle(tab)
    visible = tab.eval(VISIBLE_JS)
    assert sorted((Path(v[0]).name[:3], v[1], v[2], v[3]) for v in visible) == [
        ("000", "AJ401", 96, 5), ("004", "AJ401", 139, 5)]
    # "Show all" resets the filters and the search
    tab.eval("document.querySelector('#filters button[type=reset]').click()")
    settle(tab)
    assert len(tab.eval(VISIBLE_JS)) == len(expected)
    assert tab.eval("location.hash") == ""


def test_a_filter_in_the_address(browser, seeds):
    report, expected = seeds
    tab = browser.open(report.as_uri() + "#sev=error,warning&fam=structure")
    visible = tab.eval(VISIBLE_JS)
    want = [d for d in expected if d["severity"] in ("error", "warning") and d["code"][:3] == "AJ1"]
    assert want and sorted(tuple(v[:4]) for v in visible) == sorted(key_of(d) for d in want)
    assert tab.eval("document.querySelector('input[name=sev][value=info]').checked") is False


def test_broken_edge_shows_its_findings(browser, tmp_path):
    folder = org_set(tmp_path, "aj201-substitution-reciprocity")
    report = tmp_path / "report-en.html"
    make_report(tmp_path, folder)
    tab = browser.open(report.as_uri())
    label = "Nõunik substitutes Asendushoolduse talituse juhataja — broken"
    # the middle of the red curve, in the window's coordinates, scrolled into view
    point = tab.eval("""(function () {
      var a = [].find.call(document.querySelectorAll('a.be'), function (x) {
        return x.getAttribute('aria-label') === %r; });
      a.scrollIntoView({block: 'center', inline: 'center'});
      var p = a.querySelector('path.b'), m = p.getPointAtLength(p.getTotalLength() / 2);
      var pt = p.ownerSVGElement.createSVGPoint(); pt.x = m.x; pt.y = m.y;
      pt = pt.matrixTransform(p.getScreenCTM());
      return [pt.x, pt.y];
    })()""" % label)
    tab.click(*point)
    settle(tab, 200)
    panel = tab.eval("""(function () { var p = document.getElementById('edge-panel');
      return [p.hidden, p.querySelector('h3').textContent,
              [].map.call(p.querySelectorAll('li'), function (li) { return li.textContent; }),
              document.activeElement === p]; })()""")
    hidden, title, items, focused = panel
    assert not hidden and focused and title == label
    # the two ends of the broken substitution: the Nõunik's claim (its "Keda asendab" item) and the
    # talitus head's "Kes asendab", the list that lacks the Nõunik
    heads = [i.split(" — ")[0] for i in items]
    ends = [(h.split(" ")[0], Path(h.split(" ", 1)[1].rsplit(":", 2)[0]).name, h.rsplit(":", 2)[1:]) for h in heads]
    assert ends == [("AJ201", "nounik.md", ["15", "40"]), ("AJ201", "talitusejuhataja-asendushooldus.txt", ["12", "21"])]
    assert all("Kes asendab" in i for i in items)
    tab.screenshot(tmp_path / "broken-edge.png")
    # Escape closes it and gives the focus back to the edge
    tab.key("Escape", key_code=27)
    assert tab.eval("document.getElementById('edge-panel').hidden") is True
    assert tab.eval("document.activeElement.getAttribute('aria-label')") == label


def test_print(browser, seeds, tmp_path):
    report, _ = seeds
    tab = browser.open(report.as_uri())
    tab.call("Emulation.setEmulatedMedia", {"media": "print"})
    shown = tab.eval("""(function () { function d(s) { var e = document.querySelector(s);
        return e ? getComputedStyle(e).display : null; }
      return [d('#filters'), d('nav'), getComputedStyle(document.querySelector('section.doc')).breakBefore,
              getComputedStyle(document.querySelector('section.doc')).contentVisibility]; })()""")
    assert shown == ["none", "none", "page", "visible"]
    tab.call("Emulation.setEmulatedMedia", {"media": ""})
    pdf = tmp_path / "report.pdf"
    tab.pdf(pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000


def _ratio(fg, bg) -> float:
    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = c
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)

    hi, lo = sorted((lum(fg), lum(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_accessible_structure_contrast_and_keyboard(browser, seeds):
    report, _ = seeds
    tab = browser.open(report.as_uri())
    levels = tab.eval("[].map.call(document.querySelectorAll('h1,h2,h3,h4,h5,h6'), function (h) {"
                      " return +h.tagName[1]; })")
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), "a heading level is skipped"
    assert tab.eval("document.documentElement.lang") == "en"
    assert tab.eval("[].every.call(document.querySelectorAll('#filters input'), function (i) {"
                    " return i.labels && i.labels.length > 0; })") is True
    # contrast of text against its background, as computed by the browser (WCAG AA: 4.5:1)
    pairs = tab.eval("""(function () {
      function rgb(s) { return s.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number); }
      function bg(e) { while (e) { var c = getComputedStyle(e).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { return rgb(c); } e = e.parentElement; }
        return [255, 255, 255]; }
      var sel = ['body', 'li.f .msg', 'li.f .loc', 'li.f .fh i', '.sev.e', '.sev.w', '.sev.i', 'mark', 'del', 'ins',
                 '.fx', 'a', 'pre.src', '.score', 'dl.meta dt', '.explain', 'table.links td'];
      return sel.map(function (s) { var e = document.querySelector(s);
        return e ? [s, rgb(getComputedStyle(e).color), bg(e)] : [s, null, null]; });
    })()""")
    for sel, fg, bg in pairs:
        assert fg is not None, sel
        assert _ratio(fg, bg) >= 4.5, (sel, fg, bg, round(_ratio(fg, bg), 2))
    # the first Tab lands on the skip link, which leads to the findings
    tab.eval("document.activeElement && document.activeElement.blur()")
    tab.key("Tab", key_code=9)
    assert tab.eval("document.activeElement.getAttribute('href')") == "#documents"
    # a control reached from the keyboard shows a visible outline
    tab.eval("document.querySelector('input[name=sev]').focus()")
    tab.key("Tab", key_code=9)
    assert tab.eval("document.activeElement.name") == "sev"
    assert tab.eval("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    assert tab.eval("parseFloat(getComputedStyle(document.activeElement).outlineWidth)") >= 2


def test_a_large_report_opens(browser, tmp_path):
    """A generated organisation of 120 documents: the page loads, shows its graph and filters (the
    1,000-document figures come from bench/report_size.py, not from a timed test)."""
    from ajlint.bench import generate

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(120, corpus)
    make_report(tmp_path, corpus)
    tab = browser.open((tmp_path / "report-en.html").as_uri())
    n = tab.eval("document.querySelectorAll('li.f').length")
    assert n > 1000
    assert tab.eval("document.querySelectorAll('svg.graph a.n').length") == 120
    tab.eval("document.querySelector('input[name=sev][value=info]').click()")
    settle(tab)
    assert all(v[4] != "i" for v in tab.eval(VISIBLE_JS))
