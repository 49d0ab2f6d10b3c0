"""Number and date ranges as Chicago prints them: en dashes (CMOS 6.78, 6.83), the second
number abbreviated (9.63's table), identifiers and shelfmarks that only look like ranges left
with their hyphens."""

from __future__ import annotations

import itertools
import re


def _abbreviate_range(first: str, last: str) -> str:
    """CMOS 9.64 (the "chicago-16" rule CSL names): 321–28, 101–8, 1496–500, 71–72, 100–104."""
    a, b = int(first), int(last)
    if a < 100 or a % 100 == 0 or b <= a or len(last) != len(first):
        return last
    if a % 100 < 10:
        # 101-109: only the changed digits (101–8, 1103–4).
        return str(b % 100) if b // 100 == a // 100 else last
    # 110-199 in each hundred: at least two digits, more if they change (321–28, 1496–500).
    for keep in range(2, len(last) + 1):
        if first[: len(first) - keep] == last[: len(last) - keep]:
            return last[len(last) - keep :]
    return last


# Numbers, ordinals or decades ("15th-18th Century", "1950s-60s"): a range wherever a hyphen
# joins two of them alone (CMOS 6.78, 6.83). Chinese, Japanese and Korean characters run
# on without spaces ("十年论战：1956-1966中苏关系"): beside them a number stands alone.
# A slash after the range that opens a word ("Files, 1973-79/Electronic Telegrams": two
# series named as one) leaves it a range; before a number or a letter it marks a file
# number ("7-1750/A", "1955-59/12").
_LETTER_OR_DIGIT = r"[^\W\u2e80-\u9fff\u3040-\u30ff\uac00-\ud7af\uf900-\ufaff]"
_TITLE_RANGE = re.compile(
    rf"(?<![\-–/.])(?<!{_LETTER_OR_DIGIT})(\d{{1,4}}(?:st|nd|rd|th|s)?)"
    rf"-(\d{{1,4}}(?:st|nd|rd|th|s)?)(?![\-–]|/(?![^\W\d_]{{2,}}))(?!{_LETTER_OR_DIGIT})"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Spring|Summer|Fall"
    r"|Autumn|Winter"
    # French, Spanish, Italian, Portuguese and German months, as their titles write them
    # ("21 juillet-31 décembre", "Mai-Juni 1968").
    r"|(?i:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre"
    r"|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre"
    r"|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|januar"
    r"|februar|märz|juni|juli|oktober|dezember))"
)
# Dates joined by a hyphen: "June 1950-June 1951", "July 26-December 31, 1956",
# "June-July 1950", "1950-June 1951", "1 November 1950-12 April 1951" (CMOS 6.83: an en
# dash between dates).
_DATE_RANGE = re.compile(
    rf"(?<![\w\-–])((?:{_MONTH}(?:\s+\d{{1,2}},?)?(?:\s+\d{{4}})?)|\d{{4}})"
    rf"-(?=(?:\d{{1,2}}\s+)?{_MONTH}(?![\w\-]))"
)
# A number after these is an identifier, not a range: "S. Rep. No. 94-465", "H. Doc. 81-12".
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:nos?|rep|doc|res)\.|#)\s*$", re.IGNORECASE)


def _plausible_range(first: str, last: str) -> bool:
    """Whether "first-last" reads as a range of numbers: the second is larger, or a shortened
    form of a larger one (1952-61, 1496-500: CMOS 9.64 shortens from 100 on only); "11-4"
    (NIE 11-4) is an identifier."""
    if not (first.isdigit() and last.isdigit()):
        return True  # ordinals and decades ("16th-17th", "1950s-60s")
    a, b = int(first), int(last)
    if len(last) < len(first):
        return a >= 100 and int(first[: len(first) - len(last)] + last) > a
    return b > a


# A year joined to a phrase that ends in a later year: "1953-nachalo 1980-kh gg.", "1945-early
# 1950s", "1914-end of 1918" (CMOS 6.78: the en dash of "from ... to", whatever the language).
# A short ending after the hyphen is the numeral's own case ending ("Ot 1953-go k 1956 godu",
# "1980-kh"), not a word: the phrase starts with a word of four letters or a short one of these.
# The later end may be a decade with its case ending ("1956-nachalo 80-kh godov", "1945-конец
# 80-х"), and a word may end in a soft sign ("Mart 1953-fevral’ 1956").
_YEAR_TO_PHRASE = re.compile(
    r"(?<![\w\-–])(\d{4})-(?=(?:[^\W\d_]{4,}['’ʹ]?|end|mid|fin)[\s-]"
    r"(?:[^\W\d_]+['’ʹ]?[\s-])?(\d{4}|\d0(?=-[^\W\d_]{1,3}(?![\w\-])))(?!\d))",
    re.IGNORECASE,
)
# Years after a closed-up circa: "c.1750-1850" (the period hides them from _TITLE_RANGE).
_CIRCA_RANGE = re.compile(r"(?<![\w.])((?:c|ca|fl)\.)(\d{4})-(\d{2,4})(?![\w\-–])", re.IGNORECASE)
# Years written with a slash for a season or fiscal year ("1989/90", "1914/15") at either end
# of a range: "1945-1989/90", "1914-18/19", "1989/90-1991" (CMOS 6.78: the en dash of a range;
# the slash stays, CMOS 6.106). _TITLE_RANGE leaves them, since a slash beside a number is
# usually a file number ("511.00/7-1750"); here both ends must read as years.
_SLASH_YEAR_RANGE = re.compile(
    r"(?<![\w\-–/.])(\d{4}(?:/\d{2}(?:\d{2})?)?)-(\d{2}(?:\d{2})?(?:/\d{2}(?:\d{2})?)?)"
    r"(?![\w\-–/])"
)
# A double hyphen between numbers, TeX's en dash (ProQuest's and BibTeX's "1981--1989").
_DOUBLE_HYPHEN = re.compile(r"(?<=\d)\s?--\s?(?=\d)")
# A unit right before a number in a shelfmark ("ll. 12-15", "Listy 65-67", "Bl. 1-12",
# "box 4-6", "ll. 3-5, 9-12"): the pair is a run of that unit.
_LABELLED = re.compile(r"[^\W\d_]{1,12}\.?\s*(?:\d+(?:[\-–]\d+)?,\s*)*$")


def _year_pair(first: str, last: str) -> bool:
    """Whether "first-last" are years: 1944-1952, 1960-63, 1898-1903 (a span, not "2010-6321")."""
    if len(first) != 4 or not (first.isdigit() and last.isdigit()) or len(last) not in (2, 4):
        return False
    a = int(first)
    b = int(first[:2] + last) if len(last) == 2 else int(last)
    return 1000 <= a < b <= 2100


def _slash_year_range(match: re.Match[str]) -> str:
    """The en dash of _SLASH_YEAR_RANGE when its years run forward: "1914-18/19" (1914, 1918,
    1919), not "1990/91-1989"."""
    first, last = match.group(1), match.group(2)
    if "/" not in first and "/" not in last:
        return match.group(0)
    parts = first.split("/") + last.split("/")
    century = parts[0][:2]
    years = [int(century + part) if len(part) == 2 else int(part) for part in parts]
    if years[0] < 1000 or years[-1] > 2100:
        return match.group(0)
    if any(later < earlier for earlier, later in itertools.pairwise(years)):
        return match.group(0)
    return f"{first}–{last}"


def number_ranges(text: str, *, shelfmark: bool = False) -> str:
    """En dashes between the numbers or dates of a range written with a hyphen, "1945-1953"
    -> "1945–1953", "June 1950-June 1951" -> "June 1950–June 1951" (CMOS 6.78, 6.83),
    leaving identifiers alone: "NIE 11-4-57", "NSC-68", "974.7301/7-2756", "No. 94-465".

    In an archival shelfmark or collection (`shelfmark`), a pair of numbers is a range only
    when a unit labels it ("ll. 12-15", "Bl. 1-12") or when both are years ("1955-59"): a
    bare pair is a file number ("2010-6321", Japan's Diplomatic Archives)."""
    if "-" not in text:
        return text
    text = _DOUBLE_HYPHEN.sub("–", text)

    def dash(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        # The label is right before the number: a window keeps many ranges linear.
        window = max(0, match.start() - 40)
        if not _plausible_range(first, last) or _IDENTIFIER_BEFORE.search(
            text, window, match.start()
        ):
            return match.group(0)
        if (
            shelfmark
            and not _year_pair(first, last)
            and not _LABELLED.search(text, window, match.start())
        ):
            return match.group(0)
        return f"{first}–{last}"

    def to_phrase(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        if len(last) == 2:  # a decade of the same century: "80-kh" after 1956
            last = first[:2] + last
        return f"{first}–" if int(last) > int(first) else match.group(0)

    text = _TITLE_RANGE.sub(dash, text)
    if "/" in text:
        text = _SLASH_YEAR_RANGE.sub(_slash_year_range, text)
    text = _CIRCA_RANGE.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2)}–{m.group(3)}"
            if _year_pair(m.group(2), m.group(3))
            else m.group(0)
        ),
        text,
    )
    if "-" not in text:
        return text
    text = _YEAR_TO_PHRASE.sub(to_phrase, text)
    return _DATE_RANGE.sub("\\1–", text) if "-" in text else text


def abbreviate_year_range(first: int, last: int) -> str:
    """The second year of an inclusive range, shortened as page numbers are (CMOS 9.67):
    1960–70, 1898–1903, 2000–2001."""
    return _abbreviate_range(str(first), str(last))


_RANGE = re.compile(r"\b(\d+)\s*[-–—]+\s*(\d+)\b")
_ANY_RANGE = re.compile(r"(\w+)\s*(?:-+|–|—)\s*(?=(\w+))")
# A section-page locator ("IV-10", "A-3", "S-12": a report's section numeral or letter, then
# its page): one place, not a range. Two of them joined make a range ("IV-10-IV-12").
_SECTION_PAGE = r"(?:[ivxlcdm]+|[a-z])-\d+"
_SECTION_PAGE_ALONE = re.compile(rf"^{_SECTION_PAGE}$", re.IGNORECASE)
_SECTION_PAGE_RANGE = re.compile(
    rf"\b({_SECTION_PAGE})\s*(?:-+|–|—)\s*({_SECTION_PAGE})\b", re.IGNORECASE
)
_ROMAN_NUMERAL = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)


def _kind(token: str) -> str:
    """What sort of number a token is: arabic ("52", "3a"), roman ("xii"), or a lettered
    page ("A3", "S12")."""
    if token[0].isdigit():
        return "arabic"
    if _ROMAN_NUMERAL.match(token):
        return "roman"
    return "lettered" if any(ch.isdigit() for ch in token) else "letter"


def _range_dash(match: re.Match[str]) -> str:
    """An en dash between two numbers of one kind (CMOS 9.64: "xii–xv", "52–58", "A3–A7");
    between a section numeral or letter and an arabic page ("IV-10", "A-3") the hyphen of a
    section-page form stays."""
    first, last = match.group(1), match.group(2)
    if _kind(first) != _kind(last) and _kind(last) == "arabic":
        return match.group(0)
    return f"{first}–"


def page_range(text: str, abbreviate: bool = True) -> str:
    """Page ranges with en dashes, the second number abbreviated the Chicago way."""
    if "-" not in text and "–" not in text and "—" not in text:
        return text
    if _SECTION_PAGE_ALONE.match(text.strip()):
        return text
    if _SECTION_PAGE_RANGE.search(text):
        return _SECTION_PAGE_RANGE.sub(r"\1–\2", text)
    if abbreviate:
        text = _RANGE.sub(
            lambda m: f"{m.group(1)}–{_abbreviate_range(m.group(1), m.group(2))}", text
        )
    return _ANY_RANGE.sub(_range_dash, text)
