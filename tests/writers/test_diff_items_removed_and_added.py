"""A diff in Word across a revision that removed sub-items of one paragraph and added
others ("(b)" deleted, a new last item; two deleted; one's words changed; one added in
the middle and the last deleted, or another added at the end): items typed "(a)<tab>" or
numbered by Word.

Each item removed is deleted whole, its paragraph mark too, and each item added is a
Word paragraph of its own in the form of the items (mark inserted), never words after a
line break inside another item; a typed number relettered is a change of its own ("(c)"
-> "(b)"), Word's numbers are left to Word. Accept All gives the later revision, Reject
All the earlier one. The diff used to match the text of the whole paragraph, pairing one
item's words with another's: "(b)" made "(c)" with its mark kept and the new item typed
after a ``w:br`` inside the item before it. Its changes are stamped as the later
revision's (author "Rev.1", its date), not by an unknown author."""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from numbered_drafts import SYMBOL, numbered_draft
from ooxml_views import rejected

from drafting.engine import Decisions, diff_revisions, revise
from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.segments import Change
from drafting.ooxml.revisions import Stamp
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

HEAD = "Calls upon States:"
ITEMS = ("information on capacity-building;", "information on technology transfer;",
         "recommendations for further action;",
         "information on best practices and lessons learned;")  # alike, as lists are
NEW = "information on financing;"
LAST = "an assessment of remaining gaps;"
WHEN = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)
W_P, W_INS, W_DEL, W_BR = qn("w:p"), qn("w:ins"), qn("w:del"), qn("w:br")

CASES = {  # name: how many of ITEMS the draft has, the proposals (what, on which item,
    # the words of a new one if not NEW), the later revision's items
    "delete one, add one": (3, (("delete", 1), ("add", 2)), (0, 2, NEW)),
    "delete two, add one": (4, (("delete", 1), ("delete", 2), ("add", 3)), (0, 3, NEW)),
    "replace words, add one": (3, (("words", 1), ("add", 0)),
                               (0, NEW, "information on the transfer of technology;", 2)),
    "add one in the middle, delete the last": (4, (("add", 0), ("delete", 3)), (0, NEW, 1, 2)),
    "add one in the middle, one at the end": (3, (("add", 0), ("add", 2, LAST)),
                                              (0, NEW, 1, 2, LAST)),
}


def typed_draft(path: Path, items: tuple[str, ...]) -> Path:
    """The draft: OP2's ``items`` typed "(a)<tab>", "(b)<tab>"..., each a Word paragraph
    with a hanging indent deeper than OP2's own."""
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "The Human Rights Council,",
                 "Guided by the Charter,"):
        word.add_paragraph(line)
    for text in ("1.\tRecognizes the right;", f"2.\t{HEAD}",
                 *(f"({letter})\t{item}" for letter, item in zip("abcd", items, strict=False)),
                 "3.\tDecides to remain seized of the matter."):
        paragraph = word.add_paragraph(text)
        paragraph.paragraph_format.left_indent = Cm(1.25 if text[0].isdigit() else 2.5)
        paragraph.paragraph_format.first_line_indent = Cm(-1.25)
    word.save(str(path))
    return path


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[tuple[str, int], tuple[str, Path]]:
    """Each draft, by its kind and number of items: what stands between an item's number
    and its words in the text, and the file."""
    folder = tmp_path_factory.mktemp("drafts")
    made = {}
    for size in (3, 4):
        made["typed", size] = "\t", typed_draft(folder / f"typed{size}.docx", ITEMS[:size])
        made["numbered", size] = " ", numbered_draft(folder / f"numbered{size}.docx",
                                                     ITEMS[:size])  # Word's "(a) " read in
    return made


def _revised(draft: Path, gap: str, case: str, tmp_path: Path):
    """The draft's Rev.1 (``case``'s proposals accepted) in Word, and the document holding
    both revisions."""
    document = read_docx_draft(draft).to_document(SYMBOL)
    (op,) = [p for p in document.current if p.text.startswith(HEAD)]
    lines = op.text.split("\n")[1:]
    proposals = []
    for what, item, *words in CASES[case][1]:
        if what == "delete":
            proposals.append(Proposal(op.label, delete=f"\n{lines[item]}"))
        elif what == "add":
            letter = "abcde"[item + 1]
            proposals.append(Proposal(op.label, insert=f"\n({letter}){gap}{[*words, NEW][0]}",
                                      after=ITEMS[item]))
        else:
            proposals.append(Proposal(op.label, replace="technology transfer",
                                      with_="the transfer of technology"))
    amendments = [draft_amendment(document.current, proposal, id=f"A{n}",
                                  proponents=("EU",)) for n, proposal in enumerate(proposals)]
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1",
                     created_at=WHEN)
    both = dataclasses.replace(document, revisions=(*document.revisions, outcome.revision))
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(draft.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    return rev1, both, op.label


def items(path: Path, *, accept: bool = True) -> list[tuple[str, bool]]:
    """OP2's items in ``path`` with every tracked change accepted (or rejected): the text
    of each Word paragraph after OP2's own up to OP3, and whether Word numbers it."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    gone = W_DEL if accept else W_INS
    found: list[tuple[str, bool]] = []
    glued = False  # the paragraph before lost its mark: this one goes on with it
    for p in root.iter(W_P):
        text = "".join("\t" if node.tag == qn("w:tab") else node.text or ""
                       for node in p.iter(qn("w:t"), qn("w:delText"), qn("w:tab"))
                       if gone not in {a.tag for a in node.iterancestors()})
        level = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
        numbered = level is not None and level.get(qn("w:val")) == "1"
        if glued:  # in the form of the paragraph whose mark is kept, as Word joins them
            text = found.pop()[0] + text
        found.append((text, numbered))
        glued = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{gone}") is not None
    texts = [text for text, _ in found]
    start = next(n for n, text in enumerate(texts) if text.endswith(HEAD)) + 1
    end = next(n for n, text in enumerate(texts) if "remain seized" in text)
    return found[start:end]


def _words(case: str) -> list[str]:
    """The words of the later revision's items in ``case``."""
    return [ITEMS[item] if isinstance(item, int) else item for item in CASES[case][2]]


def _expected(case: str, gap: str, typed: bool) -> list[tuple[str, bool]]:
    """What `items` reads in the later revision's Word file."""
    words = _words(case)
    if not typed:
        return [(text, True) for text in words]
    return [(f"({letter}){gap}{text}", False)
            for letter, text in zip("abcde", words, strict=False)]


@pytest.mark.parametrize("kind", ["typed", "numbered"])
@pytest.mark.parametrize("case", CASES)
def test_accepting_the_diff_gives_the_later_revisions_items(drafts, kind, case, tmp_path):
    gap, source = drafts[kind, CASES[case][0]]
    rev1, both, label = _revised(source, gap, case, tmp_path)
    expected = _expected(case, gap, kind == "typed")
    later = both.current.by_label(label).text.split("\n")[1:]
    assert [line.split(gap, 1)[1] for line in later] == _words(case)
    assert items(rev1) == expected  # the revision itself is right

    compilation = diff_revisions(both, "Zero draft", "Rev.1", renumbered=True)
    target = tmp_path / "diff.docx"
    assert write_merged_into_source(source.read_bytes(), compilation, target,
                                    revised=(SYMBOL, "Rev.1"),
                                    author=Stamp("Rev.1", WHEN)) == []
    assert items(target) == expected
    assert items(target, accept=False) == items(source)
    assert rejected(target) == rejected(source)
    with zipfile.ZipFile(target) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    assert root.find(f".//{W_BR}") is None  # no item after a line break in another
    stamps = {(mark.get(qn("w:author")), mark.get(qn("w:date")))
              for mark in root.iter(W_INS, W_DEL)}
    assert stamps == {("Rev.1", "2026-11-20T15:30:00Z")}


@pytest.mark.parametrize("kind", ["typed", "numbered"])
def test_an_item_removed_and_one_added_are_whole_lines_of_the_diff(drafts, kind, tmp_path):
    gap, source = drafts[kind, 3]
    _, both, label = _revised(source, gap, "delete one, add one", tmp_path)
    compilation = diff_revisions(both, "Zero draft", "Rev.1", renumbered=True)
    (entry,) = [e for e in compilation.entries if e.paragraph.label == label]
    assert [(s.deleted, s.inserted) for s in entry.segments if isinstance(s, Change)] == [
        (f"\n(b){gap}{ITEMS[1]}", ""), ("(c)", "(b)"),
        ("", f"\n(c){gap}{NEW}")]  # no item's words paired with another's


def test_libreoffice_accepts_and_rejects_the_diff_as_the_two_revisions(tmp_path):
    source = typed_draft(tmp_path / "draft.docx", ITEMS[:3])
    _, both, _ = _revised(source, "\t", "delete one, add one", tmp_path)
    target = tmp_path / "diff.docx"
    write_merged_into_source(source.read_bytes(),
                             diff_revisions(both, "Zero draft", "Rev.1", renumbered=True),
                             target, revised=(SYMBOL, "Rev.1"), author=Stamp("Rev.1", WHEN))
    accepted = lo_track("accept", target).stdout
    assert f"(a)\t{ITEMS[0]}\n(b)\t{ITEMS[2]}\n(c)\t{NEW}\n" in accepted
    assert f"{SYMBOL}/Rev.1\n" in accepted
    rejected_text = lo_track("reject", target).stdout
    assert f"(a)\t{ITEMS[0]}\n(b)\t{ITEMS[1]}\n(c)\t{ITEMS[2]}\n3." in rejected_text
    assert f"{SYMBOL}\n" in rejected_text and NEW not in rejected_text
