"""The formatting a run shows through its character style (`CharacterForms`): the style's
over the styles it is based on, the run's own over the style's; a style the sheet lacks,
or a paragraph style, gives nothing; a loop of styles (a damaged file) ends."""

from lxml import etree

from drafting.model.marks import Style
from drafting.ooxml.character_form import CharacterForms

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES = (
    f'<w:styles xmlns:w="{W}">'
    '<w:style w:type="character" w:styleId="Emphasis"><w:rPr><w:i/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Term"><w:basedOn w:val="Emphasis"/>'
    '<w:rPr><w:u w:val="single"/><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Plain"><w:basedOn w:val="Term"/>'
    '<w:rPr><w:i w:val="0"/><w:u w:val="none"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Bolded"><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="A"><w:basedOn w:val="B"/>'
    '<w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="B"><w:basedOn w:val="A"/>'
    '<w:rPr><w:smallCaps/></w:rPr></w:style>'
    "</w:styles>")


def _run(properties: str) -> etree._Element:
    return etree.fromstring(f'<w:r xmlns:w="{W}"><w:rPr>{properties}</w:rPr>'
                            "<w:t>words</w:t></w:r>")


def _shown(properties: str) -> set[Style]:
    return set(CharacterForms(etree.fromstring(STYLES)).of(_run(properties)))


def test_a_style_shows_its_own_and_its_bases_formatting():
    assert _shown('<w:rStyle w:val="Emphasis"/>') == {Style.ITALIC}
    assert _shown('<w:rStyle w:val="Term"/>') == {
        Style.ITALIC, Style.UNDERLINE, Style.SUPERSCRIPT}
    assert _shown('<w:rStyle w:val="Plain"/>') == {Style.SUPERSCRIPT}  # turned off


def test_the_runs_own_properties_decide_over_its_style():
    assert _shown('<w:rStyle w:val="Term"/><w:i w:val="0"/><w:b/>') == {
        Style.UNDERLINE, Style.SUPERSCRIPT, Style.BOLD}


def test_unknown_and_paragraph_styles_give_nothing_and_a_loop_ends():
    assert _shown('<w:rStyle w:val="Missing"/>') == set()
    assert _shown('<w:rStyle w:val="Bolded"/>') == set()
    assert _shown('<w:rStyle w:val="A"/>') == {Style.BOLD, Style.SMALL_CAPS}
    assert CharacterForms(None).of(_run('<w:rStyle w:val="Emphasis"/><w:b/>')) == {
        Style.BOLD}
