"""The migrations work from an installed wheel, not only from the source tree.

Builds a wheel of the project, installs it with its dependencies into a fresh
virtual environment, and there creates a store at the first migration, upgrades
it to head and uses it, from a folder outside the source tree. Takes some
15 seconds (pip fetches the build backend and the dependencies).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from drafting.store.schema import head_revision

ROOT = Path(__file__).parents[2]
STORE_PACKAGES = ["drafting.store", "drafting.store.migrations",
                  "drafting.store.migrations.versions"]
MAKO = "store/migrations/script.py.mako"

SCRIPT = """
import json, sys
import drafting
from drafting.model import Delegation, Document, Paragraph, ParagraphKind, Revision
from drafting.store import open_store
from drafting.store import schema
from drafting.store.connect import make_engine, resolve_url

url = "sqlite:///made-here.db"
first = list(schema.scripts().walk_revisions())[-1].revision
engine = make_engine(resolve_url(url))
schema.upgrade(engine, resolve_url(url), first)
engine.dispose()
with open_store(url, check_version=False) as store:
    head = store.init()
    store.add_delegation(Delegation("EU"))
    text = Revision("Zero draft", (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides;"),))
    store.add_document(Document("W/1", "From the wheel", (text,)))
with open_store(url) as store:
    report = store.verify()
    json.dump({"head": head, "first": first, "drafting": drafting.__file__,
               "migrations": str(schema.scripts().dir), "ok": report.ok,
               "documents": store.documents()}, sys.stdout)
"""


def _run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stderr}"
    return done.stdout


def _source_copy(target: Path) -> Path:
    """The project as it would be released; if pyproject.toml does not list the store's
    packages yet, the copy's does (the real file is the caller's to change)."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    for folder in ("drafting", "cli"):
        shutil.copytree(ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    pyproject = target / "pyproject.toml"
    config = tomllib.loads(pyproject.read_text())
    text = pyproject.read_text()
    listed = config["tool"]["setuptools"]["packages"]
    missing = [name for name in STORE_PACKAGES if name not in listed]
    if missing:
        added = "".join(f'    "{name}",\n' for name in missing)
        text = text.replace('    "drafting.readers",\n', f'    "drafting.readers",\n{added}', 1)
    if MAKO not in config["tool"]["setuptools"]["package-data"]["drafting"]:
        text = text.replace('"schemas/*.json"]', f'"schemas/*.json", "{MAKO}"]', 1)
    pyproject.write_text(text)
    return target


def test_a_store_is_created_and_upgraded_from_an_installed_wheel(tmp_path):
    (tmp_path / "source").mkdir()
    source = _source_copy(tmp_path / "source")
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source)
    (wheel,) = dist.glob("drafting-*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    found = json.loads(_run(python, "-I", "-c", SCRIPT, cwd=elsewhere))
    assert found["head"] == head_revision()
    assert Path(found["drafting"]).is_relative_to(venv)
    migrations = Path(found["migrations"])
    assert migrations.is_relative_to(venv)
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert found["ok"] and found["documents"] == [["W/1", "From the wheel"]]
    assert (elsewhere / "made-here.db").is_file()
