"""What frames a title without being its key words (CMOS 18 14.30), cut off before the
short title is chosen: an email's reply tag ("Re: Thesis Statement"), a collection's "and
Other Poems", a closing "in Historical Perspective", and where the main title ends when a
colon follows a post's tag ("POV: it’s 1962 …", no subtitle) or a period follows its dates
("Preparing Europe for the Unforeseen, 1958–63. De Gaulle, Monnet …", a subtitle); an
edition statement typed into the title, and the places and dates set off by commas after its
head.
`short_titles` applies them."""

from __future__ import annotations

import re

from assistant.cite.short_title_ends import _name_like
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.typography import words

SUBTITLE = re.compile(r"\s*[:：]\s|(?<=[?!])\s+(?=[A-Z“‘\"'])|[：]")
# A reply or forward tag before an email's subject is no word of its title.
_REPLY_TAG = re.compile(r"^(?:(?:re|fwd?|aw|tr|sv|wg)\s*:\s*)+", re.IGNORECASE)
# A post's tag before a colon, a lowercase sentence after it ("POV: it’s 1962", "TIL:
# the …"): the colon opens the post's text, no subtitle (a subtitle is capitalized, 8.159).
_TAG_COLON = re.compile(r"^[A-Z]{2,4}:\s+(?=[a-z])")
# The years before a period that ends a main title ("…, 1958–63. De Gaulle"): a record's
# period in place of the colon (14.89).
_DATED_PERIOD = re.compile(r"\b(?:1\d{3}|20\d{2})(?:[–-]\d{2,4})?\.\s+(?=[A-Z])")
# The genres a collection names after its title piece ("and Other Poems").
_COLLECTED = words(
    "poems stories essays writings tales fables pieces plays papers sketches lectures"
    " speeches addresses documents verses songs studies reflections reminiscences works"
    " texts letters articles novellas fictions entertainments inquiries selections"
    " observations diversions poetry prose"
)
_OTHER_TAIL = re.compile(r",?\s+and\s+other\s+(\w+)(?:\s+(?:of|from|on|about)\s+.*)?$", re.I)
# A closing phrase that only frames the subject ("in Historical Perspective", "in
# Context", "in Retrospect"), no key word.
_FRAME = re.compile(
    r"\s+in\s+(?:(?:\w+|\w+-\w+)\s+)?(?:perspectives?|context|retrospect)$", re.IGNORECASE
)


def without_reply_tag(title: str) -> str:
    """`title` without an email's "Re:" or "Fwd:" (the subject alone when only a tag is
    left is no title: "" then)."""
    return _REPLY_TAG.sub("", title).strip()


def main_title(title: str) -> str:
    """The main title of `title`: the words before its subtitle."""
    tag = _TAG_COLON.match(title)
    offset = tag.end() if tag else 0
    rest = title[offset:]
    parts = SUBTITLE.split(rest, maxsplit=1)
    main = title[:offset] + parts[0]
    dated = _DATED_PERIOD.search(main)
    if dated and len(main[: dated.start()].split()) >= 2:
        main = main[: dated.end()].rstrip().rstrip(".")
    return main.rstrip(": ")


def without_frame(main: str) -> str:
    """`main` without a collection's "and Other Essays" or a closing frame ("in
    Comparative Perspective") when two words are left; a quotation is never cut into."""
    for pattern in (_OTHER_TAIL, _FRAME):
        match = pattern.search(main)
        if not match or any(q in match.group(0) for q in "“”‘’\"'«»"):
            continue
        if pattern is _OTHER_TAIL and match.group(1).lower() not in _COLLECTED:
            continue
        if len(main[: match.start()].split()) >= 2:
            main = main[: match.start()]
    return main


# An edition statement the record typed into the title ("From Arab Nationalism to OPEC,
# Second Edition") names no work (CMOS 14.113 puts it after the title).
EDITION = re.compile(
    r"(?i),\s+(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|revised|expanded"
    r"|new|updated|enlarged)(?:\s+and\s+\w+)?\s+(?:edition|ed\.)$"
)


def without_setting(
    tokens: list[str], function_words: frozenset[str], dated: bool = False
) -> list[str]:
    """A title without the places set off by commas after its head ("The Asian-African
    Conference, Bandung, Indonesia, April 1955" -> "Asian-African Conference"): where and
    when the subject took place are in apposition to it, as a trailing date is, no key words
    (14.30). Each place is one or two capitalized words; the head keeps two words at least.
    `dated`: a date after a comma followed the last place (one place then suffices)."""
    commas = [i for i, word in enumerate(tokens) if word.endswith(",")]
    if not commas or commas[0] < 1 or commas[0] == len(tokens) - 1:
        return tokens
    head, rest = tokens[: commas[0] + 1], tokens[commas[0] + 1 :]
    segments: list[list[str]] = [[]]
    for word in rest:
        segments[-1].append(word)
        if word.endswith(","):
            segments.append([])
    places = [segment for segment in segments if segment]
    # (Two segments at least, a place and its country or date: one name after a comma may
    # be an inverted name, "Árbenz Guzmán, Jacobo", or a parallel phrase.)
    if (len(places) >= 2 or (dated and len(places) == 1)) and all(
        len(segment) <= 2
        and all(
            (_name_like(w) and _bare(w).replace("-", "").isalpha()) or _bare(w).isdigit()
            for w in segment
        )
        and not any(_bare(w) in function_words for w in segment)
        for segment in places
    ):
        return [*head[:-1], head[-1].rstrip(",")]
    return tokens
