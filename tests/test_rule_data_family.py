"""rule-data carries an organisation's own family data (its competency catalog) to the rules."""

from __future__ import annotations

import json
import shutil

from conftest import FIXTURES

DOC = """AMETIJUHEND

1. ÜLDOSA

1.1 Ametinimetus\t1.2 Struktuuriüksus
Analüütik\tArendusosakond

7. AMETIKOHALE ESITATAVAD NÕUDED

Täiendavad kompetentsid, isikuomadused ja teadmised

- **Digipädevus**: Kasutab digitaalseid töövahendeid eesmärgipäraselt.
"""


def test_organisation_catalog_through_rule_data(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    _, out, _ = cli("check", "--select", "AJ401", "--format", "json", "doc.md")
    names = [d for d in json.loads(out)["diagnostics"] if d["code"] == "AJ401"]
    assert len(names) == 1 and names[0]["line"] == 12  # 'Digipädevus' is not in the shipped catalog
    shutil.copytree(FIXTURES / "competency" / "org-data", tmp_path / "org-data")
    (tmp_path / ".ajlint.toml").write_text('rule-data = ["org-data"]\n', encoding="utf-8")
    _, out, _ = cli("check", "--select", "AJ401,AJ402", "--format", "json", "doc.md")
    assert json.loads(out)["diagnostics"] == []  # the organisation's catalog knows it, and its wording
