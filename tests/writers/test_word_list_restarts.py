"""Rev.1 stays in the secretariat's Word document where Word's numbering does not renumber
by itself: each operative paragraph a Word list of its own, started at its number (as PDF
converters and exports write lists), and a paragraph typed "2 bis." among paragraphs Word
numbers. Both fell back to drafting's own layout (header and styles lost)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafting.engine import Proposal
from drafting.ooxml.accept import accept_all
from drafting.ooxml.numbering import NumberingCounter
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

SYMBOL = "A/C.2/81/L.80"
HEADER = "Secretariat running head"
_LEVEL = ('<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/>'
          '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
          '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>')
_IDS = 70  # past the lists of python-docx's template
OPERATIVE = ("Encourages States to invest in agriculture;", "Calls upon States to act;",
             "Requests the Secretary-General to submit a report;",
             "Decides to include the item in its agenda.")


def _list(word: docx.Document, number: int, start: int, shared: bool = False) -> None:
    """List ``number`` started at ``start``: by a definition of its own (``w:start``), or
    (``shared``) by a ``w:startOverride`` on one definition all lists share."""
    number += _IDS
    numbering = word.part.numbering_part.element
    if not shared or number == _IDS + 1:
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
            f'{_LEVEL.format(start=1 if shared else start)}</w:abstractNum>'))
    override = f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId '
        f'w:val="{_IDS + 1 if shared else number}"/>{override if shared else ""}</w:num>'))


def _numbered(word: docx.Document, text: str, num_id: int) -> None:
    num_pr = word.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id + _IDS


def _document(path: Path, operative: list[tuple[str, int | None]], starts: list[int],
              shared: bool = False) -> Path:
    """A draft with a page header, whose ``operative`` paragraphs are each numbered by
    the Word list given (None: its number typed), list N starting at ``starts[N-1]``
    (see `_list` for ``shared``)."""
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = HEADER
    for number, start in enumerate(starts, 1):
        _list(word, number, start, shared)
    for line in ("United Nations", SYMBOL, "Agricultural technology",
                 "The General Assembly,", "Recalling its resolution 70/1,"):
        word.add_paragraph(line)
    for text, num_id in operative:
        if num_id is None:
            word.add_paragraph(text)
        else:
            _numbered(word, text, num_id)
    word.save(str(path))
    return path


def _store(tmp_path: Path, draft: Path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    store = open_store(url)
    import_draft(store, draft, SYMBOL)
    add_delegations(store, ["EU"])
    return store


def _accepted(store, label: str, **fields) -> None:
    store.decide(_proposed(store, label, **fields), "accept")


def _proposed(store, label: str, **fields) -> str:
    amendment = prepare_amendment(store, SYMBOL, Proposal(label, **fields), "EU")
    (recorded,) = record(store, SYMBOL, [amendment]).amendments
    return recorded.id


def _shown(made: bytes) -> list[tuple[str, str]]:
    """Each paragraph Word numbers, as Word shows it: its number and its text (words
    a tracked change inserts included)."""
    word = docx.Document(io.BytesIO(made))
    counter = NumberingCounter(word)
    return [(number.text, "".join(t.text or "" for t in p._p.iter(qn("w:t"))))
            for p in word.paragraphs if (number := counter.number(p._p)) is not None]


def _rev1(store) -> bytes:
    warnings: list[str] = []
    revise_document(store, SYMBOL, "Rev.1", warn=warnings.append)
    assert warnings == []  # not in drafting's own layout
    made = store.source(SYMBOL, "Rev.1")
    assert made is not None
    assert docx.Document(io.BytesIO(made)).sections[0].header.paragraphs[0].text == HEADER
    return made


@pytest.fixture(params=[False, True], ids=["own-definitions", "start-overrides"])
def lists_of_their_own(tmp_path, request):
    draft = _document(tmp_path / "draft.docx", [(text, n) for n, text in enumerate(OPERATIVE, 1)],
                      starts=[1, 2, 3, 4], shared=request.param)
    with _store(tmp_path, draft) as store:
        yield store


def test_a_new_paragraph_among_lists_of_their_own_restarts_the_lists_after_it(
        lists_of_their_own):
    store = lists_of_their_own
    assert [p.label for p in store.document(SYMBOL).current][-4:] == [
        "OP1", "OP2", "OP3", "OP4"]
    _accepted(store, "OP3", new_paragraph="Invites the private sector to contribute;")
    made = _rev1(store)
    assert _shown(made) == [("1.", OPERATIVE[0]), ("2.", OPERATIVE[1]), ("3.", OPERATIVE[2]),
                            ("4.", "Invites the private sector to contribute;"),
                            ("5.", OPERATIVE[3])]
    numbering = docx.Document(io.BytesIO(made)).part.numbering_part.element
    overrides = numbering.findall(f"{qn('w:num')}/{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    assert [o.get(qn("w:val")) for o in overrides][-1] == "5"  # OP4's list, now OP5's


def test_a_paragraph_deleted_among_lists_of_their_own_restarts_the_lists_after_it(
        lists_of_their_own):
    store = lists_of_their_own
    _accepted(store, "OP2", delete_paragraph=True)
    made = _rev1(store)
    assert _shown(made) == [("1.", OPERATIVE[0]), ("2.", OPERATIVE[2]), ("3.", OPERATIVE[3])]
    assert [p.label for p in store.document(SYMBOL).current][-3:] == ["OP1", "OP2", "OP3"]


def test_a_typed_bis_among_word_numbers_becomes_an_item_of_the_list(tmp_path):
    operative = [(OPERATIVE[0], 1), (OPERATIVE[1], 1),
                 ("2 bis.\tEncourages States to cooperate;", None),
                 (OPERATIVE[2], 1), (OPERATIVE[3], 1)]
    draft = _document(tmp_path / "draft.docx", operative, starts=[1])
    with _store(tmp_path, draft) as store:
        assert [p.label for p in store.document(SYMBOL).current][-5:] == [
            "OP1", "OP2", "OP2 bis", "OP3", "OP4"]
        _accepted(store, "OP1", replace="invest", with_="invest more")
        made = _rev1(store)
        assert [p.label for p in store.document(SYMBOL).current][-5:] == [
            "OP1", "OP2", "OP3", "OP4", "OP5"]
    assert _shown(made) == [
        ("1.", "Encourages States to invest more in agriculture;"), ("2.", OPERATIVE[1]),
        ("3.", "Encourages States to cooperate;"),  # no "2 bis." typed: Word numbers it
        ("4.", OPERATIVE[2]), ("5.", OPERATIVE[3])]
    item = docx.Document(io.BytesIO(made)).paragraphs[-3]._p
    assert item.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) == "71"


def test_the_merged_draft_shows_no_number_twice_and_rejected_is_the_source(
        lists_of_their_own, tmp_path):
    store = lists_of_their_own
    _proposed(store, "OP3", new_paragraph="Invites the private sector to contribute;")
    warnings: list[str] = []
    merge_to(store, SYMBOL, tmp_path / "merged.docx", warn=warnings.append)
    assert warnings == []
    merged = (tmp_path / "merged.docx").read_bytes()
    numbers = [("1.", OPERATIVE[0]), ("2.", OPERATIVE[1]), ("3.", OPERATIVE[2]),
               ("4.", "Invites the private sector to contribute;"), ("5.", OPERATIVE[3])]
    assert _shown(accept_all(merged)[0]) == numbers  # Accept All: "4." once
    assert _shown(merged) == numbers  # as the changes show, too
    # OP4's list restarted at 5 by EU's tracked change; rejected, its own list again
    last = docx.Document(io.BytesIO(merged)).paragraphs[-1]._p
    change = last.find(f"{qn('w:pPr')}/{qn('w:pPrChange')}")
    assert change.get(qn("w:author")) == "EU"
    former = change.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    assert former.get(qn("w:val")) == str(4 + _IDS)


@pytest.mark.parametrize("gone", ["OP1", "OP2"])
def test_a_paragraph_deleted_in_the_merged_draft_leaves_no_gap_once_accepted(
        lists_of_their_own, tmp_path, gone):
    store = lists_of_their_own
    _proposed(store, gone, delete_paragraph=True)
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    accepted = accept_all((tmp_path / "merged.docx").read_bytes())[0]
    left = [text for text in OPERATIVE if text != OPERATIVE[int(gone[2:]) - 1]]
    assert _shown(accepted) == [(f"{n}.", text) for n, text in enumerate(left, 1)]
