"""`drafting show` flags a paragraph whose brackets do not pair up, as the import warns
about it: official texts have such brackets, kept as written and counted apart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from drafting.model import Paragraph, ParagraphKind
from drafting.readers.text_checks import StrayBracket, stray_brackets

DRAFT = """\
FCCC/PA/CMA/2026/L.4

Matters relating to finance

The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,

Recalling Article 9 of the Paris Agreement,

1. Decides to [establish a dedicated window for adaptation finance;

2. Requests the Standing Committee on Finance to report on the window] at its next session;

3. Urges developed country Parties to scale up [grant-based] support]];

4. Invites Parties to submit their views by 31 March 2027.
"""


def drafting(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


def _paragraph(label: str, text: str) -> Paragraph:
    return Paragraph(label.lower(), label, ParagraphKind.OPERATIVE, text)


def test_stray_brackets_name_their_paragraph_and_a_pair_across_paragraphs():
    found = stray_brackets([_paragraph("OP1", "Decides to [establish a window;"),
                            _paragraph("OP2", "Requests a report] soon;"),
                            _paragraph("OP3", "Urges [grant-based] support]];"),
                            _paragraph("OP4", "Invites [views.")])
    assert found == [StrayBracket("OP1", 11, "[", ("OP2", 17)),
                     StrayBracket("OP2", 17, "]", ("OP1", 11)),
                     StrayBracket("OP3", 27, "]"), StrayBracket("OP3", 28, "]"),
                     StrayBracket("OP4", 8, "[")]
    assert found[1].message == ("this ']' closes the '[' opened in OP1 at character 11: a "
                                "bracket across paragraphs is read as two unbalanced brackets")
    assert found[4].message == "'[' is never closed"
    assert stray_brackets([_paragraph("OP1", "Decides [a / b] [^1]")]) == []


def test_show_flags_each_unbalanced_bracket_under_its_paragraph(tmp_path):
    (tmp_path / "L4.txt").write_text(DRAFT, encoding="utf-8")
    assert drafting("init", cwd=tmp_path).returncode == 0
    imported = drafting("import", "L4.txt", "--doc", "L4", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.count("warning: ") == 3  # the import's: one across, two in OP3
    shown = drafting("show", "L4", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    flagged, label = [], ""
    for line in lines:
        label = line.split()[0] if line[:1].strip() else label
        if line.strip().startswith("! "):
            flagged.append((label, line.strip().split(":")[0]))
    assert flagged == [("OP1", "! unbalanced bracket, character 11"),
                       ("OP2", "! unbalanced bracket, character 66"),
                       ("OP3", "! unbalanced bracket, character 65"),
                       ("OP3", "! unbalanced bracket, character 66")]
    assert "! unbalanced bracket, character 66: ']' has no opening '['" in shown.stdout
    assert lines[-1] == "5 paragraphs, 1 brackets, 4 unbalanced"  # PP1 and OP1-OP4
    one = drafting("show", "L4", "--para", "OP2", cwd=tmp_path).stdout
    assert "this ']' closes the '[' opened in OP1 at" in " ".join(one.split())
    balanced = drafting("show", "L4", "--para", "OP4", cwd=tmp_path).stdout
    assert "unbalanced" not in balanced
