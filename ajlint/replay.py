"""Replaying a report before the linter starts: the warm re-run of an unchanged repository.

A run whose report can be replayed (a machine format, see ``Reporter.cacheable``) already keeps that
report in the cache under its run key: a hash of every file's path, settings and content, of the rule
data and of the code. Working that key out needs the configuration, the rules and their data loaded:
most of a warm re-run was spent importing them. So the run also writes a *stamp*: for the same command
line, in the same folder and environment, the evidence that the key would come out the same —

* the content of every checked file, and the names in every folder walked to find them,
* every configuration file that was looked for (present or not) on the way up from the checked folders,
* the content of the rule data, and the size and modification time of the code (as the key's salt has
  them), and of the folders on ``sys.path`` (an installed or removed plugin),

with the run key and the exit code. The next run with the same command line checks that evidence —
files are read and hashed, not trusted by their dates — and, when all of it holds, writes the kept
report and exits, having imported nothing of the linter itself. When anything differs, the run goes on
as usual (and may still replay the report by its key).

This module imports only the standard library and ajlint's light modules (its version, the cache's
folder name).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path

from ajlint import __version__
from ajlint.cache import DIRNAME, content_hash

#: the folder of the stamps in the cache folder
STAMPS = "stamps"
#: stamps kept (the newest); older ones are removed
KEPT = 8
#: environment variables that change what a run writes
ENV = ("LC_ALL", "LC_MESSAGES", "LANG", "SOURCE_DATE_EPOCH", "NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS")
CONFIG_NAMES = (".ajlint.toml", "pyproject.toml")
_RUN_KEY = re.compile(r"[0-9a-f]{8,64}")


def key(argv: list[str]) -> str:
    """The stamp's name: the command line, the folder it runs in and what else it depends on."""
    blob = json.dumps({
        "argv": argv, "cwd": os.getcwd(), "env": {k: os.environ.get(k) for k in ENV},
        "tty": _isatty(), "python": [sys.executable, sys.version], "path": sys.path, "ajlint": __version__,
    }, sort_keys=True)
    return hashlib.blake2b(blob.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _isatty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def digest(path: Path | str) -> str | None:
    """The hash of the file's content (as the cache has it); None when it is not a readable file."""
    try:
        with open(path, "rb") as f:
            return content_hash(f.read())
    except OSError:
        return None


def skip_dir(name: str) -> bool:
    """A folder the file discovery does not walk into (hidden folders, .git, bytecode caches): the
    engine's discovery and the stamp's listing of the walked folders both ask this."""
    return name.startswith(".") or name == "__pycache__"


def tree(paths: list[str]) -> str:
    """A hash of the names of every file and folder in the walked folders among ``paths``."""
    h = hashlib.blake2b(digest_size=16)
    for raw in paths:
        if not os.path.isdir(raw):
            continue
        for root, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if not skip_dir(d))
            h.update(json.dumps([root, dirs, sorted(files)]).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def _stats(paths: list[str]) -> list:
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append([p, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([p, None, None])
    return out


def _site() -> list:
    """The folders on ``sys.path`` and their modification times: installing or removing a package (a
    plugin with rules or a format) changes its site folder. Not the current folder (``python -m``
    puts it first): a plugin is installed, not dropped there, and the folder changes with every
    report or cache written into it."""
    cwd = os.getcwd()
    return _stats([p for p in sys.path if p and p != cwd and os.path.isdir(p)])


def _tree_digest(paths: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for raw in paths:
        p = Path(raw)
        files = sorted(f for f in p.rglob("*") if "__pycache__" not in f.parts) if p.is_dir() else [p]
        for f in files:
            if f.is_file() or not f.exists():
                out[str(f)] = digest(f)
    return out


def config_candidates(folders: list[Path], found: list[Path]) -> list[str]:
    """The configuration files looked for, nearest first, from each folder up to the one where a
    configuration was found (``found``), or to the root."""
    stop = {f.parent for f in found}
    out: list[str] = []
    seen: set[Path] = set()
    for folder in folders:
        for d in (folder, *folder.parents):
            if d in seen:
                break
            seen.add(d)
            out.extend(str(d / n) for n in CONFIG_NAMES)
            if d in stop:
                break
    return out


def evidence(*, walked: list[str], tree_hash: str, files: dict[str, str], configs: list[str], data: list[str],
             code: list[str]) -> dict:
    """What a stamp holds of a run, taken before the run reads its files: a file changed while it runs
    then differs from the stamp next time. ``files``: each checked file's content hash, as the run key
    has it; ``tree_hash``: ``tree(walked)`` taken before the files were listed."""
    return {
        "files": files,
        "tree": tree_hash, "walked": walked,
        "configs": {c: digest(c) for c in configs},
        "data": {"roots": data, "files": _tree_digest(data)},
        "code": _stats(code), "site": _site(),
    }


def write(root: Path, argv: list[str], stamp: dict, *, run: str, exit_code: int) -> None:
    """Keep the ``evidence`` of a run whose report was kept under ``run`` (errors are ignored: a stamp
    is only a shortcut)."""
    import tempfile

    folder = root / DIRNAME / STAMPS
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({**stamp, "run": run, "exit": exit_code}, fh)
        os.replace(tmp, folder / f"{key(argv)}.json")
        stamps = sorted(folder.glob("*.json"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for old in stamps[KEPT:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def find(argv: list[str]) -> tuple[Path, dict] | None:
    """The cache folder and the stamp of a run with this command line, here, whose evidence still holds
    and whose report is still kept; None otherwise."""
    name = f"{key(argv)}.json"
    cwd = Path.cwd()
    for d in (cwd, *cwd.parents):
        f = d / DIRNAME / STAMPS / name
        if not f.is_file():
            continue
        try:
            stamp = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return (d / DIRNAME, stamp) if _holds(d / DIRNAME, stamp) else None
    return None


def _holds(cache: Path, stamp: dict) -> bool:
    try:
        run, code = stamp["run"], stamp["exit"]
        # a run key names a file of the cache, and the exit code is returned as it is: both as written
        if not (isinstance(run, str) and _RUN_KEY.fullmatch(run) and type(code) is int):
            return False
        if not (cache / "runs" / f"{run}.out").is_file():
            return False
        if stamp["code"] != _stats([p for p, _, _ in stamp["code"]]) or stamp["site"] != _site():
            return False
        if any(digest(c) != d for c, d in stamp["configs"].items()):
            return False
        if stamp["data"]["files"] != _tree_digest(stamp["data"]["roots"]):
            return False
        if tree(stamp["walked"]) != stamp["tree"]:
            return False
        return all(digest(f) == d for f, d in stamp["files"].items())
    except (KeyError, TypeError, ValueError):
        return False
