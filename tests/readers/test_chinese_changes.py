"""A tracked change of a few Chinese characters is that change, not the whole clause: the
reader widened every change to whole "words", and a Chinese clause, written without
spaces, was one word up to its punctuation. Two delegations changing different words of
one clause then became competing alternatives of the whole clause."""

from __future__ import annotations

from docx_builders import dele, ins, para, write_docx

from drafting.engine import merge
from drafting.engine.segments import Alternatives, Change
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

OP2 = "请秘书长在第八十二届会议上提交报告。"
ZERO = Revision("Zero draft", (
    Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "决定召开会议；"),
    Paragraph("op2", "OP2", ParagraphKind.OPERATIVE, OP2)))
DOCUMENT = Document("A/C.2/81/L.70", "可持续渔业", (ZERO,))


def _copy(tmp_path, name: str, *parts):
    return write_docx(tmp_path / f"{name}.docx", [para("OP1", "决定召开会议；"),
                                                  para("OP2", *parts)])


def test_each_delegations_characters_are_its_change_and_the_two_do_not_compete(tmp_path):
    russia = read_docx_submission(_copy(tmp_path, "rus", "请", dele("秘书长"), ins("秘书处"),
                                        "在第八十二届会议上提交报告。"), DOCUMENT,
                                  delegation="RUS").amendments
    china = read_docx_submission(_copy(tmp_path, "chn", "请秘书长在第八十", dele("二"),
                                       ins("三"), "届会议上提交报告。"), DOCUMENT,
                                 delegation="CHN").amendments
    assert [(a.old_text, a.new_text) for a in russia] == [("秘书长", "秘书处")]
    assert [(a.old_text, a.new_text) for a in china] == [("二", "三")]
    (op2,) = [e for e in merge(DOCUMENT, [*russia, *china]).entries
              if e.paragraph.label == "OP2"]
    assert not any(isinstance(s, Alternatives) for s in op2.segments)
    assert [(s.deleted, s.inserted) for s in op2.segments if isinstance(s, Change)] == \
        [("秘书长", "秘书处"), ("二", "三")]
