"""Signed heads (`drafting.signatures`): the secretariat's Ed25519 signature on a receipt,
checked with its public key alone. A receipt by itself proved nothing to a third party:
anyone can write ``#7 <hash>``."""

from __future__ import annotations

import json
import stat

import pytest

from drafting.errors import InputError
from drafting.signatures import (
    SignedHead,
    check_file,
    new_key,
    parse_public,
    public_text,
    read_key,
    read_signed,
    sign,
    signed_by,
)
from drafting.store.receipts import Receipt, read_anchors

HEAD = Receipt(42, "3211d1dd" * 8)


@pytest.fixture()
def key_file(tmp_path):
    path = tmp_path / "secretariat.key"
    public = new_key(path)
    return path, public


def test_a_new_key_is_its_owners_alone_and_never_overwritten(key_file):
    path, public = key_file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert public.startswith("ed25519:") and public == public_text(read_key(path))
    before = path.read_bytes()
    with pytest.raises(InputError, match="never overwritten"):
        new_key(path)
    assert path.read_bytes() == before


def test_a_key_others_may_read_is_refused_until_it_is_its_owners_alone(key_file):
    path, public = key_file
    path.chmod(0o644)
    with pytest.raises(InputError, match=r"others on this machine may read the signing key "
                                         r"\(permissions 644\).*chmod 600"):
        read_key(path)
    path.chmod(0o600)
    assert public_text(read_key(path)) == public


def test_a_head_signed_checks_with_its_key_and_no_other(key_file, tmp_path):
    path, public = key_file
    signed = sign(HEAD, read_key(path))
    assert signed_by(signed, parse_public(public))
    other = new_key(tmp_path / "other.key")
    assert not signed_by(signed, parse_public(other))
    for changed in (Receipt(43, HEAD.hash), Receipt(42, "4" + HEAD.hash[1:])):
        assert not signed_by(SignedHead(changed, signed.signature), parse_public(public))
    assert not signed_by(SignedHead(HEAD, "not base64!"), parse_public(public))
    assert not signed_by(SignedHead(HEAD, signed.signature[:-4] + "AAA="), parse_public(public))


def test_the_printed_line_reads_back_and_is_still_a_receipt_for_verify(key_file, tmp_path):
    path, public = key_file
    signed = sign(HEAD, read_key(path))
    line = str(signed)
    assert line.startswith(f"head: #42 {HEAD.hash} signature: ed25519:")
    assert line.endswith(f" key: {public}")
    assert read_signed(f"kept on 1 May\n{line}\n", "heads.txt") == [(2, signed)]
    kept = tmp_path / "heads.txt"
    kept.write_text(f"kept on 1 May\n{line}\n")
    assert read_anchors(kept) == [HEAD]  # verify --anchors takes the same file


def test_a_file_of_heads_is_checked_line_by_line(key_file, tmp_path):
    path, public = key_file
    key = read_key(path)
    good, later = sign(HEAD, key), sign(Receipt(50, "ab" * 32), key)
    forged = str(sign(Receipt(51, "cd" * 32), key)).replace("#51", "#52")
    kept = tmp_path / "heads.txt"
    kept.write_text(f"{good}\nnotes\n{later}\n{forged}\n")
    checked = check_file(kept, public)
    assert [(c.where, c.head.receipt.seq, c.valid) for c in checked] == [
        (f"{kept}, line 1", 42, True), (f"{kept}, line 3", 50, True),
        (f"{kept}, line 4", 52, False)]
    kept_key = tmp_path / "secretariat.pub"
    kept_key.write_text(f"public key: {public}\n")  # the line `key new` printed, kept
    assert [c.valid for c in check_file(kept, str(kept_key))] == [True, True, False]
    as_json = tmp_path / "head.json"
    as_json.write_text(json.dumps({**HEAD.to_json(), "signature": f"ed25519:{good.signature}"}))
    assert [(c.where, c.valid) for c in check_file(as_json, public)] == [(str(as_json), True)]


@pytest.mark.parametrize(("text", "said"), [
    ("no head here\n", "no signed head in it"),
    ("head: #42 " + "ab" * 32 + " signature: ed25519:\n", "names a signature but holds"),
])
def test_a_file_without_a_signed_head_is_refused_saying_why(key_file, tmp_path, text, said):
    kept = tmp_path / "heads.txt"
    kept.write_text(text)
    with pytest.raises(InputError, match=said):
        check_file(kept, key_file[1])


def test_what_is_no_key_is_refused_saying_so(tmp_path):
    with pytest.raises(InputError, match="is not a public key"):
        parse_public("ed25519:AAAA")
    new_key(tmp_path / "k.key")
    kept = tmp_path / "heads.txt"
    kept.write_text(f"{sign(HEAD, read_key(tmp_path / 'k.key'))}\n")
    for junk in ("x" * 5000, "no\0key", str(tmp_path / "missing.pub")):
        with pytest.raises(InputError, match="is not a public key"):
            check_file(kept, junk)
    text = tmp_path / "notes.txt"
    text.write_text("-----BEGIN PRIVATE KEY-----\nnonsense\n-----END PRIVATE KEY-----\n")
    text.chmod(0o600)
    with pytest.raises(InputError, match="not a signing key"):
        read_key(text)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    other = tmp_path / "ec.pem"
    other.write_bytes(ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    other.chmod(0o600)
    with pytest.raises(InputError, match="not an ed25519 one"):
        read_key(other)
