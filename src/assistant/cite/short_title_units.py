"""The word groups a short title never splits (CMOS 18 14.30: a short title never breaks a
phrase or a name): a quotation, a date (found by `short_title_dates`), a name with the title
of office before it, and in French, Spanish, Italian and Portuguese a noun with the "de"
compound or the adjective that follows it ("rideau de fer", "politique soviétique").

`join_units` turns a title's words into units, each a string whose words are joined by
`JOIN`; `split_unit` gives a unit's words back.
"""

from __future__ import annotations

import re

from assistant.cite.short_title_dates import date_spans
from assistant.cite.short_title_names import arabic_names, capitalized_particles, name_pairs
from assistant.cite.short_title_words import HIDDEN_TAGS
from assistant.cite.typography import words

JOIN = "\ue200"  # between the words of one unit (outside the range richtext hides tags in)

ROMANCE = frozenset({"fr", "es", "it", "pt"})

# --- quotations ---------------------------------------------------------------------------
# Opening mark -> the marks that close it (German „…“ and French «…» as well as English).
_CLOSERS = {"“": "”", "‘": "’", '"': '"', "'": "'", "„": "“”", "«": "»", "‹": "›", "‚": "‘’"}
_TRAILING = ".,;:!?)]…"


def _opening_marks(word: str) -> str:
    """The quotation marks opening `word` ("“‘It’s" -> "“‘"); an apostrophe before a digit
    ("’50s") opens nothing."""
    plain = HIDDEN_TAGS.sub("", word)
    marks = ""
    for index, char in enumerate(plain):
        if char not in _CLOSERS:
            break
        following = plain[index + 1 : index + 2]
        if char in "'‘" and (following.isdigit() or not following):
            break
        marks += char
    return marks


def _closing_marks(word: str) -> str:
    """The marks closing `word`, before any trailing punctuation ("Revolution,’”" -> "’”")."""
    plain = HIDDEN_TAGS.sub("", word).rstrip(_TRAILING)
    marks = ""
    while plain and plain[-1] in "”’\"'“»›‘":
        marks = plain[-1] + marks
        plain = plain[:-1].rstrip(_TRAILING)
    return marks


def _quotations(words_: list[str]) -> list[tuple[int, int]]:
    """Spans (first, last) of the quotations among `tokens`; one never closed is no span.
    An apostrophe inside a word ("It’s") or after an s with no single quotation open
    ("Soviets’") is no quotation mark."""
    tokens = [HIDDEN_TAGS.sub("", word) for word in words_]
    spans = []
    index = 0
    while index < len(tokens):
        if not _opening_marks(tokens[index]):
            index += 1
            continue
        end = _closed_at(tokens, index)
        if end is None:
            index += 1
            continue
        if end > index:
            spans.append((index, end))
        index = end + 1
    return spans


def _closed_at(tokens: list[str], index: int) -> int | None:
    """Where the quotation opening at `index` closes (None if it does not)."""
    opened = _opening_marks(tokens[index])
    for last in range(index, len(tokens)):
        word = tokens[last]
        closing = _closing_marks(word[len(opened) :] if last == index else word)
        if any(mark in _CLOSERS[opened[0]] for mark in closing):
            return last
    return None


def unclosed_quotation(units: list[str]) -> bool:
    """Whether a quotation opens in `units` and does not close there (a short title cut
    there would leave its mark open)."""
    tokens = [HIDDEN_TAGS.sub("", w) for unit in units for w in split_unit(unit)]
    return any(
        _opening_marks(token) and _closed_at(tokens, index) is None
        for index, token in enumerate(tokens)
    )


# --- parentheses ----------------------------------------------------------------------------


def _parentheses(tokens: list[str]) -> list[tuple[int, int]]:
    """Spans of the parentheses among `tokens` after the first word ("(1965, as Provisionally
    Extended in 1966 and 1968)"): a parenthetical goes whole or stays whole, never left open;
    one never closed runs to the end. (Brackets around a whole title mark a description,
    "[Letter from … to …]", which is cut as any title is.)"""
    spans = []
    index = 1
    while index < len(tokens):
        plain = HIDDEN_TAGS.sub("", tokens[index]).lstrip("“‘\"'")
        if plain.startswith("(") and plain.count("(") > plain.count(")"):
            end = next(
                (last for last in range(index + 1, len(tokens)) if ")" in tokens[last]),
                len(tokens) - 1,
            )
            spans.append((index, end))
            index = end
        index += 1
    return spans


# --- Vietnamese words ------------------------------------------------------------------------


def _vietnamese_words(tokens: list[str], function_words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of Vietnamese words, which are written a syllable apart: a name's capitalized
    syllables with another name a dash joins to it ("Việt Nam - Trung Quốc"), and two
    lowercase syllables that are no function word ("quan hệ", relations), which is the
    commonest length of a Vietnamese word, so that 14.30's four words are counted as words."""
    plain = [HIDDEN_TAGS.sub("", t) for t in tokens]

    def content(i: int) -> bool:
        word = plain[i].strip("“”‘’\"'(),;:")
        return bool(word[:1].isalpha()) and word.lower() not in function_words

    def capital(i: int) -> bool:
        return content(i) and plain[i].lstrip("“‘\"'(")[:1].isupper()

    spans = []
    index = 0
    while index < len(tokens):
        last = index
        if not content(index):
            pass
        elif capital(index) and (index or (len(tokens) > 1 and capital(1))):
            while last + 1 < len(tokens) and not plain[last].endswith((",", ";")):
                if capital(last + 1):
                    last += 1
                elif plain[last + 1] in "-–—" and last + 2 < len(tokens) and capital(last + 2):
                    last += 2
                else:
                    break
        elif (
            index + 1 < len(tokens)
            and content(index + 1)
            and not capital(index + 1)
            and not plain[index].endswith((",", ";"))
        ):
            last = index + 1
        if last > index:
            spans.append((index, last))
        index = last + 1
    return spans


# --- a name with its title of office -------------------------------------------------------
_OFFICES = words(
    "president premier chairman general ambassador secretary minister marshal comrade king"
    " queen senator governor admiral colonel captain lieutenant chancellor emperor pope"
    " prince princess shah sheikh generalissimo secretary-general vice-president"
    " président général maréchal ministre ambassadeur camarade roi reine chancelier"
    " secrétaire präsident ministerpräsident bundeskanzler kanzler marschall botschafter"
    " genosse genossen könig staatssekretär generalsekretär außenminister vorsitzende"
    " vorsitzenden presidente generale ministro embajador ambasciatore mariscal"
    " maresciallo compañero compagno rey re secretario segretario tov. тов. посол посла"
    " послу послом послы послов posol posla poslu poslom"
)
# Two-word titles ("Prime Minister", "Secretary of State" is three).
_OFFICE_PHRASES = (
    ("prime", "minister"),
    ("foreign", "minister"),
    ("vice", "president"),
    ("first", "secretary"),
    ("general", "secretary"),
    ("secretary", "of", "state"),
    ("premier", "ministre"),
)
# Russian titles by stem, in any case ("товарища", "маршалу", "predsedatelia", "posla").
_OFFICE_STEMS = re.compile(
    r"^(?:президент|премьер|председател|генерал|генсек|министр|маршал|товарищ|секретар"
    r"|корол|канцлер|prezident|prem[’']er|predsedatel|general|gensek|ministr|marshal"
    r"|tovarishch|sekretar|korol|kantsler)[а-яa-z’']{0,4}$"
)
_PARTICLES = words("de du von van der da di")


def _office_at(tokens: list[str], start: int) -> int:
    """How many words of a title of office begin at `start` (0 for none)."""
    lowered = [HIDDEN_TAGS.sub("", t).lower() for t in tokens[start : start + 3]]
    for phrase in _OFFICE_PHRASES:
        if tuple(lowered[: len(phrase)]) == phrase:
            return len(phrase)
    if lowered and (lowered[0] in _OFFICES or _OFFICE_STEMS.match(lowered[0])):
        return 1
    return 0


def office_word(word: str) -> bool:
    """Whether `word` (one word, not a unit) is a title of office ("President", "министру")."""
    return JOIN not in word and _office_at([word], 0) == 1


def _name_word(word: str) -> bool:
    plain = HIDDEN_TAGS.sub("", word)
    return plain[:1].isupper() and plain[-1:] not in ",;:"


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)*", HIDDEN_TAGS.sub("", word)))


def _verb_after_office(tokens: list[str], index: int) -> bool:
    """Whether `tokens[index]` is a past participle opening a clause after the office
    ("Report of the Secretary-General | Submitted Pursuant to ..."), not a name."""
    word = HIDDEN_TAGS.sub("", tokens[index]).lower()
    after = HIDDEN_TAGS.sub("", tokens[index + 1]).lower() if index + 1 < len(tokens) else ""
    return len(word) > 4 and word.endswith("ed") and after in ("by", "pursuant", "under")


def _offices(tokens: list[str], english: bool) -> list[tuple[int, int]]:
    """Spans of a title of office with the name it precedes ("Prime Minister Eden",
    "President Dwight D. Eisenhower", "тов. Сталина", "général de Gaulle"). In an English
    title, where every word is capitalized, the name is one word with its initials; in a
    sentence-case title it is the capitalized words that follow (three at most)."""
    spans = []
    index = 0
    while index < len(tokens):
        size = _office_at(tokens, index)
        if not size or tokens[index + size - 1][-1:] in ",;:":
            index += 1
            continue
        first = index + size
        if first + 1 < len(tokens) and tokens[first].lower() in _PARTICLES:
            first += 1  # "général de Gaulle"
        last, names = first - 1, 0
        while (
            last + 1 < len(tokens)
            and _name_word(tokens[last + 1])
            and not _verb_after_office(tokens, last + 1)
        ):
            last += 1
            if _initial(tokens[last]):
                continue  # an initial takes the surname after it along
            names += 1
            followed_by_initial = last + 1 < len(tokens) and _initial(tokens[last + 1])
            if names >= 3 or (english and not followed_by_initial):
                break
        if last >= first:
            spans.append((index, last))
            index = last + 1
        else:
            index += 1
    return spans


# --- Romance noun phrases ------------------------------------------------------------------
_COMPOUND_LINKS = {"fr": words("de d’ d'"), "es": words("de"), "it": words("di da"),
                   "pt": words("de")}  # fmt: skip
_ROMANCE_ADJECTIVE_ENDINGS = (
    # French
    "ique", "iques", "aise", "aises", "ienne", "iennes", "ale", "ales", "elle", "elles",
    "iste", "istes", "aire", "aires", "euse", "euses", "eux", "ive", "ives", "oise", "oises",
    "ée", "ées", "é", "és", "ère", "ères", "ier", "iers", "ains", "aine", "aines", "ande", "andes",
    # Spanish, Italian, Portuguese
    "ico", "ica", "icos", "icas", "ici", "iche", "ano", "ana", "anos", "anas", "ani", "ane",
    "al", "ales", "ali", "ais", "ista", "istas", "isti", "ivo", "iva", "ivos", "ivas", "ivi",
    "oso", "osa", "osos", "osas", "ario", "aria", "arios", "arias", "ese", "esi", "esa",
    "esas", "ês", "és", "ado", "ada", "ados", "adas", "ido", "idos", "idas", "ata", "ato",
    "ati", "ate",
)  # fmt: skip
_ROMANCE_ADJECTIVES = words(
    "froid froide froids froides rouge rouges noir noire noirs noires blanc blanche libre"
    " libres russe russes secret secrète secrets fría frío frías fríos fredda freddo fredde"
    " commun commune communs communes común comunes comune comuni"
    " freddi fria frio frias frios rojo roja rosso rossa vermelho vermelha"
)
# Nouns that end like adjectives (a noun after a noun is an apposition, not its adjective).
_ROMANCE_NOUN_ENDINGS = ("té", "tés", "dad", "dade", "tà")


def romance_adjective(word: str) -> bool:
    """Whether `word` is, by its ending, a French, Spanish, Italian or Portuguese adjective
    ("soviétique", "franco-soviétiques", "fredda")."""
    bare = HIDDEN_TAGS.sub("", word).lower().strip(",;:.“”‘’\"'«»").rsplit("-", 1)[-1]
    if bare in _ROMANCE_ADJECTIVES:
        return True
    if len(bare) < 5 or not bare.isalpha() or bare.endswith(_ROMANCE_NOUN_ENDINGS):
        return False
    return bare.endswith(_ROMANCE_ADJECTIVE_ENDINGS)


def _bare_compound(before: str, after: str) -> bool:
    """Whether "de" links `before` and `after` into one term: no article after it ("rideau
    de fer"), or a name of two capitalized parts ("Europe de l’Est")."""
    after = HIDDEN_TAGS.sub("", after)
    elided = re.match(r"(?i)l[’']", after)
    if not elided:
        return True
    return HIDDEN_TAGS.sub("", before)[:1].isupper() and after[2:3].isupper()


def _romance_phrases(
    tokens: list[str], language: str, function_words: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of a noun with the bare "de" compound after it ("rideau de fer", "guerre de
    Corée": no article after "de") and with the adjectives that follow it ("politique
    soviétique", "guerra fredda")."""
    links = _COMPOUND_LINKS.get(language, frozenset())

    def content(index: int) -> bool:
        word = tokens[index]
        bare = HIDDEN_TAGS.sub("", word).lower().strip("“”‘’\"'«»")
        return bare not in function_words and word[-1:] not in ",;:" and bare[:1].isalpha()

    spans = []
    for index in range(1, len(tokens)):
        bare = HIDDEN_TAGS.sub("", tokens[index]).lower()
        if (
            bare in links
            and index + 1 < len(tokens)
            and content(index - 1)
            and HIDDEN_TAGS.sub("", tokens[index + 1]).lower() not in function_words
            and HIDDEN_TAGS.sub("", tokens[index + 1])[:1].isalpha()  # not "de 1944 à 1958"
            and _bare_compound(tokens[index - 1], tokens[index + 1])
        ):
            spans.append((index - 1, index + 1))
        elif (
            content(index - 1)
            and romance_adjective(tokens[index])
            and not _governing_participle(tokens, index, function_words)
        ):
            spans.append((index - 1, index))
        elif (
            bare in _ROMANCE_AND
            and index + 1 < len(tokens)
            and index >= 2
            and romance_adjective(tokens[index - 1])
            and not romance_adjective(tokens[index - 2])
            and romance_adjective(tokens[index + 1])
            and tokens[index - 1][-1:] not in ",;:"
        ):
            # Two adjectives joined by "et" are one modifier of the noun before them
            # ("Allocution radiodiffusée et télévisée"): no cut between them (14.30).
            # (After a first adjective, "aides américaines | économiques et militaires",
            # the pair is a second modifier the cut may drop.)
            spans.append((index - 1, index + 1))
    return spans


_ROMANCE_AND = words("et ou y o e")
_PARTICIPLE_ENDINGS = ("ée", "ées", "é", "és", "ado", "ada", "ados", "adas", "ato", "ata",
                       "ati", "ate", "ido", "ida", "idos", "idas")  # fmt: skip


def _governing_participle(tokens: list[str], index: int, function_words: frozenset[str]) -> bool:
    """Whether the word at `index` is a participle after two modifiers already that opens a
    phrase of its own ("Allocution radiodiffusée et télévisée | prononcée au palais"): it
    heads a clause the cut may drop, and is no adjective of the noun (14.30)."""
    bare = HIDDEN_TAGS.sub("", tokens[index]).lower()
    return (
        bare.endswith(_PARTICIPLE_ENDINGS)
        and index >= 2
        and romance_adjective(tokens[index - 1])
        and index + 1 < len(tokens)
        and HIDDEN_TAGS.sub("", tokens[index + 1]).lower() in function_words
    )


# Romance "de" compounds chained into one name of more than six words ("Reunión de Consulta
# de Ministros de Relaciones Exteriores") are more than a short title can hold: such a name
# is cut after its head noun (14.30: four words, a name of up to six kept whole, as "Report
# by the National Security Council" is).
_LONGEST_NAME = 6


def _cut_long_names(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (Romance phrases) with each chain of them longer than `_LONGEST_NAME` words
    freed at its head noun: the head stands alone, the rest stays one unit."""
    chains: list[list[tuple[int, int]]] = []
    for span in sorted(spans):
        if chains and span[0] <= max(last for _, last in chains[-1]):
            chains[-1].append(span)
        else:
            chains.append([span])
    kept = []
    for chain in chains:
        first = chain[0][0]
        last = max(end for _, end in chain)
        if last - first + 1 > _LONGEST_NAME:
            kept += [(max(a, first + 1), b) for a, b in chain if b > first + 1]
        else:
            kept += chain
    return kept


# Words whose "’s" is "is" or "us", not a possessive ("It’s Time", "Who’s Afraid").
_CONTRACTIONS = words("it’s that’s there’s here’s what’s who’s he’s she’s let’s where’s how’s")


def contraction(word: str) -> bool:
    return HIDDEN_TAGS.sub("", word).lower().strip("“‘\"'").replace("'", "’") in _CONTRACTIONS


_BE = frozenset(("is", "are", "was", "were"))
# Irregular past tenses, no noun's modifiers: "What My Father’s Fallout Shelter | Taught Me".
_PAST_VERBS = words(
    "taught thought knew saw came went began gave took told said made found brought became"
    " stole meant felt"
)


def _possessives(tokens: list[str], function_words: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of an English possessive and the noun phrase it qualifies, to the next function
    word or comma, three words at most ("United States’ | Engagement", "Union’s | Grain
    Crisis"): a cut inside would end on the possessive or its noun's modifier."""
    spans = []
    for index in range(len(tokens) - 1):
        word = HIDDEN_TAGS.sub("", tokens[index])
        if (
            word[-1:] in ",;:"
            or contraction(word)
            or not (
                word.endswith(("’s", "'s"))
                or (
                    word.endswith(("s’", "s'")) and not _opening_marks(word) and word[:-1].isalpha()
                )
            )
        ):
            continue
        last = index
        while last + 1 < len(tokens) and last - index < 3:
            following = HIDDEN_TAGS.sub("", tokens[last + 1])
            bare = following.lower().strip("“”‘’\"',;:")
            if bare in function_words or not bare[:1].isalpha() or bare in _BE | _PAST_VERBS:
                break  # (nor the verb of a headline: "Japan’s New Charter | Is Proclaimed")
            last += 1
            if following[-1:] in ",;:":
                break
        if last > index:
            spans.append((index, last))
    return spans


# --- units ---------------------------------------------------------------------------------


# Set phrases of public life that name one office or body, one term of the title ("Heads of
# State", "Chiefs of Staff"): a cut never leaves "Conference of Heads" (14.30).
_SET_PHRASES = (
    ("heads", "of", "state"),
    ("head", "of", "state"),
    ("heads", "of", "government"),
    ("head", "of", "government"),
    ("chiefs", "of", "staff"),
    ("chief", "of", "staff"),
    ("heads", "of", "mission"),
    ("head", "of", "mission"),
    ("prisoners", "of", "war"),
    ("prisoner", "of", "war"),
    ("weapons", "of", "mass", "destruction"),
)


# A government office named by its portfolio ("Department of State", "Secretary of State",
# "Ministry of Foreign Affairs", "Minister of the Interior"): one name, never cut after its
# head noun ("Telegram from the Department | of State" names no office) (14.30).
_OFFICE_HEADS = words("department ministry secretary minister secretariat office commissariat")
_PORTFOLIOS = (
    ("state",),
    ("defense",),
    ("defence",),
    ("war",),
    ("justice",),
    ("commerce",),
    ("labor",),
    ("labour",),
    ("agriculture",),
    ("finance",),
    ("education",),
    ("health",),
    ("information",),
    ("foreign", "affairs"),
    ("external", "affairs"),
    ("internal", "affairs"),
    ("home", "affairs"),
    ("the", "interior"),
    ("the", "treasury"),
    ("the", "navy"),
    ("the", "army"),
    ("the", "air", "force"),
)


def _set_phrases(tokens: list[str]) -> list[tuple[int, int]]:
    lowered = [HIDDEN_TAGS.sub("", t).lower().rstrip(",;:") for t in tokens]
    spans = []
    for index in range(len(tokens)):
        for phrase in _SET_PHRASES:
            if tuple(lowered[index : index + len(phrase)]) == phrase:
                spans.append((index, index + len(phrase) - 1))
                break
        else:
            if lowered[index] in _OFFICE_HEADS and lowered[index + 1 : index + 2] == ["of"]:
                for portfolio in _PORTFOLIOS:
                    end = index + 2 + len(portfolio)
                    if tuple(lowered[index + 2 : end]) == portfolio:
                        spans.append((index, end - 1))
                        break
    return spans


def join_units(tokens: list[str], language: str, function_words: frozenset[str]) -> list[str]:
    """`tokens` with each word group no cut may split joined into one unit."""
    joined = [False] * len(tokens)  # joined[i]: word i belongs with word i - 1
    spans = [
        *_quotations(tokens),
        *_parentheses(tokens),
        *date_spans(tokens),
        *_offices(tokens, language == "en"),
    ]
    if language == "en":
        spans += _possessives(tokens, function_words)
        spans += _set_phrases(tokens)
    if language == "vi":
        spans += _vietnamese_words(tokens, function_words)
    if language in ROMANCE:
        spans += _cut_long_names(_romance_phrases(tokens, language, function_words))
    spans += name_pairs(tokens, language, function_words)
    spans += capitalized_particles(tokens)
    spans += arabic_names(tokens)
    for first, last in spans:
        for index in range(first + 1, last + 1):
            joined[index] = True
    units: list[str] = []
    for token, with_previous in zip(tokens, joined, strict=True):
        if with_previous and units:
            units[-1] += JOIN + token
        else:
            units.append(token)
    return units


def split_unit(unit: str) -> list[str]:
    return unit.split(JOIN)


def show_units(text: str) -> str:
    return text.replace(JOIN, " ")
