"""`assistant check` warns when two cited works would share a short note (CMOS 14.30)."""

from __future__ import annotations

from check_helpers import essay_of, paragraph

from assistant.check.audit import audit_essay

KHRUSHCHEV = {"family": "Khrushchev", "given": "Nikita"}
ITEMS = {
    "kr-1970": {
        "id": "kr-1970",
        "type": "book",
        "title": "Khrushchev Remembers",
        "author": [KHRUSHCHEV],
        "publisher": "Little, Brown",
        "issued": {"date-parts": [[1970]]},
    },
    "kr-1974": {
        "id": "kr-1974",
        "type": "book",
        "title": "Khrushchev Remembers: The Last Testament",
        "author": [KHRUSHCHEV],
        "publisher": "Little, Brown",
        "issued": {"date-parts": [[1974]]},
    },
}


def test_two_works_with_one_short_note_are_reported_at_the_second() -> None:
    essay = essay_of(paragraph("He boasted.", ("kr-1970", "45"), " And later.", ("kr-1974", "12")))
    [problem] = [p for p in audit_essay(essay, ITEMS) if p.kind == "shared-short-title"]
    assert problem.severity == "warning"
    assert problem.note == 2
    assert problem.item_id == "kr-1974"
    assert "Khrushchev, Khrushchev Remembers" in problem.message
    assert "title-short" in problem.message


def test_a_short_title_set_by_the_writer_ends_the_warning() -> None:
    items = {**ITEMS, "kr-1974": {**ITEMS["kr-1974"], "title-short": "Last Testament"}}
    essay = essay_of(paragraph("He boasted.", ("kr-1970", "45"), " And later.", ("kr-1974", "12")))
    assert [p for p in audit_essay(essay, items) if p.kind == "shared-short-title"] == []
