"""The Word reader's benchmark, at a tiny size: that it works and what it reads, not how
fast (speed is printed by `python benchmarks/reader.py`, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_the_reader_benchmark_reads_each_file_and_prints_its_figures(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "reader.py"), "--paragraphs", "20",
         "--changes", "4", "--repeat", "1", "--long", "3000", "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    files = figures["files"]
    assert set(files) == {"draft (import)", "tracked copy", "next tracked copy", "edited copy"}
    assert files["next tracked copy"]["read"] == 4  # the same copy again: the same reading
    assert files["draft (import)"]["read"] >= 20  # its paragraphs (and a heading)
    assert files["tracked copy"]["read"] == 4  # one amendment per tracked change
    assert files["edited copy"]["read"] >= 4  # the same changes, found by the word diff
    for row in files.values():
        assert row["lxml_ms"] > 0 and row["ours_ms"] > 0 and row["ratio"] > 0
    long = figures["long_paragraph"]
    assert long["read"] == 5 and 2800 <= long["characters"] <= 3000
    assert long["peak_mb"] > 0
    assert "tracked copy" in done.stdout  # the table for people
    assert {p.name for p in tmp_path.glob("*.docx")} >= {"draft.docx", "tracked.docx",
                                                         "edited.docx", "long.docx"}
