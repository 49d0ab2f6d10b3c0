"""German titles a catalogue typed in headline style, set in German sentence style.

German capitalizes the first word of a title and of its subtitle, every noun and the
adjectives that are part of a proper name, nothing else (CMOS 18 11.24, 11.26): "Die
unterwanderte Republik: Stasi im Westen", "Spionagechef im geheimen Krieg", but "Der Kalte
Krieg", "Deutsche Demokratische Republik", "Berliner Mauer". Library records and publishers'
feeds often give such a title in English headline style ("Stasi Im Westen"), which an editor
corrects.

Telling an adjective from a noun needs a lexicon. pyspellchecker's German word list (already
a dependency, lowercase, without parts of speech) tells an inflected adjective or participle
by its paradigm: "geheim" gives "geheime", "geheimen", "geheimer", "geheimes" and "geheimem",
all listed, while no noun has all five (the dative "-em" form is an adjective's alone:
"Krieg" has "Kriege", "Krieger", "Krieges" but no "Kriegem"). Words the list does not hold
(compounds like "Spionagechef", names) are never touched.

Only clear evidence changes a title: a function word capitalized inside it ("Im", "Und",
"Der") shows the whole title typed in headline style, and then capitalized function words and
attributive adjectives are lowered; without it only an attributive adjective after a
lowercase word and before a common noun is ("im Geheimen Krieg"), since a writer who lowered
the word before it set the title in sentence style. Adjectives of proper names
(`_NAMED`) stay capitalized, and a run of capitalized words that goes on after the noun
("Sozialistischen Einheitspartei Deutschlands") is taken for a name.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.cite.languages import ARTICLES
from assistant.cite.short_title_words import FUNCTION_WORDS
from assistant.cite.typography import words

# Articles, prepositions and conjunctions: a capital on one inside a title shows headline
# style. (Pronouns are left out: "Sie" and "Ihr", the polite address, are capitalized.)
_LOWERCASE = FUNCTION_WORDS["de"] | ARTICLES["de"]

# Adjective stems and the nouns they name with (Duden's proper names, CMOS 11.26): "der
# Kalte Krieg", "die Dritte Welt", "die Vereinten Nationen", "die Rote Armee".
_NAMED = {
    "kalt": words("krieg krieges kriegs"),
    "erst": words("weltkrieg weltkrieges weltkriegs"),
    "zweit": words("weltkrieg weltkrieges weltkriegs"),
    "dritt": words("welt reich reiches reichs"),
    "deutsch": words(
        "reich reiches reichs republik bundestag bundesbank bank mark jugend"
        " gewerkschaftsbund bundesbahn reichsbahn"
    ),
    "demokratisch": words("republik"),
    "heilig": words("reich reiches stuhl stuhles stuhls"),
    "römisch": words("reich reiches reichs"),
    "vereint": words("nationen"),
    "vereinigt": words("staaten"),
    "rot": words("armee kreuz kreuzes meer meeres kapelle"),
    "schwarz": words("meer meeres"),
    "tot": words("meer meeres"),
    "weiß": words("haus hauses rose"),
    "nah": words("osten ostens"),
    "mittler": words("osten ostens"),
    "fern": words("osten ostens"),
    "europäisch": words("union gemeinschaft gemeinschaften wirtschaftsgemeinschaft"),
    "französisch": words("revolution"),
    "russisch": words("revolution"),
    "national": words("volksarmee"),
    "frei": words("jugend"),
    "sozialistisch": words("einheitspartei internationale"),
    "kommunistisch": words("partei internationale"),
    "sozialdemokratisch": words("partei"),
    "christlich": words("union"),
    "sowjetisch": words("besatzungszone"),
    "eisern": words("vorhang vorhangs vorhanges"),
    "groß": words("koalition"),
    "neu": words("forum"),
    "rund": words("tisch tisches"),
    # "das Auswärtige Amt" and its "Auswärtige Politik", the name of the Federal Republic's
    # foreign policy in its official editions ("Akten zur Auswärtigen Politik der
    # Bundesrepublik Deutschland").
    "auswärtig": words("amt amtes amts politik angelegenheiten"),
}

# Nouns that name a state, a party or an institution with the adjectives before them: "die
# Russische Föderation", "die Freie Universität".
# In a title that shows no headline style every adjective before one is taken for part of
# its name, and so is any adjective of a nation or a doctrine in "-isch" (and "deutsch"); in
# one that does, such an adjective before one still is ("Archiv Für Außenpolitik Der
# Russischen Föderation").
_NAME_HEADS = words(
    "republik volksrepublik bundesrepublik föderation union sowjetunion königreich reich"
    " staaten nationen emirate partei einheitspartei armee volksarmee front gemeinschaft"
    " universität hochschule akademie kirche bank zeitung rat ministerium institut"
    " gesellschaft bund verband zentrum museum bibliothek archiv kommission"
)
# After these a noun phrase is the writer's own, not an institution's name ("im Geheimen
# Krieg"): an article or a preposition merged with one. A bare preposition ("für") opens
# many names ("Institut für Angewandte Sozialforschung"), so a title showing no headline
# style is not changed after one ("Rat für Gegenseitige Wirtschaftshilfe").
_PHRASE_OPENERS = ARTICLES["de"] | words("im am vom zum zur beim ins ans aufs")

_ENDINGS = ("em", "en", "er", "es", "e")
_CORE = re.compile(r"^([\W_]*)(.*?)([\W_]*)$", re.DOTALL)
_OPENS = ":.?!—–"  # a word after one of these begins a title, subtitle or sentence


@cache
def _lexicon() -> frozenset[str]:
    """pyspellchecker's German words, loaded the first time a German title needs them."""
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="de", distance=1).word_frequency.keys())


def _adjective_stem(word: str) -> str:
    """The stem of an inflected German adjective or participle ("Geheimen" -> "geheim"), ""
    for any other word."""
    lower = word.lower()
    lexicon = _lexicon()
    for ending in _ENDINGS:
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 3 and lower in lexicon:
            if all(stem + form in lexicon for form in _ENDINGS):
                return stem
            return ""
    return ""


def _split(token: str) -> tuple[str, str, str]:
    """A token's leading marks, its word, its trailing marks ("„Die" -> "„", "Die", "")."""
    match = _CORE.match(token)
    assert match is not None  # every part of the pattern may match nothing
    return match.group(1), match.group(2), match.group(3)


def _capitalized(core: str) -> bool:
    return core[:1].isupper() and not core.isupper()


def sentence_style(text: str) -> str:
    """`text`, a German title, with the capitals of a catalogue's headline style lowered
    (module docstring); a title already in sentence style comes back as it was."""
    if "<" in text or not any(ch.isupper() for ch in text[1:]):
        return text
    parts = re.split(r"(\s+)", text)
    tokens = parts[::2]
    cores = [_split(token) for token in tokens]
    opens = [
        i == 0 or bool(cores[i][0]) or tokens[i - 1][-1:] in _OPENS for i in range(len(tokens))
    ]
    headline = any(
        not opens[i] and _capitalized(core) and core.lower() in _LOWERCASE
        for i, (_, core, _) in enumerate(cores)
    )
    lowered = list(tokens)
    for i, (lead, core, trail) in enumerate(cores):
        if opens[i] or not _capitalized(core):
            continue
        if core.lower() in _LOWERCASE:
            if headline:
                lowered[i] = lead + core.lower() + trail
            continue
        if trail or i + 1 >= len(tokens):
            continue  # an adjective before a comma or at the end is no attribute
        if not (headline or not _capitalized(cores[i - 1][1])):
            continue
        if _attributive(cores, i, headline):
            lowered[i] = lead + core[:1].lower() + core[1:] + trail
    parts[::2] = lowered
    return "".join(parts)


def _attributive(cores: list[tuple[str, str, str]], i: int, headline: bool) -> bool:
    """Whether the capitalized word at `i` is an adjective before its noun, not part of a
    name: its stem and the noun after its run of adjectives are no proper name (`_NAMED`)."""
    stem = _adjective_stem(cores[i][1])
    if not stem:
        return False
    run = [stem]
    j = i + 1
    while j < len(cores) and not cores[j][0] and _capitalized(cores[j][1]):
        next_stem = _adjective_stem(cores[j][1])
        if not next_stem or cores[j - 1][2]:
            break
        run.append(next_stem)
        j += 1
    if j >= len(cores) or cores[j][0] or cores[j - 1][2] or not _capitalized(cores[j][1]):
        return False
    noun = cores[j][1]
    head = _head(noun.lower())
    if noun.lower() in _LOWERCASE:
        return False
    if any(noun.lower() in _NAMED.get(s, ()) for s in run):
        return False
    national = any(s.endswith("isch") or s == "deutsch" for s in run)
    if national and (head in _NAME_HEADS or not headline):
        # An adjective of a nation or doctrine a sentence-style title capitalizes is a
        # name's ("der Sowjetischen Militäradministration").
        return False
    if head in _NAME_HEADS and not headline:
        return False
    if len(run) > 1 and not headline:
        return False  # "Deutsche Demokratische Republik": a run of capitals names
    if not headline:
        if cores[i - 1][1].lower() not in _PHRASE_OPENERS:
            return False
        # In a title that shows no headline style, the noun must be a common word the
        # lexicon holds, not a name or genitive ("die Gefangenen Stalins"), and end the run
        # of capitals ("Sozialistischen Einheitspartei Deutschlands" is a name).
        if noun.lower() not in _lexicon() or noun.endswith("s"):
            return False
        after = j + 1
        if (
            after < len(cores)
            and not cores[j][2]
            and _capitalized(cores[after][1])
            and cores[after][1].lower() not in _LOWERCASE
        ):
            return False
    return True


def _head(noun: str) -> str:
    """The head of a German noun as `_NAME_HEADS` lists it: the word itself, else the
    listed noun a compound ends on ("Staatsbank" ends on "bank"), inflected forms in
    "-en"/"-s" too ("Föderationen", "Rates")."""
    for form in (noun, noun.removesuffix("en"), noun.removesuffix("es"), noun.removesuffix("s")):
        for known in _NAME_HEADS:
            if form.endswith(known):
                return known
    return noun
