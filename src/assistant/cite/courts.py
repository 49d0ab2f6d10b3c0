"""Court names as a case citation's parenthetical gives them (CMOS 18 14.175-14.176, which
follow the Bluebook's tables T1 and T10): "2d Cir.", "D.C. Cir.", "S.D.N.Y.", "N.D. Cal.",
"Cal."; no court at all when the reporter names it ("U.S." for the Supreme Court, "Cal. 2d"
for the Supreme Court of California). Zotero's Court field holds the court's full name as
CourtListener and the courts themselves write it; a court the tables do not know is given as
typed.
"""

from __future__ import annotations

import re

# Bluebook table T10, the states' (and the District's) abbreviations.
STATE_ABBREVIATIONS = {
    "Alabama": "Ala.",
    "Alaska": "Alaska",
    "Arizona": "Ariz.",
    "Arkansas": "Ark.",
    "California": "Cal.",
    "Colorado": "Colo.",
    "Connecticut": "Conn.",
    "Delaware": "Del.",
    "District of Columbia": "D.C.",
    "Florida": "Fla.",
    "Georgia": "Ga.",
    "Hawaii": "Haw.",
    "Idaho": "Idaho",
    "Illinois": "Ill.",
    "Indiana": "Ind.",
    "Iowa": "Iowa",
    "Kansas": "Kan.",
    "Kentucky": "Ky.",
    "Louisiana": "La.",
    "Maine": "Me.",
    "Maryland": "Md.",
    "Massachusetts": "Mass.",
    "Michigan": "Mich.",
    "Minnesota": "Minn.",
    "Mississippi": "Miss.",
    "Missouri": "Mo.",
    "Montana": "Mont.",
    "Nebraska": "Neb.",
    "Nevada": "Nev.",
    "New Hampshire": "N.H.",
    "New Jersey": "N.J.",
    "New Mexico": "N.M.",
    "New York": "N.Y.",
    "North Carolina": "N.C.",
    "North Dakota": "N.D.",
    "Ohio": "Ohio",
    "Oklahoma": "Okla.",
    "Oregon": "Or.",
    "Pennsylvania": "Pa.",
    "Rhode Island": "R.I.",
    "South Carolina": "S.C.",
    "South Dakota": "S.D.",
    "Tennessee": "Tenn.",
    "Texas": "Tex.",
    "Utah": "Utah",
    "Vermont": "Vt.",
    "Virginia": "Va.",
    "Washington": "Wash.",
    "West Virginia": "W. Va.",
    "Wisconsin": "Wis.",
    "Wyoming": "Wyo.",
}
_STATE = "|".join(sorted(map(re.escape, STATE_ABBREVIATIONS), key=len, reverse=True))

_ORDINAL_WORDS = (
    *("first", "second", "third", "fourth", "fifth", "sixth"),
    *("seventh", "eighth", "ninth", "tenth", "eleventh"),
)
# The Bluebook's own ordinals: "2d", "3d" (T7), not "2nd", "3rd".
_BLUEBOOK_ORDINALS = ("1st", "2d", "3d", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th")

_UNITED_STATES = r"(?:(?:the\s+)?United\s+States|U\.\s?S\.|US)"
_CIRCUIT = re.compile(
    rf"^(?:{_UNITED_STATES}\s+)?(?:Court\s+of\s+Appeals?\s*(?:for\s+the|,|\()?\s*)?"
    r"(?P<circuit>\d{1,2}(?:st|nd|rd|th|d)|[A-Za-z]+|District\s+of\s+Columbia|D\.\s?C\.)"
    r"\s+Cir(?:cuit|\.)(?:\s+Court\s+of\s+Appeals?)?\)?$",
    re.IGNORECASE,
)
_DISTRICT = re.compile(
    rf"^(?:{_UNITED_STATES}\s+)?District\s+Court\s*(?:for\s+the|,)?\s*"
    rf"(?:(?P<part>Northern|Southern|Eastern|Western|Middle|Central)\s+)?"
    rf"District\s+of\s+(?P<state>{_STATE}|Columbia)$",
    re.IGNORECASE,
)
# A state's highest court; New York's and (until 2022) Maryland's is their Court of Appeals,
# and New York's Supreme Court is a trial court.
_STATE_HIGHEST = re.compile(
    rf"^(?:(?:the\s+)?Supreme(?:\s+Judicial)?\s+Court\s+of\s+(?:the\s+State\s+of\s+)?"
    rf"(?P<state>{_STATE})|(?P<state2>{_STATE})\s+Supreme(?:\s+Judicial)?\s+Court"
    r"|(?:Court\s+of\s+Appeals\s+of\s+(?P<state3>New\s+York|Maryland))"
    r"|(?P<state4>New\s+York|Maryland)\s+Court\s+of\s+Appeals)$",
    re.IGNORECASE,
)


# A state's intermediate court of appeals (any state but New York and Maryland, whose Court
# of Appeals is the highest): "Cal. Ct. App." (Bluebook T1).
_STATE_APPEALS = re.compile(
    rf"^(?:Court\s+of\s+Appeals?\s+of\s+(?P<state>{_STATE})|(?P<state2>{_STATE})\s+Court\s+of"
    r"\s+Appeals?)$",
    re.IGNORECASE,
)
# Where table T1 words a state's intermediate court otherwise.
_APPEALS_FORMS = {"Tex.": "Tex. App.", "Ill.": "Ill. App. Ct."}


def _state(name: str) -> str:
    key = re.sub(r"\s+", " ", name).strip().casefold()
    for state, abbreviation in STATE_ABBREVIATIONS.items():
        if state.casefold() == key:
            return abbreviation
    return ""


def _close_up(left: str, right: str) -> str:
    """Adjacent single capitals close up, anything longer takes a space (Bluebook 6.1(a)):
    "S.D." + "N.Y." is "S.D.N.Y.", "N.D." + "Cal." is "N.D. Cal."."""
    single = re.compile(r"^(?:[A-Z]\.)+$")
    return left + right if single.match(left) and single.match(right) else f"{left} {right}"


def _circuit(name: str) -> str:
    match = _CIRCUIT.match(name.strip())
    if not match:
        return ""
    which = re.sub(r"\s+", " ", match.group("circuit")).casefold()
    if which in ("district of columbia", "d.c.", "d. c."):
        return "D.C. Cir."
    if which == "federal":
        return "Fed. Cir."
    if which in _ORDINAL_WORDS:
        return f"{_BLUEBOOK_ORDINALS[_ORDINAL_WORDS.index(which)]} Cir."
    number = re.match(r"\d+", which)
    if number and 1 <= int(number.group()) <= 11:
        return f"{_BLUEBOOK_ORDINALS[int(number.group()) - 1]} Cir."
    return ""


def _own_reporter(reporter: str, state: str) -> bool:
    """ "Cal.", "Cal. 2d", "N.Y.2d", "Ill. 2d": the state's official reports, which name the
    court (Bluebook 10.4(b)); a regional reporter ("P.2d") or an intermediate court's
    ("Cal. App. 2d") does not."""
    own = re.escape(state).replace(r"\ ", r"\s?")
    return bool(re.match(rf"^{own}\s?(?:\d+(?:st|nd|rd|th|d))?$", reporter.strip()))


def court_abbreviation(court: str, reporter: str) -> str:
    """The court as the parenthetical gives it; "" when the reporter names it."""
    court = re.sub(r"\s+", " ", court).strip()
    if not court:
        return ""
    circuit = _circuit(court)
    if circuit:
        return circuit
    district = _DISTRICT.match(court)
    if district:
        part = (district.group("part") or "")[:1].upper()
        state = district.group("state")
        where = "D.C." if state.casefold() == "columbia" else _state(state)
        return _close_up(f"{part}.D." if part else "D.", where)
    if re.match(
        r"^(?:Supreme Court of (?:the State of )?New York|New York Supreme Court)$", court, re.I
    ):
        return "N.Y. Sup. Ct."
    highest = _STATE_HIGHEST.match(court)
    if highest:
        name = next(g for g in highest.group("state", "state2", "state3", "state4") if g)
        state = _state(name)
        return "" if _own_reporter(reporter, state) else state
    appeals = _STATE_APPEALS.match(court)
    if appeals:
        state = _state(appeals.group("state") or appeals.group("state2"))
        # "Cal. App. 2d", the court's own reports, name it.
        return (
            ""
            if _own_reporter(reporter, f"{state} App.")
            else _APPEALS_FORMS.get(state, f"{state} Ct. App.")
        )
    return court
