"""Paragraphs of plain runs are read in one pass over their parent (`runs.plain_paragraphs`):
the reading must be the walk's own, whatever else the paragraphs hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafting.ooxml import runs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DATE = 'w:author="A" w:date="2026-01-02T03:04:05Z"'

FRAGMENTS = {
    "text": '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Recalling its </w:t></w:r>',
    "tab": "<w:r><w:tab/></w:r>",
    "break": "<w:r><w:t>a</w:t><w:br/><w:cr/><w:noBreakHyphen/><w:ptab/></w:r>",
    "empty": "<w:r><w:t/></w:r>",
    "hidden": "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>",
    "shown": '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown</w:t></w:r>',
    "inserted": f'<w:ins w:id="1" {_DATE}><w:r><w:t>new</w:t></w:r></w:ins>',
    "deleted": f'<w:del w:id="2" {_DATE}><w:r><w:delText>old</w:delText></w:r></w:del>',
    "loose deleted text": "<w:r><w:delText>stray</w:delText></w:r>",
    "field begins": '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>code</w:t></w:r>",
    "field separates": '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    "field ends": '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    "comment opens": '<w:commentRangeStart w:id="7"/>',
    "comment closes": '<w:commentRangeEnd w:id="7"/>',
    "comment reference": '<w:r><w:commentReference w:id="8"/></w:r>',
    "hyperlink": '<w:hyperlink w:anchor="x"><w:r><w:t>link</w:t></w:r></w:hyperlink>',
    "content control": "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>control</w:t></w:r>"
                       "</w:sdtContent></w:sdt>",
    "text box": '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                "<w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent>"
                "</v:textbox></v:shape></w:pict></w:r>",
    "unknown wrapper": '<w:foo><w:r><w:t>skipped</w:t></w:r></w:foo>',
    "bookmark": '<w:bookmarkStart w:id="3" w:name="b"/><w:bookmarkEnd w:id="3"/>',
    "symbol": '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>',
    "struck": "<w:r><w:rPr><w:strike/></w:rPr><w:t>struck</w:t></w:r>",
}
PROPERTIES = {
    "none": "",
    "tab stops": '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>',
    "inserted mark": f'<w:pPr><w:rPr><w:ins w:id="4" {_DATE}/></w:rPr></w:pPr>',
    "deleted mark": f'<w:pPr><w:rPr><w:del w:id="5" {_DATE}/></w:rPr></w:pPr>',
    "hidden mark": "<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>",
}
paragraph = st.tuples(st.sampled_from(sorted(PROPERTIES)),
                      st.lists(st.sampled_from(sorted(FRAGMENTS)), max_size=6))
between = st.sampled_from(["", FRAGMENTS["comment opens"], FRAGMENTS["comment closes"],
                           "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p>"
                           "</w:tc></w:tr></w:tbl>"])


def _body(paragraphs: list[tuple[tuple[str, list[str]], str]]) -> etree._Element:
    xml = "".join(f"<w:p>{PROPERTIES[properties]}{''.join(FRAGMENTS[f] for f in parts)}"
                  f"</w:p>{after}" for (properties, parts), after in paragraphs)
    return etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')


def _walked(paragraphs: list[etree._Element]) -> list[runs.ParagraphRead]:
    """Every paragraph read run by run, as before the one pass."""
    walker = runs._Walker()
    return [walker.paragraph(p) for p in paragraphs]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(paragraph, between), min_size=1, max_size=6))
def test_the_one_pass_reads_every_paragraph_as_the_walk_does(paragraphs):
    body = _body(paragraphs)
    found = [p for p in runs.body_blocks(body) if not runs.is_table(p)]
    assert runs.read_paragraphs(found) == _walked(found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(paragraph, between), min_size=1, max_size=6), st.booleans())
def test_the_body_read_once_reads_every_paragraph_as_a_reading_of_its_own(paragraphs,
                                                                          struck):
    """The body's plain paragraphs, read once (`plain_reads`) and given to each reading of
    it (a copy's identity check, then its reader), read every paragraph, in the body, a
    table or a text box, as a reading that finds them itself does: struck words too."""
    body = _body(paragraphs)
    found = list(body.iter(f"{{{W}}}p"))
    once = runs.plain_reads(body)
    assert runs.read_paragraphs(found, struck=struck, plain=once) == \
        runs.read_paragraphs(found, struck=struck)
    assert runs.read_paragraphs(found[::2], plain=once) == _walked(found[::2])


def test_plain_runs_are_taken_in_one_pass_and_nothing_else_is():
    body = _body([(("tab stops", ["text", "tab", "hyperlink", "content control"]), ""),
                  (("none", ["text", "inserted"]), ""),
                  (("none", ["text", "text box"]), ""),
                  (("inserted mark", ["text"]), ""),
                  (("none", ["hidden"]), "")])
    first, inserted, boxed, marked, hidden = runs.body_blocks(body)
    plain = runs.plain_paragraphs(body)
    box = next(boxed.iter(f"{{{W}}}txbxContent")).find(f"{{{W}}}p")
    assert plain == {first: "Recalling its \tlinkcontrol",
                     boxed: "Recalling its ",  # a text box's text is not its own
                     box: "boxed"}
    assert runs.read_paragraphs([first])[0].pieces == (runs.RunPiece(plain[first]),)
    assert runs.read_paragraphs([inserted])[0].proposed == "Recalling its new"
    assert runs.read_paragraphs([marked])[0].mark.state == runs.INSERTED
    assert runs.read_paragraphs([hidden])[0].pieces == ()


def test_plain_reads_remembered_by_text_read_as_the_walk_does():
    """A plain paragraph's read is remembered by its text (the copies of one draft hold
    the same paragraphs): a paragraph of another file, or of the same one, with that text
    is read as its own walk reads it, whatever was read before; a text read before that
    is no longer plain (a change in it) is walked; forgotten, all are read anew alike."""
    runs.forget_plain_reads()
    first = _body([(("none", ["text", "tab"]), ""), (("none", ["text"]), "")])
    runs.plain_reads(first)  # remembered: "Recalling its \t", "Recalling its "
    second = _body([(("tab stops", ["text"]), ""), (("none", ["text", "tab"]), ""),
                    (("none", ["text", "inserted"]), ""), (("none", ["break"]), ""),
                    (("none", ["text", "tab"]), "")])
    found = list(second.iter(f"{{{W}}}p"))
    remembered = runs.read_paragraphs(found, plain=runs.plain_reads(second))
    assert remembered == _walked(found)
    assert remembered[1] is remembered[4]  # one text, one read
    assert remembered[2].proposed == "Recalling its new"
    runs.forget_plain_reads()
    assert runs.read_paragraphs(found, plain=runs.plain_reads(second)) == remembered
    long = "x" * 2001  # too long to remember: read each time, alike
    body = etree.fromstring(f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>{long}</w:t></w:r></w:p>'
                            "</w:body>")
    assert list(runs.plain_reads(body).values()) == [runs._plain_read(long)]
    assert long not in runs._plain_memo
