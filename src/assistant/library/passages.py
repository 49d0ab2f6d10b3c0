"""Split extracted text into passages sized for reading and citing.

Importers turn a file into a list of `Block`s (a heading, a body paragraph or one of the source's
own footnotes, with its page when known). `build_document` then joins the blocks into the
document's text and cuts it into passages: a paragraph is a passage, a long one is split on
sentence boundaries, and short scraps are merged with their neighbours in the same section.

`blocks_from_text` recognises the shapes of the bundled corpus, which are the shapes of text
extracted from printed pages: numbered footnote blocks ("12. Telegram from ...") or superscript
ones ("¹² Weathersby ...") sitting between body paragraphs where the page broke, paragraphs cut in
two by those notes, notes continued on the next page, ALL-CAPS or Title Case section titles,
and a title page plus table of contents before the first real section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.library.model import Document, Passage, PassageKind

# Passage sizes in words: the reader shows a passage at once and a writer cites it, so about a
# printed paragraph. Shorter scraps (outline bullets, one-line paragraphs) are merged.
MIN_WORDS = 40
TARGET_WORDS = 160
MAX_WORDS = 260

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_INT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_NUMBERED_NOTE = re.compile(r"^(\d{1,3})\.\s+\S")
_SUPERSCRIPT_NOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*\S")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_TOC_LINE = re.compile(r"(\.{3,}|\t| {2,})\s*([ivxlcdm]+|\d+)\s*$", re.IGNORECASE)
_CITATION_MARK = re.compile(r"\bpp?\.\s*\d|\bVol\.|\bNo\.\s*\d|\(\d{4}\)|\bLl?\.\s*\d")
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’)\]]?[" + SUPERSCRIPT_DIGITS + r"]*\s+(?=[\"“‘(\[A-Z0-9])"
)
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of"}
    | {"on", "or", "the", "to", "toward", "towards", "via", "with"}
)


@dataclass(slots=True)
class Block:
    """One paragraph-level unit of a document as an importer sees it."""

    kind: PassageKind
    text: str
    level: int = 1
    page: str | None = None
    front: bool = False
    number: int | None = None  # a note's own number


def word_count(text: str) -> int:
    """Whitespace-separated words: the measure of passage size and of indexing throughput."""
    return len(text.split())


# --------------------------------------------------------------------------------------------
# Markdown and plain text


# Whole tag names only: "<i" must not match the start of "<img ...>", which stays as text.
_MD_TAGS = re.compile(r"</?(?:i|b|u|em|strong|sup|sub|span)(?=[\s/>])[^>]*>")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_MD_OPEN_RUN = re.compile(r"^\*{1,3}(?=\S)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def clean_markdown(text: str) -> str:
    """Drop Markdown/HTML emphasis and link markup, keeping the words a reader sees."""
    if "<" in text:
        text = _MD_TAGS.sub("", text)
        text = _MD_AUTOLINK.sub(r"\1", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "*" in text or "__" in text:
        text = _MD_EMPHASIS.sub(r"\2", text)
        text = _MD_OPEN_RUN.sub("", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def _join_lines(text: str) -> str:
    text = text.strip()
    return _LINE_BREAKS.sub(" ", text) if "\n" in text else text


def _is_all_caps_title(text: str) -> bool:
    if len(text) > 160 or "\n" in text:
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.85 and not text.rstrip().endswith((".", ","))


def _is_title_case_title(text: str) -> bool:
    if len(text) > 120 or "\n" in text or not text[:1].isupper():
        return False
    if text.rstrip()[-1:] in '.,:;!?"”' or any(c in text for c in SUPERSCRIPT_DIGITS):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content or len(words) > 14:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.75


def _is_toc(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 3:
        return False
    matching = sum(1 for line in lines if _TOC_LINE.search(line))
    return matching / len(lines) >= 0.6


def _toc_entries(text: str) -> list[tuple[str, str]]:
    entries = []
    for line in text.splitlines():
        match = _TOC_LINE.search(line)
        if match:
            title = clean_markdown(line[: match.start()]).strip(" .\t")
            entries.append((_norm_title(title), match.group(2)))
    return entries


def _norm_title(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def _ends_open(text: str) -> bool:
    """True when a paragraph stops mid-sentence (cut by a page break)."""
    stripped = text.rstrip().rstrip(SUPERSCRIPT_DIGITS + "*_ ")
    if not stripped:
        return False
    return stripped[-1] not in ".!?:;\"”’)]'"


def _note_number(text: str) -> int | None:
    match = _NUMBERED_NOTE.match(text)
    if match:
        return int(match.group(1))
    match = _SUPERSCRIPT_NOTE.match(text)
    if match:
        return int(match.group(1).translate(_SUPER_TO_INT))
    return None


def blocks_from_text(text: str, markdown: bool) -> list[Block]:
    """Classify the blank-line separated paragraphs of a text file into blocks."""
    raw = [part.strip("\n") for part in re.split(r"\n[ \t]*\n", text)]
    raw = [part for part in raw if part.strip()]
    has_md_headings = markdown and any(_MD_HEADING.match(part.strip()) for part in raw)

    cache: dict[str, str] = {}

    def cleaned(part: str) -> str:
        if not markdown:
            return part
        result = cache.get(part)
        if result is None:
            result = cache[part] = clean_markdown(part)
        return result

    caps_titles = sum(
        1 for part in raw if len(part) <= 200 and _is_all_caps_title(cleaned(part).strip())
    )
    heading_style = "markdown" if has_md_headings else ("caps" if caps_titles >= 3 else "title")

    # First pass: kind of each raw paragraph.
    kinds: list[tuple[PassageKind | str, str, int, int | None]] = []
    last_note = 0
    for part in raw:
        stripped = part.strip()
        md = _MD_HEADING.match(stripped) if markdown else None
        if md:
            title = _join_lines(cleaned(md.group(2))).strip("*_ ")
            kinds.append(("heading", title, len(md.group(1)), None))
            continue
        if _is_toc(stripped):
            kinds.append(("toc", cleaned(stripped), 1, None))
            continue
        body = cleaned(stripped)
        number = _note_number(body)
        if number is not None and last_note < number <= last_note + 3:
            last_note = number
            kinds.append(("note", _join_lines(body), 1, number))
            continue
        flat = _join_lines(body)
        is_heading = (heading_style == "caps" and _is_all_caps_title(flat)) or (
            heading_style == "title" and _is_title_case_title(flat)
        )
        if is_heading:
            flat = flat.strip("*_ ")
        kinds.append(("heading" if is_heading else "body", flat, 1, None))

    # Second pass: rejoin paragraphs split by a run of notes and notes continued after it.
    blocks: list[Block] = []
    open_body: Block | None = None  # the last body block if it stops mid-sentence
    open_note: Block | None = None
    previous_kind = ""
    for index, (kind, content, level, number) in enumerate(kinds):
        next_kind = kinds[index + 1][0] if index + 1 < len(kinds) else ""
        if kind == "note":
            block = Block("note", content, number=number)
            blocks.append(block)
            open_note = block if _ends_open(content) else None
            previous_kind = "note"
            continue
        if kind == "body":
            if previous_kind == "note" and open_body is not None:
                open_body.text = _join_fragments(open_body.text, content)
                open_body = open_body if _ends_open(open_body.text) else None
                previous_kind = "body"
                continue
            if (
                open_note is not None
                and next_kind == "note"
                and not any(c in content for c in SUPERSCRIPT_DIGITS)
                and (
                    content[:1].islower()
                    or open_note.text.endswith("-")
                    or _CITATION_MARK.search(content)
                )
            ):
                open_note.text = _join_fragments(open_note.text, content)
                open_note = None
                previous_kind = "body"
                continue
            block = Block("body", content)
            blocks.append(block)
            open_body = block if _ends_open(content) else None
            previous_kind = "body"
            continue
        if kind == "toc":
            blocks.append(Block("body", content, front=True))
        else:
            blocks.append(Block("heading", content, level=level))
        open_body = None
        previous_kind = str(kind)

    _mark_front_matter(blocks, kinds)
    return blocks


def _join_fragments(first: str, second: str) -> str:
    # A word hyphenated across the page break ("negotia-" + "tions") is rejoined; a real
    # compound keeps its hyphen only when the next part starts with a capital.
    if first.endswith("-") and second[:1].islower() and not first.endswith(" -"):
        return first[:-1] + second
    return first + " " + second


def _mark_front_matter(blocks: list[Block], kinds: list) -> None:
    """Mark the title page, declarations and table of contents before the first real section.

    With a table of contents, the first real section is the first heading after it whose
    entry carries an arabic page number (front matter is numbered i, ii, iii...). Without one,
    it is the first heading after a short title block (title, author line).
    The abstract stays searchable.
    """
    toc_index = next((i for i, b in enumerate(blocks) if b.front), None)
    first_real: int | None = None
    if toc_index is not None:
        arabic = {title for title, page in _toc_entries(blocks[toc_index].text) if page.isdigit()}
        for i in range(toc_index + 1, len(blocks)):
            block = blocks[i]
            if block.kind == "heading" and _norm_title(block.text) in arabic:
                first_real = i
                break
        if first_real is None:
            first_real = toc_index + 1
        # The heading that introduces the contents belongs to them.
        if toc_index > 0 and blocks[toc_index - 1].kind == "heading":
            blocks[toc_index - 1].front = True
    else:
        # A title block: a few short lines (title, author, affiliation) before the first heading.
        first_heading = next((i for i, b in enumerate(blocks) if b.kind == "heading"), None)
        if first_heading is None or not 0 < first_heading <= 4:
            return
        if any(word_count(b.text) >= 30 for b in blocks[:first_heading]):
            return
        first_real = first_heading
    in_abstract = False
    for block in blocks[:first_real]:
        if block.kind == "heading":
            in_abstract = _norm_title(block.text) in ("abstract", "summary")
        block.front = block.front or not in_abstract


# --------------------------------------------------------------------------------------------
# Blocks -> Document


def split_sentences(text: str) -> list[str]:
    parts: list[str] = []
    last = 0
    for match in _SENTENCE_END.finditer(text):
        parts.append(text[last : match.start()] + text[match.start() : match.end()].rstrip())
        last = match.end()
    parts.append(text[last:])
    return [p for p in parts if p.strip()]


def _chunk_long(text: str) -> list[str]:
    """Cut a long paragraph into runs of whole sentences of about TARGET_WORDS."""
    if word_count(text) <= MAX_WORDS:
        return [text]
    chunks: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in split_sentences(text):
        words = word_count(sentence)
        if current and count + words > TARGET_WORDS:
            chunks.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += words
    if current:
        if chunks and count < MIN_WORDS:
            chunks[-1] = chunks[-1] + " " + " ".join(current)
        else:
            chunks.append(" ".join(current))
    return chunks


# Headings of reference lists, in the languages of the corpus (numbering and a trailing colon
# or period allowed): their paragraphs are entries, not prose.
_REFERENCE_HEADING = re.compile(
    r"^(?:[\dIVXivx]+[.)]?\s+)?(?:select(?:ed)?\s+|annotated\s+)?(?:bibliography|bibliographies|"
    r"references|works\s+cited|sources(?:\s+(?:and|&)\s+(?:bibliography|literature))?|"
    r"primary\s+sources|secondary\s+sources|archival\s+sources|archives|published\s+sources|"
    r"unpublished\s+sources|further\s+reading|literature\s+cited|bibliographie|literatur|"
    r"literaturverzeichnis|quellen(?:\s+und\s+literatur)?|références|sources\s+et\s+bibliographie|"
    r"bibliografía|bibliografia|fuentes|список\s+литературы|литература|источники|"
    r"источники\s+и\s+литература|参考文献|引用文献|参考书目)\s*[:.]?$",
    re.IGNORECASE,
)


def is_reference_heading(title: str) -> bool:
    return bool(_REFERENCE_HEADING.match(title.strip().strip("*_# ")))


def build_document(source_id: str, blocks: list[Block]) -> Document:
    """Join blocks into the document text and cut it into passages with offsets into it."""
    pieces: list[str] = []
    offset = 0
    # (kind, start, end, section, page, front)
    units: list[tuple[PassageKind, int, int, str, str | None, bool]] = []
    stack: list[tuple[int, str]] = []

    def section_path() -> str:
        return " > ".join(title for _, title in stack)

    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if block.kind == "heading":
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, text))
        kind: PassageKind = block.kind
        if kind == "body" and any(is_reference_heading(title) for _, title in stack):
            kind = "bib"
        parts = _chunk_long(text) if kind == "body" else [text]
        for n, part in enumerate(parts):
            if pieces:
                separator = " " if n else "\n\n"
                pieces.append(separator)
                offset += len(separator)
            start = offset
            pieces.append(part)
            offset += len(part)
            units.append((kind, start, offset, section_path(), block.page, block.front))

    full_text = "".join(pieces)
    merged: list[list] = []
    for unit in units:
        kind, start, end, section, page, front = unit
        if merged:
            last = merged[-1]
            same_place = last[0] == "body" == kind and last[3:6] == [section, page, front]
            last_words = last[6]
            words = word_count(full_text[start:end])
            if (
                same_place
                and (last_words < MIN_WORDS or words < MIN_WORDS / 2)
                and (last_words + words <= MAX_WORDS)
            ):
                last[2] = end
                last[6] += words
                continue
        else:
            words = word_count(full_text[start:end])
        merged.append([*unit, words])

    passages = [
        Passage(
            source_id=source_id,
            ordinal=ordinal,
            text=full_text[start:end],
            kind=kind,
            section=section,
            page=page,
            start=start,
            end=end,
            front_matter=front,
        )
        for ordinal, (kind, start, end, section, page, front, _) in enumerate(merged)
    ]
    return Document(source_id=source_id, text=full_text, passages=passages)
