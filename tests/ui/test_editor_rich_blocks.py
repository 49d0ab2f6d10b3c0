"""Lists, tables, code and the span formats Pandoc Markdown brings survive the draft editor:
essay -> editor document -> essay keeps them, and an edited table keeps its text."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from assistant.cite.model import Citation, Note
from assistant.essay.markdown import read_markdown
from assistant.essay.model import Block, Essay, NoteAnchor, Span
from assistant.ui.editor.convert import document_to_essay, essay_to_document
from assistant.ui.editor.document import DraftDocument

DRAFT = """\
- one [@a, 1]
  - nested ~~struck~~
3. three
4. four

   more of four

The [nkvd]{.smallcaps} files at the [archive](https://example.org/a) and `code`.

| A | B |
|:--|--:|
| x [@a, 2] | y |

: Caption [@a, 3]

```
first
second
```
"""


def _essay() -> Essay:
    return read_markdown(DRAFT).essay


def _without_ids(essay: Essay) -> list[Block]:
    from assistant.essay.store import essay_to_dict

    data = essay_to_dict(essay)["blocks"]

    def strip(value):  # type: ignore[no-untyped-def]
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(data)


def test_rich_blocks_round_trip_through_the_editor(qapp) -> None:  # type: ignore[no-untyped-def]
    essay = _essay()
    assert {b.kind for b in essay.blocks} == {"list_item", "paragraph", "table", "code"}
    doc = DraftDocument()
    essay_to_document(essay, doc)
    back = document_to_essay(doc)
    assert _without_ids(back) == _without_ids(essay)
    assert [n.citations for n in back.notes()] == [n.citations for n in essay.notes()]


def test_an_edited_table_keeps_its_text_and_notes(qapp) -> None:  # type: ignore[no-untyped-def]
    essay = Essay(
        blocks=[
            Block(
                "table",
                [Span("Caption")],
                rows=[[[Span("a")], [Span("b"), NoteAnchor(Note.of(Citation("a", "2")))]]],
                header_rows=1,
            )
        ]
    )
    doc = DraftDocument()
    essay_to_document(essay, doc)
    cursor = QTextCursor(doc)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" added")
    back = document_to_essay(doc)
    assert back.blocks[0].kind == "paragraph"
    assert back.blocks[0].text == "Caption\na | b added"
    assert len(back.notes()) == 1
