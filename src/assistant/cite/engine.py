"""The Chicago notes-bibliography engine (CMOS 18, as `chicago-notes-bibliography.csl` encodes it).

Hand-written rather than a general CSL processor: each item family has a renderer module for
its full note and bibliography entry (`books`, `periodicals`, `archival`, `web`, `other`); short
notes and ibid are in `notes`, ordering in `bibliography`; names, dates and titles have their own
modules. Output is checked against pandoc's citeproc with the official style
(tests/cite/test_oracle.py); where CMOS and that pipeline disagree the engine follows CMOS, and
each such rule has its own test (tests/cite/test_cmos_rules.py).

Items are prepared once (names parsed, titles cased, dates read), so rendering a thousand notes
is string joining.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from assistant.cite.bibliography import has_entry, sort_key, with_dashes
from assistant.cite.items import Item, distinct_short_titles, prepare
from assistant.cite.model import Citation, Note, RichText, Run
from assistant.cite.names import names_note, names_short
from assistant.cite.notes import NoteRenderer, bibliography_parts, finish
from assistant.cite.richtext import markdown_runs, runs_to_text

__all__ = ["ChicagoEngine", "markdown_runs", "runs_to_text"]


class ChicagoEngine:
    """Chicago notes and bibliography for a set of CSL-JSON items.

    Pure: rendering never changes what the engine returns, so call `render_notes` again whenever
    the writer adds, removes or moves a note and the full/short/ibid forms follow the new order.
    The items are read once, at construction (later edits to the dicts are not seen): build a new
    engine when the metadata changes. Reusing one engine across renders is what makes the live
    preview cheap, since rendered citations and entries are kept.

    `three_em_dash` replaces a name repeated from the entry above by ——— (CMOS 14.67).
    """

    def __init__(
        self,
        items: Mapping[str, Mapping[str, Any]],
        *,
        ibid: bool = False,
        three_em_dash: bool = False,
    ) -> None:
        self.ibid = ibid
        self.three_em_dash = three_em_dash
        self._items: dict[str, Item] = {
            item_id: prepare(item_id, raw) for item_id, raw in dict(items).items()
        }
        distinct_short_titles(self._items)
        self._notes = NoteRenderer(self._items, ibid=ibid)
        self._bib_cache: dict[str, RichText] = {}

    def full_note(self, citation: Citation) -> RichText:
        """The first-citation form of one citation, as a note of its own."""
        warnings: list[str] = []
        return finish(self._notes.cite(citation, "full", warnings), warnings)

    def short_note(self, citation: Citation) -> RichText:
        """The shortened form of one citation, as a note of its own."""
        warnings: list[str] = []
        return finish(self._notes.cite(citation, "short", warnings), warnings)

    def render_notes(self, notes: Sequence[Note]) -> list[RichText]:
        """Every note in order: full form at an item's first citation, short after, ibid if on."""
        return self._notes.render(notes)

    def in_text_names(self, notes: Sequence[Note]) -> list[str]:
        """The author's name Pandoc prints in the running text for `@key [52]` in the body
        (with a note style): the full name at the work's first citation, the short form
        after ("Robert A. Caro" ... "Caro"); "" for a note that is not such a citation.

        Such a note holds one citation with `author_in_text` and `suppress_author` set: the
        note itself carries the rest of the reference, as Pandoc's does. (Inside a note's
        own text, `author_in_text` alone renders the whole reference inline.)
        """
        seen: set[str] = set()
        out: list[str] = []
        for note in notes:
            citations = note.citations
            name = ""
            if len(citations) == 1 and citations[0].author_in_text and citations[0].suppress_author:
                item = self._items.get(citations[0].item_id)
                if item is not None and item.primary:
                    full = item.id not in seen
                    name = names_note(item.primary) if full else names_short(item.primary)
            out.extend([name])
            seen.update(c.item_id for c in citations)
        return out

    def bibliography_entry(self, item_id: str) -> RichText:
        item = self._items.get(item_id)
        if item is None:
            return _unknown(item_id)
        cached = self._bib_cache.get(item_id)
        if cached is None:
            cached = self._bib_cache[item_id] = finish(
                bibliography_parts(item), list(item.warnings)
            )
        # A fresh RichText each time: callers may annotate what they get.
        return RichText(list(cached.runs), list(cached.warnings))

    def bibliography(self, item_ids: Iterable[str] | None = None) -> list[RichText]:
        """Entries sorted as Chicago sorts them (CMOS 14.66-14.71).

        Unknown ids get a visible placeholder entry at the end rather than disappearing.
        Unarchived interviews and personal communications have no entry (CMOS 14.111).
        """
        ids = list(dict.fromkeys(self._items if item_ids is None else item_ids))
        known = [self._items[i] for i in ids if i in self._items]
        unknown = [i for i in ids if i not in self._items]
        known = [item for item in known if has_entry(item)]
        known.sort(key=sort_key)
        entries = [(item, self.bibliography_entry(item.id)) for item in known]
        rendered = with_dashes(entries) if self.three_em_dash else [e for _, e in entries]
        return rendered + [_unknown(i) for i in unknown]

    def warnings(self, item_id: str) -> list[str]:
        """What is wrong with an item's metadata (empty when nothing)."""
        item = self._items.get(item_id)
        return list(item.warnings) if item else [f"no source with id {item_id!r}"]

    def short_title(self, item_id: str) -> str:
        """The title a short note uses (the writer's `title-short`, else derived), plain."""
        item = self._items.get(item_id)
        return runs_to_text(self._notes_title(item)) if item else ""

    @staticmethod
    def _notes_title(item: Item) -> list[Run]:
        from assistant.cite.pieces import title

        return title(item, short=True)


def _unknown(item_id: str) -> RichText:
    return RichText(
        [Run(f"[unknown source: {item_id}]")],
        [f"no source with id {item_id!r} in the bibliography"],
    )
