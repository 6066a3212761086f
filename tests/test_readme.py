"""The README's Python examples run as written, through the public API alone."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

import drafting

ROOT = Path(__file__).parents[1]


def python_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", readme, re.S | re.M)


@pytest.fixture
def in_a_copy(tmp_path, monkeypatch) -> Path:
    """A working folder that sees the repository's samples, as the README assumes."""
    (tmp_path / "samples").symlink_to(ROOT / "samples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def negotiation_block() -> str:
    [block] = [b for b in python_blocks() if "through the library alone" in b]
    return block


def test_the_library_negotiation_uses_only_the_public_api():
    block = negotiation_block()
    assert not re.search(r"^\s*(from|import) drafting\.", block, re.M)
    used = set(re.findall(r"\bdrafting\.(\w+)", block))
    assert used and used <= set(drafting.__all__), used - set(drafting.__all__)


def test_the_library_negotiation_runs_to_rev2(in_a_copy, capsys):
    namespace: dict[str, object] = {}
    exec(compile(negotiation_block(), "README.md", "exec"), namespace)
    assert capsys.readouterr().out.split() == ["[9,", "8,", "6]", "True"]
    out = in_a_copy / "out" / "library"
    for name in ("compilation.html", "compilation.docx", "merged.docx", "Rev.1.docx",
                 "Rev.2.docx"):
        assert (out / name).stat().st_size > 0, name
    with drafting.open_store(f"sqlite:///{out / 'negotiation.db'}") as store:
        document = store.document("A/C.2/81/L.7")
        assert [r.label for r in document.revisions] == ["Zero draft", "Rev.1", "Rev.2"]
        jpn = store.amendments("A/C.2/81/L.7", delegations=["JPN"])
        assert jpn and {a.status for a in jpn} == {drafting.AmendmentStatus.ACCEPTED}
        by = {code for a in store.amendments("A/C.2/81/L.7") for code in a.proponents}
        assert by == {"EU", "USA", "JPN", "AOSIS", "G77"}
    rev2 = drafting.read_draft(out / "Rev.2.docx").to_document("x").current
    assert drafting.bracket_report(rev2).total == 6
    assert "within existing resources" not in rev2.by_label("OP21").text
    assert "to scale up financial support" in rev2.by_label("OP14").text
    with zipfile.ZipFile(out / "merged.docx") as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert 'w:author="EU"' in body and 'w:author="AOSIS"' in body


def test_the_bracket_example_prints_what_its_comments_say(in_a_copy, capsys):
    [block] = [b for b in python_blocks() if "brackets.count(op24.text)" in b]
    exec(compile(block, "README.md", "exec"), {})
    assert "to [~~submit~~ **present** (EU) / present]" in capsys.readouterr().out


def test_the_structure_example_reads_as_the_readme_says(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Documents as they are circulated"):]
    [example] = re.findall(r"^```markdown\n(.*?)^```", section, re.S | re.M)[:1]
    source = tmp_path / "draft.md"
    source.write_text(example, encoding="utf-8")
    result = drafting.read_draft(source)
    assert result.front_matter == ("United Nations", "A/C.2/81/L.99",
                                   "Fiji and Samoa: draft resolution")
    assert (result.title, result.chapeau) == ("Sustainable small-scale fisheries",
                                              "The General Assembly,")
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "H1", "2.1"]
    assert result.paragraphs[1].text == "Calls upon States:\n(a) To protect small-scale fishers;"
    assert result.paragraphs[-1].text == "[Parties shall establish a fund.][]"


def test_the_command_line_workflow_runs_as_written(in_a_copy):
    """Every command of the README's workflow succeeds in a fresh folder, its amendment ids
    naming the delegations it says (the EU's A6 accepted, the USA's A23 withdrawn), and the
    EU's A7, accepted by mistake, reopened and rejected."""
    import os
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"^```sh\n(.*?)^```", readme, re.S | re.M)
               if b.startswith(". .venv/bin/activate")]
    script = "set -e\n" + block.replace(". .venv/bin/activate", "", 1)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", script], cwd=in_a_copy, env=env, text=True,
                          capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "A6: accepted" in done.stdout and "withdrew A23 (USA)" in done.stdout
    assert "A7: reopened, submitted again\n" in done.stdout and "A7: rejected" in done.stdout
    assert "issued Rev.1" in done.stdout and (in_a_copy / "changes.docx").exists()
    assert "OP9: in the words A3 proposes, replace 'Recognizes' -> 'Affirms'  (G77)" \
        in done.stdout  # AOSIS's OP9 bis, amended (a preview: nothing recorded)
