"""A Word package naming its style sheet or numbering outside the file: `import` and
`submit` refuse it in one line that names the file and what is wrong (it was an internal
error, exit 2, from python-docx), and the store is unchanged."""

from __future__ import annotations

import pytest
from corpus import (
    MAIN,
    SYMBOL,
    document_xml,
    draft_body,
    fingerprint,
    package_parts,
    refused_line,
    run_cli,
    write_package,
)

RELS = "word/_rels/document.xml.rels"


@pytest.mark.parametrize("kind", ["styles", "numbering"])
def test_a_part_named_outside_the_file_is_refused_in_one_line(kind, tmp_path, negotiation,
                                                             capsys):
    parts = package_parts()
    parts[MAIN] = document_xml(draft_body(
        "OP1 Requests the Secretary-General to present a report [within existing resources];"))
    parts[RELS] = parts[RELS].replace(f'Target="{kind}.xml"'.encode(), (
        f'Target="http://127.0.0.1:9/{kind}.xml" TargetMode="External"').encode())
    path = write_package(tmp_path / f"outside-{kind}.docx", parts)
    said = (f"drafting: {path}: part word/document.xml names its {kind} part outside the file "
            f"('http://127.0.0.1:9/{kind}.xml', relationship ")
    before = fingerprint(negotiation)
    for command in (("submit", SYMBOL, str(path), "--delegation", "EU", "--yes"),
                    ("import", str(path), "--doc", "A/C.2/81/L.9")):
        line = refused_line(run_cli(capsys, *command, "--db", negotiation))
        assert line.startswith(said), line
        assert line.endswith("open it in Word and save it as a .docx document")
    assert fingerprint(negotiation) == before
