"""Tokens: made once, shown once, kept only as a salted hash.

A token reads ``drf_<id>_<secret>``: ``id`` (16 hex digits) is public and
finds the token's row without trying every hash; ``secret`` is 32 random
bytes (``secrets.token_urlsafe``). The store keeps the salt and the scrypt
hash of the secret, never the token. With 256 random bits no hash needs to be
slow to resist guessing; scrypt at a modest cost only adds a margin, and costs
about 10 ms a check (once per `Store`, then remembered). The parameters are
kept with each hash (``scheme``), so a later version can raise them.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

PREFIX = "drf"
_FORM = re.compile(r"drf_([0-9a-f]{16})_([A-Za-z0-9_-]{20,200})")
SCHEME = "scrypt:n=4096,r=8,p=1"
_COST = {"n": 4096, "r": 8, "p": 1}


@dataclass(frozen=True, slots=True)
class Hashed:
    """What the store keeps of a token: its id, the scheme, salt and hash (hex)."""

    id: str
    scheme: str
    salt: str
    hash: str

    @property
    def fingerprint(self) -> str:
        """A SHA-256 of scheme, salt and hash: what the event log records of a token, so
        that `drafting verify` notices a hash swapped behind the library's back without
        the log holding the hash itself."""
        body = f"{self.scheme}${self.salt}${self.hash}".encode("ascii")
        return hashlib.sha256(body).hexdigest()


def new_token() -> tuple[str, Hashed]:
    """A fresh token and what the store keeps of it."""
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    salt = secrets.token_bytes(16)
    hashed = Hashed(token_id, SCHEME, salt.hex(), _scrypt(secret, salt, _COST).hex())
    return f"{PREFIX}_{token_id}_{secret}", hashed


def token_id(token: str) -> str | None:
    """The id of a well-formed token, or None for anything else."""
    match = _FORM.fullmatch(token.strip())
    return match.group(1) if match else None


def matches(token: str, kept: Hashed) -> bool:
    """True if ``token`` is the one ``kept`` was made from (constant-time comparison)."""
    match = _FORM.fullmatch(token.strip())
    if match is None or match.group(1) != kept.id:
        return False
    cost = _cost(kept.scheme)
    if cost is None:
        return False
    digest = _scrypt(match.group(2), bytes.fromhex(kept.salt), cost)
    return hmac.compare_digest(digest.hex(), kept.hash)


def _scrypt(secret: str, salt: bytes, cost: dict[str, int]) -> bytes:
    return hashlib.scrypt(secret.encode("ascii"), salt=salt, n=cost["n"], r=cost["r"],
                          p=cost["p"], dklen=32)


def _cost(scheme: str) -> dict[str, int] | None:
    name, _, params = scheme.partition(":")
    if name != "scrypt":
        return None
    try:
        cost = {key: int(value) for key, value in
                (item.split("=", 1) for item in params.split(","))}
    except ValueError:
        return None
    return cost if set(cost) == {"n", "r", "p"} else None
