"""A long, realistic essay built from the bundled corpus, for benchmarks and tests.

The prose is the corpus's own running text (its footnotes and superscript marks removed), so
word lengths, punctuation and Unicode are those of real history writing; the notes cite the
corpus's three CSL items in every form the essay model holds (locators, prefixes, suffixes,
several citations in one group, commentary of several paragraphs, passage links).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.cite.model import Citation, Note
from assistant.essay.model import Block, BlockKind, Essay, NoteAnchor, PassageLink, Span
from assistant.essay.outline import Outline, outline_from_markdown
from assistant.paths import bundled_corpus_dir

# Escaped quotes stay straight: they wait in the private use area while quotes are curled.
_KEEP = {'"': "\ue000", "'": "\ue001"}
_KEPT = {v: k for k, v in _KEEP.items()}
_OPENING_CONTEXT = set("([{“‘—–-/")


def _smart_quotes(text: str, before: str = " ", after: str = " ") -> str:
    """Pandoc's `smart` quotes: straight quotes curled by context; kept ones restored.

    `before`/`after` are the characters around `text` (a neighbouring span's), so a quote at
    a span's edge is judged by what really surrounds it.
    """
    if not any(c in text for c in "\"'\ue000\ue001"):
        return text
    out = []
    for index, char in enumerate(text):
        if char in _KEPT:
            out.append(_KEPT[char])
            continue
        if char not in "\"'":
            out.append(char)
            continue
        prev = text[index - 1] if index else before
        nxt = text[index + 1] if index + 1 < len(text) else after
        opening = (prev.isspace() or prev in _OPENING_CONTEXT) and not nxt.isspace()
        if char == '"':
            out.append("“" if opening else "”")
        elif prev.isalnum() or (opening and nxt.isdigit()):
            out.append("’")  # an apostrophe: Stalin’s, ’90s
        else:
            out.append("‘" if opening else "’")
    return "".join(out)


_SUPERSCRIPTS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_NOTE_LINE = re.compile(r"^\d+\.\s")


def _corpus_words(corpus: Path) -> list[str]:
    words: list[str] = []
    for name in ("shen-2000.md", "shuster-2019.md"):
        for line in (corpus / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            # Running text only: skip the extracted footnotes, headings and page furniture.
            if len(line) < 200 or _NOTE_LINE.match(line) or line.startswith("#"):
                continue
            # Typeset prose, as a writer's editor or Pandoc's `smart` reading would give it.
            words.extend(_smart_quotes(_SUPERSCRIPTS.sub("", line)).split())
    return words


def _note(number: int, ids: list[str]) -> tuple[Note, PassageLink | None]:
    """A varied, deterministic note: which shape depends on the note's number."""
    item = ids[number % len(ids)]
    other = ids[(number + 1) % len(ids)]
    page = str(44 + number % 24)
    shape = number % 6
    if shape == 0:
        return Note.of(Citation(item, page)), PassageLink(item, number % 40, page)
    if shape == 1:
        return Note.of(Citation(item, f"{page}–{int(page) + 2}", prefix="see")), None
    if shape == 2:
        return Note.of(Citation(item, page), Citation(other, str(int(page) + 5))), None
    if shape == 3:
        return (
            Note(
                (
                    "On Stalin’s caution see ",
                    (Citation(item, page, suffix=", emphasis added"),),
                    "; the *Pravda* coverage says nothing of it.",
                )
            ),
            None,
        )
    if shape == 4:
        return (
            Note(
                (
                    "The archive is silent here.\n\nA second paragraph of commentary: compare ",
                    (Citation(item, "3", label="chapter"),),
                    ".",
                )
            ),
            None,
        )
    return Note.of(Citation(item, page, suppress_author=True)), None


def make_long_essay(words: int = 15000, notes: int = 300) -> Essay:
    """An essay of about `words` words (exactly, when the corpus allows) with `notes` notes."""
    corpus = bundled_corpus_dir()
    items = {item["id"]: item for item in json.loads((corpus / "sources.json").read_text("utf-8"))}
    ids = sorted(items)
    stream = _corpus_words(corpus)
    paragraph_size = 120
    paragraphs: list[list[str]] = []
    position = 0
    remaining = words
    while remaining > 0:
        size = min(paragraph_size, remaining)
        chunk = [stream[(position + i) % len(stream)] for i in range(size)]
        position += size
        remaining -= size
        paragraphs.append(chunk)

    # Notes are spread evenly, each at the next clause end (or the paragraph's end).
    total = sum(len(p) for p in paragraphs)
    note_at = {round((n + 0.5) * total / notes) for n in range(notes)} if notes else set()
    blocks: list[Block] = []
    seen = 0
    number = 0
    for index, chunk in enumerate(paragraphs):
        if index % 12 == 0:
            blocks.append(Block("heading", [Span(f"Part {index // 12 + 1}")], level=1))
        kind: BlockKind = "blockquote" if index % 9 == 4 else "paragraph"
        inlines: list[Span | NoteAnchor] = []
        buffer: list[str] = []
        pending = 0
        for offset, word in enumerate(chunk):
            buffer.append(word)
            if seen + offset + 1 in note_at:
                pending += 1
            at_end = offset == len(chunk) - 1
            if pending and number < notes and (word[-1] in ".;:," or at_end):
                pending -= 1
                text = " ".join(buffer)
                if inlines:
                    text = " " + text
                if number % 7 == 3:
                    # An italic title in the running text, as essays have.
                    head, _, last = text.rpartition(" ")
                    inlines.append(Span(head + " "))
                    inlines.append(Span(last, italic=True))
                else:
                    inlines.append(Span(text))
                note, passage = _note(number, ids)
                inlines.append(NoteAnchor(note, passage, id=f"n{number + 1:04d}"))
                number += 1
                buffer = []
        if buffer:
            text = " ".join(buffer)
            inlines.append(Span(" " + text if inlines else text))
        seen += len(chunk)
        blocks.append(Block(kind, inlines))
    while number < notes:
        blocks[-1].inlines.append(NoteAnchor(*_note(number, ids), id=f"n{number + 1:04d}"))
        number += 1

    reading_notes = (corpus / "zubok-pleshakov-1996.md").read_text(encoding="utf-8")
    outline: Outline = outline_from_markdown(reading_notes)
    return Essay(
        title="Stalin’s Gamble: The Origins of the Korean War",
        author="A. Student",
        blocks=blocks,
        items=items,
        outline=outline,
    )
