"""Headlines that are sentences, as a short title treats them (CMOS 18 14.30: the key words
of the main clause). A subordinate clause after the main one ("Soviet Troops Enter Kabul |
as Amin Is Ousted") is the first thing to drop, as a subtitle is; a passive sentence whose
subject is a noun phrase of three words or more ("Japan's New Charter | Is Proclaimed by
Emperor", "Indian Attack on Lahore Front | Repulsed") is shortened to its subject, which
names what the story is about. A subject of two words keeps its verb ("Cuban Rebel Is
Visited"): two words say too little. `short_titles` calls these before its own cut.
"""

from __future__ import annotations

from assistant.cite.short_title_phrases import FINITE, IRREGULAR_PARTICIPLES, PREPOSITIONS
from assistant.cite.short_title_units import ROMANCE, romance_adjective, split_unit
from assistant.cite.short_title_words import ARTICLES, FUNCTION_WORDS
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.typography import words

# Conjunctions that open a subordinate clause after a headline's main one.
_SUBORDINATORS = words(
    "as after while when whereas because since until before although though if once"
)


def _flat(tokens: list[str]) -> list[str]:
    return [w for unit in tokens for w in split_unit(unit)]


def _finite(word: str) -> bool:
    return _bare(word).replace("'", "’") in FINITE


def _counted(tokens: list[str]) -> int:
    return sum(_bare(w) not in ("a", "an", "the") for w in _flat(tokens))


def main_clause_end(tokens: list[str]) -> int:
    """Where an English headline's main clause ends before a subordinate one (0 when it
    has none): at "as", "after", "while", "when" ... followed by a clause of its own, one
    with a form of "be" ("as Amin Is Ousted"), after a main clause of two words or more."""
    for k in range(2, len(tokens) - 1):
        word = split_unit(tokens[k])[0]
        if _bare(word) not in _SUBORDINATORS or tokens[k - 1][-1:] in ",;:":
            continue
        if _counted(tokens[:k]) >= 2 and any(_finite(w) for w in _flat(tokens[k + 1 :])):
            return k
    return 0


def _participle(word: str) -> bool:
    bare = _bare(word)
    return word[:1].isupper() and (
        bare in IRREGULAR_PARTICIPLES or (len(bare) > 4 and bare.endswith("ed"))
    )


def passive_subject_end(tokens: list[str]) -> int:
    """Where the subject of a passive English headline ends (0 when the title is none, or
    its subject has fewer than three words or more than five): before "Is/Are/Was/Were"
    and a participle ("Japan's New Charter | Is Proclaimed by Emperor"), or before a
    participle that ends the title, the verb "is" left out as headlines do ("Indian Attack
    on Lahore Front | Repulsed")."""
    for k in range(1, len(tokens)):
        words = split_unit(tokens[k])
        if tokens[k - 1][-1:] in ",;:":
            return 0
        if _finite(words[0]):
            following = split_unit(tokens[k + 1])[0] if k + 1 < len(tokens) else ""
            if not (len(words) == 1 and following and _participle(following)):
                return 0
            elided = False
        elif k == len(tokens) - 1 and len(words) == 1 and _participle(words[0]):
            elided = True
        else:
            continue
        subject = tokens[:k]
        flat = _flat(subject)
        if not 3 <= _counted(subject) <= 5 or _bare(flat[-1]) in FUNCTION_WORDS["en"]:
            return 0
        # Without "is", only a noun phrase with its prepositional phrase is surely the
        # subject ("Indian Attack on Lahore Front"): "SCAP Orders Red Paper Akahata
        # Suspended" is active, its participle the object's complement.
        if elided and not any(_bare(w) in PREPOSITIONS for w in flat[1:]):
            return 0
        return k
    return 0


# What links a Romance noun to the name that completes it ("révolution de Bagdad"): the
# bare links and their contracted forms with an article.
_ROMANCE_LINKS = words("de di da d’ d' du del della dello dei degli delle do dos das")


# Past and present participles of French, Spanish, Italian and Portuguese, regular ("vue",
# "vista") and common irregular forms.
_PARTICIPLE_ENDINGS = (
    "é", "ée", "és", "ées", "u", "ue", "us", "ues", "ant", "ants", "ante", "antes",
    "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ato", "ata", "ati", "ate",
    "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "isto", "ista", "isti", "iste",
    # French participles in -i ("investi", "réunie", "trahis"): a present verb ends in -t.
    "i", "ie", "is", "ies",
)  # fmt: skip


# The forms of "be" that make a headline a sentence ("La montaña es …"): what comes after
# says what the subject is, the subject is what the work is about (14.30).
_COPULAS = {
    "es": words("es son era eran fue fueron"),
    "fr": words("est sont était étaient fut"),
    "it": words("è sono era erano fu"),
    "pt": words("é são era eram foi"),
}


def _copula_after_subject(
    words_: list[str], start: int, language: str, function_words: frozenset[str]
) -> int:
    """The index of the copula after an article and a noun (and one adjective agreeing with
    it: "La revolución cubana es"), 0 when there is none."""
    copulas = _COPULAS.get(language, frozenset())
    noun = words_[start] if start < len(words_) else ""
    if not noun[:1].islower() or _bare(noun) in function_words or not start:
        return 0
    for at in (start + 1, start + 2):
        if at + 1 < len(words_) and words_[at].lower() in copulas:
            between = words_[start + 1 : at]
            if all(w[:1].islower() and _bare(w) not in function_words for w in between):
                return at
    return 0


def romance_subject_end(tokens: list[str], language: str) -> int:
    """Where the subject of a French, Spanish, Italian or Portuguese headline that is a
    sentence ends (0 when there is none to tell): an article, a noun and a place or a name
    after "de" ("La révolution de Bagdad | inquiète Londres", "El gobierno de Caracas |
    rompe relaciones"). A lowercase word other than a function word after the name is no
    part of the noun phrase (an adjective agrees with the noun, before the name), so it is
    the verb, and the subject names what the story is about (14.30)."""
    function_words = FUNCTION_WORDS.get(language, frozenset())
    flat: list[tuple[int, str]] = [
        (index, word) for index, unit in enumerate(tokens) for word in split_unit(unit)
    ]
    words_ = [word for _, word in flat]
    start = 1 if words_ and _bare(words_[0]) in ARTICLES.get(language, ()) else 0
    copula = _copula_after_subject(words_, start, language, function_words)
    if copula:
        return flat[copula][0] if flat[copula][0] > flat[start][0] else 0
    link = start + 1
    if link + 2 >= len(words_) or _bare(words_[link]) not in _ROMANCE_LINKS:
        return 0
    noun, name, verb = words_[start], words_[link + 1], words_[link + 2]
    if not noun[:1].islower() or _bare(noun) in function_words:
        return 0
    if not name[:1].isupper() or name.endswith((",", ":", ";")):
        return 0
    if not verb[:1].islower() or _bare(verb) in function_words or not verb.isalpha():
        return 0
    if _bare(verb).endswith(_PARTICIPLE_ENDINGS):
        # A participle after the name is the noun phrase's own ("La guerre de Corée vue de
        # Paris"), no verb of a sentence.
        return 0
    unit_of_name, unit_of_verb = flat[link + 1][0], flat[link + 2][0]
    return unit_of_verb if unit_of_verb > unit_of_name else 0


def romance_object_end(tokens: list[str], head: int, language: str) -> int:
    """Where the object of a Romance headline's verb ends when a cut at `head` would leave
    the verb bare ("La Francia abbandona | il tavolo di Bruxelles"): a name, then a
    lowercase word that is no adjective (the verb), then an article and its noun; the verb
    keeps its object, five words at most (14.30). 0 otherwise."""
    if language not in ROMANCE or head < 2 or head + 2 > len(tokens):
        return 0
    function_words = FUNCTION_WORDS.get(language, frozenset())
    verb, name = tokens[head - 1], tokens[head - 2]
    if len(split_unit(verb)) != 1 or not verb[:1].islower() or not verb.isalpha():
        return 0
    if _bare(verb) in function_words or romance_adjective(verb):
        return 0
    if not _last_word(name)[:1].isupper() or _bare(_first_word(tokens[head])) not in ARTICLES.get(
        language, ()
    ):
        return 0
    end = head + 2
    if len(split_unit(tokens[head])) > 1:
        end = head + 1  # the article joined to its noun already
    words_ = sum(len(split_unit(u)) for u in tokens[:end])
    return end if words_ <= 6 else 0


def romance_object(tokens: list[str], head: int, language: str) -> list[str]:
    """The headline cut `romance_object_end` finds, its object's noun without the "di"
    phrase joined to it ("il tavolo | di Bruxelles"): [] when there is none."""
    end = romance_object_end(tokens, head, language)
    if end:
        return tokens[:end]
    if language not in ROMANCE or head + 2 > len(tokens) or len(split_unit(tokens[head])) > 1:
        return []
    noun = split_unit(tokens[head + 1])
    if len(noun) < 2 or not noun[0][:1].islower():
        return []
    shortened = [*tokens[: head + 1], noun[0]]
    return shortened if romance_object_end(shortened, head, language) else []


def _first_word(unit: str) -> str:
    return split_unit(unit)[0]


def _last_word(unit: str) -> str:
    return split_unit(unit)[-1]
