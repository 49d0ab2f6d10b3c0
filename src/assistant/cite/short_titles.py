"""Short titles (CMOS 18 14.30) for items without a `title-short`.

What a careful editor does: take the main title (no subtitle, no initial A, An or The, no
trailing dates), keep it whole when it is short, and otherwise keep its head phrase, the words
before the first phrase that could be dropped (a prepositional phrase, a second conjunct, a
participle clause), choosing the longest such phrase of at most four words. The cut never
leaves a function word, an adjective or an announcing abbreviation ("no.") hanging at the end,
never splits a quotation, and is made with the title's own language's function words (Russian
in Cyrillic and transliteration, German, French, Spanish, Italian, Pinyin); a question keeps
its verb (never "Weishenme women", two words of a question).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.cite.richtext import hide_tags, show_tags
from assistant.cite.typography import STOP_WORDS, words

# Words a short title must not end on, by language (CMOS 14.30: no article, preposition or
# conjunction left hanging); a cut is made before them. Unknown languages use none.
FUNCTION_WORDS = {
    "en": STOP_WORDS | words("vs. v. versus toward towards"),
    # Russian in Cyrillic and in Library of Congress transliteration.
    "ru": words(
        "и в во на с со о об обо к ко по за из от до для без при через а но или ни у над под"
        " перед между про i v vo na s so o ob obo k ko po za iz ot do dlia bez pri cherez a"
        " no ili ni u nad pod pered mezhdu pro"
    ),
    # Pinyin particles, prepositions and conjunctions.
    "zh": words("de yu he ji zai dui guanyu yi zhi ba bei cong xiang gen tong huo"),
    "fr": words(
        "le la les l un une des de du d et ou à au aux en pour sur dans par avec sans sous"
        " entre vers contre chez"
    ),
    "de": words(
        "der die das des dem den ein eine einer eines einem einen und oder in im von vom zu"
        " zur zum mit für auf über unter nach bei aus an am gegen zwischen durch um"
    ),
    "es": words("el la los las un una de del y e o u en con por para a al sin sobre entre"),
    "it": words(
        "il lo la i gli le un una di del della dei delle e o in con per a da su tra fra nel"
        " nella al alla"
    ),
}
_ARTICLES = {"en": words("a an the")}
# Articles are part of the phrase they open, so they do not count toward the four words.
_UNCOUNTED = words("a an the")
_SUBTITLE = re.compile(r"\s*[:：]\s|(?<=[?!])\s+(?=[A-Z“‘\"'])|[：]")
_YEARS = re.compile(r"^\(?(?:1\d{3}|20\d{2})(?:[–-]\d{2,4})?\)?[.,;]?$")
_ANNOUNCING = words(
    "no. nos. vol. vols. pt. pts. ch. chap. sec. art. p. pp. fol. ff. nr. t. str. ed. eds. g. gg."
)
# English adjectives a phrase cannot end on ("Discrepancy between the Russian", "Mao and the
# Sino-Soviet"): peoples and places, and the suffixes only adjectives carry.
_ADJECTIVES = words(
    "soviet communist socialist nationalist capitalist imperialist fascist marxist leninist"
    " stalinist maoist french dutch greek thai swiss irish welsh scottish british polish danish"
    " swedish finnish turkish spanish english jewish civil foreign domestic international"
    " national global regional military political economic social cultural diplomatic"
    " strategic nuclear atomic new old great early late first second third last final"
    " northern southern eastern western central"
)
_ADJECTIVE_ENDINGS = ("ese", "ean", "ical", "ous", "ful", "less", "ible", "able")
_NOUNS_IN_IAN = words("historian civilian guardian politician librarian musician physician")
_RUSSIAN_ADJECTIVE = re.compile(
    r"(skii|skaia|skoe|skie|skoi|skogo|skikh|nyi|naia|nye|nogo|nykh|nyi|nii|niaia|ovoi|evoi"
    r"|ский|ская|ское|ские|ской|ского|ских|ный|ная|ные|ного|ных|ний|няя)$"
)
_YEAR_WORDS = words("g. gg. г. гг.")
_HIDDEN_TAGS = re.compile("[\ue100-\ue1ff]")


def derive_short_title(title: str, language: str = "en", author_names: Sequence[str] = ()) -> str:
    """Chicago's short title of `title` (CMOS 14.30), in `language` (an ISO 639-1 code).

    `author_names` are the surnames the short note prints before the title: words naming them
    again ("Selected Works of Mao Tse-tung" by Mao) are no key words of a longer title."""
    hidden, tags = hide_tags(title)
    main = _SUBTITLE.split(hidden, maxsplit=1)[0].rstrip(": ")
    tokens = main.split()
    # The article goes, not a quotation mark before it ("“The Long Telegram”" stays whole).
    if (
        len(tokens) > 1
        and tokens[0][:1].isalpha()
        and _bare(tokens[0]) in _ARTICLES.get(language, ())
    ):
        tokens = tokens[1:]
    function_words = FUNCTION_WORDS.get(language, frozenset())
    tokens = _without_dates(tokens, function_words)
    if tokens:
        tokens = _choose(tokens, language, function_words, author_names)
    return _balance_tags(show_tags(" ".join(tokens).rstrip(",;:"), tags))


def subtitle_of(title: str) -> str:
    """The subtitle of `title` ("" when it has none)."""
    parts = _SUBTITLE.split(title, maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _choose(
    tokens: list[str], language: str, function_words: frozenset[str], author_names: Sequence[str]
) -> list[str]:
    n = len(tokens)
    question = tokens[-1].endswith("?")
    if n > 4 and language == "en":
        tokens = _without_author(tokens, author_names)
        if len(tokens) < n:
            return tokens
    # Four words or fewer are not shortened (14.30); five words stay whole as well (an editor
    # keeps "Korean War in World History"), and so does a question of up to seven.
    if n <= 5 or (question and n <= 7):
        return tokens
    # A question keeps its verb: at least four words ("Was 1968 a Strategic Watershed").
    least = 4 if question else 1
    ends = [k for k in range(least, n) if _phrase_ends(tokens, k, language, function_words)]
    ends = [k for k in ends if _can_end(tokens[:k], language, function_words)]
    # The longest head phrase of at most four words that says something (two key words) ...
    said = [k for k in ends if k <= 4 and _key_words(tokens[:k], function_words) >= 2]
    if said:
        return tokens[: max(said)]
    # ... else a one-word head with the phrase it governs, if that is four words at most
    # ("Impact of the Korean War") ...
    counted = [
        k
        for k in ends
        if k > 1 and _counted(tokens[:k]) <= 4 and _key_words(tokens[:k], function_words) >= 2
    ]
    if counted:
        return tokens[: min(counted)]
    # ... else, for a long title, its first four words when they make a unit ("Doklad o
    # boevykh deistviiakh"); a title of up to seven words without a usable cut stays whole.
    if n <= 7 and language == "en":
        return tokens
    first = _first_words(tokens, 4, language, function_words)
    if first:
        return first
    if ends:
        return tokens[: min(ends)]
    return tokens if n <= 7 else _trim(tokens[:4], function_words)


def _phrase_ends(tokens: list[str], k: int, language: str, function_words: frozenset[str]) -> bool:
    """Whether a phrase can end after the first `k` words: before a preposition, conjunction
    or article (or an English participle), or after a comma, semicolon or parenthesis."""
    after = tokens[k]
    if tokens[k - 1][-1:] in ",;)":
        return True
    if _bare(after) in function_words:
        return True
    return language == "en" and _participle(after)


def _can_end(phrase: list[str], language: str, function_words: frozenset[str]) -> bool:
    last = _bare(phrase[-1])
    if last in function_words or last in _ANNOUNCING or _open_quotes(" ".join(phrase)):
        return False
    return not _adjective(last, language)


def _adjective(word: str, language: str) -> bool:
    word = word.rstrip(".,;:")
    if language == "ru":
        return bool(_RUSSIAN_ADJECTIVE.search(word))
    if language != "en" or (not word.isalpha() and "-" not in word):
        return False
    if "-" in word:
        # "Sino-Soviet", "Soviet-American", "anti-Communist": compounds of adjectives.
        return _adjective(word.rsplit("-", 1)[1], language) or word.startswith("sino-")
    if word in _ADJECTIVES:
        return True
    if word.endswith("ian") and word not in _NOUNS_IN_IAN:
        return True
    return word.endswith(_ADJECTIVE_ENDINGS)


def _key_words(phrase: list[str], function_words: frozenset[str]) -> int:
    return sum(_bare(w) not in function_words for w in phrase)


def _counted(phrase: list[str]) -> int:
    return sum(_bare(w) not in _UNCOUNTED for w in phrase)


def _first_words(
    tokens: list[str], count: int, language: str, function_words: frozenset[str]
) -> list[str]:
    """The first `count` words when they end a unit: never inside a quotation or a name (a
    capitalized word followed by another in a sentence-case title), an announcing abbreviation
    taking its number along ("Vypiska iz protokola no. 78")."""
    phrase = tokens[:count]
    if _bare(phrase[-1]) in _ANNOUNCING and len(tokens) > count:
        phrase = tokens[: count + 1]
    if _open_quotes(" ".join(phrase)) or not _can_end_unit(phrase, language, function_words):
        return []
    if len(tokens) > len(phrase) and language != "en":
        following = tokens[len(phrase)]
        if phrase[-1][:1].isupper() and following[:1].isupper():
            return []
    return phrase


def _can_end_unit(phrase: list[str], language: str, function_words: frozenset[str]) -> bool:
    last = _bare(phrase[-1])
    if last in _ANNOUNCING:
        return False
    if any(ch.isdigit() for ch in last) and len(phrase) > 1 and _bare(phrase[-2]) in _ANNOUNCING:
        return True
    return _can_end(phrase, language, function_words)


def _trim(phrase: list[str], function_words: frozenset[str]) -> list[str]:
    while len(phrase) > 1 and (
        _bare(phrase[-1]) in function_words or _bare(phrase[-1]) in _ANNOUNCING
    ):
        phrase = phrase[:-1]
    return phrase


def _without_author(tokens: list[str], author_names: Sequence[str]) -> list[str]:
    """ "Selected Works of Mao Tse-tung" by Mao: "Selected Works" (the note names him)."""
    surnames = {name.casefold() for name in author_names if name}
    if not surnames:
        return tokens
    for index in range(len(tokens) - 1, 1, -1):
        if _bare(tokens[index]) == "of":
            rest = {_bare(w).split("-")[0] for w in tokens[index + 1 :]}
            if rest & surnames:
                return tokens[:index]
            break
    return tokens


def _without_dates(tokens: list[str], function_words: frozenset[str]) -> list[str]:
    """A trailing year or span of years is not a key word: "Memoirs, 1925–1950" -> "Memoirs",
    "Border Clash of 1969" -> "Border Clash". A number that is not set off ("Voina 421") stays."""
    # ", 1950–1953 gg." (Russian gody): the years and their abbreviation go together.
    if (
        len(tokens) > 3
        and tokens[-1] in _YEAR_WORDS
        and tokens[-3].endswith(",")
        and _YEARS.match(tokens[-2])
    ):
        return [*tokens[:-3], tokens[-3].rstrip(",")]
    if len(tokens) < 2 or not _YEARS.match(tokens[-1]):
        return tokens
    before = tokens[:-1]
    if before[-1].endswith(","):
        return [*before[:-1], before[-1].rstrip(",")]
    if _bare(before[-1]) in function_words and len(before) > 1:
        return before[:-1]
    if tokens[-1].startswith("("):
        return before
    return tokens


def _participle(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 5 and bare.endswith("ing") and word[:1].isupper()


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
