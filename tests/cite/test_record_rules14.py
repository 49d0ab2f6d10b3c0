"""Record-side rules found by round 14 of the held-out libraries, each pinned on invented
items (not the held-out sets' own): section-page locators, papers presented at a meeting,
journal articles published ahead of print, posts on social media, genre words mid-note, and
reviews published on websites."""

from __future__ import annotations

import pytest

from .test_record_rules12 import notes_and_entry as _forms

# --- a section-page locator is one place, not a range (CMOS 18 9.64) ----------------------

_REPORT = {
    "id": "commission1976",
    "type": "report",
    "author": [{"literal": "Commission on CIA Activities within the United States"}],
    "title": "Report to the President",
    "publisher": "Government Printing Office",
    "issued": {"date-parts": [[1975]]},
}


@pytest.mark.parametrize(
    ("locator", "printed"),
    [
        ("VII-4", "VII-4"),  # section VII, page 4
        ("B-17", "B-17"),  # appendix B, page 17
        ("II-3-II-9", "II-3–II-9"),  # a range of two section-page forms
        ("xiv-xvi", "xiv–xvi"),  # two roman numerals: a range
        ("112-119", "112–19"),  # two arabic numbers: a range, abbreviated
    ],
)
def test_section_page_locator_keeps_its_hyphen_9_64(locator: str, printed: str) -> None:
    full, short, _ = _forms(_REPORT, locator)
    assert full.endswith(f"(Government Printing Office, 1975), {printed}.")
    assert short.endswith(f", {printed}.")


# --- a paper presented at a meeting: "presented at", never "presented," (CMOS 18 14.115) ---


@pytest.mark.parametrize("genre", ["Paper presented", "Lecture delivered"])
def test_presented_paper_names_its_meeting_after_at_14_115(genre: str) -> None:
    item = {
        "id": "okafor2019",
        "type": "speech",
        "title": "Cocoa Prices and the Ghanaian Coup of 1966",
        "genre": genre,
        "event-title": "African Studies Association Annual Meeting",
        "event-place": "Boston",
        "author": [{"family": "Okafor", "given": "Chidi"}],
        "issued": {"date-parts": [[2019, 11, 22]]},
    }
    full, _, bib = _forms(item)
    lower = genre[0].lower() + genre[1:]
    assert f"1966,” {lower} at African Studies Association Annual Meeting, Boston," in full
    assert f"1966.” {genre} at African Studies Association Annual Meeting, Boston," in bib
    assert f"{lower}," not in full


# --- an article published online before its issue (CMOS 18 14.75) -------------------------

_ONLINE_FIRST = {
    "id": "mensah2026",
    "type": "article-journal",
    "title": "Grain, Aid, and Leverage: American Food Diplomacy in Ghana, 1962-1966",
    "container-title": "Journal of Cold War Studies",
    "DOI": "10.1162/jcws_a_01234",
    "author": [{"family": "Mensah", "given": "Kwabena"}],
    "issued": {"date-parts": [[2026, 1, 9]]},
}


def test_online_first_article_is_published_ahead_of_print_14_75() -> None:
    full, _, bib = _forms(_ONLINE_FIRST, "")
    assert full.endswith(
        "<i>Journal of Cold War Studies</i>, published ahead of print, January 9, 2026,"
        " https://doi.org/10.1162/jcws_a_01234."
    )
    assert bib.endswith(
        "<i>Journal of Cold War Studies</i>, published ahead of print, January 9, 2026."
        " https://doi.org/10.1162/jcws_a_01234."
    )


def test_article_with_volume_or_month_only_is_not_ahead_of_print_14_75() -> None:
    with_volume = {**_ONLINE_FIRST, "volume": "28", "issue": "1", "page": "5-40"}
    full, _, _ = _forms(with_volume, "")
    assert "<i>Journal of Cold War Studies</i> 28, no. 1 (2026): 5–40" in full
    month_only = {**_ONLINE_FIRST, "issued": {"date-parts": [[2026, 1]]}}
    full, _, _ = _forms(month_only, "")
    assert "ahead of print" not in full


# --- a post named by its platform alone (CMOS 18 14.106) ------------------------------------


@pytest.mark.parametrize(
    ("genre", "platform", "kind"),
    [
        ("Tweet", "Twitter", ""),
        ("Toot", "Mastodon", ""),
        ("Post", "Facebook", ""),
        ("Instagram photo", "Instagram", "Instagram photo, "),  # a kind that says more: kept
    ],
)
def test_plain_post_names_only_its_platform_14_106(genre: str, platform: str, kind: str) -> None:
    item = {
        "id": "post1",
        "type": "post",
        "title": "The 1956 Hungarian refugee files are now open to researchers",
        "container-title": platform,
        "genre": genre,
        "URL": "https://example.org/status/42",
        "author": [{"family": "Horváth", "given": "Eszter"}],
        "issued": {"date-parts": [[2021, 10, 23]]},
    }
    full, _, _ = _forms(item, "")
    expected_platform = "" if kind else f"{platform}, "
    assert f"researchers,” {kind}{expected_platform}October 23, 2021," in full


# --- a web page's kind is a common noun, lowercase mid-note (CMOS 18 14.104, 14.106) ------


@pytest.mark.parametrize(
    ("genre", "printed"), [("Collection", "collection"), ("Finding aid", "finding aid")]
)
def test_archive_page_kind_lowercase_mid_note_14_104(genre: str, printed: str) -> None:
    item = {
        "id": "page1",
        "type": "webpage",
        "title": "Papers of the Marshall Plan Mission to Greece",
        "container-title": "Hoover Institution Library and Archives",
        "genre": genre,
        "URL": "https://example.org/collection/77",
        "accessed": {"date-parts": [[2025, 2, 3]]},
    }
    full, _, bib = _forms(item, "")
    assert f"Greece,” {printed}, Hoover Institution Library and Archives," in full
    assert f"Greece.” {genre}." in bib or f"Greece.” {genre}," in bib


# --- a review published on a website (CMOS 18 14.102, 14.104) ------------------------------


def test_review_of_book_on_website_site_roman_date_unbracketed_14_102() -> None:
    item = {
        "id": "rev1",
        "type": "review-book",
        "reviewed-title": "The Marshall Plan in Austria",
        "reviewed-author": [{"family": "Bischof", "given": "Günter"}],
        "container-title": "H-German, H-Net Reviews",
        "author": [{"family": "Lindqvist", "given": "Sara"}],
        "issued": {"date-parts": [[2004, 2]]},
        "URL": "https://www.h-net.org/reviews/showrev.php?id=8888",
    }
    full, _, bib = _forms(item, "")
    assert full == (
        "Sara Lindqvist, review of <i>The Marshall Plan in Austria</i>, by Günter Bischof,"
        " H-German, H-Net Reviews, February 2004, https://www.h-net.org/reviews/showrev.php?id=8888."
    )
    assert "H-German, H-Net Reviews, February 2004. https://" in bib


def test_numbered_review_of_article_quotes_its_title_14_102() -> None:
    item = {
        "id": "rev2",
        "type": "review",
        "reviewed-title": "Sterling and the End of Empire, 1945-1958",
        "reviewed-author": [{"family": "Okonjo", "given": "Ifeoma"}],
        "container-title": "H-Diplo",
        "genre": "Article Review",
        "number": "987",
        "author": [{"family": "Marsh", "given": "Owen"}],
        "issued": {"date-parts": [[2020, 11, 2]]},
        "URL": "https://hdiplo.org/to/AR987",
    }
    full, short, bib = _forms(item, "")
    assert full == (
        "Owen Marsh, review of “Sterling and the End of Empire, 1945–1958,” by Ifeoma Okonjo,"
        " H-Diplo Article Review 987, November 2, 2020, https://hdiplo.org/to/AR987."
    )
    assert short == "Marsh, review of “Sterling and the End of Empire.”"
    assert bib == (
        "Marsh, Owen. Review of “Sterling and the End of Empire, 1945–1958,” by Ifeoma Okonjo."
        " H-Diplo Article Review 987, November 2, 2020. https://hdiplo.org/to/AR987."
    )


def test_review_in_journal_issue_keeps_italic_journal_14_102() -> None:
    item = {
        "id": "rev3",
        "type": "review-book",
        "reviewed-title": "The Marshall Plan in Austria",
        "reviewed-author": [{"family": "Bischof", "given": "Günter"}],
        "container-title": "Journal of Cold War Studies",
        "volume": "4",
        "issue": "2",
        "page": "120-122",
        "author": [{"family": "Lindqvist", "given": "Sara"}],
        "issued": {"date-parts": [[2002]]},
        "URL": "https://example.org/rev3",
    }
    full, _, _ = _forms(item, "")
    assert "<i>Journal of Cold War Studies</i> 4, no. 2 (2002): 120–22" in full
