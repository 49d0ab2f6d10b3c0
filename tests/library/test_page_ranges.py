"""The pages a passage's label covers (the search's page: filter reads them)."""

from __future__ import annotations

import pytest

from assistant.library.page_ranges import MAX_SPAN, spanned_pages


@pytest.mark.parametrize(
    ("label", "pages"),
    [
        ("46", ["46"]),
        ("46–47", ["46", "47"]),
        ("46-48", ["46", "47", "48"]),
        ("146–52", [str(n) for n in range(146, 153)]),  # CMOS 9.64's abbreviated second number
        ("xii–xiv", ["xii", "xiii", "xiv"]),
        ("XII–XIII", ["xii", "xiii"]),
        ("A-3", ["a-3"]),  # a plate or section label stands for itself
        ("Plate 4", ["plate 4"]),
        ("", []),
        (None, []),
    ],
)
def test_spanned_pages(label, pages):
    assert spanned_pages(label) == pages


def test_a_backwards_or_huge_range_gives_its_two_ends_not_thousands_of_pages():
    assert spanned_pages("50–40") == ["50", "40"]
    assert spanned_pages(f"1–{MAX_SPAN + 5}") == ["1", str(MAX_SPAN + 5)]
    assert spanned_pages("1–99999999999999999999") == ["1", "99999999999999999999"]
