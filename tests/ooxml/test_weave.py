"""Weaving changes into a paragraph's own runs: reading the paragraph once gives what
reading it again after every change gives."""

import copy
import random
from pathlib import Path

import docx
import pytest
from lxml import etree

from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit, _weave

FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MADE = (  # runs cut every way: formatting, a tab, a break, a footnote mark, a hyperlink
    f'<w:p xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><w:pPr><w:pStyle w:val="Normal"/></w:pPr>'
    '<w:r><w:t xml:space="preserve">5.</w:t><w:tab/></w:r>'
    '<w:r><w:rPr><w:i/></w:rPr><w:t>Requests</w:t></w:r>'
    '<w:r><w:t xml:space="preserve"> the Secretary-General to submit</w:t><w:br/>'
    '<w:t xml:space="preserve">a report</w:t></w:r>'
    '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/>'
    '</w:r><w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> on oceans</w:t></w:r>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> and seas</w:t></w:r></w:hyperlink>'
    '<w:del w:id="1" w:author="X"><w:r><w:delText>gone</w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="Y"><w:r><w:t xml:space="preserve"> at its</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> eighty-second session;</w:t></w:r></w:p>')


def paragraphs():
    """Paragraphs of the Word fixtures with some text, and one made above."""
    found = [etree.fromstring(MADE)]
    for path in sorted(FIXTURES.glob("*.docx")):
        document = docx.Document(str(path))
        found += [p._p for p in document.paragraphs if len(visible(p._p).text) > 8][:6]
    return found


def random_edits(length, chance):
    """Tracked edits in a paragraph of ``length`` characters: mostly apart, as a
    paragraph's proposals are, sometimes overlapping or at one point."""
    edits, offset = [], 0
    while offset < length:
        start = min(length, offset + chance.randrange(0, 6))
        end = min(length, start + chance.randrange(0, 7))
        text = chance.choice(["", "", "new words", "[", "]", "\tx"])
        if chance.random() < 0.1:  # now and then one that reaches back
            start = max(0, start - chance.randrange(1, 9))
        if end == start and not text:
            text = "y"
        deleter = Stamp("DEL") if chance.random() < 0.2 else None
        edits.append((start, end, text, deleter))
        offset = end + chance.randrange(0, 3)
    return edits


def woven(paragraph, edits, known, document=None):
    document = document or docx.Document()
    copied = copy.deepcopy(paragraph)
    document.element.body.append(copied)
    marks = RevisionMarks(document)
    made = [Edit(start, end, Stamp("EU"), text, deleter)
            for start, end, text, deleter in edits]
    _weave(lambda: visible(copied).atoms, made, marks, known=known)
    document.element.body.remove(copied)  # the next one's ids start where these did
    return etree.tostring(copied), [[etree.tostring(e) for e in edit.made] for edit in made]


def test_reading_once_weaves_as_reading_after_each_change():
    if not FIXTURES.exists():
        pytest.skip("../shared/fixtures not present")
    chance, document = random.Random(17), docx.Document()
    for paragraph in paragraphs() * 4:
        edits = random_edits(len(visible(paragraph).text), chance)
        once = woven(paragraph, edits, True, document)
        assert once == woven(paragraph, edits, False, document), edits


def test_a_deletion_before_others_takes_only_its_own_runs():
    paragraph = etree.fromstring(MADE)
    text = visible(paragraph).text
    start, submit = text.index("Secretary"), text.index("submit")
    edits = [(start, start + 9, "", None), (submit, submit + 6, "", None),
             (submit + 6, submit + 6, "present", None), (0, 2, "", None)]
    xml, made = woven(paragraph, edits, known=True)
    assert (xml, made) == woven(paragraph, edits, known=False)
    deleted = ["".join(etree.fromstring(m).itertext()) for m in made[0] + made[1] + made[3]]
    assert deleted == ["Secretary", "submit", "5."]


FIELDS = (  # "see paragraph 2 above": a simple REF field, then the same as a complex one
    f'<w:p xmlns:w="{W}">'
    '<w:r><w:t xml:space="preserve">Invites States, as in </w:t></w:r>'
    '<w:fldSimple w:instr=" REF op2 \\h "><w:r><w:t>paragraph 2</w:t></w:r></w:fldSimple>'
    '<w:r><w:t xml:space="preserve"> and </w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> REF op3 \\h </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>paragraph 3</w:t></w:r><w:bookmarkEnd w:id="7"/>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:r><w:t>, to act;</w:t></w:r></w:p>')


def test_words_put_after_a_fields_result_go_after_the_field():
    """They went inside the result: Word replaces it when it updates the field, and
    Reject All left them standing."""
    paragraph = etree.fromstring(FIELDS)
    text = visible(paragraph).text
    after_two, after_three = text.index(" and"), text.index(", to act")
    xml, _ = woven(paragraph, [(after_two, after_two, " above", None),
                                  (after_three, after_three, " below", None)], known=True)
    woven_paragraph = etree.fromstring(xml)
    simple = woven_paragraph.find(f"{{{W}}}fldSimple")
    assert "".join(simple.itertext()) == "paragraph 2"
    assert simple.getnext().tag == f"{{{W}}}ins"  # right after the field
    ends = [r for r in woven_paragraph if r.find(f".//{{{W}}}fldChar") is not None]
    assert ends[-1].getnext().tag == f"{{{W}}}ins"  # after the complex field's end mark
    assert visible(woven_paragraph).text == (
        "Invites States, as in paragraph 2 above and paragraph 3 below, to act;")


def test_words_made_after_a_fields_result_in_a_revision_go_after_the_field():
    paragraph = etree.fromstring(FIELDS)
    at = visible(paragraph).text.index(" and")
    copied = copy.deepcopy(paragraph)
    document = docx.Document()
    document.element.body.append(copied)
    _weave(lambda: visible(copied).atoms, [Edit(at, at, Stamp("EU"), " above", tracked=False)],
           RevisionMarks(document), known=True)
    field = copied.find(f"{{{W}}}fldSimple")
    assert [t.text for t in field.iter(f"{{{W}}}t")] == ["paragraph 2"]
    assert visible(copied).text.startswith("Invites States, as in paragraph 2 above and")
