"""The parser's shortcuts skip a pattern only where it cannot match (syria_geo.geocoding.phrase).

Each cheap test that lets the parser skip a regular expression (a word it needs, the start or
end of the text, the separators of a link) is checked against the pattern itself on texts
built from the patterns' own words in several cases, spacings and scripts: wherever the
pattern matches, the test must let it run. The connector split by comma-free pieces is
checked against the split of the whole text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import FrozenInstanceError, fields

import pytest

import syria_geo.geocoding.phrase as geocoding_phrase
from syria_geo.gazetteer.normalize import core_name, qualifiers
from syria_geo.geocoding.geocoder import geocode
from syria_geo.geocoding.phrase import SYRIA_NAMES
from syria_geo.geocoding.results import is_foreign as _is_foreign
from syria_geo.geocoding.scene import (
    _INPUT_LETTER,
    _LAST_WORDS_TO_TEST,
    _NULL_LIKE,
)
from syria_geo.geocoding.scene import (
    input_problem as _input_problem,
)
from syria_geo.geocoding.tables import FOREIGN as _FOREIGN
from syria_geo.geocoding.tables import geocoder_tables as _gazetteer

_WORDS = (  # noqa: SIM905 (a word list reads better as text)
    "the The THE a an of in on at near to from by for inside within outside around towards beside "
    "which is was located situated part administratively follows belongs belonging affiliated with "
    "close next behind opposite along across middle centre center vicinity outskirts "
    "north northern south eastern West western northeastern central middle km kilometers "
    "village town city neighborhood neighbourhood quarter camp district area region farm "
    "suburb suburbs countryside province governorate Governorate gov. rural Rural rif Rif "
    "parts part areas mountain mountains plain valley Ghab Ghouta Qalamoun "
    "capital Capital syrian provincial regional "
    "circle roundabout square entrance market mosque street road Road highway motorway route "
    "freeway autostrada linking connecting links connects and between "
    "under control controlled jointly resulting resulted killing killed that where who host "
    "hosts hosting housing sheltering Jordan Turkey "
    "main residential old new other Main OLD "
    "Aleppo Idlib Hama Douma Saraqib Kafr Nabl Al-Bab al Mrashda Ras-al-Ayn Deir ez-Zor "
    "ريف محافظة حماة إدلب الشمالي مدينة قرية العاصمة"
).split()
_GLUE = (" ", " ", " ", "  ", "\t", ", ", ",", "; ", " – ", "–", "-", "'", "’s ", "(", ")", "/", "\n", "")  # fmt: skip


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 7)):
            parts.append(rng.choice(_WORDS))
            parts.append(rng.choice(_GLUE))
        text = "".join(parts)
        if rng.random() < 0.5:
            text = text.strip()
        if rng.random() < 0.2:
            text = text.upper() if rng.random() < 0.5 else text.title()
        if rng.random() < 0.2:
            text = str(rng.randint(1, 40)) + rng.choice((" km ", "km ", ".5 kilometres ")) + text
        out.append(text)
    return out


_TEMPLATES = (
    "{the} {w} {w} {kind} of {name}", "{the} {w} {kind}{sp}of{sp}{name}", "{name} {kind} {name}",
    "{name}{sp}{kind}{sp}al {name}", "{dir} {areaword}", "{dir}{sp}rural areas", "{name} {gov}",
    "{gov} of {name}", "rural {name}", "{dir} {name} countryside", "{name}{sp}{noise} {w} {w}",
    "{name}, {noise} {name}", "{name}-{name} {road}", "the {road}{sp}linking {name} and {name}",
    "{road} from {name} to {name}", "{name} {kind}{sp}{landmark}", "the {nat} side of {name}",
    "{the} syrian capital{sp}{name}", "{the} capital city", "{the} {capkind} capital",
    "{num} km {dir}", "{num}{sp}kilometers {dir} of {name}", "{name} and {name} {w} {name}",
    "{name} {region}", "{the} {w}", "{name}", "{name} {kind}{conn}{name} {kind}",
    "{w}{conn}{name}{conn}{dir} {areaword} of {name} {gov}",
)  # fmt: skip
_FILL = {
    "the": ("the", "The", "THE", "", "a", "an"),
    "w": tuple(_WORDS),
    "kind": ("town", "village", "city", "suburb", "neighborhood", "neighbourhood", "quarter", "camp",
             "district", "area", "Town", "CITY", "farm"),
    "name": ("Aleppo", "Idlib", "Hama", "Douma", "Saraqib", "Kafr Nabl", "al Mrashda", "Al-Bab",
             "Deir ez-Zor", "Ghab", "Qalamoun", "Tell Abyad", "حماة"),
    "sp": (" ", "  ", "\t", " \n "),
    "dir": ("north", "Northern", "eastern", "WEST", "southwestern", "central", "middle", "east"),
    "areaword": ("suburbs", "countryside", "outskirts", "parts", "areas", "part", "province",
                 "governorate", "Suburbs", "PART"),
    "gov": ("governorate", "province", "suburbs", "countryside", "Governorate", "gov.", "gov"),
    "noise": ("which is under", "under the control", "controlled jointly by", "and is jointly controlled",
              "which resulted", "resulting in", "killing", "which killed", "that", "where", "who",
              "with Jordan", "hosting", "housing", "and hosts", "sheltering", "Which"),
    "road": ("road", "highway", "motorway", "route", "freeway", "autostrada", "Road", "crossroads",
             "junction", "area", "fields"),
    "conn": (" which is administratively a part of ", " which administratively follows ",
             " affiliated to ", ", belonging to ", " located in ", " situated in ", " part of ",
             " in the vicinity of ", " on the outskirts of ", " inside ", " within ", " in ", " at ",
             " of ", " near ", " close to ", " next to ", " outside of ", " on ", " from ",
             " around ", " towards ", " beside ", " behind ", " opposite ", " along ",
             " across from ", " by ", " to ", " for ", ";", "–", " – ", ", ", " IN "),
    "nat": ("Syrian", "turkish", "LEBANESE", "Jordanian", "iraqi"),
    "capkind": ("provincial", "governorate", "regional", "Provincial", "syrian"),
    "landmark": ("circle", "roundabout", "square", "entrance", "Circle"),
    "num": ("10", "2.5", "3", "١٠"),
    "region": ("area", "region", "mountains", "mountain", "plain", "valley", "countryside", "Area"),
}  # fmt: skip


def _from_templates(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = re.sub(r"{(\w+)}", lambda m: rng.choice(_FILL[m.group(1)]), rng.choice(_TEMPLATES))
        case = rng.random()
        text = text.lower() if case < 0.15 else text.upper() if case < 0.25 else text
        out.append(text if rng.random() < 0.7 else rng.choice(_WORDS) + " " + text)
    return out


_EXAMPLES = [
    "western part", "Eastern Ghouta area", "the capital", "The Syrian capital", "10 km east",
    "2.5 kilometres northwest", "the provincial capital", "Kafr Nabl village", "Al-Bab",
    "Karm Al Tahhan area Al Myassar", "the southern Idlib town of Kafr Nabl", "northern suburbs",
    "Jabal al Zawiya region", "the road linking Saraqib and Idlib", "the Saraqib-Idlib road",
    "Al Qaterji neighborhood circle", "Nubl and Zahraa", "rural Hama", "ريف حماة الشمالي",
    "an old market", "Main", "main street", "the M5 highway from Hama to Aleppo",
    "Douma, which is under the control of the army", "a village near Hama, hosting displaced",
]  # fmt: skip
TEXTS = _EXAMPLES + _texts(3000, 16) + _from_templates(4000, 7)


def _low_ascii(word_test: Callable[[str], object]) -> Callable[[str], bool]:
    """A word test of lower-cased text; a non-ASCII text is never ruled out (see _lacks)."""
    return lambda text: not text.isascii() or bool(word_test(text.lower()))


def _suburbs_tail(text: str) -> bool:
    """governorate_pcode's last pattern: "Idlib suburbs", "the countryside of Hama"."""
    m = geocoding_phrase._GOV_SEG.match(text.strip())
    return bool(m and m.group("tail") and m.group("tail").lower() in {"suburbs", "countryside"})


_SHORTCUTS: list[tuple[str, Callable[[str], object], Callable[[str], bool]]] = [
    ("inner kind", geocoding_phrase._INNER_KIND.search, lambda t: bool(geocoding_phrase._INNER_KIND_WORD.search(t))),
    ("described kind", geocoding_phrase._DESCRIBED_KIND.search, _low_ascii(geocoding_phrase._KIND_OF.search)),
    ("governorate words", geocoding_phrase._GOV_LIKE.search, _low_ascii(geocoding_phrase._GOV_LIKE_WORD.search)),
    ("noise tail", geocoding_phrase._NOISE_TAIL.search, _low_ascii(geocoding_phrase._NOISE_WORDS.search)),
    ("road word", geocoding_phrase._ROAD_WORD.search, _low_ascii(geocoding_phrase._ROAD_LINK_WORDS.search)),
    ("road between", geocoding_phrase._ROAD_BETWEEN.search, _low_ascii(geocoding_phrase._ROAD_LINK_WORDS.search)),
    ("kind landmark", geocoding_phrase._KIND_LANDMARK.search, _low_ascii(geocoding_phrase._LANDMARK_OF_KIND_WORDS.search)),
    ("side of", geocoding_phrase._SIDE_OF.search, _low_ascii(lambda low: "side" in low)),
    ("capital word", geocoding_phrase._CAPITAL_WORD.search, _low_ascii(lambda low: "capital" in low)),
    ("capital", geocoding_phrase._CAPITAL.match, _low_ascii(lambda low: "capital" in low)),
    ("provincial capital", geocoding_phrase._PROVINCIAL_CAPITAL.match, _low_ascii(lambda low: "capital" in low)),
    ("twin places", geocoding_phrase._TWIN_PLACES.search, _low_ascii(lambda low: "and" in low)),
    ("article", geocoding_phrase._ARTICLE_START.match, lambda t: t[:1] in geocoding_phrase._ARTICLE_LETTERS),
    ("offset", geocoding_phrase._OFFSET.match, lambda t: t[:1].isdecimal()),
    ("gov word", geocoding_phrase._GOV_WORD.search, _low_ascii(re.compile("gov|province|muhafazat|mohafazat").search)),
    ("rural of", geocoding_phrase._RURAL_OF.match, _low_ascii(re.compile("rural|countryside|suburbs|rif").search)),
    ("arabic governorate", geocoding_phrase._AR_GOV.match, lambda t: not t.isascii()),
    ("governorate tail", _suburbs_tail, _low_ascii(lambda low: "suburbs" in low or "countryside" in low)),
]  # fmt: skip
# patterns anchored at the end of a link (links are stripped: no final newline)
_ENDINGS: list[tuple[str, Callable[[str], object], tuple[str, ...]]] = [
    ("direction area", geocoding_phrase._DIRECTION_AREA.match, geocoding_phrase._AREA_WORDS),
    ("region tail", geocoding_phrase._REGION_TAIL.search, geocoding_phrase._REGION_TAIL_WORDS),
]


@pytest.mark.parametrize(
    ("name", "pattern", "may_match"), _SHORTCUTS, ids=[s[0] for s in _SHORTCUTS]
)
def test_shortcut_never_skips_a_match(
    name: str, pattern: Callable[[str], object], may_match: Callable[[str], bool]
) -> None:
    matched = [t for t in TEXTS if pattern(t)]
    assert len(matched) >= 3, f"{name}: too few texts match to test the shortcut"
    assert [t for t in matched if not may_match(t)] == []


@pytest.mark.parametrize(("name", "pattern", "endings"), _ENDINGS, ids=[s[0] for s in _ENDINGS])
def test_ending_shortcut_never_skips_a_match(
    name: str, pattern: Callable[[str], object], endings: tuple[str, ...]
) -> None:
    links = [t.strip() for t in TEXTS if t.strip()]
    matched = [t for t in links if pattern(t)]
    assert len(matched) >= 3, f"{name}: too few texts match to test the shortcut"
    assert [t for t in matched if t.isascii() and not t.lower().endswith(endings)] == []


def test_generic_name_by_set() -> None:
    words = sorted({w for t in TEXTS for w in re.split(r"[\s,;()/]+", t)} | {"Main\n", "old new"})
    assert [
        w
        for w in words
        if geocoding_phrase._is_generic(w) != bool(geocoding_phrase._GENERIC_NAME.match(w))
    ] == []
    assert geocoding_phrase._is_generic("MAIN")
    assert not geocoding_phrase._is_generic("Main street")


def test_connectors_lower_same_matches() -> None:
    for text in TEXTS:
        if text.isascii():
            fast = [m.span() for m in geocoding_phrase._CONNECTORS_LOWER.finditer(text.lower())]
            assert fast == [m.span() for m in geocoding_phrase._CONNECTORS.finditer(text)], text


def _kept(links: list[str]) -> list[str]:
    return [link.strip() for link in links if link and link.strip()]


def test_links_by_pieces_equal_links_of_the_text() -> None:
    for text in TEXTS:
        by_pieces = [
            link for piece in text.split(",") for link in _kept(geocoding_phrase._links(piece))
        ]
        assert by_pieces == _kept(geocoding_phrase._CONNECTORS.split(text)), text


@pytest.mark.parametrize(
    "text",
    ["none", "  N/A ", "not   known", "...none...", "Not Specified", "-- unknown --", "غير معروف",
     "n.a.", "Tal Abyad", "Tal\tAbyad village", "not known at all", "__TBD__", "xx xx"],
)  # fmt: skip
def test_placeholder_test_as_written_before(text: str) -> None:
    placeholder = re.sub(r"\s+", " ", text.strip().strip(" .-_*")).casefold() in _NULL_LIKE
    assert _input_problem(text).startswith("placeholder") == placeholder


def test_placeholders_of_every_spelling_as_written_before() -> None:
    variants = [
        v
        for n in sorted(_NULL_LIKE)
        for v in (n, n.upper(), n.title(), f" .{n}. ", f".\t{n}", f"*{n} x", f"{n}s", "ß" + n,
                  n.replace(" ", "  "), "İ" + n[1:], "a" + n)
    ]  # fmt: skip

    def as_written(v: str) -> str:
        if not re.search(r"[^\W\d_]", v):
            return "no letters"
        placeholder = re.sub(r"\s+", " ", v.strip().strip(" .-_*")).casefold() in _NULL_LIKE
        return "placeholder" if placeholder else ""

    expected = [as_written(v) for v in variants]
    assert expected.count("placeholder") > len(_NULL_LIKE) * 3
    assert [" ".join(_input_problem(v).split()[:2]) for v in variants] == [
        "no letters" if e == "no letters" else "placeholder for" if e else "" for e in expected
    ]


def test_a_letter_is_a_letter_of_the_input_test() -> None:
    """_input_problem takes a first character that is a letter as a letter of the text."""
    letters = [chr(c) for c in range(0x110000) if chr(c).isalpha()]
    assert [c for c in letters if not _INPUT_LETTER.fullmatch(c)] == []


def test_parsed_place_made_through_slots_equals_its_constructor() -> None:
    """_parsed_of_chain sets ParsedPlace's slots directly: each field gets its own value."""
    chain = geocoding_phrase._Chain(
        places=[("Target", "village"), ("Parent", "city"), ("Third", "")],
        governorate="SY07", governorate_text="Idlib governorate", direction="north",
        direction_of="parent", region="Jabal al Zawiya", landmark="the market", offset_km=2.5,
    )  # fmt: skip
    made = geocoding_phrase._parsed_of_chain("text", chain, ("A", "B"))
    expected = geocoding_phrase.ParsedPlace(
        text="text", target="Target", kind="village", parent="Parent", parent_kind="city",
        direction="north", direction_of="parent", governorate="SY07",
        governorate_text="Idlib governorate", region="Jabal al Zawiya", landmark="the market",
        between=("A", "B"), offset_km=2.5,
        places=(("Target", "village"), ("Parent", "city"), ("Third", "")),
    )  # fmt: skip
    assert [getattr(made, f.name) for f in fields(geocoding_phrase.ParsedPlace)] == [
        getattr(expected, f.name) for f in fields(geocoding_phrase.ParsedPlace)
    ]
    assert made == expected
    assert hash(made) == hash(expected)
    assert repr(made) == repr(expected)
    with pytest.raises(FrozenInstanceError):
        made.target = "x"  # type: ignore[misc]
    # no parent: a direction said of the parent is the target's
    chain.places = [("Target", "")]
    alone = geocoding_phrase._parsed_of_chain("t", chain, ())
    assert (alone.parent, alone.direction_of, alone.places) == ("", "target", (("Target", ""),))
    for text in TEXTS[:500]:
        parsed = geocoding_phrase.place_from_phrase(text)
        assert parsed == geocoding_phrase.ParsedPlace(
            **{f.name: getattr(parsed, f.name) for f in fields(parsed)}
        )


_FOREIGN_VARIANTS = [
    variant
    for name in sorted(_FOREIGN)
    for variant in (
        name, name.upper(), name.title(), f"  the {name} ", f"Al\t{name}", f"EL  {name}",
        name.replace(" ", " \n "), f"{name}\u00a0", f"the\u2003{name}",
    )
]  # fmt: skip


def test_foreign_names_pass_the_last_word_test() -> None:
    """_scene_of asks _is_foreign only of names whose last word ends a _FOREIGN name."""
    gaz = _gazetteer()

    def may_be_foreign(name: str) -> bool:
        words = name.casefold().split()
        return bool(words) and words[-1] in _LAST_WORDS_TO_TEST

    syria = [v for n in SYRIA_NAMES for v in (n, n.upper(), f" {n.title()}\t")]
    names = [*_FOREIGN_VARIANTS, *syria]
    names += [p for t in TEXTS for p, _ in geocoding_phrase.place_from_phrase(t).places]
    foreign = [n for n in names if _is_foreign(n, gaz) or n.strip().casefold() in SYRIA_NAMES]
    assert len(foreign) > 100
    assert [n for n in foreign if not may_be_foreign(n)] == []
    # casefold neither makes nor removes white space, and \s is what str.split splits at
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    spaces = {c for c in every if c.isspace()}
    assert set(re.findall(r"\s", every)) == spaces
    changed = [c for c in every if c.casefold() != c]
    assert [c for c in changed if any(x in spaces for x in c.casefold()) or c in spaces] == []


@pytest.mark.parametrize(
    ("text", "foreign"),
    [("Beirut", "Beirut"), ("the  Tel Aviv", "Tel Aviv"), ("Al Amman", "Al Amman"),
     ("X village, Gaziantep", "Gaziantep"), ("SAUDI ARABIA", "SAUDI ARABIA"), ("Beirut, Syria", ""),
     ("Kafr Nabl", ""), ("Beirut, Syrian Arab Republic", ""), ("Syria", "")],
)  # fmt: skip
def test_foreign_places_unmatched(text: str, foreign: str) -> None:
    reason = geocode(text).reason
    assert reason == f"place outside Syria: {foreign!r}" if foreign else "outside" not in reason


_WORD_TESTS = [
    (geocoding_phrase._HAS_SIDE, lambda low: "side" in low),
    (geocoding_phrase._HAS_THE, lambda low: "the" in low),
    (geocoding_phrase._HAS_KIND_OF, geocoding_phrase._KIND_OF.search),
    (geocoding_phrase._HAS_CAPITAL, lambda low: "capital" in low),
    (geocoding_phrase._HAS_ROAD_LINK, geocoding_phrase._ROAD_LINK_WORDS.search),
    (geocoding_phrase._HAS_AND, lambda low: "and" in low),
    (geocoding_phrase._HAS_LANDMARK_OF_KIND, geocoding_phrase._LANDMARK_OF_KIND_WORDS.search),
    (geocoding_phrase._HAS_NOISE, geocoding_phrase._NOISE_WORDS.search),
    (geocoding_phrase._HAS_RELATION, geocoding_phrase._RELATION_WORDS.search),
]


def test_word_tests_by_pieces_equal_the_tests_of_the_text() -> None:
    """_clean's word tests, passed by comma-free pieces, are those of the whole text."""
    rng = random.Random(3)
    # the tests' words cut by commas, and kind words before "of" across one
    cut = [t[:i] + "," + t[i:] for t in rng.sample(TEXTS, 2000) for i in [rng.randint(0, len(t))]]
    texts = [*TEXTS, *cut, "the town, of X", "the town ,of X", "the town of, X", "A town of B"]
    ascii_texts = [t for t in texts if t.isascii()]
    for bit, test in _WORD_TESTS:
        passed = [bool(test(t.lower())) for t in ascii_texts]
        assert sum(passed) >= 3
        assert [bool(geocoding_phrase._word_tests(t) & bit) for t in ascii_texts] == passed
    assert sum(bit for bit, _ in _WORD_TESTS) == geocoding_phrase._ALL_TESTS
    assert {geocoding_phrase._word_tests(t) for t in texts if not t.isascii()} == {
        geocoding_phrase._ALL_TESTS
    }


def _plain_words_as_written(segment: str) -> tuple[bool, bool]:
    """_plain_words without its shortcut (a capitalised link whose first word decides)."""
    words = [w.lower() for w in geocoding_phrase._WORDS.findall(segment)]
    if not segment.isascii() and geocoding_phrase._ARABIC_LETTER.search(segment):
        return False, False
    if not words:
        return True, False
    ordinary = [
        (w := word.strip("'’-")) in geocoding_phrase._ORDINARY_WORDS
        or w.endswith(geocoding_phrase._AFFILIATION_SUFFIXES)
        for word in words
    ]
    capitalised = any(c.isupper() for c in segment)
    return all(ordinary), not all(ordinary) and not capitalised


def _links_of(texts: list[str]) -> list[str]:
    return sorted(
        {
            link
            for t in texts
            for link in _kept(geocoding_phrase._CONNECTORS.split(geocoding_phrase._clean(t)))
        }
    )


def test_plain_words_as_written() -> None:
    links = [*_links_of(TEXTS), "Regime-held town", "the Kurdish-held", "Positions", "al-Bab"]
    expected = [_plain_words_as_written(link) for link in links]
    assert set(expected) == {(True, False), (False, True), (False, False)}
    assert [geocoding_phrase._plain_words(link) for link in links] == expected


def test_place_readings_field_by_field() -> None:
    """_read_segment makes a place's reading from its fields in order (_Reading._make)."""
    readings = [geocoding_phrase._read_segment(link) for link in _links_of(TEXTS)]
    places = [r for r in readings if r.rule == "place"]
    assert len(places) > 500
    for r in places:
        name, kind, lead_dir = geocoding_phrase._kind_split(r.seg)
        expected = geocoding_phrase._Reading(
            "place", r.seg, r.capital, r.direction, name=name, kind=kind, lead_dir=lead_dir,
            code=geocoding_phrase.governorate_pcode(name) if name and not kind else "",
            plain=geocoding_phrase._plain_words(r.seg)[0], maybe_plain=geocoding_phrase._plain_words(r.seg)[1],
            landmark=geocoding_phrase._is_landmark(name, kind), badiya=r.seg.lower().startswith("badiya"),
        )  # fmt: skip
        assert r == expected


def test_regions_and_landmarks_as_written() -> None:
    """_region_of and _is_landmark with their shortcuts, against the patterns alone."""
    links = [
        *_links_of(TEXTS),
        *geocoding_phrase._REGIONS,
        "Ghab plain",
        "the Leja area",
        "Jabal al-Akrad",
    ]
    links += [f"{r} {w}" for r in ("Ghouta", "Houla", "lajat") for w in ("village", "Town", "area")]
    regions = []
    for link in links:
        written = link if link.isascii() else link.lower()
        name = geocoding_phrase._REGION_TAIL.sub("", written)
        # a tail word that is part of a region's name ("Yarmouk valley") is kept
        whole = geocoding_phrase._listed_region(written) if name != written else None
        found = whole or geocoding_phrase._listed_region(name)
        # a qualifier other than a side ("Lower Qulan", "Ghouta)OLD") names no region
        sides_only = geocoding_phrase._SIDES_ONLY.issuperset(qualifiers(link))
        regions.append(found if sides_only else None)
    assert sum(r is not None for r in regions) > 20
    assert [geocoding_phrase._region_of(link, link.lower()) for link in links] == regions
    names = [geocoding_phrase._kind_split(link)[0] for link in links] + [
        "MAIN street",
        "Al Souq",
        "SCHOOL",
    ]
    landmark = [
        bool(geocoding_phrase._LANDMARK_WORD.search(n)) or geocoding_phrase._is_generic(n)
        for n in names
    ]
    assert sum(landmark) > 20
    assert [geocoding_phrase._is_landmark(n, "") for n in names] == landmark


@pytest.mark.parametrize(
    ("text", "code"),
    [("SY07", "SY07"), (" sy14 ", "SY14"), ("Sy01", "SY01"), ("ſy02", "SY02"), ("SY15", ""),
     ("SY7", ""), ("SY070", ""), ("Aleppo", "SY02")],
)  # fmt: skip
def test_pcodes_read_as_before(text: str, code: str) -> None:
    assert geocoding_phrase.governorate_pcode.__wrapped__(text) == code


_CLEAN_EDGES = [
    "", " ", "a", "Al-Bab", "Tell Abyad (Raqqa)", "Ras al-Ayn/Serêkaniyê", "Qal'at al-Madiq",
    "Deir ez-Zor's al-Joura neighbourhood", "the town of Kafr Nabl", "the Kurdish-held town of X",
    "the southern Idlib town of Kafr Nabl", "Nubl and Zahraa", "between A and B",
    "the Syrian capital Damascus", "the Saraqib-Idlib road", "Al Qaterji neighborhood circle",
    "Douma, which is under the control", "the Syrian side of Nasib", 'the "Ghouta"',
    "  spaced   out  ,  text ;", "...", "Hama.", "the", "of", "town of", "ريف حماة الشمالي",
    "Al Khan area in Al Tabni town", "X village,, Y", "X_in Y", "Kafr\tNabl\nvillage",
]  # fmt: skip


def test_clean_first_exit_as_the_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """_clean's first return (no step can apply) gives what its steps give."""
    texts = [*_CLEAN_EDGES, *TEXTS]
    fast = [geocoding_phrase._clean(t) for t in texts]
    assert (
        sum(geocoding_phrase._word_tests(t) in geocoding_phrase._NO_STEP_TESTS for t in texts)
        > 1000
    )
    monkeypatch.setattr(geocoding_phrase, "_NO_STEP_TESTS", frozenset())
    assert [geocoding_phrase._clean(t) for t in texts] == fast


@pytest.mark.parametrize(
    "piece",
    ["", " ", "in", "al-in", "X_in Y", "Kafr;Nabl", "x ; y", "10 in", "IN", "Qal'at", "in-", "-in",
     "x\tin\ny", "Al Bab", "Al-Bab city", "the market in Douma", "Douma–Harasta", "x\x1cin",
     "located in the eastern suburbs of Aleppo governorate", "a,b", "at", "Tell-at", "مدينة في"],
)  # fmt: skip
def test_links_of_edge_pieces(piece: str) -> None:
    assert geocoding_phrase._links(piece) == geocoding_phrase._CONNECTORS.split(piece)


def test_piece_readings_as_the_links_read_one_by_one() -> None:
    """_piece_readings reads the links of _CONNECTORS.split, each split at inner kind words."""
    pieces = sorted(
        {p for t in [*_CLEAN_EDGES, *TEXTS] for p in geocoding_phrase._clean(t).split(",")}
    )
    for piece in pieces:
        expected = tuple(
            r
            for raw in geocoding_phrase._CONNECTORS.split(piece)
            for r in map(geocoding_phrase._read_segment, geocoding_phrase._split_inner_kind(raw))
        )
        assert geocoding_phrase._piece_readings.__wrapped__(piece) == expected, piece


def test_core_of_name_is_core_name() -> None:
    gaz = _gazetteer()
    names = [*_links_of(TEXTS), "", " ", "Al", "al-", "Upper Jadideh", "Jadideh", "ALBUKAMAL"]
    names += [str(n) for n in gaz.gdf["name_en"][:3000]] + [
        str(n) for n in gaz.gdf["name_ar"][:3000]
    ]
    assert [geocoding_phrase._core_of_name(n) for n in names] == [core_name(n) for n in names]
