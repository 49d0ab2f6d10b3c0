"""`assistant check` warns when two cited works would share a short note (CMOS 14.30)."""

from __future__ import annotations

from check_helpers import essay_of, paragraph

from assistant.check.audit import audit_essay
from assistant.essay.model import Essay

KENNAN = {"family": "Kennan", "given": "George F."}
ITEMS = {
    "kennan-1967": {
        "id": "kennan-1967",
        "type": "book",
        "title": "Memoirs, 1925-1950",
        "author": [KENNAN],
        "publisher": "Little, Brown",
        "issued": {"date-parts": [[1967]]},
    },
    "kennan-1972": {
        "id": "kennan-1972",
        "type": "book",
        "title": "Memoirs, 1950-1963",
        "author": [KENNAN],
        "publisher": "Little, Brown",
        "issued": {"date-parts": [[1972]]},
    },
}


def _essay() -> Essay:
    return essay_of(
        paragraph("He wrote.", ("kennan-1967", "45"), " And later.", ("kennan-1972", "12"))
    )


def test_two_works_with_one_short_note_are_reported_at_the_second() -> None:
    [problem] = [p for p in audit_essay(_essay(), ITEMS) if p.kind == "shared-short-title"]
    assert problem.severity == "warning"
    assert problem.note == 2
    assert problem.item_id == "kennan-1972"
    assert "Kennan, Memoirs" in problem.message
    assert "title-short" in problem.message


def test_a_short_title_set_by_the_writer_ends_the_warning() -> None:
    later = {**ITEMS["kennan-1972"], "title-short": "Memoirs, 1950–1963"}
    items = {**ITEMS, "kennan-1972": later}
    assert [p for p in audit_essay(_essay(), items) if p.kind == "shared-short-title"] == []


def test_works_told_apart_by_a_subtitle_are_not_reported() -> None:
    # "Khrushchev Remembers" and "Khrushchev Remembers: The Last Testament": the engine
    # shortens the second to its subtitle, *Last Testament* (CMOS 14.30).
    author = [{"family": "Khrushchev", "given": "Nikita"}]
    items = {
        "kr-1970": {"id": "kr-1970", "type": "book", "title": "Khrushchev Remembers",
                    "author": author, "issued": {"date-parts": [[1970]]}},
        "kr-1974": {"id": "kr-1974", "type": "book",
                    "title": "Khrushchev Remembers: The Last Testament", "author": author,
                    "issued": {"date-parts": [[1974]]}},
    }  # fmt: skip
    essay = essay_of(paragraph("He boasted.", ("kr-1970", "45"), " Later.", ("kr-1974", "12")))
    assert [p for p in audit_essay(essay, items) if p.kind == "shared-short-title"] == []
