"""What reference managers put in a record's fields that a citation must not print as it is.

Zotero and Better BibTeX export what their translators captured: `archive` "JSTOR" and an
`archive_location` holding the stable URL (Zotero's "Archive" and "Loc. in Archive" fields,
filled by its JSTOR translator), publishers' legal forms ("The New Press", "Brill Ltd."), a
periodical's initial "The"; and what library catalogues (MARC records, as Zotero's Library of
Congress, WorldCat, HathiTrust and Internet Archive translators bring them in) write into one
field: the place before the publisher ("New York : Macmillan"), the series number after the
series ("African studies series ; 89"), an edition statement in the catalogue's language ("3d
ed.", "3. Aufl.", "2-е изд."), an edition inside the title (Google Books: "…, Second Edition:
…"). Each is corrected here, once, before the item is rendered, so every renderer sees the
record a copy editor would have typed.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.cite.catalogue_fields import (
    catalogue_dates,
    corporate_names,
    isbd_title,
    publisher_words,
    series_from_title,
    without_responsibility,
)
from assistant.cite.typography import ordinal, words

# Databases and platforms, not archives: what a library catalogue or a translator records as
# where the copy came from (CMOS 18 14.8, 14.11: a database is named only for material that
# is unique to it, never as the repository of a published article or book).
_DATABASES = {
    name.casefold()
    for name in (
        "JSTOR",
        "JSTOR.org",
        "Project MUSE",
        "ProQuest",
        "ProQuest Central",
        "ProQuest Dissertations & Theses",
        "ProQuest Dissertations and Theses",
        "EBSCOhost",
        "EBSCO",
        "Academic Search Complete",
        "Google Books",
        "Google Scholar",
        "HeinOnline",
        "ScienceDirect",
        "SpringerLink",
        "Wiley Online Library",
        "Taylor & Francis",
        "Taylor and Francis+NEJM",
        "Cambridge Core",
        "Oxford Academic",
        "SAGE Journals",
        "Semantic Scholar",
        "Crossref",
        "DOI.org (Crossref)",
        "PubMed",
        "Library of Congress ISBN",
        "WorldCat",
        "Open WorldCat",
        "Amazon",
        "Gale",
        "Gale Academic OneFile",
        "Periodicals Archive Online",
    )
}
# Periodicals whose initial article is dropped in citations (CMOS 18 14.89 newspapers, 14.172
# journals, 14.171 magazines); a book's or a series' title keeps it.
_PERIODICAL_TYPES = {
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "review",
    "review-book",
}
# Types Zotero gives a piece published in a journal or in a book alike: the container is a
# periodical when it has an issue and no publisher ("The Paris Review", no. 24).
_PUBLISHED_IN_EITHER = {"interview", "letter", "personal_communication"}
_PUBLISHER_LEGAL = re.compile(
    r",?\s+(?:Inc|Ltd|LLC|L\.L\.C|Co\.?,? Ltd|Pvt\.? Ltd|Limited|Incorporated)\.?$"
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# What a database adds to a periodical's name to tell its runs and copies apart: ProQuest
# Historical Newspapers' "New York Times (1923-Current file)", "Chicago Daily Tribune
# (1872-1922)", its "(Online)" and "(pre-1997 Fulltext)" copies; Trove's place and run,
# "Sydney Morning Herald (NSW : 1842 - 1954)", "Argus (Melbourne, Vic. : 1848 - 1957)". No
# part of the title the paper printed (CMOS 14.89 names the paper as its masthead does);
# "(London)", a place alone that an editor adds, is kept.
_DATABASE_RUN = re.compile(
    r"\s*\((?:(?:[^()\d]*[^()\d\s][:,]\s*|[^()\d]*\s:\s*)?\d{4}\s*[-–]\s*"
    r"(?:\d{4}|current(?:\s+file)?)?|online(?:\s+edition)?|print"
    r"|pre-\d{4}\s+full\s?text)\)\s*$",
    re.IGNORECASE,
)
# Areas of a newspaper's or magazine's website that Zotero's translators file as the
# article's section (from the page's "article:section").
_WEBSITE_AREAS = words(
    "archives archive blogs blog video videos multimedia interactive interactives live"
    " podcasts podcast slideshow slideshows topics web online"
) | {"web exclusive", "times insider", "breaking news", "latest news"}


def _section_of_page(section: str, page: str) -> bool:
    return bool(re.fullmatch(re.escape(section) + r"\s*-?\d+(?:\s*[-–]\s*\S+)?", page))


# A volume numbered in roman numerals, with a part ("XIX, Part 2", as FRUS numbers its
# volumes): a note gives the numbers in arabic and the part as "pt." (CMOS 18 9.28, 14.116,
# 14.117: "vol. 19, pt. 2"; the short form "22:750").
_ROMAN_VOLUME = re.compile(
    r"^(?:vol\.?\s*)?(?P<roman>[IVXL]+)\b(?:,?\s*(?:Part|Pt\.?|pt\.)\s*(?P<part>\d+|[IVXL]+))?$",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman(numeral: str) -> int | None:
    """The value of a well-formed roman numeral up to 89 ("XXII" -> 22), else None."""
    if not re.fullmatch(r"L?X{0,3}(?:IX|IV|V?I{0,3})", numeral) or not numeral:
        return None
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _arabic_volume(volume: str) -> str:
    match = _ROMAN_VOLUME.match(volume.strip())
    if not match or not match.group("roman").isupper():
        return volume
    number = _roman(match.group("roman"))
    if number is None:
        return volume
    part = match.group("part")
    if part and not part.isdigit():
        value = _roman(part.upper())
        if value is None:
            return volume
        part = str(value)
    return f"{number}, pt. {part}" if part else str(number)


def cleaned(raw: dict[str, Any]) -> dict[str, Any]:
    """`raw` with the fields above corrected (a new dict; `raw` is left as it was)."""
    out = dict(raw)
    archive = _text(out.get("archive"))
    location = _text(out.get("archive_location"))
    if archive and archive.casefold() in _DATABASES:
        # Zotero's JSTOR translator files the platform as the archive.
        out.pop("archive", None)
        out.pop("archive-place", None)
        archive = ""
    if location and _URL.match(location) and not archive:
        # A stable URL in "Loc. in Archive" is a link, not a shelf mark: it is the URL when the
        # record has none (and no DOI, which is preferred anyway, 14.8).
        out.pop("archive_location", None)
        if not _text(out.get("URL")):
            out["URL"] = location
    publisher = _without_place(_text(out.get("publisher")), _text(out.get("publisher-place")))
    if publisher:
        # An initial "The" and a legal form are omitted from a publisher's name (14.52).
        trimmed = _PUBLISHER_LEGAL.sub("", re.sub(r"^The\s+(?=[A-Z])", "", publisher))
        trimmed = publisher_words(trimmed)
        if trimmed and trimmed != _text(out.get("publisher")):
            out["publisher"] = trimmed
    container = _text(out.get("container-title"))
    kind = str(out.get("type", ""))
    in_periodical = kind in _PUBLISHED_IN_EITHER and out.get("issue") and not publisher
    if container and (kind in _PERIODICAL_TYPES or in_periodical):
        trimmed = re.sub(r"^The\s+(?=[A-Z])", "", _DATABASE_RUN.sub("", container))
        if trimmed != container:
            out["container-title"] = trimmed
    _letter_to_the_editor(out, kind)
    _online_first(out, kind)
    kind = str(out.get("type", ""))
    _describe_unpublished(out, kind)
    volume = _text(out.get("volume"))
    if volume:
        arabic = _arabic_volume(volume)
        if arabic != volume:
            out["volume"] = arabic
    section = _text(out.get("section"))
    online = bool(_text(out.get("URL"))) and not _text(out.get("page"))
    if section and kind in _PERIODICAL_TYPES and (online or section.casefold() in _WEBSITE_AREAS):
        # A newspaper site's area ("Archives" on nytimes.com, "UK news" on theguardian.com)
        # is no section of the paper a reader can turn to: CMOS 14.89 gives a section of the
        # printed edition only. An article read online (a URL and no page) has none: Zotero's
        # translators fill the field from the page's "article:section", the site's area.
        out.pop("section", None)
    elif (
        section and kind in _PERIODICAL_TYPES and _section_of_page(section, _text(out.get("page")))
    ):
        # Section "A" of page "A1": the letter is the page number's, which a note and an entry
        # leave out for a newspaper (CMOS 14.89: pages vary between editions); it goes with it.
        out.pop("section", None)
    without_responsibility(out)
    catalogue_dates(out)
    isbd_title(out, kind)
    series_from_title(out)
    corporate_names(out)
    _split_series(out)
    _report_series_number(out, kind)
    _edition_from_title(out)
    edition = _text(out.get("edition"))
    if edition:
        english = _english_edition(edition)
        if english != edition:
            out["edition"] = english
    return out


# A record's status for an article out online before its issue (Zotero's "Status" in Extra).
ONLINE_FIRST = re.compile(
    r"^(?:advance online publication|published (?:online )?ahead of print|online first"
    r"|early view|epub ahead of print)$",
    re.IGNORECASE,
)


def _online_first(out: dict[str, Any], kind: str) -> None:
    """An article out online before its issue has no pages yet: the "1-22" such a record
    carries numbers the PDF, not the issue it will be in, and CMOS 18 14.75 cites it by its
    date online alone ("published ahead of print, March 14, 2025")."""
    if kind != "article-journal" or out.get("volume") or out.get("issue"):
        return
    if ONLINE_FIRST.match(_text(out.get("status"))):
        out.pop("page", None)


# A newspaper's or magazine's heading for its readers' letters, which Zotero files as the title.
_EDITOR_LETTER = re.compile(r"^letters?\s+to\s+the\s+editors?\.?$", re.IGNORECASE)


def _letter_to_the_editor(out: dict[str, Any], kind: str) -> None:
    """A piece in a newspaper or magazine whose title is only "Letter to the Editor" is a
    letter described, not titled: "Reinhold Niebuhr, letter to the editor, *New York Times*"
    (CMOS 18 14.105, 14.192), lowercase in a note and unquoted; its record becomes a letter
    whose genre is that description."""
    if kind not in ("article-newspaper", "article-magazine") or _text(out.get("genre")):
        return
    title = _text(out.get("title"))
    if not _EDITOR_LETTER.match(title):
        return
    out["type"] = "letter"
    # One reader’s letter, however the paper heads its column ("Letters to the Editor").
    out["genre"] = "letter to the editor"
    for key in ("title", "title-short", "shortTitle"):
        out.pop(key, None)


# What a letter is, as a title that only describes it starts: "Letter from X to Y",
# "Memorandum, X to Y", "Telegram to Y".
_LETTER_WORDS = (
    r"(?:letter|memorandum|memo|telegram|cable|cablegram|note|message|dispatch|despatch"
    r"|postcard|card|circular|report|minute)"
)


def _name_forms(names: Any) -> list[str]:
    """How a title may spell each person: the surname, the full name, a literal name."""
    forms: list[str] = []
    for name in names if isinstance(names, list) else []:
        if not isinstance(name, dict):
            continue
        family, given = _text(name.get("family")), _text(name.get("given"))
        literal = _text(name.get("literal"))
        forms.extend(f for f in (family, f"{given} {family}".strip(), literal) if f)
    return sorted(set(forms), key=len, reverse=True)


# Unpublished documents: CSL types of letters and of manuscripts in an archive.
_LETTER_TYPES = frozenset({"letter", "personal_communication"})
_PRIVATE_MESSAGE = re.compile(
    r"^(?:e-?mail|e-mail message|email message|text message|direct message|instant message)$",
    re.IGNORECASE,
)
_UNPUBLISHED_TYPES = _LETTER_TYPES | {"manuscript", "document"}


def _describe_unpublished(out: dict[str, Any], kind: str) -> None:
    """An unpublished document whose title only describes it has no title (CMOS 14.111,
    14.127): it is cited by its description, roman and unquoted, lowercase in a note's running
    text ("memorandum to James E. Webb", "memorandum of conversation with Cuban ambassador
    Ernesto Dihigo"). A title describes the document when it restates who wrote to whom
    ("Barrett to Webb"), or when it opens with the very kind of document the record names
    (genre "memorandum", title "Memorandum of conversation with …"): then the title is the
    description, given in the genre's place, so the kind is not said twice, and the record's
    short title (else the kind) is the short note's description. A document in a published
    collection (FRUS: a container and a publisher) keeps its title, as does one whose record
    names no kind: "Memorandum on Formosa" is a title the archive gave it. A title that is
    the kind itself ("Diary", genre "diary") goes, the kind described as it is."""
    if kind not in _UNPUBLISHED_TYPES or (out.get("container-title") and out.get("publisher")):
        return
    title = _text(out.get("title"))
    short = _text(out.get("title-short")) or _text(out.get("shortTitle"))
    genre = _text(out.get("genre"))
    if kind in _LETTER_TYPES and _descriptive_letter_title(out):
        described = ""
    elif kind in _LETTER_TYPES and _PRIVATE_MESSAGE.match(genre) and not out.get("archive"):
        # A private email's or text's subject line ("Re: Thesis statement") is no title: a
        # personal communication is cited by its description, "email to the author" (CMOS 18
        # 14.111).
        described = ""
    elif genre and title.rstrip(".").casefold() == genre.rstrip(".").casefold():
        # The title names only the kind ("Diary", genre "diary"): the kind is the description.
        described = ""
    elif genre and not out.get("recipient") and _opens_with(title, genre):
        described = title
    else:
        return
    for key in ("title", "title-short", "shortTitle"):
        out.pop(key, None)
    if described:
        out["genre"] = described
        out["genre-short"] = short if _opens_with(short, genre) else genre


def _opens_with(title: str, genre: str) -> bool:
    """Whether `title` starts with the word(s) `genre`, and says more."""
    return re.match(rf"{re.escape(genre)}\b\W*\w", title, re.IGNORECASE) is not None


# "to" between spaces, as the pattern in _descriptive_letter_title requires it (same flags).
_TO_WORD = re.compile(r"\sto\s", re.IGNORECASE)


def _descriptive_letter_title(out: dict[str, Any]) -> bool:
    """Whether a letter's title only restates who wrote to whom, "Barrett to Webb", "Letter
    from Kennan to Acheson", "Memorandum, Rusk to Bundy" (Zotero's habit for untitled
    correspondence): CMOS 14.111 and 14.127 describe such a letter ("memorandum to James E.
    Webb"), its recipient and date given by the note itself; the title adds nothing."""
    title = _text(out.get("title")).rstrip(".")
    # Every such title says "… to …": a title without the word is ruled out before the
    # per-record pattern below is compiled (a compile costs more than the rest of the record).
    if not title or not _TO_WORD.search(title):
        return False
    recipients = _name_forms(out.get("recipient"))
    if not recipients:
        return False
    genre = re.escape(_text(out.get("genre")))
    kind = rf"(?:{_LETTER_WORDS}{'|' + genre if genre else ''})"
    senders = "|".join(re.escape(n) for n in _name_forms(out.get("author")))
    sender = rf"(?:(?:from\s+)?(?:{senders})\s+)" if senders else r"(?!)"
    to = "|".join(re.escape(n) for n in recipients)
    pattern = rf"(?:{kind},?\s+{sender}?|{sender})to\s+(?:{to})"
    return re.fullmatch(pattern, title, re.IGNORECASE) is not None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


# Places of publication that catalogues write before the publisher with a comma ("New York,
# Harper", MARC 260 $a without ISBD punctuation): the place is no part of the publisher's name
# and CMOS 18 omits it (14.99). A place before " : " needs no list (ISBD's own separator).
_PLACES = frozenset(
    p.casefold()
    for p in (
        "New York", "N.Y.", "London", "Paris", "Boston", "Chicago", "Philadelphia",
        "Washington", "Washington, D.C.", "Cambridge", "Oxford", "Princeton", "New Haven",
        "Berkeley", "Los Angeles", "San Francisco", "Stanford", "Ithaca", "Baltimore",
        "Garden City", "Englewood Cliffs", "Westport", "Armonk", "Lanham", "Boulder",
        "Ann Arbor", "Chapel Hill", "Durham", "Lawrence", "Lexington", "Lincoln", "Madison",
        "Minneapolis", "Austin", "Bloomington", "Urbana", "Columbus", "Pittsburgh", "Detroit",
        "Cleveland", "Toronto", "Montreal", "Ottawa", "Edinburgh", "Glasgow", "Dublin",
        "Bristol", "Manchester", "Birmingham", "Harmondsworth", "Basingstoke", "Abingdon",
        "Berlin", "München", "Munich", "Leipzig", "Frankfurt", "Frankfurt am Main",
        "Hamburg", "Stuttgart", "Köln", "Cologne", "Bonn", "Wien", "Vienna", "Zürich",
        "Zurich", "Basel", "Bern", "Genève", "Geneva", "Amsterdam", "Leiden", "The Hague",
        "Den Haag", "Bruxelles", "Brussels", "Roma", "Rome", "Milano", "Milan", "Firenze",
        "Florence", "Torino", "Turin", "Bologna", "Madrid", "Barcelona", "Lisboa", "Lisbon",
        "Moscow", "Moskva", "Leningrad", "St. Petersburg", "Warszawa", "Warsaw", "Praha",
        "Prague", "Budapest", "Stockholm", "Oslo", "Copenhagen", "København", "Helsinki",
        "Tokyo", "Beijing", "Peking", "Shanghai", "Hong Kong", "Taipei", "Seoul", "Delhi",
        "New Delhi", "Bombay", "Calcutta", "Cairo", "Beirut", "Jerusalem", "Tel Aviv",
        "Mexico", "Buenos Aires", "Sydney", "Melbourne", "Hanoi", "Saigon",
    )
)  # fmt: skip
# A state, province or country after the city ("Cambridge, Mass.", "Garden City, N.Y.").
_REGION = re.compile(r"^(?:[A-Z][a-z]{0,4}\.(?:\s?[A-Z][a-z]?\.)*|[A-Z]{2}|England|USA|U\.S\.A\.)$")
_ISBD_PLACE = re.compile(r"^([^:;\d]{1,40}?)\s*:\s*(\S.*)$")


def _without_place(publisher: str, place: str) -> str:
    """ "New York : Macmillan" -> "Macmillan"; "New York, Harper" -> "Harper"; "London ; New
    York : Routledge" -> "Routledge"; of two publishers with their places the first."""
    if not publisher:
        return publisher
    places = _PLACES | {p.strip().casefold() for p in re.split(r"[;:]", place) if p.strip()}
    for chunk in publisher.split(";"):
        match = _ISBD_PLACE.match(chunk.strip())
        if not match:
            continue
        before, after = match.group(1).strip(), match.group(2).strip().rstrip(",:;").strip()
        if after.casefold() in places and before.casefold() not in places:
            return before  # the place written after the publisher ("Gallimard : Paris")
        if not _PUBLISHER_WORDS.search(before):
            return after
    return _without_comma_place(publisher, places)


# Words that make a name a publisher's, not a place's ("Oxford University Press: Oxford").
_PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Presses|Verlag|Books|Publishers?|Publishing|University|Universit\w*|Éditions"
    r"|Editions|Editorial|Editora|Izdatel\w*|Издательство|Inc|Ltd|Co)\b|&",
    re.IGNORECASE,
)


def _without_comma_place(publisher: str, places: frozenset[str] | set[str]) -> str:
    segments = [s.strip() for s in publisher.split(",")]
    if len(segments) < 2:
        return publisher
    taken = 0
    if segments[0].casefold() in places:
        taken = 1
        while taken < len(segments) - 1 and _REGION.match(segments[taken]):
            taken += 1
    if taken == 0:
        return publisher
    rest = ", ".join(segments[taken:]).strip().rstrip(",:;").strip()
    return rest or publisher


# "African studies series ; 89", "Repères ; 115", "(Studies in history ; no. 12)",
# "Statens offentliga utredningar ; 2002:87", "Cahiers ; XII": MARC 490's volume ($v) after
# ISBD's " ; " (CMOS 14.123 gives the series number after the series title, no punctuation
# between them). A number is digits, possibly year:number ("2002:87", "1994/3"), or a roman
# numeral in capitals ("civil" is a word, not a number).
_NUMBER_LABEL = r"(?:(?:no|nr|n°|vol|v|bd|t|tome|heft|h|т|вып)\.?\s*)?"
_NUMBER = r"(\d+(?:[:./-]\d+)*[a-z]?|(?-i:[IVXLCDM]+))"
_SERIES_NUMBER = re.compile(
    rf"^\(?(.*?\S)\s*;\s*{_NUMBER_LABEL}{_NUMBER}\)?$",
    re.IGNORECASE,
)
_ISSN = re.compile(r",?\s*(?:ISSN\s*)?\b\d{4}-\d{3}[\dXx]\b(?=\s*(?:;|$))")
# The number in its own field, still with the ISBD separator or a label: "; 2002:87", "no. 5".
_BARE_NUMBER = re.compile(rf"^;?\s*{_NUMBER_LABEL}{_NUMBER}$", re.IGNORECASE)


def _split_series(out: dict[str, Any]) -> None:
    number = _text(out.get("collection-number"))
    bare = _BARE_NUMBER.match(number)
    if bare and number.startswith(";"):
        number = out["collection-number"] = bare.group(1)
    series = _text(out.get("collection-title"))
    without_issn = _ISSN.sub("", series)
    if without_issn != series:
        # LC's 490 $x: the series' ISSN, which a citation never gives (CMOS 18 14.123).
        series = out["collection-title"] = without_issn
    match = _SERIES_NUMBER.match(series)
    if not match:
        return
    if number and number != match.group(2):
        return
    out["collection-title"] = match.group(1).rstrip(" ,;")
    out["collection-number"] = match.group(2)


def _report_series_number(out: dict[str, Any], kind: str) -> None:
    """A report in a numbered series, "World Health Organization Technical Report Series
    393": Zotero's report has no Series Number field, so its Report Number holds the series'
    number. A bare figure (arabic or roman) with a series and no report type is that number,
    printed after the series title (CMOS 18 14.123); a number with letters ("A/5497", "NASA
    SP-4206") or one a report type labels ("Working Paper no. 47") is the report's own."""
    number = _text(out.get("number"))
    if kind != "report" or _text(out.get("genre")) or _text(out.get("collection-number")):
        return
    if not _text(out.get("collection-title")) or not re.fullmatch(r"\d+|[IVXLCDM]+", number):
        return
    out["collection-number"] = number
    out.pop("number", None)


# An edition statement inside a title, as Google Books writes it ("From Arab Nationalism to
# OPEC, Second Edition: Eisenhower, ..."): it belongs in the edition (CMOS 14.112).
_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th)"
)
_TITLE_EDITION = re.compile(
    rf"(?:,|\s[-–—]|:|\s(?=\())\s*\(?((?:{_ORDINAL_WORDS}|revised|updated|expanded|enlarged|new)"
    r"(?:,?\s+(?:and\s+)?(?:revised|updated|expanded|enlarged))*\s+(?:edition|ed\.))\)?"
    r"(?=\s*(?::|$))",
    re.IGNORECASE,
)


def _edition_from_title(out: dict[str, Any]) -> None:
    title = _text(out.get("title"))
    match = _TITLE_EDITION.search(title)
    if not match or match.start() == 0:
        return
    out["title"] = (title[: match.start()] + title[match.end() :]).strip()
    short = _text(out.get("title-short"))
    if short:
        out["title-short"] = _TITLE_EDITION.sub("", short).strip() or short
    if not _text(out.get("edition")):
        out["edition"] = match.group(1).lower()


# Edition statements in the languages catalogues write them: the number, the word for
# "edition" and the usual descriptions, all given in English abbreviations (CMOS 14.112:
# "2nd ed., rev. and enl."). A statement with any other word is left as it is.
_EDITION_LABELS = words(
    "ed edn edition éd édition aufl auflage изд издание edición edizione ed wyd wydanie uitg"
    " uitgave ausg ausgabe druk vyd vydání upplagan uppl opl oplag painos izd izdanie"
)
_EDITION_TERMS = {
    **dict.fromkeys(
        words(
            "rev revised revue révisée überarb überarbeitete durchges durchgesehene verb"
            " verbesserte испр исправленное перераб переработанное revisada"
            " riveduta popr poprawione"
        ),
        "rev.",
    ),
    **dict.fromkeys(
        words(
            "enl enlarged erw erweiterte augm augmentée доп дополненное aum aumentada ampliada"
            " ampliata rozsz rozszerzone"
        ),
        "enl.",
    ),
    **dict.fromkeys(words("corr corrected corrigée corregida corretta"), "corr."),
    **dict.fromkeys(words("und et и y e i and"), "and"),
}
_EDITION_TOKEN = re.compile(r"[^\s.,;]+\.?|[,;]")
_ORDINAL_NUMBER = re.compile(
    r"^(\d+)(?:st|nd|rd|th|d|e|er|re|ème|eme|a|ª|o|º|\.|-?е|-?e|-?я|-?ое|-?го)?\.?$",
    re.IGNORECASE,
)


def _english_edition(edition: str) -> str:
    """ "3d ed." -> "3rd ed.", "3. Aufl." -> "3rd ed.", "2e éd. revue et augmentée" -> "2nd
    ed., rev. and enl.", "2-е изд., испр. и доп." -> "2nd ed., rev. and enl."."""
    if re.match(r"^\d+(?:st|nd|rd|th|d)\b", edition, re.IGNORECASE) or not re.search(
        r"\d", edition
    ):
        # An English statement is kept as written ("2nd enl. ed."), but for the old "2d", "3d".
        return re.sub(r"\b(\d*[23])d\b", lambda m: ordinal(int(m.group(1))), edition)
    tokens = _EDITION_TOKEN.findall(edition)
    number = 0
    labelled = False
    terms: list[str] = []
    for token in tokens:
        if token in ",;":
            continue
        bare = token.rstrip(".").casefold()
        numbered = _ORDINAL_NUMBER.match(token)
        if numbered and not number:
            number = int(numbered.group(1))
        elif bare in _EDITION_LABELS:
            labelled = True
        elif bare in _EDITION_TERMS:
            terms.append(_EDITION_TERMS[bare])
        else:
            return edition
    if not number or not labelled or number > 999:
        return edition
    while terms and terms[0] == "and":
        terms.pop(0)
    while terms and terms[-1] == "and":
        terms.pop()
    out = f"{ordinal(number)} ed."
    return f"{out}, {' '.join(terms)}" if terms else out
