"""What a delegation's Word copy shows is what is read: words under a phonetic guide
(``w:ruby``), words hidden or struck through by a style (not only by the run's own
properties), symbols (``w:sym``) and equations (``m:oMath``). Each was read otherwise:
an insertion under a phonetic guide was lost and the draft's words under one were
proposed as deleted; words a character or paragraph style hides were proposed (or not
read as deleted); a "≥" from the Symbol font, or an equation, was dropped from the
delegation's words without a word."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_builders import DOCUMENT, ZERO, Para, Styled, house, ins, write_docx

from drafting.errors import ReaderError
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

_MATH = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
_HUSH = ('<w:style w:type="character" w:customStyle="1" w:styleId="Hush"><w:name w:val="Hush"/>'
         '<w:rPr><w:vanish/></w:rPr></w:style>'
         '<w:style w:type="character" w:customStyle="1" w:styleId="Quiet"><w:name w:val="Quiet"/>'
         '<w:basedOn w:val="Hush"/><w:rPr><w:i/></w:rPr></w:style>'
         '<w:style w:type="character" w:customStyle="1" w:styleId="Loud"><w:name w:val="Loud"/>'
         '<w:basedOn w:val="Quiet"/><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
         '<w:style w:type="character" w:customStyle="1" w:styleId="Gone"><w:name w:val="Gone"/>'
         '<w:rPr><w:strike/></w:rPr></w:style>')
"""Character styles: Quiet hides through the style it is based on (Hush), Loud (based on
Quiet) shows again, Gone strikes through."""


def _edited(path: Path, document: Callable[[str], str] = lambda xml: xml,
            styles: Callable[[str], str] = lambda xml: xml) -> Path:
    """``path`` with its main part and style sheet edited as text, as Word would write them."""
    with zipfile.ZipFile(path) as package:
        parts = {item: package.read(item) for item in package.namelist()}
    parts["word/document.xml"] = document(parts["word/document.xml"].decode()).encode()
    parts["word/styles.xml"] = styles(parts["word/styles.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for item, data in parts.items():
            package.writestr(item, data)
    return path


def _styled(xml: str) -> str:
    return xml.replace("</w:styles>", _HUSH + "</w:styles>")


def _copy(tmp_path: Path, op1: list, **edits: Callable[[str], str]) -> Path:
    return _edited(write_docx(tmp_path / "copy.docx", house(ZERO, {"OP1": op1})), **edits)


def _ruby(xml: str) -> str:
    """The runs marked "<ruby:guide>words" given a phonetic guide over their words."""
    while "&lt;ruby:" in xml:
        start = xml.rindex("<w:r>", 0, xml.index("&lt;ruby:"))
        end = xml.index("</w:r>", start) + len("</w:r>")
        run = xml[start:end]
        guide, words = run.split("&lt;ruby:", 1)[1].split("&gt;", 1)
        words = words.split("</w:t>", 1)[0]
        xml = xml[:start] + (
            f'<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>{guide}</w:t></w:r></w:rt><w:rubyBase>'
            f'<w:r><w:t xml:space="preserve">{words}</w:t></w:r></w:rubyBase></w:ruby></w:r>'
        ) + xml[end:]
    return xml


def test_words_inserted_under_a_phonetic_guide_are_proposed(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a ",
                            ins(Styled("<ruby:shou-sai>detailed ", ())),
                            "report on small-scale fishers;"], document=_ruby)
    read = read_docx_submission(path, DOCUMENT, delegation="JPN")
    assert [(a.kind.value, a.new_text.strip()) for a in read.amendments] == [
        ("insert", "detailed")]


def test_draft_words_under_a_phonetic_guide_are_no_deletion(tmp_path):
    path = _copy(tmp_path, ["Requests the ", Styled("<ruby:ji-mu>Secretary-General", ()),
                            " to submit a report on small-scale fishers;"], document=_ruby)
    read = read_docx_submission(path, DOCUMENT, delegation="JPN")
    assert read.amendments == ()


def _restyled(style: str) -> Callable[[str], str]:
    """The runs given ``w:vanish`` in the builder given the character style ``style``."""
    return lambda xml: xml.replace("<w:vanish/>", f'<w:rStyle w:val="{style}"/>')


def test_words_inserted_in_a_hiding_character_style_are_named_not_read(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a ",
                            ins(Styled("SECRET ", ("w:vanish",))), ins("detailed "),
                            "report on small-scale fishers;"],
                 document=_restyled("Quiet"), styles=_styled)
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text.strip() for a in read.amendments] == ["detailed"]
    assert any("words inserted as hidden text ('SECRET') were not read" in w.message
               for w in read.warnings)


def test_draft_words_a_character_style_hides_read_as_deleted_and_shown_again(tmp_path):
    hidden = ["Requests the Secretary-General to submit a report",
              Styled(" on small-scale fishers", ("w:vanish",)), ";"]
    read = read_docx_submission(_copy(tmp_path, hidden, document=_restyled("Quiet"),
                                      styles=_styled), DOCUMENT, delegation="EU")
    assert [a.old_text.strip() for a in read.amendments] == ["on small-scale fishers"]
    assert any("words of the draft formatted as hidden text ('on small-scale fishers') read "
               "as deleted" in w.message for w in read.warnings)
    shown = read_docx_submission(_copy(tmp_path, hidden, document=_restyled("Loud"),
                                       styles=_styled), DOCUMENT, delegation="EU")
    assert shown.amendments == () and not any("hidden" in w.message for w in shown.warnings)


def test_a_paragraph_style_hides_the_words_no_run_shows(tmp_path):
    paragraphs = house(ZERO, {"OP1": [
        Styled("Requests the Secretary-General to submit a report", ("w:vanish",)),
        " on small-scale fishers;"]})
    paragraphs = [Para(p.parts, p.label, "Aside" if p.label == "OP1" else p.style)
                  for p in paragraphs]
    path = write_docx(tmp_path / "copy.docx", paragraphs, styles=("Aside",))

    def shown(xml: str) -> str:  # the label, its tab and the first words shown again
        return xml.replace("<w:vanish/>", '<w:vanish w:val="0"/>').replace(
            '<w:b/></w:rPr><w:t xml:space="preserve">OP1</w:t></w:r><w:r><w:tab/>',
            '<w:b/><w:vanish w:val="false"/></w:rPr><w:t xml:space="preserve">OP1</w:t></w:r>'
            '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:tab/>')

    def hiding(xml: str) -> str:  # Aside is based on Hidden, which hides
        return _styled(xml).replace(
            '<w:name w:val="Aside"/>', '<w:name w:val="Aside"/><w:basedOn w:val="Hidden"/>'
        ).replace("</w:styles>", '<w:style w:type="paragraph" w:styleId="Hidden">'
                  '<w:name w:val="Hidden"/><w:rPr><w:vanish/></w:rPr></w:style></w:styles>')

    _edited(path, document=shown, styles=hiding)
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [(a.paragraph_id, a.old_text.strip()) for a in read.amendments] == [
        ("op1", "on small-scale fishers;")]
    assert any("formatted as hidden text ('on small-scale fishers;')" in w.message
               for w in read.warnings)


def test_words_a_character_style_strikes_through_read_as_deleted_by_hand(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a report",
                            Styled(" on small-scale fishers", ("w:vanish",)), ";"],
                 document=_restyled("Gone"), styles=_styled)
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.old_text.strip() for a in read.amendments] == ["on small-scale fishers"]
    assert any("marks its changes by hand" in w.message for w in read.warnings)


def _symbol(font: str, char: str) -> Callable[[str], str]:
    """The run of text "<sym>" made Word's Insert > Symbol of ``char`` in ``font``."""
    def edit(xml: str) -> str:
        return xml.replace('<w:t xml:space="preserve">&lt;sym&gt;</w:t>',
                           f'<w:sym w:font="{font}" w:char="{char}"/>')
    return edit


def test_a_symbol_font_sign_inserted_is_read_as_its_character(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a report",
                            ins(" (", Styled("<sym>", ()), "30 per cent)"),
                            " on small-scale fishers;"], document=_symbol("Symbol", "F0B3"))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text for a in read.amendments] == [" (\u226530 per cent)"]


def test_a_symbol_that_is_no_known_character_inserted_is_refused(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a report",
                            ins(" ", Styled("<sym>", ()), " urgently"),
                            " on small-scale fishers;"], document=_symbol("Wingdings", "F0E0"))
    with pytest.raises(ReaderError, match=r"in the paragraph beginning 'OP1 Requests the "
                       r"Secretary-General.*' inserts a symbol \(font Wingdings, character "
                       r"F0E0\), which cannot be read as text"):
        read_docx_submission(path, DOCUMENT, delegation="EU")


def _equation(xml: str) -> str:
    return xml.replace("<w:r><w:t xml:space=\"preserve\">&lt;math&gt;</w:t></w:r>",
                       f"<m:oMath {_MATH}><m:r><m:t>\u226530%</m:t></m:r></m:oMath>")


def test_an_equation_inserted_is_refused_and_the_drafts_own_is_named(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a report",
                            ins(" (", "<math>", ")"), " on small-scale fishers;"],
                 document=_equation)
    with pytest.raises(ReaderError, match=r"inserts an equation \('\u226530%'\), which cannot "
                       "be read as text"):
        read_docx_submission(path, DOCUMENT, delegation="EU")
    kept = _copy(tmp_path, ["Requests the Secretary-General to submit a report", "<math>",
                            " on small-scale fishers;"], document=_equation)
    read = read_docx_submission(kept, DOCUMENT, delegation="EU")
    assert read.amendments == ()
    assert any("an equation ('\u226530%') is not read" in w.message for w in read.warnings)


def test_the_import_reads_a_symbol_font_sign_as_the_copy_reader_does(tmp_path):
    path = _copy(tmp_path, ["Requests the Secretary-General to submit a report (",
                            Styled("<sym>", ()), "30 per cent) on small-scale fishers;"],
                 document=_symbol("Symbol", "F0B3"))
    read = read_docx_draft(path)
    assert "a report (\u226530 per cent) on" in read.paragraphs[2].text
    assert not any("symbol" in w.message for w in read.warnings)


def test_words_a_style_hides_in_the_draft_are_not_imported_and_its_copy_proposes_nothing(
        tmp_path):
    """The secretariat's draft hides a note through a character style: the import left
    the words in while the copy reader read them hidden, so the draft sent back unchanged
    proposed to delete them in the sender's name. Hidden by a style, as by the run's own
    properties, the words are no part of the text for both."""
    op1 = ["Requests the Secretary-General to submit a report on small-scale fishers",
           Styled(" [note: check with OLA]", ("w:vanish",)), ";"]
    draft = _edited(write_docx(tmp_path / "draft.docx", house(ZERO, {"OP1": op1})),
                    document=_restyled("Quiet"), styles=_styled)
    read = read_docx_draft(draft)
    assert "[note: check with OLA]" not in " ".join(p.text for p in read.paragraphs)
    assert any("hidden text in OP1 not imported" in w.message for w in read.warnings)
    document = read.to_document("A/C.2/81/L.7")
    copy = _edited(write_docx(tmp_path / "copy.docx", house(ZERO, {"OP1": op1})),
                   document=_restyled("Quiet"), styles=_styled)
    again = read_docx_submission(copy, document, delegation="EU")
    assert again.amendments == ()
    assert not any("hidden" in w.message for w in again.warnings)
