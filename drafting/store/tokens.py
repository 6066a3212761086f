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
import secrets
from dataclasses import dataclass

from drafting.lazy_re import lazy_compile

PREFIX = "drf"
_FORM = lazy_compile(r"drf_([0-9a-f]{16})_([A-Za-z0-9_-]{20,200})")
_HEX = lazy_compile(r"(?:[0-9a-f]{2})+")
SCHEME = "scrypt:n=4096,r=8,p=1"
_COST = {"n": 4096, "r": 8, "p": 1}
_MOST = {"n": 1 << 20, "r": 32, "p": 16}
"""The highest cost a kept hash may ask for: far above `_COST`, room for a later version."""


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
        # UTF-8, not ASCII: a row damaged behind the library's back still has a fingerprint
        # (one that differs from the record's); for what the library writes they are one
        body = f"{self.scheme}${self.salt}${self.hash}".encode("utf-8", "surrogatepass")
        return hashlib.sha256(body).hexdigest()

    @property
    def damage(self) -> str | None:
        """What makes this kept hash unusable (a salt or hash that is not hex, which
        nothing the library writes is), or None."""
        if not isinstance(self.scheme, str):
            return "its scheme is not text"
        for name, value in (("salt", self.salt), ("hash", self.hash)):
            if not isinstance(value, str) or not _HEX.fullmatch(value):
                return f"its {name} is not hex digits as drafting writes them"
        return None


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


class DamagedHash(ValueError):
    """A kept hash that cannot be checked against any token: its row was changed behind
    the library's back. The message says what is wrong with it."""


def matches(token: str, kept: Hashed) -> bool:
    """True if ``token`` is the one ``kept`` was made from (constant-time comparison).
    False for a scheme this version does not know. DamagedHash if ``kept`` cannot be
    checked: a salt or hash that is not hex, or a cost scrypt refuses."""
    match = _FORM.fullmatch(token.strip())
    if match is None or match.group(1) != kept.id:
        return False
    if (damage := kept.damage) is not None:
        raise DamagedHash(damage)
    cost = _cost(kept.scheme)
    if cost is None:
        return False
    if any(cost[name] > most for name, most in _MOST.items()):  # hours of hashing a check
        raise DamagedHash(f"its scheme asks for more work than drafting ever uses "
                          f"({kept.scheme[:60]})")
    try:
        digest = _scrypt(match.group(2), bytes.fromhex(kept.salt), cost)
    except (ValueError, OverflowError, MemoryError) as error:  # a cost out of scrypt's range
        raise DamagedHash(f"its scheme's cost is one scrypt refuses ({error})") from error
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
