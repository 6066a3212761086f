"""Hidden and struck-through words through the styles (`drafting.ooxml.run_styles`),
resolved as Word resolves them: the run's own properties, its character style, its
paragraph's style, the document defaults; the nearest naming one decides."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafting.ooxml.run_styles import STRIKES, VANISH, run_styles

_STYLES = f"""<w:styles {nsdecls("w")}>
<w:docDefaults><w:rPrDefault><w:rPr><w:strike/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/>
  <w:rPr><w:strike w:val="off"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Loop"><w:name w:val="Loop"/><w:basedOn w:val="Back"/>
  </w:style>
<w:style w:type="character" w:styleId="Back"><w:name w:val="Back"/><w:basedOn w:val="Loop"/>
  <w:rPr><w:vanish/></w:rPr></w:style>
</w:styles>"""


def _paragraph(style: str | None, runs: str) -> object:
    styled = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return parse_xml(f"<w:p {nsdecls('w')}>{styled}{runs}</w:p>")


def test_the_nearest_level_naming_a_property_decides():
    styles = run_styles(parse_xml(_STYLES))
    assert styles is not None
    normal = _paragraph(None, '<w:r><w:t>a</w:t></w:r><w:r><w:rPr><w:strike w:val="0"/>'
                        '</w:rPr><w:t>b</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Loop"/>'
                        "</w:rPr><w:t>c</w:t></w:r>")
    given = styles.paragraph(normal)
    a, b, c = normal.iterchildren("{*}r")
    assert styles.on(a, given, STRIKES)  # the document defaults strike it
    assert not styles.on(b, given, STRIKES)  # the run turns it off
    assert styles.on(c, given, (VANISH,))  # a style based on one hiding (a loop: once)
    plain = _paragraph("Plain", "<w:r><w:t>d</w:t></w:r>")
    assert not styles.on(plain[1], styles.paragraph(plain), STRIKES)  # its style: off
    assert styles.touches(normal) and not styles.touches(plain)


def test_a_style_sheet_hiding_and_striking_nothing_is_not_resolved():
    assert run_styles(parse_xml(f'<w:styles {nsdecls("w")}><w:style w:type="paragraph" '
                                'w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
                                "</w:styles>")) is None
