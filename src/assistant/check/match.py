"""Finding a quotation in a source: exactly (as Chicago forgives), else the closest wording.

Exact matching looks for each segment in a stream's joined words (`str.find` for plain words, a
regex around a literal anchor when brackets change some) and chains the segments in order
around the most specific one (an ellipsis may skip up to `MAX_OMISSION` words). When that fails,
each segment without an exact occurrence is located by voting on its rarest words and aligned
with difflib, outwards from the longest shared run, so the writer sees the source's real wording
with the differing words marked.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.check.pattern import Item, Pattern, Segment
from assistant.check.text import SourceText, Stream, Token

# How many words an ellipsis may stand for: several paragraphs, not half a book.
MAX_OMISSION = 1500
# A segment whose best alignment shares fewer words than this is "not in this source".
MIN_SIMILARITY = 0.5
# How many candidate places to align before giving up on a segment.
_CANDIDATES = 8
# How many of the quotation's rarest words vote on where it sits.
_VOTERS = 8

DiffKind = Literal["changed", "omitted", "added", "case"]


@dataclass(frozen=True, slots=True)
class Difference:
    """One place where the quotation departs from the source.

    `kind`: "changed" (the writer's words replace the source's), "omitted" (source words left
    out without an ellipsis), "added" (words the source does not have, outside brackets),
    "case" (the same word with different capitals, other than a first letter).
    """

    kind: DiffKind
    source_words: str
    quoted_words: str

    def describe(self) -> str:
        if self.kind == "omitted":
            return f"omits “{self.source_words}” without an ellipsis"
        if self.kind == "added":
            return f"adds “{self.quoted_words}”, which the source does not have"
        if self.kind == "case":
            return f"capitalises “{self.quoted_words}” where the source has “{self.source_words}”"
        return f"has “{self.quoted_words}” where the source has “{self.source_words}”"


@dataclass(slots=True)
class SegmentMatch:
    """Where one segment sits in a stream and how it differs there (empty when exact)."""

    segment: Segment
    stream: Stream
    first: int
    last: int  # exclusive
    differences: list[Difference] = field(default_factory=list)
    # Source tokens in [first, last) that the quotation does not reproduce, for marking.
    marked: set[int] = field(default_factory=set)
    similarity: float = 1.0

    @property
    def exact(self) -> bool:
        return not self.differences

    @property
    def tokens(self) -> list[Token]:
        return self.stream.tokens[self.first : self.last]


@dataclass(slots=True)
class SourceMatch:
    """The best placement of a whole quotation in one source."""

    source: SourceText
    segments: list[SegmentMatch]

    @property
    def exact(self) -> bool:
        return all(s.exact for s in self.segments)

    @property
    def similarity(self) -> float:
        weights = [max(1, len(s.segment.literal_words)) for s in self.segments]
        total = sum(w * s.similarity for w, s in zip(weights, self.segments, strict=True))
        return total / sum(weights) if weights else 0.0

    @property
    def differences(self) -> list[Difference]:
        return [d for s in self.segments for d in s.differences]


def find_exact(pattern: Pattern, source: SourceText) -> SourceMatch | None:
    """The first placement of every segment, in order, that matches word for word.

    The search starts from the most specific segment (the longest literal words), so a short
    first segment ("of . . . bilateral responsibilities") does not mean walking every "of".
    """
    segments = pattern.segments
    if not segments or any(not s.literal_words for s in segments):
        return None
    pivot = max(range(len(segments)), key=lambda i: _specificity(segments[i]))
    for stream in source.streams:
        end = len(stream.joined)
        for count, match in enumerate(_matches(segments[pivot], stream, 0, end)):
            if count >= 200:
                break
            chain = _chain(pattern, stream, pivot, match)
            if chain is not None:
                return SourceMatch(source, chain)
    return None


def _specificity(segment: Segment) -> tuple[int, int]:
    """How few places a segment is likely to match: longer literal words, fewer places."""
    anchor = segment.anchor()
    return (len(anchor[0]) if anchor else 0, sum(len(i.word) for i in segment.literal_words))


@dataclass(frozen=True, slots=True)
class _Found:
    """A match found without a regex (same `start()`/`end()` as `re.Match`)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


def _matches(segment: Segment, stream: Stream, pos: int, endpos: int) -> Iterator[Any]:
    """Successive matches of the segment in `stream.joined[pos:endpos]`."""
    joined = stream.joined
    plain = segment.plain()
    if plain is not None:
        # Plain words only (the usual case): `str.find` for all but the first letter, whose
        # case is free, then a look at that letter. No regex to compile or run.
        needle = plain[1:] + " "
        accepted = (plain[0].lower(), plain[0].upper())
        found = joined.find(needle, max(pos, 1), endpos)
        while found != -1:
            if joined[found - 1] in accepted and (found < 2 or joined[found - 2] == " "):
                yield _Found(found - 1, found + len(needle) - 1)
            found = joined.find(needle, found + 1, endpos)
        return
    regex = segment.regex()
    assert regex is not None
    anchor = segment.anchor()
    if anchor is None:
        yield from regex.finditer(joined, pos, endpos)
        return
    literal, before, after = anchor
    found = joined.find(literal, pos, endpos)
    last_end = pos
    while found != -1:
        window_start = max(last_end, found - before)
        window_end = min(endpos, found + len(literal) + after)
        match = regex.search(joined, window_start, window_end)
        if match is not None:
            yield match
            last_end = match.end()
        found = joined.find(literal, max(found + 1, last_end), endpos)


def _chain(
    pattern: Pattern, stream: Stream, pivot: int, pivot_match: Any
) -> list[SegmentMatch] | None:
    """Place the segments around the pivot's match: each one before it as close as possible
    (the last match ending before the next segment), each one after as early as possible,
    an ellipsis standing for at most MAX_OMISSION words."""
    segments = pattern.segments
    placed = {pivot: _segment_match(segments[pivot], stream, pivot_match)}
    for index in range(pivot - 1, -1, -1):
        following = placed[index + 1]
        limit = stream.joined_offset(following.first)
        start = stream.joined_offset(max(0, following.first - MAX_OMISSION))
        last = None
        for match in _matches(segments[index], stream, max(0, start - 1), limit):
            last = match
        if last is None:
            return None
        placed[index] = _segment_match(segments[index], stream, last)
    for index in range(pivot + 1, len(segments)):
        previous = placed[index - 1]
        start = stream.joined_offset(previous.last)
        limit = stream.joined_offset(previous.last + MAX_OMISSION)
        found = next(_matches(segments[index], stream, max(0, start - 1), limit + 1), None)
        if found is None:
            return None
        placed[index] = _segment_match(segments[index], stream, found)
    return [placed[i] for i in range(len(segments))]


def _segment_match(segment: Segment, stream: Stream, match) -> SegmentMatch:
    first = stream.token_at(match.start())
    last = stream.token_at(match.end() - 1) + 1
    return SegmentMatch(segment, stream, first, last)


def find_closest(pattern: Pattern, source: SourceText) -> SourceMatch | None:
    """Place every segment as well as the source allows, recording how each one differs.

    Segments that occur exactly fix the neighbourhood; the others are aligned near them (or
    anywhere, when none does).
    """
    best: SourceMatch | None = None
    for stream in source.streams:
        placed: list[SegmentMatch | None] = []
        for segment in pattern.segments:
            found = None
            if segment.literal_words:
                previous = next((p for p in reversed(placed) if p is not None), None)
                begin = stream.joined_offset(previous.last) - 1 if previous else 0
                found = next(_matches(segment, stream, max(0, begin), len(stream.joined)), None)
            placed.append(_segment_match(segment, stream, found) if found else None)
        for index, segment in enumerate(pattern.segments):
            if placed[index] is not None:
                continue
            low, high = 0, len(stream)
            before = next((p for p in reversed(placed[:index]) if p is not None), None)
            after = next((p for p in placed[index + 1 :] if p is not None), None)
            if before is not None:
                low = before.last
                high = min(high, before.last + MAX_OMISSION + 4 * len(segment.items))
            if after is not None:
                high = min(high, after.first)
                if before is None:
                    low = max(0, after.first - MAX_OMISSION - 4 * len(segment.items))
            placed[index] = align_segment(segment, stream, low, high)
        if any(p is None for p in placed):
            continue
        candidate = SourceMatch(source, [p for p in placed if p is not None])
        if best is None or candidate.similarity > best.similarity:
            best = candidate
    return best


def align_segment(segment: Segment, stream: Stream, low: int, high: int) -> SegmentMatch | None:
    """The closest stretch of `stream[low:high]` to `segment`, with its differences."""
    words = segment.words
    if not words or high <= low:
        return None
    folds = [item.word.casefold() for item in words]
    starts = _vote(folds, [not item.editorial for item in words], stream, low, high)
    best: SegmentMatch | None = None
    slack = 5 + len(words) // 3
    for start in starts:
        window_low = max(low, start - slack)
        window_high = min(high, start + len(words) + 2 * slack)
        candidate = _align(segment, stream, window_low, window_high)
        if candidate is not None and (best is None or _better(candidate, best)):
            best = candidate
    if best is None or best.similarity < MIN_SIMILARITY:
        return None
    return best


def _better(candidate: SegmentMatch, best: SegmentMatch) -> bool:
    """More words in place wins; at equal share, fewer differences (the same words in other
    capitals elsewhere are a worse explanation than one changed word here)."""
    if abs(candidate.similarity - best.similarity) > 1e-9:
        return candidate.similarity > best.similarity
    return len(candidate.differences) < len(best.differences)


def _vote(folds: list[str], literal: list[bool], stream: Stream, low: int, high: int) -> list[int]:
    """Likely start positions, best first: where several of the quotation's rarer words line
    up as they do in the quotation. Places where only one or two happen to occur are not
    worth aligning (difflib's cost grows with the square of the length)."""
    usable = {w for w, keep in zip(folds, literal, strict=True) if keep}
    distinct = sorted(usable, key=lambda w: len(stream.positions(w)))
    chosen = [w for w in distinct if stream.positions(w)][:_VOTERS]
    # The quotation's ends vote too: text repeated in a source (a note citing the same work
    # again) often differs only there.
    for index in (0, len(folds) - 1):
        if literal[index] and folds[index] not in chosen and stream.positions(folds[index]):
            chosen.append(folds[index])
    offsets: dict[str, list[int]] = {}
    for index, word in enumerate(folds):
        offsets.setdefault(word, []).append(index)
    # A word's vote weighs less the more often it occurs: "historiography" placing the
    # quotation says more than "of" does.
    weights = {word: 1.0 / len(stream.positions(word)) for word in chosen}
    voters: dict[int, set[str]] = {}
    for word in chosen:
        for position in stream.positions(word):
            if not low <= position < high:
                continue
            for index in offsets[word]:
                voters.setdefault((position - index) // 4, set()).add(word)
    if not voters:
        return []
    # Insertions and omissions shift a start across a bucket edge, so a place counts the words
    # voting for it or its neighbours, each word once (or a stretch dense with "the" would win).
    empty: set[str] = set()
    scored = {}
    for bucket, words in voters.items():
        near = words | voters.get(bucket - 1, empty) | voters.get(bucket + 1, empty)
        scored[bucket] = (sum(weights[w] for w in near), len(near))
    # A place where only a few of the voting words line up is chance, not the quotation: with
    # eight voters, at least three must agree (difflib is not worth running elsewhere).
    needed = 1 if len(chosen) <= 2 else max(2, (len(chosen) + 1) // 3)
    ranked = sorted(
        ((b, score) for b, (score, count) in scored.items() if count >= needed),
        key=lambda item: (-item[1], item[0]),
    )
    if not ranked:
        return []
    # Places tied with the last one taken are taken too (up to a bound): which of several
    # equal places is first in the text says nothing.
    cut = min(len(ranked), _CANDIDATES)
    while cut < min(len(ranked), 4 * _CANDIDATES) and ranked[cut][1] >= ranked[cut - 1][1] - 1e-9:
        cut += 1
    return [bucket * 4 for bucket, score in ranked[:cut] if score >= ranked[0][1] / 2]


def _opcodes(a: list[str], b: list[str], reverse: bool = False) -> list[tuple]:
    """difflib's opcodes, computed on the reversed lists when `reverse` (ties then go to the
    end nearest the core run) and mapped back."""
    if not reverse:
        return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    n, m = len(a), len(b)
    ops = difflib.SequenceMatcher(None, a[::-1], b[::-1], autojunk=False).get_opcodes()
    return [(tag, n - i2, n - i1, m - j2, m - j1) for tag, i1, i2, j1, j2 in reversed(ops)]


def _align(segment: Segment, stream: Stream, low: int, high: int) -> SegmentMatch | None:
    words: list[Item] = segment.words
    quoted_folds = [w.word.casefold() for w in words]
    window = [w.casefold() for w in stream.words[low:high]]
    matcher = difflib.SequenceMatcher(None, quoted_folds, window, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    # The longest matching run places the quotation; other runs count only when they sit about
    # where that run puts them (a stray "the" at the window's edge must not stretch the
    # quotation over words it never meant). A few words of slack either side let the second
    # alignment find words the writer dropped next to the run.
    core = max(blocks, key=lambda b: b.size)
    drift = max(3, len(words) // 4)
    kept = [b for b in blocks if abs((b.b - b.a) - (core.b - core.a)) <= drift]
    first = max(0, min(b.b - b.a for b in kept) - drift)
    last = min(len(window), max(b.b + len(words) - b.a for b in kept) + drift)
    region = window[first:last]
    # Align outwards from the core run: the part before it from right to left, so that of two
    # equal candidates for a word the one nearer the core wins ("of the revelations made since
    # the partial opening": the quotation's "the partial" is the second "the", not the first).
    core_a, core_b = core.a, core.b - first
    left = _opcodes(quoted_folds[:core_a], region[:core_b], reverse=True)
    right = _opcodes(quoted_folds[core_a + core.size :], region[core_b + core.size :])
    shift_a, shift_b = core_a + core.size, core_b + core.size
    ops = [
        *left,
        ("equal", core_a, core_a + core.size, core_b, core_b + core.size),
        *(
            (tag, i1 + shift_a, i2 + shift_a, j1 + shift_b, j2 + shift_b)
            for tag, i1, i2, j1, j2 in right
        ),
    ]
    # Source words before the quotation's first word and after its last are context, not
    # omissions.
    while ops and ops[0][0] == "insert":
        ops.pop(0)
    while ops and ops[-1][0] == "insert":
        ops.pop()
    if not ops:
        return None
    # A changed word at either end faces as many source words, not the whole slack.
    tag, i1, i2, j1, j2 = ops[0]
    if tag == "replace" and j2 - j1 > i2 - i1:
        ops[0] = (tag, i1, i2, j2 - (i2 - i1), j2)
    tag, i1, i2, j1, j2 = ops[-1]
    if tag == "replace" and j2 - j1 > i2 - i1:
        ops[-1] = (tag, i1, i2, j1, j1 + (i2 - i1))
    start = low + first + ops[0][3]
    end = low + first + ops[-1][4]
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    result = SegmentMatch(segment, stream, start, end)
    result.similarity = matched / max(len(words), end - start)
    texts = stream.words[start:end]
    base = ops[0][3]
    for tag, i1, i2, j1, j2 in ops:
        j1, j2 = j1 - base, j2 - base
        quoted = words[i1:i2]
        source_words = " ".join(texts[j1:j2])
        quoted_words = " ".join(w.word for w in quoted)
        if tag == "equal":
            for offset, (item, text) in enumerate(zip(quoted, texts[j1:j2], strict=True)):
                is_first = i1 + offset == 0
                if item.word != text and not item.editorial and not is_first:
                    result.differences.append(Difference("case", text, item.word))
                    result.marked.add(start + j1 + offset)
            continue
        if quoted and all(item.editorial for item in quoted):
            continue  # a bracketed change stands in for these words, as Chicago allows
        if tag == "delete":
            result.differences.append(Difference("added", "", quoted_words))
            continue
        result.marked.update(range(start + j1, start + j2))
        if tag == "insert":
            result.differences.append(Difference("omitted", source_words, ""))
        else:
            result.differences.append(Difference("changed", source_words, quoted_words))
    return result
