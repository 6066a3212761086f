"""A treaty under negotiation: bracketed article headings, an annex numbered "1.1",
"1.2.1", the line that closes the preamble and the closing matter after the last
article, in Word and in Markdown, and written back as they were read."""

from __future__ import annotations

import docx
import pytest

from drafting.model import ParagraphKind
from drafting.readers import read_docx_submission, read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.lines import section_key
from drafting.writers import write_text
from drafting.writers.docx_un import un_word

HEAD = ["Draft Convention on Plastic Pollution", "The Parties to this Convention,",
        "Recognizing that plastic pollution is a serious problem,"]
ARTICLE_3 = ["Article 3", "Primary plastic polymers", "1.\tEach Party shall take measures.",
             "2.\tThe Conference of the Parties shall adopt a target."]
ARTICLE_4 = ["1.\tA financial mechanism is hereby defined.",
             "2.\tThe mechanism shall be accountable to the Conference of the Parties."]
CLOSING = ["IN WITNESS WHEREOF the undersigned, being duly authorized to that effect, "
           "have signed this Convention.",
           "DONE at Geneva, this first day of December, two thousand and twenty-five.",
           "For the European Union", "For the Republic of X"]


def convention(heading: list[str], *, agreed: str = "Have agreed as follows:",
               annex: list[str] | None = None) -> list[str]:
    """A convention's paragraphs: Article 3, Article 4 under ``heading``, Article 5 and
    the closing matter, then ``annex`` (its heading first) if any."""
    return [*HEAD, agreed, *ARTICLE_3, *heading, *ARTICLE_4, "Article 5", "Depositary",
            "The Secretary-General of the United Nations shall be the Depositary.",
            *CLOSING, *(annex or [])]


def word(tmp_path, texts: list[str], name: str = "conv.docx"):
    """``texts`` as a Word file, one paragraph each, the way a secretariat types it."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(path)
    return path


def markdown(texts: list[str]) -> str:
    return "\n\n".join(t.replace("\t", " ") for t in texts) + "\n"


def labels(result) -> list[str]:
    return [p.label for p in result.paragraphs]


@pytest.mark.parametrize("heading", [["[Article 4", "Financial mechanism]"],
                                     ["[Article 4]", "[Financial mechanism]"]])
def test_a_bracketed_article_heading_opens_its_article(tmp_path, heading):
    for result in (read_docx_draft(word(tmp_path, convention(heading))),
                   read_text(markdown(convention(heading)))):
        shown = {p.label: p for p in result.paragraphs}
        assert labels(result)[labels(result).index("3.2") + 1:][:4] == [
            "H3", "H4", "4.1", "4.2"]
        assert (shown["H3"].text, shown["H4"].text) == tuple(heading)  # brackets kept
        assert shown["4.1"].text == "A financial mechanism is hereby defined."


def test_a_bracketed_heading_has_its_section_key_and_a_placeholder_none():
    assert section_key("[Article 4]") == section_key("[Article 4") == "4"
    assert section_key("[Annex I]") == "ANNEX I"
    assert section_key("[Placeholder for provisions on finance]") is None
    assert section_key("[Article 4] and [Article 5]") is None


def test_a_bracketed_title_after_an_unbracketed_heading_stays_text():
    result = read_text("Article 1\n\n[Placeholder for provisions on finance]\n\n"
                       "Article 2\n\nEach Party shall report.\n")
    assert [(p.label, p.kind) for p in result.paragraphs][:2] == [
        ("H1", ParagraphKind.HEADING), ("1.1", ParagraphKind.OPERATIVE)]


ANNEX = ["Annex", "Standard material transfer agreement",
         "1.1\tThe provider shall transfer the materials.",
         "1.2\tThe recipient shall share benefits.",
         "1.2.1\tBenefits include annual contributions."]


def test_an_annex_numbered_on_several_levels_keeps_its_numbers_as_its_own(tmp_path):
    texts = convention(["Article 4", "Financial mechanism"], annex=ANNEX)
    for result in (read_docx_draft(word(tmp_path, texts)), read_text(markdown(texts))):
        assert labels(result)[-3:] == ["ANNEX.1", "ANNEX.2", "ANNEX.3"]
        assert [p.text.split()[0] for p in result.paragraphs[-3:]] == ["1.1", "1.2", "1.2.1"]
        assert [w.message for w in result.warnings if "'1.1' in ANNEX" in w.message] == [
            "paragraph numbered '1.1' in ANNEX: read as ANNEX.1, a paragraph of ANNEX "
            "numbered in order (and so the next ones), its typed number kept as its text, "
            "which a revision does not renumber"]
        assert "3.1" in labels(result)  # Article 3's own, no longer "used twice"


def test_a_copy_of_an_annex_numbered_on_several_levels_is_read_against_it(tmp_path):
    # its "1.1" is text, as at import: a copy took it for paragraph 1 of Article 1
    texts = convention(["Article 4", "Financial mechanism"], annex=ANNEX)
    document = read_docx_draft(word(tmp_path, texts)).to_document("A/CONF.1/L.1")
    same = read_docx_submission(word(tmp_path, texts, "same.docx"), document,
                                delegation="EU")
    assert same.amendments == ()  # the very file proposes nothing
    edited = [t.replace("annual contributions", "yearly contributions") for t in texts]
    read = read_docx_submission(word(tmp_path, edited, "eu.docx"), document,
                                delegation="EU")
    annex3 = document.current.by_label("ANNEX.3")
    assert [(a.paragraph_id, a.old_text, a.new_text) for a in read.amendments] == [
        (annex3.id, "annual", "yearly")]


def test_an_annex_numbered_1_and_1_1_keeps_the_second_as_other_text():
    result = read_text("Article 1\n\n1. Each Party shall report.\n\nAppendix\n\n"
                       "1. Criteria:\n\n1.1 persistence.\n\n2. Listing.\n")
    assert labels(result) == ["H1", "OP1", "H2", "APPENDIX.1", "T1", "APPENDIX.2"]
    assert result.paragraphs[4].text == "1.1 persistence."
    assert any("read as T1, other text" in w.message for w in result.warnings)


@pytest.mark.parametrize("agreed", ["Have agreed as follows:", "HAVE AGREED AS FOLLOWS:",
                                    "Hereby agree as follows:"])
def test_the_preamble_ends_and_the_closing_matter_is_no_article_paragraph(tmp_path, agreed):
    texts = convention(["Article 4", "Financial mechanism"], agreed=agreed)
    for result in (read_docx_draft(word(tmp_path, texts)), read_text(markdown(texts))):
        kinds = {p.label: (p.kind, p.text) for p in result.paragraphs}
        assert kinds["T1"] == (ParagraphKind.OTHER, agreed)
        assert [label for label in kinds if label.startswith("PP")] == ["PP1"]
        assert [label for label in kinds if label.startswith("5.")] == ["5.1"]
        assert [kinds[f"T{n}"][1] for n in range(2, 6)] == CLOSING
        assert result.chapeau == "The Parties to this Convention,"
        assert result.warnings == ()


def test_an_annex_after_the_signatures_is_read_as_an_annex(tmp_path):
    texts = convention(["Article 4", "Financial mechanism"],
                       annex=["Annex I", "1.\tThe Conference may amend this annex."])
    result = read_docx_draft(word(tmp_path, texts))
    assert labels(result)[-6:] == ["T2", "T3", "T4", "T5", "H7", "ANNEX I.1"]


def test_a_resolution_keeps_its_unlabelled_preamble_and_closing_text_as_before():
    result = read_text("The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
                       "1. Decides to act;\n\nAdopted at the 50th plenary meeting.\n")
    assert labels(result) == ["PP1", "OP1", "T1"]
    assert len(result.warnings) == 1  # the other text still asks for a label


def test_formulas_survive_markdown_and_word_round_trips(tmp_path):
    texts = convention(["[Article 4]", "[Financial mechanism]"], annex=ANNEX)
    first = read_docx_draft(word(tmp_path, texts))
    written = write_text(first.title, first.paragraphs, front_matter=first.front_matter,
                         chapeau=first.chapeau, markdown=True)
    assert "\n\nHave agreed as follows:\n\n" in written  # no T1 typed before it
    again = read_text(written, markdown=True)
    assert [(p.label, p.kind, p.text) for p in again.paragraphs] == \
        [(p.label, p.kind, p.text) for p in first.paragraphs]
    document = again.to_document("C")
    path = tmp_path / "written.docx"
    un_word(document).save(path)
    assert "Have agreed as follows:" in [p.text for p in docx.Document(path).paragraphs]
    back = read_docx_draft(path)
    assert [(p.label, p.kind, p.text) for p in back.paragraphs] == \
        [(p.label, p.kind, p.text) for p in first.paragraphs]


REGULATION = [
    "Proposal for a", "REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL",
    "on deforestation-free products",
    "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,",
    "Having regard to the Treaty on the Functioning of the European Union,",
    "Whereas:", "(1) Forests provide a broad variety of benefits.",
    "HAVE ADOPTED THIS REGULATION:", "TITLE I", "GENERAL PROVISIONS",
    "Article 1", "Subject matter", "1.\tThis Regulation lays down rules.",
    "2.\tIt does not apply to products made before its date of application.",
    "TITLE II", "OBLIGATIONS", "Article 2", "Prohibition",
    "Relevant products shall not be placed on the market unless deforestation-free.",
    "This Regulation shall be binding in its entirety and directly applicable in all "
    "Member States.", "Done at Brussels,", "For the European Parliament"]


def test_a_european_union_regulation_reads_its_titles_and_formulas(tmp_path):
    for result in (read_docx_draft(word(tmp_path, REGULATION)), read_text(markdown(REGULATION))):
        kinds = {p.label: (p.kind, p.text) for p in result.paragraphs}
        assert labels(result) == ["PP1", "PP2", "PP3", "T1", "H1", "H2", "H3", "H4", "1.1",
                                  "1.2", "H5", "H6", "H7", "H8", "2.1", "T2", "T3", "T4"]
        assert kinds["T1"] == (ParagraphKind.OTHER, "HAVE ADOPTED THIS REGULATION:")
        assert [kinds[label][1] for label in ("H1", "H2", "H5")] == \
            ["TITLE I", "GENERAL PROVISIONS", "TITLE II"]
        assert kinds["T2"][1].startswith("This Regulation shall be binding")
        assert result.chapeau == "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"
    document = result.to_document("COM/2021/706")
    path = tmp_path / "written.docx"
    un_word(document).save(path)
    back = read_docx_draft(path)
    assert [(p.label, p.kind, p.text) for p in back.paragraphs] == \
        [(p.label, p.kind, p.text) for p in result.paragraphs]


@pytest.mark.parametrize(("text", "key"), [("TITLE I", "I"), ("Title II General provisions", "II"),
                                           ("TÍTULO III", "III"), ("Titre IV", "IV"),
                                           ("Title", None), ("Title of the resolution", None)])
def test_a_title_is_a_section_only_with_its_number(text, key):
    assert section_key(text) == key


def test_warnings_on_a_treaty_name_its_paragraphs_by_their_labels(tmp_path):
    """A treaty's typed "2." is 5.2: the import's warnings said "table after OP2", and a
    copy's "paragraph 23 (OP1)" for 4.1, with a move in it warned twice, and an untouched
    table warned in every tracked copy."""
    from docx_builders import Para, dele, ins, move_from, move_to, write_docx

    texts = [("Article 4", None), ("1.", "Each Party shall [act] in good faith."),
             ("Article 5", None), ("1.", "The Conference shall meet."),
             ("2.", "It shall adopt rules.")]
    def treaty(path, parts):
        paragraphs = [Para([text], None, "Heading 1") if words is None else
                      Para(parts.get(words, [words]), text) for text, words in texts]
        write_docx(path, paragraphs, title="Draft agreement", subtitle="")
        word = docx.Document(str(path))
        word.add_table(rows=1, cols=2).rows[0].cells[0].text = "Share [10 / 20] per cent"
        word.add_paragraph("Article 6", style="Heading 1")
        word.add_paragraph("1.\tThis Agreement enters into force.")
        word.save(str(path))
        return path

    draft = read_docx_draft(treaty(tmp_path / "draft.docx", {}))
    assert [w.message.split(" (")[0] for w in draft.warnings] == ["table after 5.2"]
    copy = treaty(tmp_path / "copy.docx", {"Each Party shall [act] in good faith.": [
        "Each Party shall ", move_from("[act] "), "in good faith", move_to(" [act]"), "."],
        "It shall adopt rules.": ["It shall ", dele("adopt"), ins("agree on"), " rules."]})
    read = read_docx_submission(copy, draft.to_document("INB"), delegation="G77")
    moved = [w for w in read.warnings if "moved text" in w.message]
    assert [w.where for w in moved] == [f"{copy}, paragraph 3 (4.1)"]
    assert not [w for w in read.warnings if "table" in w.message]
