"""Personal and corporate names as Chicago prints them (CMOS 18 14.72-14.79, 14.21-14.23).

Notes give names in their natural order ("Nikita Khrushchev"), the bibliography inverts the
first ("Khrushchev, Nikita"), short notes keep the surname with its non-dropping particle
("de Gaulle"). Names in East Asian order (CSL `static-ordering`) are never inverted; names
written in Chinese, Japanese or Korean script also run together without a space ("沈志华").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from assistant.cite.typography import words

# Chinese, Japanese and Korean script (Hangul jamo and syllables, kana, CJK ideographs): one
# home for the pattern, used for names, titles and short titles.
CJK = re.compile(r"[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
                  r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")  # fmt: skip
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def without_script(text: str) -> str:
    """A romanized name or title without the same words in Chinese, Japanese or Korean script
    the record gives after it ("Kukpang Kunsa Yŏn'guso 국방군사연구소" -> "Kukpang Kunsa
    Yŏn'guso"): a short note keeps the romanized form alone (CMOS 18 14.30, 11.83, as the
    short note of a work in another script keeps what a reader of English reads). Text in
    the script only, or mixing the two past the break, is returned as it is."""
    found = CJK.search(text)
    if not found:
        return text
    head, tail = text[: found.start()], text[found.start() :]
    if not head[-1:].isspace() or not LATIN_LETTER.search(head) or LATIN_LETTER.search(tail):
        return text
    return head.rstrip()


@dataclass(frozen=True, slots=True)
class Name:
    family: str = ""
    given: str = ""
    particle: str = ""  # non-dropping: "de" in "de Gaulle", kept in short forms
    dropping: str = ""  # dropping: "van" in "Ludwig van Beethoven", dropped from short forms
    suffix: str = ""
    literal: str = ""  # a corporate author or a name to print as written
    static: bool = False  # East Asian order: family name first, never inverted
    cjk: bool = False  # written in CJK script: family and given run together

    def note(self) -> str:
        if self.literal:
            return self.literal
        if self.cjk:
            return self.family + self.given
        if self.static:
            return " ".join(p for p in (self.family, self.given) if p)
        # "Martin Luther King Jr." (CMOS 18 drops the comma before Jr.).
        surname = _with_particle(self.particle, self.family)
        return " ".join(p for p in (self.given, self.dropping, surname, self.suffix) if p)

    def short(self) -> str:
        if self.literal:
            return without_script(self.literal)
        if self.particle and _LEADING_ARTICLE.match(self.family):
            # "La Fontaine" for Jean de La Fontaine: the surname begins at its article (8.5).
            return self.family
        return _with_particle(self.particle, self.family) or self.given

    def inverted(self) -> str:
        if self.literal or self.static or self.cjk or not self.given:
            return self.note()
        given = " ".join(p for p in (self.given, self.dropping, self.particle) if p)
        out = f"{self.family}, {given}"
        return f"{out}, {self.suffix}" if self.suffix else out

    def sort_key(self) -> str:
        if self.literal:
            return collate(self.literal)
        # Surname first, then given names: "Smit, Zed" before "Smith, Ann" (CMOS 14.66, up to
        # the first comma); the \x00 sorts below any letter.
        return (
            f"{collate(self.family)}\x00{collate(f'{self.given} {self.particle} {self.dropping}')}"
        )

    def short_key(self) -> str:
        """The short form as a reader tells names apart: "Nguyễn" and "Nguyen" print the same
        surname to anyone who reads past diacritics (CMOS 14.29), so they are one key."""
        return collate(self.short())

    def same_person(self, other: Name) -> bool:
        """Whether two name forms can be one person: "John Lewis Gaddis" and "John L. Gaddis",
        "J. L. Gaddis" and "John Gaddis" (given names that agree as far as both go), "Võ
        Nguyên Giáp" and "Vo Nguyen Giap" (the same name with and without diacritics)."""
        if self.short_key() != other.short_key() or self.literal or other.literal:
            return self == other
        mine = [collate(w) for w in _given_tokens(self.given)]
        theirs = [collate(w) for w in _given_tokens(other.given)]
        for a, b in zip(mine, theirs, strict=False):
            if a == b:
                continue
            short, long = sorted((a, b), key=len)
            # An initial ("L." for "Lewis"), or a transliteration variant ("Dmitri", "Dmitrii").
            if long.startswith(short) and (len(short) == 1 or len(short) >= 4):
                continue
            return False
        return True


def _given_tokens(given: str) -> list[str]:
    return [w.rstrip(".").casefold() for w in re.split(r"[\s.\-]+", given) if w.strip(".")]


def _apostrophes(text: str) -> str:
    """The typographic apostrophe in a printed name (O’Neill, Kim Tong-ch’un), as in the rest
    of the note (CMOS 6.115); exports often carry the typewriter one."""
    if "'" not in text:
        return text
    # At the start of a word it is an ʻayn ("'Abd al-Nasir" -> "‘Abd"), set as the opening
    # single quotation mark where the romanization's own sign is not used (CMOS 11.79).
    text = re.sub(r"(?:(?<=^)|(?<=[\s-]))'(?=\w)", "\u2018", text)
    return text.replace("'", "\u2019")


def _with_particle(particle: str, family: str) -> str:
    """ "de Gaulle", but "al-Baghdādī" and "d’Estaing": a particle ending in a hyphen or an
    apostrophe is written against the name."""
    if not particle:
        return family
    return f"{particle}{family}" if particle[-1] in "-’'" else f"{particle} {family}"


_CLOSED_INITIALS = re.compile(r"(?<=\b[A-ZÀ-ÞА-ЯЁ])\.(?=[A-ZÀ-ÞА-ЯЁ]\b)")
_BARE_INITIAL = re.compile(r"(?<![\w.’'-])([A-ZÀ-ÞА-ЯЁ])(?![\w.’'-])")
# The Arabic article written with a hyphen before a family name: a particle, inverted after
# the given names and ignored in alphabetizing ("Baghdādī, ʻAbd al-Laṭīf al-", CMOS 8.14).
_ARABIC_ARTICLE = re.compile(r"^(al-|el-)(?=\w)")
# The French and Spanish articles and contractions a particle can end in.
_ARTICLE_PARTICLE = re.compile(r"(?:^|\s)(le|la|les|las|los|du|des|l’)$", re.IGNORECASE)
_LEADING_ARTICLE = re.compile(r"(?:le|la|les|las|los|du|des)\s|l’", re.IGNORECASE)

# A generational suffix that a catalogue left at the end of the given names ("Samuel F., Jr.",
# "John, III", "Samuel F. Jr."): it belongs after the surname ("Samuel F. Wells Jr.", inverted
# "Wells, Samuel F., Jr.", CMOS 18 6.43, 14.72). A roman numeral counts only after a comma.
_GIVEN_SUFFIX = re.compile(r"(?:,\s*|\s+)(Jr|Sr)\.?$|,\s*(II|III|IV|V|VI)$")


def _split_suffix(given: str) -> tuple[str, str]:
    match = _GIVEN_SUFFIX.search(given)
    if not match or not given[: match.start()].strip():
        return given, ""
    suffix = f"{match.group(1)}." if match.group(1) else match.group(2)
    return given[: match.start()].strip(), suffix


_LETTER_RUN = re.compile(r"[^\W\d_]{2,}")


def _capitals_undone(part: str) -> str:
    """A name a database typed in capitals ("RAMON D. VILLAREAL", "O'MALLEY", "JEFFREYS-JONES"),
    as its bearer writes it: capitals are the database's typography, not the name's (CMOS 8.3,
    names as their bearers spell them). Initials stay; "MCDONALD" becomes "McDonald"."""
    if not part.isupper() or not _LETTER_RUN.search(part):
        return part
    cased = _LETTER_RUN.sub(lambda m: m.group()[0] + m.group()[1:].lower(), part)
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), cased)


def parse_name(raw: Any, role: str, warnings: list[str]) -> Name | None:
    if isinstance(raw, str):
        if raw.strip():
            warnings.append(f"{role} {raw!r} is a plain string, not a CSL name; printed as written")
            return Name(literal=raw.strip())
        return None
    if not isinstance(raw, Mapping):
        warnings.append(f"{role} {raw!r} is not a name; left out")
        return None
    literal = _apostrophes(str(raw.get("literal", "") or "").strip())
    family = _capitals_undone(_apostrophes(str(raw.get("family", "") or "").strip()))
    given = _capitals_undone(_apostrophes(str(raw.get("given", "") or "").strip()))
    # Initials are spaced ("N.I." -> "N. I.", CMOS 10.12), as catalogues often do not.
    given = _CLOSED_INITIALS.sub(". ", given)
    # An initial written without its period ("Jeffrey S", as Project MUSE and PubMed records
    # give it) takes one (CMOS 10.12); a script without capitals has no initials to mark.
    given = _BARE_INITIAL.sub(r"\1.", given)
    suffix = str(raw.get("suffix", "") or "").strip()
    if not suffix:
        given, suffix = _split_suffix(given)
    if literal:
        return Name(literal=literal)
    if not family and not given:
        warnings.append(
            f"{role} with no family name, given name or literal ({dict(raw)!r}); left out"
        )
        return None
    if not family:
        warnings.append(f"{role} {given!r} has no family name; printed as given")
        return Name(literal=given)
    cjk = bool(CJK.search(family + given)) and " " not in family + given
    particle = _apostrophes(str(raw.get("non-dropping-particle", "") or "").strip())
    article = _ARABIC_ARTICLE.match(family)
    if article and not particle and given:
        particle, family = article.group(1), family[article.end() :]
    if particle[:1].isupper():
        # A particle its bearer capitalizes is part of the surname: "Von Eschen, Penny M.",
        # filed under V (CMOS 18 8.5, 14.71); a lowercase one stays a particle ("Linden,
        # Marcel van der").
        family, particle = f"{particle} {family}", ""
    article = _ARTICLE_PARTICLE.search(particle)
    if article:
        # An article in the particle ("le", "la", "du", "des") is never dropped: the name is
        # filed under it, "La Fontaine, Jean de", "le Carré, John", as its bearer writes it
        # (CMOS 18 8.5, 8.9, 14.71); a preposition before it stays a particle ("de").
        family = _with_particle(article.group(1), family)
        particle = particle[: article.start()].strip()
    return Name(
        family=family,
        given=given,
        particle=particle,
        dropping=_apostrophes(str(raw.get("dropping-particle", "") or "").strip()),
        suffix=suffix,
        static=bool(raw.get("static-ordering")) or cjk,
        cjk=cjk,
    )


def east_asian_order(names: list[Name]) -> list[Name]:
    """Romanized names on a work in Chinese, Japanese or Korean in their own order, family
    name first and never inverted (CMOS 18 8.15-8.17): "Shen Zhihua", "Wada Haruki", "Pak
    Myŏng-nim", as `static-ordering` would mark them. A name with initials ("Michael Y. M.
    Kau") or a particle or suffix is in Western order already and is left alone, and so is
    one whose `static-ordering` the library set to false."""
    out = []
    for name in names:
        western = "." in name.given or name.particle or name.dropping or name.suffix
        if name.literal or name.static or western or not name.given:
            out.append(name)
        else:
            out.append(replace(name, static=True))
    return out


# Vietnamese family names, their diacritics folded (some are Chinese or Korean
# romanizations too, so a name needs the work's language or its own letters as well).
_VIETNAMESE_FAMILIES = words(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ngo duong truong dinh doan luong"
    " trinh vuong quach ton luu phung kieu trieu nghiem thach tong ho lam cao ha chu ly la ta"
    " mai lai thai to tang van"
)
# Letters only Vietnamese writes among the Latin-script languages: ă đ ơ ư, and vowels with
# a dot below, a hook above or a circumflex or breve with a tone mark.
_VIETNAMESE_LETTERS = re.compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


def vietnamese_order(names: list[Name], vietnamese_work: bool) -> list[Name]:
    """Vietnamese names in their own order, family name first and never inverted (CMOS 18
    8.18): "Nguyễn Thị Bình", "Võ Nguyên Giáp", as `static-ordering` would mark them. A name
    counts when its family name is a Vietnamese one, its given names are syllables (no
    initial, no hyphen), and the work is in Vietnamese or the name has Vietnamese letters; a
    name the library ordered Western on a work in another language ("Viet Thanh Nguyen") is
    left as it is."""
    out = []
    for name in names:
        letters = bool(_VIETNAMESE_LETTERS.search(name.family + name.given))
        known = collate(name.family) in _VIETNAMESE_FAMILIES
        syllables = all(len(w) <= 7 for w in name.given.split()) and not re.search(
            r"[.\-]", name.given
        )
        plain = not (name.literal or name.cjk or name.particle or name.dropping or name.suffix)
        if known and syllables and plain and name.given and (vietnamese_work or letters):
            out.append(replace(name, static=True))
        else:
            out.append(name)
    return out


def parse_names(
    item: Mapping[str, Any], key: str, warnings: list[str], item_id: str = ""
) -> list[Name]:
    raw = item.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raw = [raw]
    role = f"{item_id}: {key}" if item_id else key
    parsed = [parse_name(r, role, warnings) for r in raw]
    return [n for n in parsed if n is not None]


# What BibTeX's "and others" becomes in CSL-JSON (a name "others"), and a catalogue's
# "[et al.]": more names the record does not give, cited as "et al." (CMOS 18 14.76).
_OTHERS = frozenset({"others", "et al.", "et al", "[et al.]", "u.a.", "u. a.", "et alii"})


def _more_unnamed(names: Sequence[Name]) -> tuple[Sequence[Name], bool]:
    """`names` without a final "others", and whether there was one."""
    if len(names) > 1 and names[-1].literal.casefold() in _OTHERS:
        return names[:-1], True
    return names, False


def names_note(names: Sequence[Name], *, et_al: bool = True) -> str:
    """Names in a full note: three or more give the first and "et al." (CMOS 18 14.76)."""
    if not names:
        return ""
    names, more = _more_unnamed(names)
    if more:
        return f"{names[0].note()} et al."
    if len(names) >= 3 and et_al:
        return f"{names[0].note()} et al."
    if len(names) == 1:
        return names[0].note()
    if len(names) == 2:
        return f"{names[0].note()} and {names[1].note()}"
    return ", ".join(n.note() for n in names[:-1]) + ", and " + names[-1].note()


def names_short(names: Sequence[Name], full: Collection[int] = ()) -> str:
    """Surnames for a short note; the names at the `full` positions with their given names
    (another cited person shares the surname)."""

    def one(index: int) -> str:
        return names[index].note() if index in full else names[index].short()

    names, more = _more_unnamed(names)
    if len(names) >= 3 or more:
        return f"{one(0)} et al."
    return " and ".join(one(i) for i in range(len(names)))


def names_bib(names: Sequence[Name]) -> str:
    """Names in a bibliography entry: the first inverted; more than six give three, et al."""
    if not names:
        return ""
    names, more = _more_unnamed(names)
    first = names[0].inverted()
    if more:
        # The names the record gives, then "et al." for the rest (14.76).
        return ", ".join([first] + [n.note() for n in names[1:3]]) + ", et al."
    if len(names) == 1:
        return first
    if len(names) >= 7:
        return ", ".join([first] + [n.note() for n in names[1:3]]) + ", et al."
    rest = [n.note() for n in names[1:]]
    if len(names) == 2:
        # The comma marks the inversion; a name printed in its own order needs none.
        inverted = first != names[0].note()
        return f"{first}, and {rest[0]}" if inverted else f"{first} and {rest[0]}"
    return ", ".join([first, *rest[:-1]]) + ", and " + rest[-1]


def same_names(a: Sequence[Name], b: Sequence[Name]) -> bool:
    return bool(a) and len(a) == len(b) and all(x == y for x, y in zip(a, b, strict=True))


@lru_cache(maxsize=16384)
def collate(text: str) -> str:
    """A sort key that ignores case, accents, spaces and punctuation, letter by letter as
    CMOS 14.66 and 16.58 sort: "Lüthi" files with "Luthi", "de Gaulle" under D... as given."""
    folded = unicodedata.normalize("NFKD", text.casefold()).translate(_FOLDED_LETTERS)
    return _NOT_COLLATED.sub("", folded)


_NOT_COLLATED = re.compile(r"[^\w]|_")
# Letters with a stroke and ligatures, which Unicode does not decompose, alphabetized like
# letters with diacritics, under the letter they are written on (CMOS 18 14.66, 16.58: "Đ"
# with D, "Ø" with O, "Æ" as "ae"). Applied after casefold, which gives "ß" as "ss".
_FOLDED_LETTERS = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th", "ı": "i",
     "ħ": "h", "ŧ": "t", "ŀ": "l", "ƀ": "b", "ɨ": "i", "ʉ": "u", "ơ": "o", "ư": "u"}
)  # fmt: skip
