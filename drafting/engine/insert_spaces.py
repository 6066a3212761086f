"""One space where words inserted from the command line would run into the words quoted
to place them: ``--insert "two-week" --before "high-level"`` means a word before a word,
"two-week high-level", never "two-weekhigh-level". Only the join with the quoted words is
looked at, and only a letter or digit meeting a letter or digit there takes a space
(Chinese and Japanese, written without spaces, never do); a space typed at the other
end, where the paragraph has one already, moves to the join. It is asked for
(``Proposal.spaced``, which ``drafting amend`` sets unless ``--literal``): without it the
words stand exactly as given ("pre" glued before "existing"), as a file's do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drafting.engine.anchoring import word_character

if TYPE_CHECKING:
    from drafting.engine.amend import Proposal


def spaced_fields(fields: dict[str, Any], text: str, proposal: Proposal) -> dict[str, Any]:
    """The span ``fields`` (`drafting.engine.amend.draft_span`'s, on ``text``) of an
    insertion ``proposal`` asks to be ``spaced``, its words `spaced`; as they are for
    any other proposal. Applied once the words as typed are checked, so that a refusal
    counts their characters as typed."""
    span = fields.get("span")
    if not proposal.spaced or proposal.insert is None or span is None:
        return fields
    return {**fields, "new_text": spaced(text, span.start, fields["new_text"],
                                         before=proposal.after is None)}


def spaced(text: str, point: int, new: str, *, before: bool) -> str:
    """``new``, inserted at ``point`` of ``text`` before the quoted words (``before``) or
    after them, with one space added where it meets them letter or digit to letter or
    digit; a space typed at its other end, where ``text`` has one already, is that space
    (" full" before "implementation" in "the implementation": "full "). As given
    otherwise (also when it is empty, or already spaced at the join)."""
    if not new or new.isspace():
        return new
    if before:
        if new[0] == " " and text[point - 1:point] == " " and not new[-1].isspace():
            new = new[1:] + " "
        return new + " " if _run_together(new[-1], text[point:point + 1]) else new
    if new[-1] == " " and text[point:point + 1] == " " and not new[0].isspace():
        new = " " + new[:-1]
    return " " + new if _run_together(text[point - 1:point], new[0]) else new


def spaced_said(typed: str, made: str, quoted: str, *, before: bool) -> str | None:
    """What `spaced` made of the words ``typed`` (``made``, placed by ``quoted``), said
    for the delegate: None where it changed nothing."""
    if made == typed:
        return None
    glued = f"{typed}{quoted}" if before else f"{quoted}{typed}"
    return (f"insert: '{typed}' recorded as '{made}', apart from '{quoted}' (as given it "
            f"would read '{glued}'); add --literal to insert the words exactly as given")


def _run_together(left: str, right: str) -> bool:
    """Whether ``left`` then ``right`` (a character each) read as one word: both letters
    or digits, neither a Chinese or Japanese character (a word of its own)."""
    return all(len(c) == 1 and c.isalnum() and word_character(c) for c in (left, right))
