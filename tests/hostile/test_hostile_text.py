"""Hostile and unusual text: brackets that do not pair, characters that are not text,
right-to-left Arabic, Chinese without spaces, combining accents, very long paragraphs.

What is refused is refused with the file, the line or paragraph and the character
position, and leaves the store as it was; what is accepted goes through the store
and every compilation format unchanged.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import docx
import pytest
from corpus import DRAFT, SYMBOL, draft_body, fingerprint, refused_line, run_cli, word_file

from drafting import brackets
from drafting.engine import Proposal, draft_amendment
from drafting.errors import LimitError, ReaderError, TextNotFound
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.readers import read_docx_submission, read_draft, read_text
from drafting.store import open_store


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def submission(path: Path, symbol: str, *amendments: dict, delegation: str = "EU") -> Path:
    data = {"document": symbol, "delegation": delegation, "amendments": list(amendments)}
    return write(path, json.dumps(data, ensure_ascii=False))


# Unbalanced brackets


@pytest.mark.parametrize(("paragraph", "message"), [
    ("OP2 Decides [to act;", "line 5 (OP2, character 8): unbalanced bracket: '[' is never closed"),
    ("OP2 Decides] to act;",
     "line 5 (OP2, character 7): unbalanced bracket: ']' has no opening '['"),
    ("OP2 Decides [to [act / do];",
     "line 5 (OP2, character 8): unbalanced bracket: '[' is never closed"),
])
def test_unbalanced_brackets_are_read_as_written_and_named_and_strict_refuses(
        paragraph, message, tmp_path, negotiation, capsys):
    path = write(tmp_path / "draft.md", f"# T\n\nOP1 Requests a report;\n\n{paragraph}\n")
    result = read_draft(path)
    assert result.paragraphs[-1].text == paragraph[4:]  # kept exactly as written
    [warning] = result.warnings
    assert str(warning).startswith(f"{path}, {message}")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "import", str(path), "--doc", "NEW/1", "--db", negotiation,
                      "--strict")
    assert outcome.code != 0 and "--strict" in outcome.err
    assert fingerprint(negotiation) == before
    imported = run_cli(capsys, "import", str(path), "--doc", "NEW/1", "--db", negotiation)
    assert imported.code == 0 and message in imported.err


def test_unbalanced_brackets_in_a_word_draft_name_the_paragraph(tmp_path):
    path = word_file(tmp_path / "draft.docx", draft_body("OP1 Decides;", "OP2 Urges [States;"))
    [warning] = read_draft(path).warnings
    assert "paragraph 2 (OP2, character 6): unbalanced bracket: '[' is never" in str(warning)


def test_an_amendment_that_unbalances_brackets_is_refused(tmp_path, negotiation, capsys):
    path = submission(tmp_path / "eu.json", SYMBOL,
                      {"paragraph": "OP1", "replace": "submit", "with": "[present"})
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {path}: 1 problem; nothing was recorded"
    assert f"{path}, amendment 1 (OP1): " in outcome.err
    assert "bracket" in outcome.err
    assert fingerprint(negotiation) == before


# Characters that are not text

CONTROLS = [
    ("\x00", "U+0000 (NUL)"), ("\x07", "U+0007 (BELL)"), ("\x1b", "U+001B (ESCAPE)"),
    ("\x0b", "U+000B (VERTICAL TAB)"), ("\x0c", "U+000C (FORM FEED)"),
    ("\x7f", "U+007F (DELETE)"), ("\x85", "U+0085 (NEXT LINE)"),
    ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"), ("\u202d", "U+202D (LEFT-TO-RIGHT OVERRIDE)"),
    ("\u202b", "U+202B (RIGHT-TO-LEFT EMBEDDING)"),
    ("\u202c", "U+202C (POP DIRECTIONAL FORMATTING)"),
    ("\u2067", "U+2067 (RIGHT-TO-LEFT ISOLATE)"), ("\u2069", "U+2069 (POP DIRECTIONAL ISOLATE)"),
    ("\U000e0041", "U+E0041 (TAG LATIN CAPITAL LETTER A)"),
]


@pytest.mark.parametrize(("char", "name"), CONTROLS, ids=[n for _, n in CONTROLS])
def test_a_control_character_in_a_draft_is_refused_with_its_place(char, name, tmp_path,
                                                                   negotiation, capsys):
    path = write(tmp_path / "draft.md", f"# T\n\nOP1 Requests a{char} report;\n")
    message = f"{path}, line 3, character 14: {name} "
    with pytest.raises(ReaderError) as caught:
        read_draft(path)
    assert str(caught.value).startswith(message)
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "import", str(path), "--doc", "NEW/1", "--db", negotiation)
    assert refused_line(outcome).startswith(f"drafting: {message}")
    assert char not in outcome.err  # shown as an escape or "?", never sent to the terminal
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize(("char", "name"), CONTROLS[:3] + CONTROLS[-2:],
                         ids=[n for _, n in CONTROLS[:3] + CONTROLS[-2:]])
def test_a_control_character_in_an_amendment_is_refused_with_its_field(char, name, tmp_path,
                                                                        negotiation, capsys):
    path = submission(tmp_path / "eu.json", SYMBOL,
                      {"paragraph": "OP2", "delete": "provisional"},
                      {"paragraph": "OP1", "replace": "submit", "with": f"pre{char}sent"})
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {path}: 1 problem; nothing was recorded"
    assert f"{path}, amendment 2 (OP1): 'with', character 3: {name} " in outcome.err
    assert char not in outcome.err
    assert fingerprint(negotiation) == before


def test_tabs_and_windows_line_ends_are_text(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"# T\r\n\r\nOP1 Requests\ta report:\r\n(a) On fish;\r\n")
    [op1] = read_draft(path).paragraphs
    assert op1.text == "Requests\ta report:\n(a) On fish;"


# Right-to-left Arabic, Chinese without spaces: through store and every output

ARABIC = "يطلب إلى الأمين العام أن يقدم تقريرا [في حدود الموارد المتاحة]؛"
CHINESE = "请秘书长向大会提交关于小规模渔业的报告[，在现有资源范围内]；"


@pytest.fixture
def scripts(tmp_path, negotiation, capsys) -> str:
    """A store holding document SCRIPTS/1 (Arabic OP1, Chinese OP2) with one EU
    amendment in each paragraph."""
    draft = write(tmp_path / "scripts.md", f"# نص / 文本\n\nOP1 {ARABIC}\n\nOP2 {CHINESE}\n")
    assert run_cli(capsys, "import", str(draft), "--doc", "SCRIPTS/1", "--db",
                   negotiation).code == 0
    path = submission(tmp_path / "eu.json", "SCRIPTS/1",
                      {"paragraph": "OP1", "replace": "تقريرا", "with": "بيانا"},
                      {"paragraph": "OP2", "replace": "提交", "with": "提出"})
    outcome = run_cli(capsys, "submit", "SCRIPTS/1", str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    return negotiation


def test_arabic_and_chinese_are_stored_exactly(scripts):
    with open_store(scripts) as store:
        document = store.document("SCRIPTS/1")
        amendments = store.amendments("SCRIPTS/1")
    assert document.title == "نص / 文本"
    assert [p.text for p in document.current] == [ARABIC, CHINESE]
    arabic, chinese = amendments
    assert ARABIC[arabic.span.start:arabic.span.end] == "تقريرا"
    # no spaces in Chinese: each character is a word, so the span is exactly the two
    assert (chinese.span.start, chinese.span.end) == (CHINESE.index("提交"),
                                                      CHINESE.index("提交") + 2)


def test_arabic_and_chinese_compile_unchanged_in_every_format(scripts, tmp_path, capsys):
    outputs = {}
    for suffix in ("md", "html", "txt", "docx"):
        out = tmp_path / f"compilation.{suffix}"
        assert run_cli(capsys, "compile", "SCRIPTS/1", "-o", str(out), "--db", scripts).code == 0
        outputs[suffix] = out
    markdown = outputs["md"].read_text(encoding="utf-8")
    # the credit in an Arabic line isolated (U+2068 ... U+2069), kept whole and in order
    assert "يطلب إلى الأمين العام أن يقدم ~~تقريرا~~ **بيانا** \u2068(EU)\u2069" in markdown
    assert "请秘书长向大会~~提交~~ **提出** (EU)关于小规模渔业的报告" in markdown
    html = outputs["html"].read_text(encoding="utf-8")
    assert ('<p dir="auto">يطلب إلى الأمين العام أن يقدم <del>تقريرا</del> <ins>بيانا</ins>'
            in html)  # dir="auto": the browser lays each paragraph out by its own script
    assert "<del>提交</del> <ins>提出</ins>" in html
    word = "\n".join(p.text for p in docx.Document(str(outputs["docx"])).paragraphs)
    assert "بيانا" in word and "提出" in word
    assert "في حدود الموارد المتاحة" in word and "在现有资源范围内" in word


def test_a_chinese_bracket_with_a_bare_slash_is_one_choice():
    [group] = brackets.groups("请秘书长[提交/提出]报告；")
    assert group.alternatives == ("提交", "提出")
    assert brackets.count("A/RES/70/1 [submit / present]") == 1


# Combining characters: text is kept composed (NFC)

COMPOSED = "Réaffirme le rôle de la Côte d'Ivoire;"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_a_decomposed_draft_is_stored_composed_with_a_warning(tmp_path, negotiation, capsys):
    path = write(tmp_path / "draft.md", f"# T\n\nOP1 {DECOMPOSED}\n")
    assert DECOMPOSED != COMPOSED
    result = read_draft(path)
    assert result.paragraphs[0].text == COMPOSED
    assert any("line 3" in str(w) and "NFC" in str(w) for w in result.warnings)
    outcome = run_cli(capsys, "import", str(path), "--doc", "FR/1", "--db", negotiation)
    assert outcome.code == 0 and "NFC" in outcome.err
    for quoted in (COMPOSED[:9], DECOMPOSED[:11]):  # "Réaffirme" in either form
        path = submission(tmp_path / "eu.json", "FR/1",
                          {"paragraph": "OP1", "replace": quoted, "with": "Rappelle"})
        outcome = run_cli(capsys, "submit", "FR/1", str(path), "--dry-run", "--db", negotiation)
        assert outcome.code == 0, outcome.err
        assert "replace 'Réaffirme' -> 'Rappelle'" in unicodedata.normalize("NFC", outcome.out)


def test_a_submitted_character_unicode_replaces_is_named_in_a_warning(
        tmp_path, negotiation, capsys):
    """The Kelvin sign is stored as K, a CJK compatibility ideograph as its unified form:
    the delegation is told which character became which, amendment by amendment."""
    path = write(tmp_path / "draft.md", "# T\n\nOP1 Keeps warming below 1.5 degrees;\n")
    assert run_cli(capsys, "import", str(path), "--doc", "KV/1", "--db", negotiation).code == 0
    path = submission(tmp_path / "eu.json", "KV/1",
                      {"paragraph": "OP1", "replace": "1.5 degrees", "with": "273 \u212a"},
                      {"paragraph": "OP1", "insert": " (\uf900)", "after": "warming"})
    outcome = run_cli(capsys, "submit", "KV/1", str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    assert "amendment 1 (OP1), with: " in outcome.err
    assert "U+212A (KELVIN SIGN) was stored as U+004B (LATIN CAPITAL LETTER K)" in outcome.err
    assert "amendment 2 (OP1), insert: " in outcome.err and "U+F900" in outcome.err
    listed = run_cli(capsys, "amendments", "KV/1", "--json", "--db", negotiation)
    assert "273 K" in listed.out and "\u212a" not in listed.out


def test_a_draft_character_unicode_replaces_is_named_not_called_an_accent(tmp_path):
    path = write(tmp_path / "draft.md", "# T\n\nOP1 A resistance of 5 \u2126;\n")
    result = read_draft(path)
    assert result.paragraphs[0].text == "A resistance of 5 \u03a9;"
    [warning] = result.warnings
    assert "line 3: " in str(warning) and "U+2126 (OHM SIGN) was stored as U+03A9" in str(warning)
    assert "accents" not in str(warning)


def test_a_word_draft_is_read_composed(tmp_path):
    path = word_file(tmp_path / "fr.docx", draft_body(f"OP1 {DECOMPOSED}"))
    result = read_draft(path)
    assert result.paragraphs[0].text == COMPOSED
    assert any("NFC" in str(w) for w in result.warnings)


def test_text_stored_decomposed_by_the_library_fails_clearly_when_quoted_composed():
    """Readers always store NFC; text put in by hand through the library may not be.
    Then a composed quotation does not match, and the message says why."""
    revision = Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, DECOMPOSED),))
    document = Document("FR/2", "", (revision,))
    with pytest.raises(TextNotFound, match="accents encoded another way"):
        draft_amendment(document.current, Proposal("OP1", replace="Réaffirme", with_="x"),
                        id="EU-1", proponents=["EU"])


# Extremely long paragraphs


def test_a_paragraph_as_long_as_allowed_is_read_and_its_brackets_found():
    end = " [at once / in time];"
    room = MAX_PARAGRAPH_CHARS - len(f"OP1 Decides {end}")  # the label counts too
    words = " ".join(f"clause{n}" for n in range(15_000))[:room]
    [op1] = read_text(f"OP1 Decides {words}{end}").paragraphs
    assert len(f"OP1 {op1.text}") == MAX_PARAGRAPH_CHARS
    [group] = brackets.groups(op1.text)
    assert group.alternatives == ("at once", "in time")
    assert op1.text[group.start:group.end] == "[at once / in time]"


def test_an_extremely_long_paragraph_is_refused_by_the_reader_but_not_by_the_brackets():
    """Past the input limit a reader refuses the paragraph; the bracket language itself
    still reads a text of megabytes."""
    words = " ".join(f"clause{n}" for n in range(150_000))  # about 1.5 MB
    text = f"OP1 Decides {words} [at once / in time];"
    with pytest.raises(LimitError, match=r"^<text>, line 1 \(OP1\): the paragraph has "
                       rf"{len(text):,} characters, more than the 100,000 "):
        read_text(text)
    [group] = brackets.groups(text)
    assert group.alternatives == ("at once", "in time")
    assert text[group.start:group.end] == "[at once / in time]"


def test_warnings_quoting_a_file_show_control_characters_escaped(tmp_path):
    """A table is not read but quoted in a warning: what it quotes cannot drive a terminal."""
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>evil \u202e\u0085 text</w:t></w:r></w:p>'
             "</w:tc></w:tr></w:tbl>")
    document = read_text(DRAFT).to_document(SYMBOL)
    texts = [f"{p.label}\t{p.text}" for p in document.current]
    body = draft_body(*(t.replace("submit", "present") for t in texts)) + table
    read = read_docx_submission(word_file(tmp_path / "eu.docx", body), document,
                                delegation="EU")
    assert [(a.old_text, a.new_text) for a in read.amendments] == [("submit", "present")]
    [warning] = [str(w) for w in read.warnings if "table" in str(w)]
    assert "\\u202e" in warning and "\u202e" not in warning


@pytest.mark.parametrize("invisible", ["", "\u200b"], ids=["plain", "zero-width space"])
def test_a_long_quote_that_is_nowhere_is_refused_at_once(invisible):
    """A quote of 30,000 characters that almost matches a paragraph of 100,000 (a
    proposal's own text can be made so, then sub-amended) is refused in well under a
    second: looking for a near match took five seconds a quote, and a submission may
    hold thousands of quotes."""
    import time

    text = "a" * (MAX_PARAGRAPH_CHARS - 1) + invisible
    revision = Revision("Zero draft", (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE,
                                                  text),))
    started = time.perf_counter()
    with pytest.raises(TextNotFound, match="does not occur"):
        draft_amendment(revision, Proposal("OP1", delete="a" * 30_000 + "b"),
                        id="A1", proponents="EU")
    assert time.perf_counter() - started < 2.0  # it was 5 s
