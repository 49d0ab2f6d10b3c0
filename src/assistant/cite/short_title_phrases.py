"""Where a phrase of a title ends, and which cuts would break one (CMOS 18 14.30: a short
title keeps the main title's key words and never breaks a phrase): before a preposition,
conjunction or article, after a comma; never between the halves of a short pair ("Inquiry
into Satellite | and Missile Programs", "From Arab Nationalism | to OPEC"), nor inside a
sentence, an infinitive and its object; an appositive after a comma may go.
"""

from __future__ import annotations

import re

from assistant.cite.short_title_units import split_unit
from assistant.cite.short_title_words import (
    ARTICLES,
    FUNCTION_WORDS,
    GENITIVES,
    HIDDEN_TAGS,
    LEAD_PHRASES,
    NO_CUT_BEFORE,
)
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.typography import words


def _first(unit: str) -> str:
    return split_unit(unit)[0]


def _last(unit: str) -> str:
    return split_unit(unit)[-1]


# Head nouns that name only a general era or war, a state, a genre or a relation: a head
# phrase ending on one ("Cold War", "Korean War", "Soviet Union", "United States", "Nation
# Building") is shared by many works and does not identify this one (14.30 keeps
# the key words that do), so it keeps the phrase after it.
# So does a field many works share, "Human Rights", "Civil Rights": "Human Rights | in the
# World Community" is kept whole, not cut to the field's name.
GENERIC_HEAD_NOUNS = words("war wars union states building rights")


_RELATIVES = words("that which who whom whose")


def clause_or_conjunct_at(tokens: list[str], k: int) -> bool:
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


def relative_clause_start(tokens: list[str]) -> int:
    """The unit that opens the first relative clause after a head of two words or more
    ("Thirteen Days | That Shook the Kremlin"), 0 when there is none. A cut inside the
    clause would end on its pronoun and verb, the object missing ("Thirteen Days That
    Shook"); the head before it is the short title's (14.30). (After a head of one word,
    "Men | Who Ran the War", the clause is what says which men; after a preposition,
    "Lessons from That War", "that" is a demonstrative.)"""
    for k in range(2, len(tokens)):
        if _bare(_first(tokens[k])) in _RELATIVES:
            if _bare(_last(tokens[k - 1])) in FUNCTION_WORDS["en"]:
                return 0
            before = [w for unit in tokens[:k] for w in split_unit(unit)]
            if sum(_bare(w) not in FUNCTION_WORDS["en"] for w in before) >= 2:
                return k
            return 0
    return 0


# A possessive and one noun ("My Years", "Our Time") say whose, not what: as the head of a
# longer title they name no subject of their own.
POSSESSIVES = words("my our his her their its your")


def possessive_head(tokens: list[str], k: int, language: str) -> bool:
    """Whether the head phrase `tokens[:k]` is a possessive and one noun ("My Years | with
    Gorbachev"): it needs the phrase after it (14.30 keeps the key words)."""
    flat = [w for unit in tokens[:k] for w in split_unit(unit)]
    return language == "en" and len(flat) == 2 and _bare(flat[0]) in POSSESSIVES


def generic_head(tokens: list[str], k: int, language: str) -> bool:
    """Whether the head phrase `tokens[:k]` needs the phrase after it: its noun is generic,
    or the definite article before it points to the "of" after it ("Rethinking the Role |
    of Ideology"), or it is a possessive and one noun ("My Years | with Gorbachev")."""
    if language != "en":
        return False
    flat = [w for unit in tokens[:k] for w in split_unit(unit)]
    if _bare(flat[-1]) in GENERIC_HEAD_NOUNS or possessive_head(tokens, k, language):
        return True
    return len(flat) >= 2 and _bare(flat[-2]) == "the" and _bare(_first(tokens[k])) == "of"


# A comma before "and" or "or" later in the title makes a series ("CIA, the British Left,
# and the Cold War"), not an apposition.
SERIES_CONJUNCTIONS = words("and or und et y e ou o и")


def apposition_at(tokens: list[str], k: int, language: str) -> bool:
    """Whether a comma before unit `k` sets off a noun phrase its article opens, or (after
    a head of two words) a noun with the phrase it governs ("Abstract Expressionism, Weapon
    of the Cold War")."""
    if not tokens[k - 1].endswith(","):
        return False
    if _bare(_first(tokens[k])) in ARTICLES.get(language, ()):
        return True
    after = [w for unit in tokens[k : k + 4] for w in split_unit(unit)][:4]
    return (
        language == "en"
        and sum(_bare(w) not in ARTICLES["en"] for u in tokens[:k] for w in split_unit(u)) >= 2
        and after[0][:1].isupper()
        and _bare(after[0]).isalpha()
        and _bare(after[0]) not in FUNCTION_WORDS["en"]
        and len(after) > 2
        and _bare(after[1]) in PREPOSITIONS
        and not after[0].endswith(",")
    )


# "zur", "zum" before an action noun say what a thing is for ("Programm zur Überwindung der
# Teilung", a program to overcome the division); the object follows in the genitive.
_PURPOSE = words("zur zum")
_GERMAN_GENITIVE_ARTICLES = words("der des")


_ARABIC_DEFINITE = re.compile(r"^(?:al|el|ad|an|ar|as|at|az|ash|ath|adh)-", re.IGNORECASE)


def definite_adjectives_at(tokens: list[str], k: int, language: str) -> bool:
    """Whether the units from `k` on are Arabic definite adjectives after a definite noun
    ("qanāt al-Suways | al-ʻālamīyah"): in a construct chain only its last member takes
    the article, so a definite word after it, lowercase (no name), is an adjective of a
    noun before, which the phrase is complete without (14.30)."""
    if language != "ar" or not 0 < k < len(tokens):
        return False
    if not _ARABIC_DEFINITE.match(_bare(_last(tokens[k - 1]))):
        return False
    rest = [w for unit in tokens[k:] for w in split_unit(unit)]
    for word in rest:
        plain = _ARABIC_DEFINITE.sub("", _bare(word)).lstrip("ʻʼʿʾ’‘")
        if not _ARABIC_DEFINITE.match(_bare(word)) or not plain[:1].islower():
            return False
    return True


def phrase_ends(tokens: list[str], k: int, language: str, function_words: frozenset[str]) -> bool:
    """Whether a phrase can end after the first `k` units: before a preposition, conjunction
    or article (or an English participle) or a parenthesis, or after a comma, semicolon or
    parenthesis."""
    after = _first(tokens[k])
    if tokens[k - 1][-1:] in ",;)" or HIDDEN_TAGS.sub("", after)[:1] == "(":
        return True
    if _bare(after) in NO_CUT_BEFORE.get(language, ()):
        return False
    if definite_adjectives_at(tokens, k, language):
        return True
    if language == "en" and _passive_verb_at(tokens, k):
        # A headline's passive verb and its agent ("Atomic Bombing of Nagasaki | Told by
        # Flight Member") report on the subject the words before it name.
        return True
    if language == "en" and _passive_verb_at(tokens, k - 1):
        return False  # nor between the verb and its agent ("Described | by Pilot")
    genitives = GENITIVES.get(language)
    if genitives:
        # Words before the first "de" (Korean "ŭi") modify the head noun after it
        # ("Zhongguo gongchandang yu Sulian gongchandang de | guanxi"): no cut falls among
        # them.
        flat = [_bare(w) for unit in tokens for w in split_unit(unit)]
        before = sum(len(split_unit(unit)) for unit in tokens[:k])
        if genitives & set(flat[before:]) and not genitives & set(flat[:before]):
            return False
    if (
        language == "en"
        and k >= 2
        and _bare(_last(tokens[k - 2])) == "to"
        and _bare(after) in _OBJECT_OPENERS
    ):
        # "Decision to Enter | the Korean War": an infinitive is not cut from its object.
        return False
    if (
        language == "de"
        and k >= 2
        and _bare(_last(tokens[k - 2])) in _PURPOSE
        and _bare(_last(tokens[k - 1])).endswith("ung")
        and _bare(after) in _GERMAN_GENITIVE_ARTICLES
        and not LEAD_PHRASES["de"].match(" ".join(tokens[: k - 1]) + " ")
    ):
        # Nor is the German action noun of purpose ("zur Überwindung | der Teilung"): as
        # the infinitive it stands for, it says nothing without its genitive object.
        # (After a genre lead, "Bemerkungen zur", "zur" means "on": its noun is the
        # subject, which the lead phrase rule handles.)
        return False
    if language == "en" and _bare(after) in _OBJECT_OPENERS and _gerund_before(tokens, k):
        # Nor a gerund ("Taking Off | the Cold War Lens", "Fighting | the Cold War").
        return False
    if _bare(after) in function_words or (language == "en" and _bare(after) in _RELATIVES):
        return True
    if language in _GENITIVE_NAME_LANGUAGES and _genitive_name_at(tokens, k):
        # A name after a lowercase noun in a sentence-style Slavic title is that noun's
        # genitive attribute ("Zabeleška o razgovoru | Predsednika Republike": the
        # conversation of the President), as an English "of" phrase is: a cut may fall
        # before it (14.30).
        return True
    # A participle inside a noun phrase an article opened is its adjective ("an Atlantic
    # Ruling Class"), not the start of a clause ("Stalin Meeting Mao").
    # After a plural noun it opens a clause even there ("the Congressional Committees |
    # Investigating the Affair"): an attribute participle stands before its noun.
    return (
        language == "en"
        and participle(after)
        and (not _inside_noun_phrase(tokens, k) or _plural_noun(_last(tokens[k - 1])))
    )


def _plural_noun(word: str) -> bool:
    bare = _bare(word)
    return (
        len(bare) > 3
        and bare.endswith("s")
        and not bare.endswith(("ss", "us", "is", "’s", "'s"))
        and word[:1].isupper()
    )


_OBJECT_OPENERS = words("a an the his her its their our this that these those")
# Sentence-style languages that mark the genitive by case, not by a word.
_GENITIVE_NAME_LANGUAGES = frozenset({"sl", "hr", "sr", "bs", "sh", "cs", "sk", "bg"})


def _genitive_name_at(tokens: list[str], k: int) -> bool:
    """Whether unit `k` opens with a capitalized word after a lowercase one (not a unit
    of its own, not an initial or acronym)."""
    before = HIDDEN_TAGS.sub("", _last(tokens[k - 1]))
    after = HIDDEN_TAGS.sub("", _first(tokens[k]))
    return (
        k >= 2
        and before.isalpha()
        and before.islower()
        and len(after) > 2
        and after[:1].isupper()
        and after[1:].islower()
        and after.isalpha()
    )


# Adverbs that make a phrasal verb with the verb before them ("Taking Off", "Selling Out").
_PARTICLES = words("off up down out over back away apart")


def _gerund_before(tokens: list[str], k: int) -> bool:
    """Whether the words before unit `k` end on a gerund, or a gerund and its particle."""
    flat = [w for unit in tokens[:k] for w in split_unit(unit)]
    if len(flat) >= 2 and _bare(flat[-1]) in _PARTICLES:
        flat = flat[:-1]
    return participle(flat[-1])


# Coordinating conjunctions by language.
_COORDINATORS = {
    "en": words("and or &"), "de": words("und oder sowie"), "fr": words("et ou"),
    "es": words("y e o u"), "it": words("e ed o"), "pt": words("e ou"),
    "ru": words("и или i ili"), "uk": words("і й та або"), "pl": words("i oraz lub albo"),
    "hu": words("és vagy"),
}  # fmt: skip
# The preposition opening a pair and the word that opens its second half ("from | to").
_PAIRS = {"from": "to", "between": "and", "de": "à", "von": "bis", "desde": "hasta",
          "od": "do", "ot": "do", "от": "до", "с": "по", "s": "po"}  # fmt: skip
PREPOSITIONS = FUNCTION_WORDS["en"] - words("a an the and or nor but") | set(_PAIRS)


def _prepositions(language: str) -> frozenset[str]:
    if language == "en":
        return PREPOSITIONS
    function_words = FUNCTION_WORDS.get(language, frozenset())
    others = ARTICLES.get(language, frozenset()) | _COORDINATORS.get(language, frozenset())
    return function_words - others | set(_PAIRS)


def splits_pair(tokens: list[str], k: int, language: str = "en") -> bool:
    """Whether a cut before unit `k` leaves the first half of a pair (see `pair_end`)."""
    return pair_end(tokens, k, language) > 0


def pair_end(tokens: list[str], k: int, language: str = "en") -> int:
    """Where the pair a cut before unit `k` would split ends (the units up to the end of its
    second half), 0 when the cut splits none. A pair is a coordination or a from-to pair
    whose second half is short (two words, an article not counted) and ends the title:
    both halves make one key phrase (14.30). That is a title opening on the pair ("From
    Arab Nationalism | to OPEC"), a series of single words ("Moscow, Tehran, | and the
    Tudeh Party"; one ending on a general era, "America, Russia, | and the Cold War", leaves
    it), and two conjuncts a preposition governs that share their head noun, the second
    having no article of its own ("Inquiry into Satellite | and Missile Programs", "of the
    United States | and Soviet Economies"; not "Neutralization of Laos | and the Geneva
    Conference"). A title's own first conjunct may stand alone ("Nuclear Alerts | and
    Crisis Management")."""
    head = [w for unit in tokens[:k] for w in split_unit(unit)]
    rest = [w for unit in tokens[k:] for w in split_unit(unit)]
    bare = [_bare(w) for w in rest]
    coordinators = _COORDINATORS.get(language, frozenset())
    prepositions = _prepositions(language)
    articles = ARTICLES.get(language, frozenset())
    function_words = FUNCTION_WORDS.get(language, frozenset())
    pair = _PAIRS.get(_bare(head[0])) == bare[0] and not any(
        _bare(w) in prepositions for w in head[1:]
    )
    start = 1  # where the second half begins in `rest`
    if bare[0] not in coordinators and not pair:
        links = [i for i, w in enumerate(bare) if w in coordinators]
        if not head[-1].endswith(",") or not links or not rest[links[0] - 1].endswith(","):
            return 0
        start = links[0] + 1
    article = start < len(rest) and bare[start] in articles
    first = start + article
    # The second half runs to the next function word or comma; it ends the title.
    last = first
    while last < len(rest) and bare[last] not in function_words:
        last += 1
        if rest[last - 1].endswith((",", ";")):
            break
    if not 1 <= last - first <= 2 or last < len(rest):
        return 0
    if pair:
        return _units_to(tokens, len(head) + last)
    if head[-1].endswith(","):
        # A series of single words, the head's last among them ("Moscow, Tehran,").
        single = len(head) < 2 or head[-2].endswith(",")
        if (
            single
            and all(w.endswith(",") for w in rest[: start - 1])
            and bare[last - 1] not in GENERIC_HEAD_NOUNS
        ):
            return _units_to(tokens, len(head) + last)
        return 0
    if article:
        return 0
    conjunct = 0
    for word in reversed(head):
        if _bare(word) in prepositions:
            return _units_to(tokens, len(head) + last) if conjunct <= 2 else 0
        conjunct += _bare(word) not in articles
    return 0


def splits_shared_article(tokens: list[str], k: int, language: str = "en") -> bool:
    """Whether a cut before unit `k` falls after "the" and one word, before "and" and a
    conjunct with no article of its own: the article governs both ("the Aesthetic | and
    Moral Perimeters", "the Rise | and Fall"), and the cut leaves half its noun phrase."""
    head = [w for unit in tokens[:k] for w in split_unit(unit)]
    rest = [_bare(w) for unit in tokens[k:] for w in split_unit(unit)]
    articles = ARTICLES.get(language, frozenset())
    return (
        len(head) >= 2
        and len(rest) >= 2
        and _bare(head[-2]) in articles
        and not head[-1].endswith(",")
        and rest[0] in _COORDINATORS.get(language, frozenset())
        and rest[1] not in FUNCTION_WORDS.get(language, frozenset())
    )


def _units_to(tokens: list[str], count: int) -> int:
    """How many units of `tokens` hold their first `count` words."""
    total = 0
    for index, unit in enumerate(tokens):
        total += len(split_unit(unit))
        if total >= count:
            return index + 1
    return len(tokens)


# Forms of "be" that make a title a sentence ("I'm Glad the CIA Is 'Immoral'").
FINITE = words(
    "is are was were am isn’t aren’t wasn’t weren’t isn't aren't wasn't weren't it’s it's"
    " that’s that's there’s there's"
)


def sentence(tokens: list[str], language: str) -> bool:
    """Whether an English title is a sentence: a form of "be" before any relative pronoun
    ("Window of Vulnerability That Wasn't" is a noun phrase with its clause)."""
    if language != "en":
        return False
    for word in (w for unit in tokens for w in split_unit(unit)):
        bare = _bare(word).replace("'", "’")
        if bare in _RELATIVES:
            return False
        if bare in FINITE or bare.endswith(("’m", "’re")):
            return True
    return False


# The auxiliaries that open or carry a question ("Why Did It Fall?").
_AUXILIARIES = words("do does did can could will would shall should may might must has have had")


def verb_units(tokens: list[str], language: str, question: bool) -> list[int]:
    """The units holding a form of "be" (and, in a question, an auxiliary) in an English
    title."""
    if language != "en":
        return []
    verbs = FINITE | _AUXILIARIES if question else FINITE
    found = []
    for index, unit in enumerate(tokens):
        for word in split_unit(unit):
            bare = _bare(word).rstrip("?!").replace("'", "’")
            if bare in verbs or bare.endswith(("’m", "’re")):
                found.append(index)
                break
    return found


def _inside_noun_phrase(tokens: list[str], k: int) -> bool:
    """Whether the word at `k` follows an article with no other function word between."""
    for word in reversed([w for unit in tokens[:k] for w in split_unit(unit)]):
        bare = _bare(word)
        if bare in ARTICLES["en"]:
            return True
        if bare in FUNCTION_WORDS["en"] or word[-1:] in ",;:":
            return False
    return False


def participle(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 5 and bare.endswith("ing") and word[:1].isupper()


def series_end(tokens: list[str], language: str) -> int:
    """Where a series of three or more that opens the title ends ("Politics, Power, and U.S.
    Policy | in Iran", "Crime, Politics and the Police | in Colonial Kenya"), 0 when the
    title opens on none. The terms of a series are one key phrase (14.30): no cut falls
    inside it, whatever its length. Each term is three words at most with no preposition;
    with a single comma ("Britain, America and ...") the first two terms are single words,
    which tells a series from a name and its appositive ("Percy Spender, Minister and
    Ambassador")."""
    coordinators = _COORDINATORS.get(language, frozenset())
    articles = ARTICLES.get(language, frozenset())
    function_words = FUNCTION_WORDS.get(language, frozenset())
    terms: list[list[str]] = [[]]
    index = 0
    while index < len(tokens):
        unit = tokens[index]
        bare = _bare(_first(unit))
        if bare in coordinators:
            break
        if bare in function_words and bare not in articles:
            return 0
        terms[-1].append(unit)
        index += 1
        if unit.endswith(","):
            terms.append([])
        elif index < len(tokens) and _bare(_first(tokens[index])) not in coordinators:
            continue
    if index >= len(tokens) or len(terms) < 2 or (not terms[-1] and len(terms) < 3):
        return 0
    if any(not 1 <= len(term) <= 3 for term in terms[:-1]) or len(terms[-1]) > 3:
        return 0
    if len(terms) == 2 and (len(terms[0]) != 1 or len(terms[1]) != 1):
        return 0
    # The last term, after the conjunction: an article, then words to the next function
    # word or comma.
    end = index + 1
    if end < len(tokens) and _bare(_first(tokens[end])) in articles:
        end += 1
    start = end
    while end < len(tokens) and _bare(_first(tokens[end])) not in function_words:
        end += 1
        if tokens[end - 1].endswith((",", ";")):
            break
    if not 1 <= end - start <= 3 or any(ch.isdigit() for unit in tokens[:end] for ch in unit):
        return 0
    # A last term that names only an era or needs the "of" after it ("Stalin, Mao, and the
    # End | of the Korean War", "the Failure | to Consult", "America, Russia, and the Cold
    # War") leaves the first terms
    # as the key phrase, cut where the terms end.
    if _bare(_last(tokens[end - 1])) in GENERIC_HEAD_NOUNS:
        return 0
    if end < len(tokens) and _bare(_first(tokens[end])) in ("of", "to"):
        return 0
    return end


# Past participles that do not end in -ed.
IRREGULAR_PARTICIPLES = words(
    "told seen held made given taken found shown known written won lost hit struck kept left"
    " sent built caught brought bought beaten driven sold said heard led paid met shot"
    " chosen drawn thrown spent begun broken"
)


def _passive_verb_at(tokens: list[str], k: int) -> bool:
    """Whether unit `k` is a capitalized past participle followed by "by" and its agent,
    after two words at least: a headline's verb ("Told by Flight Member"); or by the
    phrase that says under what it was done, a reduced relative clause after the head
    ("Report of the Secretary-General | Submitted Pursuant to ...", "Memorandum | Prepared
    under the Direction of ...")."""
    if k < 2 or k + 1 >= len(tokens) or tokens[k - 1][-1:] in ",;:":
        return False
    word = _first(tokens[k])
    bare = _bare(word)
    participle_form = bare in IRREGULAR_PARTICIPLES or (len(bare) > 4 and bare.endswith("ed"))
    return (
        word[:1].isupper()
        and len(split_unit(tokens[k])) == 1
        and participle_form
        and _bare(_first(tokens[k + 1])) in _AGENT_OPENERS
    )


_AGENT_OPENERS = words("by pursuant under")
