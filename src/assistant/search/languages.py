"""The language of a source: its CSL `language` field, or detected from its text.

Detection is by script first (Cyrillic text is Russian to the stemmer, Chinese and Japanese are
split into character pairs whatever the language field says), then, for Latin-script text, by
which language's common words (Whoosh's stop-word lists) make up most of it. On a page of
prose the margin between languages is wide; on a few words the answer falls back to English,
the stemmer that does least harm to a name.
"""

from __future__ import annotations

import re
from collections import Counter

from whoosh.lang.stopwords import stoplists

from assistant.search.analysis import DEFAULT_LANGUAGE, STEMMED_LANGUAGES

_NAMES = {
    "english": "en",
    "german": "de",
    "deutsch": "de",
    "french": "fr",
    "français": "fr",
    "francais": "fr",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "russian": "ru",
    "русский": "ru",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "dutch": "nl",
    "swedish": "sv",
    "danish": "da",
    "norwegian": "no",
    "finnish": "fi",
    "hungarian": "hu",
    "romanian": "ro",
    "chinese": "zh",
    "中文": "zh",
    "japanese": "ja",
    "korean": "ko",
}
_LATIN_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000
# The scripts told apart; any other letter counts as Latin.
_SCRIPTS = (
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("zh", re.compile("[\u3400-\u9fff\uf900-\ufaff]")),
    ("ko", re.compile("[\uac00-\ud7af\u1100-\u11ff]")),
)
# Stop-word lists of the languages we can stem (Russian is found by its script).
_STOPS = {code: frozenset(words) for code, words in stoplists.items() if code in STEMMED_LANGUAGES}


def from_csl(value: object) -> str | None:
    """A two-letter code from a CSL `language` value ("en-US", "de", "Russian"), or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower()
    if text in _NAMES:
        return _NAMES[text]
    code = re.split(r"[-_ ]", text, maxsplit=1)[0]
    if len(code) == 2 and code.isalpha():
        return code
    if len(code) == 3 and code in ("eng", "ger", "deu", "fre", "fra", "spa", "rus", "chi", "zho"):
        return {"eng": "en", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr"}.get(
            code, {"spa": "es", "rus": "ru", "chi": "zh", "zho": "zh"}.get(code)
        )
    return None


def detect(text: str) -> str:
    """The language of a text, by script and then by its common words."""
    sample = text[:_SAMPLE_CHARS]
    # Counted by regular expressions (a Python loop over the characters was a tenth of the
    # time of indexing a corpus).
    letters = "".join(_LATIN_WORD.findall(sample))
    if not letters:
        return DEFAULT_LANGUAGE
    others = {code: len(pattern.findall(letters)) for code, pattern in _SCRIPTS}
    scripts = Counter({"latin": len(letters) - sum(others.values()), **others})
    script, count = scripts.most_common(1)[0]
    if script != "latin" and count >= len(letters) / 2:
        return script
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if not words:
        return DEFAULT_LANGUAGE
    scores = {code: sum(1 for w in words if w in stops) for code, stops in _STOPS.items()}
    best = max(scores, key=lambda code: (scores[code], code == DEFAULT_LANGUAGE))
    # A language wins on a clear margin over English only: names and quotations in
    # another language must not turn an English book German.
    if best != DEFAULT_LANGUAGE and scores[best] < max(5, 1.5 * scores[DEFAULT_LANGUAGE]):
        return DEFAULT_LANGUAGE
    return best


def source_language(item: dict, text: str) -> str:
    """The language a source is indexed in: CSL's when it names one, else detected."""
    return from_csl(item.get("language")) or detect(text)
