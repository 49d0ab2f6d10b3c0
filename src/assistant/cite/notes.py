"""Notes in sequence: the full form at a source's first citation, the short form after it, and
"Ibid." for a source cited just before (CMOS 18 14.29-14.36).

A citation group inside the writer's prose (commentary before it in the same note) is
parenthesised as Pandoc prints it, its own parentheses turned to brackets (CMOS 6.101, 14.35).
A citation marked `author_in_text` (`@key [52]` inside a note) reads as part of the sentence,
unparenthesised, as Pandoc renders it with a note style.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import ModuleType

from assistant.cite import archival, books, legal, media, other, periodicals, web
from assistant.cite.items import Item, video_platform
from assistant.cite.locators import has_volume, locator_text, locator_warnings
from assistant.cite.model import Citation, Note, RichText, Run
from assistant.cite.names import Name, names_short
from assistant.cite.pieces import container, title
from assistant.cite.richtext import (
    Parts,
    capitalize_first,
    comma_then,
    join,
    lower_first,
    markdown_runs,
    resolve_parens,
    t,
)
from assistant.cite.titles import styled_title
from assistant.cite.typography import merge_runs, punctuation_inside_quotes

RENDERERS: dict[str, ModuleType] = {
    "book": books,
    "report": books,
    "chapter": books,
    "entry": books,
    "article": periodicals,
    "periodical": periodicals,
    "archival": archival,
    "letter": archival,
    "interview": archival,
    "web": web,
    "thesis": other,
    "event": other,
    "issue": periodicals,
    "film": media,
    "broadcast": media,
    "song": media,
    "artwork": media,
    "map": media,
    "performance": media,
    "legal": legal,
    "hearing": legal,
    "technical": legal,
}

_CLOSING_STOPS = (".”", "?”", "!”", ".’”", "?’”", "!’”")
# What the punctuation pass can act on; a note with none of these is left as it is.
_PUNCTUATION_PAIRS = ("”,", "”.", "’,", "’.", "..", "?.", "!.")

FullNames = frozenset[int]  # which of an item's short-note names need their given names


def full_parts(item: Item, citation: Citation) -> Parts:
    return RENDERERS[item.family].full(item, citation)  # type: ignore[no-any-return]


def bibliography_parts(item: Item) -> Parts:
    return RENDERERS[item.family].bibliography(item)  # type: ignore[no-any-return]


def _printed(item: Item) -> list[Name]:
    names = item.primary
    return names[:1] if len(names) >= 3 else list(names)


def given_names_needed(items: Iterable[Item]) -> dict[str, FullNames]:
    """CSL's add-givenname for short notes: a name gets its given names when another cited
    person would print the same surname ("Shu Guang Zhang" and "Xiaoming Zhang", in any
    position of a name list). Co-authors of the same works who share a surname, and one
    person under two forms of a name ("John L." and "John Lewis"), are not ambiguous (14.29)."""
    items = list(items)
    people: dict[str, list[tuple[Name, set[str]]]] = defaultdict(list)
    for item in items:
        for name in _printed(item):
            entries = people[name.short_key()]
            for known, ids in entries:
                if known.same_person(name):
                    ids.add(item.id)
                    break
            else:
                entries.append((name, {item.id}))
    out: dict[str, FullNames] = {}
    for item in items:
        needed = set()
        for index, name in enumerate(_printed(item)):
            for namesake, ids in people.get(name.short_key(), []):
                if not namesake.same_person(name) and ids - _coauthored(items, name, ids):
                    needed.add(index)
                    break
        printed = _printed(item)
        for index in list(needed):
            # Co-authors sharing a surname print alike, both given names or neither ("Kolko
            # and Kolko", never "Joyce Kolko and Kolko"): when only one needs them to be told
            # from the other's own works, the pair is already told apart by being two.
            kin = [i for i, n in enumerate(printed) if n.short_key() == printed[index].short_key()]
            if len(kin) > 1 and not all(i in needed for i in kin):
                needed.difference_update(kin)
        if needed:
            out[item.id] = frozenset(needed)
    return out


def _coauthored(items: list[Item], name: Name, ids: set[str]) -> set[str]:
    """Which of `ids` also list `name`: works the two namesakes wrote together."""
    return {i.id for i in items if i.id in ids and any(n.same_person(name) for n in i.primary)}


def short_head(item: Item, suppress_author: bool, full_names: FullNames) -> Parts:
    """The short note without its locator: "Caro, *Years of Lyndon Johnson*"."""
    names = item.primary
    creator: Parts
    if legal.generated_text(item):
        # No title to shorten: the short note repeats the tool, maker and date (14.112).
        return legal.generated_text_head(item)
    if suppress_author or (item.family == "film" and not video_platform(item.raw)):
        # A film's short note is its title, as its full note leads with it (14.165).
        creator = []
    elif names and not item.in_known_reference_work:
        creator = t(names_short(names, full_names))
    elif item.family in ("periodical", "entry", "broadcast"):
        # An unsigned episode is known by its series, as its full note leads with it (14.165).
        creator = container(item)
    elif item.family == "web":
        blog = item.cased("container-title") if web.is_blog(item) else ""
        creator = styled_title(blog, quoted=False) if blog else t(web.owner(item))
    else:
        creator = []
    short_title = title(item, short=True)
    if item.family in ("article", "periodical"):
        short_title = periodicals.short_review(item) or short_title
    if item.in_known_reference_work and short_title:
        # The headword an unsigned entry is cited under is given as the work prints it
        # (14.130), not cut as a title is: "under “Koreiskaia voina 1950–53.”"
        if not item.raw.get("title-short") and ":" not in (item.title or ""):
            short_title = title(item)
        short_title = [Run("under "), *short_title]
    if item.family == "interview" and not short_title:
        short_title = t("interview")
    if item.family == "letter" and not short_title:
        # An untitled letter is known by its recipient and date: "letter to Mao, May 14, 1950".
        genre = lower_first(item.get("genre") or "letter")
        described = []
        if item.recipients:
            described.append(t(f"{genre} to {names_short(item.recipients)}"))
        elif item.get("genre") and item.get("container-title"):
            # A published letter to no one named, "letter to the editor": its description is
            # its short form, as a title's would be (CMOS 18 14.105, 14.30).
            return join([creator, t(genre)], ", ")
        dated = item.document_date or item.date
        described.append(t(dated.text() if dated else ""))
        short_title = join(described, ", ")
    if item.family == "archival" and not short_title and item.get("genre"):
        # An untitled document is known by what it is and its date: "diary, August 23, 1958"
        # (CMOS 14.119), as its full note describes it.
        date = item.date.text() if item.date else ""
        # A description given as the title was ("memorandum of conversation with …") is
        # shortened as a title would be, to its record's short form.
        genre = item.get("genre-short") or item.get("genre")
        short_title = join([t(lower_first(genre)), t(date)], ", ")
    return join([creator, short_title], ", ")


def _short_locator(item: Item, citation: Citation) -> str:
    """The locator of a short note: with a multivolume work's volume, "2:334" or "vol. 2"."""
    loc = locator_text(citation)
    volume = item.get("volume")
    if item.family in ("book", "report") and volume and not has_volume(citation):
        if volume.isdigit() and (citation.label or "page") == "page" and loc:
            return f"{volume}:{loc}"
        return ", ".join(p for p in (f"vol. {volume}", loc) if p)
    return loc


_SHORT_HEAD_KEYS = {False: "short-head-0", True: "short-head-1"}


def short_parts(item: Item, citation: Citation, full_names: FullNames) -> Parts:
    if item.family == "legal":
        return legal.short(item, citation)
    # Everything before the locator depends on the item alone (and on [-@id]): built once.
    key = _SHORT_HEAD_KEYS[citation.suppress_author]
    if full_names:
        key = f"{key}-{sorted(full_names)}"
    head = item.styled.get(key)
    if head is None:
        head = item.styled[key] = short_head(item, citation.suppress_author, full_names)
    loc = _short_locator(item, citation)
    if not loc:
        return list(head)
    if not head:
        return t(loc)
    return comma_then(head, loc)


_ROMAN = Run("").style


def finish(parts: Parts, warnings: list[str]) -> RichText:
    """A note or entry as printed: parentheses resolved, closing period, punctuation placed."""
    runs = _no_comma_after_stop(resolve_parens(merge_runs(parts), brackets=False))
    if not runs:
        return RichText([], warnings)
    text = "".join(run.text for run in runs)
    stripped = text.rstrip()
    if stripped and not (stripped[-1] in ".?!" or stripped.endswith(_CLOSING_STOPS)):
        last = runs[-1]
        if last.style != _ROMAN:
            runs.append(Run("."))
        else:
            runs[-1] = Run(last.text + ".")
        text += "."
    if any(pair in text for pair in _PUNCTUATION_PAIRS):
        runs = punctuation_inside_quotes(runs)
    return RichText(runs, warnings)


def _no_comma_after_stop(runs: list[Run]) -> list[Run]:
    """No comma after a title's question mark or exclamation point, italic titles included
    (CMOS 6.119): "*Missed Opportunity?* Working Paper no. 14"."""
    for index in range(1, len(runs)):
        run = runs[index]
        if run.text.startswith(",") and runs[index - 1].text.endswith(("?", "!")):
            runs[index] = run.with_text(run.text[1:])
    return runs


class NoteRenderer:
    """Renders citations and notes for one set of prepared items, keeping what it rendered."""

    def __init__(self, items: Mapping[str, Item], *, ibid: bool) -> None:
        self.items = items
        self.ibid = ibid
        self._default_full_names: Mapping[str, FullNames] | None = None
        # Rendered citations by (citation, form, at note start, in prose, given names): items
        # never change after construction, so re-rendering reuses every unchanged citation.
        self._cache: dict[tuple[Citation, str, bool, bool, FullNames], tuple[Parts, list[str]]]
        self._cache = {}

    @property
    def default_full_names(self) -> Mapping[str, FullNames]:
        """Given names needed among all the items (for a citation previewed outside notes):
        computed on first use, since rendering notes works out its own for the cited items."""
        if self._default_full_names is None:
            self._default_full_names = given_names_needed(self.items.values())
        return self._default_full_names

    def cite(
        self,
        citation: Citation,
        form: str,
        warnings: list[str],
        *,
        at_start: bool = True,
        in_prose: bool = False,
        full_names: Mapping[str, FullNames] | None = None,
    ) -> Parts:
        names = (full_names if full_names is not None else self.default_full_names).get(
            citation.item_id, frozenset()
        )
        key = (citation, form, at_start, in_prose, names)
        cached = self._cache.get(key)
        if cached is None:
            own: list[str] = []
            body = self._render(citation, form, own, at_start, names)
            cached = (resolve_parens(body, brackets=True) if in_prose else body, own)
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = cached
        warnings.extend(w for w in cached[1] if w not in warnings)
        return list(cached[0])

    def _render(
        self, citation: Citation, form: str, warnings: list[str], at_start: bool, names: FullNames
    ) -> Parts:
        item = self.items.get(citation.item_id)
        if item is None:
            warnings.append(f"no source with id {citation.item_id!r} in the bibliography")
            body: Parts = [Run(f"[unknown source: {citation.item_id}]")]
            if citation.locator:
                body.append(Run(f", {locator_text(citation)}"))
        else:
            warnings.extend(w for w in item.warnings if w not in warnings)
            warnings.extend(w for w in locator_warnings(citation) if w not in warnings)
            if form == "full":
                body = full_parts(item, citation)
            elif form == "short":
                body = short_parts(item, citation, names)
            else:
                opening = at_start and not citation.prefix
                body = [Run("Ibid." if opening else "ibid.")]
                if form == "ibid-locator":
                    # "Ibid., 2:110": the volume goes with the page as in a short note.
                    body.append(Run(f", {_short_locator(item, citation)}"))
            if not body:
                body = [Run(f"[{citation.item_id}]")]
        if citation.prefix:
            prefix = markdown_runs(citation.prefix)
            # A note starts with a capital: "see" opening a note becomes "See".
            if at_start:
                prefix = capitalize_first(prefix)
            body = [*prefix, Run(" "), *body]
        if citation.suffix:
            suffix = citation.suffix
            if suffix[0].isalnum() or suffix[0] in "*_":
                suffix = ", " + suffix
            body = [*body, *markdown_runs(suffix)]
        return body

    def render(self, notes: Sequence[Note]) -> list[RichText]:
        """Every note in order: full form at an item's first citation, short after, ibid if on."""
        cited = {c.item_id for note in notes for c in note.citations}
        full_names = given_names_needed(self.items[i] for i in cited if i in self.items)
        seen: set[str] = set()
        previous: list[Citation] = []  # citations of the previous note (for ibid)
        out: list[RichText] = []
        for note in notes:
            warnings: list[str] = []
            parts: Parts = []
            length = 0  # characters in `parts` so far
            has_prose = False  # whether the note's own text has printed anything yet
            current: list[Citation] = []
            printed: list[tuple[int, int, int]] = []
            for index, segment in enumerate(note.segments):
                if isinstance(segment, str):
                    runs = markdown_runs(segment)
                    parts.extend(runs)
                    length += sum(len(r.text) for r in runs)
                    has_prose = has_prose or any(r.text.strip() for r in runs)
                    continue
                in_prose = has_prose and not any(c.author_in_text for c in segment)
                group: list[Parts] = []
                for citation in segment:
                    if citation.item_id not in seen:
                        form = "full"
                    elif self.ibid and (ibid := self._ibid_form(citation, previous, current)):
                        form = ibid
                    else:
                        form = "short"
                    at_start = not parts and not group
                    group.append(
                        self.cite(
                            citation,
                            form,
                            warnings,
                            at_start=at_start,
                            in_prose=in_prose,
                            full_names=full_names,
                        )
                    )
                    if citation.item_id in self.items:
                        seen.add(citation.item_id)
                    current.append(citation)
                joined = join(group, "; ")
                if in_prose and joined:
                    joined = [Run("("), *joined, Run(")")]
                start = length
                parts.extend(joined)
                length += sum(len(r.text) for r in joined)
                has_prose = has_prose or any(r.text.strip() for r in joined)
                printed.append((index, start, length))
            if not note.segments:
                warnings.append("empty note")
            rendered = finish(parts, warnings)
            # finish() keeps the text's length (it moves punctuation, turns nested parentheses
            # into brackets) but for the closing period, so the offsets still hold; a period
            # it adds right after the last group is that citation's.
            if printed and printed[-1][2] == length and len(rendered.text) == length + 1:
                index, start, end = printed[-1]
                printed[-1] = (index, start, end + 1)
            rendered.groups = printed
            out.append(rendered)
            previous = current
        return out

    @staticmethod
    def _ibid_form(citation: Citation, previous: list[Citation], current: list[Citation]) -> str:
        """ "ibid" (same place), "ibid-locator" (another page: "Ibid., 2:334"), or "" when
        Ibid. cannot be used (CMOS 14.34)."""
        # Ibid. points at the one source cited just before: the previous citation in this note,
        # or the previous note when it cites a single source.
        before = current[-1:] if current else previous
        if len(before) != 1 or before[0].item_id != citation.item_id:
            return ""
        last = before[0]
        if not citation.locator:
            # Without a locator, "ibid." would claim the same page as before.
            return "ibid" if not last.locator else ""
        same = citation.locator.strip() == last.locator.strip() and (
            (citation.label or "page") == (last.label or "page")
        )
        return "ibid" if same else "ibid-locator"
