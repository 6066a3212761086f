"""Receipts on the command line: every write prints the receipt of each event it recorded
(``receipt: #N <64 hex digits>`` on stdout, and in its --json output), `drafting head`
prints the last, and `drafting verify --anchor/--anchors` checks kept receipts.

The commands run through the command line's own entry point in this process (quick);
tests/store/test_receipts.py runs `verify` as a real process on both databases.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from drafting.store import open_store
from drafting_cli.app import main

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples"
SYMBOL = "A/C.2/81/L.7"
RECEIPT = re.compile(r"^(?:\S+: )?receipt: #(\d+) ([0-9a-f]{64})$", re.MULTILINE)
TOKEN = re.compile(r"^  (\S+)\s+(drf_\S+)$", re.MULTILINE)


class Cli:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                 db: Path) -> None:
        self.monkeypatch, self.capsys, self.url = monkeypatch, capsys, f"sqlite:///{db}"
        monkeypatch.setenv("DRAFTING_DB", self.url)
        for name in ("DRAFTING_TOKEN", "DRAFTING_ACTOR"):
            monkeypatch.delenv(name, raising=False)

    def run(self, *args: str) -> tuple[int, str, str]:
        self.monkeypatch.setattr(sys, "argv", ["drafting", *args])
        with pytest.raises(SystemExit) as ended:
            main()
        out = self.capsys.readouterr()
        return ended.value.code or 0, out.out, out.err

    def ok(self, *args: str) -> str:
        code, out, err = self.run(*args)
        assert code == 0, err
        return out

    def logged(self) -> dict[int, str]:
        with open_store(self.url) as store:
            return {e.seq: e.hash for e in store.events()}


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    return Cli(monkeypatch, capsys, tmp_path / "n.db")


def receipts(output: str) -> list[tuple[int, str]]:
    return [(int(seq), digest) for seq, digest in RECEIPT.findall(output)]


def test_every_write_prints_the_receipts_of_its_events(cli, tmp_path):
    kept = [cli.ok("init")]
    assert receipts(kept[0]) == []  # creating the store records no event
    kept.append(cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL))
    kept.append(cli.ok("delegation", "add", "EU", "G77", "USA", "JPN", "AOSIS"))
    submissions = [str(SAMPLES / "submissions" / f"{code}.json") for code in ("eu", "g77")]
    kept.append(cli.ok("submit", SYMBOL, *submissions, "--yes"))
    kept.append(cli.ok("amend", SYMBOL, "OP21", "-d", "USA", "--replace", "one-day", "--with",
                       "two-day", "--yes"))
    kept.append(cli.ok("withdraw", "A1", "-d", "EU"))
    kept.append(cli.ok("decide", "A2", "reject", "--note", "no"))
    kept.append(cli.ok("agree", SYMBOL, "OP1", "--ad-ref"))
    kept.append(cli.ok("revise", SYMBOL, "--label", "Rev.1"))
    counts = [len(receipts(out)) for out in kept]
    assert counts == [0, 1, 5, 2, 1, 1, 1, 1, 1]
    submitted = kept[3].splitlines()[-4:]  # after the preview
    assert [line.split(": ")[:2] for line in submitted] == [
        ["eu.json", "recorded 6 amendments"], ["eu.json", "receipt"],
        ["g77.json", "recorded 6 amendments"], ["g77.json", "receipt"]]
    printed = [r for out in kept for r in receipts(out)]
    assert printed == sorted(cli.logged().items())  # every event, each once, in order
    assert cli.ok("agree", SYMBOL, "OP1", "--ad-ref").strip() == (
        "OP1: agreed ad ref already; nothing recorded")  # and no receipt
    last = printed[-1]
    assert cli.ok("head") == f"head: #{last[0]} {last[1]}\n"
    assert json.loads(cli.ok("head", "--json")) == {"seq": last[0], "hash": last[1]}

    file = tmp_path / "kept.txt"  # all the commands printed, kept as it was
    file.write_text("".join(kept), encoding="utf-8")
    checked = cli.ok("verify", "--anchors", str(file), "--anchor", f"{last[0]}:{last[1]}")
    assert checked == (f"the record is intact: {last[0]} events, every row matches; the log "
                       f"passes through all {last[0]} receipts given\n")


def test_json_output_carries_the_receipt(cli):
    cli.ok("init")
    imported = json.loads(cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL,
                                 "--json"))
    assert imported["receipt"]["seq"] == 1
    added = json.loads(cli.ok("delegation", "add", "EU", "USA", "--json"))
    assert [r["seq"] for r in added["receipts"]] == [2, 3] and added["added"] == ["EU", "USA"]
    code, out, err = cli.run("amend", SYMBOL, "OP21", "-d", "EU", "--replace", "one-day",
                             "--with", "two-day", "--yes", "--json")
    assert code == 0 and "To be recorded" in err  # the preview goes to stderr under --json
    amended = json.loads(out)
    assert amended["recorded"] == ["A1"] and amended["receipt"]["seq"] == 4
    eu = str(SAMPLES / "submissions" / "eu.json")
    once = json.loads(cli.ok("submit", SYMBOL, eu, "--yes", "--json"))
    again = json.loads(cli.ok("submit", SYMBOL, eu, "--yes", "--json"))
    (first,), (second,) = once["files"], again["files"]
    assert first["receipt"] == second["receipt"] and second["duplicate"]  # sent twice
    assert once["receipts"] == [first["receipt"]] and again["receipts"] == []  # one event
    decided = json.loads(cli.ok("decide", "A1", "accept", "--json"))
    assert decided == {"amendment": "A1", "status": "accepted",
                       "receipt": {"seq": 6, "hash": cli.logged()[6]}}
    withdrawn = json.loads(cli.ok("withdraw", "A2", "-d", "EU", "--json"))
    revised = json.loads(cli.ok("revise", SYMBOL, "--label", "Rev.1", "--json"))
    assert (withdrawn["receipt"]["seq"], revised["receipt"]["seq"]) == (7, 8)
    dry = json.loads(cli.ok("amend", SYMBOL, "OP21", "-d", "EU", "--replace", "two-day",
                            "--with", "three-day", "--dry-run", "--json"))
    assert dry == {"recorded": [], "duplicate": False, "receipt": None}


def test_tokens_and_init_secure_print_receipts(cli):
    cli.ok("init")
    cli.ok("delegation", "add", "EU")
    secured = cli.ok("init", "--secure")
    secretariat = dict(TOKEN.findall(secured))["secretariat"]
    cli.monkeypatch.setenv("DRAFTING_TOKEN", secretariat)
    rotated = cli.ok("token", "rotate", "EU")
    revoked = cli.ok("token", "revoke", "EU")
    again = json.loads(cli.ok("token", "revoke", "EU", "--json"))
    assert again == {"holder": "EU", "revoked": [], "receipts": []}
    printed = [r for out in (secured, rotated, revoked) for r in receipts(out)]
    assert [seq for seq, _ in printed] == [2, 3, 4]
    assert all(cli.logged()[seq] == digest for seq, digest in printed)


def test_verify_names_a_receipt_the_log_does_not_pass_through(cli, tmp_path):
    cli.ok("init")
    cli.ok("delegation", "add", "EU", "USA")
    wrong = "0" * 63 + "1"
    code, out, err = cli.run("verify", "--anchor", f"2:{wrong}", "--anchor", f"9:{wrong}")
    assert (code, out) == (1, "")
    first, *listed = err.splitlines()
    assert first.startswith("drafting: the record does not match: receipt #2: event 2 has the "
                            "hash ") and first.endswith("(and 1 more)")
    assert listed == ["  receipt #9: the log has no event 9 (it ends at event 2): the receipt is "
                      "of another store, or events were removed since it was issued"]
    report = json.loads(cli.run("verify", "--anchor", f"2:{wrong}", "--json")[1])
    assert report["ok"] is False and report["anchors"] == 1
    assert report["mismatches"][0]["where"] == "receipt #2" and report["head"]["seq"] == 2
    code, out, err = cli.run("verify", "--anchor", "2:3211d1dd")
    assert code == 1 and err.startswith("drafting: '2:3211d1dd' is not a receipt: write it as")
    code, out, err = cli.run("verify", "--anchors", str(tmp_path / "none.txt"))
    assert code == 1 and "none.txt: cannot read the receipts" in err and err.count("\n") == 1


def test_an_export_carries_the_head(cli, tmp_path):
    import jsonschema

    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU")
    out = cli.ok("export", SYMBOL, "--format", "json", "-o", str(tmp_path / "l7.json"))
    data = json.loads((tmp_path / "l7.json").read_text(encoding="utf-8"))
    assert data["head"] == {"seq": 2, "hash": cli.logged()[2]}  # the whole log's head
    assert out.rstrip().endswith(f"head: #2 {data['head']['hash']}")
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert "passes through all 2 receipts" in cli.ok("verify", "--anchors",
                                                      str(tmp_path / "l7.json"))


def test_a_head_signed_by_the_secretariat_is_checked_by_anyone_with_its_public_key(
        cli, tmp_path):
    """`key new`, `head --sign-with` and `check-signatures`: a kept head proves to a third
    party that the secretariat issued it, where a receipt alone proves nothing."""
    key = tmp_path / "secretariat.key"
    made = cli.ok("key", "new", str(key))
    public = made.splitlines()[-1].removeprefix("public key: ")
    assert public.startswith("ed25519:") and cli.ok("key", "public", str(key)) == made.split(
        "\n", 1)[1]
    cli.ok("init")
    cli.ok("delegation", "add", "EU")
    signed = cli.ok("head", "--sign-with", str(key)).strip()
    head = cli.logged()
    seq = max(head)
    assert signed.startswith(f"head: #{seq} {head[seq]} signature: ed25519:")
    kept = tmp_path / "heads.txt"
    kept.write_text(f"{signed}\n")
    assert cli.ok("check-signatures", str(kept), "--public-key", public) == \
        f"{kept}, line 1: head #{seq}: signed with the key\n"
    assert cli.ok("verify", "--anchors", str(kept)).startswith("the record is intact")
    as_json = json.loads(cli.ok("head", "--sign-with", str(key), "--json"))
    assert as_json["seq"] == seq and as_json["key"] == public

    kept.write_text(f"{signed}\n{signed.replace(f'#{seq} ', f'#{seq + 1} ')}\n")
    code, out, err = cli.run("check-signatures", str(kept), "--public-key", public)
    assert code == 1 and f"head #{seq + 1}: NOT signed with the key" in out
    assert f"1 of 2 signed heads are not signed with the key given ({kept}, line 2)" in err
    code, _, err = cli.run("key", "new", str(key))
    assert code == 1 and "never overwritten" in err
    odd = tmp_path / "e\x1b[31mRED\nx.key"  # a terminal would obey it: said escaped
    said = cli.ok("key", "new", str(odd))
    assert len(said.splitlines()) == 2 and "\x1b" not in said and odd.exists()


def test_an_export_signed_by_the_secretariat_checks_and_is_a_valid_export(cli, tmp_path):
    import jsonschema

    key = tmp_path / "secretariat.key"
    public = cli.ok("key", "new", str(key)).splitlines()[-1].removeprefix("public key: ")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    out = tmp_path / "l7.json"
    code, _, err = cli.run("export", SYMBOL, "--format", "json", "-o", str(out),
                           "--sign-with", str(tmp_path / "no.key"))
    assert code == 1 and "no.key" in err and not out.exists()  # nothing written
    cli.ok("export", SYMBOL, "--format", "json", "-o", str(out), "--sign-with", str(key))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["head"]["seq"] == 1 and data["head"]["key"] == public
    jsonschema.validate(data, json.loads((ROOT / "schemas" / "export.schema.json")
                                         .read_text(encoding="utf-8")))
    assert cli.ok("check-signatures", str(out), "--public-key", public) == \
        f"{out}: head #1: signed with the key\n"
    data["head"]["hash"] = "0" * 64  # the record said to be another
    out.write_text(json.dumps(data), encoding="utf-8")
    code, printed, _ = cli.run("check-signatures", str(out), "--public-key", public)
    assert code == 1 and "NOT signed with the key" in printed
