"""Issue 25, twenty-fifth round: sites named after towns, landmarks described near a town,
distances with no direction and roads that start at the place.

The examples are written here (place names and the gazetteer's entries are facts); each
asserts the entry, the precision and what the reason says was read.
"""

from __future__ import annotations

import pytest

from syria_geo import geocode, load_gazetteer
from syria_geo.geocoding.arabic import arabic_landmark_without_adjective
from syria_geo.geocoding.phrase import one_script_per_name, place_from_phrase
from syria_geo.geocoding.sites import site_kinds
from syria_geo.geocoding.tables import geocoder_tables, landmark_key

# --- a site named after a town: the landmark of that kind near the town ----------------


@pytest.mark.parametrize(
    ("text", "expected_id", "town"),
    [
        ("al-Tanf border crossing", "M4736", "At Tanf"),  # the map's "Al-Tanf Crossing"
        ("Dmayr air base", "M2451", "Dhameer"),  # "Dumayr Military Airport"
    ],
)
def test_a_site_named_after_a_town_is_the_landmark_of_its_kind(
    text: str, expected_id: str, town: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 1, "site+town")
    assert f"named after {town}" in r.reason


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Ain Shib checkpoint", "M4885"),  # the map's "Ayn Shib military checkpoint"
        ("معبر نصيب", "M2785"),  # Nassib Crossing
        ("Masnaa crossing", "M2547"),  # no town is named Masnaa: found by the crossing's name
    ],
)
def test_a_crossing_or_checkpoint_is_sought_among_the_maps_sites(
    text: str, expected_id: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


def test_sites_whose_names_differ_by_a_kind_word_are_namesakes() -> None:
    # the map has a "Madajin Checkpoint" and a "Madajin Military Checkpoint", 17 km apart
    # (madajin: poultry farms): neither is taken alone at precision 1
    r = geocode("Madajin checkpoint")
    assert r.precision != 1, r.reason
    # ... and a direction from Hama chooses the one north-west of it
    r = geocode("the Madajin checkpoint, north-west of Hama")
    assert (r.id, r.precision) == ("M3030", 2), r.reason


def test_an_airfield_is_a_site() -> None:
    # "airfield" and "airstrip" are words of a site's kind, as "airbase" is
    r = geocode("Shayrat airfield")
    assert (r.id, r.precision) == ("M4681", 1), r.reason


def test_a_town_with_no_site_of_the_kind_stays_the_town() -> None:
    # Tell Abiad has no crossing among the map's marks: the town, as before
    r = geocode("Tell Abyad border crossing")
    assert (r.id, r.precision) == ("C5792", 2), r.reason
    assert "which has that name" in r.reason


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("مطار الضمير", {"airport"}),
        ("the Tabqa dam", {"dam"}),
        ("حاجز عين شيب", {"base"}),
        ("the town of Tal Rifaat", set()),  # "Tal" begins a village's name: no hill word
        ("جبل الزاوية", set()),
    ],
)
def test_the_kind_words_of_a_site(text: str, kinds: set[str]) -> None:
    assert site_kinds(text) == kinds


# --- a landmark described near, in or seen from a town ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id", "said"),
    [
        ("the cement factory north of Manbij", "M1870", "10 km north of Menbij"),
        ("a grain silo east of Tadmur", "M4790", "12 km east of Tadmor"),
        ("the sugar factory close to Maskanah", "M0411", "9 km from Maskana"),
    ],
)
def test_a_landmark_described_by_a_town_is_the_one_of_that_description_there(
    text: str, expected_id: str, said: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision, r.rule) == ("matched", expected_id, 2, "landmark+near")
    assert said in r.reason


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # two power stations lie south-west of Palmyra: neither is taken
        ("a power plant south-west of Tadmur", "C2889"),
        # one word describes nothing
        ("the station north of Aleppo", "C1007"),
    ],
)
def test_a_description_that_fits_no_one_landmark_stays_at_the_town(text: str, town: str) -> None:
    r = geocode(text)
    assert (r.id, r.precision) == (town, 2), r.reason


# --- Arabic sites: their kind words and what they are for -------------------------------


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("حقل الشاعر للغاز", "M4823"),  # "للغاز" (for gas) is no part of the name
        ("حقل الجبسة النفطي", "M4034"),
        ("محطة زيزون الكهربائية", "M4928"),  # the map's Zayzoun Thermal Power Plant
        ("قرب مجمع الراموسة", "M2102"),  # a complex: Ramouseh Military Complex
        ("حقول نفط الرميلان", "M3800"),  # the product between the word and the name
    ],
)
def test_arabic_sites_find_the_maps_english_names(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id, r.precision) == ("matched", expected_id, 1), r.reason


def test_an_arabic_landmark_without_what_it_is_for() -> None:
    assert arabic_landmark_without_adjective("حقل الشاعر للغاز") == "حقل الشاعر"
    assert arabic_landmark_without_adjective("حقول جحار للنفط والغاز") == "حقول جحار"
    assert arabic_landmark_without_adjective("مطار حماة العسكري") == "مطار حماة"
    assert arabic_landmark_without_adjective("Hama airport") == "Hama airport"


# --- a distance with no direction ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "km_said"),
    [
        ("Jarablus, 30 km away from Manbij", 30.0),
        ("Jarablus, some 30 kilometres from Manbij", 30.0),
        ("بلدة جرابلس على بعد 30 كم من منبج", 30.0),
        ("جرابلس تبعد نحو 30 كم عن منبج", 30.0),
    ],
)
def test_a_distance_from_a_town_in_no_direction_is_around_it(text: str, km_said: float) -> None:
    parsed = place_from_phrase(text)
    assert (parsed.offset_km, parsed.direction, len(parsed.places)) == (km_said, "", 2)
    r = geocode(text)
    # Jarablus lies 30 km from Manbij, in another district: not sought inside Manbij's
    assert (r.status, r.id, r.precision) == ("matched", "C2227", 1), r.reason
    assert "30 km from Menbij" in r.reason


def test_a_place_beyond_the_stated_distance_is_not_taken() -> None:
    # Salkhad is 38 km from al-Musayfirah: 5 km is no reading of it
    near = geocode("Salkhad, 38 km from al-Musayfirah")
    assert (near.id, near.precision) == ("C6184", 1), near.reason
    far = geocode("Salkhad, 5 km from al-Musayfirah")
    assert far.id != "C6184", far.reason


# --- a road that starts at the place -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kafra village, on the road between it and Shmarekh",
        "قرية كفرة على طريق كفرة - شمارخ",
    ],
)
def test_a_road_from_the_place_chooses_its_namesake_by_the_other_end(text: str) -> None:
    # two Kafras: in Aleppo (by Shmarekh, 5 km) and in Homs
    r = geocode(text)
    assert (r.status, r.id, r.rule) == ("matched", "C1672", "name+partner"), r.reason


def test_a_place_on_a_road_out_of_it_is_at_the_place_not_halfway() -> None:
    gaz = load_gazetteer().set_index("id")
    r = geocode("in Kafr Nabl, on the road between it and Hass")
    assert (r.id, r.precision) == ("C4068", 2), r.reason
    assert (r.lon, r.lat) == pytest.approx(tuple(gaz.loc["C4068", ["lon", "lat"]]))
    assert "runs through or near" in r.reason


def test_a_sentence_before_a_road_is_not_a_place_on_it() -> None:
    # "A car was hit" names no place: the road between two towns, as before
    r = geocode("A car was hit on the road between Madaya and Beit Jinn.")
    assert (r.id, r.rule) == ("C2450", "between"), r.reason


def test_a_landmark_in_a_city_of_quarters_is_sought_inside_it() -> None:
    # the map's military hospitals are at Harasta, 10 km out: not "in Damascus city"
    r = geocode("the military hospital in Damascus city")
    assert (r.id, r.precision) == ("C1001", 2), r.reason
    r = geocode("the military hospital in Harasta")
    assert (r.id, r.rule) == ("M2468", "landmark+near"), r.reason


def test_a_side_of_a_towns_countryside_reaches_as_far_as_a_countryside() -> None:
    # four Rasm al-Ahmars lie north-east of Maar Shohur; only one within its countryside
    # (33 km), the one a reader means; beyond 40 km, the others are not in it
    r = geocode("قرية رسم الأحمر في ريف معرشحور الشمالي الشرقي")
    assert (r.id, r.precision) == ("C7862", 1), r.reason


# --- a name written in both scripts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "once"),
    [
        ("Saraqib (سراقب)", "سراقب"),
        ("كفرنبل / Kafr Nabl", "كفرنبل"),
        ("Binnish بنش، إدلب", "بنش، إدلب"),  # the rest is Arabic: the Arabic is kept
        ("Mayadin | الميادين | Deir ez-Zor", "Mayadin | Deir ez-Zor"),  # the rest is Latin
        ("Kafr Rouma village - كفرومة", "Kafr Rouma village"),  # the kind word's run
        ("village of البارة", "village of البارة"),  # not one name twice
        ("Idlib - إدلب - Ariha / أريحا", "إدلب - أريحا"),
        ("Saraqib", "Saraqib"),
    ],
)
def test_a_name_in_both_scripts_is_read_once(text: str, once: str) -> None:
    assert one_script_per_name(text) == once


@pytest.mark.parametrize(
    ("text", "expected_id"),
    [
        ("Mayadin | الميادين | Deir ez-Zor", "C5192"),
        ("Binnish بنش، إدلب", "C3904"),
        ("Hama حماة – Kafr Zita", "C3463"),  # from the governorate down, in one script
    ],
)
def test_a_bilingual_cell_finds_its_place(text: str, expected_id: str) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected_id), r.reason


def test_a_bar_with_the_governorate_last_is_read_from_the_place_up() -> None:
    # "Idlib | Saraqib" is from the governorate down; "Saraqib | Idlib" from the place up
    for text in ("Idlib | Saraqib", "Saraqib | Idlib"):
        r = geocode(text)
        assert (r.id, r.precision) == ("C3916", 1), r.reason


def test_a_place_the_text_names_chooses_among_sites_of_one_name() -> None:
    # the map has several Syriatel hills (a mobile mast's hill); the one by Deir ez-Zor
    r = geocode("Syriatel hill, south-west of Deir ez-Zor city")
    assert (r.id, r.precision, r.rule) == ("M2823", 2, "landmark"), r.reason
    assert "sites of that name" in r.reason


# --- a side of a countryside after the town; a context seen from another place --------------


def test_a_town_then_a_side_of_its_countryside_is_that_side_of_the_town() -> None:
    parsed = place_from_phrase("Tal Aber, Manbij eastern countryside")
    assert parsed.places == (("Tal Aber", ""), ("Manbij", ""))
    assert (parsed.countryside, parsed.direction) == ("Manbij", "east")
    # ... a governorate's side, as "the southern countryside of Idlib" is
    parsed = place_from_phrase("Kafr Nabl, Idlib southern countryside")
    assert (parsed.governorate, parsed.direction) == ("SY07", "south")


def test_a_context_seen_from_another_place_is_the_place_seen() -> None:
    # "al-Bab countryside, east of Aleppo": the country around al-Bab, not Aleppo city
    r = geocode("Qabasin", context="al-Bab countryside, north-east of Aleppo")
    assert (r.id, r.precision) == ("C1209", 1), r.reason
    assert "inside Al Bab" in r.reason


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("al-Qadisiyah, eastern Raqqa countryside", None),
        ("القادسية في ريف الرقة الشرقي", None),
        ("al-Qadisiyah", "ريف الرقة الشرقي"),  # the countryside said by the document's heading
    ],
)
def test_a_governorates_countryside_is_not_its_citys_quarters(
    text: str, context: str | None
) -> None:
    # Qadisiyah is a quarter of Raqqa city and a village of its eastern countryside
    r = geocode(text, context=context)
    assert (r.id, r.level) == ("C6381", "community"), r.reason
    # ... while "al-Qadisiyah, Raqqa" may be the city's quarter
    assert geocode("al-Qadisiyah, Raqqa").id == "N0473"


def test_a_place_near_a_town_may_lie_across_the_governorates_line() -> None:
    # Nab' as Sakhr (Quneitra) is 15 km from Jasim (Daraa); no governorate is stated
    r = geocode("Nab as Sakhr village near Jasim")
    assert (r.id, r.adm1_pcode) == ("C6287", "SY14"), r.reason
    assert "near Jasim" in r.reason


def test_a_landmark_found_only_by_likeness_is_not_taken_at_precision_one() -> None:
    # without the map's Gharbal Checkpoint, "Gharbal" is only like its "Gerbel checkpoint",
    # which may be another checkpoint: precision 2
    gaz = load_gazetteer()
    without = gaz[gaz["id"] != "M3167"]
    r = geocode("Gharbal Checkpoint", gazetteer=without)
    assert (r.id, r.precision) == ("M3165", 2), r.reason
    assert geocode("Gharbal Checkpoint").precision == 1


def test_every_english_name_of_a_landmark_has_its_key() -> None:
    # the map's "Aleppo International Airport & Nayrab Airbase" is also "Nayrab airbase"
    gaz = geocoder_tables()
    pos = gaz.pos_by_id["M0010"]
    assert pos in gaz.landmarks_by_key[landmark_key("Nayrab airbase")]
    assert (
        pos in gaz.landmarks_by_key[landmark_key("Aleppo International Airport & Nayrab Airbase")]
    )


# --- a bridge or junction named after a town (issue 25, twenty-sixth round) --------------


@pytest.mark.parametrize(
    ("text", "governorate", "expected"),
    [
        ("جسر تلبيسة", None, "C2882"),
        ("جسر الرستن", "Homs", "C2870"),
        ("مفرق سراقب", "Idleb", "C3916"),
        ("مفرق كفرنبل", None, "C4068"),
    ],
)
def test_a_bridge_or_junction_named_after_a_town_is_at_the_town(
    text: str, governorate: str | None, expected: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", expected, 2), r.reason
    assert "is not a place the gazetteer lists" in r.reason
    # (a town's own name that begins with the word stays the town)
    assert geocode("جسر الشغور").precision == 1


@pytest.mark.parametrize(
    ("text", "governorate", "code"),
    [
        ("جسر الطيارة", "Aleppo", "SY02"),  # a bridge of Aleppo; two villages are Tayyara
        ("جسر الرستن", "Hama", "SY05"),  # Rastan is in Homs, not in the stated governorate
    ],
)
def test_a_bridge_named_after_namesakes_or_a_town_elsewhere_stays_in_the_governorate(
    text: str, governorate: str, code: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.adm1_pcode, r.precision) == (code, 3), r.reason
    assert "is not a place the gazetteer lists in" in r.reason


@pytest.mark.parametrize("text", ["Tel Qorzubaq", "Til Xorzebaq", "Kefer Xyzab"])
def test_the_first_word_of_an_unlisted_name_is_not_taken_for_a_village(text: str) -> None:
    # "Tel" / "Til" (a hill, as Kurdish writes it) alone would be the town At Tall
    r = geocode(text)
    assert r.status == "unmatched", r.reason


@pytest.mark.parametrize(
    ("text", "governorate", "expected"),
    [
        ("الفرن الاحتياطي بتفتناز", "Idleb", "C3932"),
        ("الفرن الاحتياطي بتفتناز", None, "C3932"),  # not the village Al Furn of Daraa
        ("المدرسة الثانوية بتلبيسة", "Homs", "C2882"),
        # the town's alternate spelling after the glued "in"
        ("المشفى الوطني بمعرة مصرين", "Idleb", "C3947"),
    ],
)
def test_a_building_with_the_town_glued_after_in_is_at_the_town(
    text: str, governorate: str | None, expected: str
) -> None:
    r = geocode(text, governorate=governorate)
    assert (r.status, r.id, r.precision) == ("matched", expected, 2), r.reason
    assert "among its words" in r.reason


def test_a_unit_glued_after_of_is_the_container_not_the_place() -> None:
    # "التابعة لناحية X" (belonging to X sub-district): the village is sought in it; the
    # sub-district's seat is not the answer
    r = geocode("انفجار لغم في النزهة التابعة لناحية الرقاما")
    assert (r.id, r.adm3_pcode) == ("C2657", "SY040105"), r.reason
    assert "inside Raqama" in r.reason


@pytest.mark.parametrize(
    ("text", "governorate"),
    [("جامع الروضة", "Aleppo"), ("al-Rawda mosque", "Aleppo"), ("مسجد الأنصار", "Idleb")],
)
def test_the_name_a_mosque_is_given_is_no_village(text: str, governorate: str) -> None:
    # al-Rawda, a village 60 km east of Aleppo, is not the mosque's place
    r = geocode(text, governorate=governorate)
    assert r.precision == 3, r.reason
    assert "names no town" in r.reason or "is not a place the gazetteer lists" in r.reason


def test_a_mosque_named_after_its_town_or_in_a_town_is_there() -> None:
    assert geocode("جامع سراقب الكبير").id == "C3916"
    r = geocode("مسجد الرحمن بكفرنبل")
    assert (r.id, r.precision) == ("C4068", 2), r.reason


def test_a_name_spelled_in_the_contexts_governorate_under_another_source_stays_there() -> None:
    # "السودا" is Who's On First's As Sawda, 1 km from OCHA's Eastern Sweida (Hama); the
    # village spelled so in Tartous is not taken because the context names only Hama
    for context in ("ريف حماة الجنوبي", "Hama governorate"):
        r = geocode("السودا", context=context)
        assert (r.id, r.adm1_pcode) == ("C2984", "SY05"), r.reason
    assert geocode("السودا").id == "C5299"  # without a context: Tartous's, spelled so
    # a name the context's governorate only resembles is still taken where it is spelled
    r = geocode("Kafr Nabl", context="Aleppo")
    assert (r.id, r.precision) == ("C4068", 2), r.reason


@pytest.mark.parametrize(
    ("text", "expected", "said"),
    [
        # a village whose name begins with a landmark's word, by the place named next
        ("كنيسة نخلة، جسر الشغور", "C4222", "inside Jisr-Ash-Shugur"),
        ("Tal Dam, south of Maar Shamarin", "C4001", "south of Maar Shamarin"),
    ],
)
def test_a_landmark_that_is_a_village_by_the_place_is_the_village(
    text: str, expected: str, said: str
) -> None:
    r = geocode(text)
    assert (r.status, r.id) == ("matched", expected), r.reason
    assert said in r.reason
    # (a landmark of the town is still the town's: "the old church, Jisr al-Shughur")
    assert geocode("the old church, Jisr al-Shughur").id == "C4199"
