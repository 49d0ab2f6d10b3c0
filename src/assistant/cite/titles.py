"""Titles: capitalization by language, short titles, quotation marks within titles.

English titles are set headline style (CMOS 18 8.159-8.161); titles in other languages keep
their own (sentence-style) capitalization (CMOS 11.6, 14.87), and nothing in Cyrillic or CJK
script is ever headline-cased. Short titles follow CMOS 14.30.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assistant.cite.model import Run
from assistant.cite.richtext import Parts, hide_tags, markup_runs, show_tags
from assistant.cite.typography import STOP_WORDS, title_case, words

_ENGLISH = re.compile(r"^(en|eng|english)\b", re.IGNORECASE)
# ISO 639-2 and English names for the languages a short title's word lists know.
_LANGUAGE_CODES = {
    "eng": "en", "english": "en", "rus": "ru", "russian": "ru", "fre": "fr", "fra": "fr",
    "french": "fr", "ger": "de", "deu": "de", "german": "de", "spa": "es", "spanish": "es",
    "ita": "it", "italian": "it", "chi": "zh", "zho": "zh", "chinese": "zh", "jpn": "ja",
    "japanese": "ja", "kor": "ko", "korean": "ko",
}  # fmt: skip
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u2e80-\u9fff\uac00-\ud7af]")


def is_english(item: Mapping[str, Any]) -> bool:
    """An item without `language` is taken to be English, as CSL's title-casing does."""
    language = str(item.get("language", "") or "").strip()
    return not language or bool(_ENGLISH.match(language))


def case_title(text: str, english: bool) -> str:
    """Headline style for English; other languages and non-Latin scripts as written."""
    if not english or not text or _NON_LATIN.search(text):
        return text
    return title_case(text)


# Words a short title must not end on, by language (CMOS 14.30: no article, preposition or
# conjunction left hanging). Unknown languages use none rather than English's.
_TRAILING = {
    "en": STOP_WORDS,
    # Russian in Cyrillic and in Library of Congress transliteration.
    "ru": words(
        "и в во на с со о об обо к ко по за из от до для без при через а но или ни у над под"
        " перед между i v vo na s so o ob obo k ko po za iz ot do dlia bez pri cherez a no ili"
        " ni u nad pod pered mezhdu"
    ),
    # Pinyin particles and prepositions.
    "zh": words("de yu he ji zai dui guanyu yi zhi ba bei cong xiang"),
    "fr": words(
        "le la les l un une des de du d et ou à au aux en pour sur dans par avec sans sous"
    ),
    "de": words(
        "der die das des dem den ein eine einer eines und oder in im von vom zu zur zum mit für"
        " auf über unter nach bei aus an am"
    ),
    "es": words("el la los las un una de del y o en con por para a al sin sobre"),
    "it": words("il lo la i gli le un una di del della e o in con per a da su tra fra"),
}
_ARTICLES = {"en": ("a", "an", "the")}
_SUBTITLE = re.compile(r"\s*[:：]\s|(?<=[?!])\s+(?=[A-Z“‘\"'])|[：]")


def language_code(item: Mapping[str, Any]) -> str:
    language = str(item.get("language", "") or "").strip().lower()
    if not language:
        return "en"
    head = re.split(r"[-_]", language)[0]
    return _LANGUAGE_CODES.get(head, head[:2])


_YEARS = re.compile(r"^\(?(?:1\d{3}|20\d{2})(?:[–-]\d{2,4})?\)?[.,;]?$")


def _without_dates(words: list[str], function_words: frozenset[str]) -> list[str]:
    """A trailing year or span of years is not a key word: "Memoirs, 1925–1950" -> "Memoirs",
    "Border Clash of 1969" -> "Border Clash". A number that is not set off ("Voina 421") stays."""
    if len(words) < 2 or not _YEARS.match(words[-1]):
        return words
    before = words[:-1]
    if before[-1].endswith(","):
        return [*before[:-1], before[-1].rstrip(",")]
    if _bare(before[-1]) in function_words and len(before) > 1:
        return before[:-1]
    return words


def derive_short_title(title: str, language: str = "en") -> str:
    """Chicago's short title (CMOS 14.30): the key words of the main title (no subtitle, no
    initial A, An or The, no trailing dates), cut at a phrase boundary to at most five words:
    before a preposition, conjunction or article of the title's language (or an English
    participle), or after a comma or parenthesis. Never ends on a function word, never cuts
    a quotation in two."""
    hidden, tags = hide_tags(title)
    main = _SUBTITLE.split(hidden, maxsplit=1)[0].rstrip(": ")
    words = main.split()
    if words and _bare(words[0]) in _ARTICLES.get(language, ()) and len(words) > 1:
        words = words[1:]
    function_words = _TRAILING.get(language, frozenset())
    words = _without_dates(words, function_words)
    articles = _ARTICLES.get(language, ())
    question = len(words) <= 7 and words[-1].endswith("?")
    if len(words) > 5 and not question:
        cuts = []
        for k in range(2, 6):
            if _open_quotes(" ".join(words[:k])) or _bare(words[k - 1]) in function_words:
                continue
            # A short title keeps at least two words that are not function words ("From
            # Stalin" would say too little of "From Stalin to Kim Il Sung").
            if sum(_bare(w) not in function_words for w in words[:k]) < 2:
                continue
            after = words[k]
            if (
                (_bare(after) in function_words and _bare(after) not in articles)
                or words[k - 1][-1:] in ",;)"
                or (language == "en" and _participle(after))
            ):
                cuts.append(k)
        # At most four words when a phrase ends there, five when the first phrase is longer.
        cut = max((k for k in cuts if k <= 4), default=max(cuts, default=0))
        # Without a phrase boundary a title of up to seven words stays whole ("Dilemma of Kim
        # Il Sung's Juche Ideology"); a longer one is cut after four.
        if not cut and len(words) > 7:
            cut = 4
            # A quotation is kept whole: extend the cut to its closing mark.
            while cut < len(words) and _open_quotes(" ".join(words[:cut])):
                cut += 1
        if cut:
            words = words[:cut]
    # Nor on an abbreviation that announces what the cut took away ("protokola no.").
    while len(words) > 1 and (
        _bare(words[-1]) in function_words or _bare(words[-1]) in _ANNOUNCING
    ):
        words = words[:-1]
    return _balance_tags(show_tags(" ".join(words).rstrip(",;:"), tags))


_ANNOUNCING = frozenset(
    " ".join(
        ("no. nos. vol. vols. pt. pts. ch. chap. sec. art.", "p. pp. fol. ff. nr. t. str. ed. eds.")
    ).split()
)


def _participle(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 5 and bare.endswith("ing") and word[:1].isupper()


_HIDDEN_TAGS = re.compile("[\ue100-\ue1ff]")


def _bare(word: str) -> str:
    return _HIDDEN_TAGS.sub("", word).lower().strip(",;“”‘’\"'")


def _open_quotes(text: str) -> bool:
    plain = _HIDDEN_TAGS.sub("", text)
    doubles = plain.count("“") - plain.count("”") + plain.count('"') % 2
    return doubles > 0


def _balance_tags(text: str) -> str:
    """Close any markup a cut left open ("<i>Pueblo Crisis" -> "<i>Pueblo Crisis</i>")."""
    if "<" not in text:
        return text
    for tag in ("i", "b", "sup", "sub", "span"):
        opened = len(re.findall(rf"<{tag}[\s>]", text))
        closed = text.count(f"</{tag}>")
        text += f"</{tag}>" * max(0, opened - closed)
    return text


# --- quotation marks -----------------------------------------------------------------------

_OPENERS = " ([{—–-/\u00a0"


def nest_quotes(text: str, depth: int) -> str:
    """Quotation marks inside a title, straight or curly, set for where the title sits:
    `depth` 1 inside double quotes (so the title's own quotes become single, and theirs double
    again, CMOS 6.11), 0 in italics. Marks left open are closed at the end."""
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


def _mark(kind: str, level: int, opening: bool) -> str:
    # Odd levels (the outermost quotation) are double; each level inside alternates.
    double = level % 2 == 1
    if opening:
        return "“" if double else "‘"
    return "”" if double else "’"


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def styled_title(text: str, quoted: bool) -> Parts:
    """A title in quotation marks (roman) or italics, its CSL markup rendered as runs.
    Chinese, Japanese and Korean script is never set in italics (CMOS 11.83)."""
    hidden, tags = hide_tags(text)
    text = show_tags(nest_quotes(hidden, 1 if quoted else 0), tags)
    if quoted:
        return [Run("“"), *markup_runs(text), Run("”")]
    return markup_runs(text, Run("", italic=not _CJK.search(text)))
