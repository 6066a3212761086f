"""Delegations' copies made by LibreOffice, as a delegate makes them: the draft opened,
edited with Track Changes on under the delegate's name, or off (an edited copy), and
saved as a Word file. The edits a list's items meet:

- whole paragraphs deleted, their words and their paragraph marks (`deletion`);
- an item's words deleted, its paragraph mark left (Word still numbers an empty item);
  two items joined (the end of one, its paragraph mark and the start of the next
  replaced by words typed); words typed over, or before an item's words; a new
  paragraph typed after an item (`Edited`).

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
        for kind, first, last, words in job["edits"]:
            found = find(doc, first)
            text = found.getText()
            cursor = text.createTextCursorByRange(found.getStart())
            if kind in ("delete", "empty"):  # the paragraph's words (and its mark)
                cursor.gotoStartOfParagraph(False)
                cursor.gotoEndOfParagraph(True)
                if kind == "delete":
                    cursor.goRight(1, True)
                cursor.setString("")
            elif kind == "join":  # from ``first`` to the end of ``last``: ``words``
                cursor.gotoRange(find(doc, last).getEnd(), True)
                cursor.setString(words)
            elif kind == "replace":  # ``first`` replaced by ``words``, as typed over
                cursor.gotoRange(found.getEnd(), True)
                cursor.setString("")
                text.insertString(cursor, words, False)
            elif kind == "before":  # ``words`` typed right before ``first``
                text.insertString(cursor, words, False)
            elif kind == "after":  # a new paragraph after the one holding ``first``
                cursor.gotoEndOfParagraph(False)
                text.insertControlCharacter(cursor, 0, False)
                text.insertString(cursor, words, False)
        save(doc, job["copy"])
        doc.close(True)
finally:
    office.close()
"""


@dataclass(frozen=True, slots=True)
class Edited:
    """A copy of ``source`` at ``copy`` with ``edits`` made by ``author``, with Track
    Changes on where ``tracked``. Each edit is ``(kind, first, last, words)``: "delete"
    (the paragraph holding ``first``, its mark too), "empty" (its words only), "join"
    (``first`` to the end of ``last``, in the next paragraph, replaced by ``words``),
    "replace" (``first`` by ``words``), "before" (``words`` typed right before
    ``first``) or "after" (a new paragraph of ``words`` after the one holding ``first``;
    a tab typed as "\\t")."""

    source: str
    copy: str
    edits: tuple[tuple[str, str, str, str], ...]
    author: str = "Anna Schmidt (EU)"
    tracked: bool = True


def deletion(source: str, copy: str, deleted: tuple[str, ...],
             author: str = "Anna Schmidt (EU)", tracked: bool = True) -> Edited:
    """A copy of ``source`` at ``copy`` without the paragraphs holding ``deleted`` (words
    of each), deleted by ``author`` with Track Changes on where ``tracked``."""
    return Edited(source, copy, tuple(("delete", words, "", "") for words in deleted),
                  author, tracked)


def make_copies(jobs: list[Edited]) -> None:
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


make_edited = make_copies
