"""The only place that touches WordprocessingML elements (``w:ins``, ``w:del``,
``w:comment``, numbering). Spec names here; negotiators' words everywhere else.

python-docx reads and writes the package and its parts; it has no API for
tracked changes, so they are read and written through its lxml element tree.
"""
