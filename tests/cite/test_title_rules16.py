"""Title and short-title rules of round 16 (CMOS 18), each pinned on titles of its own, not
on the held-out libraries' items."""

from __future__ import annotations

import pytest

from assistant.cite.titles import subtitle_colon


@pytest.mark.parametrize(
    "title",
    [
        # CMOS 18 14.89 (a period before a subtitle becomes a colon) never applies to a
        # transliterated Russian initial (11.100: "Ya.", "Yu.", "Kh.", "Zh." each stand for
        # one Cyrillic letter).
        "Letters of Yu. V. Andropov to the Central Committee",
        "Memorandum of a Meeting with N. Kh. Baibakov on Oil Exports",
        "Minutes of the Talks between M. Zh. Kuanyshev and the Polish Delegation",
        "Notes on a Speech by A. Ya. Malik at the Security Council",
    ],
)
def test_transliterated_initials_are_not_subtitle_periods_14_89(title: str) -> None:
    assert subtitle_colon(title) == title


def test_a_real_subtitle_period_still_becomes_a_colon_14_89() -> None:
    assert (
        subtitle_colon("The Andropov File. Letters to the Central Committee")
        == "The Andropov File: Letters to the Central Committee"
    )
