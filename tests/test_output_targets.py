"""An output path never destroys what it names: the store itself, a link, a device or a
pipe are refused before anything is written, and the store still verifies."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "cli"))
from test_workflow_commands import drafting

SAMPLE = Path(__file__).parents[1] / "samples" / "zero-draft.md"


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "s.db"
    assert drafting(db, "init").returncode == 0
    assert drafting(db, "import", str(SAMPLE), "--doc", "L.7").returncode == 0
    return db


@pytest.mark.parametrize(("args", "name"), [
    (("export", "L.7", "--format", "json", "-o"), "s.json"), (("compile", "L.7", "-o"), "s.md"),
    (("show", "L.7", "-o"), "s.docx"), (("merge", "L.7", "-o"), "s.docx")])
def test_the_store_itself_is_never_an_output(store, tmp_path, args, name):
    twin = tmp_path / name
    before = store.read_bytes()
    os.link(store, twin)  # the store under an output's name, as a mistyped -o would give
    refused = drafting(store, *args, str(twin))
    assert refused.returncode == 1 and "is a database" in refused.stderr
    assert store.read_bytes() == before
    assert drafting(store, "verify").returncode == 0


def test_a_link_or_a_pipe_is_not_replaced(store, tmp_path):
    target = tmp_path / "real.md"
    target.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    refused = drafting(store, "compile", "L.7", "-o", str(link))
    assert refused.returncode == 1 and "not a plain file" in refused.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "kept\n"
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    refused = drafting(store, "compile", "L.7", "-o", str(pipe))
    assert refused.returncode == 1 and "not a plain file" in refused.stderr
    assert pipe.exists() and not pipe.is_file()


def test_export_over_the_stores_own_path_is_refused(store):
    before = store.read_bytes()
    refused = drafting(store, "export", "L.7", "--format", "json", "-o", str(store))
    assert refused.returncode == 1 and "is a database" in refused.stderr
    assert store.read_bytes() == before and drafting(store, "verify").returncode == 0


def test_a_name_near_the_systems_limit_is_written(store, tmp_path):
    """A 250-byte name is a valid file name; the temporary file written beside it took the
    name plus 14 bytes, so the output failed with "check that the folder is writable"."""
    name = "c" * 247 + ".md"
    done = drafting(store, "compile", "L.7", "-o", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert "A/C.2/81/L.7" in (tmp_path / name).read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_output_path_is_said_escaped(store, tmp_path):
    """A name holding an escape sequence or a line break was printed raw in "wrote ...":
    a terminal obeyed it, and a line break made two lines of one."""
    name = "e\x1b[31mRED\nx.md"
    done = drafting(store, "compile", "L.7", "-o", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "wrote " in done.stdout
    assert "\\x1b[31mRED\\nx.md" in done.stdout
