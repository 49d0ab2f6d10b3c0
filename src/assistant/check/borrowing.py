"""The borrowing guard: a source's wording used in the draft without quotation marks.

The quote checker compares what the writer put in quotation marks with the source; this module
looks at everything else, body and notes, for stretches that reproduce a source's words: a
sentence that drifted from the writer's notes into the draft, cited or not. Chicago asks for
quotation marks or a real paraphrase either way.

How a stretch is found. Words are compared after case folding and Snowball stemming (so
"argued"/"argues" and "telegram"/"telegrams" agree), in the source's stream of words (page and
paragraph breaks do not interrupt it). Every run of five shared words seeds a match; seeds are
extended word by word in both directions and runs of the same source less than four words apart
are joined, so a copy with a word or two changed is one stretch. Words in quotation marks, in
italics (titles) and in the draft's own quotations never take part.

What counts. A stretch counts when it holds at least `MIN_CONTENT_WORDS` content words: words
that are neither function words nor capitalised in the source (names, titles of institutions:
"the Central Committee of the Communist Party of the Soviet Union" is a name, not borrowed
prose), and at least `MIN_SHARED_WORDS` words in all. "The end of the war" (two content words)
is a stock phrase; a sentence is not.

Close paraphrase. A draft sentence whose content words, each weighed by its rarity in the
library (inverse frequency), are for the most part (`PARAPHRASE_SHARE` of the weight, at least
`PARAPHRASE_MIN_SHARED` words) found together in one stretch of a source, in any order, is the
source's sentence with words swapped or reordered, and is reported as such. A real paraphrase
says it in other words, whose weight is missing from the source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from assistant.check.quotations import block_layout, citing_anchor, quotation_spans
from assistant.check.sentences import sentence_spans
from assistant.check.stems import INDEXED_BELOW, STEMS, Prepared, prepare, prepare_library
from assistant.check.text import (
    WORD_RE,
    SourceText,
    Stream,
    clean_wording,
    strip_marks,
)
from assistant.essay.model import Essay, NoteAnchor, Span

SEED = 5
MAX_GAP = 3
MIN_SHARED_WORDS = 6
MIN_CONTENT_WORDS = 4
MIN_PROSE = 3
PARAPHRASE_MIN_SHARED = 6
PARAPHRASE_SHARE = 0.6
PARAPHRASE_PROBES = 8
# Words more frequent than this share of the library's words say little about which passage a
# sentence comes from; they are weighed but not looked up.
COMMON_SHARE = 0.002
BorrowingKind = Literal["verbatim", "paraphrase"]

BARRIER = -1


@dataclass(frozen=True, slots=True)
class Borrowing:
    """One stretch of the draft that is a source's wording without quotation marks.

    `block`, `start` and `end` locate the draft's words (offsets into `Block.text`); in a
    note's commentary `note` is the note's number and `start`/`end` are offsets into the note's
    text. `source_wording` is the source's own text of the stretch, `marked_wording` the same
    with the shared words in [[double brackets]].
    """

    kind: BorrowingKind
    block: int
    start: int
    end: int
    text: str
    source_id: str
    source_start: int
    source_end: int
    source_wording: str
    marked_wording: str
    shared_words: int
    cited_here: bool
    page: str | None = None
    section: str = ""
    note: int | None = None

    @property
    def place(self) -> str:
        if self.page:
            return f"p. {self.page}"
        return self.section


@dataclass(slots=True)
class _Piece:
    """A stretch of the draft's own prose: a paragraph, or a note's commentary."""

    block: int
    text: str
    words: list[tuple[int, int]]  # character span of each word in `text`
    stems: list[int]  # BARRIER where a word must not take part (quoted, italic)
    anchors: list[tuple[int, NoteAnchor]]
    note: int | None = None
    note_citations: tuple[str, ...] = ()


def find_borrowings(
    essay: Essay,
    sources: Mapping[str, SourceText],
    *,
    min_shared: int = MIN_SHARED_WORDS,
    min_content: int = MIN_CONTENT_WORDS,
) -> list[Borrowing]:
    """Every stretch of `essay` that reproduces one of `sources` without quotation marks."""
    pieces = _draft_pieces(essay)
    if not pieces or not sources:
        return []
    quoted = _quoted_shingles(essay)
    draft_shingles: dict[tuple[int, ...], list[tuple[int, int]]] = defaultdict(list)
    for number, piece in enumerate(pieces):
        for position, shingle in _shingles(piece.stems):
            if shingle not in quoted:
                draft_shingles[shingle].append((number, position))

    # The sources the draft cites are searched first: when the same words stand in two sources
    # (an article and the book it became), the cited one is named.
    cited = set(essay.cited_ids())
    streams = [
        (source_id, stream)
        for source_id, source in sorted(sources.items(), key=lambda pair: pair[0] not in cited)
        for stream in source.streams
        if len(stream) >= SEED
    ]
    prepared = [prepare(sid, stream) for sid, stream in streams]
    library = prepare_library(prepared, SEED)
    frequency = library.frequency
    total_words = max(1, library.total_words)
    # Each draft shingle stands for its rarest word: a source run equal to a draft shingle
    # seeds a match where that word (at that offset) is one its stream indexes by position
    # (see INDEXED_BELOW), so five words each common in the stream seed nothing.
    offsets: dict[int, set[int]] = defaultdict(set)
    for shingle in draft_shingles:
        offset = min(range(SEED), key=lambda k: frequency.get(shingle[k], 0))
        if frequency.get(shingle[offset], 0) > 0:
            offsets[shingle[offset]].add(offset)
    shingles = list(draft_shingles)
    anchored = np.array(
        [[k in offsets.get(shingle[k], ()) for k in range(SEED)] for shingle in shingles],
        dtype=bool,
    ).reshape(len(shingles), SEED)
    found_in = library.windows(shingles, anchored)
    places_of = [draft_shingles[shingle] for shingle in shingles]

    candidates: list[_Candidate] = []
    tried: dict[int, set[int]] = defaultdict(set)  # piece -> draft words already judged
    covered: dict[int, set[int]] = defaultdict(set)  # piece -> draft words reported
    for number, entry in enumerate(prepared):
        stems, stream, capital = entry.stems, entry.stream, entry.capital
        source_id = entry.source_id
        seeds: list[tuple[tuple[int, int], int]] = []
        for start, which in found_in.get(number, ()):
            for where in places_of[which]:
                if where[1] not in tried[where[0]]:
                    seeds.append((where, start))
        if not seeds:
            continue
        source_text = sources[source_id].text
        for piece_number, shared in _runs(seeds, pieces, stems, tried):
            content = [s for _, s in shared if stems[s] in STEMS.content]
            prose = [
                s
                for s in content
                if not (capital[s] and not _sentence_initial(source_text, stream, s))
            ]
            if len(shared) >= min_shared:
                tried[piece_number].update(pair[0] for pair in shared)
            # Names (capitalised inside a sentence) are content but not prose: a run of them
            # is an institution's or a person's name, not borrowed wording.
            if len(shared) < min_shared or len(content) < min_content or len(prose) < MIN_PROSE:
                continue
            covered[piece_number].update(range(shared[0][0], shared[-1][0] + 1))
            candidates.append(_Candidate.of_run(piece_number, source_id, stream, shared))
    quoted_stems = {stem for shingle in quoted for stem in shingle}
    candidates.extend(_paraphrases(pieces, prepared, frequency, total_words, covered, quoted_stems))
    return [
        _borrowing(c, pieces[c.piece], sources[c.source_id])
        for c in _one_per_stretch(candidates, pieces)
    ]


@dataclass(slots=True)
class _Candidate:
    """A borrowing before it is worded for the writer: where it is in both texts."""

    kind: BorrowingKind
    piece: int
    source_id: str
    stream: Stream
    draft_first: int
    draft_last: int
    source_first: int
    source_last: int
    marked: set[int]  # the source's words shared with the draft

    @classmethod
    def of_run(
        cls, piece: int, source_id: str, stream: Stream, shared: list[tuple[int, int]]
    ) -> _Candidate:
        return cls(
            "verbatim",
            piece,
            source_id,
            stream,
            shared[0][0],
            shared[-1][0],
            shared[0][1],
            shared[-1][1],
            {s for _, s in shared},
        )


def _one_per_stretch(candidates: list[_Candidate], pieces: list[_Piece]) -> list[_Candidate]:
    """The report with most shared words for each stretch of the draft, in reading order."""
    kept: list[_Candidate] = []
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: -len(c.marked)):
        first, last = candidate.draft_first, candidate.draft_last
        if any(a <= last and first <= b for a, b in spans[candidate.piece]):
            continue
        spans[candidate.piece].append((first, last))
        kept.append(candidate)
    kept.sort(key=lambda c: (pieces[c.piece].block, pieces[c.piece].note or 0, c.draft_first))
    return kept


# -- the draft --------------------------------------------------------------------------------


def _draft_pieces(essay: Essay) -> list[_Piece]:
    pieces: list[_Piece] = []
    number = 0
    for index, block in enumerate(essay.blocks):
        text, anchors = block_layout(block)
        if block.kind in ("paragraph", "list_item") and text.strip():
            italic = _italic_spans(block.inlines)
            pieces.append(_piece(index, text, anchors, italic))
        for _, anchor in anchors:
            number += 1
            commentary = "".join(s for s in anchor.note.segments if isinstance(s, str))
            if len(commentary.split()) >= SEED:
                cited = tuple(c.item_id for c in anchor.note.citations)
                piece = _piece(index, commentary.replace("*", " "), [], [])
                piece.note, piece.note_citations = number, cited
                pieces.append(piece)
    return pieces


def _piece(
    block: int, text: str, anchors: list[tuple[int, NoteAnchor]], italic: list[tuple[int, int]]
) -> _Piece:
    cleaned = strip_marks(text)
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(cleaned)]
    stems = STEMS.of([cleaned[a:b] for a, b in spans])
    excluded = quotation_spans(cleaned) + italic
    if excluded:
        for position, (a, b) in enumerate(spans):
            if any(start <= a and b <= end + 1 for start, end in excluded):
                stems[position] = BARRIER
    return _Piece(block, text, spans, stems, anchors)


def _italic_spans(inlines: Iterable[Any]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for inline in inlines:
        if isinstance(inline, Span):
            if inline.italic:
                spans.append((position, position + len(inline.text)))
            position += len(inline.text)
    return spans


def _quoted_shingles(essay: Essay) -> set[tuple[int, ...]]:
    """Shingles of what the draft quotes, in marks or as block quotations: using those words
    again later is the writer's own quotation, not a new borrowing."""
    found: set[tuple[int, ...]] = set()
    for block in essay.blocks:
        text, _ = block_layout(block)
        spans = [(0, len(text))] if block.kind == "blockquote" else quotation_spans(text)
        for start, end in spans:
            words = WORD_RE.findall(strip_marks(text[start:end]))
            found.update(shingle for _, shingle in _shingles(STEMS.of(words)))
    return found


def _shingles(stems: Sequence[int]) -> Iterable[tuple[int, tuple[int, ...]]]:
    for position in range(len(stems) - SEED + 1):
        shingle = tuple(stems[position : position + SEED])
        if BARRIER not in shingle:
            yield position, shingle


# -- verbatim runs ---------------------------------------------------------------------------


def _runs(
    seeds: list[tuple[tuple[int, int], int]],
    pieces: list[_Piece],
    stems: list[int],
    tried: dict[int, set[int]],
) -> list[tuple[int, list[tuple[int, int]]]]:
    """Seeds extended into maximal runs: (piece, the shared (draft, source) word pairs).

    A seed on a run already extended from this source is not extended again, nor one on the
    draft words of a run judged in an earlier source (`tried`): the same words copied in
    several sources are extended once."""
    results = []
    here: set[tuple[int, int, int]] = set()
    for piece_number, d, s in sorted((w[0], w[1], s) for w, s in seeds):
        if (piece_number, d, s) in here or d in tried[piece_number]:
            continue
        shared = _extend(pieces[piece_number].stems, stems, d, s)
        here.update((piece_number, a, b) for a, b in shared)
        results.append((piece_number, shared))
    return results


def _extend(draft: list[int], stems: list[int], d: int, s: int) -> list[tuple[int, int]]:
    """The (draft, source) word pairs of the run through (d, s), carried over a few changed,
    added or dropped words (either way) where the texts agree again on two words in a row."""
    backward = _walk(draft, stems, d - 1, s - 1, -1)
    forward = _walk(draft, stems, d, s, 1)
    return backward[::-1] + forward


def _walk(draft: list[int], stems: list[int], d: int, s: int, step: int) -> list[tuple[int, int]]:
    def agree(a: int, b: int) -> bool:
        return (
            0 <= a < len(draft)
            and 0 <= b < len(stems)
            and draft[a] != BARRIER
            and (draft[a] == stems[b])
        )

    shared: list[tuple[int, int]] = []
    while True:
        while agree(d, s):
            shared.append((d, s))
            d, s = d + step, s + step
        resumed = None
        for total in range(1, 2 * MAX_GAP + 1):
            for skip_d in range(max(0, total - MAX_GAP), min(total, MAX_GAP) + 1):
                nd, ns = d + step * skip_d, s + step * (total - skip_d)
                skipped = draft[min(d, nd) : max(d, nd) + 1]
                if BARRIER not in skipped and agree(nd, ns) and agree(nd + step, ns + step):
                    resumed = (nd, ns)
                    break
            if resumed:
                break
        if resumed is None:
            return shared
        d, s = resumed


def _sentence_initial(text: str, stream: Stream, position: int) -> bool:
    """Whether the source's word at `position` starts a sentence (capitalised for that)."""
    if position == 0:
        return True
    start, _ = stream.span(position)
    _, end = stream.span(position - 1)
    return re.search(r"[.?!:]", text[end:start]) is not None


# -- close paraphrase ------------------------------------------------------------------------


def _paraphrases(
    pieces: list[_Piece],
    prepared: list[Prepared],
    frequency: Counter[int],
    total_words: int,
    covered: dict[int, set[int]],
    quoted: set[int],
) -> list[_Candidate]:
    """Draft sentences whose content words, weighted by rarity, are mostly found together in
    one stretch of a source: the same sentence with words swapped or reordered.

    A source stretch is a candidate only where most of the sentence's rarest words
    (`PARAPHRASE_PROBES` of them) stand close together; there the whole sentence's content
    words are weighed."""
    # Only stems the streams index by position can be looked up (see INDEXED_BELOW).
    common = min(INDEXED_BELOW - 1, max(50, COMMON_SHARE * total_words))

    def weight(stem: int) -> float:
        return math.log((total_words + 1) / (frequency.get(stem, 0) + 0.5))

    sentences: list[tuple[int, int, int, dict[int, float], float, int]] = []
    wanted: dict[int, list[int]] = defaultdict(list)
    for number, piece in enumerate(pieces):
        text = strip_marks(piece.text)
        for start, end in sentence_spans(text):
            positions = [i for i, (a, b) in enumerate(piece.words) if start <= a and b <= end]
            if not positions or covered[number] & set(positions):
                continue
            content = {
                piece.stems[i]
                for i in positions
                if piece.stems[i] != BARRIER and piece.stems[i] in STEMS.content
            }
            if sum(1 for stem in content if stem in quoted) * 2 > len(content):
                continue  # mostly the words of the draft's own quotations
            known = [stem for stem in content if 0 < frequency.get(stem, 0) <= common]
            if len(known) < PARAPHRASE_MIN_SHARED:
                continue
            probes = sorted(known, key=lambda stem: frequency[stem])[:PARAPHRASE_PROBES]
            weights = {stem: weight(stem) for stem in content}
            needed = max(PARAPHRASE_MIN_SHARED - 2, math.ceil(PARAPHRASE_SHARE * len(probes)))
            sentences.append(
                (number, positions[0], positions[-1], weights, sum(weights.values()), needed)
            )
            for stem in probes:
                wanted[stem].append(len(sentences) - 1)
    if not sentences:
        return []
    found: list[_Candidate] = []
    wanted_stems = set(wanted)
    for entry_stream in prepared:
        stems = entry_stream.stems
        hits: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for stem in wanted_stems.intersection(entry_stream.positions):
            where = entry_stream.positions[stem]
            for entry in wanted[stem]:
                hits[entry].extend((position, stem) for position in where)
        for entry, occurrences in hits.items():
            number, first, last, weights, total, needed = sentences[entry]
            if len({stem for _, stem in occurrences}) < needed:
                continue
            width = 2 * (last - first + 1) + 5
            window = _densest_window(occurrences, width, needed)
            if window is None:
                continue
            # The whole sentence's content words, weighed where the probes cluster.
            pad = last - first + 1
            low, high = max(0, window[0] - pad), min(len(stems), window[1] + pad + 1)
            inside = {stem for stem in stems[low:high] if stem in weights}
            shared_weight = sum(weights[stem] for stem in inside)
            if shared_weight < PARAPHRASE_SHARE * total or len(inside) < PARAPHRASE_MIN_SHARED:
                continue
            marked = [p for p in range(low, high) if stems[p] in inside]
            # The stretch opens and closes on words of the sentence found only there.
            while len(marked) > 1 and stems[marked[0]] in {stems[p] for p in marked[1:]}:
                marked.pop(0)
            while len(marked) > 1 and stems[marked[-1]] in {stems[p] for p in marked[:-1]}:
                marked.pop()
            found.append(
                _Candidate(
                    "paraphrase",
                    number,
                    entry_stream.source_id,
                    entry_stream.stream,
                    first,
                    last,
                    marked[0],
                    marked[-1],
                    set(marked),
                )
            )
    return found


def _densest_window(
    occurrences: list[tuple[int, int]], width: int, needed: int
) -> tuple[int, int] | None:
    """The first and last word of the narrowest stretch of at most `width` words holding
    `needed` distinct stems of `occurrences`, or None."""
    occurrences.sort()
    counts: Counter[int] = Counter()
    low = 0
    best: tuple[int, int] | None = None
    for position, stem in occurrences:
        counts[stem] += 1
        while position - occurrences[low][0] >= width:
            old = occurrences[low][1]
            counts[old] -= 1
            if not counts[old]:
                del counts[old]
            low += 1
        if len(counts) >= needed:
            # Narrow from the left while the window keeps enough distinct stems.
            while counts[occurrences[low][1]] > 1:
                counts[occurrences[low][1]] -= 1
                low += 1
            first = occurrences[low][0]
            if best is None or position - first < best[1] - best[0]:
                best = (first, position)
    return best


# -- reporting -------------------------------------------------------------------------------


def _borrowing(candidate: _Candidate, piece: _Piece, source: SourceText) -> Borrowing:
    stream = candidate.stream
    start = piece.words[candidate.draft_first][0]
    end = piece.words[candidate.draft_last][1]
    tokens = stream.tokens[candidate.source_first : candidate.source_last + 1]
    wording = source.wording(tokens)
    marked = _marked(
        source, stream, candidate.source_first, candidate.source_last, candidate.marked
    )
    kind = candidate.kind
    passage = source.passage_at(tokens[0].start)
    if piece.note is not None:
        cited = source.source_id in piece.note_citations
    else:
        anchor = citing_anchor(piece.text, end, piece.anchors)
        cited = anchor is not None and source.source_id in {
            c.item_id for c in anchor.note.citations
        }
    return Borrowing(
        kind=kind,
        block=piece.block,
        start=start,
        end=end,
        text=piece.text[start:end],
        source_id=source.source_id,
        source_start=tokens[0].start,
        source_end=tokens[-1].end,
        source_wording=wording,
        marked_wording=marked,
        shared_words=len(candidate.marked),
        cited_here=cited,
        page=passage.page if passage else None,
        section=passage.section if passage else "",
        note=piece.note,
    )


def _marked(source: SourceText, stream: Stream, first: int, last: int, shared: set[int]) -> str:
    """The source's wording from word `first` to `last` with the shared words in [[...]]."""
    out: list[str] = []
    cursor = stream.tokens[first].start
    open_run = False
    for position in range(first, last + 1):
        token = stream.tokens[position]
        between = source.text[cursor : token.start]
        if position in shared and not open_run:
            out.append(between)
            out.append("[[")
            open_run = True
        elif position not in shared and open_run:
            out.append("]]")
            out.append(between)
            open_run = False
        else:
            out.append(between)
        out.append(source.text[token.start : token.end])
        cursor = token.end
    if open_run:
        out.append("]]")
    return clean_wording("".join(out))
