"""Character styles each based on the next, thousands deep, in a Word draft or copy.

Each run's style was followed to the end of its chain on its own: 1,000 styles with a
run in each took 4 s to read, 3,000 some 30 s, and a 1 MB file of 8,000 had `import`
and `submit` run for minutes. Each style is now resolved once (`drafting.ooxml.
style_chains`), and what the farthest style sets still reaches every run.
"""

from __future__ import annotations

import time

from corpus import DRAFT, SYMBOL, document_xml, package_parts, paragraph, write_package

from drafting.model.marks import Mark, Style
from drafting.readers import read_docx_submission, read_draft, read_text

DEEP = 3000
SECONDS = 5.0  # about 0.1 s here; some 30 s before


def _deep_styles(parts: dict[str, bytes], farthest: str) -> None:
    """Add character styles c0 ... c{DEEP}, each based on the next; the last sets
    ``farthest`` (run properties)."""
    chain = "".join(f'<w:style w:type="character" w:styleId="c{i}"><w:name w:val="c{i}"/>'
                    f'<w:basedOn w:val="c{i + 1}"/></w:style>' for i in range(DEEP))
    chain += (f'<w:style w:type="character" w:styleId="c{DEEP}"><w:name w:val="c{DEEP}"/>'
              f"<w:rPr>{farthest}</w:rPr></w:style>")
    styles = parts["word/styles.xml"].decode()
    parts["word/styles.xml"] = styles.replace("</w:styles>", f"{chain}</w:styles>").encode()


def _runs() -> str:
    """A run in each style of the chain: " w0" in c0, " w1" in c1 ..."""
    return "".join(f'<w:r><w:rPr><w:rStyle w:val="c{i}"/></w:rPr>'
                   f'<w:t xml:space="preserve"> w{i}</w:t></w:r>' for i in range(DEEP))


def test_a_draft_styled_thousands_deep_is_read_at_once_with_its_marks(tmp_path):
    parts = package_parts()
    _deep_styles(parts, "<w:i/>")
    parts["word/document.xml"] = document_xml(
        paragraph("PP1 Recalling its resolution 70/1,")
        + f'<w:p><w:r><w:t xml:space="preserve">OP1 Decides to act</w:t></w:r>{_runs()}'
        "<w:r><w:t>;</w:t></w:r></w:p>")
    path = write_package(tmp_path / "deep.docx", parts)
    started = time.perf_counter()
    read = read_draft(path)
    assert time.perf_counter() - started < SECONDS
    op1 = read.paragraphs[-1]
    words = "".join(f" w{i}" for i in range(DEEP))
    assert op1.text == f"Decides to act{words};"
    # the farthest style's italic reaches every run in the chain, and nothing else
    assert op1.marks == (Mark(len("Decides to act"), len(f"Decides to act{words}"),
                              Style.ITALIC),)


def test_a_copy_hiding_words_thousands_of_styles_deep_is_read_at_once(tmp_path):
    parts = package_parts()
    _deep_styles(parts, "<w:vanish/>")
    inserted = (f'<w:ins w:id="1" w:author="Anna Schmidt (EU)">{_runs()}'
                '<w:r><w:t xml:space="preserve"> in full</w:t></w:r></w:ins>')
    parts["word/document.xml"] = document_xml(
        paragraph("PP1 Recalling its resolution 70/1 of 25 September 2015,")
        + '<w:p><w:r><w:t xml:space="preserve">OP1 Requests the Secretary-General to '
        f"submit a report</w:t></w:r>{inserted}"
        '<w:r><w:t xml:space="preserve"> [within existing resources];</w:t></w:r></w:p>'
        + paragraph("OP2 Decides to include the item in its provisional agenda;"))
    path = write_package(tmp_path / "deep-copy.docx", parts)
    document = read_text(DRAFT).to_document(SYMBOL)
    started = time.perf_counter()
    read = read_docx_submission(path, document, delegation="EU")
    assert time.perf_counter() - started < SECONDS
    # the words the chain's farthest style hides are not proposed; the others are
    assert [(a.old_text, a.new_text) for a in read.amendments] == [("report", " in full")]
    assert any("hidden text ('w0 w1 w2 w3" in w.message for w in read.warnings)
