"""Records and titles: CMOS 18 rules the thirty-third to thirty-sixth held-out libraries showed
the engine breaking, pinned here on invented items of other libraries than theirs.

6.78 (an en dash in a range of years written with a slash: 1914–18/19), 14.108 (a
translation's original title is given with the facts of its original publication, not
alone), 8.5 and 8.159 (a lowercase name particle inside a headline-style title stays
lowercase: "and bin Laden", "van der Waals").
"""

from __future__ import annotations

import pytest

from assistant.cite.headline import title_case
from assistant.cite.ranges import number_ranges

from .test_cmos18_rules import book
from .test_cmos18_tuning_rules import forms


@pytest.mark.parametrize(
    ("raw", "ranged"),
    [
        ("Die Weimarer Republik 1918-1932/33", "Die Weimarer Republik 1918–1932/33"),
        ("Demobilization in Britain, 1914-18/19", "Demobilization in Britain, 1914–18/19"),
        ("The Budget Crisis of 1989/90-1991", "The Budget Crisis of 1989/90–1991"),
        ("Winters 1946/47-1948/49 in Hamburg", "Winters 1946/47–1948/49 in Hamburg"),
        # Not years running forward, or a file number with a slash: left alone.
        ("Ledger 1990/91-1989", "Ledger 1990/91-1989"),
        ("file 611.00/9-1452", "file 611.00/9-1452"),
        ("Az. 2345/67-89", "Az. 2345/67-89"),
        ("ISBN 978-3-16-148410-0", "ISBN 978-3-16-148410-0"),
    ],
)
def test_a_range_of_years_written_with_a_slash_takes_an_en_dash_cmos_6_78(
    raw: str, ranged: str
) -> None:
    assert number_ranges(raw) == ranged


def test_a_slash_year_range_in_a_book_title_is_dashed_in_every_form_cmos_6_78() -> None:
    full, _, entry = forms(book("w", title="Hungerwinter: Hamburg 1945-1947/48"))
    assert "<i>Hungerwinter: Hamburg 1945–1947/48</i>" in full
    assert entry is not None and "<i>Hungerwinter: Hamburg 1945–1947/48</i>" in entry


def test_an_original_title_alone_is_left_out_of_a_translation_cmos_14_108() -> None:
    translated = book(
        "m",
        title="The Night Trains",
        translator=[{"family": "Lowe", "given": "Anna"}],
        **{"original-title": "Die Nachtzüge"},
    )
    full, _, entry = forms(translated)
    assert full == "Jan Doe, <i>The Night Trains</i>, trans. Anna Lowe (Press, 1990), 12."
    assert entry == "Doe, Jan. <i>The Night Trains</i>. Translated by Anna Lowe. Press, 1990."


def test_an_original_title_with_its_original_facts_is_given_cmos_14_108() -> None:
    translated = book(
        "m",
        title="The Night Trains",
        translator=[{"family": "Lowe", "given": "Anna"}],
        **{
            "original-title": "Die Nachtzüge",
            "original-publisher": "Suhrkamp",
            "original-date": {"date-parts": [[1961]]},
        },
    )
    full, _, entry = forms(translated)
    # The facts are the German original's, not an edition the translation reprints (refined
    # in test_record_and_title_rules7.py: no "repr." for a translation of another book).
    assert "(Press, 1990; originally published as <i>Die Nachtzüge</i> [Suhrkamp, 1961])" in full
    assert (
        entry is not None
        and "Originally published as <i>Die Nachtzüge</i> (Suhrkamp, 1961)." in entry
    )


@pytest.mark.parametrize(
    ("raw", "cased"),
    [
        (
            "Hunting bin Laden: the CIA station in Islamabad",
            "Hunting bin Laden: The CIA Station in Islamabad",
        ),
        ("the physics of van der Waals forces", "The Physics of van der Waals Forces"),
        ("France under de Gaulle, 1958-1969", "France under de Gaulle, 1958-1969"),
        ("The Kingdom of ibn Saud and the oil men", "The Kingdom of ibn Saud and the Oil Men"),
        ("Europe after von der Leyen", "Europe after von der Leyen"),
        # First word of a title or subtitle: capitalized as any first word.
        ("bin Laden: a life", "Bin Laden: A Life"),
        ("Painters: van Gogh in Arles", "Painters: Van Gogh in Arles"),
        # Not before a name: a word like any other ("Murder in the Van").
        ("murder in the van", "Murder in the Van"),
        ("The first ten Soviet plans", "The First Ten Soviet Plans"),
        ("What do Americans think of NATO?", "What Do Americans Think of NATO?"),
    ],
)
def test_a_lowercase_name_particle_stays_lowercase_inside_a_title_cmos_8_159(
    raw: str, cased: str
) -> None:
    assert title_case(raw) == cased


@pytest.mark.parametrize(
    ("designation", "printed"),
    [
        ("New Series", "n.s."),
        ("n.s.", "n.s."),
        ("Third Series", "3rd ser."),
        ("2nd ser.", "2nd ser."),
        ("4th series", "4th ser."),
    ],
)
def test_a_series_designation_precedes_the_volume_lowercase_cmos_14_126(
    designation: str, printed: str
) -> None:
    debates = book(
        "h",
        title="Parliamentary Debates",
        volume="212",
        **{"collection-title": designation},
    )
    full, _, entry = forms(debates, locator="")
    assert full == f"Jan Doe, <i>Parliamentary Debates</i>, {printed}, vol. 212 (Press, 1990)."
    assert entry == f"Doe, Jan. <i>Parliamentary Debates</i>. {printed}, vol. 212. Press, 1990."


def test_a_series_title_that_names_a_series_is_still_a_series_cmos_14_123() -> None:
    full, _, entry = forms(
        book("h", title="Voyages", volume="5", **{"collection-title": "Hakluyt Second Series"})
    )
    assert "Hakluyt Second Series" in full
    assert entry is not None and "Hakluyt Second Series" in entry


def _letter(title: str | None, **fields: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": "l",
        "type": "letter",
        "author": [{"family": "Kennan", "given": "George F."}],
        "recipient": [{"family": "Acheson", "given": "Dean"}],
        "issued": {"date-parts": [[1949, 3, 2]]},
        "archive": "Library of Congress",
        "archive-place": "Washington, DC",
    }
    if title is not None:
        item["title"] = title
    item.update(fields)
    return item


@pytest.mark.parametrize(
    "title",
    [
        "Kennan to Acheson",
        "Letter from George F. Kennan to Dean Acheson",
        "Memorandum, Kennan to Acheson",
        "Memorandum to Acheson.",
        None,
    ],
)
def test_a_title_that_only_restates_sender_and_recipient_is_dropped_cmos_14_111(
    title: str | None,
) -> None:
    full, short, entry = forms(_letter(title, genre="Memorandum"), locator="")
    assert full == (
        "George F. Kennan, memorandum to Dean Acheson, March 2, 1949, Library of Congress,"
        " Washington, DC."
    )
    assert short == "Kennan, memorandum to Acheson, March 2, 1949, 14."
    assert entry == (
        "Kennan, George F. Memorandum to Dean Acheson. March 2, 1949. Library of Congress,"
        " Washington, DC."
    )


def test_a_letter_with_a_title_of_its_own_keeps_it_cmos_14_111() -> None:
    full, _, _ = forms(_letter("The Sources of Soviet Conduct", genre="Memorandum"))
    assert full.startswith(
        "George F. Kennan, “The Sources of Soviet Conduct,” memorandum to Dean Acheson,"
    )
    # Names that are not its sender's and recipient's: a title, kept.
    full, _, _ = forms(_letter("Truman to Stalin"))
    assert "“Truman to Stalin,”" in full


def _broadcast(**fields: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": "b",
        "type": "broadcast",
        "title": "The Berlin Wall at Twenty",
        "container-title": "Cross Currents",
        "issued": {"date-parts": [[1981, 8, 13]]},
    }
    item.update(fields)
    return item


def test_a_signed_radio_broadcast_leads_with_its_author_cmos_14_165() -> None:
    full, short, entry = forms(
        _broadcast(
            author=[{"family": "Salinger", "given": "Pierre"}],
            publisher="Radio Liberty",
            genre="Radio broadcast",
        ),
        locator="",
    )
    assert full == (
        "Pierre Salinger, “The Berlin Wall at Twenty,” <i>Cross Currents</i>, Radio Liberty,"
        " radio broadcast, August 13, 1981."
    )
    assert short == "Salinger, “Berlin Wall at Twenty,” 14."
    assert entry == (
        "Salinger, Pierre. “The Berlin Wall at Twenty.” <i>Cross Currents</i>, Radio Liberty,"
        " radio broadcast, August 13, 1981."
    )


def test_a_signed_podcast_filed_as_a_broadcast_takes_the_podcast_form_cmos_14_168() -> None:
    full, _, entry = forms(
        _broadcast(
            author=[{"family": "Okafor", "given": "Ada"}],
            genre="Podcast",
            number="31",
            URL="https://example.org/cross-currents/31",
        ),
        locator="",
    )
    assert full == (
        "Ada Okafor, “The Berlin Wall at Twenty,” <i>Cross Currents</i>, podcast, episode 31,"
        " August 13, 1981, https://example.org/cross-currents/31."
    )
    assert entry == (
        "Okafor, Ada. “The Berlin Wall at Twenty.” <i>Cross Currents</i>, podcast, episode 31,"
        " August 13, 1981. https://example.org/cross-currents/31."
    )


def test_an_unsigned_episode_is_known_by_its_series_cmos_14_165() -> None:
    full, _, entry = forms(_broadcast(publisher="WDR", number="4"), locator="")
    assert full == (
        "<i>Cross Currents</i>, episode 4, “The Berlin Wall at Twenty,” aired August 13, 1981,"
        " on WDR."
    )
    assert entry == (
        "<i>Cross Currents</i>. Episode 4, “The Berlin Wall at Twenty.” Aired August 13, 1981,"
        " on WDR."
    )
