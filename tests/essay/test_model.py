"""The essay model: note numbers and full/short forms follow the text as it moves."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, Essay, NoteAnchor, Span

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "corpus"
ITEMS = {item["id"]: item for item in json.loads((CORPUS / "sources.json").read_text("utf-8"))}


def _essay() -> Essay:
    return Essay(
        blocks=[
            Block(
                inlines=[
                    Span("Stalin hesitated."),
                    NoteAnchor(Note.of(Citation("shen-2000", "52")), id="a"),
                ]
            ),
            Block(
                inlines=[
                    Span("Then he agreed."),
                    NoteAnchor(Note.of(Citation("shen-2000", "60")), id="b"),
                ]
            ),
        ],
        items=ITEMS,
    )


def test_full_form_follows_the_first_citation_when_paragraphs_swap() -> None:
    essay = _essay()
    before = [r.text for r in ChicagoEngine(essay.items).render_notes(essay.notes())]
    assert before[0].startswith("Shen Zhihua, “Sino-Soviet Relations") and before[0].endswith("52.")
    assert before[1] == "Shen, “Sino-Soviet Relations,” 60."
    essay.blocks.reverse()
    assert essay.note_numbers() == {"b": 1, "a": 2}
    after = [r.text for r in ChicagoEngine(essay.items).render_notes(essay.notes())]
    assert after[0].startswith("Shen Zhihua, “Sino-Soviet Relations") and after[0].endswith("60.")
    assert after[1] == "Shen, “Sino-Soviet Relations,” 52."


def test_word_count_ignores_notes() -> None:
    essay = _essay()
    assert essay.word_count() == 5
    assert essay.cited_ids() == ["shen-2000"]
