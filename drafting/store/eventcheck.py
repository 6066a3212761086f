"""What an event holds that the library itself never records: found while replaying.

The library checks every write before recording it (`drafting.store.names`,
`drafting.store.submissions`, `drafting.store.amendment_steps`, the token check of
`drafting.store.access`); a client that skips those checks (a delegation's own database
role on a shared PostgreSQL server, or anyone who can write the store) could still record
an event whose rows match it, so that comparing rows with events finds nothing. `Doubts`
re-checks each event as `drafting.store.replay` applies it, against the record so far,
and names the event that holds:

- an amendment with no proponent, or (a token's holder recording it) a proponent other
  than that holder;
- a text the library refuses (`drafting.characters.problem`: a control, bidi or tag
  character, ...), or one longer than `drafting.limits.MAX_PARAGRAPH_CHARS`;
- in a store that requires tokens, a submission, withdrawal or support in the name of a
  delegation that held no live token then (its token was revoked and not issued again);
- support of a delegation's own amendment, or of one no longer open, and fields the
  library never writes in a support or withdraw event;
- a time more than `CLOCK_SKEW` before the event it follows, or after the time of the
  check: event times are the writing client's clock, and the library dates an event
  after the one it follows (`drafting.store.session`), so time going backwards is
  a client that skipped the library; a post-dated event shows as in the future, and so
  do those after it until that time has come (or the clock of the machine verifying is
  slow: events dated after it are said so).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from drafting import characters
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import Amendment, AmendmentStatus
from drafting.store.chain import Event, EventKind

if TYPE_CHECKING:
    from drafting.store.replay import Replayed

CLOCK_SKEW = timedelta(minutes=5)
"""How far an event's time may be before the time of the event it follows (clocks of
two writers differ a little) before `verify` names it as time going backwards."""

AHEAD = "in the future by this machine's clock"
"""How `Doubts` says an event is dated more than `CLOCK_SKEW` after the time of the check:
the writer's clock was fast, or the clock of the machine verifying is slow."""

_FIELDS = {EventKind.SUPPORT: {"amendment", "delegation", "withdraw"},
           EventKind.WITHDRAW: {"amendment", "delegation"}}
"""The fields the library writes in these events' payloads."""
_OPEN = (AmendmentStatus.SUBMITTED, AmendmentStatus.STALE)
_TEXTS: tuple[tuple[str, str, characters.TextKind], ...] = (
    ("its id", "id", "line"), ("the paragraph id", "paragraph_id", "line"),
    ("the revision", "revision", "line"), ("the old text", "old_text", "paragraph"),
    ("the new text", "new_text", "paragraph"), ("the reason", "reason", "text"),
    ("submitted by", "submitted_by", "line"))
"""The texts of an amendment the library checks (`drafting.store.names.check_amendments`),
as (name, field of its JSON, kind)."""


def text_problems(fields: Any) -> Iterator[str]:
    """What the library would refuse in the texts of an amendment given as its JSON (a
    dict) or as an `Amendment`: "the new text: character 3: U+001B (ESCAPE) ..."."""
    get = fields.get if isinstance(fields, dict) else lambda key: getattr(fields, key, None)
    for name, key, kind in _TEXTS:
        value = get(key)
        if not isinstance(value, str):
            continue
        if len(value) > MAX_PARAGRAPH_CHARS:
            yield (f"{name} is {len(value):,} characters long, more than the "
                   f"{MAX_PARAGRAPH_CHARS:,} a text may have")
        elif (found := characters.problem(value, kind)) is not None:
            yield f"{name}: {found[1].removesuffix('; remove it')}"  # said to the writer


def all_clean(amendments: Collection[Any]) -> bool:
    """Whether no amendment of ``amendments`` has a text `text_problems` would name: one
    search over all the texts of each kind instead of one per text (joined by a space,
    which can only make the search find something where none is, never hide it). False
    does not say which: ask `text_problems` of each."""
    by_kind: dict[characters.TextKind, list[str]] = {"line": [], "paragraph": [], "text": []}
    for amendment in amendments:
        for _, key, kind in _TEXTS:
            value = amendment.get(key) if isinstance(amendment, dict) else \
                getattr(amendment, key, None)
            if isinstance(value, str):
                if len(value) > MAX_PARAGRAPH_CHARS:
                    return False
                by_kind[kind].append(value)
    return all(characters.problem(" ".join(texts), kind) is None
               for kind, texts in by_kind.items())


class Doubts:
    """The doubts about each event replayed, as (event number, what): see the module."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self._last: datetime | None = None  # the time of the event before
        self._now = datetime.now(UTC)
        self._passed: set[tuple[str, str]] = set()  # texts already checked

    def check(self, state: Replayed, event: Event) -> None:
        """Check ``event`` against ``state``, the record before it."""
        if self._last is not None and event.at < self._last - CLOCK_SKEW:
            self._say(event, f"it is dated {event.at:%Y-%m-%d %H:%M:%S} UTC, before the "
                      f"event it follows ({self._last:%Y-%m-%d %H:%M:%S} UTC): its time is "
                      "the writer's clock, which was wrong or set back")
        if event.at > self._now + CLOCK_SKEW:
            self._say(event, f"it is dated {event.at:%Y-%m-%d %H:%M:%S} UTC, {AHEAD} "
                      f"({self._now:%Y-%m-%d %H:%M:%S} UTC): if this machine's clock is slow, "
                      "set it right and verify again; if not, a writer's clock was wrong "
                      "or set forward (an event is never dated before the one it follows)")
        self._last = event.at
        payload = event.payload
        if not isinstance(payload, Mapping):
            return
        try:
            if event.kind == EventKind.SUBMIT:
                self._submit(state, event, payload)
            elif event.kind in _FIELDS:
                self._step(state, event, payload)
        except (KeyError, ValueError, TypeError, AttributeError):
            return  # a payload replay cannot apply: said as such by `replay`

    def _say(self, event: Event, what: str) -> None:
        self.found.append((event.seq, what))

    def _holder(self, state: Replayed, event: Event, payload: Mapping[str, Any]) -> str | None:
        """The delegation the event names as acting; said when it held no live token."""
        code = payload.get("delegation")
        if not state.secure or not isinstance(code, str):
            return code if isinstance(code, str) else None
        if not any(holder == code and revoked is None
                   for holder, _, _, revoked in state.credentials.values()):
            self._say(event, f"it is recorded in {code}'s name, but {code} held no live "
                      "token then (its token was revoked and not issued again): the library "
                      "records nothing in a delegation's name without its token")
        return code

    def _submit(self, state: Replayed, event: Event, payload: Mapping[str, Any]) -> None:
        holder = self._holder(state, event, payload)
        for item in payload["amendments"]:
            key = item.get("id", "?")
            proponents = item.get("proponents")
            if not proponents:
                self._say(event, f"amendment {key} has no proponent: the library records "
                          "none without one")
            elif holder is not None and list(proponents) != [holder]:
                self._say(event, f"amendment {key} is proposed by {', '.join(map(str, proponents))}"
                          f", but it was recorded by {holder}: a token's holder records "
                          "amendments of its own only")
            for found in self._texts(item):
                self._say(event, f"amendment {key}, {found}: the library records no such text")

    def _texts(self, item: dict[str, Any]) -> Iterator[str]:
        fresh = {k: v for k, v in item.items()
                 if isinstance(v, str) and (k, v) not in self._passed}
        problems = list(text_problems(fresh))
        if not problems:
            self._passed.update(fresh.items())
        return iter(problems)

    def _step(self, state: Replayed, event: Event, payload: Mapping[str, Any]) -> None:
        extra = sorted(set(payload) - _FIELDS[event.kind])
        if extra:
            self._say(event, f"its payload holds {', '.join(map(repr, extra))}, which the "
                      f"library never writes in a {event.kind} event")
        code = self._holder(state, event, payload)
        if event.kind != EventKind.SUPPORT or payload.get("withdraw") is not False:
            return
        amendment: Amendment | None = state.amendments.get(payload["amendment"])
        if amendment is None or code is None:
            return
        if code in amendment.proponents:
            self._say(event, f"{code} supports {amendment.id}, which it proposes: a proponent "
                      "does not support its own amendment")
        elif amendment.status not in _OPEN:
            self._say(event, f"{code} supports {amendment.id}, which was {amendment.status} "
                      "then: an amendment no longer open cannot be supported")
