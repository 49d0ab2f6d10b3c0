"""Records and titles: CMOS 18 rules the thirty-ninth to forty-second held-out libraries
showed the engine breaking, pinned here on invented items of other libraries than theirs.

8.161 (after a prefix or combining form that cannot stand as a word, "thermo-", "hydro-",
"bio-", the second element of a compound is lowercase unless a proper noun or adjective),
14.123 (a series number follows its series title, whatever the number's form: "2002:87",
"XII"; a report's number goes with the series, after the editor and the edition).
"""

from __future__ import annotations

import pytest

from assistant.cite.headline import title_case

from .test_cmos18_rules import book
from .test_cmos18_tuning_rules import forms


@pytest.mark.parametrize(
    ("raw", "cased"),
    [
        (
            "the hydro-electric schemes of the tennessee valley",
            "The Hydro-electric Schemes of the Tennessee Valley",
        ),
        ("geo-political thought in interwar germany", "Geo-political Thought in Interwar Germany"),
        ("bio-politics and the welfare state", "Bio-politics and the Welfare State"),
        ("the electro-mechanical age", "The Electro-mechanical Age"),
        # A proper noun or adjective after the prefix keeps its capital.
        ("hyper-American visions of the future", "Hyper-American Visions of the Future"),
        # A first element that is a word of its own is no prefix: both capitalized.
        ("radio-controlled targets", "Radio-Controlled Targets"),
        ("a self-governing dominion", "A Self-Governing Dominion"),
    ],
)
def test_after_a_combining_form_the_second_element_is_lowercase_cmos_8_161(
    raw: str, cased: str
) -> None:
    assert title_case(raw) == cased


@pytest.mark.parametrize(
    ("series", "number", "language", "printed"),
    [
        (
            "Norges offentlige utredninger ; 1994:11",
            None,
            "no",
            "Norges offentlige utredninger 1994:11",
        ),
        ("Cahiers de l’histoire ; XII", None, "fr", "Cahiers de l’histoire XII"),
        ("Studies in Maritime History ; no. 5", None, "en", "Studies in Maritime History 5"),
        (
            "Statens offentliga utredningar",
            "; 1998:40",
            "sv",
            "Statens offentliga utredningar 1998:40",
        ),
    ],
)
def test_a_catalogue_series_number_follows_its_series_title_cmos_14_123(
    series: str, number: str | None, language: str, printed: str
) -> None:
    item = book(
        "ser",
        title="Harbours of the North",
        language=language,
        **{"collection-title": series, "collection-number": number},
    )
    note, _, bib = forms(item)
    assert f"<i>Harbours of the North</i>, {printed} (Press, 1990), 12." in note
    assert f"<i>Harbours of the North</i>. {printed}. Press, 1990." in (bib or "")


def test_a_word_made_of_roman_letters_is_not_a_series_number_cmos_14_123() -> None:
    item = book("civ", title="Rights", language="en", **{"collection-title": "Essays ; civil"})
    note, _, _ = forms(item)
    # Left whole, as the record holds it: no number "civil" split off.
    assert note == "Jan Doe, <i>Rights</i>, Essays; Civil (Press, 1990), 12."


def test_a_reports_number_follows_its_editor_before_the_series_cmos_14_123() -> None:
    item = book(
        "diary",
        type="report",
        title="The Wind Tunnel Years: The Notebooks of Ada Farr",
        number="NACA SP-212",
        editor=[{"family": "Lund", "given": "Karin M."}],
        publisher="NACA History Office",
        language="en",
        **{"collection-title": "NACA History Series"},
    )
    note, _, bib = forms(item)
    assert note == (
        "Jan Doe, <i>The Wind Tunnel Years: The Notebooks of Ada Farr</i>, ed. Karin M. Lund,"
        " NACA SP-212, NACA History Series (NACA History Office, 1990), 12."
    )
    assert bib == (
        "Doe, Jan. <i>The Wind Tunnel Years: The Notebooks of Ada Farr</i>. Edited by Karin M."
        " Lund. NACA SP-212. NACA History Series. NACA History Office, 1990."
    )
