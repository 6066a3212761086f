"""The shortcuts of weaving give what the long way gives: a new paragraph's form read
only from the children holding its opening and its last words (not the whole paragraph
it is made like), and words proposed with no style of their own never restyled."""

import itertools
import random
from pathlib import Path

import docx
import pytest
from lxml import etree

from drafting.model.marks import Mark, Style, pieces
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.run_form import own_styles
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import _TYPED_START, Edit, _forms, _restyled

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [*sorted((ROOT / ".." / "shared" / "fixtures" / "docx").glob("*.docx")),
             *sorted((ROOT / "samples" / "docx").glob("*.docx"))]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_T = f"{{{W}}}t"
FORMS = ("", "<w:b/>", "<w:i/>", "<w:b/><w:i/>")
TEXTS = ("5.\tDecides", "OP1\tInvites all", "  12 bis.  welcomes the report", "(a) to ensure",
         "(أ)\tيقرر", "5 decides. to act", "PP2. Recalling", "7 Alt\tCalls upon",
         "\t\tabc def ghi jkl", "５．决定", "3 -\tيدعو", "10 Alt 2. Notes",
         "plain words, lowercase and long enough to read past", "", "\t", "  ")


def whole(paragraph):
    """`_forms` as it read the whole paragraph (the reference)."""
    atoms = visible(paragraph).atoms
    words = [a for a in atoms if a.node.tag == _T]
    if not words:
        return None, None
    found = _TYPED_START.match("".join(a.text for a in atoms))
    typed = found.end() if found else 0
    offset, label, first = 0, None, None
    for atom in atoms:
        if atom.node.tag == _T and atom.text.strip():
            if offset + len(atom.text) > typed:
                first = atom.run
                break
            label = atom.run if label is None else label
        offset += len(atom.text)

    def form(run):
        properties = run.find(f"{{{W}}}rPr")
        return b"" if properties is None else etree.tostring(properties)

    def otherwise(run):
        return run if run is not None and form(run) != form(words[-1].run) else None

    return otherwise(label), otherwise(first)


def _run(text, form):
    body = "".join("<w:tab/>" if piece == "\t" else
                   f'<w:t xml:space="preserve">{piece}</w:t>' if piece else ""
                   for piece in _tabbed(text))
    return f"<w:r><w:rPr>{form}</w:rPr>{body}</w:r>" if form else f"<w:r>{body}</w:r>"


def _tabbed(text):
    for number, piece in enumerate(text.split("\t")):
        yield from ("\t", piece) if number else (piece,)


def made():
    """Paragraphs of each text cut into runs at each place, in each pair of forms, some
    with a deletion, an insertion or a hyperlink around a run, and last words after."""
    found = []
    kinds = ("{}", '<w:ins w:id="1" w:author="X">{}</w:ins>',
             '<w:del w:id="2" w:author="X">{}</w:del>', "<w:hyperlink>{}</w:hyperlink>")
    for text, (one, two), kind in itertools.product(
            TEXTS, itertools.product(FORMS, repeat=2), kinds):
        for cut in range(len(text) + 1):
            runs = [_run(text[:cut], one), kind.format(_run(text[cut:], two))]
            for tail in ("", _run(" the end;", two), _run(" more", "<w:i/>")):
                found.append(etree.fromstring(
                    f'<w:p xmlns:w="{W}"><w:pPr><w:jc w:val="left"/></w:pPr>'
                    f'{"".join(runs)}{tail}</w:p>'))
    return found


def test_the_made_paragraphs_give_the_forms_the_whole_reading_gives():
    paragraphs = made()
    assert len(paragraphs) > 10_000
    paragraphs = random.Random(7).sample(paragraphs, 5_000)  # a quarter: CI's time
    assert sum(1 for p in paragraphs if whole(p) != (None, None)) > 250  # not all none
    for paragraph in paragraphs:
        assert _forms(paragraph) == whole(paragraph), etree.tostring(paragraph)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_each_paragraph_of_a_document_gives_the_forms_the_whole_reading_gives(path):
    document = docx.Document(str(path))
    for paragraph in document.element.body.iter(f"{{{W}}}p"):
        assert _forms(paragraph) == whole(paragraph), etree.tostring(paragraph)


def restyled(edit, model):
    """`_restyled` the long way (the reference)."""
    shown = own_styles(model) if model is not None and edit.marks else frozenset()
    return any(styles - shown for _, styles in pieces(edit.text, edit.marks))


@pytest.mark.parametrize("marks", [(), (Mark(0, 3, Style.ITALIC),), (Mark(1, 4, Style.BOLD),),
                                   (Mark(0, 8, Style.ITALIC), Mark(2, 5, Style.BOLD))])
@pytest.mark.parametrize("form", [None, *FORMS])
@pytest.mark.parametrize("text", ["", " all", "Invites all"])
def test_words_are_restyled_as_the_long_way_says(marks, form, text):
    model = None if form is None else etree.fromstring(
        f'<w:r xmlns:w="{W}"><w:rPr>{form}</w:rPr></w:r>')
    edit = Edit(0, 0, Stamp("X"), text, marks=marks if text else ())
    assert _restyled(edit, model) == restyled(edit, model)
    if not edit.marks:
        assert not _restyled(edit, model)
