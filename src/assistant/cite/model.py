"""What the Chicago engine takes (citations grouped in notes) and gives (rich-text runs)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Locator labels as CSL names them; the engine prints Chicago's abbreviations for them.
LOCATOR_LABELS = (
    "page",
    "chapter",
    "section",
    "paragraph",
    "note",
    "line",
    "volume",
    "figure",
    "book",
    "column",
    "folio",
    "part",
    "verse",
)


@dataclass(frozen=True, slots=True)
class Citation:
    """One reference to one item: `[see @shen-2000, 52, emphasis added]` in Pandoc syntax."""

    item_id: str
    locator: str = ""
    label: str = "page"
    prefix: str = ""
    suffix: str = ""
    suppress_author: bool = False
    # Pandoc's AuthorInText mode (`@key [52]` in running text or inside a note): the author's
    # name stays in the sentence and the rest of the reference follows as Pandoc renders it.
    author_in_text: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote: the writer's commentary interleaved with citation groups.

    `segments` holds plain strings (commentary, may carry Markdown-style *italics*) and tuples of
    citations (one group, printed joined by "; "). A bare reference is one tuple:
    `Note(((Citation("shen-2000", "52"),),))`.
    """

    segments: tuple[str | tuple[Citation, ...], ...]

    @classmethod
    def of(cls, *citations: Citation) -> Note:
        return cls((tuple(citations),))

    @property
    def citations(self) -> list[Citation]:
        return [c for segment in self.segments if isinstance(segment, tuple) for c in segment]


@dataclass(slots=True)
class Run:
    """A stretch of formatted text.

    Treat as immutable: rendered notes share their runs (cached per citation). Not frozen
    only because a frozen dataclass is several times slower to build, and a thousand notes
    build tens of thousands of runs."""

    text: str
    italic: bool = False
    small_caps: bool = False
    bold: bool = False
    superscript: bool = False
    subscript: bool = False
    link: str = ""  # a hyperlink's address (the writer's commentary: `[text](url)`)

    @property
    def style(self) -> tuple[bool, bool, bool, bool, bool]:
        """The formatting alone, to compare or copy runs."""
        return (self.italic, self.small_caps, self.bold, self.superscript, self.subscript)

    def with_text(self, text: str) -> Run:
        """The same formatting around other text."""
        # Positional fields, not `*self.style`: the engine copies tens of thousands of runs.
        return Run(
            text,
            self.italic,
            self.small_caps,
            self.bold,
            self.superscript,
            self.subscript,
            self.link,
        )


@dataclass(slots=True)
class RichText:
    """A note or bibliography entry as runs, with any warnings raised while rendering it."""

    runs: list[Run] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # For a rendered note: where each citation group is printed, as (index of the group in
    # `Note.segments`, start, end) character offsets into `text`; the Word export wraps each
    # in a citation field so that the commentary around it stays plain, editable text.
    groups: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def html(self) -> str:
        from html import escape

        parts = []
        for run in self.runs:
            piece = escape(run.text, quote=False)
            if run.superscript:
                piece = f"<sup>{piece}</sup>"
            if run.subscript:
                piece = f"<sub>{piece}</sub>"
            if run.small_caps:
                piece = f'<span style="font-variant: small-caps">{piece}</span>'
            if run.bold:
                piece = f"<b>{piece}</b>"
            if run.italic:
                piece = f"<i>{piece}</i>"
            if run.link:
                piece = f'<a href="{escape(run.link)}">{piece}</a>'
            parts.append(piece)
        return "".join(parts)
