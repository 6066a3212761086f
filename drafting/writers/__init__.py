"""Writers: the model (or the merged form) -> the formats people read."""

from drafting.writers.textfile import write_text

__all__ = ["write_text"]
