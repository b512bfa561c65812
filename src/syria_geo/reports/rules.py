"""Vocabularies and regular expressions for reading SNHR monthly reports.

Everything that encodes knowledge about the wording of the Syrian Network for Human Rights
(SNHR) monthly massacre and civilian death-toll reports lives here, so the extraction code in
:mod:`syria_geo.incidents` stays generic. Each rule has a name; the extractor records the
names of the rules it applied in the ``notes`` column of its output.

All patterns are applied to paragraph text whose whitespace has been collapsed to single
spaces and whose line-break hyphenation has been undone (see :mod:`syria_geo.reports.text`).
"""

from __future__ import annotations

import re
from typing import Final

from syria_geo.vocabulary import GOVERNORATE_PCODES

# ---------------------------------------------------------------------------------------------
# numbers

_UNITS: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_BELOW_100 = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNIT_RE}))?|{_UNIT_RE})"
#: A cardinal number written with digits (``1,023``) or English words up to 999
#: (``nine``, ``twenty-one``, ``two hundred and forty-five``, ``a hundred``).
NUMBER: Final[str] = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+"
    rf"|(?:{_UNIT_RE}|a|one)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100}(?![\w-]))?"
    rf"|{_BELOW_100})"
)
#: A cardinal number or the indefinite article (``a woman`` = 1).
COUNT: Final[str] = rf"(?:{NUMBER}|an?)"


def _below_100(word: str) -> int:
    if word in _UNITS:
        return _UNITS[word]
    if word in _TENS:
        return _TENS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    raise ValueError(word)


def parse_number(token: str) -> int:
    """Return the integer value of a :data:`COUNT` match (``"a"`` counts as 1).

    Parameters
    ----------
    token
        Digits (``"13"``, ``"1,023"``), English number words (``"Nine"``,
        ``"twenty-one"``, ``"three hundred and five"``) or the indefinite article.

    Returns
    -------
    int
        The value.

    Raises
    ------
    ValueError
        If ``token`` is not a number.
    """
    word = " ".join(token.strip().lower().split())
    if word in {"a", "an"}:
        return 1
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", word):
        return int(word.replace(",", ""))
    try:
        hundreds = re.fullmatch(r"(?P<h>[a-z]+) hundred(?: (?:and )?(?P<rest>.+))?", word)
        if hundreds is not None:
            head = 1 if hundreds.group("h") in {"a", "one"} else _UNITS[hundreds.group("h")]
            rest = hundreds.group("rest")
            return 100 * head + (_below_100(rest) if rest else 0)
        return _below_100(word)
    except (KeyError, ValueError):
        raise ValueError(f"not a number: {token!r}") from None


# ---------------------------------------------------------------------------------------------
# dates

WEEKDAYS: Final[tuple[str, ...]] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTHS: Final[tuple[str, ...]] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WD = "|".join(WEEKDAYS)
_MON = "|".join(MONTHS)
#: Parts of the day SNHR writes after or inside the date.
TIMES_OF_DAY: Final[tuple[str, ...]] = (
    "dawn",
    "early morning",
    "morning",
    "noon",
    "afternoon",
    "sunset",
    "evening",
    "night",
    "midnight",
)
_TOD = "|".join(sorted(TIMES_OF_DAY, key=len, reverse=True))

#: Date that opens an incident paragraph: ``Monday 5 September 2016 noon,``,
#: ``Monday, September 11, 2017, around 12:45,``, ``On Tuesday afternoon, April 28, 2020,``,
#: ``On Sunday, February 7,`` (year omitted), ``On the night of Monday, 3rd of August 2015,``,
#: ``At dawn on Tuesday August 4 2015,``. The closing comma may be missing when the sentence
#: goes on with a capitalised word (``Saturday August 1, 2015 Syrian regime forces ...``).
INCIDENT_DATE: Final[re.Pattern[str]] = re.compile(
    rf"""^[ \t•\-–]{{0,3}}
    (?:(?:On|At|In|During)\s+(?:the\s+)?(?P<tod_c>{_TOD})\s+(?:of|on)\s+|On\s+)?
    (?:(?P<weekday>{_WD})(?:\s+(?P<tod_a>{_TOD}))?,?\s+)?
    (?:
        (?:the\s+)?(?P<day_a>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<month_a>{_MON})
      | (?P<month_b>{_MON})\s+(?:the\s+)?(?P<day_b>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)
    )
    (?:,?\s+(?P<year>(?:19|20)\d\d))?
    (?:,?\s+(?:(?:at\s+)?around\s+|at\s+)?(?P<clock>\d{{1,2}}:\d\d)
      |,?\s+(?:at\s+|in\s+the\s+)?(?P<tod_b>{_TOD}))?
    (?:\s*,|(?-i:(?=\s+(?:[A-Z][a-z]|ISIS\b|SDF\b|HTS\b))))""",
    re.VERBOSE | re.IGNORECASE,
)

#: Any full date in the document; used to infer the reporting month.
ANY_MONTH_YEAR: Final[re.Pattern[str]] = re.compile(
    rf"\b(?P<month>{_MON})(?:\s+\d{{1,2}},)?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b\d{{1,2}}\s+(?P<month2>{_MON})\s+(?P<year2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# parties

#: Parties as SNHR names them, in the order they are tried at each text position.
#: ``other_unknown`` covers attacks SNHR says are by unknown or unidentified perpetrators.
PARTY_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    (
        "regime_or_russia",
        r"syrian[- ]russian\s+alliance|russian[- ]syrian\s+alliance"
        r"|syrian\s+(?:or|and)\s+russian\s+(?:warplanes|forces|aircraft)",
    ),
    (
        "international_coalition",
        r"(?:us|u\.s\.|american)[- ]led\s+coalition|international\s+(?:coalition|alliance)"
        r"|coalition\s+forces|\bcoalition\b",
    ),
    ("russia", r"\brussian?\b"),
    ("isis", r"\bisis\b|\bisil\b|\bdaesh\b|islamic\s+state"),
    (
        "hts",
        r"hay[’'`]?at\s+tahrir\s+al[- ]?sham|\bhts\b|fateh\s+al[- ]?sham|fatah\s+al[- ]?sham"
        r"|jabhat\s+(?:al[- ])?nusra|nusra\s+front",
    ),
    (
        "sdf",
        r"syrian\s+democratic\s+forces|\bsdf\b|democratic\s+union\s+party|\bpyd\b|\bypg\b"
        r"|self[- ]management\s+forces|kurdish\s+(?:self[- ]management|forces)"
        r"|kurdish\s+(?:people['’]?s\s+)?protection\s+(?:forces|units)",
    ),
    (
        "turkey",
        r"turkish\s+(?:forces|army|border\s+guards?|warplanes|drones?|artillery)|\bturkey\b",
    ),
    (
        "sna",
        r"syrian\s+national\s+army|\bsna\b",
    ),
    (
        "armed_opposition",
        r"armed\s+opposition|opposition\s+(?:factions|forces|fighters)|free\s+syrian\s+army|\bfsa\b"
        r"|\brebels?\b",
    ),
    (
        "syrian_regime",
        r"government\s+forces|syrian\s+government|syrian\s+regime|regime\s+forces"
        r"|pro-?\s*(?:syrian\s+)?regime|regime\s+militias|shiite\s+(?:foreign\s+)?militias"
        r"|iranian\s+militias|hezbollah|syrian\s+army",
    ),
    (
        "other_unknown",
        r"unknown[- ](?:source|origin)|unknown\s+(?:persons?|individuals?|party|parties|source"
        r"|origin|sources|gunmen|perpetrators?|assailants?)|so-far\s+unknown|not\s+yet\s+been\s+identified"
        r"|unidentified",
    ),
)
PARTY_RE: Final[re.Pattern[str]] = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, pattern in PARTY_PATTERNS), re.IGNORECASE
)
#: Between two party names, this makes a joint attribution (``government forces/international
#: coalition``).
JOINT_GAP: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?:forces|warplanes)?\s*/\s*(?:the\s+)?$", re.IGNORECASE
)

#: Values of ``perpetrator_section``: the parties SNHR counts massacres under.
SECTION_PARTIES: Final[tuple[str, ...]] = (
    "syrian_regime",
    "russia",
    "isis",
    "hts",
    "armed_opposition",
    "sdf",
    "international_coalition",
    "turkey",
    "other_parties",
)
#: How a paragraph's own attribution maps to a section when the report has no section
#: headings (monthly death-toll reports list massacres without them).
PERPETRATOR_TO_SECTION: Final[dict[str, str]] = {
    "syrian_regime": "syrian_regime",
    "russia": "russia",
    "regime_or_russia": "syrian_regime",
    "isis": "isis",
    "hts": "hts",
    "armed_opposition": "armed_opposition",
    "sna": "armed_opposition",
    "sdf": "sdf",
    "international_coalition": "international_coalition",
    "turkey": "turkey",
    "other_unknown": "other_parties",
}
#: A phrase stating who controlled the place; ``raw`` is the controlling force as written.
CONTROL_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:under\s+the\s+(?:joint\s+)?control\s+of|(?:jointly\s+)?controlled\s+(?:jointly\s+)?by"
    r"|under\s+(?:joint\s+)?control\s+of)\s+"
    r"(?P<raw>.+?)(?=\s*(?:,|;|\.(?:\s|$)|\bat\s+the\s+time\b|\bwhich\b|\bwho\b|\bas\s+(?:aid|a\s)|$))",
    re.IGNORECASE,
)
#: Qualifiers that make a control statement joint even with one party named first.
CONTROL_JOINT_QUALIFIER: Final[re.Pattern[str]] = re.compile(
    r"\bwith\s+(?:a\s+)?(?:minor|limited|strong|significant)?\s*presence\b", re.IGNORECASE
)
#: Supporters named after the controlling force do not make the control joint.
CONTROL_SUPPORT: Final[re.Pattern[str]] = re.compile(
    r"\s*,?\s*(?:supported|backed)\s+by\b.*$", re.IGNORECASE
)

# ---------------------------------------------------------------------------------------------
# weapons

#: Weapon vocabulary, most specific first; the first rule matching the attack clause wins.
WEAPON_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    ("chemical", r"\bchemical\b|\bchlorine\b|\bsarin\b|toxic\s+gas"),
    ("car_bomb", r"car[- ]bomb|booby[- ]trapped\s+(?:car|vehicle)|vehicle[- ]borne"),
    ("suicide_bombing", r"\bsuicide\b"),
    (
        "ied",
        r"\bieds?\b|improvised\s+explosive|explosive\s+device|rigged\s+with\s+explosives"
        r"|booby[- ]trap",
    ),
    ("landmine", r"land\s*mines?|\bmines?\b"),
    ("cluster_munitions", r"\bcluster\b|submunition"),
    ("helicopter_barrel_bomb", r"barrel\s+bombs?|helicopters?"),
    ("drone", r"\bdrones?\b|unmanned"),
    ("fixed_wing", r"fixed[- ]?wing|warplanes?|air\s*strikes?|aircraft|airplanes?|jets?\b"),
    ("mortar", r"\bmortars?\b"),
    ("rocket", r"\brockets?\b|missile\s+launchers?|grad\b"),
    ("artillery", r"\bartillery\b|\bshell(?:s|ed|ing)?\b|\btanks?\b"),
    ("ground_raid_shooting", r"\braid(?:ed|s)?\b|\bshooting\b|\bshot\b|gunfire|sniper|\bstormed\b"),
    ("execution", r"slaughter|beheaded|\bexecut(?:ed|ion|ions)\b|knives|sharp\s+blade"),
    ("explosion_unknown", r"\bexplo(?:sion|sive|sives|ded)\b|\bbomb(?:s|ing|ings)?\b"),
    ("neglect", r"poor\s+health\s+care|lack\s+of\s+(?:food|medicine|medical)|starvation"),
)
WEAPON_RES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in WEAPON_PATTERNS
)

#: Verbs that start the description of the attack; the place is looked for after them.
ATTACK_VERB: Final[re.Pattern[str]] = re.compile(
    r"\b(?:fired|fire|dropped|targeted|target(?:ed|ing)?|shelled|bombed|raided|stormed|struck"
    r"|hit|fell\s+on|fell\s+in|exploded|detonated|carried\s+out)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# victims

_VICTIM_NOUN = (
    r"(?:civilians?|individuals?|people|persons?|victims?|children|child|infants?|babies|baby"
    r"|girls?|boys?|women|woman|men|man|family\s+members|members|youths?|prisoners?|detainees?"
    r"|captives?|hostages?|abductees?|inmates?|residents?|villagers?|citizens?|patients?"
    r"|students?|passengers?|refugees?|volunteers?|workers?|farmers?|shepherds?|IDPs"
    r"|displaced\s+(?:persons|people))"
)
_ADJ = (
    r"(?:(?:female|male|young|little|elderly|adult|syrian|displaced|unarmed|innocent|more|other"
    r"|[\w-]+-old)\s+){0,3}"
)
_QUAL = r"(?:(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than|about|around|nearly|some)\s+)?"
#: Verbs that state a killing, active voice (``shot dead N``).
_KILL_ACTIVE = (
    r"killed|killing|claiming\s+the\s+lives\s+of|claimed\s+the\s+lives\s+of"
    r"|took\s+the\s+lives\s+of|taking\s+the\s+lives\s+of|shot\s+dead|shooting\s+dead"
    r"|shot\s+and\s+killed|burn(?:ed|t|ing)(?:\s+to\s+death)?"
)
#: Verbs that state a killing, passive voice (``N civilians were shot dead``).
_KILL_PASSIVE = (
    r"killed|shot\s+dead|(?:summarily\s+|field\s+)?executed|slaughtered|burn(?:ed|t)(?:\s+to\s+death)?"
    r"|stabbed\s+to\s+death|beaten\s+to\s+death|tortured\s+to\s+death"
)
#: Killed-count rules, tried in order; the first rule that matches the paragraph wins.
KILLED_RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    (
        "killing_of",
        re.compile(
            rf"\b(?:killing|deaths?|death\s+toll)\s+of\s+{_QUAL}(?P<n>{COUNT})\s+{_ADJ}(?P<noun>{_VICTIM_NOUN})",
            re.IGNORECASE,
        ),
    ),
    (
        "killed_n",
        re.compile(
            rf"\b(?:{_KILL_ACTIVE})\s+{_QUAL}(?P<n>{COUNT})\s+{_ADJ}(?P<noun>{_VICTIM_NOUN})",
            re.IGNORECASE,
        ),
    ),
    (
        "n_were_killed",
        re.compile(
            rf"(?<![\w-])(?P<n>{COUNT})\s+{_ADJ}(?P<noun>{_VICTIM_NOUN})\b[^.;]{{0,200}}?\b(?:were|was)\s+(?:{_KILL_PASSIVE})",
            re.IGNORECASE,
        ),
    ),
    (
        "n_died",
        re.compile(
            rf"(?<![\w-])(?P<n>{COUNT})\s+{_ADJ}(?P<noun>{_VICTIM_NOUN})\b[^.;]{{0,200}}?\b(?:died|were\s+dead|lost\s+their\s+lives?|perished)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "shows_n_killed",
        re.compile(
            rf"\b(?:shows?|showing|executed|executing|slaughtered|slaughtering)\s+{_QUAL}(?P<n>{COUNT})\s+{_ADJ}(?P<noun>{_VICTIM_NOUN})",
            re.IGNORECASE,
        ),
    ),
    (
        "lives_of",
        re.compile(
            rf"\b(?:lives|bodies|corpses)\s+of\s+{_QUAL}(?P<n>{COUNT})\s+{_ADJ}(?P<noun>{_VICTIM_NOUN})",
            re.IGNORECASE,
        ),
    ),
)
#: A relative named after a killed person (``a child and his mother``): ``rel`` or ``n`` more
#: victims.
RELATIVES_RE: Final[re.Pattern[str]] = re.compile(
    rf"^,?\s+(?:and|with)\s+(?:his|her|their)\s+(?:(?P<n>{NUMBER})\s+(?P<kin>children|sons|daughters"
    r"|brothers|sisters)|(?P<rel>mother|father|parents|wife|husband|brother|sister|son|daughter"
    r"|grandmother|grandfather|child|baby|infant))\b",
    re.IGNORECASE,
)
#: Paragraphs about finding remains (mass graves) are dated by discovery, not by the killing.
DISCOVERY: Final[re.Pattern[str]] = re.compile(
    r"\b(?:mass\s+grave|remains\s+of|found\s+the\s+remains|retrieve\w*\s+\d+\s+bodies|bodies\s+were\s+found)\b",
    re.IGNORECASE,
)
CHILD_NOUNS = r"(?:children|child|infants?|babies|baby|girls?|boys?|fetuses|fetus|foetuses|foetus|toddlers?|newborns?)"
#: ``two female children``, ``a child``, ``two fetuses`` (fetuses count as children, as SNHR's
#: own totals show).
CHILDREN_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?<![\w-])(?P<n>{COUNT})\s+(?:(?:female|male|young|little|[\w-]+-old)\s+){{0,2}}{CHILD_NOUNS}\b",
    re.IGNORECASE,
)
#: ``one woman``, ``three women``, ``a woman``; ``and woman`` without a number is one woman.
WOMEN_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?<![\w-])(?P<n>{COUNT})\s+(?:(?:adult|elderly|young|pregnant)\s+)?(?:women|woman)\b"
    r"|(?:\band|,)\s+(?P<bare>woman)\b",
    re.IGNORECASE,
)
#: ``their parents``/``their mother`` add one woman.
MOTHER_RE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:their|his|her)\s+(?:parents|mother)\b", re.IGNORECASE
)
#: Wounded counts: ``about 20 others were wounded``, ``wounded about five others``,
#: ``10 other civilians were injured``, ``about 30 injuries``.
WOUNDED_RULES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(
        rf"{_QUAL}(?P<n>{NUMBER})\s+(?:other\s+(?:civilians|individuals|people|persons)|others)"
        r"(?:\s+at\s+least)?\s+(?:were\s+)?(?:wounded|injured)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:wounded|injured|injuring)\s+{_QUAL}(?P<n>{NUMBER})\s+others\b", re.IGNORECASE
    ),
    re.compile(
        rf"{_QUAL}(?P<n>{NUMBER})\s+(?:injuries|wounded\s+(?:civilians|persons))\b", re.IGNORECASE
    ),
)
SAME_FAMILY: Final[re.Pattern[str]] = re.compile(
    r"\b(?:same|one|a\s+single)\s+family\b", re.IGNORECASE
)
#: A sentence that reports a further massacre inside the paragraph of the first one.
ANOTHER_MASSACRE: Final[re.Pattern[str]] = re.compile(
    r"\b(?:another|a\s+second|second)\s+massacre\b", re.IGNORECASE
)
#: Openings of a paragraph that continues the incident paragraph before it (when a page or
#: column break split it at a sentence end).
CONTINUATION: Final[re.Pattern[str]] = re.compile(
    r"^(?:Additionally|In\s+addition|As\s+a\s+result|It\s+should\s+be\s+noted|Moreover"
    r"|Furthermore|The\s+(?:\w+\s+){0,5}(?:was|is|were|are)\s+(?:under|jointly|controlled))\b",
    re.IGNORECASE,
)
#: Sentences that comment on the incident rather than report it (their numbers are not the
#: incident's).
NOTE_SENTENCE: Final[re.Pattern[str]] = re.compile(
    r"^(?:It\s+should\s+be\s+noted|It\s+is\s+worth\s+noting|Note\b)", re.IGNORECASE
)

# ---------------------------------------------------------------------------------------------
# governorates and places

#: Governorate names as normalised in the output and how reports spell them.
GOVERNORATE_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "Rural Damascus": (
        r"damascus\s+suburbs",
        r"damascus\s+countryside",
        r"rural\s+damascus",
        r"rif\s+dimash[qk]",
        r"reef\s+dimashq",
    ),
    "Damascus": (r"damascus",),
    "Aleppo": (r"aleppo", r"halab"),
    "Idlib": (r"idlib", r"idleb"),
    "Hama": (r"hama(?!\w)",),
    "Homs": (r"homs",),
    "Daraa": (r"dara['’‘]?a", r"deraa", r"dar['’‘]a{1,2}", r"der['’‘]?aa"),
    "Deir ez-Zor": (
        r"deir[\s-]+(?:ez|al|el|az|ed|a)[\s-]*zou?r",
        r"dayr[\s-]+az[\s-]*zawr",
        r"deir[\s-]*ezzou?r",
        r"der[\s-]*ez+ou?r",
        r"deir[\s-]+ez+ou?r",
    ),
    "Raqqa": (r"(?:al[\s-]+|ar[\s-]+)?raqq?a",),
    "Hasakah": (r"(?:al[\s-]+)?hass?a?kk?a(?:h)?", r"(?:al[\s-]+)?hass?akk?eh"),
    "Latakia": (r"latt?akia", r"lattaquie"),
    "Tartus": (r"tart(?:ou|u|o)s",),
    "As-Suwayda": (r"(?:(?:as|al)[\s-]*)?(?:suwayda|sweida|suwaida|swaida|sawaida|sawida)",),
    "Quneitra": (r"(?:al[\s-]+)?quneitra", r"qunaitra"),
}
#: The governorates, from the one list (:mod:`syria_geo.vocabulary`); the aliases above
#: are keyed by the same names (checked by the tests).
GOVERNORATES: Final[tuple[str, ...]] = tuple(GOVERNORATE_PCODES)
GOVERNORATE_NAME: Final[str] = "|".join(
    f"(?:{alias})" for aliases in GOVERNORATE_ALIASES.values() for alias in aliases
)
_GOV_RES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (name, re.compile(rf"^(?:{'|'.join(aliases)})$", re.IGNORECASE))
    for name, aliases in GOVERNORATE_ALIASES.items()
)


def normalize_governorate(name: str) -> str | None:
    """Return the normalised governorate for a name as written, or None.

    Parameters
    ----------
    name
        A governorate as written in a report (``"Damascus suburbs"``, ``"Deir Ez-Zour"``,
        ``"Al Raqqa"``), without the word "governorate".

    Returns
    -------
    str or None
        One of :data:`GOVERNORATES`, or None when the name is not a governorate.
    """
    cleaned = re.sub(r"\s+", " ", name.strip(" ,.:;")).strip()
    cleaned = re.sub(r"\s+(?:governorate|province|city)$", "", cleaned, flags=re.IGNORECASE)
    for gov, pattern in _GOV_RES:
        if pattern.match(cleaned):
            return gov
    return None


_DIR = (
    r"(?:north|south|east|west|northern|southern|eastern|western|central"
    r"|north-?eastern|north-?western|south-?eastern|south-?western"
    r"|northeast|northwest|southeast|southwest)"
)
#: Region phrases that end a place chain: ``the western suburbs of Aleppo governorate``,
#: ``Damascus suburbs governorate``, ``eastern suburbs of Aleppo``, ``Hama governorate``.
REGION_RE: Final[re.Pattern[str]] = re.compile(
    rf"(?:the\s+)?(?:{_DIR}\s+)?(?:suburbs|countryside|outskirts|parts?|badiya)\s+of\s+(?:the\s+)?"
    rf"(?P<gov_a>{GOVERNORATE_NAME})(?P<kind_a>\s+(?:governorate|province|city))?(?![\w-])"
    rf"|(?:{_DIR}\s+)?(?P<gov_b>{GOVERNORATE_NAME})\s+(?:governorate|province)(?![\w-])"
    rf"|(?:{_DIR}\s+)?(?P<gov_c>damascus\s+(?:suburbs|countryside)|rural\s+damascus|rif\s+dimashq)(?![\w-])",
    re.IGNORECASE,
)
#: Named sub-regions that are not settlements.
SUBREGION_RE: Final[re.Pattern[str]] = re.compile(
    r"(?:Eastern|Western|eastern|western)\s+Ghouta|Sahl\s+al[\s-]Ghab|al[\s-]Ghab\s+Plain",
)
#: Words naming the kind of a place written after its name (``Hawwar town``).
PLACE_TYPES: Final[str] = (
    r"(?:town|city|village|neighbou?rhood|area|camp|farms?|district|hamlet|quarter|suburb"
    r"|subdistrict|sub-district|countryside|region|plain|valley|mountain|island|settlement)"
)
#: Lower-case particles allowed inside a place name (``Hwayyer al Eis``).
NAME_PARTICLES: Final[frozenset[str]] = frozenset(
    {
        "al",
        "el",
        "ad",
        "ar",
        "ash",
        "az",
        "ed",
        "es",
        "bin",
        "ben",
        "ibn",
        "abu",
        "bani",
        "beni",
        "um",
        "umm",
        "wadi",
        "tal",
        "tell",
        "deir",
        "kafr",
        "bayt",
        "beit",
        "jisr",
        "khan",
        "ain",
        "ein",
        "ras",
    }
)
#: Capitalised words that never start or continue a place name.
NAME_STOPWORDS: Final[frozenset[str]] = frozenset(
    {
        "The",
        "A",
        "An",
        "On",
        "In",
        "At",
        "Of",
        "And",
        "Or",
        "As",
        "By",
        "From",
        "To",
        "With",
        "ISIS",
        "SNHR",
        "SARC",
        "HTS",
        "SDF",
        "IDPs",
        "IDP",
        "Syrian",
        "Russian",
        "Turkish",
        "Iranian",
        "International",
        "Government",
        "Regime",
        "Additionally",
        "It",
        "This",
        "That",
        "These",
        "Civil",
        "Defense",
        "Red",
        "Crescent",
        "Arab",
        "Street",
        "Road",
        "Highway",
        "Mosque",
        "School",
        "Hospital",
        "Market",
        "Bakery",
        "Institute",
        "Circle",
        "Square",
        "Crossing",
        "Building",
        "Restaurant",
        "Branch",
        "Center",
        "Centre",
        "US",
        "UN",
        "We",
        *WEEKDAYS,
        *MONTHS,
    }
)
#: Words allowed between two parts of a place chain (``, located in the``, ``which
#: administratively follows``).
CHAIN_FILLER: Final[frozenset[str]] = frozenset(
    {
        ",",
        "which",
        "that",
        "is",
        "was",
        "located",
        "situated",
        "in",
        "of",
        "the",
        "on",
        "at",
        "administratively",
        "follows",
        "followed",
        "follow",
        "a",
        "part",
        "center",
        "centre",
        "middle",
        "outskirts",
        "vicinity",
        "within",
        "and",
        "neighborhood",
        "neighbourhood",
        "near",
        "known",
        "as",
        "circle",
        "square",
        "roundabout",
        "branch",
        "street",
        "road",
        "market",
        "entrance",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)
#: ``which is affiliated to`` / ``belonging to`` between a village and its town or city.
AFFILIATION: Final[re.Pattern[str]] = re.compile(
    r"\b(?:administratively\s+)?(?:affiliated|belong(?:s|ing)?|attached|subordinate)\s+to\b",
    re.IGNORECASE,
)
#: Filler words that are too weak to join two places on their own.
CHAIN_WEAK: Final[frozenset[str]] = frozenset({"and", "near", "known", "as"})

# ---------------------------------------------------------------------------------------------
# document structure

#: Top-level section heading: ``II. Details``, ``I.Executive Summary``.
ROMAN_HEADING: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?P<num>[IVX]{1,5})\.\s*(?P<title>[A-Z][^\n]{2,160})$"
)
#: Governorate sub-heading: ``Damascus suburbs governorate``, ``Al Raqqa governorate``.
GOVERNORATE_HEADING: Final[re.Pattern[str]] = re.compile(
    rf"^\s*(?:[-•]\s*)?(?P<gov>{GOVERNORATE_NAME})(?:\s+(?:governorate|province))?\s*:?\s*$",
    re.IGNORECASE,
)
#: Perpetrator sub-heading: ``A. Government forces (Army, ...)``, ``- ISIS (...)``,
#: ``D. International coalition forces``; a trailing count makes it a summary line instead.
PARTY_HEADING: Final[re.Pattern[str]] = re.compile(
    r"^\s*(?:[-•o]\s*)?(?:[A-H]\.\s*)?(?P<name>[A-Z][^():\n]{1,80}?)\s*(?:\([^)\n]*\))?\s*:?\s*$"
)
EXTREMIST_HEADING: Final[re.Pattern[str]] = re.compile(
    r"^extremist\s+islami(?:c|st)\s+groups?$", re.IGNORECASE
)
OTHER_PARTIES_HEADING: Final[re.Pattern[str]] = re.compile(r"^other\s+parties$", re.IGNORECASE)
#: Markers that a document is an SNHR report.
SNHR_MARKER: Final[re.Pattern[str]] = re.compile(
    r"\bSNHR\b|Syrian\s+Network\s+for\s+Human\s+Rights|sn4hr", re.IGNORECASE
)

# ---------------------------------------------------------------------------------------------
# executive summary

#: ``documented no less than 49 massacres``; cumulative statements are recognised separately.
MASSACRE_TOTAL: Final[re.Pattern[str]] = re.compile(
    rf"\b(?:documented|recorded|including)\s+(?:no\s+less\s+than\s+|at\s+least\s+)?(?P<n>{NUMBER})\s+massacres?\b",
    re.IGNORECASE,
)
CUMULATIVE: Final[re.Pattern[str]] = re.compile(
    r"since\s+the\s+beginning|between\s+the\s+start|so\s+far\s+this\s+year|since\s+the\s+start"
    r"|since\s+(?:march\s+)?2011",
    re.IGNORECASE,
)
#: Paragraph mark used when a summary region is flattened to one line (blank lines become
#: `` ¶ `` so list items and paragraphs keep a boundary).
PARA: Final[str] = "¶"
SUMMARY_CONTROL_INTRO: Final[re.Pattern[str]] = re.compile(
    r"massacres\s+(?:perpetrated|committed)\s+by\s+(?P<party>[^:.;¶]+?)\s+"
    r"(?:in\s+\w+\s+\d{4}\s+)?(?:are|were)\s+distributed\s+by\s+(?:the\s+)?areas?\s+of\s+control",
    re.IGNORECASE,
)
SUMMARY_CONTROL_ITEM: Final[re.Pattern[str]] = re.compile(
    rf"(?P<n>{NUMBER})\s+massacres?\s+in\s+(?:the\s+)?areas?\s+"
    r"(?:(?:that\s+(?:are|were)\s+)?under\s+the\s+(?:joint\s+)?control\s+of"
    r"|(?:jointly\s+)?controlled\s+(?:jointly\s+)?by)\s+"
    r"(?P<raw>[^.;¶]+?)(?=\s*(?:[.;¶]|$)|\s+[-•]\s)",
    re.IGNORECASE,
)
