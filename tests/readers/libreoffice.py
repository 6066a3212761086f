"""What LibreOffice makes of a Word file, through ``../shared/tools/lo_track.py``.

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
    stdout has no ``[timing]`` lines."""
    if shutil.which("soffice") is None or not TOOL.exists():
        pytest.skip("LibreOffice (soffice) or ../shared/tools/lo_track.py is absent")
    done = subprocess.run(["/usr/bin/python3", str(TOOL), mode, str(path), *map(str, saved)],
                          capture_output=True, text=True, timeout=180, check=True,
                          env={**os.environ, "LO_PROFILE": _profile()})
    kept = [line for line in done.stdout.splitlines(keepends=True)
            if not line.startswith("[timing]")]
    return subprocess.CompletedProcess(done.args, 0, "".join(kept), done.stderr)
