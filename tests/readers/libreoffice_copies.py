"""Delegations' copies made by LibreOffice, as a delegate makes them: the draft opened,
whole paragraphs deleted (their words and their paragraph marks), with Track Changes on
under the delegate's name, or off (an edited copy), and saved as a Word file.

One LibreOffice session makes every copy asked for, through the tools beside
``../shared/tools/lo_track.py``; tests skip without LibreOffice.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from libreoffice import TOOL, _profile

_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from lo_track import Office, find, save
office = Office()
try:
    for job in json.loads(sys.argv[2]):
        given, _, surname = job["author"].partition(" ")
        office.set_user_name(given, surname)
        doc = office.load(job["source"])
        doc.setPropertyValue("RecordChanges", job["tracked"])
        for words in job["deleted"]:
            found = find(doc, words)
            cursor = found.getText().createTextCursorByRange(found.getStart())
            cursor.gotoStartOfParagraph(False)
            cursor.gotoEndOfParagraph(True)
            cursor.goRight(1, True)  # the paragraph mark with it
            cursor.setString("")
        save(doc, job["copy"])
        doc.close(True)
finally:
    office.close()
"""


@dataclass(frozen=True, slots=True)
class Deletion:
    """A copy of ``source`` at ``copy`` without the paragraphs holding ``deleted``
    (words of each), deleted by ``author`` with Track Changes on where ``tracked``."""

    source: str
    copy: str
    deleted: tuple[str, ...]
    author: str = "Anna Schmidt (EU)"
    tracked: bool = True


def make_copies(jobs: list[Deletion]) -> None:
    """Make every copy of ``jobs`` in one LibreOffice session (skips the test without
    LibreOffice or the tool)."""
    if shutil.which("soffice") is None or not TOOL.exists():
        pytest.skip("LibreOffice (soffice) or ../shared/tools/lo_track.py is absent")
    subprocess.run(["/usr/bin/python3", "-c", _SCRIPT, str(TOOL.parent),
                    json.dumps([asdict(job) for job in jobs])],
                   capture_output=True, text=True, timeout=300, check=True,
                   env={**os.environ, "LO_PROFILE": _profile()})
    missing = [job.copy for job in jobs if not Path(job.copy).exists()]
    assert not missing, f"LibreOffice made no {missing}"
