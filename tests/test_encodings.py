"""Encodings: UTF-8 with or without BOM, UTF-16 with BOM, cp1257 fallback (reported)."""

from __future__ import annotations

import codecs

import pytest

from conftest import seed

TEXT = seed("004").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name,data",
    [
        ("utf8.md", TEXT.encode("utf-8")),
        ("utf8-bom.md", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16le-bom.md", TEXT.encode("utf-16")),  # Python writes a BOM
        ("utf16be-bom.md", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("utf16le-nobom.md", TEXT.encode("utf-16-le")),
        ("crlf.md", TEXT.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_same_model_from_every_encoding(tmp_path, cli, check_json, name, data):
    import json

    p = tmp_path / name
    p.write_bytes(data)
    code, out, _ = cli("parse", "--format", "json", p)
    m = json.loads(out)
    assert m["title"]["text"] == "Tallinna klienditeeninduse juht"
    assert m["title"]["line"] == 10 and m["title"]["column"] == 3
    assert m["info"]["encoding_fallback"] is False
    _, report = check_json(p)
    assert "AJ003" not in {d["code"] for d in report["diagnostics"]}


def test_cp1257_fallback_is_reported(tmp_path, cli, check_json):
    import json

    p = tmp_path / "ansi.txt"
    p.write_bytes(TEXT.replace("▪", "-").encode("cp1257"))  # cp1257 has no ▪
    code, out, _ = cli("parse", "--format", "json", p)
    m = json.loads(out)
    assert m["unit"]["text"] == "Klienditeeninduse osakond"
    assert m["info"]["encoding"] == "cp1257" and m["info"]["encoding_fallback"] is True
    assert any(s["heading"] == "TEENISTUSKOHA EESMÄRK" for s in m["sections"])  # Ä decoded right
    _, report = check_json(p)
    aj003 = [d for d in report["diagnostics"] if d["code"] == "AJ003"]
    assert len(aj003) == 1 and "cp1257" in aj003[0]["message"] and aj003[0]["severity"] == "warning"


@pytest.mark.parametrize("extra", ["", "õäöüšž€😀", "\ud800"])
def test_control_characters_are_counted_as_a_pattern_counts_them(extra):
    # _too_binary counts control characters in the UTF-8 bytes of the sample: the same count as a
    # pattern over its characters, whatever else the text holds (non-Latin letters, emoji, a lone
    # surrogate left by a broken UTF-16 file)
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ajlint.decode import _too_binary

    control = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.characters(max_codepoint=0x9f) | st.sampled_from(extra or "a"), max_size=400))
    def check(text):
        sample = text[:8192]
        expected = bool(text) and len(control.findall(sample)) > max(2, len(sample) // 100)
        assert _too_binary(text) == expected

    check()


def test_control_characters_counted_in_the_files_bytes_decide_as_the_sample_does():
    # decode passes a UTF-8 file's bytes along: few control bytes in them settle it without encoding the
    # sample; the answer is the sample's whatever the text (long or short, controls early or late)
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ajlint.decode import _too_binary

    chunk = st.text(alphabet=st.sampled_from("ab õšž▪😀\t\n\x00\x01\x1b\x7f"), max_size=60)

    @settings(max_examples=300, deadline=None)
    @given(head=chunk, filler=st.integers(0, 9000), wide=st.sampled_from("xõ▪"), controls=st.integers(0, 120),
           tail=chunk)
    def check(head, filler, wide, controls, tail):
        # (filler characters of 1, 2 or 3 bytes, then a run of control characters)
        text = head + wide * filler + "\x01" * controls + tail
        assert _too_binary(text, text.encode("utf-8")) == _too_binary(text)

    check()


def test_a_file_without_nul_bytes_is_not_taken_for_utf16():
    from ajlint.decode import decode

    for text in ["Ametijuhend õäöü\n" * 50, "1.1\tAmetinimetus\x01\n" + "x\n" * 300]:
        assert decode(text.encode("utf-8")).encoding == "utf-8"
    assert decode("Ametijuhend õäöü\n".encode("utf-16-le") * 20).encoding == "utf-16-le"
