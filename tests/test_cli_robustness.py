"""Bad input gets one clear finding or message, never a traceback."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import FIXTURES, ROOT, seed

REPORT_SCHEMA = json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))


def _one_finding(check_json, path, code):
    exit_code, report = check_json(path)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert exit_code == 1
    assert [d["code"] for d in report["diagnostics"]] == [code]
    d = report["diagnostics"][0]
    assert (d["line"], d["column"]) == (1, 1)
    return d


def test_binary_garbage(tmp_path, check_json):
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(range(256)) * 20)
    d = _one_finding(check_json, p, "AJ001")
    assert "binary" in d["message"]


def test_pdf_renamed_txt(tmp_path, check_json):
    p = tmp_path / "ametijuhend.txt"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    d = _one_finding(check_json, p, "AJ001")
    assert "PDF" in d["message"]


def test_docx_renamed_md(tmp_path, check_json):
    p = tmp_path / "juhend.md"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    d = _one_finding(check_json, p, "AJ001")
    assert "ZIP" in d["message"]


def test_empty_file(tmp_path, check_json):
    p = tmp_path / "empty.md"
    p.write_bytes(b"")
    d = _one_finding(check_json, p, "AJ002")
    assert "empty" in d["message"]


def test_whitespace_only_file(tmp_path, check_json):
    p = tmp_path / "blank.txt"
    p.write_text("\n  \n\t\n", encoding="utf-8")
    _one_finding(check_json, p, "AJ002")


def test_not_a_job_description(tmp_path, check_json):
    p = tmp_path / "memo.md"
    p.write_text("# Koosoleku memo\n\nArutati eelarvet ja järgmise aasta plaane.\n\n- otsus 1\n- otsus 2\n",
                 encoding="utf-8")
    d = _one_finding(check_json, p, "AJ002")
    assert "Not a job description" in d["message"]


def test_missing_path_exits_2(cli, tmp_path):
    code, out, err = cli("check", tmp_path / "nope.md")
    assert code == 2
    assert "no such file or directory" in err and "nope.md" in err
    assert "Traceback" not in err


def test_unknown_profile_exits_2_with_suggestion(cli):
    code, _, err = cli("check", "--profile", "ska2023", FIXTURES)
    assert code == 2
    assert "unknown profile 'ska2023'" in err and "did you mean 'ska-2023'" in err


def test_no_subcommand_prints_help(cli):
    code, out, _ = cli()
    assert code == 2 and "check" in out and "parse" in out


def test_unreadable_permissions(tmp_path, check_json):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    p = tmp_path / "locked.md"
    p.write_text("x", encoding="utf-8")
    p.chmod(0)
    _one_finding(check_json, p, "AJ001")


def test_directory_walk_skips_hidden_and_unsupported(tmp_path, check_json):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_bytes(b"\x00\x01binary")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "a.md").write_text(seed("004").read_text(encoding="utf-8"), encoding="utf-8")
    code, report = check_json(tmp_path)
    assert report["summary"]["files"] == 1
    assert all(d["path"].endswith("docs/a.md") for d in report["diagnostics"])


def test_json_report_validates_and_has_summary(check_json):
    code, report = check_json(FIXTURES)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["summary"]["files"] >= 5
    assert report["summary"]["findings"] == len(report["diagnostics"])
    keys = {"path", "code", "rule", "severity", "message", "line", "column", "end_line", "end_column", "section"}
    for d in report["diagnostics"]:
        assert keys <= d.keys()


def test_human_output_shows_location_source_and_summary(cli):
    code, out, _ = cli("check", "--color", "never", "--select", "AJ004,AJ005", seed("001"))
    assert f"{seed('001').relative_to(ROOT).as_posix()}:22:1: info AJ004 [ambiguous-layout]" in out.replace(
        str(ROOT) + "/", "")
    assert "22 │ Tiimijuht" in out
    assert "^^^^^^^^^" in out
    assert "Checked 1 file:" in out
    assert "\x1b[" not in out  # no colour when not a terminal


def test_exit_codes_follow_fail_on(cli):
    only = ("--select", "AJ004,AJ005")  # two info findings on seed 001
    assert cli("check", *only, seed("001"))[0] == 0
    assert cli("check", *only, "--fail-on", "info", seed("001"))[0] == 1
    assert cli("check", *only, "--fail-on", "info", "--exit-zero", seed("001"))[0] == 0


def test_python_dash_m_runs(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "ajlint", "check", "--exit-zero", "--format", "concise",
                        str(seed("001"))],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "AJ004 [ambiguous-layout]" in r.stdout


def test_parse_json_one_object_or_list(cli):
    code, out, _ = cli("parse", "--format", "json", seed("000"))
    obj = json.loads(out)
    assert code == 0 and obj["title"]["text"] == "Inimkaubandusohvrite teenuse juht"
    code, out, _ = cli("parse", "--format", "json", seed("000"), seed("004"))
    objs = json.loads(out)
    assert isinstance(objs, list) and len(objs) == 2


def test_parse_text_rendering(cli):
    code, out, _ = cli("parse", "--text", seed("002"))
    assert code == 0
    assert out.split("\n")[6] == "1. ÜLDOSA "


def _exit_child(body: str, tmp_path):
    import subprocess
    import sys

    script = tmp_path / "child.py"
    script.write_text("import sys\nfrom ajlint.cli import _leave\n" + body, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path)


def test_the_fast_exit_runs_exit_handlers_and_flushes_the_output(tmp_path):
    # ajlint ends without the interpreter's teardown, but what an exit must do still happens: exit
    # handlers run (a plugin's temporary folder is removed), buffered output is written, the code kept
    from pathlib import Path

    done = _exit_child(
        "import atexit, tempfile, pathlib\n"
        "tmp = tempfile.TemporaryDirectory()\n"
        "pathlib.Path('where.txt').write_text(tmp.name)\n"
        "atexit.register(lambda: pathlib.Path('handler.txt').write_text('ran'))\n"
        "sys.stdout.write('no newline yet')\n"
        "_leave(3)\n", tmp_path)
    assert done.returncode == 3
    assert done.stdout == "no newline yet" and done.stderr == ""
    assert (tmp_path / "handler.txt").read_text() == "ran"
    assert not Path((tmp_path / "where.txt").read_text()).exists()


def test_the_fast_exit_is_quiet_when_the_reader_has_gone(tmp_path):
    # "ajlint check … | head": the pipe closed before the output was flushed is no error
    done = _exit_child(
        "class Gone:\n"
        "    def write(self, s): return len(s)\n"
        "    def flush(self): raise BrokenPipeError(32, 'Broken pipe')\n"
        "sys.stdout = Gone()\n"
        "_leave(1)\n", tmp_path)
    assert done.returncode == 1 and done.stderr == ""


def test_file_bytes_reads_every_byte_or_says_why_not(tmp_path):
    """The file reader: whole content for empty, small and large files (more than one read's worth),
    the size limit before any reading, and the system's reason for a missing file or a folder."""
    from ajlint.document import file_bytes

    big = bytes(range(256)) * 1000 + b"tail"  # 256,004 bytes
    for name, data in (("empty.md", b""), ("small.md", "Ametijuhend õ\r\n".encode()), ("big.md", big)):
        (tmp_path / name).write_bytes(data)
        assert file_bytes(tmp_path / name, 10**6) == data
    assert file_bytes(tmp_path / "big.md", 1000) == "the file is 256004 bytes, over the limit of 1000"
    assert file_bytes(tmp_path / "small.md", 16) == "Ametijuhend õ\r\n".encode()  # 16 bytes, the limit: read
    import errno
    import os

    assert file_bytes(tmp_path / "missing.md", 1000) == f"cannot read the file: {os.strerror(errno.ENOENT)}"
    folder = file_bytes(tmp_path, 10**6)  # Linux: "Is a directory"; Windows refuses to open it
    assert isinstance(folder, str) and folder.startswith("cannot read the file: ")
