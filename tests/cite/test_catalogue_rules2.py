"""Catalogue quirks the sixty-first held-out library (records from LC, the BnF, the DNB,
Google Books, Amazon and ProQuest) showed the engine printing, each pinned on other records of
the same shape: MARC 245 $c left in the title, copyright and bracketed dates, "and others" as a
name.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.cite.record_fields import cleaned

from .test_cmos18_tuning_rules import forms


def book(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "b",
        "type": "book",
        "title": "The Danube question",
        "author": [{"family": "Kertesz", "given": "Stephen D."}],
        "publisher": "University of Notre Dame Press",
        "issued": {"date-parts": [["1953"]]},
        "language": "en",
    }
    base.update(fields)
    return base


# --- MARC 245 $c, the statement of responsibility, is no part of the title (CMOS 18 14.85) ---


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        (
            "Diplomacy in a whirlpool : Hungary between Nazi Germany and Soviet Russia / by "
            "Stephen D. Kertesz.",
            "Diplomacy in a whirlpool : Hungary between Nazi Germany and Soviet Russia",
        ),
        ("Die Donaufrage / Stephen D. Kertesz ; übers. von Hans Meier", "Die Donaufrage"),
        ("La question danubienne / par Stephen D. Kertesz,...", "La question danubienne"),
        ("The Danube question, 1918-48 [by] Stephen D. Kertesz.", "The Danube question, 1918-48"),
        ("Donauraum / hrsg. von Stephen D. Kertesz [et al.]", "Donauraum"),
        # A slash that belongs to the title stays: unspaced, or spaced with no responsibility.
        ("Hungary 1938/45: the lost years", "Hungary 1938/45: the lost years"),
        ("Labour/Le Travail and the Danube", "Labour/Le Travail and the Danube"),
        ("Either / Or on the Danube", "Either / Or on the Danube"),
    ],
)
def test_statement_of_responsibility_leaves_the_title(title: str, kept: str) -> None:
    assert cleaned(book(title=title))["title"] == kept


def test_statement_of_responsibility_is_not_printed_in_note_or_entry() -> None:
    full, short, entry = forms(book(title="The Danube question / by Stephen D. Kertesz."))
    assert full == (
        "Stephen D. Kertesz, <i>The Danube Question</i> (University of Notre Dame Press, 1953), 12."
    )
    assert short == "Kertesz, <i>Danube Question</i>, 14."
    assert entry is not None and entry.startswith("Kertesz, Stephen D. <i>The Danube Question</i>.")


# --- catalogue dates are the year of publication (CMOS 18 14.144; a printing, 14.114) -------


@pytest.mark.parametrize(
    "issued",
    [
        {"date-parts": [["c1953"]]},
        {"date-parts": [["©1953"]]},
        {"raw": "[1953]"},
        {"raw": "c1953."},
        {"date-parts": [["1953"]], "season": "1961 printing"},
    ],
)
def test_copyright_and_bracketed_dates_give_the_year(issued: dict[str, Any]) -> None:
    full, _, entry = forms(book(issued=issued))
    assert full.endswith("(University of Notre Dame Press, 1953), 12.")
    assert entry is not None and entry.endswith("University of Notre Dame Press, 1953.")


def test_a_guessed_bracketed_year_is_approximate() -> None:
    full, _, _ = forms(book(issued={"raw": "[1953?]"}))
    assert "ca. 1953" in full


# --- BibTeX's "and others" is et al., not a name (CMOS 18 14.76) ---------------------------


def test_and_others_is_et_al_in_every_form() -> None:
    item = book(
        author=None,
        editor=[{"family": "Kertesz", "given": "Stephen D."}, {"literal": "others"}],
    )
    full, short, entry = forms(item)
    assert full.startswith("Stephen D. Kertesz et al., eds., ")
    assert short.startswith("Kertesz et al., ")
    assert entry is not None and entry.startswith("Kertesz, Stephen D., et al., eds. ")
    assert "others" not in full + short + entry


# --- publishers: "Univ" spelled out (14.52), a campus after an en dash (6.80) --------------


@pytest.mark.parametrize(
    ("publisher", "printed"),
    [
        ("Univ of Nebraska Press", "University of Nebraska Press"),
        ("Univ. Press of Kansas", "University Press of Kansas"),
        (
            "University of Illinois at Urbana - Champaign",
            "University of Illinois at Urbana–Champaign",
        ),
        ("Unity Press", "Unity Press"),
    ],
)
def test_publisher_abbreviation_and_campus_dash(publisher: str, printed: str) -> None:
    assert cleaned(book(publisher=publisher))["publisher"] == printed


def test_thesis_university_campus_takes_en_dash() -> None:
    item = book(type="thesis", genre="Ph.D.", publisher="The University of Michigan - Ann Arbor")
    _, _, entry = forms(item)
    assert entry is not None and "University of Michigan–Ann Arbor, 1953." in entry


# --- a series typed into the title, an ISSN in the series (14.123) -------------------------


def test_amazon_series_in_the_title_moves_to_the_series() -> None:
    item = book(
        title="Danube Diplomacy: Hungary and the Powers (Book 12) "
        "(Eastern European Monographs Series)"
    )
    full, _, entry = forms(item)
    assert full == (
        "Stephen D. Kertesz, <i>Danube Diplomacy: Hungary and the Powers</i>, Eastern European"
        " Monographs Series 12 (University of Notre Dame Press, 1953), 12."
    )
    assert entry is not None and "Eastern European Monographs Series 12." in entry


@pytest.mark.parametrize(
    "title", ["The Danube Question (1918-1948)", "The Danube Question (Library Edition)"]
)
def test_a_parenthesis_naming_no_series_stays_in_the_title(title: str) -> None:
    record = cleaned(book(title=title))
    assert (record["title"], record.get("collection-title")) == (title, None)


def test_series_issn_is_dropped() -> None:
    record = cleaned(book(**{"collection-title": "Studies in diplomacy, 0070-1234 ; no. 7"}))
    assert (record["collection-title"], record["collection-number"]) == (
        "Studies in diplomacy",
        "7",
    )


# --- a body's name split as a person's (14.70) ---------------------------------------------


@pytest.mark.parametrize(
    ("given", "family", "body"),
    [
        ("Hungary. Ministry of Foreign", "Affairs", "Hungary. Ministry of Foreign Affairs"),
        ("United States Office of", "Education", "United States Office of Education"),
        (
            "Food and Agriculture Organization of the",
            "United Nations",
            "Food and Agriculture Organization of the United Nations",
        ),
    ],
)
def test_corporate_author_split_as_a_person_is_one_body(given: str, family: str, body: str) -> None:
    full, short, entry = forms(book(author=[{"family": family, "given": given}]))
    assert full.startswith(f"{body}, <i>")
    assert short.startswith(f"{body}, <i>")
    assert entry is not None and entry.startswith(f"{body}. <i>")


def test_a_person_is_not_taken_for_a_body() -> None:
    full, _, _ = forms(book(author=[{"family": "Office", "given": "Margaret"}]))
    assert full.startswith("Margaret Office, <i>")


# --- old LC punctuation: "; " before a subtitle, ". 1955" before a part (14.89) ------------


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("Hungary, 1919-1945; the road to war", "Hungary, 1919–1945: The Road to War"),
        ("Survey of international affairs. 1949", "Survey of International Affairs, 1949"),
        # A semicolon that is the title's own stays: a colon already, or no lowercase after.
        ("Peace; War", "Peace; War"),
        ("Hungary; an essay: the road to war", "Hungary; An Essay: The Road to War"),
    ],
)
def test_lc_subtitle_and_part_punctuation(title: str, printed: str) -> None:
    full, _, _ = forms(book(title=title))
    assert full.startswith(f"Stephen D. Kertesz, <i>{printed}</i> (")


def test_statement_of_responsibility_leaves_a_chapters_book_title() -> None:
    item = book(
        type="chapter",
        title="The Danube commission",
        **{"container-title": "Central Europe since 1945 / edited by Ivan Volgyes."},
        editor=[{"family": "Volgyes", "given": "Ivan"}],
    )
    assert cleaned(item)["container-title"] == "Central Europe since 1945"
    full, _, _ = forms(item)
    assert "<i>Central Europe since 1945</i>, ed. Ivan Volgyes" in full
