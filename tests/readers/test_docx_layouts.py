"""Word drafts laid out as negotiators lay them out, and delegations' copies of them.

A General Assembly "L." document written by LibreOffice (`un_documents`), and one built
with python-docx (a title in a style of the secretariat's own, a page header, automatic
numbering): each imports as its preambular and operative paragraphs only, and a copy of
it gives exactly the changes the delegation made: none for an unchanged copy.
"""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builders import Para as WordPara
from docx_builders import dele, ins, numbered, write_docx
from un_documents import FRONT, TITLE, Del, Ins, Note, Para, ga_draft, libreoffice_docx

from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind
SYMBOL = "A/C.2/81/L.99"


@pytest.fixture(scope="module")
def ga(tmp_path_factory):
    """The LibreOffice GA draft: (its path, the document imported from it)."""
    folder = tmp_path_factory.mktemp("ga")
    path = libreoffice_docx(ga_draft(), folder / "L99.docx")
    return path, read_docx_draft(path).to_document(SYMBOL)


def changes(path, document, **options):
    result = read_docx_submission(path, document, delegation="EU", **options)
    labels = {p.id: p.label for p in document.current}
    return [(a.kind, labels[a.paragraph_id], a.old_text, a.new_text) for a in result.amendments], \
        result.warnings


def test_a_ga_draft_imports_as_its_paragraphs_only(ga):
    path, _ = ga
    result = read_docx_draft(path)
    assert result.front_matter == tuple(FRONT)
    assert result.title == TITLE
    assert result.chapeau == "The General Assembly,"
    assert [p.label for p in result.paragraphs] == [
        "PP1", "PP2", "FN1", "PP3", "OP1", "OP2", "OP3", "OP4"]
    texts = {p.label: p.text for p in result.paragraphs}
    # the footnote is cited where Word shows its number, and follows its paragraph
    assert texts["PP2"] == "Noting with concern the state of small-scale fisheries[^1],"
    assert texts["FN1"] == "See A/79/123, para. 4."
    assert texts["OP1"].startswith("Decides to convene")  # the typed "1.<tab>" is the label
    assert texts["OP2"] == ("Calls upon States:\n(a)\tTo protect the tenure rights of "
                            "small-scale fishers;\n(b)\tTo report on progress every two years;")
    assert result.warnings == ()


def test_an_unchanged_copy_gives_no_amendment(ga):
    path, document = ga
    assert changes(path, document) == ([], ())


def test_a_tracked_copy_gives_exactly_its_changes(ga, tmp_path):
    _, document = ga
    copy = ga_draft({
        "PP3": ["Recognizing", " the", Ins(" essential"),
                " role of women in post-harvest processing and trade,"],
        "OP1": ["1.\t", "Decides", " to convene a ", Del("one-day "),
                "high-level meeting on small-scale fisheries;"],
        "OP2(a)": ["(a)\tTo protect the ", Del("tenure"), Ins("customary tenure"),
                   " rights of small-scale fishers;"],
    }, extra={"OP4": Para(("5.\tEncourages", " regional cooperation;"), new=Ins(""))})
    found, warnings = changes(libreoffice_docx(copy, tmp_path / "eu.docx"), document)
    assert found == [
        (K.INSERT, "PP3", "the", " essential"),
        (K.DELETE, "OP1", " one-day", ""),
        (K.REPLACE, "OP2", "tenure", "customary tenure"),
        (K.NEW_PARAGRAPH, "OP4", "", "Encourages regional cooperation;"),
    ]
    assert warnings == ()


def test_a_clean_edited_copy_gives_exactly_its_changes(ga, tmp_path):
    _, document = ga
    copy = ga_draft({
        "OP4": ["4.\t", "Invites", " Member States and other donors to contribute to the "
                                   "trust fund;"],
        "OP2(b)": ["(b)\tTo report on progress every year;"],
    })
    found, _ = changes(libreoffice_docx(copy, tmp_path / "jpn.docx"), document)
    assert found == [(K.REPLACE, "OP2", "two years", "year"),
                     (K.INSERT, "OP4", "States", " and other donors")]


def test_a_new_first_preambular_paragraph_goes_before_the_first(ga, tmp_path):
    """A delegation's new paragraph between the chapeau and PP1, tracked or typed into a
    clean copy, is a new paragraph before PP1 (the front matter and chapeau stand before
    it, and are never a paragraph it could follow)."""
    _, document = ga
    new = Para(("Reaffirming", " the Charter of the United Nations,"), italic_opening=True,
               new=Ins(""))
    tracked = libreoffice_docx(ga_draft(extra={"chapeau": new}), tmp_path / "t.docx")
    clean = libreoffice_docx(ga_draft(extra={"chapeau": replace(new, new=None)}),
                             tmp_path / "c.docx")
    for path in (tracked, clean):
        result = read_docx_submission(path, document, delegation="EU")
        (amendment,) = result.amendments
        assert (amendment.kind, amendment.new_text, amendment.precedes) == (
            K.NEW_PARAGRAPH, "Reaffirming the Charter of the United Nations,", True)
        assert amendment.paragraph_id == document.current.by_label("PP1").id


def test_a_tracked_change_inside_a_footnote_amends_the_footnote(ga, tmp_path):
    _, document = ga
    copy = ga_draft({"PP2": ["Noting with concern", " the state of small-scale fisheries",
                             Note(("See A/79/123, ", Del("para. 4"), Ins("paras. 4-6"), ".")),
                             ","]})
    found, warnings = changes(libreoffice_docx(copy, tmp_path / "fn.docx"), document)
    assert found == [(K.REPLACE, "FN1", "para. 4", "paras. 4-6")]
    assert warnings == ()


def test_a_changed_front_matter_line_is_a_warning_not_an_amendment(ga, tmp_path):
    _, document = ga
    copy = ga_draft()
    copy.paragraphs[10] = Para(("Fiji", Ins(", Tonga"), " and Samoa: draft resolution"), "Front")
    found, warnings = changes(libreoffice_docx(copy, tmp_path / "ton.docx"), document)
    assert found == []
    assert len(warnings) == 1 and "front matter was changed" in warnings[0].message


# The same layout built with python-docx: Word's automatic numbering for the operative
# paragraphs, a title style of the secretariat's own, a page header, trailing spaces and
# hidden text that the import leaves out.

def _python_docx_ga(path, edits=None):
    edits = edits or {}
    body = [WordPara([line]) for line in FRONT]
    body += [WordPara([TITLE], style="UN Title"), WordPara(["The General Assembly,"])]
    body += [WordPara(edits.get("PP1", ["Recalling its resolution 70/1,  "])),
             WordPara(edits.get("PP2", ["Noting with concern the state of fisheries,"]))]
    body += [WordPara(edits.get("OP1", ["Decides to convene a meeting;"]), style="Operative"),
             WordPara(edits.get("OP2", ["Requests a report;"]), style="Operative")]
    write_docx(path, body, title="", subtitle="", styles=("UN Title", "Operative"),
               header=SYMBOL)
    return numbered(path, "Operative")


def _hide(path, text):
    """Add a hidden run holding ``text`` at the end of the last paragraph."""
    word = docx.Document(str(path))
    run = word.paragraphs[-1].add_run(text)
    run.font.hidden = True
    word.save(str(path))
    return path


def test_a_python_docx_ga_draft_with_automatic_numbering(tmp_path):
    result = read_docx_draft(_hide(_python_docx_ga(tmp_path / "d.docx"), " secret"))
    assert (result.title, result.chapeau, result.front_matter) == (
        TITLE, "The General Assembly,", tuple(FRONT))
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"),
        ("PP2", "Noting with concern the state of fisheries,"),
        ("OP1", "Decides to convene a meeting;"), ("OP2", "Requests a report;")]


def test_python_docx_copies_give_exactly_their_changes(tmp_path):
    draft = _hide(_python_docx_ga(tmp_path / "d.docx"), " secret")
    document = read_docx_draft(draft).to_document(SYMBOL)
    assert changes(draft, document) == ([], ())
    tracked = _python_docx_ga(tmp_path / "t.docx", {
        "OP1": ["Decides to convene a ", ins("high-level "), "meeting;"],
        "PP2": ["Noting with ", dele("concern"), ins("grave concern"),
                " the state of fisheries,  "]})
    found, warnings = changes(_hide(tracked, " secret"), document)
    assert found == [(K.REPLACE, "PP2", "concern", "grave concern"),
                     (K.INSERT, "OP1", "a", " high-level")]
    assert warnings == ()


def test_a_ga_draft_from_word_written_back_as_markdown_reads_the_same(ga, tmp_path):
    from drafting.readers import read_draft
    from drafting.writers import write_text

    path, _ = ga
    word = read_docx_draft(path)
    markdown = tmp_path / "L99.md"
    markdown.write_text(write_text(word.title, word.paragraphs, front_matter=word.front_matter,
                                   chapeau=word.chapeau), encoding="utf-8")
    again = read_draft(markdown)
    assert (again.front_matter, again.title, again.chapeau) == (
        word.front_matter, word.title, word.chapeau)
    assert [(p.label, p.kind, p.text) for p in again.paragraphs] == [
        (p.label, p.kind, p.text) for p in word.paragraphs]
    assert "[^1]: See A/79/123, para. 4." in markdown.read_text(encoding="utf-8")


def _treaty():
    from un_documents import Draft

    draft = Draft("BBNJ/IGC/2026/1")
    body = [
        ("Draft agreement on marine biological diversity", "UNTitle"),
        ("The Parties to this Agreement,", "Chapeau"),
        ("Recognizing the need for a comprehensive global regime,", "Body"),
        ("Article 1", "Chapeau"),
        ("1.\tEach Party shall take the necessary measures.", "Body"),
        ("1bis.\tEach Party may cooperate with others.", "Body"),
        ("2.\tParties shall report to the Conference.", "Body"),
        ("Article 2", "Chapeau"),
        ("1.\tOption 1: Parties shall establish a special fund.", "Body"),
        ("Option 2: No text", "Body"),
        ("2.\tThe fund shall be [administered / managed] by the secretariat.", "Body"),
        ("Article 3", "Chapeau"),
        ("1.\tNothing in this Agreement shall prejudice the rights of States]],]", "Body"),
    ]
    draft.paragraphs += [Para((text,), style) for text, style in body]
    cited = draft.paragraphs[6]
    draft.paragraphs[6] = Para((cited.pieces[0][:-1], Note("As defined in article 1."), "."),
                               "Body")
    return draft


def test_a_treaty_from_word_is_addressed_by_article_and_paragraph(tmp_path):
    from drafting import brackets

    result = read_docx_draft(libreoffice_docx(_treaty(), tmp_path / "treaty.docx"))
    assert (result.title, result.chapeau) == (
        "Draft agreement on marine biological diversity", "The Parties to this Agreement,")
    assert [p.label for p in result.paragraphs] == [
        "PP1", "H1", "1.1", "1.1 bis", "1.2", "FN1", "H2", "2.1", "2.2", "H3", "3.1"]
    texts = {p.label: p.text for p in result.paragraphs}
    assert texts["1.2"] == "Parties shall report to the Conference[^1]."
    assert texts["2.1"] == "[Parties shall establish a special fund.][]"
    assert brackets.count(texts["3.1"]) == 0
    # each of the three stray brackets of "States]],]" is named, and nothing refused
    assert [w.where.rsplit("(", 1)[-1] for w in result.warnings] == [
        "3.1, character 62)", "3.1, character 63)", "3.1, character 65)"]
    assert all("unbalanced bracket" in w.message for w in result.warnings)


def _third_committee(path, urges="Urges States:", table_edit=None):
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "United Nations", "A/C.3/81/L.12"
    table.cell(1, 0).text = "General Assembly"
    table.cell(1, 1).text = table_edit or "Distr.: Limited"
    for line in ("Third Committee", "Chile and Mexico: draft resolution", "Rights of the child",
                 "The General Assembly,", "Reaffirming its resolutions,", f"1.\t{urges}"):
        word.add_paragraph(line)
    word.add_paragraph("To ratify the Convention;", style="List Bullet")
    word.add_paragraph("To withdraw reservations;", style="List Bullet")
    word.add_paragraph("2.\tDecides to remain seized of the matter.")
    word.save(str(path))
    return path


def test_a_symbol_block_in_a_table_is_front_matter_and_bullets_are_lines(tmp_path):
    result = read_docx_draft(_third_committee(tmp_path / "d.docx"))
    assert result.front_matter == ("United Nations", "A/C.3/81/L.12", "General Assembly",
                                   "Distr.: Limited", "Third Committee",
                                   "Chile and Mexico: draft resolution")
    assert result.title == "Rights of the child"
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Reaffirming its resolutions,"),
        ("OP1", "Urges States:\n\u2022 To ratify the Convention;\n\u2022 To withdraw "
                "reservations;"),
        ("OP2", "Decides to remain seized of the matter.")]
    assert result.warnings == ()


def test_copies_of_a_draft_with_a_symbol_table_and_bullets(tmp_path):
    path = _third_committee(tmp_path / "d.docx")
    document = read_docx_draft(path).to_document("A/C.3/81/L.12")
    assert changes(path, document) == ([], ())
    edited = _third_committee(tmp_path / "e.docx", urges="Urges all States:",
                              table_edit="Distr.: General")
    found, warnings = changes(edited, document)
    assert found == [(K.INSERT, "OP1", "Urges", " all")]
    assert [w.message[:30] for w in warnings] == ["the front matter was changed ("]


def _with_data_table(path, urges="Urges States:"):
    """The symbol block and the date, then an annex's data table: its "2026" is in the
    date line "14 October 2026" too."""
    word = docx.Document()
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "United Nations", "A/C.3/81/L.12"
    table.cell(1, 0).text, table.cell(1, 1).text = "General Assembly", "Distr.: Limited"
    for line in ("14 October 2026", "Third Committee", "Chile and Mexico: draft resolution",
                 "Rights of the child", "The General Assembly,", "Reaffirming its resolutions,",
                 f"1.\t{urges}", "2.\tDecides to remain seized of the matter.", "Annex"):
        word.add_paragraph(line)
    data = word.add_table(rows=2, cols=2)
    data.cell(0, 0).text, data.cell(0, 1).text = "Indicator", "Target year"
    data.cell(1, 0).text, data.cell(1, 1).text = "Air quality", "2026"
    word.save(str(path))
    return path


def test_a_data_table_holding_a_word_of_the_front_matter_is_no_front_matter(tmp_path):
    """The EU changes OP1 only; the annex's table is as it was. It was said to be "the
    front matter was changed" (one cell, "2026", is in a front-matter line)."""
    path = _with_data_table(tmp_path / "d.docx")
    document = read_docx_draft(path).to_document("A/C.3/81/L.12")
    found, warnings = changes(_with_data_table(tmp_path / "e.docx", "Urges all States:"),
                              document)
    assert found == [(K.INSERT, "OP1", "Urges", " all")]
    assert not any("front matter" in w.message for w in warnings)
    [said] = [w.message for w in warnings]
    assert said.startswith("a table ('Indicator Target year Air quality 2026') is not part "
                           "of the text")


def test_automatic_numbering_that_starts_again_is_read_not_refused(tmp_path):
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:abstractNum>"))
    for num_id in (91, 92):  # two lists of one definition: the second starts again at 1
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="91"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    word.add_paragraph("The General Assembly,")
    for num_id, text in ((91, "Decides to act;"), (91, "Requests a report;"),
                         (92, "Annexed text one;"), (92, "Annexed text two;")):
        paragraph = word.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id
    path = tmp_path / "restart.docx"
    word.save(str(path))
    result = read_docx_draft(path)
    assert [p.label for p in result.paragraphs] == ["OP1", "OP2", "T1", "T2"]
    assert "shows OP1 a second time" in result.warnings[0].message
    assert changes(path, result.to_document("X"))[0] == []


def test_articles_numbered_by_words_heading_numbering_open_their_articles(tmp_path):
    """A treaty whose headings Word numbers "Article %1" (their text is "Objective"):
    each opens its article, its paragraphs are 1.1, 2.1, and a plain one is 3.1."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="93"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Article %1"/>'
        "</w:lvl></w:abstractNum>"))
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="93"><w:abstractNumId w:val="93"/></w:num>'))
    word.add_paragraph("The Parties to this Agreement,")
    for text, style in (("Objective", "Heading 2"), ("1.\tThe objective is cooperation.", None),
                        ("2.\tThe Parties shall act in good faith.", None),
                        ("Reporting", "Heading 2"), ("1.\tEach Party shall report.", None),
                        ("Depositary", "Heading 2"),
                        ("The Secretary-General shall be the Depositary.", None)):
        paragraph = word.add_paragraph(text, style=style)
        if style is not None:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = 93
    path = tmp_path / "treaty.docx"
    word.save(str(path))
    result = read_docx_draft(path)
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("H1", "Article 1 Objective"), ("1.1", "The objective is cooperation."),
        ("1.2", "The Parties shall act in good faith."), ("H2", "Article 2 Reporting"),
        ("2.1", "Each Party shall report."), ("H3", "Article 3 Depositary"),
        ("3.1", "The Secretary-General shall be the Depositary.")]
    assert result.warnings == ()
    document = result.to_document("T/1")
    edited = tmp_path / "EU.docx"
    copy = docx.Document(str(path))
    copy.paragraphs[-1].runs[0].text = "The Secretary-General shall be the sole Depositary."
    copy.save(str(edited))
    # the one change, and no deletion of the headings' "Article N" numbers
    assert changes(edited, document)[0] == [(K.INSERT, "3.1", "the", " sole")]
    from drafting.engine import Proposal, draft_amendment
    from drafting.engine.merge import merge
    from drafting.writers.docx_source import write_merged_into_source

    renamed = draft_amendment(document.current, Proposal("H2", insert=" and review",
                                                          after="Reporting"),
                              id="A1", proponents=["EU"])
    merged = tmp_path / "merged.docx"  # woven into the treaty's own document
    write_merged_into_source(path.read_bytes(), merge(document, [renamed]), merged)
    (heading,) = [p for p in docx.Document(str(merged)).paragraphs
                  if p.style.name == "Heading 2" and "Reporting" in p._p.xml]
    assert 'w:author="EU"' in heading._p.xml and "and review" in heading._p.xml
    assert heading._p.pPr.numPr is not None  # still numbered "Article 2" by Word
