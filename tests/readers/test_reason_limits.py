"""A reason is held to the length of any text of an amendment, whichever way it comes.

A Word change's reason is its comments joined with "; ": each comment within the limit,
together past it, the file is refused naming the file and the change, and nothing is
recorded. The store itself refuses an amendment with a longer text (old or new words,
reason), so that no path (options, JSON, Word) can record one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx_builders import DOCUMENT, SYMBOL, ZERO, Part, dele, house, ins, note, write_docx

from drafting.engine import Proposal, draft_amendment
from drafting.errors import AmendmentError, InputError, LimitError
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import Delegation
from drafting.readers.submission import SubmissionError, load_submission
from drafting.store import Store, StoreError, open_store
from drafting.workflow import prepare_files, record

OP1 = ZERO.by_label("OP1").text


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        opened.init()
        opened.add_delegation(Delegation("EU"))
        opened.add_document(DOCUMENT)
        yield opened


def _commented(path: Path, comments: list[str]) -> Path:
    """A Word copy replacing "submit" by "present" in OP1, the change under ``comments``
    (each a comment of its own, their ranges nested)."""
    change: Part = ins("present")
    for text in comments:
        change = note(text, change)
    start = OP1.index("submit")
    parts = [OP1[:start], dele("submit"), change, OP1[start + len("submit"):]]
    return write_docx(path, house(ZERO, {"OP1": parts}))


def _recorded(store: Store) -> tuple[int, int]:
    return len(store.events()), len(store.amendments(SYMBOL))


def test_many_comments_on_one_change_past_the_limit_refuse_the_file(store, tmp_path):
    each = 9_000  # every comment well within the limit; twelve of them together past it
    path = _commented(tmp_path / "eu.docx", [chr(ord("a") + n) * each for n in range(12)])
    before = _recorded(store)
    with pytest.raises(LimitError) as refused:
        prepare_files(store, SYMBOL, [path], delegation="EU")
    said = str(refused.value)
    assert said.startswith(f"{path}, the change 'submit' -> 'present': the reason its 12 "
                           f"comments make together has {12 * each + 11 * 2:,} characters, "
                           f"more than the {MAX_PARAGRAPH_CHARS:,}")
    assert said.endswith("the file is refused: shorten the comments on it")
    assert _recorded(store) == before


def test_comments_joined_up_to_the_limit_are_the_reason(store, tmp_path):
    half = (MAX_PARAGRAPH_CHARS - 2) // 2  # two comments and "; " make the limit exactly
    path = _commented(tmp_path / "eu.docx", ["a" * half, "b" * half])
    ((amendment,),) = [item.amendments for item in
                       prepare_files(store, SYMBOL, [path], delegation="EU")]
    assert len(amendment.reason) == MAX_PARAGRAPH_CHARS
    record(store, SYMBOL, [amendment])
    with pytest.raises(LimitError, match="has 100,002 characters"):
        prepare_files(store, SYMBOL, [_commented(tmp_path / "more.docx",
                                                 ["a" * (half + 1), "b" * (half + 1)])],
                      delegation="EU")


@pytest.mark.parametrize("field", ["reason", "new_text"])
def test_the_store_refuses_an_amendment_with_a_longer_text(store, field):
    fine = draft_amendment(ZERO, Proposal("OP1", replace="submit", with_="present"),
                           id="new-1", proponents=["EU"])
    long = replace(fine, **{field: "x" * (MAX_PARAGRAPH_CHARS + 1)})
    before = _recorded(store)
    what = {"reason": "the reason", "new_text": "the new text"}[field]
    with pytest.raises(StoreError, match=f"{SYMBOL}: amendment 2: {what} has 100,001 "
                       "characters, more than the 100,000 a text of an amendment may have"):
        store.submit(SYMBOL, [fine, long])
    with pytest.raises(StoreError, match="nothing was recorded"):
        store.submit_all(SYMBOL, [[fine], [long]])
    assert _recorded(store) == before


def test_the_other_paths_refuse_a_longer_reason_before_the_store(tmp_path):
    with pytest.raises(AmendmentError, match="the text of 'reason' has 100,001 characters"):
        draft_amendment(ZERO, Proposal("OP1", replace="submit", with_="present",
                                       reason="x" * (MAX_PARAGRAPH_CHARS + 1)),
                        id="new-1", proponents=["EU"])
    path = tmp_path / "eu.json"
    path.write_text(json.dumps({"document": SYMBOL, "delegation": "EU", "amendments": [
        {"paragraph": "OP1", "replace": "submit", "with": "present",
         "reason": "x" * (MAX_PARAGRAPH_CHARS + 1)}]}), encoding="utf-8")
    with pytest.raises(SubmissionError) as refused:
        load_submission(path, DOCUMENT)
    assert "'reason' has 100,001 characters" in refused.value.details


def test_a_copy_with_only_a_comment_is_refused_with_what_to_do_instead(store, tmp_path):
    """A delegation's position typed as a comment proposes nothing: the refusal says how
    to propose it (a tracked change, or `amend --retain` with its reason)."""
    start = OP1.index("submit")
    parts = [OP1[:start], note("The EU cannot accept this paragraph.", "submit"),
             OP1[start + len("submit"):]]
    path = write_docx(tmp_path / "eu.docx", house(ZERO, {"OP1": parts}))
    word = docx.Document(str(path))  # made after the draft was issued, as a delegation's
    for comment in word.part._comments_part.element.iter(qn("w:comment")):
        comment.set(qn("w:date"), "2099-01-01T00:00:00Z")
    word.save(str(path))
    before = _recorded(store)
    with pytest.raises(InputError) as refused:
        prepare_files(store, SYMBOL, [path], delegation="EU")
    said = str(refused.value)
    assert said.startswith(f"{path}: no change found against {SYMBOL}; nothing to submit; "
                           "a comment alone proposes nothing")
    assert f"drafting amend {SYMBOL} LABEL --delegation EU --retain --reason" in said
    assert "The EU cannot accept this paragraph." in refused.value.details
    assert _recorded(store) == before
