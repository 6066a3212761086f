"""A paragraph with alternatives typed as Word paragraphs of their own ("2.<tab>Decides
...", then "OP2 Alt<tab>...", "2 alt.<tab>..." or "Option 2: ...") is read as one
paragraph "[first][second]": the merged draft written into the secretariat's document
puts each proposal on an alternative's words into that alternative's Word paragraph, as
a tracked change by its delegation, and names what it cannot show in a comment; Rev.1
applies the accepted ones there."""

from __future__ import annotations

import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, numbered, write_docx
from ooxml_views import body, rejected
from source_merges import T0, merge_into, proposed

from drafting.engine import Decisions, revise
from drafting.engine.merge import merge
from drafting.model import ParagraphKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.readers.source_places import source_places
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

SYMBOL = "A/C.2/80/L.5"
FIRST = "Encourages States to [consider] measures that [shall][should] apply;"
SECOND = "Encourages States to improve access to finance;"
FORMS = {
    "OP2 Alt": (f"2.\t{FIRST}", f"OP2 Alt\t{SECOND}"),
    "2 alt.": (f"2.\t{FIRST}", f"2 alt.\t{SECOND}"),
    "Option N:": (f"2.\tOption 1: {FIRST}", f"Option 2: {SECOND}"),
}
DATE = "2026-11-02T10:00:00Z"


def _draft(path: Path, *alternatives: str) -> Path:
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "Fiji: draft resolution", "Oceans",
                 "The General Assembly,", "Recalling its resolution 70/1,",
                 "1.\tCalls upon States to act;", *alternatives,
                 "3.\tDecides to remain seized of the matter."):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _paragraph(path: Path, opening: str):
    """The ``w:p`` of ``path`` whose text (deleted words too) opens with ``opening``."""
    for p in body(path).iter(qn("w:p")):
        if "".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText"))).startswith(
                opening):
            return p
    raise AssertionError(f"no paragraph opens with {opening!r}")


def _changes(paragraph, tag: str) -> list[tuple[str, str, str]]:
    """(author, date, text) of each ``w:ins`` or ``w:del`` in ``paragraph``."""
    return [(change.get(qn("w:author")), change.get(qn("w:date")),
             "".join(t.text or "" for t in change.iter(qn("w:t"), qn("w:delText"))))
            for change in paragraph.iter(qn(tag))]


def _comments(path: Path) -> list[tuple[str, str, str]]:
    """(author, date, text) of each comment in ``path``."""
    with zipfile.ZipFile(path) as package:
        if "word/comments.xml" not in package.namelist():
            return []
        comments = etree.fromstring(package.read("word/comments.xml"))
    return [(c.get(qn("w:author")), c.get(qn("w:date")),
             "".join(t.text or "" for t in c.iter(qn("w:t"))))
            for c in comments.iter(qn("w:comment"))]


@pytest.mark.parametrize("form", FORMS)
def test_changes_to_each_alternative_are_tracked_in_its_own_word_paragraph(tmp_path, form):
    first, second = FORMS[form]
    source = _draft(tmp_path / "L5.docx", first, second)
    assert read_docx_draft(source).paragraphs[2].text == f"[{FIRST}][{SECOND}]"
    merged = merge_into(source, [
        ("EU", "OP2", {"delete": "[shall]"}),
        ("G77", "OP2", {"replace": "improve access to", "with_": "scale up"}),
    ], tmp_path / "merged.docx", SYMBOL)
    one, two = _paragraph(merged, "2."), _paragraph(merged, second[:6])
    assert _changes(one, "w:del") == [("EU", DATE, "[shall]")] and not _changes(one, "w:ins")
    assert _changes(two, "w:del") == [("G77", DATE, "improve access to")]
    assert _changes(two, "w:ins") == [("G77", DATE, "scale up")]
    assert rejected(merged) == rejected(source)
    assert not _comments(merged)


@pytest.mark.parametrize("form", FORMS)
def test_words_put_at_the_start_of_the_second_alternative_go_into_its_paragraph(
        tmp_path, form):
    first, second = FORMS[form]
    source = _draft(tmp_path / "L5.docx", first, second)
    merged = merge_into(source, [
        ("EU", "OP2", {"insert": "Also ", "before": "Encourages", "occurrence": 2}),
        ("USA", "OP2", {"insert": " now", "after": "apply;"}),
    ], tmp_path / "merged.docx", SYMBOL)
    one, two = _paragraph(merged, "2."), _paragraph(merged, second[:6])
    assert _changes(one, "w:ins") == [("USA", DATE, " now")]
    assert _changes(two, "w:ins") == [("EU", DATE, "Also ")]
    words = "".join(t.text for t in two.iter(qn("w:t")))
    assert words.endswith(f"Also {SECOND}")  # after the alternative's label, not before
    assert rejected(merged) == rejected(source)


def test_an_option_block_deleted_whole_leaves_nothing_of_it_accepted(tmp_path):
    first, second = FORMS["Option N:"]
    source = _draft(tmp_path / "L5.docx", first, second)
    merged = merge_into(source, [("EU", "OP2", {"delete_paragraph": True})],
                        tmp_path / "merged.docx", SYMBOL)
    for opening in ("2.", "Option 2"):
        paragraph = _paragraph(merged, opening)
        assert [t.text for t in paragraph.iter(qn("w:t")) if t.text] == []
        assert {author for author, _, _ in _changes(paragraph, "w:del")} == {"EU"}
    assert rejected(merged) == rejected(source)


def test_an_empty_alternative_is_placed_nowhere_and_its_new_words_are_named(tmp_path):
    first, second = "2.\tOption 1: Decides to continue its consideration;", "Option 2: No text"
    source = _draft(tmp_path / "L5.docx", first, second)
    result, places = source_places(docx.Document(str(source)))
    assert result.paragraphs[2].text == "[Decides to continue its consideration;][]"
    place = places[2]
    assert list(place.places)[:2] == [None, (0, 13)]  # "[" nowhere; "D" after "Option 1: "
    assert place.alternatives == ((1, 39, 0), (41, 41, 1))
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, [
        ("EU", "OP2", {"replace": "continue", "with_": "pursue"}),
        ("USA", "OP2", {"replace": "[]", "with_": "[Requests a report;]"}),
    ])
    merged = tmp_path / "merged.docx"
    lost = write_merged_into_source(source.read_bytes(), merge(document, amendments), merged,
                                    dates={a.id: T0 for a in amendments})
    assert lost == ["OP2 (USA): '[]' -> '[Requests a report;]'"]
    one, two = _paragraph(merged, "2."), _paragraph(merged, "Option 2")
    assert _changes(one, "w:ins") == [("EU", DATE, "pursue")]
    assert not _changes(two, "w:ins")
    # the proposal it cannot show: a comment on the empty alternative, by its delegation
    assert two.find(qn("w:commentRangeStart")) is not None
    assert _comments(merged) == [
        ("USA", DATE, "Not shown as a tracked change: '[]' -> '[Requests a report;]'")]
    assert rejected(merged) == rejected(source)


def test_alternatives_after_a_paragraph_word_numbers(tmp_path):
    lines = [Para([line]) for line in ("United Nations", SYMBOL, "Fiji: draft resolution",
                                       "The General Assembly,",
                                       "Recalling its resolution 70/1,")]
    lines += [Para(["Calls upon States to act;"], style="Operative"),
              Para([FIRST], style="Operative"), Para([f"OP2 Alt\t{SECOND}"]),
              Para(["Decides to remain seized of the matter."], style="Operative")]
    source = write_docx(tmp_path / "L5.docx", lines, title="", subtitle="",
                        styles=("Operative",))
    numbered(source, "Operative")
    merged = merge_into(source, [("EU", "OP2", {"delete": " to finance"}),
                                 ("G77", "OP2", {"insert": "also ", "before": "measures"})],
                        tmp_path / "merged.docx", SYMBOL)
    one, two = _paragraph(merged, "Encourages States to [consider]"), \
        _paragraph(merged, "OP2 Alt")
    assert _changes(one, "w:ins") == [("G77", DATE, "also ")]
    assert _changes(two, "w:del") == [("EU", DATE, " to finance")]
    assert rejected(merged) == rejected(source)


def test_rev1_applies_accepted_changes_in_each_alternatives_paragraph(tmp_path):
    first, second = FORMS["2 alt."]
    source = _draft(tmp_path / "L5.docx", first, second)
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, [
        ("EU", "OP2", {"delete": "[shall]"}),
        ("G77", "OP2", {"replace": "improve access to", "with_": "scale up"})])
    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    assert [p.text for p in docx.Document(str(rev1)).paragraphs][-3:-1] == [
        "2.\tEncourages States to [consider] measures that [should] apply;",
        "2 alt.\tEncourages States to scale up finance;"]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


@pytest.mark.parametrize("form", FORMS, ids=str)
@pytest.mark.parametrize("kept", [0, 1])
def test_an_option_chosen_keeps_the_secretariats_document(tmp_path, form, kept):
    """`revise --choose` on options in paragraphs of their own: the revision made from
    the secretariat's document did not read as Rev.1, which fell back to drafting's own
    layout."""
    from drafting.engine import BracketAction, BracketDecision

    source = _draft(tmp_path / "draft.docx", *FORMS[form])
    document = read_docx_draft(source).to_document(SYMBOL)
    op2 = document.current.by_label("OP2")
    outcome = revise(document, [], Decisions(brackets=(BracketDecision(
        op2.id, _outer(op2.text), BracketAction.CHOOSE,
        kept),)), label="Rev.1")
    assert outcome.revision.by_label("OP2").text == (FIRST, SECOND)[kept]
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    texts = [p.text for p in docx.Document(str(rev1)).paragraphs]
    assert texts[-3:] == ["1.\tCalls upon States to act;", f"2.\t{(FIRST, SECOND)[kept]}",
                          "3.\tDecides to remain seized of the matter."]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


def _outer(text: str) -> int:
    """The number of the bracket of alternatives that holds the whole paragraph."""
    from drafting import brackets

    return next(g.index for g in brackets.groups(text) if g.start == 0)


@pytest.mark.parametrize("kept", [0, 1])
def test_the_option_chosen_keeps_its_own_formatting(tmp_path, kept):
    """Each option's opening word in its own form (the first bold, the second italic):
    the one chosen keeps its form, after the options' number, in the first's paragraph."""
    from drafting.engine import BracketAction, BracketDecision

    word = docx.Document()
    for line in ("United Nations", SYMBOL, "Fiji: draft resolution", "Oceans",
                 "The General Assembly,", "Recalling its resolution 70/1,",
                 "1.\tCalls upon States to act;"):
        word.add_paragraph(line)
    options = []
    for opening, rest, form in (("2.\tOption 1: ", "Invites States to act;", "bold"),
                                ("Option 2: ", "Urges States to act;", "italic")):
        paragraph = word.add_paragraph(opening)
        verb, tail = rest.split(" ", 1)
        setattr(paragraph.add_run(verb), form, True)
        paragraph.add_run(" " + tail)
        options.append(rest)
    word.paragraphs[-1].paragraph_format.left_indent = docx.shared.Cm(2)  # not the first's
    word.add_paragraph("3.\tDecides to remain seized of the matter.")
    source = tmp_path / "draft.docx"
    word.save(str(source))
    document = read_docx_draft(source).to_document(SYMBOL)
    op2 = document.current.by_label("OP2")
    outcome = revise(document, [], Decisions(brackets=(BracketDecision(
        op2.id, _outer(op2.text), BracketAction.CHOOSE, kept),)), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    paragraphs = docx.Document(str(rev1)).paragraphs
    chosen = next(p for p in paragraphs if p.text.startswith("2.\t"))
    assert chosen.text == f"2.\t{options[kept]}"
    assert chosen.paragraph_format.left_indent is None  # the first option's paragraph
    formed = [(run.text, bool(run.bold), bool(run.italic)) for run in chosen.runs
              if run.text.strip()]
    verb = options[kept].split(" ")[0]
    assert (verb, kept == 0, kept == 1) in formed, formed
    assert not any(p.text.startswith("Option") for p in paragraphs)
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


# --- new options -------------------------------------------------------------------------

OPTIONS = ("2.\tOption 1: Invites States to consider measures;",
           "Option 2: Urges States to adopt measures;", "Option 3: No text")
NEW_OPTION = "[Encourages States to take measures;]"


def test_a_new_option_is_a_tracked_paragraph_after_the_last(tmp_path):
    source = _draft(tmp_path / "L5.docx", *OPTIONS)
    merged = merge_into(source, [
        ("EU", "OP2", {"insert": NEW_OPTION, "after": "measures;][]"}),
        ("G77", "OP2", {"insert": "[]", "after": "measures;][]"})],
        tmp_path / "merged.docx", SYMBOL)
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t")))  # inserted words too
             for p in body(merged).iter(qn("w:p"))]
    at = texts.index("Option 3: No text")
    assert texts[at + 1:at + 4] == ["Option 4: Encourages States to take measures;",
                                    "Option 5: No text",
                                    "3.Decides to remain seized of the matter."]
    # the words and the paragraph's mark, inserted by its delegation
    assert _changes(_paragraph(merged, "Option 4"), "w:ins") == [
        ("EU", DATE, ""), ("EU", DATE, "Option 4: Encourages States to take measures;")]
    assert _changes(_paragraph(merged, "Option 5"), "w:ins") == [
        ("G77", DATE, ""), ("G77", DATE, "Option 5: No text")]
    assert not _comments(merged)  # shown, not named in a comment
    assert rejected(merged) == rejected(source)


def _options_rev1(tmp_path: Path, asked):
    """Rev.1 of the option block's draft with every amendment ``asked`` accepted: the
    revision and its Word document made from the draft's."""
    source = _draft(tmp_path / "L5.docx", *OPTIONS)
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, asked)
    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    return outcome, rev1


def test_rev1_adds_an_accepted_option_as_a_paragraph_of_its_own(tmp_path):
    outcome, rev1 = _options_rev1(tmp_path, [
        ("EU", "OP2", {"insert": NEW_OPTION, "after": "measures;][]"}),
        ("G77", "OP2", {"replace": "consider", "with_": "adopt"})])
    assert [p.text for p in docx.Document(str(rev1)).paragraphs][-5:] == [
        "2.\tOption 1: Invites States to adopt measures;",
        "Option 2: Urges States to adopt measures;", "Option 3: No text",
        "Option 4: Encourages States to take measures;",
        "3.\tDecides to remain seized of the matter."]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


def test_rev1_adds_two_delegations_new_options_in_the_order_accepted(tmp_path):
    """Two options added at the end of one block were refused together ("change the same
    words"): the merged draft shows both, one after the other, and so does Rev.1."""
    outcome, rev1 = _options_rev1(tmp_path, [
        ("EU", "OP2", {"insert": NEW_OPTION, "after": "measures;][]"}),
        ("USA", "OP2", {"insert": "[Decides to act;]", "after": "measures;][]"})])
    assert outcome.revision.by_label("OP2").text.endswith(
        f"][]{NEW_OPTION}[Decides to act;]")
    assert [p.text for p in docx.Document(str(rev1)).paragraphs][-4:-1] == [
        "Option 3: No text", "Option 4: Encourages States to take measures;",
        "Option 5: Decides to act;"]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


def _word_numbered(path: Path, article: bool = False, last: str = "Invites States to act;"):
    """A draft whose operative paragraphs Word numbers, "Option 1: ..." among them, the
    "Option 2: No text" after it not numbered; with ``article``, they are Article 3's,
    after an Article 2 whose one paragraph a list of its own numbers "1."."""
    lines = [Para([line]) for line in ("United Nations", SYMBOL, "Fiji: draft resolution",
                                       "The General Assembly,",
                                       "Recalling its resolution 70/1,")]
    if article:
        lines += [Para(["Article 2"]), Para(["Parties shall act."], style="Article"),
                  Para(["Article 3"])]
    lines += [Para(["Decides to act;"], style="Operative"),
              Para(["Option 1: Requests a report;"], style="Operative"),
              Para(["Option 2: No text"]), Para([last], style="Operative")]
    source = write_docx(path, lines, title="", subtitle="", styles=("Operative", "Article"))
    word = docx.Document(str(numbered(source, "Operative")))
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="91"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91">'
                               '<w:abstractNumId w:val="91"/></w:num>'))
    for paragraph in word.paragraphs:
        if paragraph.style.name == "Article":  # a list of its own: "1." again
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = 91
    word.save(str(source))
    return source


@pytest.mark.parametrize(("article", "labels"), [
    (False, ["OP1", "OP2", "OP3"]), (True, ["2.1", "3.1", "3.2", "3.3"])])
def test_options_word_numbers_are_labelled_as_typed_ones(tmp_path, article, labels):
    """"Option 1: ..." numbered "2." by Word's numbering was other text (T1, with a
    warning) while the paragraph after it was OP3."""
    read = read_docx_draft(_word_numbered(tmp_path / "L5.docx", article))
    operative = [(p.label, p.text) for p in read.paragraphs
                 if p.kind is ParagraphKind.OPERATIVE]
    texts = ["Decides to act;", "[Requests a report;][]", "Invites States to act;"]
    assert operative == list(zip(labels, ["Parties shall act."] * article + texts,
                                 strict=True))
    assert read.warnings == ()


def test_rev1_of_options_word_numbers_keeps_the_secretariats_document(tmp_path):
    """Rev.1 fell back to drafting's own layout ("T1 [Requests a report;][]")."""
    source = _word_numbered(tmp_path / "L5.docx")
    document = read_docx_draft(source).to_document(SYMBOL)
    copy = _word_numbered(tmp_path / "eu.docx", last="Invites all States to act;")
    (amendment,) = read_docx_submission(copy, document, delegation="EU").amendments
    assert document.current.by_id(amendment.paragraph_id).label == "OP3"
    outcome = revise(document, [replace(amendment, id="A1")],
                     Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    word = docx.Document(str(rev1))
    assert [p.text for p in word.paragraphs][-4:] == [
        "Decides to act;", "Option 1: Requests a report;", "Option 2: No text",
        "Invites all States to act;"]
    assert [p.style.name for p in word.paragraphs][-4:] == [
        "Operative", "Operative", "Normal", "Operative"]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]
