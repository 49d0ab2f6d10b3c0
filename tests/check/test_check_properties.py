"""Properties of the quote checker over random stretches of the real corpus text."""

from __future__ import annotations

import re

from check_helpers import raw_document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.check.quotes import DocumentSet, QuoteChecker
from assistant.check.text import SourceText

SOURCE = "shuster-2019"
_DOCUMENT = raw_document(SOURCE)
_TEXT = SourceText.from_document(_DOCUMENT)
_STREAM = _TEXT.streams[0]
CHECKER = QuoteChecker(DocumentSet([_DOCUMENT]))
# Skip the title page and front matter: start in the body.
BODY_START = _STREAM.words.index("ABSTRACT")

stretches = st.tuples(
    st.integers(min_value=BODY_START, max_value=len(_STREAM) - 60),
    st.integers(min_value=4, max_value=40),
)
# Misquotations need some length to say where they belong: three words out of four fit
# many places in a 19,000-word source equally well.
long_stretches = st.tuples(
    st.integers(min_value=BODY_START, max_value=len(_STREAM) - 60),
    st.integers(min_value=8, max_value=40),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def quotation(start: int, length: int) -> str:
    return _TEXT.wording(_STREAM.tokens[start : start + length])


def plain(start: int, length: int) -> bool:
    """The stretch has no brackets or ellipses of the source's own, which in a quotation
    would mean the writer's changes and omissions."""
    text = quotation(start, length)
    return not re.search(r"[\[\]…]|\.\s?\.\s?\.", text)


@SETTINGS
@given(stretches)
def test_any_stretch_of_the_source_passes(stretch: tuple[int, int]) -> None:
    assume(plain(*stretch))
    text = quotation(*stretch)
    result = CHECKER.check_text(text, [SOURCE])
    assert result.status == "ok", (text, result.message)


@SETTINGS
@given(stretches, st.data())
def test_an_ellipsis_for_any_omitted_middle_passes(stretch, data) -> None:
    assume(plain(*stretch))
    start, length = stretch
    cut = data.draw(st.integers(min_value=1, max_value=length - 2))
    omitted = data.draw(st.integers(min_value=1, max_value=length - cut - 1))
    tokens = _STREAM.tokens[start : start + length]
    text = _TEXT.wording(tokens[:cut]) + " . . . " + _TEXT.wording(tokens[cut + omitted :])
    result = CHECKER.check_text(text, [SOURCE])
    assert result.status == "ok", (text, result.message)


@SETTINGS
@given(long_stretches, st.data())
def test_one_changed_word_is_reported_and_corrected(stretch, data) -> None:
    assume(plain(*stretch))
    start, length = stretch
    position = data.draw(st.integers(min_value=1, max_value=length - 1))
    tokens = _STREAM.tokens[start : start + length]
    text = _TEXT.wording(tokens[:position]) + " zzyzx " + _TEXT.wording(tokens[position + 1 :])
    result = CHECKER.check_text(text, [SOURCE])
    assert result.status == "mismatch", (text, result.message)
    # Usually "changed" at its place. Where the source repeats the stretch (bibliographies and
    # notes citing the same work do), another copy explains the quotation equally well: with
    # the changed word there instead, or with no word there at all ("added").
    differences = [(d.kind, d.quoted_words) for d in result.differences]
    assert differences in ([("changed", "zzyzx")], [("added", "zzyzx")])
    corrected = result.corrected_quotation()
    assert CHECKER.check_text(corrected, [SOURCE]).ok, corrected


@SETTINGS
@given(long_stretches, st.data())
def test_dropped_words_without_ellipsis_are_reported(stretch, data) -> None:
    assume(plain(*stretch))
    start, length = stretch
    position = data.draw(st.integers(min_value=1, max_value=length - 2))
    tokens = _STREAM.tokens[start : start + length]
    text = _TEXT.wording(tokens[:position]) + " " + _TEXT.wording(tokens[position + 1 :])
    result = CHECKER.check_text(text, [SOURCE])
    if result.ok:
        # Dropping a word can leave words that occur verbatim elsewhere (a repeated phrase).
        return
    assert result.status == "mismatch", (text, result.message)
    assert any(d.kind == "omitted" for d in result.differences), result.message


@SETTINGS
@given(stretches, st.booleans())
def test_first_letter_case_and_a_bracketed_first_word_pass(stretch, bracket) -> None:
    assume(plain(*stretch))
    start, length = stretch
    tokens = _STREAM.tokens[start : start + length]
    first = tokens[0].text
    if bracket:
        # "[the Soviet leader] said": the writer's words stand in for the source's first word.
        text = "[the writer's words] " + _TEXT.wording(tokens[1:])
    else:
        swapped = first[0].lower() if first[0].isupper() else first[0].upper()
        text = swapped + _TEXT.wording(tokens)[1:]
    result = CHECKER.check_text(text, [SOURCE])
    assert result.status == "ok", (text, result.message)


# --- finding quotations in any draft ---------------------------------------------------------

_pieces = st.lists(
    st.one_of(
        st.sampled_from(['"', "“", "”", "‘", "’", "«", "»", ". ", "? ", "U.S. ", "p. 4 ", "\n"]),
        st.text(alphabet="abc XYZ,;", min_size=1, max_size=12),
        st.just(None),  # a note anchor
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, min_size=1, max_size=4))
def test_any_draft_yields_quotations_with_valid_places(blocks) -> None:
    from assistant.check.audit import audit_essay
    from assistant.check.quotations import find_quotations
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import Block, Essay, NoteAnchor, Span

    essay = Essay(
        blocks=[
            Block(
                "paragraph",
                [
                    Span(piece) if piece is not None else NoteAnchor(Note.of(Citation("x", "1")))
                    for piece in pieces
                ],
            )
            for pieces in blocks
        ]
    )
    numbers = {a.id: n for n, a in enumerate(essay.anchors(), start=1)}
    for quotation in find_quotations(essay):
        text = essay.blocks[quotation.block].text
        assert 0 <= quotation.start <= quotation.end <= len(text)
        assert text[quotation.start : quotation.end] == quotation.text
        if quotation.anchor is not None:
            assert quotation.note_number == numbers[quotation.anchor.id]
    for problem in audit_essay(essay, {"x": {"id": "x", "type": "book", "title": "T"}}):
        assert problem.message
