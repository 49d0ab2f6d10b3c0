"""Dates in a title, as a short title treats them (CMOS 18 14.30): a date is one word group
a cut never splits ("5 мая 1941 года", "May 5, 1941", "1944 à 1958"), and a trailing span
of years is the period the work covers, not a key word, so it goes ("Memoirs, 1925–1950").

`date_spans` finds the dates among a title's words (for `short_title_units`);
`without_dates` drops the trailing period (for `short_titles`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.cite.short_title_words import HIDDEN_TAGS
from assistant.cite.typography import words

_MONTHS = words(
    "january february march april may june july august september october november december"
    " jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec."
    " janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    " januar jänner februar märz april juni juli oktober dezember"
    " enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre"
    " noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre"
    " dicembre janeiro fevereiro março maio junho julho setembro outubro dezembro"
    " май мая мае март марта марте mai maia mae mart marta marte"
    " január február március április május június július augusztus szeptember október"
    " november december"
)
# Russian months by stem, in any case ("января", "декабре", "dekabria", "fevrale").
_MONTH_STEMS = re.compile(
    r"^(?:январ|феврал|апрел|июн|июл|август|сентябр|октябр|ноябр|декабр"
    r"|ianvar|fevral|aprel|iiun|iiul|avgust|sentiabr|oktiabr|noiabr|dekabr)[а-яa-z]{0,3}$"
)
# A day as English, French, German and Hungarian write it ("5th", "1er", "5.", "20-i",
# "20-án").
# (A span of days, "June 24–30, 1950", is a day too.)
_DAY = re.compile(
    r"^(?:[1-9]|[12]\d|3[01])(?:[–-](?:[1-9]|[12]\d|3[01]))?(?:\.|er|st|nd|rd|th|-[a-zé]{1,3})?,?$"
)
# A year, also with the period of a Hungarian year-first date ("1953. június 20-i").
_YEAR = re.compile(r"^(?:1\d{3}|20\d{2})[.,]?$")
# The word "year" after a year ("1941 года", "1941 g."), and "years" after a span
# ("1950–1953 gg.").
_YEAR_WORDS = words("года году год г. гг. goda godu god g. gg. року рік р. roku rok r.")
_PLURAL_YEAR_WORDS = words("gg. гг.")
# The word "in the year" before a year (Slovene "leta 1961", Serbo-Croatian "godine 1961",
# Czech and Polish "roku 1961", German "im Jahr 1961", Latin "anno"): it governs the year as
# a preposition does ("in 1961") and goes with it.
_YEAR_BEFORE = words("leta godine godina roku року году года jahr jahre jahres anno")
_SPAN_OPENERS = words("from between de du von vom desde entre dal dalla da s с ot от z od")
_DATE_LINKS = words("de del")  # "5 de mayo de 1941"
_DAY_LINKS = words("and et und y e i и &")
_SPAN_LINKS = words("to till until and à au et a al y bis und zum al e до по i do po")


# --- dates as word groups ------------------------------------------------------------------


def _month(word: str) -> bool:
    bare = word.lower().rstrip(",")
    return bare in _MONTHS or bool(_MONTH_STEMS.match(bare))


def _day(word: str) -> bool:
    return bool(_DAY.match(word))


def _year(word: str) -> bool:
    return bool(_YEAR.match(word))


def _year_word(word: str) -> bool:
    return word.lower() in _YEAR_WORDS


def date_spans(tokens: list[str]) -> list[tuple[int, int]]:
    """Spans (first, last) of dates: "5 May 1941", "May 5, 1941", "5 мая 1941 года", "10.
    September 1955", "5 de mayo de 1941", "May 1941", "1941 года"; a month alone ("May") is
    none. A span of two years in words ("1944 à 1958", "1945 bis 1955") is one term as well."""
    plain = [HIDDEN_TAGS.sub("", token) for token in tokens]
    spans = []
    index = 0
    while index < len(plain):
        end = _date_at(plain, index)
        if (
            end == index
            and index + 2 < len(plain)
            and _year(plain[index])
            and plain[index + 1].lower() in _SPAN_LINKS
            and _year(plain[index + 2].rstrip(".,;:"))
        ):
            end = index + 2
        if end > index:
            spans.append((index, end))
            index = end + 1
        else:
            index += 1
    return spans


def _date_at(plain: list[str], start: int) -> int:
    """The last index of a date starting at `start` (`start` itself when none does)."""
    parts: list[str] = []
    index = start

    def take(test: Callable[[str], bool], link: bool = False) -> bool:
        nonlocal index
        probe = index
        if link and probe < len(plain) and plain[probe].lower() in _DATE_LINKS:
            probe += 1
        if probe < len(plain) and test(plain[probe]):
            index = probe + 1
            return True
        return False

    if plain[start].lower() in _YEAR_BEFORE and start + 1 < len(plain) and _year(plain[start + 1]):
        return start + 1  # "leta 1961", "godine 1961": the year with its word
    if take(_day):
        if index + 1 < len(plain) and plain[index].lower() in _DAY_LINKS and _day(plain[index + 1]):
            index += 2  # two days or spans of one month: "17–18 and 28–29 January 1966"
        if not take(_month, link=True):
            return start
        parts = ["day", "month"]
        if take(_year, link=True):
            parts.append("year")
    elif take(_month):
        parts.append("month")
        if take(_day):
            parts.append("day")
        if take(_year):
            parts.append("year")
    elif take(_year):
        parts.append("year")
        if take(_month):  # Hungarian, year first: "1953. június 20-i"
            parts.append("month")
            if take(_day):
                parts.append("day")
    if "year" in parts:
        take(_year_word)
    if len(parts) < 2 and not (parts == ["year"] and index - start == 2):
        return start
    return index - 1


# --- the trailing period a short title drops -----------------------------------------------
_YEARS = re.compile(r"^\(?(?:1\d{3}|20\d{2})(?:[–/-]\d{2,4})?\)?[.,;]?$")
_SPAN = re.compile(r"\d[–/-]\d")
_ORDINAL_SPAN = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)|\d{1,4}s?)(?:[–-](?:\d{1,2}(?:st|nd|rd|th)|\d{1,4}s?))?[.,;]?$"
)
_PERIOD_WORDS = words("century centuries c. ca. bc bce ad ce and to early late mid the era")


# Heads that name a kind of writing, whose years after a comma are the period it covers.
_GENRE_HEADS = words(
    "memoirs memoir diaries diary letters correspondence papers documents speeches writings"
    " works journals journal notebooks reminiscences recollections autobiography essays"
    " reports proceedings minutes chronicle chronology history selections"
)
# Heads that name no subject without the years after them ("The War 1939–1945").
_GENERIC_PERIOD_HEADS = words("war wars years period era decade decades age crisis")
_OPEN_ENDED_LINKS = words("to through until till")
_LAPSE_ENDS = words("on after later afterward afterwards since")
_LAPSE_UNITS = words("years decades months days weeks generations")
_NUMBER_WORDS = words(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty"
    " fifty sixty seventy eighty ninety hundred"
)


# Nouns that a year after "of" completes as the name of one event (CMOS 8.76, 8.79: "the
# Revolution of 1848", "the War of 1812", "the Panic of 1837", "the Compromise of 1850"):
# the year tells which revolution, and is a key word of the short title.
_NAMED_BY_YEAR = words(
    "revolution revolutions revolt uprising rising insurrection rebellion war panic compromise"
    " strike treaty convention constitution"
)
# A season or month in Hungarian's temporal case after a year ("1956 őszén", "1968
# nyarán", "1989 októberében": in the autumn of 1956): when the work's subject happened.
_HUNGARIAN_WHEN = re.compile(
    r"^(?:őszén|nyarán|tavaszán|telén|elején|végén|folyamán"
    r"|(?:január|február|március|április|május|június|július|augusztus|szeptember|október"
    r"|november|december)\w{0,3}(?:ban|ben))$"
)
# A short title holds four words (14.30): a head this long is one without its year.
_FULL_SHORT_TITLE = 4


def _bare(word: str) -> str:
    return HIDDEN_TAGS.sub("", word).lower().strip(",;“”‘’\"'")


def without_dates(tokens: list[str], function_words: frozenset[str]) -> list[str]:
    """A trailing span of years is the period the work covers, not a key word: "Memoirs,
    1925–1950" -> "Memoirs", and one not set off too ("Oljealder 1965–1995" -> "Oljealder")
    unless only a generic head is left ("War 1939–1945"). A single year after a
    comma is what the title is about and stays ("Poland, 1956", "Berlin Crisis, 1961"),
    unless four words precede it; one after "of" or in parentheses goes ("Border Clash of
    1969" -> "Border Clash") when two words are left ("Promises of 1968" keeps its year, its
    only other key word), unless it completes an event's name ("Revolution of 1848"). A number
    that is no year ("Voina 421") stays. A period of several words set off by a comma goes
    as well ("Civilization and Capitalism, 15th–18th Century") when two words are left.
    """
    # ", 1950–1953 gg." (Russian gody): the years and their abbreviation go together; a
    # single year with its "g." stays, as a single year does.
    if (
        len(tokens) > 3
        and tokens[-1] in _YEAR_WORDS
        and _YEARS.match(tokens[-2])
        and (_SPAN.search(tokens[-2]) or tokens[-1] in _PLURAL_YEAR_WORDS)
        and tokens[-3].endswith(",")
    ):
        return [*tokens[:-3], tokens[-3].rstrip(",")]
    # A span of years in words, with the preposition that opens it ("Histoire du Viêt-Nam
    # de 1940 à 1952", "from 1945 to 1953"), is the period covered too.
    if (
        len(tokens) >= 6
        and _bare(tokens[-4]) in _SPAN_OPENERS
        and _year(tokens[-3])
        and tokens[-2].lower() in _SPAN_LINKS
        and _year(tokens[-1].rstrip(".,;:)"))
    ):
        return tokens[:-4]
    # A lapse of time after the subject ("Husák’s Normalization Ten Years On", "The Bay of
    # Pigs Forty Years Later") dates the work as a period does, and goes when two words are
    # left.
    if (
        len(tokens) >= 5
        and _bare(tokens[-1]) in _LAPSE_ENDS
        and _bare(tokens[-2]) in _LAPSE_UNITS
        and (_bare(tokens[-3]) in _NUMBER_WORDS or _bare(tokens[-3]).isdigit())
    ):
        return tokens[:-3]
    # A full date (a day, its month and year) set off by a comma after the subject ("The
    # Korean Decision, June 24–30, 1950") says when it happened, as a span of years does:
    # it goes when two words are left.
    spans = date_spans(tokens)
    if spans and spans[-1][1] == len(tokens) - 1 and spans[-1][0] >= 2:
        first = spans[-1][0]
        if tokens[first - 1].endswith(",") and spans[-1][1] - first >= 2:
            return [*tokens[: first - 1], tokens[first - 1].rstrip(",")]
    # A year with a season or month after it, in Hungarian's temporal case ("A szovjet
    # politika 1956 őszén"), or a Hungarian year-first date at the end ("1956. október
    # 23-án"), says when, as a trailing span of years does: it goes when two words are
    # left (14.30).
    if len(tokens) >= 4 and _year(tokens[-2]) and _HUNGARIAN_WHEN.match(_bare(tokens[-1])):
        return tokens[:-2]
    if (
        spans
        and spans[-1][1] == len(tokens) - 1
        and spans[-1][0] >= 2
        and _year(tokens[spans[-1][0]])
        and _month(tokens[spans[-1][0] + 1])
        and not tokens[spans[-1][0] - 1].endswith(",")
    ):
        return tokens[: spans[-1][0]]
    period = _period_segment(tokens)
    if period and len(tokens) - period >= 2:
        return [*tokens[: -period - 1], tokens[-period - 1].rstrip(",")]
    if len(tokens) < 2 or not _YEARS.match(tokens[-1]):
        return tokens
    if tokens[-1].endswith(")") and not tokens[-1].startswith("("):
        return tokens  # the year closes a longer parenthesis, which goes whole or stays
    before = tokens[:-1]
    span = bool(_SPAN.search(tokens[-1]))
    if before[-1].endswith(","):
        # A year and what it is the year of name an event, not a period covered: "Poland,
        # 1956" is the key phrase itself; a span, "Memoirs, 1925–1950", is still dropped.
        # A head of four words without it is a short title already: the year goes
        # ("Soviet Intervention in Czechoslovakia, 1968").
        if span and len(before) == 1 and _bare(before[0]) not in _GENRE_HEADS:
            # A place and its years as the whole title ("Korea, 1951–1953", "Trieste,
            # 1941–1954") name the subject together: the place alone names every work on
            # it. A genre's years ("Memoirs, 1925–1950") are the period covered (14.30).
            return tokens
        if span or len(before) >= _FULL_SHORT_TITLE:
            return [*before[:-1], before[-1].rstrip(",")]
        return tokens
    if len(before) >= 2 and before[-1].lower() in _SPAN_LINKS and _year(before[-2]):
        # "Die Berlinkrise 1958 bis 1963": the link is no preposition governing the year
        # but the middle of a span, one term the cut keeps or drops whole (14.30).
        return tokens
    if (
        span
        and not tokens[-1].startswith("(")
        and _bare(before[-1]) not in function_words
        and any(
            _bare(w) not in function_words and _bare(w) not in _GENERIC_PERIOD_HEADS for w in before
        )
    ):
        # A span of years run on after the key words without a comma ("Oljealder
        # 1965–1995", "Tagebuch aus Moskau 1931–1939") is the period covered as well, set
        # off or not (14.30); it stays when only a generic head would be left ("The War
        # 1939–1945"), which the years alone tell apart.
        return before
    if len(tokens) == 2 and _bare(before[0]) in _YEAR_BEFORE:
        return []  # the year and its word alone
    if _bare(before[-1]) in _YEAR_BEFORE and len(before) > 2:
        kept = before[:-1]
        if len(kept) > 2 and _bare(kept[-1]) in function_words:
            kept = kept[:-1]  # "w roku 1961", "im Jahr 1961"
        return kept
    if (
        _bare(before[-1]) in function_words
        and len(before) > 2
        and not (_bare(before[-1]) == "of" and _bare(before[-2]) in _NAMED_BY_YEAR)
    ):
        # (Only when two words are left, as for a period set off by a comma: with one, the
        # year is a key word, "Promises of 1968", "Palestinians and 1948".)
        return before[:-1]
    if tokens[-1].startswith("("):
        return before
    return tokens


def _period_segment(tokens: list[str]) -> int:
    """How many words at the end, after a comma, only name a period of time ("15th–18th
    Century", "1945 to 1953", "1950s"): 0 when none do."""
    for start in range(len(tokens) - 1, 0, -1):
        if tokens[start - 1].endswith(","):
            segment = tokens[start:]
            if len(segment) > 4 or not any(_ORDINAL_SPAN.match(w) for w in segment):
                return 0
            if len(segment) == 1 and _YEARS.match(segment[0]) and not _SPAN.search(segment[0]):
                return 0  # a single year: "Poland, 1956" (see without_dates)
            if (
                2 <= len(segment) <= 5
                and _year(segment[0])
                and _bare(segment[1]) in _OPEN_ENDED_LINKS
            ):
                # A period from a year to an event or the present ("1945 to Vietnam", "1917
                # to the Present"): the span is one term, which goes whole, never cut after
                # its first year (14.30).
                return len(segment)
            if all(_ORDINAL_SPAN.match(w) or _bare(w) in _PERIOD_WORDS for w in segment):
                return len(segment)
            return 0
    return 0
