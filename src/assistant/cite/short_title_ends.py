"""Where a short title may end and how its words count (CMOS 18 14.30): never on a function
word, an adjective, a possessive or an announcing abbreviation, never inside a noun phrase an
acronym or a modifier opens; at most four counted words, articles not counted; and the
author's own name, which the note already gives, dropped from the title (`short_titles`
chooses the cut)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.cite.short_title_dates import date_spans
from assistant.cite.short_title_phrases import (
    FINITE,
    PREPOSITIONS,
    pair_end,
    participle,
    phrase_ends,
)
from assistant.cite.short_title_units import (
    ROMANCE,
    contraction,
    office_word,
    split_unit,
    unclosed_quotation,
)
from assistant.cite.short_title_words import (
    ARTICLES,
    FUNCTION_WORDS,
    HIDDEN_TAGS,
    LINKS,
    adjective,
    german_adjective,
)
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.typography import words

_ANNOUNCING = words(
    "no. nos. vol. vols. pt. pts. ch. chap. sec. art. p. pp. fol. ff. nr. t. str. ed. eds. g. gg."
)
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,}(?:\([a-zа-яё]\))?")  # "ЦК", "КПСС", "ВКП(б)"


# A preposition fused with its article is two words as a title's length counts them, as
# English "in the" is ("im Spiegel der SED-Presse" is "in the mirror of the SED press").
CONTRACTED_ARTICLES = {
    "de": words("im am zum zur vom beim ins ans aufs"),
    "it": words("del dello della dei degli delle nel nello nella nei negli nelle al allo alla"
                " ai agli alle dal dallo dalla dai dagli dalle sul sullo sulla sui sugli sulle"),
    "fr": words("du au aux"),
    "es": words("del al"),
    "pt": words("do da dos das no na nos nas ao aos pelo pela pelos pelas"),
}  # fmt: skip
_WHOLE_WITHOUT_CUT = frozenset({"en", "zh", "hu", "ko"})


def _can_end(phrase: list[str], language: str, function_words: frozenset[str]) -> bool:
    last = _bare(_last(phrase[-1]))
    if last in function_words or _announcing(phrase[-1]) or unclosed_quotation(phrase):
        return False
    if language == "en" and last.replace("'", "’") in FINITE:
        return False  # "Olafur Eliasson Is": half a clause
    if language == "en" and _possessive(phrase):
        return False  # "Origins of the United States’": a possessive's noun goes with it
    if language == "de" and german_adjective(_last(phrase[-1])):
        return False
    if last in _OPENS_COMPLEMENT.get(language, ()):
        return False  # "Règlement n° 25 relatif | au financement": half a phrase
    return not adjective(last, language)


# Words that only open the complement after them ("relatif à", "face à", "frente a",
# "relativo a"): a short title never ends on one (14.30).
_OPENS_COMPLEMENT = {
    "fr": words(
        "relatif relative relatifs relatives face quant grâce suite conforme portant"
        " concernant visant tendant"
    ),
    "es": words("relativo relativa relativos relativas frente respecto referente conforme"),
    "it": words("relativo relativa relativi relative riguardante circa"),
    "pt": words("relativo relativa relativos relativas frente referente"),
}


def _possessive(phrase: list[str]) -> bool:
    """Whether `phrase` ends on a possessive ("Husák’s", "States’"), not on a quotation's
    closing mark ("the ‘Thaw’")."""
    word = HIDDEN_TAGS.sub("", _last(phrase[-1])).rstrip(",;")
    if contraction(word):
        return False
    if word.endswith(("’s", "'s")):
        return True
    flat = "".join(w for unit in phrase for w in split_unit(unit))
    return word.endswith(("s’", "s'")) and "‘" not in flat and not word.startswith("'")


def _key_words(phrase: list[str], language: str, function_words: frozenset[str]) -> int:
    """How many words of `phrase` carry meaning. In Pinyin a run of capitalized syllables is
    one name ("Zhou Enlai"), so one key word: a name alone says nothing of a record."""
    keys = [
        word
        for unit in phrase
        for word in _words(unit, language)
        if _bare(word) not in function_words
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
    total = sum(len(_words(unit, language)) for unit in phrase)
    contractions = CONTRACTED_ARTICLES.get(language, frozenset())
    total += sum(_bare(w) in contractions for unit in phrase for w in split_unit(unit))
    if phrase and _bare(_first(phrase[0])) in ARTICLES.get(language, ()):
        total -= 1
    return total


def _counted(phrase: list[str], language: str) -> int:
    """The words of `phrase` a short title's length counts: not its articles (14.30), nor the
    "de" that links a Romance compound ("rideau de fer")."""
    articles = ARTICLES.get(language, frozenset())
    total = 0
    for unit in phrase:
        parts = _words(unit, language)
        for index, word in enumerate(parts):
            bare = _bare(word)
            if bare in articles:
                continue
            if language in ROMANCE and bare in LINKS and 0 < index < len(parts) - 1:
                continue
            total += 1
    return total


def _words(unit: str, language: str) -> list[str]:
    """The words of a unit as 14.30 counts them: a Vietnamese unit is one word of several
    syllables (short_title_units)."""
    return [unit] if language == "vi" else split_unit(unit)


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
    # The limit of four words yields to a pair the cut falls in, whose second half is short
    # (14.30: "Report on Coal and Steel Production").
    reach = max(
        (pair_end(tokens, j, language) for j in range(1, min(len(phrase) + 1, len(tokens)))),
        default=0,
    )
    phrase = tokens[: max(reach, len(phrase))]
    if language == "en" and names_whole:
        phrase = tokens[: _name_end(tokens, len(phrase), language) or len(phrase)]
    if unclosed_quotation(phrase) or not _can_end_unit(phrase, language, function_words):
        return []
    if language == "en" and len(tokens) > len(phrase) and _modifies_next(tokens, len(phrase)):
        return []
    if names_whole and len(tokens) > len(phrase) and language != "en":
        following, last = tokens[len(phrase)], _last(phrase[-1])
        # (An acronym after a noun is its genitive, "Президиума | ЦК КПСС": the Presidium
        # of the CC, a cut an English title would make too; not one after an acronym.)
        genitive = _acronym(following) and not _acronym(last)
        if last[:1].isupper() and following[:1].isupper() and not genitive:
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


def _name_end(tokens: list[str], k: int, language: str) -> int:
    """Where the name a cut after `tokens[:k]` falls inside ends (0 when it falls inside
    none): a run of capitalized words after "the", four words at most ("Report by the
    National Security | Council"), that no "of", "for" or "and" carries on. A name is never
    broken, and keeping it whole beats the limit of four words, to six (14.30)."""
    english = FUNCTION_WORDS["en"]

    def named(index: int) -> bool:
        word = _first(tokens[index])
        return word[:1].isupper() and _bare(word) not in english

    if k >= len(tokens) or not named(k) or not named(k - 1) or tokens[k - 1][-1:] in ",;:":
        return 0
    start = k - 1
    while start > 0 and named(start - 1) and tokens[start - 1][-1:] not in ",;:":
        start -= 1
    if start == 0 or _bare(_last(tokens[start - 1])) != "the":
        return 0
    end = k
    while end < len(tokens) and named(end) and tokens[end - 1][-1:] not in ",;:":
        end += 1
    if end < len(tokens) and _bare(_first(tokens[end])) in ("of", "for", "and"):
        # The name runs on ("the Berlin Wall Committee of Inquiry"): it cannot be kept
        # whole, and the cut falls where it did.
        return 0
    return end if end - start <= 4 and _counted(tokens[:end], language) <= 6 else 0


def _modifies_next(tokens: list[str], k: int) -> bool:
    """Whether a cut after `tokens[:k]` falls inside a noun phrase an English acronym or a
    date opens ("the CPSU CC | Politburo Meeting", "the NSC Planning | Board"): the acronym
    modifies the words to the phrase's noun, and the cut would break the phrase (14.30)."""
    following = _first(tokens[k])
    if (
        tokens[k - 1].endswith((",", ";"))
        or not following[:1].isupper()
        or _bare(following) in FUNCTION_WORDS["en"]
    ):
        return False
    flat = [w for unit in tokens[:k] for w in split_unit(unit)]
    spans = date_spans(flat)
    if re.fullmatch(r"\d{1,4}", HIDDEN_TAGS.sub("", flat[-1])) or (
        spans and spans[-1][1] == len(flat) - 1
    ):
        # So does a date or number before the noun ("the June 12 | Rally", "the 4 July |
        # Assembly", "the 1948 | Campaign").
        return True
    start = k - 1
    while start > 0 and not (
        _bare(_last(tokens[start - 1])) in FUNCTION_WORDS["en"]
        or tokens[start - 1].endswith((",", ";"))
    ):
        start -= 1
    return _acronym(_first(tokens[start])) and k - start <= 3


def _acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(HIDDEN_TAGS.sub("", word).strip(",;“”‘’\"'«»")))


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
    if taken >= len(tokens):
        return []
    if language == "en" and _modifies_next(tokens, taken):
        # An acronym modifies the words to the noun phrase's end, three at most.
        later = [
            k
            for k in range(taken + 1, min(taken + 4, len(tokens) + 1))
            if k == len(tokens) or phrase_ends(tokens, k, language, function_words)
        ]
        if not later:
            return []
        taken = min(later) - 1
    elif not _ends_on_adjective(tokens[:taken], language):
        return []
    phrase = tokens[: taken + 1]
    if not _can_end_unit(phrase, language, function_words) or unclosed_quotation(phrase):
        return []
    if taken + 1 < len(tokens) and not phrase_ends(tokens, taken + 1, language, function_words):
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
    plain = HIDDEN_TAGS.sub("", word).strip(",;“”‘’\"'")
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
    # (A body's name of three words or more is no person's: its last word, "Savez komunista
    # Jugoslavije", is no surname; _without_corporate_author looks for the whole name.)
    surnames = {_name_key(name.split()[-1]) for name in author_names if 0 < len(name.split()) < 3}
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


def _without_corporate_author(
    tokens: list[str], function_words: frozenset[str], author_names: Sequence[str]
) -> list[str]:
    """A title without the name of the body that wrote it, wherever it stands ("Report of
    the National Bipartisan Commission on Central America" by that commission: "Report"):
    the note names the author, so its name is no key word of the title (14.30). Only a name
    of three words or more is looked for, and the title keeps a key word before it."""
    plain = [_bare(HIDDEN_TAGS.sub("", w)) for w in tokens]
    for name in author_names:
        parts = [_bare(w) for w in name.split()]
        if parts and parts[0] in ARTICLES["en"]:
            parts = parts[1:]
        if len(parts) < 3:
            continue
        for start in range(1, len(plain) - len(parts) + 1):
            if plain[start : start + len(parts)] != parts:
                continue
            before = _trim(tokens[:start], function_words)
            if not before or _bare(before[-1]) in function_words:
                break
            after = tokens[start + len(parts) :]
            if after and _bare(after[0]) not in function_words:
                break
            return [*before[:-1], before[-1].rstrip(",;:"), *after]
    return tokens


def first_of_two_names(
    tokens: list[str], head: int, language: str, function_words: frozenset[str]
) -> int:
    """Where the first of two names joined by "and" that end the title ends, after the
    head and a preposition, four words at most before it ("My Years with Gorbachev | and
    Shevardnadze"); 0 when the title does not end so."""
    n = len(tokens)
    k = n - 2
    if k <= head + 1 or _bare(_first(tokens[k])) != "and" or len(split_unit(tokens[k])) != 1:
        return 0
    if language != "en" or _bare(_first(tokens[head])) not in PREPOSITIONS:
        return 0
    if _bare(_first(tokens[head])) == "between":
        return 0  # "between" governs both names (short_title_clauses.splits_between)
    names = [tokens[k - 1], tokens[n - 1]]
    if not all(_name_like(u) and _bare(u) not in function_words for u in names):
        return 0
    if k != head + 2 or _counted(tokens[:k], language) > 4:
        return 0
    return k


def trailing_prepositional_phrase(
    tokens: list[str], head: int, language: str, function_words: frozenset[str]
) -> bool:
    """Whether a title of five words is a bare noun phrase of three words and a
    prepositional phrase after it ("Japan's Political Revolution | under MacArthur",
    "American Airpower Strategy | in Korea"): the phrase only places the subject the head
    names, and is the first thing a short title drops (14.30). Not "of", which makes the
    head's own complement ("Crisis of Détente in Europe"), nor a head with a function word
    or a gerund, which is no bare noun phrase. A head of two words keeps its phrase ("Red
    Wings over the Yalu", "Soviet Policy in West Africa"): two words say too little."""
    if _counted(tokens[:head], language) < 3:
        return False
    flat = [w for unit in tokens[:head] for w in split_unit(unit)]
    if language != "en":
        # So in other languages, after a place preposition ("Les parachutistes belges
        # interviennent | à Léopoldville", "Zhertvy politicheskogo terrora | v SSSR"); the
        # head's own article is part of it.
        articles = ARTICLES.get(language, frozenset())
        return _bare(_first(tokens[head])) in _PLACE_PREPOSITIONS.get(language, ()) and not any(
            _bare(w) in function_words and _bare(w) not in articles for w in flat
        )
    if _bare(flat[-1]) in HEADLINE_VERBS:
        # A head that ends on its verb is a clause ("Civil Defense Begins | at Home"): the
        # phrase after it is the verb's complement, which the cut keeps.
        return False
    if _bare(_first(tokens[head])) in ("of", "to", "toward", "towards"):
        # ("Policy toward(s) Cyprus": the phrase names the policy's object, as "to" does.)
        return False
    return (
        _bare(_first(tokens[head])) in PREPOSITIONS
        and not any(_bare(w) in function_words for w in flat)
        and not participle(flat[0])
    )


# Verbs in the third person a headline ends its subject on ("Begins", "Comes"), never
# plural nouns.
HEADLINE_VERBS = words(
    "begins ends starts comes goes stays returns meets wins falls rises moves turns looks"
    " lives dies stands runs works breaks fails lands arrives"
)


# Prepositions that place a subject in space or time, not the head's complement ("de",
# "von", "o" make that).
_PLACE_PREPOSITIONS = {
    "fr": words("à au aux en dans sous chez"),
    "de": words("in im an am bei"),
    "es": words("en ante"),
    "it": words("a in nel nella nei"),
    "pt": words("em no na nos nas"),
    "ru": words("v vo в во"),
}


# The Persian ezafe ("-i", "-yi", after a vowel "-ʼi"; LC romanization) ties a noun to the
# modifier after it: "Khāṭirāt-i | Nūr al-Dīn Kiyānūrī" cannot end on it, and modifiers
# joined by "va" after it are one ("istiʻmār-i surkh va siyāh", red and black colonialism).
_EZAFE = re.compile(r"(?<=\w)-(?:y|ʼ|’|')?i$")


def persian_ezafe_end(units: list[str], chosen: list[str], language: str) -> list[str]:
    """`chosen` (a prefix of `units`) with a Persian cut mended (CMOS 11.x, 14.30): never
    between an ezafe's modifiers joined by "va", and never on the ezafe itself, which goes
    with the words it ties on (a short title names the head noun)."""
    if language != "fa" or not chosen:
        return chosen
    k = len(chosen)
    if (
        k >= 2
        and _EZAFE.search(units[k - 2])
        and k + 1 < len(units)
        and units[k].lower() in ("va", "u")
    ):
        chosen = units[: k + 2]
    last = chosen[-1]
    if _EZAFE.search(last):
        chosen = [*chosen[:-1], _EZAFE.sub("", last)]
    return chosen
