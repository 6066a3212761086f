"""Word files written by others (`../shared/fixtures/docx`, Word 2010-2016, some with
tracked changes of their own): proposals written into each give a file whose Reject All
is the source's and whose Accept All holds every proposal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_source import write_merged_into_source

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / ".." / "shared" / "fixtures" / "docx"
LO_TRACK = ROOT / ".." / "shared" / "tools" / "lo_track.py"
NAMES = sorted(p.name for p in FIXTURES.glob("*.docx")) if FIXTURES.exists() else []
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def _merged(name: str, folder: Path) -> tuple[Path, Path, int]:
    """(source, merged file, number of proposals): the third word of up to three
    paragraphs replaced by "ZZZ"."""
    source = FIXTURES / name
    document = read_docx_draft(source).to_document("X")
    amendments = []
    for paragraph in document.current:
        words = paragraph.text.split()
        if len(words) > 3 and paragraph.text.count(words[2]) == 1 and len(amendments) < 3:
            amendments.append(draft_amendment(
                document.current, Proposal(paragraph.label, replace=words[2], with_="ZZZ"),
                id=f"A{len(amendments)}", proponents=["EU"], submitted_at=T0))
    target = folder / name
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    return source, target, len(amendments)


def _pandoc(path: Path, mode: str) -> list[str]:
    return subprocess.run(["pandoc", f"--track-changes={mode}", "-t", "plain", "--wrap=none",
                           str(path)], capture_output=True, text=True, timeout=120,
                          check=True).stdout.split()


@pytest.mark.skipif(not NAMES, reason="../shared/fixtures/docx is absent")
@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize("name", NAMES)
def test_pandoc_rejects_to_the_source_and_accepts_the_proposals(name, tmp_path):
    source, target, count = _merged(name, tmp_path)
    assert _pandoc(target, "reject") == _pandoc(source, "reject")
    accepted = " ".join(_pandoc(target, "accept"))
    if "move" in name.casefold():  # pandoc drops changes made inside moved text
        assert 0 < accepted.count("ZZZ") <= count  # (LibreOffice reads them: below)
    else:
        assert accepted.count("ZZZ") == count


@pytest.mark.skipif(not (shutil.which("soffice") and LO_TRACK.exists()),
                    reason="LibreOffice or shared/tools/lo_track.py is absent")
@pytest.mark.parametrize("name", ["oxpt_RP001-Tracked-Revisions-01.docx",
                                  "oxpt_RP046-Consecutive-Deleted-Ranges.docx",
                                  "pandoc_track_changes_move.docx"])
def test_libreoffice_rejects_to_the_source(name, tmp_path):
    if name not in NAMES:
        pytest.skip(f"{name} is absent")
    source, target, count = _merged(name, tmp_path)

    def lines(path: Path, mode: str) -> list[str]:
        return lo_track(mode, path).stdout.splitlines()

    assert count > 0
    assert lines(target, "reject") == lines(source, "reject")
    assert sum(line.count("ZZZ") for line in lines(target, "accept")) == count
