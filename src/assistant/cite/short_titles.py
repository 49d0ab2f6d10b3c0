"""Short titles (CMOS 18 14.30) for items without a `title-short`.

What a careful editor does: take the main title (no subtitle, no initial A, An or The, no
trailing dates: `short_title_dates`), keep it whole when it is short, and otherwise keep its
head phrase, the words before the first phrase that could be dropped (a prepositional phrase,
a second conjunct, a participle clause), choosing the longest such phrase of at most four
words. The cut never leaves a function word, an adjective or an announcing abbreviation
("no.") hanging at the end, never splits a word group (a quotation, a date, a name with its
title of office, a Romance compound or postposed adjective: `short_title_units`), and is made
with the title's own language's function words (Russian in Cyrillic and transliteration,
German, French, Spanish, Italian, Portuguese, Pinyin); a question keeps its verb (never
"Weishenme women", two words of a question). Articles, in every language, are not counted
toward the four words. Where a cut may end and how words count are in `short_title_ends`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant.cite.languages import guess
from assistant.cite.richtext import hide_tags, show_tags
from assistant.cite.short_title_chains import (
    agent_phrase_at,
    degree_complement_end,
    first_term_of_series,
    noun_chain_end,
)
from assistant.cite.short_title_clauses import (
    appositive,
    between_cut,
    collection_name,
    coordination_end,
    gerund_object_end,
    object_of_gerund,
    question_subject_end,
    splits_between,
    subject_and_verb,
    with_particle,
)
from assistant.cite.short_title_dates import date_spans, without_dates
from assistant.cite.short_title_ends import (
    _WHOLE_WITHOUT_CUT,
    _can_end,
    _completed_noun_phrase,
    _counted,
    _first,
    _first_words,
    _initials,
    _key_words,
    _length,
    _trim,
    _without_author,
    _without_corporate_author,
    first_of_two_names,
    persian_ezafe_end,
    trailing_prepositional_phrase,
)
from assistant.cite.short_title_frames import (
    EDITION,
    SUBTITLE,
    main_title,
    without_frame,
    without_reply_tag,
    without_setting,
)
from assistant.cite.short_title_headlines import (
    main_clause_end,
    passive_subject_end,
    romance_object,
    romance_subject_end,
)
from assistant.cite.short_title_phrases import (
    SERIES_CONJUNCTIONS,
    apposition_at,
    clause_or_conjunct_at,
    definite_adjectives_at,
    generic_head,
    phrase_ends,
    possessive_head,
    relative_clause_start,
    sentence,
    series_end,
    splits_pair,
    splits_shared_article,
    verb_units,
)
from assistant.cite.short_title_units import (
    ROMANCE,
    join_units,
    show_units,
    split_unit,
)
from assistant.cite.short_title_words import (
    ARTICLES,
    DROPPED_ARTICLES,
    FUNCTION_WORDS,
    INQUIRY_LEADS,
    LEAD_PHRASES,
)
from assistant.cite.short_title_words import bare as _bare
from assistant.cite.titles import record_period
from assistant.cite.typography import words

# An em dash before a capital sets off a subtitle too ("Crisis in Asia—An Examination of
# U.S. Policy"), as a colon does.
_DASH_SUBTITLE = re.compile(r"\s*—\s*(?=[A-Z])")
# A head that only names a document's genre ("NSC Meeting—Chile", "Memorandum—Laos"):
# the dash then joins the genre to its subject, which the head alone does not name, and
# is no subtitle break (6.85: an em dash sets off an amplifying element).
_DOCUMENT_GENRES = words(
    "meeting meetings memorandum memo report conversation telegram cable letter minutes"
    " briefing note notes"
)
_MOST_WORDS = 40
_ELLIPSIS_IN_TITLE = re.compile(r"\s*(?:\. \. \.|…|\.\.\.)")
# (Without digits: a parenthesis of dates is the period covered, short_title_dates.)
_TRAILING_PARENTHESIS = re.compile(r"\s+\([^()\d]*\)\s*$")
# The words that open an indirect question, a clause of its own ("Why the ... Matters").
_WH_WORDS = words("why how what when where whether who")
_OPENING_PREPOSITIONS = words(
    "inside behind beyond toward towards across against after before between under among"
    " within without from over through into on in at with for by near along around outside"
    " during"
)


def derive_short_title(title: str, language: str = "en", author_names: Sequence[str] = ()) -> str:
    """Chicago's short title of `title` (CMOS 14.30), in `language` (an ISO 639-1 code).

    `author_names` are the surnames the short note prints before the title: words naming them
    again ("Selected Works of Mao Tse-tung" by Mao) are no key words of a longer title."""
    return _derive_short_title(title, language, tuple(author_names))


# Every new engine derives each item's short title again (the app rebuilds its engine when
# the library changes, the builder for each preview), and the rules are many: the answer
# depends on these three values only.
@lru_cache(maxsize=8192)
def _derive_short_title(title: str, language: str, author_names: tuple[str, ...]) -> str:
    described = re.fullmatch(r"\[([^\[\]]+)\]\.?", title.strip())
    if described:
        # A description the writer supplies in brackets is shortened inside them.
        return f"[{derive_short_title(described.group(1), language, author_names)}]"
    hidden, tags = hide_tags(title)
    hidden = without_reply_tag(hidden) or hidden
    main = main_title(hidden)
    subtitled = main != hidden.strip()
    main = without_frame(main)
    head = _DASH_SUBTITLE.split(main, maxsplit=1)[0]
    # (Two dashes set off a parenthesis, "The War—and Peace—in Korea", not a subtitle.)
    if (
        head != main
        and main.count("—") == 1
        and _counted(head.split(), "en") >= 1
        and not _parallel(head, main[len(head) :].lstrip(" —"))
        and _bare(head.split()[-1]) not in _DOCUMENT_GENRES
    ):
        main = head
        subtitled = True
    main = EDITION.sub("", main)
    main = _ELLIPSIS_IN_TITLE.sub("", main, count=1) if _ELLIPSIS_IN_TITLE.match(main) else main
    pause = _ELLIPSIS_IN_TITLE.search(main)
    if pause and len(main[: pause.start()].split()) >= 2:
        # A short title never ends on an ellipsis; the words before it are the head the
        # pause sets off ("How the Cold War Began . . . with British Help") (14.30).
        main = main[: pause.start()]
    gloss = _TRAILING_PARENTHESIS.search(main)
    articles = ARTICLES.get(language, frozenset())
    if gloss and sum(w.lower() not in articles for w in main[: gloss.start()].split()) >= 2:
        # A parenthesis after the main title (an alternative title, a gloss: "Zagadka
        # smerti Stalina (Zagovor Beriia)") is no key word of it (14.30).
        main = main[: gloss.start()]
    # A title's own words tell its language when the record's says English ("Хрущевская
    # «оттепель»" reviewed in an English journal): function words are the title's.
    read = _romanized_east_asian(main) or guess(main)
    if language == "en" and read and read != "en":
        language = read
    tokens = _without_article(main.split(), language)
    function_words = FUNCTION_WORDS.get(language, frozenset())
    undated = without_dates(tokens, function_words)
    # (A place whose date went with it, "Silo, Greenham Common, | 1 January 1983", is a
    # setting as a place and its country are.)
    dated = len(undated) < len(tokens) and tokens[len(undated) - 1].endswith(",")
    tokens = without_setting(undated, function_words, dated)
    tokens = _without_corporate_author(tokens, function_words, author_names)
    if tokens and language in ROMANCE and not tokens[-1].endswith("?"):
        # (Before the words are joined into units: the name and the verb after it may be
        # joined as one.)
        subject = romance_subject_end(tokens, language)
        if subject and _length(tokens, language) > 4:
            tokens = tokens[:subject]
    if tokens:
        # A short title comes from the head of the title: past its first forty words nothing
        # changes the choice, and the search stays bounded for any length.
        units = join_units(tokens[:_MOST_WORDS], language, function_words)
        chosen = _choose(units, language, function_words, author_names, subtitled)
        chosen = first_term_of_series(units, chosen, language, function_words)
        if len(chosen) > 3 and without_dates(split_unit(chosen[-1]), function_words) == []:
            # A cut after a year with its "in the year" word ("neuvrščenih leta 1961 | v
            # slovenskem tisku") ends on when, as "in 1961" would: it goes (14.30).
            chosen = chosen[:-1]
        if len(chosen) > 1 and _PARENTHESIZED_YEARS.match(_bare(split_unit(chosen[-1])[0])):
            # "The Greek Civil War (1944–1949) | and ...": years in parentheses after the head
            # go, as trailing years after a comma do (14.30).
            chosen = chosen[:-1]
        chosen = persian_ezafe_end(units, chosen, language)
        chosen = with_particle(units, chosen, language)
        chosen = _without_wh_word(units, chosen, language)
        complement = _complement(tokens, language)
        inquiry = INQUIRY_LEADS.get(language)
        inquired = inquiry is not None and inquiry.match(" ".join(tokens)) is not None
        if complement and (_counted(units, language) > 5 or inquired):
            # A lead phrase that announces a genre is no key words: a title to be shortened
            # gets the complement's short title, with the lead phrase only when both fit in
            # four words ("Remarks on East-West Relations", not "Some Considerations
            # Relating").
            units = join_units(complement[:_MOST_WORDS], language, function_words)
            own = _choose(units, language, function_words, author_names, subtitled)
            kept = show_units(" ".join(chosen[-len(own) :])) == show_units(" ".join(own))
            flat = [w for unit in own for w in split_unit(unit)]
            # (A complement that opens on a date, "Preliminary Analysis of the October 1,
            # 1965, Coup", would give a date alone: the lead phrase then stays.)
            dated = bool(date_spans(flat)) and date_spans(flat)[0] == (0, len(flat) - 1)
            if not dated and (
                not kept
                or _counted(chosen, language) > 4
                or (inquired and _counted(own, language) > 1)
            ):
                chosen = own
        tokens = chosen
    short = record_period(show_units(" ".join(tokens)).rstrip(",;:"))
    return _balance_tags(show_tags(short, tags))


_PARENTHESIZED_YEARS = re.compile(r"^\((?:1\d{3}|20\d{2})(?:[–/-]\d{2,4})?\)$")


def _romanized_east_asian(title: str) -> str:
    """ "ja" or "ko" when a title's own letters tell romanized Japanese or Korean (11.94,
    11.95) and no English function word says otherwise: Hepburn's long vowels "ō", "ū" with
    a Japanese particle among the words ("Senryōki Nihon ni okeru ..."), McCune-Reischauer's
    "ŏ", "ŭ" ("Haebang chŏnhu Miguk ŭi ..."); "" otherwise. (A record that says English
    for such a title is the catalogue's default, not the title's language.)"""
    plain = [_bare(w) for w in title.split()]
    english = FUNCTION_WORDS["en"]
    if "ŏ" in title or "ŭ" in title:
        own = FUNCTION_WORDS["ko"]
        if not any(w in english and w not in own for w in plain):
            return "ko"
    if "ō" in title or "ū" in title:
        own = FUNCTION_WORDS["ja"]
        if any(w in own for w in plain) and not any(w in english and w not in own for w in plain):
            return "ja"
    return ""


def _parallel(first: str, second: str) -> bool:
    """Whether the halves a dash joins mirror each other ("Heresy, Yes—Conspiracy, No"):
    two short halves of one shape are one title, not a title and its subtitle."""
    shape = [re.sub(r"[^,;]", "", w) for w in first.split()]
    return len(shape) <= 3 and shape == [re.sub(r"[^,;]", "", w) for w in second.split()]


def _complement(tokens: list[str], language: str) -> list[str]:
    """The complement of a lead phrase that only announces a genre ("Some Considerations
    Relating to | Property Rights in Man"), of two words at least: where a title's key
    words (14.30) are when a cut would keep the lead phrase alone ([] when none)."""
    lead = LEAD_PHRASES.get(language)
    match = lead.match(" ".join(tokens)) if lead else None
    if not match:
        return []
    rest = " ".join(tokens)[match.end() :].split()
    if rest and _bare(rest[0]) in DROPPED_ARTICLES.get(language, ()):
        rest = rest[1:]
    return rest if len(rest) >= 2 else []


def record_short_title(short: str, language: str = "en") -> str:
    """A record's own short title (Zotero's Short Title, which it often fills in itself
    from the main title) without the initial English article a derived one drops (14.30:
    "The Struggle for the Middle East" -> "Struggle for the Middle East")."""
    hidden, tags = hide_tags(short)
    return show_tags(" ".join(_without_article(hidden.split(), language)), tags)


def _without_article(tokens: list[str], language: str) -> list[str]:
    # The article goes, not a quotation mark before it ("“The Long Telegram”" stays whole).
    if (
        len(tokens) > 1
        and tokens[0][:1].isalpha()
        and _bare(tokens[0]) in DROPPED_ARTICLES.get(language, ())
    ):
        return tokens[1:]
    return tokens


def subtitle_of(title: str) -> str:
    """The subtitle of `title` ("" when it has none)."""
    parts = SUBTITLE.split(title, maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _choose(
    tokens: list[str],
    language: str,
    function_words: frozenset[str],
    author_names: Sequence[str],
    subtitled: bool = False,
) -> list[str]:
    # `tokens` are units (short_title_units): a cut falls between them, never inside one.
    n = len(tokens)
    size = _length(tokens, language)
    question = tokens[-1].endswith("?")
    if size > 4 or language != "en":
        tokens = _without_author(tokens, language, function_words, author_names)
        if len(tokens) < n:
            return tokens
    # Four words or fewer are not shortened (14.30).
    if size <= 4:
        return tokens
    collection = collection_name(tokens, language)
    if collection:
        return tokens[:collection]
    both = between_cut(tokens, language, function_words) or gerund_object_end(tokens, language)
    if both:
        return tokens[:both]
    if language == "en" and not question:
        # A headline's subordinate clause goes first; a passive one keeps its subject
        # (short_title_headlines).
        main = main_clause_end(tokens)
        if main:
            return _choose(tokens[:main], language, function_words, author_names, subtitled)
        subject = passive_subject_end(tokens)
        if subject:
            return tokens[:subject]
    # A question keeps its verb: at least four words ("Was 1968 a Strategic Watershed");
    # one of five words is kept whole, a cut inside it would leave no question ("Who Ate
    # Up All"), which a fifth word does not outweigh (14.30).
    if question and _counted(tokens, language) <= 5:
        return tokens
    least = 4 if question else 1
    # A sentence or a question is cut only after its last verb and the word that completes
    # it, never inside its clause ("Cuban Rebel Is Visited | in Hideout"), or, in a
    # sentence, at a comma that closes its first clause ("Everything Was Forever, | Until
    # It Was No More"); with no such cut it stays whole ("I'm Glad the CIA Is 'Immoral'",
    # "What Was Socialism, and Why Did It Fall?": the question mark is both clauses').
    verbs = verb_units(tokens, language, question)
    if verbs and (question or sentence(tokens, language)):
        ends = [
            k
            for k in range(1, n)
            if k >= verbs[-1] + 2
            or (not question and k >= verbs[0] + 2 and tokens[k - 1][-1:] == ",")
        ]
    else:
        verbs, ends = [], list(range(1, n))
    subject = question_subject_end(tokens, verbs, language, function_words) if question else 0
    if subject:
        return tokens[:subject]
    ends = [
        k
        for k in ends
        if _counted(tokens[:k], language) >= least
        and phrase_ends(tokens, k, language, function_words)
    ]
    ends = [
        k
        for k in ends
        if _can_end(tokens[:k], language, function_words)
        and not splits_pair(tokens, k, language)
        and not splits_shared_article(tokens, k, language)
        and not splits_between(tokens, k, language)
    ]
    relative = relative_clause_start(tokens) if language == "en" else 0
    if relative:
        ends = [k for k in ends if k <= relative]
    # A series that opens the title is one key phrase, kept whole up to the phrase after it
    # (14.30: "Politics, Power, and U.S. Policy | in Iran").
    whole = series_end(tokens, language)
    if whole and _counted(tokens[:whole], language) > 6:
        # ... when it is one: a series of more words than a short title holds twice over
        # names several subjects, and the short title keeps its first terms (14.30).
        whole = 0
    if whole:
        if whole < n and phrase_ends(tokens, whole, language, function_words):
            return tokens[:whole]
        ends = [k for k in ends if k >= whole]
    # An appositive after a comma restates the head ("Imperialism, the Highest Stage of
    # Capitalism"): the head alone is the short title.
    series = any(_bare(w) in SERIES_CONJUNCTIONS for unit in tokens for w in split_unit(unit))
    apposed = [
        k
        for k in ends
        if not series and apposition_at(tokens, k, language) and _length(tokens[:k], language) <= 4
    ]
    if apposed and size > 5:
        return tokens[: min(apposed)]
    comma = next((k for k in range(1, n) if tokens[k - 1].endswith(",")), 0)
    if (
        comma
        and size > 4
        and 2 <= _counted(tokens[:comma], language) <= 4
        and appositive(tokens[comma:], language, function_words)
    ):
        # So does a noun phrase after a name or head of two words or more that runs to the
        # title's end ("Dean Rusk, Secretary and Adviser"); a given name alone after the
        # comma, with no function word, is an inverted name and stays ("Árbenz Guzmán,
        # Jacobo").
        return tokens[:comma]
    # The longest head phrase of at most four words that says something (two key words) ...
    said = [
        k
        for k in ends
        if _length(tokens[:k], language) <= 4
        and _key_words(tokens[:k], language, function_words) >= 2
    ]
    if said:
        head = max(said)
        if generic_head(tokens, head, language):
            # ... with the phrase that follows when the head only names an era, a war, a
            # state or a genre ("Cold War | in the Middle East", "United States | and the
            # Origins"): such a head names many works, not this one.
            # (Four words at most, a unit begun within them kept whole: "United States and
            # ‘Psychological Warfare’", not "Spanish Civil War and the Construction".)
            later = [k for k in ends if k > head and _counted(tokens[: k - 1], language) < 4]
            if later:
                return tokens[: min(later)]
            named = first_of_two_names(tokens, head, language, function_words)
            if named and possessive_head(tokens, head, language):
                # A possessive head whose phrase ends on two names joined by "and" keeps
                # the first name when both would pass four words ("My Years with Gorbachev
                # | and Shevardnadze"): the name says whose years, the second adds a fifth.
                return tokens[:named]
            if size <= 6 or _counted(tokens, language) <= 5:
                return tokens
        elif size > 5 and coordination_end(tokens, head, language, function_words):
            # Two bare noun phrases joined by "and" that a prepositional phrase then
            # qualifies together ("Land Reform and Rural Unrest | in South Korea") are one
            # head: the phrase after them is what goes (14.30).
            return tokens[: coordination_end(tokens, head, language, function_words)]
        elif (
            size == 5
            and head == n - 2
            and _bare(_first(tokens[head])) == "and"
            and _counted(tokens[:head], language) >= 3
            and not any(_bare(w) in function_words for u in tokens[:head] for w in split_unit(u))
        ):
            # A bare key phrase of three words and a lone noun joined to it ("Labor
            # Movement Formation | and Politics"): the lone noun is the fifth word a short
            # title does not take; the phrase alone names the subject (14.30).
            return tokens[:head]
        elif size > 5 and subject_and_verb(tokens, head, language):
            # A subject and a bare verb are no title ("Truman Calls | for World Campaign"):
            # the verb keeps the phrase it governs, to five words ending on its noun.
            later = [k for k in ends if k > head + 1 and _counted(tokens[:k], language) <= 5]
            if later:
                return tokens[: max(later)]
            return tokens[:head]
        elif romance_object(tokens, head, language):
            return romance_object(tokens, head, language)
        elif degree_complement_end(tokens, head, ends, language):
            return tokens[: degree_complement_end(tokens, head, ends, language)]
        elif (
            size > 5
            or trailing_prepositional_phrase(tokens, head, language, function_words)
            or agent_phrase_at(tokens, head, language, function_words)
            or definite_adjectives_at(tokens, head, language)
            or (
                language == "en"
                and clause_or_conjunct_at(tokens, head)
                and not (subtitled and _bare(_first(tokens[head])) == "and")
            )
        ):
            # A head that names the work's own subject is enough, and in a title of five
            # words too when what follows is a relative clause or a second subject of its
            # own ("Window of Vulnerability | That Wasn't", "Nuclear Alerts | and Crisis
            # Management"). A main title of five words before a subtitle is already the
            # shortened form: two bare noun phrases joined by "and" are its head together
            # ("Human Rights and Basic Needs: Jimmy Carter's ...") (14.30).
            return tokens[:head]
    # Five words stay whole otherwise (an editor keeps "History of American Foreign
    # Policy").
    if size <= 5:
        return tokens
    if language == "en" and _bare(_first(tokens[0])) in _OPENING_PREPOSITIONS:
        # A title that opens with a prepositional phrase has it for its head ("Inside the
        # Kremlin | during the Yom Kippur War"): its one noun is the key word (14.30).
        # (Only before a second preposition of place or time: "of" and "to" complete the
        # first phrase, "In the Name | of the Working Class", "From Stalin | to Kim Il Sung".)
        opened = [
            k
            for k in ends
            if 2 <= _counted(tokens[:k], language) <= 4
            and _key_words(tokens[:k], language, function_words) >= 1
            and _bare(_first(tokens[k])) in _OPENING_PREPOSITIONS - {"of", "to", "for", "by"}
        ]
        if opened:
            return tokens[: min(opened)]
    # ... else a one-word head with the phrase it governs, if that is four words at most
    # ("Impact of the Korean War") ...
    counted = [
        k
        for k in ends
        if k > 1
        and _counted(tokens[:k], language) <= 4
        and _key_words(tokens[:k], language, function_words) >= 2
    ]
    if counted:
        return tokens[: min(counted)]
    # ... else, for a long title, its first four words when they make a unit ("Doklad o
    # boevykh deistviiakh"); a title of up to seven words without a usable cut stays whole.
    if verbs and not ends:
        return tokens
    if size <= 7 and language in _WHOLE_WITHOUT_CUT:
        return object_of_gerund(tokens, function_words) or tokens
    first = _first_words(tokens, 4, language, function_words)
    if first and language == "en":
        chain = noun_chain_end(tokens, len(first), function_words)
        clause = sentence(tokens, language) or _bare(_first(tokens[0])) in _WH_WORDS
        if chain == n and clause and _counted(tokens, language) <= 7:
            # A short sentence or wh-clause whose chain runs to its end is kept whole
            # ("Why the Threshold Test Ban Treaty Still Matters").
            return tokens
        if chain and _counted(tokens[:chain], language) <= 6:
            return tokens[:chain]
        # A cut inside the noun chain a phrase's object is would end on a modifier
        # ("Observation of High Intensity | Radiation"): the chain's noun comes too, to five
        # words (14.30).
        chain = noun_chain_end(tokens, len(first), function_words, inside_phrase=True)
        if chain and _counted(tokens[:chain], language) <= 5:
            return tokens[:chain]
    first = first or _completed_noun_phrase(tokens, language, function_words)
    if first:
        return first
    # Else a phrase of four words at most, initials not counted ("Zapis' besedy I. V.
    # Stalina"), then three or two first words, then a cut inside a name: a short title is
    # four words at most (14.30).
    within = [k for k in ends if _counted(tokens[:k], language) - _initials(tokens[:k]) <= 4]
    if within:
        return tokens[: max(within)]
    for names_whole in (True, False):
        for count in (3, 2) if names_whole else (4, 3, 2):
            first = _first_words(tokens, count, language, function_words, names_whole)
            if first:
                return first
    if ends:
        return tokens[: min(ends)]
    return tokens if size <= 7 else _trim(tokens[:4], function_words)


_DETERMINERS = words("the my our his her their its your")


def _without_wh_word(units: list[str], chosen: list[str], language: str) -> list[str]:
    """`chosen` without the "What" of a clause the cut ended before its verb ("What | My
    Father’s Fallout Shelter | Taught Me ..."): the subject alone is the key phrase; "What"
    with no verb after it says nothing (14.30)."""
    if (
        language != "en"
        or not 3 <= len(chosen) < len(units)
        or _bare(chosen[0]) not in _WH_WORDS
        or _bare(_first(chosen[1])) not in _DETERMINERS
        or len(split_unit(chosen[-1])) < 2
    ):
        return chosen
    rest = chosen[1:]
    return _without_article(rest, language) if _bare(rest[0]) in ARTICLES["en"] else rest


def _balance_tags(text: str) -> str:
    """Close any markup a cut left open ("<i>Pueblo Crisis" -> "<i>Pueblo Crisis</i>")."""
    if "<" not in text:
        return text
    for tag in ("i", "b", "sup", "sub", "span"):
        opened = len(re.findall(rf"<{tag}[\s>]", text))
        closed = text.count(f"</{tag}>")
        text += f"</{tag}>" * max(0, opened - closed)
    return text
