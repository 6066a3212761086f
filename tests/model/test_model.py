import subprocess
import sys
from dataclasses import FrozenInstanceError

import pytest

from drafting.model import Document, Paragraph, ParagraphKind, Revision, Span


def test_model_imports_nothing_but_the_standard_library():
    code = (
        "import sys, drafting.model\n"
        "heavy = {'sqlalchemy', 'lxml', 'docx', 'typer', 'alembic', 'diff_match_patch', 'rich'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_values_are_frozen():
    paragraph = Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides;")
    with pytest.raises(FrozenInstanceError):
        paragraph.text = "Requests;"  # type: ignore[misc]


def test_revision_finds_paragraphs_by_label_and_id():
    revision = Revision("Zero draft", (
        Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling,"),
        Paragraph("p2", "OP5 bis", ParagraphKind.OPERATIVE, "Decides;"),
    ))
    assert revision.by_label("op5  BIS").id == "p2"
    assert revision.by_label("OP6") is None
    assert revision.by_id("p1").label == "PP1"
    document = Document("A/C.2/81/L.7", "Fisheries", (revision,))
    assert document.current is revision
    assert document.revision("zero draft") is revision
    assert Document("X").current is None


def test_span_runs_forward():
    assert len(Span(3, 8)) == 5
    with pytest.raises(ValueError, match="runs forward"):
        Span(8, 3)
