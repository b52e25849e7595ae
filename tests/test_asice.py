"""Signed containers (.asice, .bdoc): each signed document inside is checked, named
``container.asice!/inner.docx``; broken and hostile containers get one clear finding."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from conftest import seed
from conftest_binary import (
    ASICE_MIMETYPE,
    asice_bytes,
    docx_bytes,
    manifest_xml,
    odt_bytes,
    odt_content,
    seed_blocks,
)

pytest.importorskip("docx", reason="python-docx (test extra) builds the Word fixtures")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # findings name files relative to the current folder


@pytest.fixture(scope="module")
def word_004() -> bytes:
    return docx_bytes(seed_blocks(seed("004")))


@pytest.fixture(scope="module")
def word_000() -> bytes:
    return docx_bytes(seed_blocks(seed("000")))


def _check(cli, *paths) -> list[dict]:
    code, out, err = cli("check", "--format", "json", "--isolated", "--no-cache", *paths)
    assert "Traceback" not in err, err
    return json.loads(out)["diagnostics"]


def _key(d: dict) -> tuple:
    return d["code"], d["line"], d["column"], d["end_line"], d["end_column"], d.get("locator"), d["message"]


def test_signed_container_is_linted_like_its_document(cli, tmp_path, word_004):
    """A real ASiC-E container: mimetype first and stored, META-INF/manifest.xml, a signature, and
    the signed Word document at its root. Its findings are the Word document's, under the inner name."""
    word = tmp_path / "ametijuhend.docx"
    word.write_bytes(word_004)
    container = tmp_path / "allkirjastatud.asice"
    container.write_bytes(asice_bytes({"ametijuhend.docx": word_004}))
    with zipfile.ZipFile(container) as z:  # the fixture is what DigiDoc writes
        first = z.infolist()[0]
        assert (first.filename, first.compress_type, z.read("mimetype").decode()) == (
            "mimetype", zipfile.ZIP_STORED, ASICE_MIMETYPE)
        assert {"META-INF/manifest.xml", "META-INF/signatures0.xml"} <= set(z.namelist())
    inside = _check(cli, container)
    alone = _check(cli, word)
    assert inside, "the seed has findings"
    assert {d["path"] for d in inside} == {"allkirjastatud.asice!/ametijuhend.docx"}
    assert sorted(map(_key, inside)) == sorted(map(_key, alone))
    # and a locator: which table, row and cell of the signed Word document
    assert any(d.get("locator", "").startswith("table ") for d in inside)


def test_bdoc_and_several_documents(cli, tmp_path, word_004, word_000):
    odt = odt_bytes(odt_content(seed_blocks(seed("003"))))
    c = tmp_path / "kaks.bdoc"
    c.write_bytes(asice_bytes({"juht.docx": word_004, "spetsialist.odt": odt, "lisa.docx": word_000}))
    paths = {d["path"] for d in _check(cli, c)}
    assert paths == {"kaks.bdoc!/juht.docx", "kaks.bdoc!/spetsialist.odt", "kaks.bdoc!/lisa.docx"}


def test_human_output_names_the_inner_document(cli, tmp_path, word_004):
    c = tmp_path / "c.asice"
    c.write_bytes(asice_bytes({"juhend.docx": word_004}))
    code, out, _ = cli("check", "--isolated", "--no-cache", "--color", "never", c)
    assert "c.asice!/juhend.docx:" in out
    assert "Checked 1 file" in out


def test_parse_shows_the_single_signed_document(cli, tmp_path, word_004):
    c = tmp_path / "c.asice"
    c.write_bytes(asice_bytes({"juhend.docx": word_004}))
    code, out, _ = cli("parse", "--text", c)
    assert code == 0
    assert "1.1 Ametnimetus\t1.2 Struktuuriüksus" in out
    code, out, _ = cli("parse", c)
    assert "title:            Tallinna klienditeeninduse juht" in out


def _one(cli, path) -> dict:
    [d] = _check(cli, path)
    assert d["code"] == "AJ001" and (d["line"], d["column"]) == (1, 1)
    return d


def test_container_without_mimetype(cli, tmp_path, word_004):
    c = tmp_path / "repakitud.asice"
    c.write_bytes(asice_bytes({"juhend.docx": word_004}, mimetype=None))
    d = _one(cli, c)
    assert d["path"] == "repakitud.asice"
    assert "no 'mimetype' entry" in d["message"]


def test_container_with_a_wrong_or_misplaced_mimetype(cli, tmp_path, word_004):
    c = tmp_path / "vale.asice"
    c.write_bytes(asice_bytes({"juhend.docx": word_004}, mimetype="application/zip"))
    assert "mimetype is 'application/zip'" in _one(cli, c)["message"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("juhend.docx", word_004)
        z.writestr("mimetype", ASICE_MIMETYPE)
        z.writestr("META-INF/manifest.xml", manifest_xml({"juhend.docx": DOCX}))
    c2 = tmp_path / "teine.bdoc"
    c2.write_bytes(buf.getvalue())
    assert "is not the first one" in _one(cli, c2)["message"]


def test_xml_bomb_in_the_manifest(cli, tmp_path, word_004):
    bomb = ('<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY a{i} "' + f"&a{i - 1 if i > 1 else ''};" * 10 + '">' for i in range(1, 10))
            + ']><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
              "&a9;</manifest:manifest>")
    c = tmp_path / "pomm.asice"
    c.write_bytes(asice_bytes({"juhend.docx": word_004}, manifest=bomb))
    assert "META-INF/manifest.xml declares a document type (DTD)" in _one(cli, c)["message"]


def test_zip_bomb_container(cli, tmp_path, word_004):
    from test_readers_binary import _zip_declaring

    c = tmp_path / "pomm.asice"
    c.write_bytes(_zip_declaring([("mimetype", ASICE_MIMETYPE.encode(), len(ASICE_MIMETYPE)),
                                  ("META-INF/signatures0.xml", b"<s/>", 4),
                                  ("juhend.docx", b"\x00" * 1_000_000, 0xFFFF_FF00)]))
    d = _one(cli, c)
    assert "zip bomb" in d["message"] and "4.0 GiB" in d["message"]


def test_a_bad_document_inside_does_not_hide_the_others(cli, tmp_path, word_004):
    from test_readers_binary import _zip_declaring

    bomb = _zip_declaring([("word/document.xml", b"\x00" * 100_000, 0xFFFF_FF00)])
    c = tmp_path / "segamini.asice"
    c.write_bytes(asice_bytes({"pomm.docx": bomb, "juhend.docx": word_004}))
    found = _check(cli, c)
    bad = [d for d in found if d["path"] == "segamini.asice!/pomm.docx"]
    assert [d["code"] for d in bad] == ["AJ001"] and "zip bomb" in bad[0]["message"]
    assert any(d["path"] == "segamini.asice!/juhend.docx" and d["code"] != "AJ001" for d in found)


def test_nested_containers(cli, tmp_path, word_004):
    inner = asice_bytes({"juhend.docx": word_004})
    c = tmp_path / "valine.asice"
    c.write_bytes(asice_bytes({"sisemine.asice": inner}))
    assert {d["path"] for d in _check(cli, c)} == {"valine.asice!/sisemine.asice!/juhend.docx"}
    deeper = tmp_path / "kolm.asice"
    deeper.write_bytes(asice_bytes({"kaks.asice": asice_bytes({"yks.asice": inner})}))
    [d] = _check(cli, deeper)
    assert d["path"] == "kolm.asice!/kaks.asice!/yks.asice" and d["code"] == "AJ001"
    assert "nested" in d["message"]


def test_container_with_no_document(cli, tmp_path):
    c = tmp_path / "tyhi.asice"
    c.write_bytes(asice_bytes({}))
    assert "holds no document" in _one(cli, c)["message"]


def test_corpus_container_documents_are_not_reported(cli, tmp_path, word_004):
    c = tmp_path / "korpus" / "c.asice"
    c.parent.mkdir()
    c.write_bytes(asice_bytes({"juhend.docx": word_004}))
    target = tmp_path / "x.docx"
    target.write_bytes(word_004)
    code, out, _ = cli("check", "--format", "json", "--isolated", "--no-cache", "--corpus",
                       str(tmp_path / "korpus" / "*.asice"), target)
    assert {d["path"] for d in json.loads(out)["diagnostics"]} <= {"x.docx", "<corpus>"}


def test_directory_walk_finds_containers(cli, tmp_path, word_004):
    (tmp_path / "a.asice").write_bytes(asice_bytes({"juhend.docx": word_004}))
    (tmp_path / "b.bdoc").write_bytes(asice_bytes({"juhend.docx": word_004}))
    assert {d["path"] for d in _check(cli, tmp_path)} == {"a.asice!/juhend.docx", "b.bdoc!/juhend.docx"}
