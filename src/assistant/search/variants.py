"""Other spellings of a query's words: transliteration systems, British and American spelling,
German umlauts, and the user's own synonyms.

Two sources, both applied when a query is read (never to the index, so editing a table or the
synonyms file needs no re-indexing):

- tables of equivalent spellings, one group per line, comma-separated: the shipped
  `resources/search/names.txt` (Wade-Giles and Pinyin, Korean romanisations, Russian names)
  and `british_american.txt`, and the user's `synonyms.csv` in the corpus folder or the user
  data folder. Entries are matched ignoring case, accents, spaces, hyphens and apostrophes,
  so "Chou En-lai", "chou enlai" and "Chou Enlai" are one key;
- rules (`rule_variants`): the common transliterations of Russian (-ii/-iy/-y, -ov/-ow/-off,
  kh/ch, iu/yu, ia/ya, e/ye/je), British and American endings (-our/-or, -ise/-ize, -yse/-yze,
  -isation/-ization, -lled/-led...) and German umlauts (Koeln / Köln).

A variant is only searched when the index holds it (see `querying.py`), so a rule that makes
a word nobody wrote costs nothing.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from pathlib import Path

from whoosh.lang import stemmer_for_language
from whoosh.lang.porter import stem as porter_stem

from assistant.paths import resources_dir, user_data_dir
from assistant.search.analysis import fold

# Not .txt: every .txt file in the corpus folder is a source.
SYNONYMS_FILE = "synonyms.csv"
# The shipped tables and the weight of a match through each: names, spellings and
# abbreviations are the same thing written otherwise; a translation (glossary.txt: the words
# of the period in English, Russian, German, French, Spanish and Chinese) nearly so; a
# paraphrase (thesaurus.txt) is a looser match, ranked below the word itself.
_SHIPPED = (
    ("names.txt", 1.0),
    ("british_american.txt", 1.0),
    ("abbreviations.txt", 1.0),
    ("glossary.txt", 0.8),
    ("thesaurus.txt", 0.5),
)
USER_WEIGHT = 1.0
MAX_ENTRY_WORDS = 5
MAX_RULE_VARIANTS = 24
_SEPARATORS = re.compile(r"[\s\-‐‑'’ʼ.]+")


def compact(text: str) -> str:
    """The key a spelling is matched by: lower case, no accents, spaces, hyphens or
    apostrophes."""
    return _SEPARATORS.sub("", fold(text.lower()))


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=20_000)
def _porter(word: str) -> str:
    return porter_stem(word)  # type: ignore[no-any-return]


def stem_key(text: str) -> str | None:
    """The key a Latin-script entry is also matched by: its words stemmed by Porter, so
    "dismissed" finds the entry "dismiss". (None for other scripts: Russian's Snowball
    stemmer costs a millisecond a word, too much for every entry of the tables.)"""
    words = []
    for word in _WORD.findall(fold(text.lower().replace("'", "").replace("’", ""))):
        if not word.isascii():
            return None
        words.append(_porter(word) if word.isalpha() else word)
    return "~" + " ".join(words) if words else None


_RUSSIAN: list = []
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def russian_key(text: str) -> str | None:
    """The key a Cyrillic entry is matched by in any of its forms (министра иностранных
    дел finds the entry министр иностранных дел): its words by the Russian stemmer."""
    if not _CYRILLIC.search(text):
        return None
    if not _RUSSIAN:
        _RUSSIAN.append(stemmer_for_language("ru"))
    stem = _RUSSIAN[0]
    return "~ru " + " ".join(
        stem(word) if _CYRILLIC.search(word) else word for word in _WORD.findall(fold(text.lower()))
    )


def _case_key(entry: str) -> str | None:
    """Short acronyms (US, UN) match only when typed in capitals: "us" and "un" are words."""
    plain = entry.replace(".", "")
    if plain.isupper() and plain.isalpha() and len(plain) <= 3:
        return "^" + plain
    return None


MAX_TABLE_BYTES = 2_000_000
MAX_TABLE_LINES = 20_000


def _read_table(path: Path) -> list[list[str]]:
    """A table's groups; a file that cannot be read, or the part of one beyond the first
    MAX_TABLE_BYTES, is left out (a synonyms file must never stop a search)."""
    groups = []
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_TABLE_BYTES)
    except OSError:
        return []
    lines = raw.decode("utf-8", errors="replace").splitlines()
    for line in lines[:MAX_TABLE_LINES]:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        entries = [e.strip() for e in re.split(r"[,;=|]", line) if e.strip()]
        entries = [e for e in entries if len(e.split()) <= MAX_ENTRY_WORDS and len(e) <= 80]
        if len(entries) >= 2:
            groups.append(entries)
    return groups


def _build_table(files: list[tuple[Path, float]]) -> tuple[dict[str, dict[str, float]], int]:
    table: dict[str, dict[str, float]] = {}
    longest = 1
    for path, weight in files:
        for group in _read_table(path):
            # One dict per group, shared by its keys and never changed in place: a key met
            # again gets a merged copy.
            members = dict.fromkeys(group, weight)
            for entry in group:
                case = _case_key(entry)
                keys = [case] if case else [compact(entry), stem_key(entry)]
                for key in keys:
                    if not key or key in ("~", "^"):
                        continue
                    known = table.get(key)
                    if known is None:
                        table[key] = members
                    else:
                        merged = dict(known)
                        for other in group:
                            if merged.get(other, 0.0) < weight:
                                merged[other] = weight
                        table[key] = merged
                longest = max(longest, len(entry.split()))
    return table, longest


# The tables as built for the files' stamps, shared by every index of the process, and the
# same with the Russian keys (by the id of the table they extend).
_BUILT: dict[tuple, tuple[dict[str, dict[str, float]], int]] = {}
_RUSSIAN_BUILT: dict[int, tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]] = {}


class VariantTables:
    """The shipped tables and the user's synonyms files, re-read when a file changes."""

    def __init__(self, synonyms_files: list[Path] | None = None, related: bool = True) -> None:
        # `related`: also the looser tables (translations, paraphrases).
        self.files = [
            (resources_dir() / "search" / name, weight)
            for name, weight in _SHIPPED
            if related or weight == 1.0
        ]
        self.files += [(path, USER_WEIGHT) for path in synonyms_files or []]
        self._lock = threading.Lock()
        self._stamp: tuple = ()
        self._table: dict[str, dict[str, float]] = {}
        self.longest = 1

    def _stamps(self) -> tuple:
        stamps = []
        for path, _ in self.files:
            try:
                stat = path.stat()
                stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
            except OSError:
                stamps.append((str(path), 0, 0))
        return tuple(stamps)

    def table(self) -> dict[str, dict[str, float]]:
        """key -> every spelling of its groups with the weight of a match through it. Keys:
        the compact spelling, its stems ("~..."), and for short acronyms the capitals
        ("^US")."""
        stamp = self._stamps()
        with self._lock:
            if stamp != self._stamp:
                built = _BUILT.get(stamp)
                if built is None:
                    built = _build_table(self.files)
                    _BUILT.clear()  # one set of tables at a time (the app's corpus)
                    _BUILT[stamp] = built
                self._table, self.longest = built
                self._stamp = stamp
            return self._table

    def spellings(self, text: str) -> dict[str, float]:
        """The spellings of `text` (one or more words) in the tables, with their weights;
        the same spelling through its exact key before its stems. (The tables as last read:
        `table()` re-reads a changed file, once per query.)"""
        table = self._table if self._stamp else self.table()
        found: dict[str, float] = {}
        keys = [compact(text), stem_key(text) or ""]
        russian = russian_key(text)
        if russian:
            # The Russian stemmer is slow: its keys are made when a Cyrillic query comes.
            keys.append(russian)
            table = self._with_russian_keys(table)
        stripped = text.strip()
        if stripped.replace(".", "").isupper():
            keys.insert(0, "^" + stripped.replace(".", ""))
        for key in keys:
            for spelling, weight in table.get(key, {}).items():
                if found.get(spelling, 0.0) < weight:
                    found[spelling] = weight
        # A spelling that differs only in its spaces, hyphens or accents stays: the words it
        # makes differ ("Zhou Enlai" for "Zhou En-lai").
        own = text.strip().lower()
        return {s: w for s, w in found.items() if s.lower() != own}

    def _with_russian_keys(self, table: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        with self._lock:
            cached = _RUSSIAN_BUILT.get(id(table))
            if cached is not None and cached[0] is table:
                return cached[1]
            built = dict(table)
            for members in {id(m): m for m in table.values()}.values():
                for entry in members:
                    key = russian_key(entry)
                    if key:
                        known = built.get(key)
                        built[key] = members if known is None else {**members, **known}
            _RUSSIAN_BUILT.clear()
            _RUSSIAN_BUILT[id(table)] = (table, built)
            return built

    def lookup(self, text: str) -> list[str]:
        """The other spellings of `text` (one or more words) in the tables."""
        return list(self.spellings(text))


def synonyms_files(corpus_dir: Path | None) -> list[Path]:
    """Where a user's synonyms may be: beside the sources, and in the user data folder."""
    files = [user_data_dir() / SYNONYMS_FILE]
    if corpus_dir is not None:
        files.insert(0, Path(corpus_dir) / SYNONYMS_FILE)
    return files


# ---------------------------------------------------------------------------------------------
# Rules

_VOWELS = set("aeiouy")
# Russian endings, each set interchangeable at the end of a word.
_RUSSIAN_ENDINGS = [
    ("skii", "skiy", "sky", "ski", "skij"),
    ("ii", "iy", "ij"),
    ("ov", "ow", "off"),
    ("ev", "ew", "eff"),
    ("aia", "aya", "aja"),
    ("iia", "ia", "iya", "ija"),
]
# Inside a word.
_RUSSIAN_INNER = [("kh", "ch"), ("iu", "yu", "ju"), ("ia", "ya", "ja"), ("shch", "sch")]
_BRITISH_AMERICAN_ENDINGS = [
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourite", "orite"),
    ("ourable", "orable"),
]
_UMLAUTS = [("ae", "ä"), ("oe", "ö"), ("ue", "ü")]
# Words in -our that American spelling keeps (the rule would make words nobody writes).
_OUR_KEPT = ("detour", "contour", "paramour", "troubadour", "velour", "amour", "tambour", "devour")


def _swap_ending(word: str, groups: Sequence[tuple[str, ...]], min_stem: int) -> set[str]:
    found: set[str] = set()
    for group in groups:
        for ending in sorted(group, key=len, reverse=True):
            if word.endswith(ending) and len(word) - len(ending) >= min_stem:
                stem = word[: -len(ending)]
                found.update(stem + other for other in group if other != ending)
                break
    return found


def rule_variants(word: str) -> list[str]:
    """Spellings of one word that the rules derive (the word itself left out), at most
    MAX_RULE_VARIANTS."""
    lower = word.lower()
    if len(lower) < 4 or not lower.isalpha():
        umlauted = {lower.replace(a, b) for a, b in _UMLAUTS if a in lower}
        return sorted(v for v in umlauted if v != lower)
    found: set[str] = set()
    folded = fold(lower)
    if folded != lower:
        # Köln -> Koeln: the German way of writing an umlaut without one.
        found.add(lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
    for plain, umlaut in _UMLAUTS:
        if plain in lower and len(lower) >= 5:
            found.add(lower.replace(plain, umlaut))
    if len(lower) >= 5:
        # British / American (armour/armor, organise/organize, travelled/traveled); -our
        # only after a consonant and a stem of three letters (not four, hour, detour).
        for variant in _swap_ending(lower, _BRITISH_AMERICAN_ENDINGS, 3):
            if "our" in lower[-7:] and (
                lower[: lower.rfind("our")][-1:] in _VOWELS or lower.startswith(_OUR_KEPT)
            ):
                continue
            found.add(variant)
        # Russian transliteration systems.
        bases = {lower} | _swap_ending(lower, _RUSSIAN_ENDINGS, 3)
        if lower.endswith("y") and lower[-2:-1] not in _VOWELS:
            bases |= {lower[:-1] + "ii", lower[:-1] + "i", lower[:-1] + "iy"}
        if lower.endswith("i") and lower[-2:-1] not in _VOWELS:
            bases |= {lower[:-1] + "y", lower[:-1] + "ii"}
        for base in list(bases):
            for group in _RUSSIAN_INNER:
                for part in group:
                    if part in base:
                        bases.update(base.replace(part, other) for other in group if other != part)
            # A soft sign before e written as i, y or nothing (Vasil'evskii, Vasilievskii,
            # Vasilyevsky, Vasilevsky).
            for at in range(2, len(base) - 1):
                if base[at] == "e" and base[at - 1] not in _VOWELS:
                    bases.update(base[:at] + soft + base[at:] for soft in ("i", "y"))
                elif base[at - 1 : at + 1] in ("ie", "ye") and at >= 3:
                    bases.add(base[: at - 1] + base[at:])
                elif base[at] == "e" and base[at - 1] in "aeiou":
                    # е after a vowel: e (Library of Congress) or ye (BGN/PCGN): Razuvaev,
                    # Razuvayev.
                    bases.add(base[:at] + "y" + base[at:])
            if base.startswith("e"):
                bases |= {"ye" + base[1:], "je" + base[1:]}
            elif base.startswith(("ye", "je")):
                bases.add("e" + base[2:])
        found |= bases
    found.discard(lower)
    return sorted(found, key=lambda v: (len(v), v))[:MAX_RULE_VARIANTS]


# Derived forms of one word: a doctrine and its adherents (expansionism / expansionist,
# communism / communists), which stemming keeps apart. A looser match than the word itself.
DERIVED_WEIGHT = 0.7
_DERIVED_ENDINGS = ("ism", "isms", "ist", "ists", "istic")


def derived_forms(word: str) -> list[tuple[str, float]]:
    """Forms of `word` with another ending of its family, with their weight."""
    lower = word.lower()
    for ending in sorted(_DERIVED_ENDINGS, key=len, reverse=True):
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            stem = lower[: -len(ending)]
            return [(stem + other, DERIVED_WEIGHT) for other in _DERIVED_ENDINGS if other != ending]
    return []
