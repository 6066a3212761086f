"""Layouts of the secretariat's own Word document that proposals must be woven into,
not replaced by our template: headings (paragraphs of the draft too, as in a treaty
written one article to a line, "Article 1. The Parties shall ..."), and paragraphs held
in a content control (``w:sdt``), as document templates hold their body."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from ooxml_views import body as _body
from ooxml_views import rejected as _rejected

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.model import ParagraphKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


def _treaty(path: Path) -> Path:
    """A treaty laid out by its secretariat: a style of its own for the articles, each
    article one line, one heading in Word's Heading 1."""
    word = docx.Document()
    style = word.styles.add_style("Treaty Article", 1)
    style.font.size = Pt(13)
    word.add_paragraph("The Parties to this Agreement,")
    word.add_paragraph("Final provisions", style="Heading 1")
    for line in ("Article 1. The Parties shall cooperate in good faith.",
                 "Article 2. Each Party shall report annually to the Secretariat.",
                 "Article 3. This Agreement shall enter into force on signature."):
        word.add_paragraph(line, style="Treaty Article")
    word.save(path)
    return path


def _paragraph_with(path: Path, words: str):
    (found,) = [p for p in _body(path).iter(qn("w:p"))
                if words in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    return found


def test_proposals_on_headings_are_woven_into_the_secretariats_document(tmp_path):
    source = _treaty(tmp_path / "treaty.docx")
    document = read_docx_draft(source).to_document("T/1")
    assert [(p.label, p.text[:10]) for p in document.current] == [
        ("H1", "Final prov"), ("H2", "Article 1."), ("H3", "Article 2."), ("H4", "Article 3.")]
    asked = [("ATL", "H1", {"insert": " and transitional", "after": "Final"}),
             ("ATL", "H3", {"delete": " annually"}),
             ("UTO", "H3", {"replace": "Secretariat", "with_": "Conference of the Parties"}),
             ("UTO", "H4", {"new_paragraph": "Article 4. No reservations may be made."})]
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(asked, 1)]
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)

    assert _rejected(target) == _rejected(source)  # Reject All gives the source back
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target) as new:
        assert old.read("word/styles.xml") == new.read("word/styles.xml")
    article2 = _paragraph_with(target, "Each Party shall report")
    assert article2.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "TreatyArticle"
    assert {"".join(t.text for t in d.iter(qn("w:delText"))): d.get(qn("w:author"))
            for d in article2.iter(qn("w:del"))} == {" annually": "ATL", "Secretariat": "UTO"}
    inserted = {"".join(t.text for t in i.iter(qn("w:t"))): i.get(qn("w:author"))
                for i in _body(target).iter(qn("w:ins")) if i.find(qn("w:r")) is not None}
    assert inserted == {" and transitional": "ATL", "Conference of the Parties": "UTO",
                        "Article 4. No reservations may be made.": "UTO"}
    heading = _paragraph_with(target, "Final")
    assert heading.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "Heading1"
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in _body(target).iter(
        qn("w:p"))]
    assert texts[-1] == "Article 4. No reservations may be made."  # after Article 3


def _in_content_control(path: Path) -> Path:
    """A GA draft whose operative paragraphs stand in a content control, one of them
    with a content control of its own around some words."""
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:tag w:val="body"/></w:sdtPr>'
                        "<w:sdtContent/></w:sdt>")
    word.element.body.find(qn("w:sectPr")).addprevious(control)
    content = control.find(qn("w:sdtContent"))
    for text in ("1.\tDecides to act;", "2.\tRequests a report"):
        content.append(word.add_paragraph(text)._p)
    content[-1].append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:r><w:t xml:space="preserve">'
        " within existing resources;</w:t></w:r></w:sdtContent></w:sdt>"))
    word.save(path)
    return path


def _accepted(path: Path) -> list[str]:
    """Each paragraph's text with every change accepted, in the document's order."""
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t")))
             for p in _body(path).iter(qn("w:p"))
             if p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is None]
    return [t for t in texts if t]


def test_paragraphs_in_a_content_control_take_their_proposals_in_place(tmp_path):
    from drafting.engine.revise import Decisions, revise
    from drafting.writers.docx_revision import revise_source

    source = _in_content_control(tmp_path / "L99.docx")
    document = read_docx_draft(source).to_document("A/C.2/81/L.99")
    assert [p.label for p in document.current] == ["PP1", "OP1", "OP2"]
    asked = [("EU", "OP1", {"new_paragraph": "Invites States to act;"}),
             ("G77", "OP2", {"replace": "a report", "with_": "an oral report"})]
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(asked, 1)]
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    assert _rejected(target) == _rejected(source)
    assert _accepted(target) == [
        "The General Assembly,", "Recalling its resolution 70/1,", "1.Decides to act;",
        "1 bis.Invites States to act;",  # after OP1, in the control: not before it
        "2.Requests an oral report within existing resources;"]

    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert [p.text for p in read_docx_draft(rev1).paragraphs] == [
        "Recalling its resolution 70/1,", "Decides to act;", "Invites States to act;",
        "Requests an oral report within existing resources;"]
    assert _accepted(rev1)[2:] == ["1.Decides to act;", "2.Invites States to act;",
                                   "3.Requests an oral report within existing resources;"]



def _outcome(path: Path) -> Path:
    """An outcome document: headings in bold (no heading style), numbers typed."""
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    for line in ("I. Introduction", "1.\tWe have gathered.", "2.\tWe reaffirm our commitment.",
                 "II. Means of implementation", "A. Financing",
                 "3.\tWe commit to mobilize resources.", "Follow-up and review",
                 "4.\tWe decide to review progress."):
        run = word.add_paragraph().add_run(line)
        if not line[0].isdigit():
            run.bold = True
    word.save(path)
    return path


def _shown(paragraph) -> str:
    return "".join(t.text or "" if t.tag == qn("w:t") else "\t"
                   for t in paragraph.iter(qn("w:t"), qn("w:tab")))


def _revised(source: Path, document, amendments, tmp_path: Path):
    """Rev.1 with every one of ``amendments`` accepted, written into ``source``: its path
    and its reading, checked to be Rev.1's paragraphs."""
    from drafting.engine.revise import Decisions, revise
    from drafting.writers.docx_revision import revise_source

    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    revised = tmp_path / "rev1.docx"
    revised.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                      symbol=document.symbol))
    again = read_docx_draft(revised)
    assert [(p.label, p.kind, p.text) for p in again.paragraphs] == [
        (p.label, p.kind, p.text) for p in outcome.revision]
    return revised, again


def test_a_new_paragraph_after_a_heading_takes_a_paragraphs_form_not_the_headings(tmp_path):
    """It took the heading's: bold, with no typed number, and the revision made from the
    secretariat's document read it back as a heading, so Rev.1 fell back to our layout."""
    source = _outcome(tmp_path / "outcome.docx")
    document = read_docx_draft(source).to_document("A/80/L.1")
    assert [p.label for p in document.current] == [
        "PP1", "H1", "OP1", "OP2", "H2", "H3", "OP3", "H4", "OP4"]
    amendments = [draft_amendment(document.current, Proposal(label, new_paragraph=text),
                                  id=f"A{n}", proponents=[code], submitted_at=T0)
                  for n, (code, label, text) in enumerate([
                      ("MEX", "H1", "We recognize the urgency."),
                      ("EU", "H3", "We welcome innovative finance.")], 1)]
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    assert _rejected(target) == _rejected(source)
    for typed, words in (("0.\t", "We recognize the urgency."),
                         ("2 bis.\t", "We welcome innovative finance.")):
        made = _paragraph_with(target, words)
        assert _shown(made) == f"{typed}{words}"
        assert made.find(f".//{qn('w:b')}") is None  # not in the heading's bold
    texts = [_shown(p) for p in _body(target).iter(qn("w:p"))]
    assert texts.index("0.\tWe recognize the urgency.") == texts.index("I. Introduction") + 1
    assert texts.index("2 bis.\tWe welcome innovative finance.") == \
        texts.index("A. Financing") + 1

    _, again = _revised(source, document, amendments, tmp_path)
    assert [p.label for p in again.paragraphs] == [
        "PP1", "H1", "OP1", "OP2", "OP3", "H2", "H3", "OP4", "OP5", "H4", "OP6"]


def test_a_new_heading_accepted_is_written_in_a_headings_form(tmp_path):
    source = _outcome(tmp_path / "outcome.docx")
    document = read_docx_draft(source).to_document("A/80/L.1")
    amendments = [draft_amendment(document.current, Proposal("OP3", new_paragraph=text),
                                  id=f"A{n}", proponents=["EU"], submitted_at=T0)
                  for n, text in enumerate(("B. Technology", "We share technology."), 1)]
    revised, again = _revised(source, document, amendments, tmp_path)
    assert [p.text for p in again.paragraphs if p.kind is ParagraphKind.HEADING][-2:] == [
        "B. Technology", "Follow-up and review"]
    made = _paragraph_with(revised, "B. Technology")
    assert made.find(f".//{qn('w:b')}") is not None  # bold, as the source's headings


def test_a_new_heading_proposed_is_tracked_in_a_headings_form_with_no_typed_number(tmp_path):
    """It was typed "3 bis." before its own number, in the paragraphs' form."""
    source = _outcome(tmp_path / "outcome.docx")
    document = read_docx_draft(source).to_document("A/80/L.1")
    amendments = [draft_amendment(document.current, Proposal("OP3", new_paragraph=text),
                                  id=f"A{n}", proponents=["EU"], submitted_at=T0)
                  for n, text in enumerate(("B. Technology", "We share technology."), 1)]
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    assert _rejected(target) == _rejected(source)
    heading, text = _paragraph_with(target, "B. Technology"), \
        _paragraph_with(target, "We share technology.")
    assert _shown(heading) == "B. Technology"
    assert heading.find(f".//{qn('w:b')}") is not None  # bold, as the source's headings
    assert _shown(text) == "3 ter.\tWe share technology."  # a paragraph again after it
    assert text.find(f".//{qn('w:b')}") is None


def _lettered(path: Path) -> Path:
    """An EU act's article with a paragraph inserted as "1a."."""
    word = docx.Document()
    word.add_paragraph("HAVE ADOPTED THIS REGULATION:")
    for line in ("Article 1", "1.\tThis Regulation lays down rules.",
                 "1a.\tIt applies to cattle and soy.", "2.\tIt shall not apply to old stock."):
        word.add_paragraph(line)
    word.save(path)
    return path


def test_a_lettered_paragraph_is_renumbered_and_new_ones_after_it_are_lettered(tmp_path):
    source = _lettered(tmp_path / "act.docx")
    document = read_docx_draft(source).to_document("EU/1")
    assert [p.label for p in document.current][2:] == ["OP1", "OP1 bis", "OP2"]
    new = draft_amendment(document.current, Proposal("OP1", new_paragraph="It applies to "
                                                     "coffee."), id="A1", proponents=["FR"],
                          submitted_at=T0)
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, [new]), merged)
    assert _shown(_paragraph_with(merged, "coffee")) == "1b.\tIt applies to coffee."
    revised, _ = _revised(source, document, [new], tmp_path)
    assert [_shown(p) for p in _body(revised).iter(qn("w:p"))][2:] == [
        "1.\tThis Regulation lays down rules.", "2.\tIt applies to cattle and soy.",
        "3.\tIt applies to coffee.", "4.\tIt shall not apply to old stock."]


def _articles(path: Path) -> Path:
    """A treaty with each article's heading and title in Word's heading styles and its
    paragraphs typed "1.", "2."."""
    word = docx.Document()
    word.add_paragraph("The Parties to this Agreement,")
    word.add_paragraph("Have agreed as follows:")
    for number, title, texts in ((5, "Relationship", ["This Agreement shall be interpreted "
                                                      "consistently with the Convention."]),
                                 (6, "Depositary", ["The Secretary-General shall be the "
                                                    "Depositary."])):
        word.add_paragraph(f"Article {number}", style="Heading 1")
        word.add_paragraph(title, style="Heading 2")
        for n, text in enumerate(texts, 1):
            word.add_paragraph(f"{n}.\t{text}")
    word.save(path)
    return path


def _new_article(tmp_path: Path):
    """`_articles`, its document, and the EU's "Article 5 bis", its title and its text
    proposed after 5.1."""
    source = _articles(tmp_path / "treaty.docx")
    document = read_docx_draft(source).to_document("BBNJ")
    amendments = [draft_amendment(document.current, Proposal("5.1", new_paragraph=text),
                                  id=f"A{n}", proponents=["EU"], submitted_at=T0)
                  for n, text in enumerate(("Article 5 bis", "Capacity-building",
                                            "Parties shall cooperate."), 1)]
    return source, document, amendments


def test_a_new_article_accepted_is_written_as_an_article_of_the_secretariats_document(
        tmp_path):
    """ "Article 5 bis", its title and its text, accepted after 5.1, were paragraphs 5.2 to
    5.4, and the document made from the secretariat's did not read as them: Rev.1 fell
    back to drafting's own layout."""
    source, document, amendments = _new_article(tmp_path)
    revised, again = _revised(source, document, amendments, tmp_path)
    assert [p.label for p in again.paragraphs] == [
        "T1", "H1", "H2", "5.1", "H3", "H4", "5bis.1", "H5", "H6", "6.1"]
    word = docx.Document(str(revised))
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert (styles["Article 5 bis"], styles["Capacity-building"]) == ("Heading 1", "Heading 2")
    assert "1.\tParties shall cooperate." in styles


def test_a_new_article_proposed_is_tracked_in_the_form_of_the_articles_headings(tmp_path):
    """The merged draft typed "1 bis.<tab>Article 5 bis" in a paragraph's form."""
    source, document, amendments = _new_article(tmp_path)
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    assert _rejected(target) == _rejected(source)
    styles = {_shown(p): docx.Document(str(target)).paragraphs[n].style.name
              for n, p in enumerate(_body(target).iter(qn("w:p")))}
    assert styles["Article 5 bis"] == "Heading 1" and styles["Capacity-building"] == "Heading 2"
    assert [text for text in styles if text.endswith("Parties shall cooperate.")] == [
        "1 quater.\tParties shall cooperate."]


def test_a_paragraph_deleted_from_its_own_content_control_takes_the_control_with_it(tmp_path):
    """OP2 alone in a block content control, deleted: the merged draft tracks the deletion
    inside the control, and Rev.1 kept an empty control (``<w:sdtContent/>``) where it
    stood; the control goes with its paragraph now, the others' stay."""
    from drafting.engine.revise import Decisions, revise
    from drafting.writers.docx_revision import revise_source

    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    for n, text in enumerate(("Decides to act;", "Requests a report;", "Decides to remain "
                              "seized of the matter."), 1):
        control = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr><w:tag w:val="op{n}"/>'
                            "</w:sdtPr><w:sdtContent/></w:sdt>")
        word.element.body.find(qn("w:sectPr")).addprevious(control)
        control.find(qn("w:sdtContent")).append(word.add_paragraph(f"{n}.\t{text}")._p)
    source = tmp_path / "L99.docx"
    word.save(source)
    document = read_docx_draft(source).to_document("A/C.2/81/L.99")
    amendments = [draft_amendment(document.current, Proposal("OP2", delete_paragraph=True),
                                  id="A1", proponents=["USA"], submitted_at=T0)]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    tags = [c.find(f".//{qn('w:tag')}").get(qn("w:val")) for c in _body(merged).iter(qn("w:sdt"))]
    assert tags == ["op1", "op2", "op3"]  # the deletion tracked in its control
    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    controls = list(_body(rev1).iter(qn("w:sdt")))
    assert [c.find(f".//{qn('w:tag')}").get(qn("w:val")) for c in controls] == ["op1", "op3"]
    assert all(len(c.find(qn("w:sdtContent"))) for c in controls)
    assert [p.text for p in read_docx_draft(rev1).paragraphs] == [
        "Recalling its resolution 70/1,", "Decides to act;",
        "Decides to remain seized of the matter."]
