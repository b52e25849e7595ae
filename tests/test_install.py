"""A plain (non-editable) install into a fresh virtual environment works from any directory:
the data in rules/ and schema/ ships inside the package.

The wheel is built offline with the test environment's hatchling; the fresh environment borrows the
test environment's dependencies (pydantic, rich …) through a .pth file, so no network is needed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv

import pytest

from conftest import ROOT, seed


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    pytest.importorskip("hatchling")
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info",
                                                          ".pytest_cache", ".ajlint_cache", "build", "dist"))
    wheels = tmp / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
                    "-w", str(wheels), str(src)], check=True, capture_output=True)
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # dependencies come from the test environment, appended after the fresh environment's own packages
    with open(os.path.join(purelib, "_test_deps.pth"), "w") as fh:
        fh.write(sysconfig.get_paths()["purelib"] + "\n")
    wheel = next(wheels.glob("ajlint-*.whl"))
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    shutil.rmtree(src)  # nothing may depend on the source tree
    return env_dir


def test_installed_package_is_used_and_carries_its_data(installed, tmp_path):
    py = installed / "bin" / "python"
    out = subprocess.run(
        [str(py), "-c", "import ajlint, ajlint.data as d; print(ajlint.__file__); print(d.data_dir('rules')); "
                        "print(d.data_dir('schema'))"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    ).stdout.split("\n")
    assert str(installed) in out[0]
    assert out[1].endswith("ajlint/_data/rules") and str(installed) in out[1]
    assert out[2].endswith("ajlint/_data/schema")


def test_installed_cli_runs_from_any_directory(installed, tmp_path):
    doc = tmp_path / "juhend.txt"
    doc.write_bytes(seed("001").read_bytes())
    exe = installed / "bin" / "ajlint"
    r = subprocess.run([str(exe), "check", "--format", "json", "juhend.txt"], capture_output=True, text=True,
                       cwd=tmp_path)
    assert r.returncode in (0, 1), r.stderr
    report = json.loads(r.stdout)
    assert {"AJ004", "AJ005"} <= {d["code"] for d in report["diagnostics"]}
    r = subprocess.run([str(exe), "parse", "--format", "json", str(doc)], capture_output=True, text=True,
                       cwd=tmp_path.parent)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["title"]["text"] == "Koordinaator"
