"""Headline-style capitals (CMOS 8.159-8.161): which words of an English title take a capital,
as CSL's title case does, with Chicago's refinements (prepositions of any length, hyphenated
compounds, particles of phrasal verbs, words that stay as typed)."""

from __future__ import annotations

import re

from assistant.cite.headline_uses import (
    ADVERBIAL_PARTICLES,
    CONJUNCTIONS_TOO,
    FOREIGN_CONJUNCTIONS,
    LONG_PREPOSITIONS,
    after_article,
    after_its_verb,
    between_capitals,
    name_particle,
    named,
    opens_clause,
    previous_mark,
    used_adverbially,
)
from assistant.cite.languages import guess
from assistant.cite.typography import words

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
STOP_WORDS = _CSL_STOP_WORDS | LONG_PREPOSITIONS

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
# Prefixes and combining forms that cannot stand as words ("thermo-", "hydro-", "bio-"):
# the element after them keeps its case (CMOS 8.161; the prefixes of CMOS 7.96).
_PREFIXES = words(
    "ante anti bi bio co counter de e electro ex extra geo hydro hyper infra inter intra macro"
    " mega meta micro mid mini multi neo neuro non over pan post pre pro proto pseudo"
    " psycho quasi re semi socio sub super supra tele thermo trans ultra un"
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
        elif lower in ("n’", "n'") and i > 0 and tokens[i - 1] in ("’", "'"):
            out.append(lower)  # "Rock ’n’ Roll": "and" elided, two apostrophes, lowercase
        elif (
            i > 2
            and tokens[i - 1] == ")"
            and tokens[i - 3] == "("
            and tokens[i - 2][0].isalpha()
            and (tok.islower() or tok.istitle())
        ):
            # "(Re)marks", "(Un)making": the word goes on after its parenthesized prefix, one
            # word, so one capital, on the prefix (CMOS 8.159, 8.161).
            out.append(tok[:1].lower() + tok[1:])
        elif i > 1 and tokens[i - 1] == "(" and tokens[i - 2][0].isalnum() and tok.islower():
            # "Decade(s)", "Hero(ine)": a letter after a parenthesis inside a word is the
            # word's own optional ending, no new word (CMOS 8.159).
            out.append(tok)
        elif i != first and not capitalize_next and _CLOSED_CIRCA.fullmatch(tok):
            out.append(tok[0].lower() + tok[1:])  # "c.1750-1850", closed up, last or not
        elif i in (first, last) or capitalize_next or _ends_segment(tokens, i):
            out.append(_capitalize_word(tok))
        elif tok in ("An", "A") and _part_of_name(tokens, i):
            out.append(tok)  # "Tay Ninh and Long An, 1965": a place name's part, no article
        elif tok in ("V.", "Vs.") and _beside_initial(tokens, i):
            out.append(_capitalize_word(tok))  # "S. V. Chervonenko": an initial, not versus
        elif _circa(tokens, i):
            out.append(lower)  # "Empire, c. 1880–1950": an abbreviation, lowercase (8.159)
        elif (
            lower in FOREIGN_CONJUNCTIONS
            and (tok.islower() or len(tok) > 1)
            and between_capitals(tokens, i)
        ):
            out.append(lower)  # "Gaudium et Spes", "Sturm und Drang": the phrase's own case
        elif tok == "The" and _article_of_name(tokens, i):
            out.append(tok)  # "the Archives of The Hague": the article is the name's own
        elif tok.islower() and name_particle(tokens, i):
            out.append(tok)  # "Afghanistan, and bin Laden", "Letters of Vincent van Gogh"
        elif (
            lower in STOP_WORDS
            and (tok.islower() or tok.istitle())
            and not (
                lower in ADVERBIAL_PARTICLES
                and (
                    used_adverbially(tokens, i)
                    or after_its_verb(tokens, i)
                    or after_article(tokens, i)
                    # "Hands Off Africa!": the interjection's adverb, capitalized (8.159)
                    or (lower == "off" and previous_mark(tokens, i).lower() == "hands")
                )
            )
            and not (lower in CONJUNCTIONS_TOO and opens_clause(tokens, i))
            and not (lower in CONJUNCTIONS_TOO and named(tokens, i))
            # "So" joins clauses only after a comma ("Poor, so We Left"); elsewhere it is an
            # adverb, capitalized ("(Not So) Secret", "So Far from God", CMOS 18 8.159).
            and not (lower == "so" and previous_mark(tokens, i) != ",")
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


def _next_mark(tokens: list[str], i: int) -> str:
    j = i + 1
    while j < len(tokens) and (tokens[j].isspace() or tokens[j] == "\x00"):
        j += 1
    return tokens[j] if j < len(tokens) else ""


def _ends_segment(tokens: list[str], i: int) -> bool:
    """Whether the word at `tokens[i]` is the last of a title before its subtitle: CMOS 18
    8.159 capitalizes the first and last words of titles and subtitles ("What They Fought
    For: Essays", "War Comes to Long An: Revolutionary Conflict")."""
    # "Dr. Strangelove or: How I Learned …": the "or" of a double title stays lowercase
    # (CMOS 8.164), a colon after it or not.
    return _next_mark(tokens, i) == ":" and tokens[i].lower() != "or"


def _part_of_name(tokens: list[str], i: int) -> bool:
    """Whether a capitalized "An"/"A" is a word of a name, not an article: an article never
    stands before punctuation, so one right after a capitalized word that is no function word
    and before a comma, semicolon or closing mark is the name's own ("Long An", CMOS 8.159
    lowercases articles only)."""
    if _next_mark(tokens, i) not in (",", ";", ")", "”", "’", "]", "—", "–", ""):
        return False
    before = previous_mark(tokens, i)
    return before[:1].isupper() and before.lower() not in STOP_WORDS


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
# The few place names whose article is part of the name and keeps its capital wherever it
# stands (CMOS 18 ch. 8 on place names: "The Hague"; "the Netherlands", "the Bahamas"
# take a lowercase one); 8.159 lowercases every other article.
_NAMES_WITH_ARTICLE = frozenset({"Hague", "Dalles"})


def _article_of_name(tokens: list[str], i: int) -> bool:
    return i + 2 < len(tokens) and tokens[i + 1] == " " and tokens[i + 2] in _NAMES_WITH_ARTICLE


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


# A particle that ends a hyphenated compound has no object: it is an adverb, capitalized
# (CMOS 18 8.159, 8.161): "Fall-Out", "Build-Up", "Cover-Up", "Sit-In". "in" and "on" are
# also syllables of romanized Korean names ("Jae-in"), so they count only after an element
# that no such syllable is like (no final vowel or "ng"): "Sit-In", "Break-In", "Add-On".
_CLOSING_PARTICLES = words("out up off down over back away about around through")


def _closing_particle(parts: list[str]) -> bool:
    last, before = parts[-1].lower(), parts[-2].lower()
    if not before.isalpha():
        return False
    if last in _CLOSING_PARTICLES:
        return True
    return (
        last in ("in", "on")
        and len(before) >= 3
        and before[-1] not in "aeiouy"
        and not before.endswith("ng")
    )


# An acronym opening a compound ("UN-controlled", "NATO-led", "U.S.-backed"): the later
# elements are English words, capitalized in headline style like any (CMOS 18 8.161).
_ACRONYM = re.compile(r"(?:[A-Z]{2,}|(?:[A-Z]\.){2,})")


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
        if len(head) == 1 and head.islower() and word[2:3].isupper():
            # "e-Journal", "e-Government", like "iPhone" and "eBay": a coinage whose
            # lowercase letter before a capital is its own spelling, kept as typed (8.153).
            return word
        parts = word.split("-")
        if len(parts) == 2 and head.lower() in _PREFIXES and _verb_form(parts[1]):
            # "Re-Examining" -> "Re-examining", "Co-Opting" -> "Co-opting": after a prefix
            # only a proper noun or adjective keeps its capital (8.161), and a verb's -ing form
            # is neither. (An -ed form may be a name's adjective: "the Non-Aligned Movement".)
            return head[:1].upper() + head[1:].lower() + "-" + parts[1].lower()
        if "-" in word and head in _PREFIXES:
            # "post-Mao", "anti-American", "pre-Columbian": the first element is capitalized
            # always (8.161), the name after the prefix as written.
            return word[:1].upper() + word[1:]
        if len(parts) > 1 and _ACRONYM.fullmatch(parts[0]):
            tail = [p if p.upper() == p else _capitalize_word(p) for p in parts[1:]]
            return "-".join([parts[0], *tail])
        if len(parts) > 1 and parts[-1].islower() and _closing_particle(parts):
            return "-".join([*parts[:-1], parts[-1][:1].upper() + parts[-1][1:]])
        return word
    if "-" not in word:
        return word[:1].upper() + word[1:]
    parts = word.split("-")
    parts = [part.upper() if _DOTTED.fullmatch(part) else part for part in parts]
    out = [parts[0][:1].upper() + parts[0][1:]]
    after_prefix = parts[0] in _PREFIXES
    for n, part in enumerate(parts[1:], 1):
        if n == len(parts) - 1 and not after_prefix and _closing_particle(parts):
            out.append(part[:1].upper() + part[1:])
        elif after_prefix or part in STOP_WORDS:
            out.append(part)
        elif n == len(parts) - 1 and part in _PLACE_SUFFIXES and len(parts[0]) >= 4:
            out.append(part)  # "chipyong-ni": a romanized place name's suffix
        else:
            out.append(part[:1].upper() + part[1:])
        after_prefix = False
    return "-".join(out)


def _verb_form(element: str) -> bool:
    """A capitalized -ing form of a verb ("Examining", "Opting"), no proper name."""
    return (
        element[:1].isupper()
        and element[1:].islower()
        and len(element) >= 5
        and element.endswith("ing")
    )


# The suffixes of romanized Korean and Japanese place names ("Chipyong-ni", "Kyŏnggi-do",
# "Okinawa-ken", "Naha-shi"): no English words, they keep the record's lowercase (8.161 is
# about English compounds).
_PLACE_SUFFIXES = words("ni ri dong gu gun do myŏn myon myeon ŭp eup ken shi ku machi mura chō cho")


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
    if first in _PREFIXES or parts[-1] in _PLACE_SUFFIXES:
        return False
    if first in _COMPOUND_WORDS:
        return True
    if len(first) >= 4 and len(_VOWEL_GROUP.findall(first)) >= 2:
        # A first element of two syllables is an English word ("Movie-going",
        # "Decision-making", "Money-laundering"): a hyphenated Chinese or Korean given name
        # joins single syllables ("Xiao-ping", "Dae-jung"), whose second may even have two
        # vowels in a row, as "going" has.
        return True
    return all(len(_VOWEL_GROUP.findall(part)) >= 2 for part in parts[1:])
