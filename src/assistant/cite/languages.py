"""The language of a title: from a CSL `language` value, or read from the title's own words.

Capitalization depends on it (CMOS 18 8.159 headline style is for English titles; titles in
other languages keep their own sentence-style capitals, 11.6, 14.87), and so do a short
title's function words (14.30). Many records carry no `language` (Zotero leaves it empty by
default), some carry a language's name ("German", "Deutsch", "français"), and a journal's or
series' title is often in another language than the article in it ("Cahiers du monde russe").

The guess from a title is conservative: a language counts only on words that are that
language's and not English ("und", "du", "zu", "w", lowercase "i"), ambiguous ones ("die",
"in", "a", a particle before a name: "de Gaulle", "La Paz") counting half, and English
function words counting against it. One ambiguous word never turns an English title foreign.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.cite.typography import words

# Names (English and native) and ISO 639-2 codes of languages, to ISO 639-1.
_NAMES = {
    "english": "en", "eng": "en", "anglais": "en", "englisch": "en",
    "german": "de", "deutsch": "de", "ger": "de", "deu": "de", "allemand": "de",
    "french": "fr", "français": "fr", "francais": "fr", "fre": "fr", "fra": "fr",
    "spanish": "es", "español": "es", "espanol": "es", "castellano": "es", "spa": "es",
    "italian": "it", "italiano": "it", "ita": "it",
    "portuguese": "pt", "português": "pt", "portugues": "pt", "portugués": "pt", "por": "pt",
    "croatian": "hr", "hrvatski": "hr", "hrv": "hr", "scr": "hr",
    "serbian": "sr", "srpski": "sr", "српски": "sr", "srp": "sr", "scc": "sr",
    "bosnian": "bs", "bosanski": "bs", "bos": "bs",
    "serbo-croatian": "sh", "serbo-croat": "sh", "srpskohrvatski": "sh", "hbs": "sh",
    "slovak": "sk", "slovenčina": "sk", "slo": "sk", "slk": "sk",
    "bulgarian": "bg", "български": "bg", "bul": "bg",
    "slovenian": "sl", "slovene": "sl", "slovenski": "sl", "slovenščina": "sl", "slv": "sl",
    "dutch": "nl", "nederlands": "nl", "dut": "nl", "nld": "nl",
    "polish": "pl", "polski": "pl", "pol": "pl",
    "czech": "cs", "čeština": "cs", "cestina": "cs", "cze": "cs", "ces": "cs",
    "russian": "ru", "русский": "ru", "russkii": "ru", "rus": "ru",
    "ukrainian": "uk", "українська": "uk", "ukr": "uk",
    "hungarian": "hu", "magyar": "hu", "hun": "hu",
    "romanian": "ro", "română": "ro", "rum": "ro", "ron": "ro",
    "swedish": "sv", "svenska": "sv", "swe": "sv",
    "danish": "da", "dansk": "da", "dan": "da",
    "norwegian": "no", "norsk": "no", "nor": "no", "bokmål": "no", "nynorsk": "no",
    "nb": "no", "nn": "no", "nob": "no", "nno": "no",
    "finnish": "fi", "suomi": "fi", "fin": "fi",
    "greek": "el", "ελληνικά": "el", "gre": "el", "ell": "el",
    "turkish": "tr", "türkçe": "tr", "tur": "tr",
    "afrikaans": "af", "afr": "af",
    "persian": "fa", "farsi": "fa", "فارسی": "fa", "per": "fa", "fas": "fa",
    "latin": "la", "lat": "la",
    "chinese": "zh", "中文": "zh", "chi": "zh", "zho": "zh",
    "japanese": "ja", "日本語": "ja", "jpn": "ja",
    "korean": "ko", "한국어": "ko", "kor": "ko",
    "vietnamese": "vi", "vie": "vi",
}  # fmt: skip


def code_of(value: object) -> str:
    """The two-letter code of a CSL `language` value ("en-US", "eng", "German", "Deutsch",
    "zh_CN"), "" when it is empty; an unknown name is returned lowercased as it is."""
    if not isinstance(value, str):
        return ""
    text = value.strip().lower()
    if not text:
        return ""
    text = re.split(r"[;,/]", text, maxsplit=1)[0].strip()  # "en; de": the first
    if text in _NAMES:
        return _NAMES[text]
    head = re.split(r"[-_ ]", text, maxsplit=1)[0]
    if head in _NAMES:
        return _NAMES[head]
    return head if len(head) == 2 and head.isalpha() else text


# The articles of each language, elided forms with their apostrophe: a short title does not
# count them (CMOS 14.30) and filing leaves an initial one out (14.66).
ARTICLES = {
    "en": words("a an the"),
    "de": words("der die das des dem den ein eine einer eines einem einen"),
    "fr": words("le la les l’ l' un une des"),
    "es": words("el la los las lo un una unos unas"),
    "it": words("il lo la i gli le l’ l' un uno una un’ un'"),
    "pt": words("o a os as um uma uns umas"),
    "hu": words("a az egy"),
    "sv": words("en ett den det de"),
    "da": words("en et den det de"),
    "no": words("en ei et eit den det dei de"),
    # Greek, monotonic and polytonic: the definite article in every case, the indefinite.
    "el": words(
        "ο η το οι τα του της των τον την τους τις ένας μία μια ένα ενός μιας έναν"
        " ὁ ἡ τὸ τὸν τὴν τῆς τοῦ τῶν τοὺς τὰς τὰ οἱ αἱ"
    ),
    "af": words("die ’n 'n"),
}


# Function words of each language (articles, prepositions, conjunctions, common verbs).
_FUNCTION_WORDS = {
    "de": words(
        "der die das des dem den ein eine einer eines einem einen und oder in im von vom zu"
        " zur zum mit für fur auf über uber unter nach bei aus an am gegen zwischen durch ist"
        " sind wie nicht auch als sich vor seit ohne während wahrend ich wir uns ihr sie"
        " mein meine unser unsere wieso warum"
    ),
    "fr": words(
        "le la les l' un une des de du d' et ou à au aux en pour sur dans par avec sans sous"
        " entre vers contre chez est sont cette ces son sa ses leur leurs qui que qu' dont où"
        " ne pas jusqu' nous vous ils elle elles"
    ),
    "es": words(
        "el la los las un una de del y o en con por para a al sin sobre entre hacia desde"
        " según segun hasta su sus como que es"
    ),
    "it": words(
        "il lo la i gli le un una di del della dei delle degli e o in con per a da dal dalla"
        " su sul sulla tra fra nel nella nei negli al alla ai agli come che è non"
    ),
    "pt": words(
        "o os a as do da dos das de e em um uma no na nos nas ao aos pelo pela pelos pelas com"
        " para por sobre entre é até não"
    ),
    "nl": words(
        "de het een en van voor met op naar tussen bij uit tot over na onder door in te aan om"
        " niet ook wordt zijn worden af"
    ),
    "pl": words("w z i się na do od oraz przez dla pod przed ze we jest nie po o jako"),
    "cs": words("v ve z ze a i se s k na do od pro při mezi jako nebo je po o"),
    # Slovene and Serbo-Croatian (Croatian, Serbian and Bosnian in Latin script).
    "sl": words("in ter v na s z k o pri za od do iz med pod nad pred brez ali je kot so"),
    "hr": words("i u na s sa o k po pri za od do iz između pod nad pred bez ili je kao te"),
    # Russian in Library of Congress transliteration (a Cyrillic title is told by its script).
    "ru": words(
        "i v vo na s so o ob k ko po za iz ot do dlia bez pri cherez ili nad pod pered mezhdu"
        " kak ne chto"
    ),
}
_ANY_FUNCTION_WORD = frozenset().union(*_FUNCTION_WORDS.values())
# Which languages list each function word: one look-up per word of a title, not one per language.
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(code for code, vocabulary in _FUNCTION_WORDS.items() if word in vocabulary)
    for word in _ANY_FUNCTION_WORD
}


def is_function_word(word: str) -> bool:
    """Whether `word` is an article, preposition or conjunction of a language this module
    knows ("le", "der", "và" is not), in any case: a word no proper noun begins with."""
    return word.lower() in _ANY_FUNCTION_WORD


# English function words: evidence against every other language.
_ENGLISH = words(
    "the of and to for with on from by at a an is are was were its their his her this that"
    " these those which who whom how why what when where between after before during against"
    " into toward towards through without within about upon since until under over or not in"
    " as so no do per"
)
# Words other languages share with English ("in", "a", "die", "an", "do", "over") count
# half; so does a particle before a capitalized word, which may be a name's ("Charles de
# Gaulle", "La Paz", "Le Duan", "Los Alamos", "von Braun", "van der Linden").
_SHARED = _ENGLISH | words("die con we")
_PARTICLES = words("de la le les el los las lo da di del della dos du van von")
# German word endings no English word has (Freiheit, Einigkeit, Wissenschaft, sowjetische).
_GERMAN_ENDING = re.compile(r"(?:heit|keit|schaft|ische[nrs]?|liche[nrs]?|ungen)$")
# Endings of LC-transliterated Russian (sovetskaia, istoriia, Istoricheskii, vneshniaia).
_RUSSIAN_ENDING = re.compile(r"(?:skaia|skii|skoi|skogo|skikh|iia|aia|nykh|[^aeiou]ii)$")
# Letters only some of these languages write: a tie between two is broken by them.
# The soft sign of LC-transliterated Russian, a ’ (or ʹ) after a consonant at the end of a
# word ("ottepel’", "Sibir’") or before a vowel inside one ("Lavrent’eva", "Vasil’ev"):
# English has it only as an apostrophe after s ("the States’") or in n’t, ’ve, ’ll, o’clock.
_SOFT_SIGN = re.compile(
    r"[a-zа-я]{2}[bcdfgklmnprtvz]['’ʹ](?![\w'’ʹ])|[a-z][bcdfgklmnprstvz]['’ʹ][aeiou]|ʹ",
)
_LETTERS = {
    "de": "äöüß",
    "fr": "éèêàçùûôîïëœ",
    "es": "ñáíóú¿¡",
    "it": "àèìòù",
    "pt": "ãõçáâêôí",
    "pl": "łąęśżźćń",
    "cs": "řěůčšžťďň",
    "sl": "čšž",
    "hr": "čćšžđ",
}
_LETTER_PATTERNS = {code: re.compile(f"[{letters}]") for code, letters in _LETTERS.items()}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Serbian (ђ ј љ њ ћ џ), Macedonian (ѓ ќ ѕ, with ј љ њ џ) and Ukrainian (є і ї ґ) letters.
_CYRILLIC_LETTERS = {"mk": "ѓќѕЃЌЅ", "sr": "ђћЂЋјљњџЈЉЊЏ", "uk": "єіїґЄІЇҐ"}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Web addresses and domain names ("FranUlmer.com") are no words of a title's language.
# Tried only where a run of non-spaces starts: from inside one it would rescan the rest of
# the run at every character (quadratic on a long run without spaces).
_DOMAIN = re.compile(r"(?<!\S)\S*[\w-]\.(?:[a-z]{2,6})\b(?:/\S*)?")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_ABBREVIATION = re.compile(r"(?<![\w'’])[^\W\d_]{1,2}\.")
_ELISION = re.compile(r"^(l|d|qu|jusqu)['’](?=\w)", re.IGNORECASE)


# A title is read once per engine and its notes many times: the answer depends on its text only.
@lru_cache(maxsize=8192)
def guess(text: str) -> str:
    """The language a title reads as: a two-letter code, or "" when its words do not tell.

    Another language needs one of its own words that is no English word, and at least twice
    the weight of the English function words (or more than their weight when all of them
    are shared with it: "a", "no"); "en" needs English function words outweighing
    every other language's."""
    tokens: list[str] = []
    # Markup, a bracketed translation and abbreviations ("U.S.", "v.", "Jr.", an initial)
    # say nothing of the title's language.
    text = re.sub(r"<[^>]*>|\[[^\[\]]*\]", " ", text)
    cyrillic = len(_CYRILLIC.findall(text))
    if cyrillic and cyrillic > len(_LATIN.findall(text)):
        # Letters only one Cyrillic alphabet has tell its language; without them, Russian.
        for code, alphabet in _CYRILLIC_LETTERS.items():
            if any(letter in text for letter in alphabet):
                return code
        return "ru"
    text = _ABBREVIATION.sub(" ", _DOMAIN.sub(" ", text))
    for token in _TOKEN.findall(text):
        elision = _ELISION.match(token)
        if elision:  # "l'Est", "d'histoire": the article is a word of its own
            tokens.extend([elision.group(1) + "'", token[elision.end() :]])
        else:
            tokens.append(token)
    if not tokens:
        return ""
    scores = dict.fromkeys(_FUNCTION_WORDS, 0.0)
    own = dict.fromkeys(_FUNCTION_WORDS, 0)
    english = 0.0
    english_own = 0  # English words no other language listed here has
    endings = {"de": 0.0, "ru": 0.5 * len(_SOFT_SIGN.findall(text))}
    for index, token in enumerate(tokens):
        if len(token) > 1 and token.isupper():
            continue  # an acronym ("MIT", "UN", "DE"), no word of a language
        if token == "I":
            continue  # English, or a roman numeral
        word = token.lower().replace("’", "'")
        if len(token) == 1 and token.isupper():
            # A capital letter alone is an initial, a roman numeral, a plan or a part ("Part
            # V", "Plan B") as often as a word: half a point at most.
            for code in _LANGUAGES_OF.get(word, ()):
                scores[code] += 0.5
            continue
        nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
        prev = tokens[index - 1].lower() if index else ""
        particle = (word in _PARTICLES and (nxt[:1].isupper() or nxt.lower() in _PARTICLES)) or (
            word in ("der", "den") and prev in ("van", "von")  # "van der Linden"
        )
        foreign = _LANGUAGES_OF.get(word, ())
        if word in _ENGLISH:
            english += 0.5 if foreign else 1.0
            english_own += not foreign
        for code in foreign:
            if word in _SHARED or particle:
                scores[code] += 0.5
            else:
                scores[code] += 1.0
                own[code] += 1
        if len(word) > 5:
            if _GERMAN_ENDING.search(word):
                endings["de"] += 0.5
            if _RUSSIAN_ENDING.search(word):
                endings["ru"] += 0.5
    for code, value in endings.items():
        scores[code] += min(value, 1.0)
        if value >= 1.0:
            own[code] += 1  # two words with such endings are evidence
    # A language's own letters only break a tie of score and own words: counted only then.
    top = max((scores[code], own[code]) for code in scores)
    tied = [code for code in scores if (scores[code], own[code]) == top]
    if len(tied) == 1:
        best = tied[0]
    else:
        letters = {
            code: len(_LETTER_PATTERNS[code].findall(text)) if code in _LETTER_PATTERNS else 0
            for code in tied
        }
        best = max(tied, key=letters.__getitem__)
    score = scores[best]
    if (
        own[best]
        and score >= 1.0
        and (score >= 2 * english or (not english_own and score > english))
    ):
        return best
    if english >= 1.0 and english > score:
        return "en"
    return ""


# The language books are published in at the great publishing places: whether a translation's
# "original" facts (CSL original-publisher-place) are of the translation's own first edition
# (New York: a reprint, CMOS 14.114) or of the original in its language (Paris: 14.108).
_PLACE_LANGUAGES = {
    "en": "New York, London, Boston, Chicago, Philadelphia, Washington, Cambridge, Oxford,"
    " Princeton, New Haven, Berkeley, Los Angeles, San Francisco, Stanford, Ithaca, Baltimore,"
    " Garden City, Englewood Cliffs, Ann Arbor, Chapel Hill, Durham, Toronto, Edinburgh,"
    " Dublin, Sydney, Melbourne, Harmondsworth, Basingstoke, Abingdon, Lanham, Westport",
    "de": "Berlin, München, Munich, Leipzig, Frankfurt, Frankfurt am Main, Hamburg, Stuttgart,"
    " Köln, Cologne, Bonn, Wien, Vienna, Zürich, Zurich, Göttingen, Tübingen",
    "fr": "Paris, Genève, Geneva, Bruxelles, Lyon, Montréal",
    "it": "Roma, Rome, Milano, Milan, Firenze, Florence, Torino, Turin, Bologna, Napoli",
    "es": "Madrid, Barcelona, Buenos Aires, México, Mexico City, La Habana, Havana, Santiago",
    "pt": "Lisboa, Lisbon, Rio de Janeiro, São Paulo, Porto",
    "ru": "Moscow, Moskva, Leningrad, St. Petersburg",
}
_PLACES = {
    place.strip().casefold(): code
    for code, places in _PLACE_LANGUAGES.items()
    for place in places.split(",")
}


def place_language(place: str) -> str:
    """The language published at a place of publication ("New York, NY" -> "en"), or ""."""
    city = place.split(",")[0].split(";")[0].strip().casefold()
    return _PLACES.get(city, "")
