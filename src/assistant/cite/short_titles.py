"""Short titles (CMOS 18 14.30) for items without a `title-short`.

What a careful editor does: take the main title (no subtitle, no initial A, An or The, no
trailing dates: `short_title_dates`), keep it whole when it is short, and otherwise keep its
head phrase, the words before the first phrase that could be dropped (a prepositional phrase,
a second conjunct, a participle clause), choosing the longest such phrase of at most four
words. The cut never leaves a function word, an adjective or an announcing abbreviation
("no.") hanging at the end, never splits a word group (a quotation, a date, a name with its
title of office, a Romance compound or postposed adjective: `short_title_units`), and is made
with the title's own language's function words (Russian in Cyrillic and transliteration,
German, French, Spanish, Italian, Portuguese, Pinyin); a question keeps its verb (never
"Weishenme women", two words of a question). Articles, in every language, are not counted
toward the four words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.cite.richtext import hide_tags, show_tags
from assistant.cite.short_title_dates import without_dates
from assistant.cite.short_title_units import (
    ROMANCE,
    join_units,
    office_word,
    show_units,
    split_unit,
    unclosed_quotation,
)
from assistant.cite.short_title_words import (
    ARTICLES,
    DROPPED_ARTICLES,
    FUNCTION_WORDS,
    LINKS,
    adjective,
    german_adjective,
)
from assistant.cite.titles import record_period
from assistant.cite.typography import words

_SUBTITLE = re.compile(r"\s*[:：]\s|(?<=[?!])\s+(?=[A-Z“‘\"'])|[：]")
# An em dash before a capital sets off a subtitle too ("Crisis in Asia—An Examination of
# U.S. Policy"), as a colon does.
_DASH_SUBTITLE = re.compile(r"\s*—\s*(?=[A-Z])")
_ANNOUNCING = words(
    "no. nos. vol. vols. pt. pts. ch. chap. sec. art. p. pp. fol. ff. nr. t. str. ed. eds. g. gg."
)
_HIDDEN_TAGS = re.compile("[\ue100-\ue1ff]")
_MOST_WORDS = 40


def derive_short_title(title: str, language: str = "en", author_names: Sequence[str] = ()) -> str:
    """Chicago's short title of `title` (CMOS 14.30), in `language` (an ISO 639-1 code).

    `author_names` are the surnames the short note prints before the title: words naming them
    again ("Selected Works of Mao Tse-tung" by Mao) are no key words of a longer title."""
    hidden, tags = hide_tags(title)
    main = _SUBTITLE.split(hidden, maxsplit=1)[0].rstrip(": ")
    head = _DASH_SUBTITLE.split(main, maxsplit=1)[0]
    # (Two dashes set off a parenthesis, "The War—and Peace—in Korea", not a subtitle.)
    if head != main and main.count("—") == 1 and _counted(head.split(), "en") >= 1:
        main = head
    tokens = main.split()
    # The article goes, not a quotation mark before it ("“The Long Telegram”" stays whole).
    if (
        len(tokens) > 1
        and tokens[0][:1].isalpha()
        and _bare(tokens[0]) in DROPPED_ARTICLES.get(language, ())
    ):
        tokens = tokens[1:]
    function_words = FUNCTION_WORDS.get(language, frozenset())
    tokens = without_dates(tokens, function_words)
    if tokens:
        # A short title comes from the head of the title: past its first forty words nothing
        # changes the choice, and the search stays bounded for any length.
        units = join_units(tokens[:_MOST_WORDS], language, function_words)
        tokens = _choose(units, language, function_words, author_names)
    short = record_period(show_units(" ".join(tokens)).rstrip(",;:"))
    return _balance_tags(show_tags(short, tags))


def subtitle_of(title: str) -> str:
    """The subtitle of `title` ("" when it has none)."""
    parts = _SUBTITLE.split(title, maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _choose(
    tokens: list[str], language: str, function_words: frozenset[str], author_names: Sequence[str]
) -> list[str]:
    # `tokens` are units (short_title_units): a cut falls between them, never inside one.
    n = len(tokens)
    size = _length(tokens, language)
    question = tokens[-1].endswith("?")
    if size > 4 or language != "en":
        tokens = _without_author(tokens, language, function_words, author_names)
        if len(tokens) < n:
            return tokens
    # Four words or fewer are not shortened (14.30), nor is a question of up to seven.
    if size <= 4 or (question and size <= 7):
        return tokens
    # A question keeps its verb: at least four words ("Was 1968 a Strategic Watershed").
    least = 4 if question else 1
    ends = [
        k
        for k in range(1, n)
        if _counted(tokens[:k], language) >= least
        and _phrase_ends(tokens, k, language, function_words)
    ]
    ends = [k for k in ends if _can_end(tokens[:k], language, function_words)]
    # An appositive after a comma restates the head ("Imperialism, the Highest Stage of
    # Capitalism"): the head alone is the short title.
    series = any(_bare(w) in _SERIES_CONJUNCTIONS for unit in tokens for w in split_unit(unit))
    apposed = [k for k in ends if not series and _apposition_at(tokens, k, language)]
    if apposed and size > 5:
        return tokens[: min(apposed)]
    # The longest head phrase of at most four words that says something (two key words) ...
    said = [
        k
        for k in ends
        if _length(tokens[:k], language) <= 4
        and _key_words(tokens[:k], language, function_words) >= 2
    ]
    if said:
        head = max(said)
        if _generic_head(tokens, head, language):
            # ... with the phrase that follows when the head only names an era, a war, a
            # state or a genre ("Cold War | in the Middle East", "United States | and the
            # Origins"): such a head names many works, not this one.
            later = [k for k in ends if k > head and _counted(tokens[:k], language) <= 5]
            if later:
                return tokens[: min(later)]
            if size <= 6 or _counted(tokens, language) <= 5:
                return tokens
        elif size > 5 or (language == "en" and _clause_or_conjunct_at(tokens, head)):
            # A head that names the work's own subject is enough, and in a title of five
            # words too when what follows is a relative clause or a second subject of its
            # own ("Window of Vulnerability | That Wasn't", "Nuclear Alerts | and Crisis
            # Management").
            return tokens[:head]
    # Five words stay whole otherwise (an editor keeps "History of American Foreign
    # Policy").
    if size <= 5:
        return tokens
    # ... else a one-word head with the phrase it governs, if that is four words at most
    # ("Impact of the Korean War") ...
    counted = [
        k
        for k in ends
        if k > 1
        and _counted(tokens[:k], language) <= 4
        and _key_words(tokens[:k], language, function_words) >= 2
    ]
    if counted:
        return tokens[: min(counted)]
    # ... else, for a long title, its first four words when they make a unit ("Doklad o
    # boevykh deistviiakh"); a title of up to seven words without a usable cut stays whole.
    if size <= 7 and language == "en":
        return _object_of_gerund(tokens, function_words) or tokens
    first = _first_words(tokens, 4, language, function_words) or _completed_noun_phrase(
        tokens, language, function_words
    )
    if first:
        return first
    # Else a phrase of four words at most, initials not counted ("Zapis' besedy I. V.
    # Stalina"), then three or two first words, then a cut inside a name: a short title is
    # four words at most (14.30).
    within = [k for k in ends if _counted(tokens[:k], language) - _initials(tokens[:k]) <= 4]
    if within:
        return tokens[: max(within)]
    for names_whole in (True, False):
        for count in (3, 2) if names_whole else (4, 3, 2):
            first = _first_words(tokens, count, language, function_words, names_whole)
            if first:
                return first
    if ends:
        return tokens[: min(ends)]
    return tokens if size <= 7 else _trim(tokens[:4], function_words)


# Head nouns that name only a general era or war, a state, a genre or a relation: a head
# phrase ending on one ("Cold War", "Korean War", "Soviet Union", "United States", "Nation
# Building") is shared by many works and does not identify this one (14.30 keeps
# the key words that do), so it keeps the phrase after it.
_GENERIC_HEAD_NOUNS = words("war wars union states building")


_RELATIVES = words("that which who whom whose")


def _clause_or_conjunct_at(tokens: list[str], k: int) -> bool:
    """Whether unit `k` opens a relative clause, or an "and" joining a second noun phrase
    of two key words with no article ("and Crisis Management", not "and the Shah")."""
    after = [w for unit in tokens[k:] for w in split_unit(unit)]
    if _bare(after[0]) in _RELATIVES:
        return True
    rest = after[1:]
    return (
        _bare(after[0]) == "and"
        and len(rest) >= 2
        and not any(_bare(w) in FUNCTION_WORDS["en"] for w in rest)
    )


def _generic_head(tokens: list[str], k: int, language: str) -> bool:
    """Whether the head phrase `tokens[:k]` needs the phrase after it: its noun is generic,
    or the definite article before it points to the "of" after it ("Rethinking the Role |
    of Ideology")."""
    if language != "en":
        return False
    flat = [w for unit in tokens[:k] for w in split_unit(unit)]
    if _bare(flat[-1]) in _GENERIC_HEAD_NOUNS:
        return True
    return len(flat) >= 2 and _bare(flat[-2]) == "the" and _bare(_first(tokens[k])) == "of"


# A comma before "and" or "or" later in the title makes a series ("CIA, the British Left,
# and the Cold War"), not an apposition.
_SERIES_CONJUNCTIONS = words("and or und et y e ou o и")


def _apposition_at(tokens: list[str], k: int, language: str) -> bool:
    """Whether a comma before unit `k` sets off a noun phrase its article opens."""
    return tokens[k - 1].endswith(",") and _bare(_first(tokens[k])) in ARTICLES.get(language, ())


def _object_of_gerund(tokens: list[str], function_words: frozenset[str]) -> list[str]:
    """The key words of a title too long to keep whole whose head is a gerund and its "of"
    ("Making of an Atlantic Ruling Class" -> "Atlantic Ruling Class"): the noun phrase the
    gerund governs, when it is two to four words with no function word."""
    if len(tokens) < 2 or not (_participle(tokens[0]) and _bare(tokens[1]) == "of"):
        return []
    rest = tokens[2:]
    if rest and _bare(rest[0]) in ARTICLES["en"]:
        rest = rest[1:]
    if not 2 <= len(rest) <= 4 or any(_bare(w) in function_words for w in rest):
        return []
    return rest if _can_end(rest, "en", function_words) else []


def _phrase_ends(tokens: list[str], k: int, language: str, function_words: frozenset[str]) -> bool:
    """Whether a phrase can end after the first `k` units: before a preposition, conjunction
    or article (or an English participle), or after a comma, semicolon or parenthesis."""
    after = _first(tokens[k])
    if tokens[k - 1][-1:] in ",;)":
        return True
    if (
        language == "en"
        and k >= 2
        and _bare(_last(tokens[k - 2])) == "to"
        and _bare(after) in _OBJECT_OPENERS
    ):
        # "Decision to Enter | the Korean War": an infinitive is not cut from its object.
        return False
    if _bare(after) in function_words:
        return True
    # A participle inside a noun phrase an article opened is its adjective ("an Atlantic
    # Ruling Class"), not the start of a clause ("Stalin Meeting Mao").
    return language == "en" and _participle(after) and not _inside_noun_phrase(tokens, k)


_OBJECT_OPENERS = words("a an the his her its their our this that these those")


def _inside_noun_phrase(tokens: list[str], k: int) -> bool:
    """Whether the word at `k` follows an article with no other function word between."""
    for word in reversed([w for unit in tokens[:k] for w in split_unit(unit)]):
        bare = _bare(word)
        if bare in ARTICLES["en"]:
            return True
        if bare in FUNCTION_WORDS["en"] or word[-1:] in ",;:":
            return False
    return False


def _can_end(phrase: list[str], language: str, function_words: frozenset[str]) -> bool:
    last = _bare(_last(phrase[-1]))
    if last in function_words or _announcing(phrase[-1]) or unclosed_quotation(phrase):
        return False
    if language == "de" and german_adjective(_last(phrase[-1])):
        return False
    return not adjective(last, language)


def _key_words(phrase: list[str], language: str, function_words: frozenset[str]) -> int:
    """How many words of `phrase` carry meaning. In Pinyin a run of capitalized syllables is
    one name ("Zhou Enlai"), so one key word: a name alone says nothing of a record."""
    keys = [
        word for unit in phrase for word in split_unit(unit) if _bare(word) not in function_words
    ]
    if language == "zh":
        return sum(
            not (unit[:1].isupper() and index and keys[index - 1][:1].isupper())
            for index, unit in enumerate(keys)
        )
    return len(keys)


def _length(phrase: list[str], language: str) -> int:
    """How many words `phrase` has, an initial article not counted (an English title has
    lost its own, and a foreign one kept stands for it: "Die Legende von der verpaßten
    Gelegenheit" is as long as "Legend of the Missed Opportunity")."""
    total = sum(len(split_unit(unit)) for unit in phrase)
    if phrase and _bare(_first(phrase[0])) in ARTICLES.get(language, ()):
        total -= 1
    return total


def _counted(phrase: list[str], language: str) -> int:
    """The words of `phrase` a short title's length counts: not its articles (14.30), nor the
    "de" that links a Romance compound ("rideau de fer")."""
    articles = ARTICLES.get(language, frozenset())
    total = 0
    for unit in phrase:
        parts = split_unit(unit)
        for index, word in enumerate(parts):
            bare = _bare(word)
            if bare in articles:
                continue
            if language in ROMANCE and bare in LINKS and 0 < index < len(parts) - 1:
                continue
            total += 1
    return total


def _initials(phrase: list[str]) -> int:
    return sum(bool(re.fullmatch(r"[A-ZА-Я]\.", w)) for unit in phrase for w in split_unit(unit))


def _announcing(unit: str) -> bool:
    """Whether `unit` is an abbreviation announcing a number ("no.", "vol."); the "g." that
    closes a date ("12 noiabria 1940 g.") is the year's own."""
    return _bare(unit) in _ANNOUNCING


def _first(unit: str) -> str:
    return split_unit(unit)[0]


def _last(unit: str) -> str:
    return split_unit(unit)[-1]


def _first_words(
    tokens: list[str],
    count: int,
    language: str,
    function_words: frozenset[str],
    names_whole: bool = True,
) -> list[str]:
    """The first `count` words, to the end of the unit the last of them is in, when they end
    a unit: never inside a quotation or a name (a capitalized word followed by another in a
    sentence-case title), an announcing abbreviation taking its number along ("Vypiska iz
    protokola no. 78")."""
    # Articles are not counted (they belong to the phrase they open): "Records of the Warsaw
    # Pact" is four words, and a cut after "Warsaw" would split its name.
    taken = 0
    while taken < len(tokens) and _counted(tokens[:taken], language) < count:
        taken += 1
    phrase = tokens[:taken]
    if _announcing(phrase[-1]) and len(tokens) > taken:
        phrase = tokens[: taken + 1]
    if unclosed_quotation(phrase) or not _can_end_unit(phrase, language, function_words):
        return []
    if names_whole and len(tokens) > len(phrase) and language != "en":
        following = tokens[len(phrase)]
        if _last(phrase[-1])[:1].isupper() and following[:1].isupper():
            return []
    if (
        len(tokens) > len(phrase)
        and office_word(phrase[-1])
        and _bare(_first(tokens[len(phrase)])) not in function_words
    ):
        # "Pis'mo posla Paniushkina ministru | inostrannykh del Vyshinskomu": a title of
        # office is not cut from the words that lead to its holder's name (14.30).
        return []
    return phrase


def _completed_noun_phrase(
    tokens: list[str], language: str, function_words: frozenset[str]
) -> list[str]:
    """The first four words and the noun they end before, when the fourth is an adjective
    ("Akten zur deutschen auswärtigen | Politik", "Records of the Soviet Military |
    Administration"): the limit of four words yields to the noun phrase, which a cut may not
    break (14.30)."""
    taken = 0
    while taken < len(tokens) and _counted(tokens[:taken], language) < 4:
        taken += 1
    if taken >= len(tokens) or not _ends_on_adjective(tokens[:taken], language):
        return []
    phrase = tokens[: taken + 1]
    if not _can_end_unit(phrase, language, function_words) or unclosed_quotation(phrase):
        return []
    if taken + 1 < len(tokens) and not _phrase_ends(tokens, taken + 1, language, function_words):
        return []
    return phrase


def _ends_on_adjective(phrase: list[str], language: str) -> bool:
    last = _last(phrase[-1])
    return (language == "de" and german_adjective(last)) or adjective(_bare(last), language)


def _can_end_unit(phrase: list[str], language: str, function_words: frozenset[str]) -> bool:
    last = _bare(_last(phrase[-1]))
    if _announcing(phrase[-1]):
        return False
    if (
        any(ch.isdigit() for ch in last)
        and len(phrase) > 1
        and _bare(_last(phrase[-2])) in _ANNOUNCING
    ):
        return True
    return _can_end(phrase, language, function_words)


def _trim(phrase: list[str], function_words: frozenset[str]) -> list[str]:
    while len(phrase) > 1 and (
        _bare(_last(phrase[-1])) in function_words or _announcing(phrase[-1])
    ):
        phrase = phrase[:-1]
    return phrase


# Particles inside a personal name ("ʻAbd al-Laṭīf", "Charles de Gaulle") and the words
# that put a name after the noun it depends on ("Memoirs of", "Mémoires de").
_NAME_PARTICLES = words(
    "al el ibn bin bint abu ben de del della di da du des dos van von der den ten ter la le"
)
_NAME_CONNECTORS = words("of de du des da do dos das di del della von van")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash|ath|adh)-", re.IGNORECASE)
_NOT_CASED = re.compile(r"^[^\w]*|^[ʻʼʿʾ’‘]+")


def _name_key(word: str) -> str:
    """A name's word to compare: no quotation marks, ʻayn or Arabic article ("al-Baghdādī",
    "Baghdādī" -> "baghdādī")."""
    bare = _bare(word).lstrip("ʻʼʿʾ’‘").removesuffix("’s").removesuffix("'s")
    return _ARABIC_ARTICLE.sub("", bare)


def _name_like(word: str) -> bool:
    plain = _HIDDEN_TAGS.sub("", word).strip(",;“”‘’\"'")
    if plain.lower() in _NAME_PARTICLES:
        return True
    plain = _ARABIC_ARTICLE.sub("", plain)
    cased = [ch for ch in plain if ch.isupper() or ch.islower()]
    return bool(cased) and cased[0].isupper()


def _without_author(
    tokens: list[str], language: str, function_words: frozenset[str], author_names: Sequence[str]
) -> list[str]:
    """A title that ends on its author's own name loses it, the note names him ("Selected
    Works of Mao Tse-tung" by Mao: "Selected Works"; "Mudhakkirāt ʻAbd al-Laṭīf
    al-Baghdādī" by al-Baghdādī: "Mudhakkirāt"). The name is the run of capitalized words
    (and particles) at the end; an English one follows its "of"."""
    surnames = {_name_key(name.split()[-1]) for name in author_names if name.strip()}
    if not surnames:
        return tokens
    start = len(tokens)
    while start > 1 and _name_like(tokens[start - 1]) and "," not in tokens[start - 1][:-1]:
        start -= 1
    name = [w for unit in tokens[start:] for w in split_unit(unit)]
    keys = {_name_key(w) for w in name} | {_name_key(w).split("-")[0] for w in name}
    # A possessive makes the name an attribute of the words after it ("Kim Il Sung's
    # Juche Ideology"): the title then does not end on the name.
    possessive = any(_bare(w).endswith(("’s", "'s")) for w in name)
    if start >= len(tokens) or possessive or not keys & surnames:
        return tokens
    # Particles at the run's head connect it ("de Fidel Castro"): they go with it.
    while start < len(tokens) and _bare(tokens[start]) in _NAME_PARTICLES:
        start += 1
    rest = tokens[:start]
    connected = bool(rest) and _bare(_last(rest[-1])) in _NAME_CONNECTORS
    if language == "en" and not connected:
        return tokens
    rest = _trim(rest, function_words | _NAME_CONNECTORS)
    if not rest or _key_words(rest, language, function_words | _NAME_CONNECTORS) < 1:
        return tokens
    if language == "en" and not _can_end(rest, language, function_words):
        return tokens
    return rest


def _participle(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 5 and bare.endswith("ing") and word[:1].isupper()


def _bare(word: str) -> str:
    return _HIDDEN_TAGS.sub("", word).lower().strip(",;“”‘’\"'")


def _balance_tags(text: str) -> str:
    """Close any markup a cut left open ("<i>Pueblo Crisis" -> "<i>Pueblo Crisis</i>")."""
    if "<" not in text:
        return text
    for tag in ("i", "b", "sup", "sub", "span"):
        opened = len(re.findall(rf"<{tag}[\s>]", text))
        closed = text.count(f"</{tag}>")
        text += f"</{tag}>" * max(0, opened - closed)
    return text
