"""Words a delegation inserts as a hyperlink ("in line with Goal 14", linked to the goal's
page) reached the merged draft and the revision without their link, and nothing said so:
an amendment holds words, never a link's target. The words are read as before; the link
is named in a warning now, in Word's forms (the insertion inside the link, or the link
inside the insertion) and in a copy edited without Track Changes. A link of the draft,
and words inserted into it, are no news."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx_builders import DOCUMENT, ZERO, house, ins, write_docx

from drafting.readers.docx_submission import read_docx_submission

GOAL = "https://sdgs.un.org/goals/goal14"
OP1 = "Requests the Secretary-General to submit a report on small-scale fishers;"


def _linked(path: Path, words: str, *, outside: bool = False) -> Path:
    """``path`` with the run holding ``words`` put in a hyperlink to the goal's page:
    inside the run's insertion, or, ``outside``, around it."""
    word = docx.Document(str(path))
    run = next(r for r in word.element.body.iter(qn("w:r"))
               if "".join(t.text or "" for t in r.iter(qn("w:t"))) == words)
    held = run.getparent() if outside and run.getparent().tag == qn("w:ins") else run
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), word.part.relate_to(GOAL, RT.HYPERLINK, is_external=True))
    held.addprevious(link)
    link.append(held)
    word.save(str(path))
    return path


def _warnings(read) -> list[str]:
    return [w.message for w in read.warnings if "hyperlink" in w.message]


def _inserted(tmp_path: Path, *, outside: bool) -> Path:
    path = write_docx(tmp_path / "g77.docx", house(ZERO, {"OP1": [
        "Requests the Secretary-General to submit a report on small-scale fishers",
        ins(" in line with Goal 14"), ";"]}))
    return _linked(path, " in line with Goal 14", outside=outside)


def test_words_inserted_in_a_new_hyperlink_are_read_and_the_link_is_named(tmp_path):
    for outside in (False, True):  # w:ins inside the w:hyperlink, then around it
        read = read_docx_submission(_inserted(tmp_path, outside=outside), DOCUMENT,
                                    delegation="G77")
        assert [a.new_text.strip() for a in read.amendments] == ["in line with Goal 14"]
        assert _warnings(read) == [
            "the words 'in line with Goal 14' come with a hyperlink, which is not kept: an "
            "amendment holds words only, so the merged draft and the revision show them "
            "without the link; ask the secretariat to add it"], outside


def test_words_typed_as_a_hyperlink_in_an_edited_copy_are_named_too(tmp_path):
    path = write_docx(tmp_path / "g77.docx", house(ZERO, {"OP1": [
        "Requests the Secretary-General to submit a report on small-scale fishers",
        " in line with Goal 14", ";"]}))
    read = read_docx_submission(_linked(path, " in line with Goal 14"), DOCUMENT,
                                delegation="G77")
    assert [a.new_text.strip() for a in read.amendments] == ["in line with Goal 14"]
    assert len(_warnings(read)) == 1 and "'in line with Goal 14'" in _warnings(read)[0]


def test_a_link_on_the_drafts_own_words_is_no_news(tmp_path):
    """The draft's link (words of OP1), unchanged or with words inserted into it."""
    path = write_docx(tmp_path / "usa.docx", house(ZERO, {"OP1": [
        "Requests the ", "Secretary-General", ins(" of the United Nations"),
        " to submit a report on small-scale fishers;"]}))
    word = docx.Document(str(path))
    first = next(r for r in word.element.body.iter(qn("w:r"))
                 if "".join(t.text or "" for t in r.iter(qn("w:t"))) == "Secretary-General")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), word.part.relate_to("https://www.un.org/sg", RT.HYPERLINK,
                                             is_external=True))
    first.addprevious(link)
    link.extend([first, first.getnext()])  # "Secretary-General", then the insertion
    word.save(str(path))
    read = read_docx_submission(path, DOCUMENT, delegation="USA")
    assert [a.new_text.strip() for a in read.amendments] == ["of the United Nations"]
    assert _warnings(read) == []
    plain = write_docx(tmp_path / "plain.docx", house(ZERO, {"OP1": [OP1]}))
    read = read_docx_submission(_linked(plain, OP1), DOCUMENT, delegation="USA")
    assert _warnings(read) == []
