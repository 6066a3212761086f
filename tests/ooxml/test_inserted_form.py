"""Words woven in with formatting marks (`Edit.marks`): each stretch its own run, in the
form of the run it is modelled on with the marked styles turned on, each property in its
schema place; a property the model turns off is turned on, not left twice."""

import docx
from docx.oxml.ns import qn
from lxml import etree

from drafting.model.marks import Mark, Style
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit, weave

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPH = (
    f'<w:p xmlns:w="{W}"><w:r><w:rPr><w:rFonts w:ascii="Times"/><w:i w:val="0"/>'
    '<w:sz w:val="20"/><w:u w:val="none"/></w:rPr>'
    '<w:t xml:space="preserve">Recalling its resolution 70/1,</w:t></w:r></w:p>')


def _woven(edit: Edit):
    document = docx.Document()
    paragraph = etree.fromstring(PARAGRAPH)
    document.element.body.append(paragraph)
    weave(lambda: visible(paragraph).atoms, [edit], RevisionMarks(document))
    return paragraph


def _form(run) -> list[str]:
    return [f"{child.tag.split('}')[1]}={child.get(qn('w:val'))}"
            for child in run.find(qn("w:rPr"))]


def test_marked_words_get_their_styles_over_the_model_runs_form():
    words = " entitled Our World"
    edit = Edit(29, 29, Stamp("EU"), words, marks=(
        Mark(10, 19, Style.ITALIC), Mark(14, 19, Style.UNDERLINE)))
    inserted = _woven(edit).find(qn("w:ins"))
    runs = inserted.findall(qn("w:r"))
    assert ["".join(t.text for t in r.iter(qn("w:t"))) for r in runs] == [
        " entitled ", "Our ", "World"]
    assert _form(runs[0]) == ["rFonts=None", "i=0", "sz=20", "u=none"]
    assert _form(runs[1]) == ["rFonts=None", "i=None", "sz=20", "u=none"]
    assert _form(runs[2]) == ["rFonts=None", "i=None", "sz=20", "u=single"]


def test_an_untracked_insertion_in_the_models_own_form_joins_its_run():
    """A revision issued: plain words join the run before them, as Word keeps them; marked
    ones are runs of their own."""
    plain = _woven(Edit(29, 29, Stamp(""), " and 70/2", tracked=False))
    assert ["".join(t.text for t in r.iter(qn("w:t"))) for r in plain.iter(qn("w:r"))] == [
        "Recalling its resolution 70/1 and 70/2", ","]
    marked = _woven(Edit(29, 29, Stamp(""), " and 70/2", tracked=False,
                         marks=(Mark(5, 9, Style.BOLD),)))
    runs = marked.findall(qn("w:r"))
    assert ["".join(t.text for t in r.iter(qn("w:t"))) for r in runs] == [
        "Recalling its resolution 70/1", " and ", "70/2", ","]
    assert _form(runs[2]) == ["rFonts=None", "b=None", "i=0", "sz=20", "u=none"]
