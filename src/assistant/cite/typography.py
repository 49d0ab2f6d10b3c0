"""Chicago typography: headline-style capitals, curly quotes, page ranges, punctuation in quotes."""

from __future__ import annotations

import re

from assistant.cite.languages import guess
from assistant.cite.model import Run
from assistant.cite.phrasal_verbs import particle_of_verb


def words(text: str) -> frozenset[str]:
    """A word list written as one string."""
    return frozenset(text.split())


# Words kept lowercase inside a headline-style title. CSL's list (articles, and, but, for, or,
# nor, so, yet, and the short prepositions, as pandoc's citeproc applies it) ...
_CSL_STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "onto",
        "or",
        "over",
        "so",
        "the",
        "till",
        "to",
        "v.",
        "via",
        "vs.",
        "with",
        "yet",
    }
)
# ... and, since CMOS 17 8.159 lowercases prepositions "regardless of length", the longer ones
# too ("Diplomacy between the Wars"), which the style capitalizes.
_LONG_PREPOSITIONS = frozenset(
    {
        "about",
        "above",
        "across",
        "after",
        "against",
        "along",
        "amid",
        "among",
        "around",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "despite",
        "during",
        "since",
        "except",
        "through",
        "throughout",
        "toward",
        "towards",
        "like",
        "per",
        "amidst",
        "atop",
        "unto",
        "vis-à-vis",
        "under",
        "underneath",
        "unlike",
        "until",
        "upon",
        "versus",
        "within",
        "without",
    }
)
STOP_WORDS = _CSL_STOP_WORDS | _LONG_PREPOSITIONS

_WORD = re.compile(r"\w[\w'’\-.]*|[^\w\s]|\s+")


# Markup title casing must not touch: a `nocase` span whole (CSL rich text); a letter set in
# italics by itself, a variable ("<i>n</i>-Person Games", "<i>k</i>-Means"), which rich text
# marks on purpose and which keeps its case (CMOS 8.159 leaves symbols as they are); a
# superscript or subscript ("1<sup>st</sup>", "H<sub>2</sub>O"); any other tag. A whole
# element stands for a word of the title, a tag alone for nothing. (Small capitals are cased
# like any text, as CSL processors do: tests/cite/test_cmos18_rules.py pins it.)
_PROTECTED = re.compile(
    r"""<span\s+class\s*=\s*["']nocase["']\s*>.*?</span>"""
    r"|<(i|em)>[^\W\d_][\d′']?</\1>|<(sub|sup)>[^<>]*</\2>"
    r"|<(i|em)>([^<>]*)</\3>"
    r"|<[^<>]*>"
    r"|“([^“”<>]+)”",
    re.DOTALL | re.IGNORECASE,
)
# Prefixes that cannot stand as words: the element after them keeps its case (CMOS 8.161).
_PREFIXES = words(
    "anti co counter de e ex extra infra inter intra macro micro mid mini multi neo non over"
    " pan post pre pro proto pseudo quasi re semi socio sub super supra trans ultra un"
)
_DOTTED = re.compile(r"(?:[a-z]\.){2,}")
_NUMBER_WORDS = words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
    " hundred first second third fourth fifth sixth seventh eighth ninth tenth eleventh"
    " twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
    " twentieth"
    " thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth"
)


def title_case(text: str) -> str:
    """Headline-style capitalization (CMOS 8.159) for English titles.

    Lowercase words are capitalized, except articles, coordinating conjunctions and prepositions
    (lowercased even when the source capitalized them). The first and last words, and the first
    word after a colon, a dash, a semicolon or an opening quotation mark, are always capitalized.
    Words with capitals inside ("USSR-DPRK", "iPhone") keep them; CSL rich-text markup and
    `nocase` spans are left alone, and so is anything else between angle brackets.
    """
    text = _unshout(text)
    tags: list[str] = []

    def hide(match: re.Match[str]) -> str:
        element = match.group(0)
        if match.group(5) is not None:
            language = guess(match.group(5))
            if not language or language == "en":
                return element
            # A quotation in another language keeps its capitals too: "The Slogan “Nie
            # ma chleba bez wolności” in Poznań".
            tags.append(match.group(5))
            return "“\x01”"
        if match.group(3) is not None:
            inner = match.group(4)
            language = guess(inner)
            if not language or language == "en":
                # An English phrase in italics is cased with the title: only its tags hide.
                tags.extend([element[: match.start(4) - match.start()], f"</{match.group(3)}>"])
                return "\x00" + inner + "\x00"
            # A title or phrase in another language keeps its own capitals (CMOS 11.6):
            # "Reading <i>Les misérables</i> in Moscow".
        tags.append(element)
        # A protected element stands for a word (it may be the title's first); a tag for nothing.
        return "\x01" if "</" in element[1:] else "\x00"

    protected = _PROTECTED.sub(hide, text) if "<" in text or "“" in text else text
    tokens = _WORD.findall(protected)
    word_positions = [i for i, tok in enumerate(tokens) if tok[0].isalnum() or tok == "\x01"]
    if not word_positions:
        return text
    first, last = word_positions[0], word_positions[-1]
    out: list[str] = []
    capitalize_next = False
    # A quoted question closed ("“What Is to Be Done?” and Other Essays"): a conjunction
    # after it goes on with the title; any other word starts a segment.
    quoted_stop = False
    for i, tok in enumerate(tokens):
        if tok == "\x01":
            out.append(tok)
            capitalize_next = quoted_stop = False
            continue
        if not tok[0].isalnum():
            out.append(tok)
            if tok in (":", ";", "?", "!", "—", "“", "‘") or (
                tok == '"' and (i == 0 or tokens[i - 1].isspace())
            ):
                capitalize_next = True
                quoted_stop = False
            elif not tok.isspace() and tok not in _KEEPS_CAPITAL:
                capitalize_next = False
            elif capitalize_next and tok in ("”", "’", '"', "'"):
                quoted_stop = True
            continue
        lower = tok.lower()
        if quoted_stop and lower in ("and", "or", "nor") and i != last:
            capitalize_next = False
        quoted_stop = False
        if i > 0 and tokens[i - 1] in ("=", "+", "^"):
            out.append(tok)  # part of a formula ("E=mc"), not a word of the title
        elif (i > 1 and tokens[i - 1] == "\x00" and tokens[i - 2][0].isalnum()) or (
            i > 0 and tokens[i - 1] == "\x01"
        ):
            out.append(tok)  # the rest of a word split by markup ("H<sub>2</sub>O", "<i>n</i>th")
        elif i != first and not capitalize_next and _CLOSED_CIRCA.fullmatch(tok):
            out.append(tok[0].lower() + tok[1:])  # "c.1750-1850", closed up, last or not
        elif i in (first, last) or capitalize_next:
            out.append(_capitalize_word(tok))
        elif tok in ("V.", "Vs.") and _beside_initial(tokens, i):
            out.append(_capitalize_word(tok))  # "S. V. Chervonenko": an initial, not versus
        elif _circa(tokens, i):
            out.append(lower)  # "Empire, c. 1880–1950": an abbreviation, lowercase (8.159)
        elif (
            lower in STOP_WORDS
            and (tok.islower() or tok.istitle())
            and not (
                lower in _ADVERBIAL_PARTICLES
                and (_used_adverbially(tokens, i) or _after_its_verb(tokens, i))
            )
            and not (lower in _CONJUNCTIONS_TOO and _opens_clause(tokens, i))
            # "A&M", "A/B": a letter joined to its neighbours is not an article.
            and not (i + 1 < len(tokens) and tokens[i + 1] in ("&", "/"))
            and not (i > 0 and tokens[i - 1] in ("&", "/"))
        ):
            out.append(lower)
        else:
            out.append(_capitalize_word(tok))
        capitalize_next = False
    result = "".join(out)
    pieces = re.split("[\x00\x01]", result)
    return "".join(piece + (tags[i] if i < len(tags) else "") for i, piece in enumerate(pieces))


# Abbreviations before a date that stay lowercase inside a title: circa, floruit (CMOS ch. 10
# spells them lowercase, among the scholarly abbreviations; 8.159 capitalizes words, not them).
_DATE_ABBREVIATIONS = words("c. ca. fl.")
_CLOSED_CIRCA = re.compile(r"(?:c|ca|fl)\.\d{3,4}\b.*")


def _circa(tokens: list[str], i: int) -> bool:
    """Whether `tokens[i]` is "c."/"ca." before a year: lowercase, or capitalized by a record
    after a comma or a parenthesis ("Transnationalism, C. 1880", not "John C. 1880")."""
    if tokens[i].lower() not in _DATE_ABBREVIATIONS or not (
        i + 2 < len(tokens) and tokens[i + 1].isspace() and tokens[i + 2][:1].isdigit()
    ):
        return False
    before = [tok for tok in tokens[max(0, i - 3) : i] if not tok.isspace()]
    return tokens[i].islower() or (bool(before) and before[-1] in (",", "("))


# Marks after which a capital still due stays due: a tag, an opening parenthesis, an en
# dash, and the closing quotation marks and brackets after ? or ! ("‘Why Are We Telling
# Lies?’ The Creation of …": the quoted question ends a segment of the title, and the next
# word starts the next one, CMOS 8.159).
_KEEPS_CAPITAL = frozenset({"\x00", "(", "–", "”", "’", ")", "]", "»", '"', "'"})
_INITIAL = re.compile(r"[^\W\d_]\.")


def _beside_initial(tokens: list[str], i: int) -> bool:
    """Whether the word at `tokens[i]` stands next to an initial ("S. V. Chervonenko",
    "Comrade V. M. Molotov"): there a capital "V." is an initial too. "v." is versus only
    between the parties of a case name ("Roe v. Wade"); a source that wrote it lowercase
    meant versus ("United States v. E. C. Knight Co.")."""
    before = [tok for tok in tokens[max(0, i - 3) : i] if not tok.isspace()]
    after = [tok for tok in tokens[i + 1 : i + 4] if not tok.isspace()]
    return bool(
        (before and _INITIAL.fullmatch(before[-1])) or (after and _INITIAL.fullmatch(after[0]))
    )


# A title typed in capitals (a catalogue record, a title page copied as printed) carries no
# case information; CMOS headline style applies all the same (8.159). Only acronyms a
# historian's titles use and roman numerals keep their capitals.
_ACRONYMS = words(
    "us usa u.s. uk un ussr urss nato cia kgb nkvd mgb gru oss nsc fbi prc roc rok dprk gdr"
    " frg eu eec seato cento asean ccp kmt cpsu pla ii iii iv vi vii viii ix xi xii xiii xiv"
    " xv xvi xvii xviii xix xx xxi ww wwii icbm sdi abm salt start mad un. itt ibm bbc cnn"
)
_LETTER = re.compile(r"[^\W\d_]")


def _unshout(text: str) -> str:
    letters = _LETTER.findall(re.sub(r"<[^>]*>", "", text))
    if len(letters) < 8 or any(c.islower() for c in letters):
        return text
    if sum(1 for w in re.findall(r"[^\W\d_]{4,}", text)) < 2:
        return text  # "NATO", "SALT II": an acronym title, not a shouted one

    def lower(match: re.Match[str]) -> str:
        word = match.group(0)
        return word if word.lower() in _ACRONYMS else word.lower()

    parts = re.split(r"(<[^>]*>)", text)  # markup keeps its own spelling
    return "".join(
        part if part.startswith("<") else re.sub(r"[^\W\d_][\w.'’]*", lower, part) for part in parts
    )


# Prepositions that also serve as adverbs ("Starting All Over Again", "Giving In"): CMOS
# 8.159 capitalizes them when used adverbially. Only the uses a reader can be sure of count:
# with no object after them (before punctuation or a conjunction ending the phrase) or before
# an adverb that cannot be their object.
_ADVERBIAL_PARTICLES = words(
    "about above across after along around before behind below beneath beyond by down in"
    " inside near off on out outside over past since through throughout under up within"
    " without"
)
_ADVERBS = words("again anew apart aside away back forth forward together")
_PREPOSITIONS = (
    _ADVERBIAL_PARTICLES | _LONG_PREPOSITIONS | words("at for from into of onto to toward via with")
)
_PHRASE_END = frozenset(":;,.?!—–)”’")


def _used_adverbially(tokens: list[str], i: int) -> bool:
    """Whether the preposition at `tokens[i]` has no object: the next word is an adverb of
    `_ADVERBS`, or the phrase ends after it (punctuation), or "and"/"or" joins it to another
    particle that is itself adverbial ("Over and Over Again")."""
    j = i + 1
    while j < len(tokens) and (tokens[j].isspace() or tokens[j] == "\x00"):
        j += 1  # spaces and markup ("<i>Giving In</i>: …")
    if j == len(tokens):
        return True
    nxt = tokens[j]
    if nxt in _PHRASE_END:
        return True
    lower = nxt.lower()
    if lower in _ADVERBS:
        return True
    if lower in ("and", "or", "but", "nor"):
        # "Stalin Looked On and Did Nothing": a conjunction ends the phrase, unless another
        # preposition shares the object ("in and around Seoul", "before and after the War").
        k = j + 1
        while k < len(tokens) and (tokens[k].isspace() or tokens[k] == "\x00"):
            k += 1
        if k < len(tokens) and tokens[k].lower() in _PREPOSITIONS:
            return _used_adverbially(tokens, k)
        return True
    return False


def _after_its_verb(tokens: list[str], i: int) -> bool:
    """Whether the particle at `tokens[i]` follows the verb it makes a phrasal verb with
    ("Filling In Some of the Blanks", "Taking Over the Party"; not "Living in the Shadow")."""
    return i > 1 and tokens[i - 1] == " " and particle_of_verb(tokens[i - 2], tokens[i])


# Prepositions that are also subordinating conjunctions: capitalized when they open a clause
# ("Since We Met", "Before It Is Too Late", CMOS 8.159), lowercase before a year, a number,
# an article or a noun phrase ("Europe since 1945", "Life before the War"). Only a subject
# pronoun tells a clause for certain; "it" and "you" only when a word follows them.
_CONJUNCTIONS_TOO = words("after before since till until")
_SUBJECTS = words("i we he she they there")


def _opens_clause(tokens: list[str], i: int) -> bool:
    words_after = [tok for tok in tokens[i + 1 : i + 6] if tok[0].isalnum()]
    spaced = [tok for tok in tokens[i + 1 : i + 6] if not tok.isspace()]
    if not words_after or not spaced or spaced[0] != words_after[0]:
        return False  # punctuation follows: the adverb test decides
    nxt = words_after[0].lower()
    if nxt in _SUBJECTS:
        return True
    return nxt in ("it", "you") and len(words_after) > 1 and spaced[1:2] == [words_after[1]]


def _capitalize_word(word: str) -> str:
    """A word in headline style. A hyphenated compound given in lowercase is capitalized by
    CMOS 8.161: the first element always, later ones unless articles, prepositions or
    conjunctions, and nothing after a prefix that is not a word of its own ("Anti-inflation").
    A compound the source capitalized is left as written: a name like "Mao Tse-tung" or
    "Kim Il-sung" keeps its lowercase second element."""
    if _DOTTED.fullmatch(word):
        return word.upper()  # "u.s." -> "U.S."
    if not word.islower():
        if "-" in word and word.split("-", 1)[0].lower() in _NUMBER_WORDS:
            # A spelled-out number takes a capital on each element: "Twenty-First-Century"
            # (CMOS 8.161), though the source wrote it in sentence style.
            return _capitalize_word(word.lower())
        if "-" in word and _english_compound(word):
            # "Self-determination" as a record holds it: "Self-Determination" (8.161).
            return _capitalize_word(word.lower())
        head = word.split("-", 1)[0]
        if "-" in word and head in _PREFIXES:
            # "post-Mao", "anti-American", "pre-Columbian": the first element is capitalized
            # always (8.161), the name after the prefix as written.
            return word[:1].upper() + word[1:]
        return word
    if "-" not in word:
        return word[:1].upper() + word[1:]
    parts = word.split("-")
    parts = [part.upper() if _DOTTED.fullmatch(part) else part for part in parts]
    out = [parts[0][:1].upper() + parts[0][1:]]
    after_prefix = parts[0] in _PREFIXES
    for part in parts[1:]:
        if after_prefix or part in STOP_WORDS:
            out.append(part)
        else:
            out.append(part[:1].upper() + part[1:])
        after_prefix = False
    return "-".join(out)


# First elements of English compounds that are words of their own ("Self-Determination",
# "Well-Being", "Cold-War Politics"), unlike a syllable of a romanized name ("Mao Tse-tung").
_COMPOUND_WORDS = words(
    "self well ill half all cross world long short high low cold old new full free great far"
    " near left right hard soft large small open first last middle state nation class mass"
    " war peace arms power price top"
)
_VOWEL_GROUP = re.compile(r"[aeiouyäöüéè]+")
_SYLLABLE_ELEMENT = re.compile(r"[a-zäöüé']+")


def _english_compound(word: str) -> bool:
    """Whether `word`, capitalized only on its first letter ("Self-determination"), is an
    English compound whose later elements take capitals by CMOS 8.161, not a romanized name
    whose lowercase syllable the source wrote on purpose ("Tse-tung", "Il-sung", "Fan-hsi").
    A first element that is a word of its own tells (after a prefix, "Anti-inflation", the
    case is kept anyway), and so does a later element of more than one syllable, which no
    syllable of a Chinese or Korean name is."""
    parts = word.split("-")
    if len(parts) < 2 or not parts[0][:1].isupper() or parts[0][1:] != parts[0][1:].lower():
        return False
    if not all(_SYLLABLE_ELEMENT.fullmatch(part) for part in parts[1:]):
        return False  # "U.S.-Soviet", "Soviet-American": already as the source wants
    first = parts[0].lower()
    if first in _PREFIXES:
        return False
    if first in _COMPOUND_WORDS:
        return True
    return all(len(_VOWEL_GROUP.findall(part)) >= 2 for part in parts[1:])


def smart_quotes(text: str, nested: bool) -> str:
    """Straight quotes to curly; `nested` when the text sits inside double quotes already."""
    if '"' not in text and "'" not in text:
        return text
    open_q, close_q = ("‘", "’") if nested else ("“", "”")
    out: list[str] = []
    depth_open = False
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i else " "
            opening = prev.isspace() or prev in "([{—–-/" or (not depth_open and i == 0)
            if opening and not depth_open:
                out.append(open_q)
                depth_open = True
            else:
                out.append(close_q)
                depth_open = False
        elif ch == "'":
            prev = text[i - 1] if i else " "
            if (prev.isspace() or prev in "([{—–") and i + 1 < len(text) and text[i + 1].isalnum():
                # An opening single quote inside a nested title swaps back to double marks.
                out.append("“" if nested else "‘")
            else:
                out.append("’")
        else:
            out.append(ch)
    return "".join(out)


def _abbreviate_range(first: str, last: str) -> str:
    """CMOS 9.64 (the "chicago-16" rule CSL names): 321–28, 101–8, 1496–500, 71–72, 100–104."""
    a, b = int(first), int(last)
    if a < 100 or a % 100 == 0 or b <= a or len(last) != len(first):
        return last
    if a % 100 < 10:
        # 101-109: only the changed digits (101–8, 1103–4).
        return str(b % 100) if b // 100 == a // 100 else last
    # 110-199 in each hundred: at least two digits, more if they change (321–28, 1496–500).
    for keep in range(2, len(last) + 1):
        if first[: len(first) - keep] == last[: len(last) - keep]:
            return last[len(last) - keep :]
    return last


# Numbers, ordinals or decades ("15th-18th Century", "1950s-60s"): a range wherever a hyphen
# joins two of them alone (CMOS 6.78, 6.83). Chinese, Japanese and Korean characters run
# on without spaces ("十年论战：1956-1966中苏关系"): beside them a number stands alone.
_LETTER_OR_DIGIT = r"[^\W\u2e80-\u9fff\u3040-\u30ff\uac00-\ud7af\uf900-\ufaff]"
_TITLE_RANGE = re.compile(
    rf"(?<![\-–/.])(?<!{_LETTER_OR_DIGIT})(\d{{1,4}}(?:st|nd|rd|th|s)?)"
    rf"-(\d{{1,4}}(?:st|nd|rd|th|s)?)(?![\-–/])(?!{_LETTER_OR_DIGIT})"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Spring|Summer|Fall"
    r"|Autumn|Winter)"
)
# Dates joined by a hyphen: "June 1950-June 1951", "July 26-December 31, 1956",
# "June-July 1950", "1950-June 1951", "1 November 1950-12 April 1951" (CMOS 6.83: an en
# dash between dates).
_DATE_RANGE = re.compile(
    rf"(?<![\w\-–])((?:{_MONTH}(?:\s+\d{{1,2}},?)?(?:\s+\d{{4}})?)|\d{{4}})"
    rf"-(?=(?:\d{{1,2}}\s+)?{_MONTH}(?![\w\-]))"
)
# A number after these is an identifier, not a range: "S. Rep. No. 94-465", "H. Doc. 81-12".
_IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:nos?|rep|doc|res)\.|#)\s*$", re.IGNORECASE)


def _plausible_range(first: str, last: str) -> bool:
    """Whether "first-last" reads as a range of numbers: the second is larger, or a shortened
    form of a larger one (1952-61, 1496-500: CMOS 9.64 shortens from 100 on only); "11-4"
    (NIE 11-4) is an identifier."""
    if not (first.isdigit() and last.isdigit()):
        return True  # ordinals and decades ("16th-17th", "1950s-60s")
    a, b = int(first), int(last)
    if len(last) < len(first):
        return a >= 100 and int(first[: len(first) - len(last)] + last) > a
    return b > a


# A year joined to a phrase that ends in a later year: "1953-nachalo 1980-kh gg.", "1945-early
# 1950s", "1914-end of 1918" (CMOS 6.78: the en dash of "from ... to", whatever the language).
# A short ending after the hyphen is the numeral's own case ending ("Ot 1953-go k 1956 godu",
# "1980-kh"), not a word: the phrase starts with a word of four letters or a short one of these.
_YEAR_TO_PHRASE = re.compile(
    r"(?<![\w\-–])(\d{4})-(?=(?:[^\W\d_]{4,}|end|mid|fin)[\s-]"
    r"(?:[^\W\d_]+[\s-])?(\d{4})(?!\d))",
    re.IGNORECASE,
)
# Years after a closed-up circa: "c.1750-1850" (the period hides them from _TITLE_RANGE).
_CIRCA_RANGE = re.compile(r"(?<![\w.])((?:c|ca|fl)\.)(\d{4})-(\d{2,4})(?![\w\-–])", re.IGNORECASE)
# A double hyphen between numbers, TeX's en dash (ProQuest's and BibTeX's "1981--1989").
_DOUBLE_HYPHEN = re.compile(r"(?<=\d)\s?--\s?(?=\d)")
# A unit right before a number in a shelfmark ("ll. 12-15", "Listy 65-67", "Bl. 1-12",
# "box 4-6", "ll. 3-5, 9-12"): the pair is a run of that unit.
_LABELLED = re.compile(r"[^\W\d_]{1,12}\.?\s*(?:\d+(?:[\-–]\d+)?,\s*)*$")


def _year_pair(first: str, last: str) -> bool:
    """Whether "first-last" are years: 1944-1952, 1960-63, 1898-1903 (a span, not "2010-6321")."""
    if len(first) != 4 or not (first.isdigit() and last.isdigit()) or len(last) not in (2, 4):
        return False
    a = int(first)
    b = int(first[:2] + last) if len(last) == 2 else int(last)
    return 1000 <= a < b <= 2100


def number_ranges(text: str, *, shelfmark: bool = False) -> str:
    """En dashes between the numbers or dates of a range written with a hyphen, "1945-1953"
    -> "1945–1953", "June 1950-June 1951" -> "June 1950–June 1951" (CMOS 6.78, 6.83),
    leaving identifiers alone: "NIE 11-4-57", "NSC-68", "974.7301/7-2756", "No. 94-465".

    In an archival shelfmark or collection (`shelfmark`), a pair of numbers is a range only
    when a unit labels it ("ll. 12-15", "Bl. 1-12") or when both are years ("1955-59"): a
    bare pair is a file number ("2010-6321", Japan's Diplomatic Archives)."""
    if "-" not in text:
        return text
    text = _DOUBLE_HYPHEN.sub("–", text)

    def dash(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        # The label is right before the number: a window keeps many ranges linear.
        window = max(0, match.start() - 40)
        if not _plausible_range(first, last) or _IDENTIFIER_BEFORE.search(
            text, window, match.start()
        ):
            return match.group(0)
        if (
            shelfmark
            and not _year_pair(first, last)
            and not _LABELLED.search(text, window, match.start())
        ):
            return match.group(0)
        return f"{first}–{last}"

    def to_phrase(match: re.Match[str]) -> str:
        first, last = match.group(1), match.group(2)
        return f"{first}–" if int(last) > int(first) else match.group(0)

    text = _TITLE_RANGE.sub(dash, text)
    text = _CIRCA_RANGE.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2)}–{m.group(3)}"
            if _year_pair(m.group(2), m.group(3))
            else m.group(0)
        ),
        text,
    )
    if "-" not in text:
        return text
    text = _YEAR_TO_PHRASE.sub(to_phrase, text)
    return _DATE_RANGE.sub("\\1–", text) if "-" in text else text


# Open compounds a historian's English titles join a prefix to (CMOS 6.80: "post–World War
# II", "pre–Civil War"): proper nouns of more than one word, which a hyphen after the prefix
# would split ("post-Cold War" reads as "post-cold" war). A list, because capitals alone do
# not tell an open compound from a proper adjective and its noun: "Anti-Japanese War" is a
# war against Japan, not something against "the Japanese War".
_OPEN_COMPOUND = (
    r"(?:World\s+War\s+(?:I{1,3}|One|Two)|(?:First|Second)\s+World\s+War"
    r"|(?:Cold|Civil|Great|Korean|Vietnam|Gulf|Boer|Crimean|Six-Day|Yom\s+Kippur|Opium"
    r"|Napoleonic|Russo-Japanese|Sino-Japanese)\s+Wars?"
    r"|New\s+(?:Deal|Left|Right|York|Economic\s+Policy)|Great\s+(?:Depression|Society|Leap"
    r"\s+Forward|Terror)|(?:Cultural|Russian|French|Industrial|Bolshevik|October|Chinese"
    r"|Cuban|Iranian|Islamic)\s+Revolution|Third\s+World|Soviet\s+Union|United\s+(?:States"
    r"|Nations|Kingdom)|(?:Middle|Far|Near)\s+East|(?:Latin|North|South|Central)\s+America"
    r"|(?:Southeast|South|East|Central)\s+Asia|(?:Eastern|Western|Central)\s+Europe"
    r"|Marshall\s+Plan|Iron\s+Curtain|Berlin\s+Wall|Warsaw\s+Pact|Bretton\s+Woods"
    r"|Second\s+Vatican\s+Council|Prague\s+Spring|Arab\s+Spring)(?![\w\-])"
)
_PREFIXED_COMPOUND = re.compile(
    r"(?<![\w\-])((?:anti|counter|ex|inter|mid|neo|non|pan|post|pre|pro|pseudo|quasi"
    r"|semi|sub|super|trans|ultra))-(?=" + _OPEN_COMPOUND + ")",
    re.IGNORECASE,
)


def prefixed_open_compounds(text: str) -> str:
    """An en dash between a prefix and the open compound it qualifies: "post-Cold War
    Order" -> "post–Cold War Order", "pre-World War II" -> "pre–World War II" (CMOS 6.80);
    headline style then capitalizes the prefix (8.161): "Post–Cold War"."""
    if "-" not in text:
        return text
    return _PREFIXED_COMPOUND.sub(r"\1–", text)


# A space before a colon, semicolon, question mark or exclamation point, as French sets
# them ("1945-1953 : Une approche") and library catalogues copy them ("Power and protest :
# global revolution"): English text closes it up (CMOS 18 ch. 11, French punctuation).
_SPACE_BEFORE_MARK = re.compile(r"(?<=[^\s:;?!])[ \u00a0\u202f\u2009]+(?=[:;?!]+(?!\w))")


def close_up_marks(text: str) -> str:
    """No space (plain, no-break or narrow no-break) before : ; ? or ! in an English text
    (CMOS ch. 11)."""
    if not any(mark in text for mark in ":;?!"):
        return text
    return _SPACE_BEFORE_MARK.sub("", text)


def abbreviate_year_range(first: int, last: int) -> str:
    """The second year of an inclusive range, shortened as page numbers are (CMOS 9.67):
    1960–70, 1898–1903, 2000–2001."""
    return _abbreviate_range(str(first), str(last))


_RANGE = re.compile(r"\b(\d+)\s*[-–—]+\s*(\d+)\b")
_ANY_RANGE = re.compile(r"(\w)\s*(?:-+|–|—)\s*(\w)")


def page_range(text: str, abbreviate: bool = True) -> str:
    """Page ranges with en dashes, the second number abbreviated the Chicago way."""
    if "-" not in text and "–" not in text and "—" not in text:
        return text
    if abbreviate:
        text = _RANGE.sub(
            lambda m: f"{m.group(1)}–{_abbreviate_range(m.group(1), m.group(2))}", text
        )
    return _ANY_RANGE.sub(r"\1–\2", text)


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def punctuation_inside_quotes(runs: list[Run]) -> list[Run]:
    """Chicago's punctuation around quotation marks and titles, across run boundaries.

    A period or comma after closing quotation marks moves inside them (CMOS 6.9), nested closing
    marks and all: ‘Shift,’”. It is dropped instead when the quoted title already ends in a
    period, question mark or exclamation point (“Why Did Stalin Agree?” not “…Agree?,”), and a
    period right after one of those is dropped anywhere (*Stalin, Inc.* ends its sentence).
    A lone ’ counts as a closing quote only after an opening ‘, so "the Joneses’, house" keeps
    its apostrophe.
    """
    text = "".join(run.text for run in runs)
    quoted = "”" in text or "‘" in text
    # Substring checks first: most notes have nothing to fix and skip the regexes.
    drops: set[int] = set()
    if ".." in text or "?." in text or "!." in text:
        drops = {m.start() for m in _DOUBLE_STOP.finditer(text)}
    if quoted and ("”," in text or "”." in text or "’," in text or "’." in text):
        for match in _CLUSTER.finditer(text):
            closing = "”" in match.group(1) or text.find("‘", 0, match.start()) != -1
            before = text[match.start() - 1] if match.start() > 0 else ""
            # ?! end the title and take the place of a comma or period; a period (Inc., gg.)
            # takes the place of a period only: the comma after an abbreviation stays.
            mark = text[match.end(1)]
            if closing and ((before in "?!" and before) or (before == "." and mark == ".")):
                drops.add(match.end(1))
    elif not quoted and not drops:
        return runs
    if drops:
        runs = _drop_characters(runs, drops)
        text = "".join(run.text for run in runs)
    if "”" not in text and "‘" not in text:
        return runs
    moves = [
        match
        for match in _CLUSTER.finditer(text)
        if "”" in match.group(1) or text.find("‘", 0, match.start()) != -1
    ]
    moves = _quotes_to_pass(runs, text, moves)
    if not moves:
        return runs
    chars = list(text)
    for match in moves:
        start, mark_at = match.start(1), match.end(1)
        chars[start + 1 : mark_at + 1] = chars[start:mark_at]
        chars[start] = text[mark_at]
    moved = "".join(chars)
    # Usually the quotes and the comma share one format: cut the new text at the old run
    # boundaries. Only a move across a format change needs the character-by-character path.
    bounds = []
    position = 0
    for run in runs:
        bounds.append((position, position + len(run.text), run))
        position += len(run.text)
    one_format = len({run.style for run in runs}) == 1
    if one_format or all(_uniform(bounds, m.start(1), m.end(1)) for m in moves):
        return [run.with_text(moved[a:b]) for a, b, run in bounds if b > a]
    formats: list[Run] = []
    for run in runs:
        formats.extend([run] * len(run.text))
    chars = list(text)
    for match in moves:
        start, mark_at = match.start(1), match.end(1)
        mark = chars[mark_at]
        chars[start + 1 : mark_at + 1] = chars[start:mark_at]
        chars[start] = mark
        formats[start + 1 : mark_at + 1] = formats[start:mark_at]
    out: list[Run] = []
    for ch, fmt in zip(chars, formats, strict=True):
        if out and out[-1].style == fmt.style:
            out[-1] = out[-1].with_text(out[-1].text + ch)
        else:
            out.append(fmt.with_text(ch))
    return out


def closing_singles(text: str) -> set[int]:
    """The positions of the ’ in `text` that close a single quotation opened by ‘; any other
    ’ is an apostrophe or a letter (the soft sign of a transliteration, "ottepel’",
    "Lavrent’eva"), and punctuation never moves past it."""
    if "‘" not in text:
        return set()
    closers: set[int] = set()
    depth = 0
    index = 0
    while index < len(text):
        ch = text[index]
        if ch == "‘":
            depth += 1
        elif ch == "’" and depth:
            end = index
            while end < len(text) and text[end] == "’":
                end += 1
            prev = text[index - 1] if index else " "
            after = text[end] if end < len(text) else " "
            if not (prev.isalnum() and after.isalnum()):
                # "Rus’’": a run of marks after a word closes as many quotations as are
                # open, from its end; the ones before are letters.
                count = min(end - index, depth)
                closers.update(range(end - count, end))
                depth -= count
            index = end
            continue
        index += 1
    return closers


def quotes_belong_to_title(italic_title: str) -> bool:
    """Whether the closing quotation marks an italic title ends with are part of it as
    printed, a quoted word at its end (*Hot “Cold War”*): a comma or period after it then
    follows the title, outside the italics. A title that is a quotation as a whole
    (*“Them”*, *“One Hell of a Gamble”*) takes them inside its marks (CMOS 6.9)."""
    title = italic_title.strip()
    if not title.startswith(("“", "‘", "«", '"')):
        return True
    # A title that opens with a quotation closed before its end (*“Them” and “Us”*) ends
    # with a quotation of its own words too.
    body = title[1:].rstrip('”’»"')
    return "”" in body or "»" in body or '"' in body


def _quotes_to_pass(runs: list[Run], text: str, moves: list[re.Match[str]]) -> list[re.Match[str]]:
    """The moves that stand: a leading ’ that closes nothing is a letter, and the marks are
    moved from after it (none left, no move); marks ending an italic title whose quotation is
    only its last words stay where they are, the comma after the title."""
    singles = closing_singles(text)
    italic: list[bool] = []
    for run in runs:
        italic.extend([run.italic] * len(run.text))
    kept: list[re.Match[str]] = []
    for match in moves:
        start = match.start(1)
        while start < match.end(1) and text[start] == "’" and start not in singles:
            start += 1
        if start == match.end(1):
            continue
        if italic[start] and not italic[match.end(1)]:
            begin = start
            while begin > 0 and italic[begin - 1]:
                begin -= 1
            if quotes_belong_to_title(text[begin:start]):
                continue
        if start != match.start(1):
            shifted = _CLUSTER.match(text, start)
            if shifted is None:
                continue
            match = shifted
        kept.append(match)
    return kept


_CLUSTER = re.compile(r"([”’]+)[.,]")
# A period after ?, ! or a single period (not an ellipsis).
_DOUBLE_STOP = re.compile(r"(?:(?<=[?!])|(?<=[^.]\.))\.(?!\.)")


def _drop_characters(runs: list[Run], positions: set[int]) -> list[Run]:
    out: list[Run] = []
    start = 0
    for run in runs:
        end = start + len(run.text)
        hits = [p - start for p in positions if start <= p < end]
        if hits:
            text = "".join(ch for i, ch in enumerate(run.text) if i not in hits)
            if text:
                out.append(run.with_text(text))
        else:
            out.append(run)
        start = end
    return out


def _uniform(bounds: list[tuple[int, int, Run]], start: int, end: int) -> bool:
    """Whether characters start..end (inclusive) all have the same formatting."""
    formats = {run.style for a, b, run in bounds if a <= end and b > start and b > a}
    return len(formats) <= 1


def merge_runs(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with the same formatting (a run with no neighbour to join is
    kept as it is, not copied)."""
    merged: list[Run] = []
    group: list[Run] = []
    current: tuple[bool | str, ...] = ()
    for run in runs:
        if not run.text:
            continue
        style = (run.italic, run.small_caps, run.bold, run.superscript, run.subscript, run.link)
        if group and style != current:
            merged.append(group[0] if len(group) == 1 else group[0].with_text(_texts(group)))
            group = []
        current = style
        group.append(run)
    if group:
        merged.append(group[0] if len(group) == 1 else group[0].with_text(_texts(group)))
    return merged


def _texts(runs: list[Run]) -> str:
    return "".join(run.text for run in runs)
