"""A plain-text draft written one paragraph per line (Word's or LibreOffice's "Save as
text", Notepad, an e-mail) reads as the Word file it was saved from; a draft in the
documented form (paragraphs wrapped, blank lines between them) reads as before."""

from __future__ import annotations

import docx

from drafting.model import ParagraphKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.textfile import read_text

PP, OP, HEADING = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.HEADING

SAVED_AS_TEXT = [  # a GA draft with Roman-numbered headings, one Word paragraph a line
    "A/79/L.2",
    "Seventy-ninth session",
    "Agenda item 123",
    "Draft resolution submitted by the President of the General Assembly",
    "The Pact for the Future",
    "The General Assembly,",
    "Recalling its resolution 76/307 of 8 September 2022,",
    "Reaffirming the purposes and principles of the Charter of the United Nations,",
    "1.\tAdopts the Pact for the Future;",
    "I.\tSustainable development and financing for development",
    "2.\tDecides to take bold, ambitious and accelerated action [by 2030];",
    "3.\tCalls upon Member States:",
    "(a)\tTo scale up financing for development;",
    "(b)\tTo reform the international financial architecture;",
    "II.\tInternational peace and security",
    "4.\tDecides to remain seized of the matter.",
]


def _shape(result):
    return (result.front_matter, result.title, result.chapeau,
            [(p.label, p.kind, p.text) for p in result.paragraphs])


def _word(lines: list[str], path):
    """A Word file with one paragraph per line ("\\n" inside a line: a manual break)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_draft_saved_as_text_reads_one_paragraph_per_line():
    result = read_text("\n".join(SAVED_AS_TEXT) + "\n", name="pact.txt")
    assert result.front_matter == tuple(SAVED_AS_TEXT[:4])
    assert (result.title, result.chapeau) == ("The Pact for the Future", "The General Assembly,")
    assert [(p.label, p.kind, p.text) for p in result.paragraphs] == [
        ("PP1", PP, "Recalling its resolution 76/307 of 8 September 2022,"),
        ("PP2", PP, "Reaffirming the purposes and principles of the Charter of the United "
                    "Nations,"),
        ("OP1", OP, "Adopts the Pact for the Future;"),
        ("H1", HEADING, "I.\tSustainable development and financing for development"),
        ("OP2", OP, "Decides to take bold, ambitious and accelerated action [by 2030];"),
        ("OP3", OP, "Calls upon Member States:\n(a)\tTo scale up financing for development;"
                    "\n(b)\tTo reform the international financial architecture;"),
        ("H2", HEADING, "II.\tInternational peace and security"),
        ("OP4", OP, "Decides to remain seized of the matter."),
    ]
    assert result.warnings == ()


def test_a_draft_saved_as_text_reads_as_the_word_file_it_was_saved_from(tmp_path):
    text = read_text("\r\n".join(SAVED_AS_TEXT), name="pact.txt")  # Notepad's line ends
    word = read_docx_draft(_word(SAVED_AS_TEXT, tmp_path / "pact.docx"))
    assert _shape(text) == _shape(word)


def test_a_manual_line_break_continues_its_paragraph_as_in_word(tmp_path):
    lines = [
        "Human Rights Council",
        "Fifty-eighth session",
        "Austria, Brazil, Mexico and Portugal: draft resolution",
        "58/…\tThe right to education",
        "The Human Rights Council,",
        "Reaffirming the right of everyone to education,",
        "Noting with concern that 250 million children are out of school,",
        "1.\tUrges all States to give full effect to the right to education by, inter alia:",
        "(a)\tEnsuring free, equitable and inclusive quality primary and secondary education;",
        "(b)\tAddressing the “digital divide” and the specific needs of girls;",
        "2.\tCalls upon States to eliminate discrimination in education,\n"
        "including on the basis of disability;",
        "3.\tDecides to continue its consideration of this question.",
    ]
    text = read_text("\n".join(lines) + "\n", name="lo.txt")
    assert text.paragraphs[3].text == ("Calls upon States to eliminate discrimination in "
                                       "education,\nincluding on the basis of disability;")
    assert _shape(text) == _shape(read_docx_draft(_word(lines, tmp_path / "lo.docx")))


def test_russian_paragraphs_that_open_in_small_letters_are_paragraphs_of_their_own():
    text = ("Генеральная Ассамблея,\n"
            "ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,\n"
            "вновь подтверждая Устав Организации Объединенных Наций,\n"
            "1.\tпостановляет созвать совещание [в 2027 году];\n"
            "2.\tпросит Генерального секретаря представить доклад.\n")
    result = read_text(text, name="ru.txt")
    assert result.chapeau == "Генеральная Ассамблея,"
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года,"),
        ("PP2", "вновь подтверждая Устав Организации Объединенных Наций,"),
        ("OP1", "постановляет созвать совещание [в 2027 году];"),
        ("OP2", "просит Генерального секретаря представить доклад.")]


WRAPPED = """\
The General Assembly,

Recalling General Assembly resolutions 68/167 of 18 December 2013,
Human Rights Council resolutions 28/16 of 26 March 2015 and 54/21 of
12 October 2023,

Reaffirming the Universal Declaration of Human Rights, and recalling the
International Covenant on Civil and Political Rights,

1. Calls upon all States:
(a) To respect and protect the right to privacy;
(b) To review their procedures, practices and legislation;

2. Decides to remain seized of the matter.
"""


def test_paragraphs_wrapped_and_separated_by_blank_lines_read_as_before():
    result = read_text(WRAPPED, name="wrapped.txt")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling General Assembly resolutions 68/167 of 18 December 2013, Human "
                "Rights Council resolutions 28/16 of 26 March 2015 and 54/21 of 12 October "
                "2023,"),
        ("PP2", "Reaffirming the Universal Declaration of Human Rights, and recalling the "
                "International Covenant on Civil and Political Rights,"),
        ("OP1", "Calls upon all States:\n(a) To respect and protect the right to privacy;\n"
                "(b) To review their procedures, practices and legislation;"),
        ("OP2", "Decides to remain seized of the matter.")]
    assert result.warnings == ()


def test_wrapped_paragraphs_without_blank_lines_between_them_are_joined_with_a_warning():
    text = ("The General Assembly,\n\n"
            "1. Takes note of the report of the Secretary-General on international\n"
            "trade and development;\n"
            "2. Reaffirms that international trade is an engine for inclusive\n"
            "economic growth and poverty eradication, and that a universal,\n"
            "rules-based, open and non-discriminatory trading system is essential;\n")
    result = read_text(text, name="pasted.txt")
    assert [p.label for p in result.paragraphs] == ["OP1"]  # nothing is split by guess
    assert [str(w) for w in result.warnings] == [
        'pasted.txt, line 5: read as part of the paragraph above (line 3), as no blank line '
        'stands between them, though it opens like a paragraph of its own ("2. Reaffirms '
        'that international trade is..."); if it is one, put a blank line before it']


def test_paragraphs_with_line_breaks_written_back_as_text_keep_their_labels():
    """Two paragraphs holding a line break (Word's manual one) before a capital, among
    paragraphs separated by blank lines: the text is not read one paragraph per line."""
    lines = ["The General Assembly,", "Recalling its resolution 70/1,",
             "1.\tAdopts the following declaration:\nThe Heads of State reaffirm;",
             "2.\tDecides as follows:\nThe Council shall meet annually;",
             "3.\tRequests a report;", "4.\tDecides to remain seized of the matter."]
    result = read_text("\n\n".join(lines) + "\n", name="written.txt")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"),
        ("OP1", "Adopts the following declaration: The Heads of State reaffirm;"),
        ("OP2", "Decides as follows: The Council shall meet annually;"),
        ("OP3", "Requests a report;"), ("OP4", "Decides to remain seized of the matter.")]
