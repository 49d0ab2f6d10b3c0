"""Titles: capitalization by language, quotation marks within titles.

English titles are set headline style (CMOS 18 8.159-8.161); titles in other languages keep
their own (sentence-style) capitalization (CMOS 11.6, 14.87), and nothing in Cyrillic or CJK
script is ever headline-cased. Short titles follow CMOS 14.30.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import pairwise
from typing import Any

from assistant.cite.german_case import sentence_style as german_sentence_style
from assistant.cite.headline import title_case
from assistant.cite.languages import code_of, guess, is_function_word
from assistant.cite.model import Run
from assistant.cite.names import CJK, LATIN_LETTER
from assistant.cite.richtext import Parts, hide_tags, markup_runs, show_tags
from assistant.cite.romance_case import LANGUAGES as SENTENCE_CASED
from assistant.cite.romance_case import common_word, needs_dictionary
from assistant.cite.romance_case import sentence_style as lexicon_sentence_style
from assistant.cite.short_title_words import FUNCTION_WORDS
from assistant.cite.typography import ABBREVIATIONS as _ABBREVIATIONS
from assistant.cite.typography import (
    close_up_marks,
    joined_to_open_compounds,
    prefixed_open_compounds,
    spaced_ellipses,
)

_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u2e80-\u9fff\uac00-\ud7af]")


def language_code(item: Mapping[str, Any]) -> str:
    """The item's language as an ISO 639-1 code: its `language` field ("en-US", "eng",
    "German", "Deutsch"), else the language its title reads as, else English (CSL's
    default for a record that does not say)."""
    code = code_of(item.get("language"))
    if code:
        return code
    return guess(str(item.get("title", "") or "")) or "en"


def dictionary_languages(items: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """The languages whose dictionaries the items' headline-typed titles will need
    (romance_case), so that a caller can load them ahead, off the GUI thread."""
    needed: set[str] = set()
    for item in items:
        language = language_code(item)
        if (
            language in SENTENCE_CASED
            and language not in needed
            and any(
                needs_dictionary(str(item.get(field) or ""), language)
                for field in ("title", "container-title")
            )
        ):
            needed.add(language)
        if "en" not in needed and not is_english(item):
            title = str(item.get("title") or "")
            translation = _TRANSLATION.search(title)
            if translation and _translation_words(translation.group(0).strip()[1:-1]):
                needed.add("en")
    return frozenset(needed)


def is_english(item: Mapping[str, Any]) -> bool:
    """Whether the item's title takes headline style: its language is English, or unknown
    and the title does not read as another language. A review that holds the reviewed work's
    title in `title` (no `reviewed-title`) is judged by that title's own words: its
    `language` is the review's ("en" for a review of a Russian book in *Kritika*, CMOS 11.x)."""
    english = language_code(item) == "en"
    if _titled_by_reviewed_work(item):
        return reads_english(str(item.get("title", "") or ""), english)
    return english


def _titled_by_reviewed_work(item: Mapping[str, Any]) -> bool:
    return not item.get("reviewed-title") and (
        bool(item.get("reviewed-author")) or item.get("type") in ("review", "review-book")
    )


def reads_english(text: str, default: bool) -> bool:
    """Whether a journal's, series' or volume's title is English: by its own words when they
    tell ("Cahiers du monde russe" is French whatever the article in it), else `default`,
    the item's own language."""
    language = guess(text)
    return default if not language else language == "en"


# A colon a record put between a title ending in a question mark or exclamation point and
# its subtitle (Google Books joins every subtitle with ": "): the title's own mark separates
# them, and no colon follows it (CMOS 18 6.131, 14.88): "Who Ate Up All the Shinga? An ...".
_COLON_AFTER_MARK = re.compile(r"(?<=[?!])[ \u00a0]*:(?=\s)")
# ... while the subtitle still opens with a capital (8.159, 11.6): the colon marked where it
# begins, and "Zítra zase tady! : protirežimní demonstrace" is "Zítra zase tady! Protirežimní
# demonstrace". (Latin letters only: Russian keeps a lowercase word there, as after a colon.)
_LATIN_LOWER = "a-zà-öø-ÿ\u0100-\u024f\u1e00-\u1eff"
_SUBTITLE_AFTER_MARK = re.compile(
    rf"(?<=[?!])[ \u00a0]*:(\s+(?:[«“‘\"'(¿¡]\s?)?)([{_LATIN_LOWER}])"
)


def _without_colon_after_mark(text: str) -> str:
    text = _SUBTITLE_AFTER_MARK.sub(lambda m: m.group(1) + _upper_first(m.group(2)), text)
    return _COLON_AFTER_MARK.sub("", text)


def _upper_first(letter: str) -> str:
    # (A letter with no one-letter capital, "ŉ", is left as it is.)
    upper = letter.upper()
    return upper if len(upper) == 1 else letter


@lru_cache(maxsize=8192)
def case_title(text: str, english: bool, *, masthead: bool = False, language: str = "") -> str:
    """Headline style for English; other languages and non-Latin scripts as written, but a
    German, Spanish, Portuguese, Italian, French or Dutch title a catalogue typed in headline
    style is set in sentence style (`language`, the record's ISO 639-1 code, else the title's
    own words tell the language; german_case, romance_case). In
    every language a space before a colon or question mark goes (French and catalogue
    spacing), a colon after a question mark goes, and a period the record closed the title
    with goes.

    Cached: the result depends on its arguments alone, and an engine is rebuilt on the same
    titles whenever the library changes."""
    text = record_period(_without_colon_after_mark(close_up_marks(text)))
    if not text:
        return text
    if not english:
        read = language or guess(text)
        if not masthead and read == "de":
            # (A newspaper's name is its own: every capital in "Neue Zürcher Zeitung" stays.)
            text = german_sentence_style(text)
        elif not masthead and read in SENTENCE_CASED:
            text = lexicon_sentence_style(text, read)
        if not masthead and not _NON_LATIN.search(text):
            # The colon between title and subtitle is Chicago's in every language (14.89):
            # Persée and other catalogues type a period ("La genèse du plan Schuman. Des
            # origines ..."). Four letters at least before it: other languages' short
            # abbreviations ("tow. Władysława") are not all known.
            text = _period_subtitle(text, 4)
        return _subtitle_capital(joined_open_compounds(text))
    if _NON_LATIN.search(text):
        return text
    text = spaced_ellipses(prefixed_open_compounds(text))
    if not masthead:
        text = joined_to_open_compounds(text)
    return title_case(subtitle_colon(text))


# A hyphen typed with spaces before a name of more than one word ("Việt Nam - Trung Quốc",
# "Lào - Việt Nam"): an en dash joins a compound one of whose elements is open, closed up
# (CMOS 6.80, 6.85). Only in sentence style, where capitals mark the names; the name after
# the dash must be two capitalized words, since one capital there may be a subtitle's by
# position ("Hồ Chí Minh - Tuyển tập"), and an article ("Le", "Die") starts a subtitle.
# English titles are headline style, all capitals, and a spaced dash there is a subtitle's
# (`subtitle_colon`).
_NAME_WORD = r"[^\W\d_][\w’'.]*"
_SPACED_HYPHEN = re.compile(
    rf"(?<![\w\-])({_NAME_WORD})[ \u00a0]+-[ \u00a0]+({_NAME_WORD})(\s+{_NAME_WORD})"
)


def joined_open_compounds(text: str) -> str:
    """ "Quan hệ Việt Nam - Trung Quốc" -> "Quan hệ Việt Nam–Trung Quốc": the hyphen between
    a capitalized name and a name of two capitalized words becomes an en dash, closed up
    (CMOS 6.80)."""
    if (" - " not in text and "\u00a0-" not in text) or guess(text) == "de":
        return text  # German capitalizes every noun: its capitals tell no names

    def dash(match: re.Match[str]) -> str:
        left, right, outer_right = match.groups()
        names = (left, right, outer_right.strip())
        if not all(word[:1].isupper() for word in names) or is_function_word(right):
            return match.group(0)
        return f"{left}–{right}{outer_right}"

    text = _SPACED_HYPHEN.sub(dash, text)
    return _translated_compound(text) if " - " in text and "[" in text else text


# A spaced hyphen after an open name ("Lê Đức Thọ - Kissinger") that the bracketed
# translation writes joined ("[The Lê Đức Thọ-Kissinger negotiations]"): the translator
# read a compound, not a subtitle, and the en dash joins it in both, closed up, since one of
# its elements is open (CMOS 6.80).
_OPEN_NAME_DASH = re.compile(
    rf"((?:{_NAME_WORD}[ \u00a0]+)+{_NAME_WORD})[ \u00a0]+-[ \u00a0]+({_NAME_WORD})(?=[\s,;:])"
)


def _translated_compound(text: str) -> str:
    start = text.find("[")
    original, translated = text[:start], [text[start:]]

    def dash(match: re.Match[str]) -> str:
        left, right = match.groups()
        translation = translated[0]
        last = left.split()[-1]
        capitals = [word for word in left.split() if word[:1].isupper()]
        if len(capitals) < 2 or not right[:1].isupper() or f"{last}-{right}" not in translation:
            return match.group(0)
        translated[0] = translation.replace(f"{last}-{right}", f"{last}–{right}")
        return f"{left}–{right}"

    original = _OPEN_NAME_DASH.sub(dash, original)
    return original + translated[0]


# Sentence style in other languages capitalizes the first word of the subtitle as of the
# title (CMOS 11.6, 11.27); records from SciELO, Persée and the like type it lowercase.
# Russian keeps a lowercase word after the colon (11.x, Russian usage), so Cyrillic is left.
_SUBTITLE_START = re.compile(rf"(:\s+(?:[«“‘\"'(¿¡]\s?)?)([{_LATIN_LOWER}])")


def _subtitle_capital(text: str) -> str:
    return _SUBTITLE_START.sub(lambda m: m.group(1) + _upper_first(m.group(2)), text)


# Title pages and library records set a subtitle off with a spaced dash or a period; CMOS
# (14.89) puts a colon there whatever the title page uses (English titles only: a dash in a
# Russian or French title is often the title's own). Only an unambiguous separator
# counts: one spaced dash between words (not a number range, not a parenthetical pair), or
# one period closing a word that is no abbreviation, before a capital.
_SPACED_DASH = re.compile(r"(?<=[^\W\d])\s+[-–—]\s+(?=[^\W\d])")
_SUBTITLE_PERIOD = re.compile(r"(?<=\w)\.\s+(?=[A-ZÀ-Þ])")
# A Russian name's initial is one Cyrillic letter, transliterated as two or more Latin ones
# ("A. Ya. Vyshinsky", "Yu. V. Andropov", "N. Kh. Baibakov"): an initial,
# never the end of a title before its subtitle.
_DIGRAPH_INITIALS = frozenset(
    ("Ch", "Dzh", "Gh", "Kh", "Ph", "Sh", "Shch", "Th", "Ts", "Ya", "Ye", "Yo", "Yu", "Zh")
)
# The last word before a closing period, markup after it allowed ("<i>Izvestiia</i>.").
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüаеёиоуыэюяіїє\d]", re.IGNORECASE)
_CLOSING_PERIOD = re.compile(r"([^\s.]*(?:\.[^\s.]+)*)((?:<[^<>]*>)*)\.\s*$")


def record_period(title: str) -> str:
    """A title without the period a record closed it with ("Khrushchev: The Man and His
    Era."): that period is the record's punctuation, not the title's, and the citation
    puts its own after the title (CMOS ch. 6 and 14: one mark, never two). Kept when it
    belongs to an abbreviation ("U.S.", "Inc.", "Jr.", "etc.", an initial) or an ellipsis."""
    stripped = title.rstrip()
    if not stripped.endswith(".") or stripped.endswith(".."):
        return title
    # The last word is all that matters: searching only the tail keeps a long run of text
    # without spaces from making the search quadratic.
    start = max(0, len(stripped) - 300)
    match = _CLOSING_PERIOD.search(stripped, start)
    if match is None:
        return title
    word = match.group(1).lstrip("([“‘\"'")
    if not word or "." in word or len(word) == 1 or word.lower() in _ABBREVIATIONS:
        return title
    if not _VOWEL.search(word):
        return title  # "gg." (Russian годы), "pp.", "Mlle.": no vowel, an abbreviation
    return stripped[: match.end(2)]


def subtitle_colon(title: str) -> str:
    if not title or ":" in title:
        return title
    dashes = _SPACED_DASH.findall(title)
    if len(dashes) == 1:
        return _SPACED_DASH.sub(": ", title)
    if dashes:
        return title
    return _period_subtitle(title, 2)


def _period_subtitle(title: str, shortest: int) -> str:
    """`title` with the one period a catalogue set between title and subtitle made a colon
    (CMOS 18 14.89), the word before it of `shortest` letters at least and no abbreviation."""
    if ":" in title:
        return title
    periods = [
        m
        for m in _SUBTITLE_PERIOD.finditer(title)
        if _word_before(title, m.start()).lower() not in _ABBREVIATIONS
        and len(_word_before(title, m.start())) >= shortest  # an initial: "John F. Kennedy"
        and _word_before(title, m.start()) not in _DIGRAPH_INITIALS
        and not _word_before(title, m.start()).isupper()  # "U.S. Policy", "USSR. The"
    ]
    if len(periods) == 1 and not title.rstrip().endswith("."):
        m = periods[0]
        return title[: m.start()] + ": " + title[m.end() :]
    return title


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1
    return text[start:end]


# --- quotation marks -----------------------------------------------------------------------

_OPENERS = " ([{—–-/\u00a0"


def nest_quotes(text: str, depth: int) -> str:
    """Quotation marks inside a title, straight or curly, set for where the title sits:
    `depth` 1 inside double quotes (so the title's own quotes become single, and theirs double
    again, CMOS 6.11), 0 in italics. Marks left open are closed at the end. A Latin-script
    title's own marks of another language („…”, »…«, «…») are set as English ones too."""
    text = english_marks(text)
    if not any(ch in text for ch in "\"'“”‘’"):
        return text
    out: list[str] = []
    stack: list[str] = []  # '"' or "'" for each open quotation
    for index, ch in enumerate(text):
        prev = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if ch in '"“”':
            opening = ch == "“" or (ch == '"' and (prev in _OPENERS or index == 0))
            if ch == "”" or (ch == '"' and not opening):
                if '"' in stack:
                    while stack and stack[-1] != '"':
                        out.append(_mark("'", depth + len(stack), False))
                        stack.pop()
                    stack.pop()
                    out.append(_mark('"', depth + len(stack) + 1, False))
                else:
                    out.append(_mark('"', depth + 1, False))
                continue
            stack.append('"')
            out.append(_mark('"', depth + len(stack), True))
            continue
        if ch in "'‘’":
            opening = ch == "‘" or (ch == "'" and prev in _OPENERS and after.isalnum())
            if opening:
                stack.append("'")
                out.append(_mark("'", depth + len(stack), True))
                continue
            if stack and stack[-1] == "'" and not (prev.isalnum() and after.isalnum()):
                stack.pop()
                out.append(_mark("'", depth + len(stack) + 1, False))
                continue
            out.append("’")  # an apostrophe
            continue
        out.append(ch)
    while stack:
        kind = stack.pop()
        out.append(_mark(kind, depth + len(stack) + 1, False))
    return "".join(out)


# A quotation in Polish, German, Czech or Hungarian marks („…” or „…“, ‚…‘), in German
# guillemets (»…«) or French and Italian ones («…», spaced in French). Each pair is matched
# whole, so that a German closing “ is not read as an English opening one.
_LOW_DOUBLE = re.compile(r"„([^„“”\n]*)[“”]")
_LOW_SINGLE = re.compile(r"‚([^‚‘’\n]*)[‘’](?!\w)")
_GUILLEMETS = re.compile(r"«[ \u00a0\u202f]?([^«»\n]*?)[ \u00a0\u202f]?»|»([^«»\n]*)«")


def english_marks(text: str) -> str:
    """A Latin-script title's quotation marks of its own language as English double ones,
    which `nest_quotes` then alternates for where the title sits: in an English text a
    foreign title's quotations take the marks of the surrounding text (CMOS 11.9, 6.9):
    “Rosyjski ‘kompleks polski’ i obszar ULB,” not “Rosyjski „kompleks polski” …”. A title
    in Cyrillic or another script keeps its own marks, as typed (11.x: "Указ … «Об
    амнистии»"). Inner pairs first: „…“ nests inside «…»."""
    if not any(ch in text for ch in "„‚«»") or _NON_LATIN.search(text):
        return text
    text = _LOW_SINGLE.sub(r"‘\1’", text)
    text = _LOW_DOUBLE.sub(r"“\1”", text)
    return _GUILLEMETS.sub(
        lambda m: f"“{m.group(1) if m.group(1) is not None else m.group(2)}”", text
    )


def _mark(kind: str, level: int, opening: bool) -> str:
    # Odd levels (the outermost quotation) are double; each level inside alternates.
    double = level % 2 == 1
    if opening:
        return "“" if double else "‘"
    return "”" if double else "’"


# A romanized title followed by the same title in its own script: "Han'guk chŏnjaeng 한국전쟁"
# (the characters found first, so that the pattern never scans a long title twice).
_SCRIPT_AFTER_SPACE = re.compile(r"\s+" + CJK.pattern)
# An English rendering of the title the record added in brackets at its end.
_TRANSLATION = re.compile(r"\s\[[^\[\]]+\]$")


def _romanized(text: str) -> bool:
    return bool(LATIN_LETTER.search(text)) and not CJK.search(text)


def styled_title(text: str, quoted: bool) -> Parts:
    """A title in quotation marks (roman) or italics, its CSL markup rendered as runs.
    Chinese, Japanese and Korean script is never set in italics (CMOS 11.83): after a
    romanized title, italic as any title, the characters follow in roman (14.98,
    "<i>Han'guk chŏnjaeng</i> 한국전쟁"). A bracketed translation at the end stays roman and
    outside the quotation marks or italics (14.88)."""
    translation = _TRANSLATION.search(text)
    if translation and translation.start() > 0:
        return [*styled_title(text[: translation.start()], quoted), Run(translation.group(0))]
    hidden, tags = hide_tags(text)
    text = show_tags(nest_quotes(hidden, 1 if quoted else 0), tags)
    if quoted:
        return [Run("“"), *markup_runs(text), Run("”")]
    script = _SCRIPT_AFTER_SPACE.search(text) if CJK.search(text) else None
    if script and "<" not in text and _romanized(text[: script.start()]):
        return [
            *markup_runs(text[: script.start()], Run("", italic=True)),
            Run(text[script.start() :]),
        ]
    return markup_runs(text, Run("", italic=not CJK.search(text)))


_WORD = re.compile(r"^([^\w]*)([\w’'-]*?)([^\w]*)$")
_OPENS_PHRASE = ":.?!—"


def _translation_words(text: str) -> list[tuple[int, str, str, str]] | None:
    """The words of a bracketed translation after its first and its subtitle's first (token
    index, leading marks, word, trailing marks) when it is clearly typed in headline style:
    every content word capitalized, at least one of them or a capitalized function word
    inside; None otherwise."""
    if "<" in text or _NON_LATIN.search(text):
        return None
    tokens = text.split(" ")
    function_words = FUNCTION_WORDS["en"]
    inner: list[tuple[int, str, str, str]] = []
    for i, token in enumerate(tokens):
        match = _WORD.match(token)
        if not match or not match.group(2)[:1].isalpha():
            continue
        lead, core, trail = match.groups()
        if i == 0 or lead or tokens[i - 1][-1:] in _OPENS_PHRASE:
            continue  # a title's, a subtitle's first word; a quoted one is the quotation's
        inner.append((i, lead, core, trail))
    content = [core for _, _, core, _ in inner if core.lower() not in function_words]
    flagged = any(core[:1].isupper() and core.lower() in function_words for _, _, core, _ in inner)
    if not all(core[:1].isupper() for core in content) or not (content or flagged):
        return None
    return inner


def translation_sentence_style(translation: str, original: str) -> str:
    """A title's English translation in brackets set in sentence style, as CMOS 18 14.88 and
    11.x give it ("Mir narodam! [Peace to the peoples!]"), when the record typed it in
    headline style ("[Peace to the Peoples!]"). Conservative: only a translation whose words
    after the first are all capitalized (or with a capitalized article, preposition or
    conjunction) and are all common words by an English dictionary that keeps case changes;
    one with a proper noun by that dictionary, an acronym, "I", a word the original title
    spells capitalized, or two capitalized words in a row stays as typed, since a name
    draws the capitals of its neighbours or is made of common words ("[History of Okinawa
    Prefecture]", "[The People's Liberation Army during the Cultural Revolution]"), which
    no word list tells."""
    inner = _translation_words(translation)
    if not inner:
        return translation
    function_words = FUNCTION_WORDS["en"]
    tokens = translation.split(" ")
    for first, second in pairwise(tokens):
        # Two capitalized content words in a row may be a name of common words ("People’s
        # Liberation Army", "Cultural Revolution"): no clear case.
        if (
            first[:1].isupper()
            and second[:1].isupper()
            and first[-1:].isalnum()
            and not {first.lower(), second.lower().rstrip(".,;:!?")} & function_words
        ):
            return translation
    own = {w for w in re.findall(r"[\w’'-]+", original) if w[:1].isupper()}
    for i, lead, core, trail in inner:
        if core.lower() in function_words:
            lowered = core.lower()
        elif core in own or core.isupper() or common_word(core, "en") is not True:
            return translation
        else:
            lowered = "-".join(part[:1].lower() + part[1:] for part in core.split("-"))
        tokens[i] = lead + lowered + trail
    return " ".join(tokens)
