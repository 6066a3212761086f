"""A full disk or a read-only store gives one clear error and leaves everything as it was.

Real conditions, not simulated ones: the store (or the output folder) lives on a
small tmpfs mounted for the test, filled up with a file until the kernel answers
"No space left on device", or remounted read-only. Root may write a chmod-ed
file, but not on a read-only mount, so this holds when the tests run as root (as
in CI). Mounting needs root with CAP_SYS_ADMIN; where that is refused, the tests
say so and skip. A store file read-only for its user is tried by an unprivileged
process: as root, a forked child that has become "nobody". On PostgreSQL, the
server's disk is made full the same way: its tables go to a tablespace on such a
tmpfs (this needs the server on this machine); a read-only server is one whose
transactions are read-only (``default_transaction_read_only``), as on a standby.
"""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from store_scenario import delegations, dump_tables, sample_document, sample_submissions
from test_crash import large_submission

from drafting.errors import DraftingError
from drafting.outputs import compile_to, merge_to
from drafting.readers import load_submission
from drafting.store import StoreError, open_store
from drafting.store.connect import make_engine, resolve_url


@contextlib.contextmanager
def tmpfs(where: Path, size: str, *options: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (created), unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join([f"size={size}", *options]),
                           "tmpfs", str(where)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN): "
                    f"{done.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=True)


def remount(where: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(where)], check=True)


@contextlib.contextmanager
def full(folder: Path, leave: int = 0) -> Iterator[None]:
    """Fill the disk of ``folder`` with a file until it is full, then free ``leave``
    bytes; the file is removed afterwards."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 65536)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    if leave:
        os.ftruncate(descriptor, max(0, os.fstat(descriptor).st_size - leave))
    os.close(descriptor)
    try:
        yield
    finally:
        filler.unlink()


def filled_store(url: str) -> None:
    """The sample draft, its delegations and the five sample submissions."""
    document = sample_document()
    with open_store(url, check_version=False) as store:
        store.init()
        for delegation in delegations():
            store.add_delegation(delegation)
        store.add_document(document)
        for submission in sample_submissions(document):
            store.submit(document.symbol, submission)


def state(url: str) -> dict:
    """Every row of the store, for comparing before and after."""
    engine = make_engine(resolve_url(url))
    try:
        return dump_tables(engine)
    finally:
        engine.dispose()


def large(url: str, folder: Path) -> list:
    """A large submission (the crash test's) checked against the stored draft."""
    with open_store(url) as store:
        document = store.document(sample_document().symbol)
    return load_submission(large_submission(document, folder / "large.json"), document)[1]


def still_whole(url: str, before: dict) -> None:
    assert state(url) == before
    with open_store(url) as store:
        assert store.verify().ok


# SQLite


@pytest.mark.parametrize("leave", [0, 150_000], ids=["no byte left", "150 kB left"])
def test_a_full_disk_refuses_the_submission_whole(tmp_path, leave):
    with tmpfs(tmp_path / "disk", "2m") as disk:
        url = f"sqlite:///{disk / 'store.db'}"
        filled_store(url)
        amendments = large(url, tmp_path)
        before = state(url)
        with full(disk, leave), pytest.raises(StoreError) as refused, open_store(url) as store:
            store.submit(sample_document().symbol, amendments)
        message = str(refused.value)
        assert f"the disk holding the store at {url} is full" in message
        assert "nothing was recorded: free some space" in message
        still_whole(url, before)
        with open_store(url) as store:  # with room again, it goes through, once
            assert len(store.submit(sample_document().symbol, amendments).ids) == 1000


def test_a_read_only_file_system_is_named_as_the_cause(tmp_path):
    with tmpfs(tmp_path / "disk", "2m") as disk:
        url = f"sqlite:///{disk / 'store.db'}"
        filled_store(url)
        amendments = large(url, tmp_path)
        before = state(url)
        remount(disk, "ro")
        try:
            with pytest.raises(StoreError) as refused, open_store(url) as store:
                store.submit(sample_document().symbol, amendments)
        finally:
            remount(disk, "rw")
        assert str(refused.value).startswith(
            f"the store at {url} cannot be written: {disk} is on a file system mounted "
            "read-only: mount it read-write, or copy the store to a writable folder")
        still_whole(url, before)


def test_a_store_opened_read_only_refuses_writes_and_still_reads(tmp_path):
    path = tmp_path / "store.db"
    filled_store(f"sqlite:///{path}")
    amendments = large(f"sqlite:///{path}", tmp_path)
    before = state(f"sqlite:///{path}")
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    with open_store(url) as store:
        assert store.verify().ok
        with pytest.raises(StoreError, match=r"is open read-only \(.*\); nothing was recorded"):
            store.submit(sample_document().symbol, amendments)
    still_whole(f"sqlite:///{path}", before)


def _submit_as(uid: int | None, url: str, amendments: list, said: Connection) -> None:
    """Read the draft, then submit, as user ``uid`` (None: as we are); say what happened."""
    if uid is not None:
        os.setgid(uid)
        os.setuid(uid)
    try:
        with open_store(url) as store:
            read = store.document(sample_document().symbol).symbol
            store.submit(read, amendments)
        said.send("recorded")
    except StoreError as error:
        said.send(f"read {read}; {error}")


def test_a_store_file_read_only_for_its_user_is_named_as_the_cause(tmp_path):
    folder = Path(tempfile.mkdtemp(prefix="drafting-ro-"))  # outside root's 0700 tmp_path
    try:
        url = f"sqlite:///{folder / 'store.db'}"
        filled_store(url)
        amendments = large(url, tmp_path)
        before = state(url)
        folder.chmod(0o777)  # the user may make the -wal and -shm files, not write the store
        (folder / "store.db").chmod(0o444)
        ours, theirs = multiprocessing.Pipe()
        if os.geteuid() == 0:  # root ignores permissions: an unprivileged child, "nobody"
            child = multiprocessing.get_context("fork").Process(
                target=_submit_as, args=(pwd.getpwnam("nobody").pw_uid, url, amendments,
                                         theirs))
            child.start()
            child.join(timeout=60)
        else:
            _submit_as(None, url, amendments, theirs)
        said = ours.recv() if ours.poll(1) else "nothing"
        assert said == (f"read {sample_document().symbol}; the store at {url} cannot be "
                        f"written: the file {folder / 'store.db'} is read-only for this user: "
                        "make it writable (chmod u+w), or ask whoever owns it (attempt to "
                        "write a readonly database); nothing was recorded")
        still_whole(url, before)
    finally:
        shutil.rmtree(folder)


# Output files


@pytest.fixture(scope="module")
def compiled_store(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('compiled') / 'store.db'}"
    filled_store(url)
    return url


@pytest.mark.parametrize("name", ["compilation.md", "merged.docx"])  # text, and Word
@pytest.mark.parametrize("trouble", ["full", "read-only"])
def test_an_output_file_on_a_full_or_read_only_disk_is_not_half_written(
        compiled_store, tmp_path, name, trouble):
    symbol = sample_document().symbol
    write = merge_to if name.startswith("merged") else compile_to
    with open_store(compiled_store) as store, tmpfs(tmp_path / "out", "1m") as out:
        target = out / name
        target.write_bytes(b"the earlier version")
        with contextlib.ExitStack() as stack:
            if trouble == "full":
                stack.enter_context(full(out))
            else:
                remount(out, "ro")
                stack.callback(remount, out, "rw")
            with pytest.raises(DraftingError) as refused:
                write(store, symbol, target)
            assert sorted(p.name for p in out.iterdir()) == sorted(
                [name, *(["filler"] if trouble == "full" else [])])
        assert target.read_bytes() == b"the earlier version"
        advice = ("the disk is full: free some space" if trouble == "full" else
                  "the folder is on a read-only file system: write the file elsewhere")
        assert str(refused.value).startswith(f"{target}: cannot write the file (")
        assert f"nothing was written: {advice}" in str(refused.value)
        write(store, symbol, target)  # with room again, it is written whole
        assert target.stat().st_size > 1000


# PostgreSQL


def _server_url(store_url: str, **settings: str) -> str:
    options = " ".join(f"-c{key}={value}" for key, value in settings.items())
    return store_url + quote(" " + options)


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_read_only_server_refuses_the_submission(store_url, tmp_path):
    filled_store(store_url)
    amendments = large(store_url, tmp_path)
    before = state(store_url)
    url = _server_url(store_url, default_transaction_read_only="on")
    with open_store(url) as store, pytest.raises(StoreError) as refused:
        store.submit(sample_document().symbol, amendments)
    assert "accepts no writes (cannot execute" in str(refused.value)
    assert "read-only or a standby server; nothing was recorded" in str(refused.value)
    still_whole(store_url, before)


@pytest.fixture
def tablespace_url(store_url: str, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(url, folder): the store_url schema with its tables in a tablespace on a 4 MB
    tmpfs, which works only with the PostgreSQL server on this machine."""
    try:
        owner = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("no local 'postgres' user to own a tablespace folder")
    folder = Path("/tmp") / f"drafting-ts-{secrets.token_hex(4)}"  # the server must reach it
    name = f"ts_{secrets.token_hex(4)}"
    schema = make_url(store_url).query["options"].partition("search_path=")[2]
    admin = create_engine(resolve_url(store_url), isolation_level="AUTOCOMMIT")
    try:
        with tmpfs(folder, "4m", f"uid={owner.pw_uid}", f"gid={owner.pw_gid}", "mode=0700"):
            try:
                with admin.connect() as connection:
                    connection.execute(text(f"CREATE TABLESPACE {name} LOCATION '{folder}'"))
            except Exception as error:  # a remote server, or no right to: say which
                pytest.skip(f"cannot make a tablespace on a local tmpfs: {error}")
            try:
                yield _server_url(store_url, default_tablespace=name), folder
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                    connection.execute(text(f"CREATE SCHEMA {schema}"))  # for the fixture
                    connection.execute(text(f"DROP TABLESPACE {name}"))
    finally:
        admin.dispose()
        folder.rmdir()


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_full_server_disk_refuses_the_submission_whole(tablespace_url, tmp_path):
    url, folder = tablespace_url
    filled_store(url)
    amendments = large(url, tmp_path)
    before = state(url)
    with full(folder, leave=100_000), pytest.raises(StoreError) as refused, \
            open_store(url) as store:
        store.submit(sample_document().symbol, amendments)
    assert "the disk of the database server at" in str(refused.value)
    assert "is full (could not extend file" in str(refused.value)
    assert "nothing was recorded: ask its administrator to free some space" in str(
        refused.value)
    still_whole(url, before)
