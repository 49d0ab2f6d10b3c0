"""Journal articles, magazines and newspapers (CMOS 18 14.168-14.203)."""

from __future__ import annotations

import re

from assistant.cite.items import Item
from assistant.cite.locators import locator_text
from assistant.cite.model import Citation, Run
from assistant.cite.names import names_note, parse_names
from assistant.cite.pieces import (
    accessed,
    archive_parts,
    creator_bib,
    creator_note,
    link,
    secondary,
    title,
)
from assistant.cite.ranges import page_range
from assistant.cite.record_fields import ONLINE_FIRST
from assistant.cite.richtext import CLOSE, Parts, capitalize, join, lower_first, paren, t, text_of
from assistant.cite.short_titles import derive_short_title
from assistant.cite.titles import styled_title
from assistant.cite.typography import ordinal

# An issue given with its label already ("no. 3", "Nos. 6-7", "Number 4", French "n° 3",
# German "Nr. 2" or "H. 2" for Heft, Spanish "núm. 5", Czech "č. 4"): the label goes, the
# number is labelled the Chicago way, in English as CMOS 14.171 prints every journal's.
_ISSUE_LABEL = re.compile(
    r"^(?:nos?\.?|n[°º]s?\.?|numbers?|num\.|núm\.|nr\.?|h\.|heft|č\.|issues?|#)\s*(?=\d)",
    re.IGNORECASE,
)
# An issue that is a number: figures or a roman numeral, a letter code with figures ("S1",
# "4A"), or a range or pair of those ("6–7", "12/13", "3 & 4").
_ISSUE_NUMBER = r"(?:\d+[A-Za-z]?|[A-Za-z]\d+|[IVXLC]+)"
_NUMBERED_ISSUE = re.compile(rf"^{_ISSUE_NUMBER}(?:\s*(?:[–/,&]|and)\s*{_ISSUE_NUMBER})*$")
# Words that lead an issue which is not a number, as CMOS 18 14.171 prints them: a supplement
# is "suppl. 1", a part "pt. 2", other descriptive words lowercase ("special issue").
_ISSUE_WORDS = {
    "supplement": "suppl.",
    "suppl": "suppl.",
    "supp": "suppl.",
    "part": "pt.",
    "pt": "pt.",
    "special": "special",
    "issue": "issue",
    "annual": "annual",
}


_SEASON_WORD = r"(?:Spring|Summer|Fall|Autumn|Winter)"
_SEASON_ISSUE = re.compile(
    rf"^(?P<season>{_SEASON_WORD}(?:\s*[–/-]\s*{_SEASON_WORD})?)"
    r"(?:\s+(?P<year>\d{4}(?:[–/-]\d{2,4})?))?$",
    re.IGNORECASE,
)


def issue_text(issue: str) -> str:
    """ "no. 3", "nos. 6–7", "no. 12/13" (a double issue numbered with a slash is one issue);
    an issue led by a word prints as given, its common word abbreviated and lowercase the way
    CMOS 18 14.171 sets it: "Supplement 1" → "suppl. 1". "no." labels numbers only."""
    issue = page_range(_ISSUE_LABEL.sub("", issue.strip()), abbreviate=False)
    if _NUMBERED_ISSUE.match(issue):
        term = "nos." if re.search(r"[–,&]| and ", issue) else "no."
        return f"{term} {issue}"
    words = issue.split(" ")
    for n, word in enumerate(words):
        known = _ISSUE_WORDS.get(word.rstrip(".").lower())
        if known is None:
            break
        words[n] = known
    return " ".join(words)


def periodical_name(item: Item) -> Parts:
    """The journal, magazine or newspaper, italic, without its initial "The" wherever it is
    named (CMOS 18 14.172): also for a review, an interview or a letter printed in it, whose
    records Zotero exports under types the cleaning of records does not treat as periodicals."""
    cached = item.styled.get("periodical")
    if cached is None:
        name = re.sub(r"^The\s+(?=[A-Z])", "", item.cased("container-title"))
        cached = item.styled["periodical"] = styled_title(name, quoted=False) if name else []
    return list(cached)


# A label typed with the number ("Vol. 12", "vol 12", German "Bd. 12", French "t. 12" or
# "vol. 12"; "pp. 23-45"): the citation gives the number alone, as CMOS 14.171 does.
_VOLUME_LABEL = re.compile(r"(?i)^(?:vol(?:ume)?s?\.?|bd\.|t\.|jg\.|jahrgang)\s*(?=\d)")
_PAGE_LABEL = re.compile(r"(?i)^(?:pp?\.|pages?|s\.)\s*(?=[\divxlc])")


def volume_number(item: Item) -> str:
    """The volume of a journal, without a label the record typed with it. A journal numbered
    by issue within each year has no volume: Project MUSE and J-STAGE records repeat the year
    as one ("2011" beside no. 4 of 2011), which is cited "*Ab Imperio*, no. 4 (2011)" (CMOS 18
    14.171)."""
    volume = _VOLUME_LABEL.sub("", item.get("volume"))
    year = item.date.year if item.date else None
    if volume and item.get("issue") and year and volume == str(year):
        return ""
    return volume


def pages(item: Item) -> str:
    """A printed piece's page range, without a "pp." the record typed with it, inclusive
    numbers abbreviated the Chicago way (`page_range`)."""
    return page_range(_PAGE_LABEL.sub("", item.get("page")))


def _serial(item: Item) -> Parts:
    """ "*Diplomatic History* 25, no. 3 (2001)": the journal, volume, issue, date."""
    if _review_on_website(item):
        # A review published on a website, not in an issue of a journal: the site in roman,
        # then its own series and number, then the full date (CMOS 18 14.102, 14.104):
        # "H-Diplo Article Review 1120, September 8, 2022".
        site = item.get("container-title")
        if item.get("number"):
            site = " ".join(p for p in (site, item.get("genre"), item.get("number")) if p)
        return t(_join_text(site, item.date.text() if item.date else ""))
    serial = periodical_name(item)
    volume, issue = volume_number(item), item.get("issue")
    restarted = _journal_series(item.get("collection-title")) if volume else ""
    if restarted:
        # A journal that restarted its volumes: "*Notes and Queries*, n.s., 24" (CMOS 18
        # 14.180), the series between commas before the volume.
        serial += t(f", {restarted},")
    season = _SEASON_ISSUE.match(issue)
    if season and (volume or item.date):
        # A season typed into the issue field dates the issue, it is no issue number:
        # "12 (Spring 1995)" (CMOS 18 14.171).
        issue = ""
    if volume:
        serial += t(f" {volume}")
    if issue:
        issue = issue_text(issue)
        serial += t(f", {issue}" if volume or serial else issue)
    # A journal's volume or issue number identifies the issue, so its month goes; a season
    # stays (CMOS 14.171). Only a journal cited by date alone keeps the month.
    date = item.date.text(year_only=bool(issue or volume), seasons=True) if item.date else ""
    if season and not issue and not re.match(_SEASON_WORD, date, re.IGNORECASE):
        # The issue's own year, "Winter 1995–96", says more than the record's date.
        years = page_range(season.group("year") or "", abbreviate=False) or date
        date = f"{season.group('season')} {years}".strip()
    status = item.get("status").lower()
    if not date and status and not (volume or issue):
        # Accepted, not yet out: "*Cold War History*, forthcoming" (CMOS 18 14.75).
        return serial + t(f", {status}")
    if item.date and _ahead_of_print(item, volume or issue):
        # Online first, before any issue: "*Cold War History*, published ahead of print,
        # March 14, 2025" (CMOS 18 14.75): the date is the article's own, out of parentheses;
        # the record's own words for it ("advance online publication") are kept.
        said = status if ONLINE_FIRST.match(status) else "published ahead of print"
        return serial + t(f", {said}, {item.date.text()}")
    serial += paren(date or status or "n.d.")
    return serial


def _page_after(serial: Parts, where: str) -> str:
    """The page after the issue's date in parentheses takes a colon, "(1994): 12"; after a
    date or status run on with commas, a comma: "*Cold War History*, forthcoming, 12",
    "published ahead of print, March 14, 2025, 3" (CMOS 18 14.171, 14.75)."""
    return f": {where}" if text_of(serial).endswith((")", CLOSE)) else f", {where}"


def _join_text(*pieces: str) -> str:
    return ", ".join(p for p in pieces if p)


def _review_on_website(item: Item) -> bool:
    """A review read online with no volume, issue or pages (H-Net's, H-Diplo's): a page of
    a website, not an article in an issue of a journal."""
    return bool(
        item.csl_type in ("review", "review-book")
        and item.get("URL")
        and item.get("container-title")
        and not (volume_number(item) or item.get("issue") or item.get("page"))
    )


# A review of an article, a chapter or an essay: the reviewed title is quoted (CMOS 14.102).
_REVIEWED_ARTICLE = re.compile(r"\b(?:article|chapter|essay)\b", re.IGNORECASE)


def _reviewed_quoted(item: Item) -> bool:
    return bool(_REVIEWED_ARTICLE.search(item.get("genre")))


def _ahead_of_print(item: Item, numbered: str) -> bool:
    """A journal article published online before its issue: no volume, issue or pages, a
    DOI, and the day it went online (a journal dated by month alone is an issue)."""
    return bool(
        item.csl_type == "article-journal"
        and not numbered
        and (not item.get("page") or ONLINE_FIRST.match(item.get("status")))
        and item.get("DOI")
        and item.date
        and item.date.start is not None
        and item.date.start.day
        and item.date.end is None
    )


_NEW_SERIES = re.compile(r"^(?:new\s+series|n\.\s?s\.?)$", re.IGNORECASE)
_NTH_SERIES = re.compile(r"^(\d+)(?:st|nd|rd|th)\s+(?:series|ser\.?)$", re.IGNORECASE)


def _journal_series(series: str) -> str:
    """A journal's series as CMOS 18 14.180 abbreviates it: "n.s.", "4th ser."; "" for any
    other series name (a journal's collection title is not printed otherwise)."""
    series = (series or "").strip()
    if _NEW_SERIES.match(series):
        return "n.s."
    nth = _NTH_SERIES.match(series)
    return ordinal(int(nth.group(1))) + " ser." if nth else ""


def serial(item: Item) -> Parts:
    """The journal part of an item published in a journal (an interview, a letter)."""
    return _serial(item)


def journal_facts(item: Item, where: str) -> Parts:
    """A journal's facts and the pages or locator after a colon, for a piece of another kind
    published in a journal (an interview): "*Journal* 10, no. 4 (Winter 1991–92): 50"."""
    serial = _serial(item)
    return serial + t(f": {where}") if where else serial


def _edition(item: Item) -> str:
    """A newspaper's edition, capitalized (CMOS 18 14.89): "Late City Edition"."""
    edition = item.get("edition")
    if not edition or item.csl_type != "article-newspaper":
        return ""
    if not re.search(r"\bed(ition|n)?\.?$", edition, re.IGNORECASE):
        edition += " edition"
    return " ".join(w[:1].upper() + w[1:] for w in edition.split())


_NUMBERED_SECTION = re.compile(
    r"^(?:section|sec\.?)\s+(?P<number>\d{1,2}|[A-Z]|[IVX]{1,4})$", re.IGNORECASE
)


def _section(item: Item) -> str:
    """A newspaper's section: "sec. A", "sec. 2", or its name as given (CMOS 14.191); a
    section numbered in words ("Section 2", "Sec. B") with CMOS's abbreviation, "sec. 2". A
    paper's own name for its parts ("Part I" of the Los Angeles Times) is a name, as given."""
    section = item.get("section")
    if not section:
        return ""
    numbered = _NUMBERED_SECTION.match(section.strip())
    if numbered:
        return f"sec. {numbered.group('number')}"
    if len(section) <= 3 or section.isdigit():
        return f"sec. {section}"
    return section


def _review(item: Item, *, bib: bool) -> tuple[Parts, Parts]:
    """(the title part, "review of *Book*, by Author") for a review (CMOS 14.176). A review
    with no `reviewed-title` carries the reviewed work's title in `title`."""
    reviewed = item.cased("reviewed-title")
    authors = parse_names(item.raw, "reviewed-author", [], item.id)
    is_review = item.csl_type in ("review", "review-book")
    if not (reviewed or authors or is_review):
        return title(item), []
    own = title(item)
    by = names_note(authors, et_al=False) if authors else ""
    if reviewed and _titled_by_reviewed(item, reviewed):
        # "Review of *Book*" typed as the title beside the reviewed title (JSTOR's untitled
        # reviews with Zotero's fields filled): no title of its own, said once (14.102).
        own = []
    if not reviewed and (is_review or authors):
        # Zotero has no field for the reviewed title: a review is an article whose title is
        # the book's ("Review of …" when the record says so) and whose reviewed author is the
        # book's author.
        reviewed, own = _book_title_of_review(item), []
        if not authors:
            reviewed, by = _split_byline(reviewed)
    if not reviewed:
        return own, []
    books = [b.strip() for b in reviewed.split("; ")]
    if len(authors) >= 2 and len(books) == len(authors) and all(books):
        # Two books in one reviewed-title field, in the order of their authors: each with
        # its own byline, "review of *A*, by X, and *B*, by Y" (CMOS 18 14.102).
        words = [Run("Review of " if bib else "review of ")]
        for index, (book, author) in enumerate(zip(books, authors, strict=True)):
            if index:
                words += t(", and " if index == len(books) - 1 else ", ")
            words += [*styled_title(book, _reviewed_quoted(item))]
            words += t(", by " + names_note([author], et_al=False))
        return own, words
    words = [
        Run("Review of " if bib else "review of "),
        *styled_title(reviewed, _reviewed_quoted(item)),
    ]
    if by:
        words += t(", by " + by)
    return own, words


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _titled_by_reviewed(item: Item, reviewed: str) -> bool:
    """The review's title is only "Review of" the reviewed title (with its byline)."""
    match = re.match(r"(?i)^review(?:ed)?(?:\s+of)?[:\s]+(.+)$", item.title or "")
    if not match:
        return False
    rest, book = _letters(match.group(1)), _letters(reviewed)
    return bool(book) and (rest == book or (rest.startswith(book) and ", by " in item.title))


# JSTOR's "Review of *Book*, by A. Author" (or "…, by A and B", "…, ed. by A"): the byline.
_PERSON = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+"
_BYLINE = re.compile(
    rf"^(?P<title>.+?),\s+(?:ed(?:ited)?\.?\s+)?by\s+"
    rf"(?P<by>{_PERSON}(?:(?:,\s+|,?\s+and\s+){_PERSON})*)$"
)


def _split_byline(reviewed: str) -> tuple[str, str]:
    """A reviewed title and its author when the record has no `reviewed-author` and the
    review's title carries the byline, as JSTOR titles untitled reviews."""
    match = _BYLINE.match(reviewed)
    if not match:
        return reviewed, ""
    return match.group("title"), match.group("by")


def _book_title_of_review(item: Item) -> str:
    """The reviewed book's title from a review's own: JSTOR words an untitled review "Review
    of *Book*, by Author", and the author is printed from `reviewed-author` anyway."""
    title = re.sub(r"(?i)^review of\s+", "", item.title)
    for name in parse_names(item.raw, "reviewed-author", [], item.id)[:1]:
        first = (name.given or name.family or name.literal).split(" ")[0]
        if first:
            title = re.split(rf",?\s+by\s+(?={re.escape(first)})", title, maxsplit=1)[0]
    # Headline style lowercased the book's article inside "Review of the …": it opens now.
    return title[:1].upper() + title[1:]


def short_review(item: Item) -> Parts:
    """ "review of *Rise of the Novel*": the short form of a review without its own title."""
    own, review = _review(item, bib=False)
    if own or not review:
        return []
    reviewed = item.cased("reviewed-title") or _split_byline(_book_title_of_review(item))[0]
    short = derive_short_title(reviewed, item.language)
    return [Run("review of "), *styled_title(short, _reviewed_quoted(item))]


def _issue(item: Item) -> Parts:
    """A whole issue of a journal (CSL `periodical`): "*Bulletin*, no. 3 (Fall 1993)"."""
    serial = title(item)
    volume, issue = volume_number(item), item.get("issue")
    if volume:
        serial += t(f" {volume}")
    if issue:
        serial += t(f", {issue_text(issue)}")
    date = item.date.text(year_only=bool(issue), seasons=True) if item.date else ""
    return serial + paren(date or "n.d.")


def _in_repository(item: Item) -> bool:
    """A CSL `article` in no periodical: Zotero's preprint (its Repository as `publisher`,
    its Archive ID as `number`), a working paper or other paper posted on its own."""
    return item.csl_type == "article" and not item.get("container-title")


def _repository_facts(item: Item) -> str:
    """ "preprint, arXiv, January 23, 2020" (CMOS 18 14.110): the kind of paper (Zotero's
    Genre; "preprint" for a paper a repository holds), the repository, its identifier unless
    the DOI or URL already carries it, the full date."""
    genre = item.get("genre") or ("preprint" if item.get("publisher") else "")
    number = item.get("number")
    if number and re.sub(r"^[A-Za-z-]+:", "", number).casefold() in link(item).casefold():
        number = ""
    date = item.date.text() if item.date else ""
    pieces = (lower_first(genre), item.get("publisher"), number, date)
    return ", ".join(p for p in pieces if p)


def _repository_full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    own = title(item)
    seen = t(accessed(item, capital=False))
    facts = t(_repository_facts(item))
    return join(
        [creator, own, *secondary(item, bib=False), facts, t(locator_text(citation)),
         *archive_parts(item), seen, t(link(item))],
        ", ",
    )  # fmt: skip


def _repository_bibliography(item: Item) -> Parts:
    own = title(item)
    seen = t(accessed(item, capital=True))
    facts = t(capitalize(_repository_facts(item)))
    return join(
        [t(creator_bib(item)), own, *secondary(item, bib=True), facts,
         *archive_parts(item, bib=True), seen, t(link(item))],
        ". ",
    )  # fmt: skip


def full(item: Item, citation: Citation) -> Parts:
    if _in_repository(item):
        return _repository_full(item, citation)
    if item.family == "issue":
        loc = locator_text(citation)
        serial = _issue(item) + (t(f": {loc}") if loc else [])
        return join(
            [t(creator_note(item)), *secondary(item, bib=False), serial, t(link(item))], ", "
        )
    loc = locator_text(citation)
    creator = [] if citation.suppress_author else t(creator_note(item))
    url = t(link(item))
    if item.family == "article":
        serial = _serial(item)
        where = loc or pages(item)
        if where:
            serial += t(_page_after(serial, where))
        own, review = _review(item, bib=False)
        described = [creator, own, review, *secondary(item, bib=False)]
        # An undated article read online gives the day it was consulted (CMOS 14.12).
        seen = t(accessed(item, capital=False))
        return join([*described, serial, *archive_parts(item), seen, url], ", ")
    date = item.date.text() if item.date else ""
    own, review = _review(item, bib=False)
    return join(
        [
            creator,
            own,
            review,
            *secondary(item, bib=False),
            periodical_name(item),
            t(date),
            t(_edition(item)),
            t(_section(item)),
            t(loc),
            *archive_parts(item),
            url,
        ],
        ", ",
    )


def bibliography(item: Item) -> Parts:
    if _in_repository(item):
        return _repository_bibliography(item)
    if item.family == "issue":
        return join(
            [t(creator_bib(item)), *secondary(item, bib=True), _issue(item), t(link(item))], ". "
        )
    creator = t(creator_bib(item))
    url = t(link(item))
    if item.family == "article":
        serial = _serial(item)
        if item.get("page"):
            serial += t(_page_after(serial, pages(item)))
        own, review = _review(item, bib=True)
        sentences = [creator, own, review, *secondary(item, bib=True), serial]
        seen = t(accessed(item, capital=True))
        return join([*sentences, *archive_parts(item, bib=True), seen, url], ". ")
    date = t(item.date.text() if item.date else "")
    # A review in a newspaper or magazine: "Review of *Film*." after its headline (14.102).
    own, review = _review(item, bib=True)
    if not creator and item.get("container-title"):
        # Unsigned: the periodical stands in the author's place.
        return join(
            [
                periodical_name(item),
                own,
                review,
                join([date, t(_edition(item)), t(_section(item))], ", "),
                url,
            ],
            ". ",
        )
    serial = join([periodical_name(item), date, t(_edition(item)), t(_section(item))], ", ")
    return join(
        [
            creator,
            own,
            review,
            *secondary(item, bib=True),
            serial,
            *archive_parts(item, bib=True),
            url,
        ],
        ". ",
    )
