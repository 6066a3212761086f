"""A delegation answers on the merged draft by replying, in Word, to the comment that
carries another delegation's reason: JPN's delegate replies to the EU's "Agreed
language." The reply was joined into the EU's proposal's reason, and that proposal, a
pending one, was set aside as proposed already: the reply went with it, without a word.
It is not the EU's words: it is named in a warning, quoted."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_merged_copy_edits import _copy, _mark

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from test_copy_comment_threads import _threaded

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
REPLY = "Japan cannot support a two-day meeting."


def _urgently(body) -> None:
    """" urgently" typed by JPN's delegate after "Urges", tracked."""
    text = next(t for t in body.iter(qn("w:t")) if t.text == "Urges")
    text.getparent().addnext(_mark("w:ins", " urgently", "Taro Yamada"))


def _reply(path: Path, author: str = "Taro Yamada", threaded: bool = True) -> Path:
    """``author``'s reply to the EU's comment, on its range, threaded as Word does (or,
    not ``threaded``, a comment of its own there, as LibreOffice keeps one)."""
    word = docx.Document(str(path))
    eu = next(c for c in word.part._comments_part.element.iter(qn("w:comment"))
              if "Agreed language." in "".join(c.itertext()))
    reply = word.comments.add_comment(text=REPLY, author=author)
    for tag in ("w:commentRangeStart", "w:commentRangeEnd"):
        marker = next(m for m in word.element.body.iter(qn(tag))
                      if m.get(qn("w:id")) == eu.get(qn("w:id")))
        mine = marker.makeelement(qn(tag), {qn("w:id"): str(reply.comment_id)})
        marker.addnext(mine)
        if tag == "w:commentRangeEnd":
            run = mine.makeelement(qn("w:r"), {})
            run.append(run.makeelement(qn("w:commentReference"),
                                       {qn("w:id"): str(reply.comment_id)}))
            mine.addnext(run)
    word.save(str(path))
    return _threaded(path, {REPLY: "Agreed language."}, nested=False) if threaded else path


def test_a_reply_to_another_delegations_reason_is_named_not_lost(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(store, ["EU", "JPN"])
        record(store, SYMBOL, [prepare_amendment(
            store, SYMBOL, Proposal("OP21", replace="one-day", with_="two-day",
                                    reason="Agreed language."), "EU")])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        copy = _reply(_copy(tmp_path / "merged.docx", tmp_path / "JPN.docx", _urgently))
        (read,) = prepare_files(store, SYMBOL, [copy], delegation="JPN")
    assert [(a.proponents, a.new_text, a.reason) for a in read.amendments] == [
        (("JPN",), " urgently", "")]
    said = [w for w in read.warnings if REPLY in w]
    assert len(said) == 1
    assert "a reply by Taro Yamada to EU's comment" in said[0]


@pytest.mark.parametrize("author", ["Taro Yamada", "JPN"])
def test_a_comment_on_another_delegations_pending_proposal_is_named_not_lost(
        tmp_path, author):
    """Not a reply in a thread: a comment of its own on the EU's pending A1. Read as A1's
    reason, it went with A1, set aside as proposed already, without a word."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(store, ["EU", "JPN"])
        record(store, SYMBOL, [prepare_amendment(
            store, SYMBOL, Proposal("OP21", replace="one-day", with_="two-day",
                                    reason="Agreed language."), "EU")])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        copy = _reply(_copy(tmp_path / "merged.docx", tmp_path / "JPN.docx", _urgently),
                      author, threaded=False)
        (read,) = prepare_files(store, SYMBOL, [copy], delegation="JPN")
        (eu,) = store.amendments(SYMBOL)[:1]
    assert [(a.proponents, a.new_text, a.reason) for a in read.amendments] == [
        (("JPN",), " urgently", "")]
    assert eu.reason == "Agreed language."
    (said,) = [w for w in read.warnings if REPLY in w]
    assert f"(OP21): a comment by {author} on A1 (EU's proposal: replace 'one-day' -> " \
           "'two-day') is not read: the proposal is pending already, and a comment alone " \
           "proposes nothing" in said
