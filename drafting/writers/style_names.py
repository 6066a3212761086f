"""A paragraph style of a Word document found by the name Word shows ("Heading 1").

python-docx looks a built-in style up by the name Word keeps inside the file ("heading
1"), but LibreOffice writes the name as shown ("Heading 1"): `document.styles["Heading
1"]` then finds nothing, though the style is there and `style.name` says so. The name is
matched as shown, then regardless of case.
"""

from __future__ import annotations

from typing import Any


def style_id(document: Any, name: str) -> str:
    """The id of ``document``'s style named ``name``; KeyError if it has none."""
    try:
        return document.styles[name].style_id
    except KeyError:
        wanted = name.casefold()
        for style in document.styles:
            if (style.name or "").casefold() == wanted:
                return style.style_id
        raise
