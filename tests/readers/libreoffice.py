"""What LibreOffice makes of a Word file, through ``../shared/tools/lo_track.py``, and
the Word files LibreOffice writes (`convert`).

Each test process runs LibreOffice with a profile of its own, so that two runs at once
(two checkouts, a developer and CI) never share one and fail for it, and keeps the one
LibreOffice it started for every `lo_track` run (`_Office`: starting it took 1 s of each
1.4 s run, and a test process runs dozens).
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[3] / "shared" / "tools" / "lo_track.py"


@cache
def _profile() -> str:
    folder = tempfile.mkdtemp(prefix="drafting-lo-")
    atexit.register(shutil.rmtree, folder, True)  # gone with the process that made it
    return str(Path(folder) / "profile")


def lo_track(mode: str, path: Path, *saved: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lo_track.py MODE PATH [SAVED ...]`` (skips the test without LibreOffice or
    the tool): ``accept``/``reject`` save the document so to each of ``saved``; its
    stdout has no ``[timing]`` lines. The same file given again in this process with the
    same mode (a source rejected for its text by several tests) is not run again: its
    output and saved files are LibreOffice's from the first time."""
    if shutil.which("soffice") is None or not TOOL.exists():
        pytest.skip("LibreOffice (soffice) or ../shared/tools/lo_track.py is absent")
    key = (mode, path.read_bytes(), tuple(out.suffix for out in saved))
    if key in _TRACKED:
        stdout, stderr, files = _TRACKED[key]
        for out, content in zip(saved, files, strict=True):
            out.write_bytes(content)
        return subprocess.CompletedProcess([str(TOOL), mode, str(path)], 0, stdout, stderr)
    args = [str(TOOL), mode, str(path), *map(str, saved)]
    answer = _office().run(mode, path, saved) if mode in _MODES else None
    if answer is None:  # LibreOffice kept running could not: the tool, as it is run
        done = subprocess.run(["/usr/bin/python3", *args], capture_output=True, text=True,
                              timeout=180, check=True, env={**os.environ,
                                                            "LO_PROFILE": _profile()})
        answer = done.stdout, done.stderr
    kept = "".join(line for line in answer[0].splitlines(keepends=True)
                   if not line.startswith("[timing]"))
    _TRACKED[key] = (kept, answer[1], [out.read_bytes() for out in saved])
    return subprocess.CompletedProcess(args, 0, kept, answer[1])


_MODES = ("list", "text", "accept", "reject")
"""What the LibreOffice kept running does, as ``lo_track.py`` does it."""

_DRIVER = r"""
import contextlib, io, json, sys
sys.path.insert(0, sys.argv[1])
import lo_track

def run(office, mode, source, saved):
    doc = office.load(source)
    try:
        if mode == "list":
            lo_track.list_redlines(doc)
        elif mode == "text":
            print(lo_track.body_text(doc))
        else:
            office.dispatch(doc, ".uno:AcceptAllTrackedChanges" if mode == "accept"
                            else ".uno:RejectAllTrackedChanges")
            if doc.getRedlines().createEnumeration().hasMoreElements():
                print("WARNING: redlines remain after %s" % mode, file=sys.stderr)
            print(lo_track.body_text(doc))
            for out in saved:
                lo_track.save(doc, out)
    finally:
        doc.close(True)

office = lo_track.Office()
answers = sys.stdout
try:
    for line in sys.stdin:
        job = json.loads(line)
        out, err = io.StringIO(), io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                run(office, job["mode"], job["source"], job["saved"])
            ok = True
        except Exception as error:
            ok, err = False, io.StringIO(repr(error))
        answers.write(json.dumps({"ok": ok, "stdout": out.getvalue(),
                                  "stderr": err.getvalue()}) + "\n")
        answers.flush()
finally:
    office.close()
"""
"""A LibreOffice kept running, doing `lo_track.py`'s work on each line of its stdin."""


class _Kept:
    """The LibreOffice this test process keeps running (`_DRIVER`), started when first
    asked; started again once if it stops; None from `run` where it cannot answer."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.failed = 0

    def run(self, mode: str, path: Path, saved: tuple[Path, ...]) -> tuple[str, str] | None:
        if self.failed > 1:
            return None
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                ["/usr/bin/python3", "-c", _DRIVER, str(TOOL.parent)], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                env={**os.environ, "LO_PROFILE": f"{_profile()}-kept"})  # its own: a
            atexit.register(self.stop)  # second soffice on one profile joins the first
        process = self.process
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(json.dumps({"mode": mode, "source": str(path),
                                            "saved": [str(out) for out in saved]}) + "\n")
            process.stdin.flush()
            ready, _, _ = select.select([process.stdout], [], [], 180)
            line = process.stdout.readline() if ready else ""
        except OSError:
            line = ""
        if not line:  # it stopped, or hangs: the next run starts another
            self.failed += 1
            self.stop()
            return None
        answer = json.loads(line)
        if not answer["ok"] and "disposed" in answer["stderr"]:  # LibreOffice stopped
            self.failed += 1
            self.stop()
            return self.run(mode, path, saved)
        assert answer["ok"], f"LibreOffice could not {mode} {path}: {answer['stderr']}"
        return answer["stdout"], answer["stderr"]

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            assert process.stdin is not None
            process.stdin.close()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()


@cache
def _office() -> _Kept:
    return _Kept()


_TRACKED: dict[tuple[str, bytes, tuple[str, ...]], tuple[str, str, list[bytes]]] = {}
"""What `lo_track` gave for each file and mode already run in this process."""


_CONVERTED: dict[tuple[bytes, str], bytes] = {}
"""What LibreOffice made of each document already converted in this process, by its bytes
and the format asked: the same draft written again is the same file (a test process
converted the GA draft a dozen times, 1.5 s each)."""


def convert(source: Path, extension: str, *, filter_name: str | None = None) -> Path:
    """``source`` converted by LibreOffice headless to ``source`` with ``extension``
    ("docx", "pdf"), with ``filter_name`` ("MS Word 2007 XML") where given; skips the test
    without LibreOffice. A document already converted in this process is not converted
    again: its file is written as LibreOffice made it the first time."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")
    written = source.with_suffix(f".{extension}")
    key = (source.read_bytes(), f"{extension}:{filter_name}")
    if key in _CONVERTED:
        written.write_bytes(_CONVERTED[key])
        return written
    target = f"{extension}:{filter_name}" if filter_name else extension
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{_profile()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(source.parent), str(source)],
        capture_output=True, text=True, timeout=180, check=False)
    assert written.exists(), done.stderr
    _CONVERTED[key] = written.read_bytes()
    return written
