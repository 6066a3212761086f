"""What LibreOffice makes of a Word file, through ``../shared/tools/lo_track.py``, and
the Word files LibreOffice writes (`convert`).

Each test process runs LibreOffice with a profile of its own, so that two runs at once
(two checkouts, a developer and CI) never share one and fail for it.
"""

from __future__ import annotations

import atexit
import os
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
    done = subprocess.run(["/usr/bin/python3", str(TOOL), mode, str(path), *map(str, saved)],
                          capture_output=True, text=True, timeout=180, check=True,
                          env={**os.environ, "LO_PROFILE": _profile()})
    kept = [line for line in done.stdout.splitlines(keepends=True)
            if not line.startswith("[timing]")]
    _TRACKED[key] = ("".join(kept), done.stderr, [out.read_bytes() for out in saved])
    return subprocess.CompletedProcess(done.args, 0, "".join(kept), done.stderr)


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
