"""Signed heads: the secretariat's signature on a receipt, which anyone can check with its
public key, without the store.

A receipt (`drafting.store.receipts`) shows a delegation what was recorded, but anyone
can write one: by itself it proves nothing to a third party. Signed with the
secretariat's key (Ed25519, from the ``cryptography`` package), the head of the record
(``drafting head --sign-with KEY``) is the secretariat's own word that its record stood
so: kept by a delegation, it shows anyone who has the secretariat's public key that the
secretariat issued it, and `drafting verify --anchor` against the store then shows
whether the record still holds it. A signed head is one line::

    head: #42 3211...e0 signature: ed25519:6xY...Aw== key: ed25519:Qm9...c=

The signature covers the words ``drafting head``, the event's number and its hash
(`signed_message`), nothing else; the key named in the line is only a hint: a signature
is checked against the public key the checker holds.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import InputError
from drafting.lazy_re import lazy_compile
from drafting.store.receipts import Receipt, as_receipt, receipt_objects

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

KIND = "ed25519"
"""The one kind of key and signature: Ed25519 (RFC 8032)."""
_B64 = r"[A-Za-z0-9+/]+={0,2}"
_SIGNED = lazy_compile(
    rf"(?:head\s*:\s*)?#(\d+)\s+([0-9a-fA-F]{{64}})\s+signature\s*:\s*{KIND}:({_B64})"
    rf"(?:\s+key\s*:\s*{KIND}:({_B64}))?", re.IGNORECASE)
_NAMED = lazy_compile(r"\bsignature\s*:", re.IGNORECASE)
_PUBLIC = lazy_compile(rf"{KIND}:{_B64}")


@dataclass(frozen=True, slots=True)
class SignedHead:
    """A receipt with the secretariat's signature on it (``signature``: the 64 bytes in
    base64), and the public key its line names (``key``, base64; "" if none)."""

    receipt: Receipt
    signature: str
    key: str = ""

    def __str__(self) -> str:
        line = f"head: {self.receipt} signature: {KIND}:{self.signature}"
        return f"{line} key: {KIND}:{self.key}" if self.key else line

    def to_json(self) -> dict[str, Any]:
        """``{"seq": 42, "hash": "...", "signature": "ed25519:...", "key": "ed25519:..."}``
        (as `drafting head --sign-with --json` prints it, and an export's head holds it)."""
        return {**self.receipt.to_json(), "signature": f"{KIND}:{self.signature}",
                **({"key": f"{KIND}:{self.key}"} if self.key else {})}


def signed_message(receipt: Receipt) -> bytes:
    """What a signature on ``receipt`` signs."""
    return f"drafting head #{receipt.seq} {receipt.hash.lower()}".encode("ascii")


def new_key(path: str | Path) -> str:
    """Write a new signing key at ``path`` (PKCS #8 PEM, readable by its owner only) and
    return its public key (`public_text`). InputError, writing nothing, where ``path``
    exists already: a key is never overwritten (the delegations hold its public key, and
    check the heads it signs with it)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    path = Path(path)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise InputError(f"{path}: a file is there already; a signing key is never "
                         "overwritten (the delegations check heads with its public key): "
                         "choose another path") from error
    except OSError as error:
        raise InputError(f"{path}: cannot be written ({error.strerror})") from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pem)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot be written ({error.strerror})") from error
    return public_text(key.public_key())


def read_key(path: str | Path) -> Ed25519PrivateKey:
    """The signing key in the file at ``path`` (as `new_key` writes it). InputError
    saying what is wrong where it cannot be read, others may read or write it (as ssh
    refuses such a key), or it is no Ed25519 private key."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from drafting.given_files import read_given

    path = Path(path)
    data = read_given(path, 64 * 1024, kind="a signing key", limit_said="a key file may take")
    if os.name == "posix" and (mode := path.stat().st_mode & 0o077):
        raise InputError(f"{path}: others on this machine may {'read' if mode & 0o044 else 'use'}"
                         f" the signing key (permissions {oct(path.stat().st_mode & 0o777)[2:]}"
                         "): whoever holds it signs as the secretariat; make it its owner's "
                         f"alone (chmod 600 {path}) and use it again")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise InputError(f"{path}: not a signing key (a private key in PEM without a "
                         "password, as `drafting key new` writes it)") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError(f"{path}: a private key, but not an {KIND} one: make one with "
                         "`drafting key new`")
    return key


def public_text(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    """``ed25519:<base64>``: the public key (of a private one) as people pass it on."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return f"{KIND}:{base64.b64encode(raw).decode('ascii')}"


def parse_public(text: str) -> Ed25519PublicKey:
    """The public key written ``ed25519:<base64>`` (the prefix may be left out).
    InputError for anything else."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    body = text.strip()
    body = body[len(KIND) + 1:] if body.lower().startswith(f"{KIND}:") else body
    try:
        raw = base64.b64decode(body, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as error:
        raise InputError(f"'{text.strip()[:60]}' is not a public key: write it as "
                         f"{KIND}:<base64>, as `drafting key new` prints it") from error


def _given_key(public: str) -> str:
    """The public key given: written out, or the path of a file holding it (the line
    `drafting key new` printed, kept as it was)."""
    from drafting.given_files import decoded, read_given

    if public.strip().lower().startswith(f"{KIND}:") or not _a_file(public):
        return public
    text = decoded(read_given(Path(public), 64 * 1024, kind="a public key",
                              limit_said="a key file may take"), Path(public))
    found = _PUBLIC.search(text)
    if found is None:
        raise InputError(f"{public}: holds no public key ({KIND}:<base64>, as `drafting key "
                         "new` prints it)")
    return found[0]


def _a_file(text: str) -> bool:
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # a name too long, a NUL: no file, a key to read
        return False


def sign(receipt: Receipt, key: Ed25519PrivateKey) -> SignedHead:
    """``receipt`` signed with ``key``."""
    signature = base64.b64encode(key.sign(signed_message(receipt))).decode("ascii")
    return SignedHead(receipt, signature, public_text(key).split(":", 1)[1])


def signed_by(head: SignedHead, public: Ed25519PublicKey) -> bool:
    """Whether ``head``'s signature is ``public``'s key's on its receipt."""
    from cryptography.exceptions import InvalidSignature

    try:
        public.verify(base64.b64decode(head.signature, validate=True),
                      signed_message(head.receipt))
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


@dataclass(frozen=True, slots=True)
class Checked:
    """A signed head found in a file, where (``heads.txt, line 3``), and whether the key
    checked it."""

    where: str
    head: SignedHead
    valid: bool


def check_file(path: str | Path, public: str) -> list[Checked]:
    """Every signed head in the file at ``path`` (lines as `drafting head --sign-with`
    prints them; other lines are passed over), each checked against the public key
    ``public`` (``ed25519:<base64>``). InputError if the file cannot be read, the key is
    none, a line names a signature but holds none, or there is no signed head in it."""
    from drafting.given_files import decoded, read_given
    from drafting.limits import MAX_TEXT_FILE_BYTES

    key = parse_public(_given_key(public))
    path = Path(path)
    text = decoded(read_given(path, MAX_TEXT_FILE_BYTES, kind="a file of signed heads",
                              limit_said="a text file may take"), path)
    found = _json_signed(path, text) if text.lstrip()[:1] in ("{", "[") else \
        read_signed(text, str(path))
    if not found:
        raise InputError(f"{path}: no signed head in it: keep the lines `drafting head "
                         "--sign-with KEY` prints")
    return [Checked(f"{path}, line {line}" if line else str(path), head,
                    signed_by(head, key)) for line, head in found]


def read_signed(text: str, name: str) -> list[tuple[int, SignedHead]]:
    """The signed heads in ``text`` (the file ``name``), with their line numbers; other
    lines are passed over. InputError, naming the line, for one that names a signature
    but holds none as `SignedHead` writes it."""
    return list(_signed_lines(text, name))


def _json_signed(path: Path, text: str) -> list[tuple[int, SignedHead]]:
    """The signed heads `drafting head --sign-with --json` printed, in ``text``: each
    object with a receipt and a ``signature`` (line numbers: 0, unknown)."""
    found = []
    for value in receipt_objects(path, text):
        receipt, signature = as_receipt(value), value.get("signature")
        if receipt is None or not isinstance(signature, str):
            continue
        key = value.get("key")
        found.append((0, SignedHead(receipt, signature.removeprefix(f"{KIND}:"),
                                    key.removeprefix(f"{KIND}:") if isinstance(key, str)
                                    else "")))
    return found


def _signed_lines(text: str, name: str) -> Iterator[tuple[int, SignedHead]]:
    for number, line in enumerate(text.splitlines(), 1):
        found = list(_SIGNED.finditer(line))
        if not found and _NAMED.search(line):
            raise InputError(f"{name}, line {number}: names a signature but holds no signed "
                             "head: keep the line as `drafting head --sign-with` prints it")
        for match in found:
            yield number, SignedHead(Receipt(int(match[1]), match[2].lower()), match[3],
                                     match[4] or "")
