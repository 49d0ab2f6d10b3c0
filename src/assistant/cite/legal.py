"""Legal and public documents (CMOS 18 14.174-14.176, Bluebook forms as CMOS adopts them):
court cases, statutes and regulations, bills, treaties, congressional hearings; and patents,
standards, software and data sets (14.158, 14.159, 14.169, 14.113).

A case is cited by its name in italics (v. and all), a statute by its name in roman, then
volume, reporter or code, first page and pinpoint, then court and year in parentheses:
"*Youngstown Sheet & Tube Co. v. Sawyer*, 343 U.S. 579, 585 (1952)"; the short form gives
the first party in italics and pinpoints with "at": "*Youngstown Sheet & Tube Co.*, 343 U.S.
at 585". Cases, statutes, regulations and treaties are cited in notes only (14.173). A
hearing's title is italic, followed by the Congress and session and the year.
"""

from __future__ import annotations

import re

from assistant.cite import books
from assistant.cite.courts import court_abbreviation
from assistant.cite.dates import parse_date
from assistant.cite.items import Item
from assistant.cite.locators import locator_text
from assistant.cite.model import Citation, Run
from assistant.cite.pieces import (
    archive_parts,
    creator_bib,
    creator_note,
    date_or_status,
    link,
    medium,
    title,
)
from assistant.cite.richtext import Parts, capitalize, join, lower_first, markup_runs, paren, t

# Reporters of the US Supreme Court: the court is implied and not named (Bluebook 10.4).
_SUPREME_REPORTERS = re.compile(r"^(U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(\s?2d)?)$")
_VERSUS = re.compile(r"\s+v\.?\s+", re.IGNORECASE)


def _year(item: Item) -> str:
    return item.date.text(year_only=True) if item.date else ""


def _unreported(item: Item) -> bool:
    """A case known only by its docket number, in no reporter (Bluebook 10.8.1)."""
    return (
        item.csl_type == "legal_case"
        and not item.get("container-title")
        and bool(item.get("number"))
    )


def _docket(number: str) -> str:
    return number if re.match(r"(?i)^(?:no|civ|cr|crim)\b", number) else f"No. {number}"


_BLUEBOOK_MONTHS = (
    *("Jan.", "Feb.", "Mar.", "Apr.", "May", "June"),
    *("July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
)


def _decided(item: Item) -> str:
    """An unreported case's exact date, months abbreviated as the Bluebook's table T12 has
    them ("Mar. 4, 1987"); the year alone when the record gives no day."""
    start = item.date.start if item.date else None
    if start is None or not start.month or not 1 <= start.month <= 12:
        return _year(item)
    day = f" {start.day}," if start.day else ""
    return f"{_BLUEBOOK_MONTHS[start.month - 1]}{day} {_year(item)}"


# Reporters and codes a record spells out, as the Bluebook abbreviates them (T1, which CMOS 18
# 14.174-14.178 follows): "343 U.S. 579", "61 Stat. 495", "50 U.S.C. § 3001".
_REPORTER_NAMES = {
    "united states reports": "U.S.",
    "u.s. reports": "U.S.",
    "supreme court reporter": "S. Ct.",
    "federal reporter": "F.",
    "federal reporter, second series": "F.2d",
    "federal reporter, third series": "F.3d",
    "federal reporter, fourth series": "F.4th",
    "federal supplement": "F. Supp.",
    "statutes at large": "Stat.",
    "united states statutes at large": "Stat.",
    "u.s. statutes at large": "Stat.",
    "united states code": "U.S.C.",
    "u.s. code": "U.S.C.",
    "code of federal regulations": "C.F.R.",
    "federal register": "Fed. Reg.",
    "congressional record": "Cong. Rec.",
}


def reporter(item: Item) -> str:
    """The reporter or code a legal item is printed in, abbreviated when spelled out."""
    name = item.get("container-title")
    key = re.sub(r"\s+", " ", name.replace("’", "'")).strip().casefold()
    return _REPORTER_NAMES.get(key, name)


def _citation_numbers(item: Item, pinpoint: str) -> str:
    """ "343 U.S. 579, 585": volume, reporter or code, first page, pinpoint; an unreported
    case's docket number and slip opinion page, "No. 86-0207, slip op. at 12"."""
    if _unreported(item):
        slip = f"slip op. at {pinpoint}" if pinpoint else ""
        return ", ".join(p for p in (_docket(item.get("number")), slip) if p)
    volume, printed_in = item.get("volume"), reporter(item)
    first = item.get("page").split("-")[0].split("–")[0].strip()
    if item.csl_type == "regulation" or (item.csl_type == "legislation" and not first):
        # A code is cited by section, not page: "50 U.S.C. § 3001", "32 C.F.R. § 2001.10"
        # (CMOS 18 14.177; Zotero's statute and regulation "Section").
        section = re.sub(r"^(?:§+|sec(?:tion|\.)?)\s*", "", item.get("section"), flags=re.I)
        first = f"§ {section}" if section else first
    core = " ".join(p for p in (volume, printed_in, first) if p)
    return ", ".join(p for p in (core, pinpoint) if p)


def _court_year(item: Item) -> str:
    printed_in = reporter(item)
    court = court_abbreviation(item.get("authority"), printed_in)
    if _SUPREME_REPORTERS.match(printed_in) or "supreme court of the united" in court.lower():
        court = ""
    date = _decided(item) if _unreported(item) else _year(item)
    return " ".join(p for p in (court, date) if p)


def _public_law(item: Item) -> str:
    number = item.get("number")
    if number and number[0].isdigit() and item.csl_type == "legislation":
        return f"Pub. L. No. {number}"
    if _same_words(number, item.title):
        # A bill known by its number has it as its title too ("H.R. 9490"): given once.
        return ""
    return number


# "93rd Congress, 1st Session" as Zotero's Session field holds it: the Bluebook's
# abbreviations, "93rd Cong., 1st sess." (CMOS 18 14.177-14.178); CMOS's own ordinals kept.
_CONGRESS_WORDS = (
    (re.compile(r"\b(\d+(?:st|nd|rd|th|d))\s+Congress\b", re.IGNORECASE), r"\1 Cong."),
    (re.compile(r"\b(\d+(?:st|nd|rd|th|d))\s+Session\b", re.IGNORECASE), r"\1 sess."),
)


def _congress(text: str) -> str:
    for pattern, replacement in _CONGRESS_WORDS:
        text = pattern.sub(replacement, text)
    return text


def _same_words(a: str, b: str) -> bool:
    return bool(a) and re.sub(r"[\s.]", "", a).casefold() == re.sub(r"[\s.]", "", b).casefold()


def _roman_title(item: Item) -> Parts:
    return markup_runs(item.title) if item.title else []


def _legal_core(item: Item, pinpoint: str) -> Parts:
    kind = item.csl_type
    name = _roman_title(item)
    if kind == "legal_case":
        # The case name, v. and all, is italic in notes as in text (CMOS 18 14.174).
        name = markup_runs(item.title, Run("", italic=True)) if item.title else []
        return join([name, t(_citation_numbers(item, pinpoint))], ", ") + paren(_court_year(item))
    if kind == "treaty":
        date = item.date.text() if item.date else ""
        numbers = _citation_numbers(item, pinpoint)
        return join([name, t(date), t(numbers)], ", ")
    # Statutes, regulations, bills: "National Security Act of 1947, Pub. L. No. 80-253,
    # 61 Stat. 495 (1947)"; "H.R. 5330, 81st Cong. (1949)".
    numbers = _citation_numbers(item, pinpoint) if item.get("container-title") else pinpoint
    pieces = [name, t(_public_law(item)), t(_congress(item.get("chapter-number"))), t(numbers)]
    return join(pieces, ", ") + paren(_year(item))


def _bluebook_hearing(item: Item) -> bool:
    """The Bluebook form needs the Congress ("82nd Cong."); a record that gives only the
    printed volume's publisher is cited as the book it is (title, then publisher and year),
    as library catalogues and Zotero's own records describe it."""
    return bool(_session(item)) or not item.get("publisher")


def full(item: Item, citation: Citation) -> Parts:
    if item.family == "hearing":
        if not _bluebook_hearing(item):
            return books.full(item, citation)
        return _hearing(item, citation)
    if item.family == "technical":
        return _technical_full(item, citation)
    pinpoint = _pinpoint(citation)
    return join([_legal_core(item, pinpoint), t(link(item))], ", ")


def _pinpoint(citation: Citation) -> str:
    if not citation.locator.strip():
        return ""
    if (citation.label or "page") == "section":
        return f"§ {citation.locator.strip()}"
    return locator_text(citation)


def bibliography(item: Item) -> Parts:
    if item.family == "hearing":
        if not _bluebook_hearing(item):
            return books.bibliography(item)
        return _hearing_bibliography(item)
    if item.family == "technical":
        return _technical_bibliography(item)
    return join([_legal_core(item, ""), t(link(item))], ". ")


def short(item: Item, citation: Citation) -> Parts:
    """ "*Youngstown Sheet & Tube Co.*, 343 U.S. at 585"; a statute or treaty by its name."""
    pinpoint = _pinpoint(citation)
    if item.csl_type == "legal_case":
        name = item.short_title if item.raw.get("title-short") else _first_party(item.title)
        numbers = " ".join(p for p in (item.get("volume"), reporter(item)) if p)
        if _unreported(item):
            numbers = "slip op."
        where = f"{numbers} at {pinpoint}" if numbers and pinpoint else pinpoint
        return join([markup_runs(name, Run("", italic=True)), t(where)], ", ")
    # A statute, bill or treaty is known by its whole name ("National Security Act of 1947",
    # "Treaty of Friendship, Alliance and Mutual Assistance") unless the writer set a short one.
    name = item.short_title if item.raw.get("title-short") else item.title
    return join([markup_runs(name), t(pinpoint)], ", ")


_US_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
    "|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah"
    "|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia"
)
# A party that is a government, named in so many cases that a short form cannot use it
# (Bluebook 10.9, as CMOS 18 14.174 follows it): the United States, a state, "People",
# "Commonwealth", "State".
_GOVERNMENT_PARTY = re.compile(
    rf"^(?:the\s+)?(?:United States(?: of America)?|U\.\s?S\.|USA|State|People|Commonwealth"
    rf"|(?:State|Commonwealth|People(?: of the State)?) of (?:{_US_STATES})|{_US_STATES})$",
    re.IGNORECASE,
)


def _first_party(case_name: str) -> str:
    """The party a short form names: the first, unless it is a government and the other is
    not ("*United States v. Rosenberg*" → "*Rosenberg*", Bluebook 10.9)."""
    parties = [p.strip() for p in _VERSUS.split(case_name, maxsplit=1)]
    first = parties[0] or case_name
    relator = re.match(r"^(?P<state>.+?)\s+ex\s+rel\.?\s+(?P<relator>.+)$", first)
    if relator and _GOVERNMENT_PARTY.match(relator.group("state")):
        # "United States ex rel. Knauff v. Shaughnessy": the relator, "Knauff".
        return relator.group("relator")
    other = parties[1] if len(parties) == 2 else ""
    if other and _GOVERNMENT_PARTY.match(first) and not _GOVERNMENT_PARTY.match(other):
        return other
    return first


# --- congressional hearings --------------------------------------------------------------


def _hearing_title(item: Item) -> Parts:
    """The title, with "Hearing before the …" from the committee when the title lacks it."""
    styled = title(item)
    committee = item.get("section")
    if committee and "hearing" not in item.title.lower():
        styled = [*styled, Run(f": Hearing before the {committee}", italic=True)]
    return styled


def _session(item: Item) -> str:
    return _congress(", ".join(p for p in (item.get("number"), item.get("chapter-number")) if p))


def _hearing(item: Item, citation: Citation) -> Parts:
    """ "*Title: Hearing before the Committee on …*, 82nd Cong. 12 (1951)": the page follows
    the Congress without a comma and the year closes the citation, in the Bluebook form CMOS
    18 adopts for public documents (14.174)."""
    creator = [] if citation.suppress_author else t(creator_note(item))
    session = " ".join(p for p in (_session(item), locator_text(citation)) if p)
    head = join([creator, _hearing_title(item), t(session)], ", ")
    year = _year(item)
    return join([head + (paren(year) if year else []), t(link(item))], ", ")


def _hearing_bibliography(item: Item) -> Parts:
    facts = ", ".join(p for p in (_session(item), _year(item)) if p)
    return join(
        [t(creator_bib(item)), _hearing_title(item), t(capitalize(facts)), t(link(item))], ". "
    )


# --- patents, standards, software, data sets (14.158, 14.159, 14.169, 14.113) -------------


def _identification(item: Item) -> str:
    """ "US Patent 2,222,222, filed …, issued April 1, 1952"; "ISO 9:1995"; "version 4.0"."""
    kind = item.csl_type
    number = item.get("number")
    if kind == "patent":
        authority = item.get("authority") or item.get("country")
        label = _patent_label(number, authority) if number else ""
        filed = parse_date(item.raw.get("submitted"), [], "submitted")
        pieces = [label]
        if filed:
            pieces.append(f"filed {filed.text()}")
        if item.date:
            pieces.append(("and issued " if len(pieces) > 1 else "issued ") + item.date.text())
        return ", ".join(p for p in pieces if p)
    version = _version(item)
    if kind == "software":
        return f"v. {version}" if version else ""  # the short label (CMOS 18 14.169)
    pieces = [number, f"version {version}" if version else ""]
    return ", ".join(p for p in pieces if p)


# The United States as a patent's issuing authority, however the record words it: "US" (CMOS
# 18 14.158, "US Patent 3,138,743"; CMOS 10.33 writes US without periods).
_UNITED_STATES = re.compile(
    r"^(?:U\.?\s?S\.?(?:A\.?)?|United States(?: of America)?|USPTO"
    r"|United States Patent (?:and Trademark )?Office)$",
    re.IGNORECASE,
)
_PATENT_NUMBER = re.compile(
    r"^(?P<country>[A-Z]{2}|U\.S\.)?\s*(?:Patent|Pat\.)?\s*(?:No\.\s*)?(?P<number>.+)$"
)


def _patent_label(number: str, authority: str) -> str:
    """ "US Patent 3,138,743" (CMOS 18 14.158): the country, from a prefix of the number
    ("US3138743", "GB 2,123,456") or from the issuing authority (Better BibTeX's `country`
    when there is none), "US" for the United States however worded, any other authority as
    the record names it ("European Patent Office")."""
    match = _PATENT_NUMBER.match(number.strip())
    country = ""
    if match and match.group("number")[:1].isdigit():
        country, number = match.group("country") or "", match.group("number")
    country = country or authority
    if _UNITED_STATES.match(country):
        country = "US"
        if number.isdigit():
            # As the USPTO prints its numbers, and CMOS 14.158's example: "3,138,743".
            number = f"{int(number):,}"
    return " ".join(p for p in (country, "Patent", number) if p)


def _version(item: Item) -> str:
    """The version number alone: repositories write "V2" (Dataverse) or "v1.0.2" (Zenodo,
    GitHub), and the label is the citation's own ("version 2", "v. 2", CMOS 18 14.169)."""
    return re.sub(r"^(?:version|ver\.?|v\.?)\s*(?=\d)", "", item.get("version"), flags=re.I)


def _technical_facts(item: Item) -> str:
    if item.csl_type == "patent":
        return ""
    date = date_or_status(item, year_only=True)
    if item.csl_type == "software" and item.date is not None:
        date = f"released {date}"  # CMOS 18 14.169
    return ", ".join(p for p in (item.get("publisher"), date) if p)


_DATA_WORD = re.compile(r"^Data(?:set|base|\s+set)?s?\b(?!\s+[A-Z])")


def _dataset_described(item: Item, *, bib: bool) -> list[Parts]:
    """A data set's number, version and kind, in that order: "version 6.0, dataset"."""
    version = _version(item)
    pieces = [item.get("number"), f"version {version}" if version else ""]
    if bib:
        return [t(capitalize(", ".join(p for p in pieces if p)))]
    genre = item.get("genre")
    # "Dataset", "Data set", "Database" as Zotero's type label gives them: a description, run
    # on lowercase in a note (a named kind, "SPSS file", keeps its capitals).
    genre = genre[:1].lower() + genre[1:] if _DATA_WORD.match(genre) else lower_first(genre)
    return [t(", ".join(p for p in (*pieces, genre) if p))]


def _dataset_full(item: Item, citation: Citation) -> Parts:
    """A data set is a freestanding publication (CMOS 18 14.176): its title italic, its
    publisher and date in parentheses as a book's, "(Groningen Growth and Development Centre,
    2020)"; with no publisher the year runs on after a comma."""
    creator = [] if citation.suppress_author else t(creator_note(item))
    head = join([creator, title(item), *_dataset_described(item, bib=False)], ", ")
    date = date_or_status(item, year_only=True)
    if item.get("publisher"):
        head = head + paren(f"{item.get('publisher')}, {date}")
    else:
        head = join([head, t(date)], ", ")
    return join(
        [head, t(locator_text(citation)), t(medium(item, capital=False)), *archive_parts(item),
         t(link(item))],
        ", ",
    )  # fmt: skip


def _dataset_bibliography(item: Item) -> Parts:
    """ "Bolt, Jutta. *Maddison Project Database 2020*. Publisher, 2020. URL."; the kind of
    data set opens the publication sentence: "Version 6.0. Dataset, 2021." (14.176)."""
    facts = ", ".join(
        p
        for p in (item.get("genre"), item.get("publisher"), date_or_status(item, year_only=True))
        if p
    )
    return join(
        [t(creator_bib(item)), title(item), *_dataset_described(item, bib=True),
         t(capitalize(facts)), t(medium(item, capital=True)), *archive_parts(item, bib=True),
         t(link(item))],
        ". ",
    )  # fmt: skip


# Generative AI tools, known by their address or their maker: text one of them produced,
# saved as a computer program, is cited as generated text (CMOS 18 14.112).
_AI_HOSTS = re.compile(
    r"^https?://(?:www\.)?(?:chatgpt\.com|chat\.openai\.com|claude\.ai|gemini\.google\.com"
    r"|bard\.google\.com|copilot\.microsoft\.com|perplexity\.ai|chat\.deepseek\.com"
    r"|chat\.mistral\.ai)\b",
    re.IGNORECASE,
)
_AI_MAKERS = re.compile(r"^(?:OpenAI|Anthropic|Google DeepMind|Mistral AI|DeepSeek)$")


def generated_text(item: Item) -> bool:
    """Whether the record is text a generative AI tool produced (ChatGPT saved as Zotero's
    Computer Program): cited in a note only, as "Text generated by ChatGPT, OpenAI, <date>"
    (CMOS 18 14.112), without a bibliography entry."""
    if item.csl_type != "software" or item.authors:
        return False
    return bool(_AI_HOSTS.match(item.get("URL")) or _AI_MAKERS.match(item.get("publisher")))


def generated_text_head(item: Item) -> Parts:
    """ "Text generated by ChatGPT, OpenAI, October 25, 2026": the tool, its maker, the day
    the text was produced (CMOS 18 14.112)."""
    tool = item.title or "an AI tool"
    maker = item.get("publisher")
    date = item.date.text() if item.date else (item.accessed.text() if item.accessed else "")
    return t(", ".join(p for p in (f"Text generated by {tool}", maker, date) if p))


# A game's platform, given as the medium of a computer program: the program is a video game,
# cited as a published work, "*Title*, PlayStation 5 (Activision, 2020)" (CMOS 18 14.168).
_GAME_PLATFORM = re.compile(
    r"\b(?:PlayStation|PS[1-5]|Xbox|Nintendo|Switch|Wii|Game\s?Boy|GameCube|Sega|Steam Deck)\b",
    re.IGNORECASE,
)


def _video_game(item: Item) -> bool:
    return item.csl_type == "software" and bool(_GAME_PLATFORM.search(item.get("medium")))


def _game_full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    head = join([creator, title(item), t(item.get("medium"))], ", ")
    facts = ", ".join(p for p in (item.get("publisher"), date_or_status(item, year_only=True)) if p)
    return join([head + paren(facts), t(locator_text(citation))], ", ")


def _game_bibliography(item: Item) -> Parts:
    facts = ", ".join(p for p in (item.get("publisher"), date_or_status(item, year_only=True)) if p)
    return join([t(creator_bib(item)), title(item), t(item.get("medium")), t(facts)], ". ")


def _technical_full(item: Item, citation: Citation) -> Parts:
    if item.csl_type == "dataset":
        return _dataset_full(item, citation)
    if generated_text(item):
        return join([generated_text_head(item), t(locator_text(citation)), t(link(item))], ", ")
    if _video_game(item):
        return _game_full(item, citation)
    creator = [] if citation.suppress_author else t(creator_note(item))
    return join(
        [creator, title(item), t(item.get("genre")), t(_identification(item)),
         t(_technical_facts(item)), t(locator_text(citation)), t(medium(item, capital=False)),
         *archive_parts(item), t(link(item))],
        ", ",
    )  # fmt: skip


def _technical_bibliography(item: Item) -> Parts:
    if item.csl_type == "dataset":
        return _dataset_bibliography(item)
    if _video_game(item):
        return _game_bibliography(item)
    return join(
        [t(creator_bib(item)), title(item), t(capitalize(item.get("genre"))),
         t(capitalize(_identification(item))), t(capitalize(_technical_facts(item))),
         t(medium(item, capital=True)), *archive_parts(item, bib=True), t(link(item))],
        ". ",
    )  # fmt: skip
