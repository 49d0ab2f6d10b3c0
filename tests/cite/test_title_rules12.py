"""Title and short-title rules of round 12 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.short_titles import derive_short_title


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # 14.30: a short title never ends inside a series: after the second of three terms
        # the list would seem to end there; the first term, a key phrase of its own, is
        # the short title.
        ("Tito’s Yugoslavia, Balkan Diplomacy, and the Soviet Bloc", "Tito’s Yugoslavia"),
        ("Coffee Growers, Rural Credit, and the Colombian State", "Coffee Growers"),
        ("Peasant Unions, Land Reform, and Military Rule in Peru", "Peasant Unions"),
        # A series of four words at most is not shortened.
        ("Oil, Power, and Principle", "Oil, Power, and Principle"),
    ],
)
def test_short_title_never_ends_inside_a_series_cmos_14_30(title: str, expected: str) -> None:
    assert derive_short_title(title) == expected
