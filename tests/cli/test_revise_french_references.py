"""`drafting revise` on a French draft from Word: a delegation inserts a paragraph, the
secretariat accepts it and issues Rev.1; the paragraph citing "paragraphe 2 ci-dessus"
keeps its words and now cites the paragraph inserted, so revise names it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from un_documents import Draft, Ins, Para, libreoffice_docx

SYMBOL = "A/C.2/81/L.50"
FRONT = ["Nations Unies", SYMBOL, "Assemblée générale", "Distr. limitée",
         "Quatre-vingt-unième session", "Deuxième Commission"]
OPERATIVE = [
    ("Décide", " de créer un fonds d’affectation spéciale pour la pêche artisanale\u00a0;"),
    ("Prie", " le Secrétaire général de lui présenter un rapport sur le fonds à sa "
             "quatre-vingt-deuxième session\u00a0;"),
    ("Invite", " les États Membres à contribuer au fonds\u00a0;"),
    ("Décide", " d’examiner le rapport demandé au paragraphe 2 ci-dessus à sa "
               "quatre-vingt-deuxième session."),
]
NEW = "2.\tEncourage les organismes régionaux de pêche à coopérer avec le fonds\u00a0;"


def _draft(new: str | None = None) -> Draft:
    """The French draft; with ``new`` inserted after paragraph 1 by NOR (tracked)."""
    draft = Draft(SYMBOL)
    draft.paragraphs = [Para((line,), "Front") for line in FRONT] + [
        Para(("Pêche artisanale",), "UNTitle"), Para(("L’Assemblée générale,",), "Chapeau"),
        Para(("Rappelant", " sa résolution 70/1,"), italic_opening=True)]
    for number, (opening, rest) in enumerate(OPERATIVE, 1):
        draft.paragraphs.append(Para((f"{number}.\t", opening, rest), italic_opening=True))
        if new and number == 1:
            draft.paragraphs.append(Para((new,), "Body", False, Ins("x", "NOR")))
    return draft


def test_revise_names_a_french_cross_reference_to_check(tmp_path):
    db = tmp_path / "s.db"
    source = libreoffice_docx(_draft(), tmp_path / "L50.docx")
    (tmp_path / "in").mkdir()
    proposal = libreoffice_docx(_draft(NEW), tmp_path / "in" / "NOR.docx")
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "NOR"),
                 ("submit", SYMBOL, str(proposal), "-d", "NOR", "--yes"),
                 ("decide", "A1", "accept")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1", "--dry-run", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["references"] == {
        "OP5": "cites 'paragraphe 2 ci-dessus': OP2 is OP3 in Rev.1"}
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1")
    assert done.returncode == 0, done.stderr
    assert "cross-references to check" in done.stdout
    assert "  OP5 cites 'paragraphe 2 ci-dessus': OP2 is OP3 in Rev.1" in done.stdout
    shown = drafting(db, "show", SYMBOL).stdout  # the words are the text's: kept
    assert "au paragraphe 2 ci-dessus" in shown
