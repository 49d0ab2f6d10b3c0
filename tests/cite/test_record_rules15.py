"""Record-side rules found by round 15 of the held-out libraries, each pinned on invented
items (not the held-out sets' own): a season written beside the date, and an entry in a wiki
(a website, in roman)."""

from __future__ import annotations

import pytest

from .test_record_rules12 import notes_and_entry as _forms

# --- a season beside the date still dates the issue (CMOS 18 14.171) ----------------------


def _article(**extra: object) -> dict:
    return {
        "id": "okonkwo1994",
        "type": "article-journal",
        "title": "Oil, Credit, and the Biafran Pound",
        "container-title": "Journal of African History",
        "volume": "35",
        "issue": "2",
        "page": "221-243",
        "author": [{"family": "Okonkwo", "given": "Adaeze"}],
        "issued": {"date-parts": [["1994"]]},
        **extra,
    }


@pytest.mark.parametrize("season", ["Autumn", "Spring", 2])
def test_top_level_season_dates_the_issue_14_171(season: object) -> None:
    full, _, bib = _forms(_article(season=season))
    shown = season if isinstance(season, str) else "Summer"
    assert f"35, no. 2 ({shown} 1994): 12." in full
    assert bib is not None and f"35, no. 2 ({shown} 1994): 221–43." in bib


def test_season_inside_the_date_wins_over_one_beside_it_14_171() -> None:
    item = _article(season="Winter")
    item["issued"] = {"date-parts": [["1994"]], "season": "Spring"}
    full, _, _ = _forms(item)
    assert "(Spring 1994): 12." in full


def test_no_season_leaves_the_year_alone_14_171() -> None:
    full, _, _ = _forms(_article())
    assert "35, no. 2 (1994): 12." in full


# --- a wiki is a website: its name in roman (CMOS 18 8.191, 14.130) -----------------------


def _entry(container: str, url: str) -> dict:
    return {
        "id": "entry1",
        "type": "entry-encyclopedia",
        "title": "Berlin Airlift",
        "container-title": container,
        "URL": url,
        "issued": {"date-parts": [["2026", 3, 4]]},
    }


@pytest.mark.parametrize(
    ("container", "url"),
    [
        ("Wikipedia", "https://en.wikipedia.org/w/index.php?title=Berlin_Airlift&oldid=123"),
        ("Wikipedia", "https://de.wikipedia.org/wiki/Berliner_Luftbr%C3%BCcke"),
        ("Wiktionary", "https://en.wiktionary.org/wiki/airlift"),
        ("Cold War Wiki", "https://coldwar.fandom.com/wiki/Berlin_Airlift"),
    ],
)
def test_wiki_name_is_roman_14_130(container: str, url: str) -> None:
    full, short, _ = _forms(_entry(container, url))
    assert full.startswith(f"{container}, under “Berlin Airlift,” last modified March 4, 2026")
    assert short == f"{container}, under “Berlin Airlift,” 12."
    assert "<i>" not in full.split("http")[0]


def test_published_reference_work_online_stays_italic_14_130() -> None:
    item = _entry("Encyclopaedia Britannica", "https://www.britannica.com/event/Berlin-airlift")
    full, short, _ = _forms(item)
    assert full.startswith("<i>Encyclopaedia Britannica</i>, under “Berlin Airlift,”")
    assert short.startswith("<i>Encyclopaedia Britannica</i>, under")


# --- a medium run on inside a note starts lowercase (CMOS 18 14.219, 14.113) --------------


@pytest.mark.parametrize("medium", ["Tape recording", "Reel-to-reel tape"])
def test_tape_medium_lowercase_in_note_capital_in_bib_14_219(medium: str) -> None:
    item = {
        "id": "pillai1978",
        "type": "interview",
        "author": [{"family": "Pillai", "given": "Sarojini"}],
        "interviewer": [{"family": "Bose", "given": "Arun"}],
        "medium": medium,
        "issued": {"date-parts": [[1978, 3, 9]]},
        "archive": "Nehru Memorial Museum and Library",
        "archive-place": "New Delhi",
    }
    full, _, bib = _forms(item, "")
    lower = medium[0].lower() + medium[1:]
    assert f"interview by Arun Bose, March 9, 1978, {lower}," in full
    assert bib is not None and f"March 9, 1978. {medium}." in bib


# --- a review titled only "Review of <book>" has no title of its own (CMOS 18 14.102) -----


def _review(title: str) -> dict:
    return {
        "id": "ruiz2013",
        "type": "review-book",
        "title": title,
        "author": [{"family": "Ruiz", "given": "Elena"}],
        "reviewed-title": "The Coffee Frontier",
        "reviewed-author": [{"family": "Dunn", "given": "Marcus"}],
        "container-title": "The Americas",
        "volume": "70",
        "issue": "1",
        "page": "120-122",
        "issued": {"date-parts": [[2013]]},
    }


@pytest.mark.parametrize(
    "title",
    [
        "Review of The Coffee Frontier",
        "Review of the Coffee Frontier, by Marcus Dunn",
        "Reviewed: The Coffee Frontier",
    ],
)
def test_review_titled_by_the_book_is_untitled_14_102(title: str) -> None:
    full, short, bib = _forms(_review(title))
    assert full == (
        "Elena Ruiz, review of <i>The Coffee Frontier</i>, by Marcus Dunn,"
        " <i>Americas</i> 70, no. 1 (2013): 12."
    )
    assert short == "Ruiz, review of <i>Coffee Frontier</i>, 12."
    assert bib is not None and bib.startswith("Ruiz, Elena. Review of <i>The Coffee Frontier</i>")


def test_review_with_a_title_of_its_own_keeps_it_14_102() -> None:
    full, _, _ = _forms(_review("Beans, Borders, and Bosses"))
    assert full.startswith(
        "Elena Ruiz, “Beans, Borders, and Bosses,” review of <i>The Coffee Frontier</i>, by"
    )


# --- reporters and codes spelled out are cited by their Bluebook abbreviations -------------
# (CMOS 18 14.174-14.178, Bluebook T1): "United States Reports" -> "U.S.", "Statutes at
# Large" -> "Stat.", "Federal Reporter, Second Series" -> "F.2d".


@pytest.mark.parametrize(
    ("spelled", "abbreviated", "court"),
    [
        ("United States Reports", "U.S.", ""),
        ("Federal Reporter, Second Series", "F.2d", "2d Cir. "),
        ("Federal Supplement", "F. Supp.", "S.D.N.Y. "),
    ],
)
def test_spelled_out_reporter_is_abbreviated_14_174(
    spelled: str, abbreviated: str, court: str
) -> None:
    authority = {
        "U.S.": "Supreme Court of the United States",
        "F.2d": "United States Court of Appeals for the Second Circuit",
        "F. Supp.": "United States District Court for the Southern District of New York",
    }[abbreviated]
    item = {
        "id": "case1",
        "type": "legal_case",
        "title": "Aguilar v. Standard Oil Co.",
        "authority": authority,
        "container-title": spelled,
        "volume": "318",
        "page": "724",
        "issued": {"date-parts": [[1958]]},
    }
    full, short, _ = _forms(item, "730")
    assert full == f"<i>Aguilar v. Standard Oil Co.</i>, 318 {abbreviated} 724, 730 ({court}1958)."
    assert short == f"<i>Aguilar</i>, 318 {abbreviated} at 730."


def test_spelled_out_statutes_at_large_is_stat_14_177() -> None:
    item = {
        "id": "act1",
        "type": "legislation",
        "title": "Foreign Assistance Act of 1961",
        "number": "87-195",
        "container-title": "United States Statutes at Large",
        "volume": "75",
        "page": "424",
        "issued": {"date-parts": [[1961, 9, 4]]},
    }
    full, _, _ = _forms(item, "")
    assert full == "Foreign Assistance Act of 1961, Pub. L. No. 87-195, 75 Stat. 424 (1961)."


# --- a map's kind run on inside a note starts lowercase (CMOS 18 14.133, 14.113) ----------


@pytest.mark.parametrize("genre", ["Political map", "Relief map", "Nautical chart"])
def test_map_kind_lowercase_in_note_capital_in_bib_14_133(genre: str) -> None:
    item = {
        "id": "ams1951",
        "type": "map",
        "title": "Manchuria and Korea",
        "author": [{"literal": "Army Map Service"}],
        "genre": genre,
        "scale": "1:1,000,000",
        "publisher": "Army Map Service",
        "issued": {"date-parts": [[1951]]},
    }
    full, _, bib = _forms(item, "")
    lower = genre[0].lower() + genre[1:]
    assert full == (
        f"Army Map Service, <i>Manchuria and Korea</i>, {lower}, 1:1,000,000"
        " (Army Map Service, 1951)."
    )
    assert bib is not None and f"<i>Manchuria and Korea</i>. {genre}. 1:1,000,000." in bib


# --- a statute in a code is cited by its section (CMOS 18 14.177) -------------------------


@pytest.mark.parametrize("section", ["2151", "§ 2151", "sec. 2151"])
def test_code_section_is_cited_with_the_section_sign_14_177(section: str) -> None:
    item = {
        "id": "faa-code",
        "type": "legislation",
        "title": "Foreign Assistance Act of 1961",
        "container-title": "United States Code",
        "volume": "22",
        "section": section,
        "issued": {"date-parts": [[2018]]},
    }
    full, _, _ = _forms(item, "")
    assert full == "Foreign Assistance Act of 1961, 22 U.S.C. § 2151 (2018)."


# --- a page after a date run on with commas takes a comma, not a colon (CMOS 18 14.171, 14.75)


def _unissued(**extra: object) -> dict:
    return {
        "id": "adeyemi2025",
        "type": "article-journal",
        "title": "Oil Money and the Nigerian Census",
        "author": [{"family": "Adeyemi", "given": "Tunde"}],
        "container-title": "Cold War History",
        **extra,
    }


def test_forthcoming_article_page_after_a_comma_14_75() -> None:
    full, _, _ = _forms(_unissued(status="forthcoming"), "7")
    assert full.endswith("<i>Cold War History</i>, forthcoming, 7.")


def test_ahead_of_print_article_page_after_a_comma_14_75() -> None:
    item = _unissued(DOI="10.1080/14682745.2025.000001", issued={"date-parts": [[2025, 3, 14]]})
    full, _, _ = _forms(item, "7")
    assert "published ahead of print, March 14, 2025, 7, https://doi.org/" in full


def test_issue_in_parentheses_keeps_the_colon_14_171() -> None:
    item = _unissued(volume="25", issue="1", issued={"date-parts": [[2025]]})
    full, _, _ = _forms(item, "7")
    assert full.endswith("<i>Cold War History</i> 25, no. 1 (2025): 7.")
