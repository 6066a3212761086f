"""What every reader returns: the text it read, and what it could not take in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from drafting import characters
from drafting.model import Document, Paragraph, Revision

ZERO_DRAFT = "Zero draft"


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """Something a reader noticed and did not take in as it is.

    ``where`` names the place (``draft.md, line 12``); ``message`` says what
    was done with it. Readers never drop content without one of these.
    """

    where: str
    message: str

    def __str__(self) -> str:
        # a warning may quote text from the file: control characters are shown escaped
        return characters.escaped(f"{self.where}: {self.message}")


@dataclass(frozen=True, slots=True)
class ReadResult:
    """A draft as read from a file: its title, its paragraphs, and warnings; with the
    front matter, the lines after the title and the chapeau that stood before the
    paragraphs (see `Revision`)."""

    title: str
    paragraphs: tuple[Paragraph, ...]
    warnings: tuple[ReadWarning, ...] = field(default=())
    front_matter: tuple[str, ...] = ()
    chapeau: str = ""
    after_title: tuple[str, ...] = ()

    def to_document(
        self, symbol: str, *, title: str | None = None, created_at: datetime | None = None
    ) -> Document:
        """A new Document whose only revision, the zero draft, is this text.

        ``title`` overrides the title read from the file when given.
        """
        revision = Revision(ZERO_DRAFT, self.paragraphs, created_at=created_at,
                            front_matter=self.front_matter, chapeau=self.chapeau,
                            after_title=self.after_title)
        return Document(symbol, self.title if title is None else title, (revision,))
