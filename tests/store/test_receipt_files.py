"""Receipts as people keep them: one on the command line, or a file of them (the lines
commands print, SEQ:HASH lines, --json outputs, an export)."""

from __future__ import annotations

import json

import pytest

from drafting.errors import InputError
from drafting.store import Receipt
from drafting.store.receipts import parse_receipt, read_anchors

H1, H2, H3 = "3211d1dd" * 8, "ab" * 32, "0f" * 32


@pytest.mark.parametrize("text", [f"42:{H1}", f"#42 {H1}", f"#42:{H1}", f"receipt: #42 {H1}",
                                  f"  head: #42 {H1}  ", f"42:{H1.upper()}"])
def test_one_receipt_in_any_of_its_written_forms(text):
    assert parse_receipt(text) == Receipt(42, H1)


@pytest.mark.parametrize("text", ["42", f"42:{H1[:-1]}", f"x42:{H1}", f"#42 {H1}0", "", "#-1 "
                                  + H1])
def test_what_is_not_a_receipt_is_refused_saying_how_to_write_one(text):
    with pytest.raises(InputError, match="is not a receipt: write it as 42:<64 hex digits>"):
        parse_receipt(text)


def test_a_file_of_printed_lines_gives_every_receipt_once(tmp_path):
    kept = tmp_path / "receipts.txt"
    kept.write_text("\n".join([
        "recorded 1 amendment: A5",
        f"receipt: #7 {H1}",
        "eu.json: recorded 3 amendments: A6, A7, A8",
        f"eu.json: receipt: #8 {H2}",
        f"9:{H3}",
        "",
        f"receipt: #7 {H1}",  # kept twice
        f"wrote l7.json: 2 revision(s), 9 amendment(s), 12 event(s); head: #12 {H3}",
    ]) + "\n", encoding="utf-8")
    assert read_anchors(kept) == [Receipt(7, H1), Receipt(8, H2), Receipt(9, H3),
                                  Receipt(12, H3)]


def test_json_outputs_one_after_another_and_an_export(tmp_path):
    outputs = tmp_path / "receipts.json"
    outputs.write_text(json.dumps({"recorded": ["A1"], "receipt": {"seq": 3, "hash": H1}},
                                  indent=2) + "\n" + json.dumps({"seq": 5, "hash": H2}) + "\n",
                       encoding="utf-8")
    assert read_anchors(outputs) == [Receipt(3, H1), Receipt(5, H2)]
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"format": "drafting export", "events": [
        {"seq": 1, "kind": "import", "hash": H1}, {"seq": 4, "kind": "submit", "hash": H2}],
        "head": {"seq": 6, "hash": H3}}), encoding="utf-8")
    assert read_anchors(export) == [Receipt(1, H1), Receipt(4, H2), Receipt(6, H3)]


def test_a_file_that_holds_no_receipt_or_a_broken_one_is_named(tmp_path):
    broken = tmp_path / "kept.txt"
    broken.write_text(f"receipt: #7 {H1}\nreceipt: #8 3211d1dd...\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"kept\.txt, line 2: 'receipt: #8 3211d1dd...' names "
                                         "a receipt but holds none"):
        read_anchors(broken)
    empty = tmp_path / "empty.txt"
    empty.write_text("nothing to see\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty\.txt: no receipt in it"):
        read_anchors(empty)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"seq": 4,\n "hash": }', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json, line 2: not JSON"):
        read_anchors(bad_json)
    with pytest.raises(InputError, match=r"missing\.txt: cannot read the receipts"):
        read_anchors(tmp_path / "missing.txt")
