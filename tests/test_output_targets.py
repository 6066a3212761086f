"""An output path never destroys what it names: the store itself, a link, a device, a
pipe or a read-only file are refused before anything is written, and the store still
verifies; a file replaced keeps its permissions, a hard-linked one its other names."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from drafting.atomic import write_atomically
from drafting.errors import DraftingError

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


@pytest.mark.parametrize("name", ["c" * 300 + ".md", "c" * 5000 + ".md",
                                  "d" * 300 + "/c.docx"])
def test_a_name_past_the_systems_limit_is_refused_saying_so(store, tmp_path, name):
    """A name (or a folder's) longer than the disk allows was "internal error (OSError:
    File name too long)": looking whether it named a folder raised before any check."""
    args = ("merge", "L.7", "-o") if name.endswith(".docx") else ("compile", "L.7", "-o")
    refused = drafting(store, *args, str(tmp_path / name))
    assert refused.returncode == 1
    assert "cannot write the file (File name too long); nothing was written: the name" \
        in refused.stderr and "internal error" not in refused.stderr
    assert list(tmp_path.iterdir()) == [store]


def test_an_output_path_is_said_escaped(store, tmp_path):
    """A name holding an escape sequence or a line break was printed raw in "wrote ...":
    a terminal obeyed it, and a line break made two lines of one."""
    name = "e\x1b[31mRED\nx.md"
    done = drafting(store, "compile", "L.7", "-o", str(tmp_path / name))
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "wrote " in done.stdout
    assert "\\x1b[31mRED\\nx.md" in done.stdout


@pytest.mark.parametrize(("args", "name"), [
    (("export", "L.7", "--format", "json", "-o"), "private.json"),
    (("show", "L.7", "-o"), "private.docx")])
def test_a_file_replaced_keeps_its_permissions(store, tmp_path, args, name):
    """A private (0600) output came back world-readable (0644): the temporary file renamed
    over it had the umask's mode."""
    target = tmp_path / name
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    done = drafting(store, *args, str(target))
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes() != b"old\n"
    fresh = tmp_path / f"fresh-{name}"  # a new file: as any other, the umask's mode
    assert drafting(store, *args, str(fresh)).returncode == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_a_read_only_file_is_refused_before_anything_is_written(store, tmp_path):
    """A 0444 file was replaced without a word; refused even to root, who may write it
    (it was made read-only on purpose)."""
    target = tmp_path / "kept.md"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    refused = drafting(store, "compile", "L.7", "-o", str(target))
    assert refused.returncode == 1
    assert f"{target}: the file is read-only for this user (mode 0444); nothing was " \
        "written" in refused.stderr
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444 and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file a write bit allows")
def test_a_file_this_user_may_not_write_is_refused(tmp_path):
    target = tmp_path / "theirs.md"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o464)  # others may write it; its owner may not
    with pytest.raises(DraftingError, match="read-only for this user"):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "kept\n"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_a_file_replaced_by_root_keeps_its_owner(tmp_path):
    target = tmp_path / "theirs.md"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 65534, 65534)
    write_atomically(target, "new\n")
    assert (target.stat().st_uid, target.stat().st_gid) == (65534, 65534)
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_hard_linked_file_is_written_in_place(store, tmp_path):
    """Renaming over one name of a hard-linked file left its other name with the old
    content: the new content is now copied into the file, and both names show it."""
    target = tmp_path / "out.md"
    target.write_text("old\n", encoding="utf-8")
    twin = tmp_path / "twin.md"
    os.link(target, twin)
    done = drafting(store, "compile", "L.7", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "A/C.2/81/L.7" in twin.read_text(encoding="utf-8")
    assert os.path.samefile(target, twin) and target.stat().st_nlink == 2
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("args", [
    ("export", "L.7", "--format", "json", "-o"), ("compile", "L.7", "-o"),
    ("merge", "L.7", "-o"), ("show", "L.7", "-o"), ("positions", "L.7", "-o"),
    ("diff", "L.7", "Zero draft", "Zero draft", "-o")])
def test_a_path_ending_with_a_slash_is_refused(store, tmp_path, args):
    """`-o plain.json/` wrote over the file plain.json, and `-o new.json/` made a file
    new.json: the slash names a folder (the shell refuses both), which Path() dropped."""
    suffix = ".json" if args[0] == "export" else ".docx"
    kept = tmp_path / f"plain{suffix}"
    kept.write_text("keep\n", encoding="utf-8")
    for target, name in ((f"{kept}/", kept.name), (f"{tmp_path}/new{suffix}/", f"new{suffix}")):
        refused = drafting(store, *args, target)
        assert refused.returncode == 1, refused.stdout
        assert f"{name}/: ends with '/', so it names a folder, not a file; nothing was " \
            "written" in refused.stderr
    assert kept.read_text(encoding="utf-8") == "keep\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [kept.name, "s.db"]


def test_the_library_refuses_a_path_ending_with_a_slash(tmp_path):
    kept = tmp_path / "plain.md"
    kept.write_text("keep\n", encoding="utf-8")
    for target in (f"{kept}/", f"{tmp_path}/new.md/", f"{tmp_path}/new.md//"):
        with pytest.raises(DraftingError, match="names a folder, not a file"):
            write_atomically(target, "new\n")
    assert kept.read_text(encoding="utf-8") == "keep\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plain.md"]


@pytest.mark.parametrize("args", [("compile", "L.7", "-o"), ("merge", "L.7", "-o")])
def test_a_folder_given_as_the_output_is_named_as_a_folder(store, tmp_path, args):
    """`-o out` (a folder) was refused as "cannot write 'no extension' files here"."""
    for folder in (tmp_path / "out", tmp_path / "out.docx"):
        folder.mkdir()
        refused = drafting(store, *args, str(folder))
        assert refused.returncode == 1, refused.stdout
        assert f"{folder}: is a folder, not a file; nothing was written: give a file's name " \
            f"in it ({folder / 'name.docx'})" in refused.stderr
        assert list(folder.iterdir()) == []
