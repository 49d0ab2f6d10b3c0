"""The words a short title is cut by, in each language (CMOS 18 14.30: a short title never
ends on an article, preposition, conjunction or an adjective left without its noun): function
words, the articles a short title does not count (and, in English, drops), and the adjectives
a cut may not leave hanging.
"""

from __future__ import annotations

import re

from assistant.cite.headline import STOP_WORDS
from assistant.cite.languages import ARTICLES
from assistant.cite.typography import words

# The private characters richtext hides tags in: no part of a word.
HIDDEN_TAGS = re.compile("[\ue100-\ue1ff]")

# Words a short title must not end on, by language (CMOS 14.30: no article, preposition or
# conjunction left hanging); a cut is made before them. Unknown languages use none.
FUNCTION_WORDS = {
    # With the participles that serve as prepositions ("Resolution ... Concerning the
    # Situation"): a short title never ends on one either.
    "en": STOP_WORDS
    | words(
        "vs. v. versus toward towards concerning regarding respecting following including"
        " touching pertaining"
    ),
    # Russian in Cyrillic and in Library of Congress transliteration.
    "ru": words(
        "и в во на с со о об обо к ко по за из от до для без при через а но или ни у над под"
        " перед между про i v vo na s so o ob obo k ko po za iz ot do dlia bez pri cherez a"
        " no ili ni u nad pod pered mezhdu pro"
    ),
    "uk": words(
        "і й та а але чи або в у на з із зі до від для без при через про по за над під перед"
        " між о об к"
    ),
    "pl": words(
        "i oraz a ale lub albo czy ani lecz w we z ze na do od dla pod przed po o przez przy"
        " między nad za u wśród bez ku około wobec"
    ),
    # Hungarian marks its cases with suffixes: its free function words are conjunctions.
    "hu": words("a az egy és s vagy meg de hogy is"),
    "vi": words(
        "về của và với cho ở từ đến trong trên dưới sau trước giữa theo vì do tại những các"
        " là được bị mà hay hoặc nhưng khi"
    ),
    # Pinyin particles, prepositions and conjunctions, and the postpositions that close a
    # phrase ("Wenhua dageming zhong", in the Cultural Revolution): see NO_CUT_BEFORE.
    "zh": words(
        "de yu he ji zai dui guanyu yi zhi ba bei cong xiang gen tong huo"
        " zhong shang xia nei wai yilai qijian shiqi"
    ),
    # Romanized Japanese (Hepburn) and Korean (McCune-Reischauer and Revised Romanization)
    # write their particles and postpositions as words after the noun they mark ("Senryōki
    # Nihon ni okeru", "Miguk ŭi"): a short title never ends on one (14.30, 11.94-11.95).
    "ja": words(
        "no ni okeru tsuite kansuru taisuru yoru meguru shite to wa ga o wo e de kara made"
        " yori ya mo"
    ),
    "ko": words("ŭi ui wa kwa gwa e esŏ eseo ro ŭro euro rŭl reul ŭl eul nŭn neun ŭn eun ka ga i"),
    "fr": words(
        "le la les l un une des de du d et ou à au aux en pour sur dans par avec sans sous"
        " entre vers contre chez depuis pendant devant derrière selon malgré parmi envers"
        " durant avant après jusqu ni mais"
    ),
    "de": words(
        "der die das des dem den ein eine einer eines einem einen und oder in im von vom zu"
        " zur zum mit für auf über unter nach bei aus an am gegen zwischen durch um ins ans"
        " beim aufs vor hinter neben ohne seit bis während wegen trotz gegenüber entlang"
        " aber sowie sondern"
    ),
    "es": words(
        "el la los las un una unos unas de del y e o u ni pero en con por para a al sin sobre"
        " entre ante bajo desde hacia hasta tras durante mediante contra según segun"
    ),
    "it": words(
        "il lo la i gli le l’ l' un una uno di del dello della dei degli delle e ed o in con"
        " per a da dal dalla dai su sul sulla tra fra nel nello nella negli nelle al allo alla"
        " ai agli alle col coi sui sugli sulle dagli dalle dallo degl' contro verso senza"
        " durante dopo presso oltre entro fino sotto sopra ma né"
    ),
    "pt": words(
        "o a os as um uma uns umas de do da dos das e ou em no na nos nas com por pelo pela"
        " pelos pelas para ao aos à às sem sobre entre perante após desde até durante sob"
        " contra num numa nuns numas dum duma neste nesta nesse nessa naquele naquela mas nem"
    ),
    # Swedish, Danish and Norwegian (bokmål and nynorsk): articles, prepositions,
    # conjunctions and the pronoun articles "den", "det", "de" a noun phrase opens with
    # ("Rikets säkerhet och den | personliga integriteten").
    "sv": words(
        "och eller men samt den det de en ett i på av för med till om från under över vid"
        " mot efter utan mellan genom hos inom kring åt som än"
    ),
    "da": words(
        "og eller men samt den det de en et i på af for med til om fra under over ved mod"
        " efter uden mellem gennem hos inden omkring som end"
    ),
    "no": words(
        "og eller men samt den det de ei en et eit i på av for med til om fra frå under over"
        " ved mot etter uten utan mellom gjennom hos innen innan omkring som enn dei"
    ),
    # Finnish marks its cases with suffixes: its free function words are conjunctions.
    "fi": words("ja sekä tai eli mutta vai"),
    # South Slavic: Slovene ("Boj za priznanje in | neodvisnost", and), and
    # Serbo-Croatian in Latin script (Croatian, Serbian, Bosnian) and Serbian in Cyrillic.
    "sl": words(
        "in ter ali pa a ampak toda ne v na s z k h o ob po pri za od do iz med pod nad pred"
        " brez proti skozi čez zaradi kot"
    ),
    "hr": words(
        "i a ili ni ali te pa no u na s sa o k ka po pri za od do iz kroz među pod nad pred"
        " bez prema kod oko nakon tokom zbog radi protiv uoči"
        " и а или ни али те па у на с са о к ка по при за од до из кроз међу под над пред"
        " без према код око након током због ради против уочи"
    ),
    "bg": words("и а или но в във на с със о за от до по при през към без пред под над между"),
    # West Slavic besides Polish: Czech and Slovak.
    "cs": words(
        "a i nebo ani ale či v ve na s se z ze k ke o po při za od do u pro před pod nad mezi"
        " bez přes proti"
    ),
    "sk": words(
        "a i alebo ani ale či v vo na s so z zo k ku o po pri za od do u pre pred pod nad"
        " medzi bez cez proti"
    ),
    "nl": words(
        "de het een en of maar van voor met op naar tussen bij uit tot over na onder door in"
        " te aan om tegen zonder sinds tijdens"
    ),
    "ro": words(
        "și şi si sau dar ci în pe la cu de din spre pentru prin sub fără între despre după"
        " până asupra contra un o"
    ),
    # Turkish marks its cases with suffixes: its free function words are conjunctions and
    # the postpositions written apart.
    "tr": words("ve ile veya ya da ama fakat için gibi kadar göre sonra önce"),
    "la": words("et ac atque aut vel sed in de ad cum ex e a ab pro per sub super inter"),
    # Modern Greek in monotonic and polytonic spelling (and the katharevousa of older
    # newspapers): articles in every case, prepositions, conjunctions.
    "el": words(
        "ο η το οι τα του της των τον την τους τις ένας μία μια ένα ενός μιας έναν"
        " ὁ ἡ τὸ τὸν τὴν τῆς τοῦ τῶν τοὺς τὰς τὰ οἱ αἱ αἰ"
        " και καί καὶ ή ἢ ἤ αλλά ἀλλὰ ούτε ουδέ μήτε"
        " σε στο στη στην στον στα στους στις στης στου εις εἰς ἐν εν από ἀπὸ ἀπό για διά διὰ"
        " δια με μετά μὲ μετὰ προς πρὸς κατά κατὰ περί περὶ υπό ὑπὸ υπέρ ὑπὲρ επί ἐπὶ εκ ἐκ εξ"
        " ἐξ παρά παρὰ αντί ἀντὶ χωρίς ως ὡς έως ἕως μέχρι"
    ),
    # Afrikaans: articles, prepositions, conjunctions ("My lewe | saam met die SA Weermag").
    "af": words(
        "die n ’n 'n en of maar van vir met saam in op aan na by uit tot oor onder deur teen"
        " sonder sedert tydens tussen om voor agter langs volgens ná"
    ),
    # Persian in romanization (Library of Congress) and in script: the conjunction "va", the
    # prepositions; the ezafe "-i"/"-yi" is written joined to its noun (short_title_units).
    "fa": words(
        "va va- u bā ba bih be dar az tā bar barā-yi baraye bi bidūn kih ki"
        " yā"
        " و با به در از تا بر برای بی که یا"
    ),
}
# Only an English title loses its initial article (the sets' house style keeps a foreign
# one: "Die Legende", "La guerre de Corée").
DROPPED_ARTICLES = {"en": words("a an the")}
# Articles are part of the phrase they open, so they do not count toward the four words, in
# any language (CMOS 14.30 counts the words that carry meaning): languages.ARTICLES.
# Words a phrase does not end before although a short title cannot end on them: in Pinyin
# "de" and "zhi" tie a modifier to the head noun after it and a postposition closes the
# phrase before it ("Wenhua dageming zhong de | renmin jiefangjun": the army is the key
# noun), so a cut before them keeps the modifiers and loses the head (14.30).
# Korean "ŭi" (Revised Romanization "ui") is such a genitive too ("Haebang chŏnhu Miguk ŭi |
# tae-Han chŏngch'aek": the policy is the key noun).
NO_CUT_BEFORE = {
    "zh": words("de zhi zhong shang xia nei wai yilai qijian shiqi"),
    "ko": words("ŭi ui"),
}
# The genitive that ties all the words before it to the head noun after it.
GENITIVES = {"zh": words("de"), "ko": words("ŭi ui")}
# Opening phrases that only announce a genre ("Some Considerations Relating to", "Notes
# on", "Réflexions sur", "K voprosu o"): no key words, the key words are their complement.
LEAD_PHRASES = {
    "en": re.compile(
        r"(?i)^(?:(?:a|an|some|a few|further|preliminary|brief|(?:some )?additional)\s+)?"
        r"(?:(?:considerations|notes?|reflections|remarks|thoughts|essay|observations"
        r"|comments)\s+(?:relating to|related to|concerning|regarding|on|upon|about|toward"
        r"|towards)|(?:status|aspects)\s+of"
        # A collection named by its genre ("Studies in the History of", "Essays on",
        # "Contributions to"): its subject is the complement (14.30).
        r"|(?:studies|essays|chapters|contributions|lectures|papers)\s+(?:in|on|to|upon)"
        r"(?:\s+the\s+(?:history|study)\s+of)?"
        # A document's genre named before its subject ("White Paper on", "Report on",
        # "Memorandum on"): the genre is no key word either.
        r"|(?:(?:white|green|position|briefing|background|discussion|policy|working)\s+papers?"
        r"|reports?|memorand(?:um|a)|statements?|aide-m[ée]moire|study|survey)"
        r"\s+(?:on|upon|about|concerning|regarding|relating to)"
        # A generic lead that names the kind of inquiry ("A Study of the Motion ...", "An
        # Analysis of", "Survey of"): its complement is the subject (14.30).
        r"|(?:study|survey|analysis|examination|investigation|inquiry)\s+of)\s+"
    ),
    "fr": re.compile(
        r"(?i)^(?:(?:quelques|brèves|nouvelles)\s+)?(?:réflexions|remarques|notes|essai"
        r"|observations|considérations)\s+(?:sur|à propos d[eu]|concernant)\s+"
    ),
    "de": re.compile(
        r"(?i)^(?:bemerkungen|überlegungen|anmerkungen|gedanken)\s+(?:zu[rm]?|über)\s+"
        # "Überlegungen zu einer …": an indefinite article opens no short title (14.30).
        r"(?!(?:eine[mnrs]?|ein)\s)"
    ),
    "es": re.compile(
        r"(?i)^(?:notas|apuntes|reflexiones|consideraciones|observaciones)\s+(?:sobre|acerca de)\s+"
    ),
    "ru": re.compile(
        r"(?i)^(?:(?:к|k)\s+(?:вопросу|voprosu)|(?:заметки|zametki|размышления|razmyshleniia))"
        r"\s+(?:об?|ob?)\s+"
    ),
}
# The leads among them that name the kind of inquiry ("A Study of", "Survey of"): they go
# even from a title short enough to keep whole, when more than one word remains ("Survey
# of the Sino-Soviet Dispute" -> "Sino-Soviet Dispute"; "A Study of History" keeps its
# lead, "History" alone names nothing), since the subject is their complement (14.30).
INQUIRY_LEADS = {
    "en": re.compile(
        r"(?i)^(?:(?:a|an|some|a few|further|preliminary|brief)\s+)?"
        r"(?:study|survey|analysis|examination|investigation|inquiry)\s+of\s+"
    ),
}
# A bare "de" inside a compound ("rideau de fer", "Iron Curtain") links two nouns into one
# term, as an English compound does without a word: it is not counted either.
LINKS = words("de di da d’ d'")
# English adjectives a phrase cannot end on ("Discrepancy between the Russian", "Mao and the
# Sino-Soviet"): peoples and places, and the suffixes only adjectives carry.
_ADJECTIVES = words(
    "soviet communist socialist nationalist capitalist imperialist fascist marxist leninist"
    " stalinist maoist french dutch greek thai swiss irish welsh scottish british polish danish"
    " swedish finnish turkish spanish english jewish civil foreign domestic international"
    " national global regional military political economic social cultural diplomatic"
    " strategic nuclear atomic new old great early late first second third last final"
    " northern southern eastern western central cold united"
    # (-ary adjectives by name: "library", "secretary", "diary" are nouns.)
    " ordinary extraordinary revolutionary contemporary voluntary primary secondary"
    " elementary legendary imaginary parliamentary unitary monetary budgetary literary"
)
_ADJECTIVE_ENDINGS = ("ese", "ean", "ical", "ous", "ful", "less", "ible", "able")
_NOUNS_IN_IAN = words("historian civilian guardian politician librarian musician physician")
# A soft adjective ends in -nii after a consonant ("poslednii", "vnutrennii"); after a vowel
# the ending is a noun's ("otnoshenii", "issledovanii", "kolonii").
_RUSSIAN_ADJECTIVE = re.compile(
    r"(skii|skaia|skoe|skie|skoi|skogo|skikh|nyi|naia|nye|nogo|nykh|nyi|(?<![aeiouy])nii|niaia"
    r"|ovoi|evoi"
    r"|ский|ская|ское|ские|ской|ского|ских|ный|ная|ные|ного|ных|(?<![аеёиоуыэюя])ний|няя)$"
)


def bare(word: str) -> str:
    """`word` lowercased, without hidden markup, quotation marks or a trailing comma."""
    return HIDDEN_TAGS.sub("", word).lower().strip(",;“”‘’\"'")


def german_adjective(word: str) -> bool:
    """A German noun is capitalized: a lowercase word with an adjective's ending ("die
    friedliche", "der deutschen") is the adjective before its noun."""
    plain = HIDDEN_TAGS.sub("", word).strip(",;:“”„‘’\"'")
    return plain.isalpha() and plain.islower() and plain.endswith(("e", "en", "er", "es", "em"))


def adjective(word: str, language: str) -> bool:
    word = word.rstrip(".,;:")
    if language == "ru":
        return bool(_RUSSIAN_ADJECTIVE.search(word))
    if language != "en" or (not word.isalpha() and "-" not in word):
        return False
    if "-" in word:
        # "Sino-Soviet", "Soviet-American", "anti-Communist": compounds of adjectives.
        return adjective(word.rsplit("-", 1)[1], language) or word.startswith("sino-")
    if word in _ADJECTIVES:
        return True
    if word.endswith("ian") and word not in _NOUNS_IN_IAN:
        return True
    return word.endswith(_ADJECTIVE_ENDINGS)


# Norwegian bokmål and nynorsk (ISO 639-1 "nb", "nn") share the function words of "no".
for _code in ("nb", "nn"):
    FUNCTION_WORDS[_code] = FUNCTION_WORDS["no"]
    ARTICLES[_code] = ARTICLES["no"]
# Serbian, Bosnian and the "sh" of Serbo-Croatian records share Croatian's function words.
for _code in ("sr", "bs", "sh", "cnr"):
    FUNCTION_WORDS[_code] = FUNCTION_WORDS["hr"]
