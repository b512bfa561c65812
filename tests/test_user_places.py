"""User places: a documentation group's own quarters and landmarks, found like shipped entries."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from syria_geo.errors import InputFormatError, SyriaGeoWarning
from syria_geo.gazetteer import extra_places, load_gazetteer
from syria_geo.geocoding import geocode, geocode_frame

PLACES = """name,name_ar,lon,lat,kind,parent
Harat al-Qaysariya,حارة القيسرية,37.1552,36.2131,neighbourhood,C1007
Jisr al-Shaar,,37.1712,36.2040,bridge,C1007
Saha al-Saa al-Jadida,ساحة الساعة الجديدة,36.7207,34.7309,square,
Mazraat Bayt Qashtaz,,37.301,36.512,farm,
"""
BAD_ROWS = """Somewhere,,abc,36.2,neighbourhood,
,,37.1,36.2,landmark,
Nowhere,,30.0,30.0,village,
Mystery,,37.1,36.2,spaceport,
Orphan,,37.1,36.2,neighbourhood,C9999
"""


@pytest.fixture
def places_csv(tmp_path: Path) -> Path:
    path = tmp_path / "our_places.csv"
    path.write_text(PLACES + BAD_ROWS, encoding="utf-8")
    return path


def _load(path: Path) -> pd.DataFrame:
    with pytest.warns(SyriaGeoWarning, match="5 row\\(s\\) of the user places"):
        return load_gazetteer(extra=path)


def test_an_added_quarter_is_found_inside_its_city(places_csv: Path) -> None:
    gaz = _load(places_csv)
    for text in (
        "the Harat al-Qaysariya neighbourhood of Aleppo",
        "Harat al-Qaysariya, Aleppo city",
        "حارة القيسرية في حلب",
    ):
        r = geocode(text, gazetteer=gaz)
        assert (r.status, r.id, r.level, r.precision) == ("matched", "U000001", "neighbourhood", 1)
        assert r.source == "user:our_places.csv"
        assert r.adm3_pcode == "SY020000"
    # the shipped gazetteer does not know it
    assert geocode("the Harat al-Qaysariya neighbourhood of Aleppo").id != "U000001"


def test_a_user_place_is_a_spelling_either_index_may_have(places_csv: Path) -> None:
    from syria_geo.geocoding.tables import tables_for

    index = tables_for(_load(places_csv)).index
    assert index.may_spell("Harat al-Qaysariya")  # the user's
    assert index.may_spell("Kafr Nabl")  # the shipped gazetteer's
    assert not index.may_spell("Harat al-Qaysariya Street")
    assert index.may_spell("Harat al-Qaysariya", levels=("neighbourhood",))
    assert not index.may_spell("Harat al-Qaysariya", levels=("adm2", "adm3"))
    assert index.may_spell("Kafr Nabl", levels=("adm3",))
    # a dashed pair of the user's place and its city is read as a chain, not one name
    r = geocode("Harat al-Qaysariya - Aleppo", gazetteer=_load(places_csv))
    assert (r.status, r.id) == ("matched", "U000001"), r.reason


def test_user_landmarks_rank_like_shipped_entries(places_csv: Path) -> None:
    gaz = _load(places_csv)
    texts = [
        "a shop near Saha al-Saa al-Jadida in Homs", "Jisr al-Shaar", "Douma", "Mazraat Bayt Qashtaz",
    ]  # fmt: skip
    out = geocode_frame(pd.DataFrame({"place": texts}), "place", gazetteer=gaz)
    assert out["geo_id"].tolist() == ["U000003", "U000002", "C2338", "U000004"]
    assert out["geo_source"].tolist()[:3] == [
        "user:our_places.csv",
        "user:our_places.csv",
        "gazetteer",
    ]
    assert "our_places.csv" in out["geo_reason"].iloc[0]


def test_bad_rows_are_left_out_and_named(places_csv: Path) -> None:
    gaz = _load(places_csv)
    problems = gaz.attrs["extra_places"]["problems"]
    assert [p.split(":")[0] for p in problems] == ["row 5", "row 6", "row 7", "row 8", "row 9"]
    assert "lon 'abc' is not a number" in problems[0]
    assert "name is empty" in problems[1]
    assert "outside Syria" in problems[2]
    assert "kind 'spaceport' is unknown" in problems[3]
    assert "parent 'C9999' is not a gazetteer id" in problems[4]
    assert gaz.attrs["extra_places"]["count"] == 4
    assert (gaz["source"] == "user:our_places.csv").sum() == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,lon,lat\nX,37,36\n", "lacks column\\(s\\) kind"),
        ("name,lon,lat,kind,colour\nX,37,36,village,red\n", "unknown column\\(s\\) colour"),
        ("name,lon,lat,kind\nX,abc,36,village\n", "no usable place: row 1: lon 'abc'"),
    ],
)
def test_a_table_that_cannot_be_used_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFormatError, match=message):
        load_gazetteer(extra=path)


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "name,lon,lat,kind\nTall al-Zawiya al-Gharbi,37.5,36.3,hill\n", encoding="utf-8"
    )
    first = extra_places(path)
    path.write_text(
        "name,lon,lat,kind\nTall al-Zawiya al-Sharqi,37.6,36.3,hill\n", encoding="utf-8"
    )
    second = extra_places(path)
    assert first.entries["name_en"].tolist() != second.entries["name_en"].tolist()
    assert first.digest != second.digest


def test_a_frame_of_places_works_too() -> None:
    frame = pd.DataFrame({"name": ["Souq al-Hal al-Qadim"], "lon": [36.749], "lat": [35.131],
                          "kind": ["market"]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gaz = load_gazetteer(extra=frame)
    r = geocode("the Souq al-Hal al-Qadim in Hama", gazetteer=gaz)
    assert (r.id, r.source, r.precision) == ("U000001", "user:table", 1)


@pytest.mark.parametrize(
    "text", ["Souq al-Hal, Hama", "a pharmacy near Souq al-Hal in Hama", "سوق الهال في حماة"]
)
def test_a_quarter_named_after_a_landmark_is_the_quarter(text: str) -> None:
    # "Souq" (a market) makes the name read as a landmark; the group added it as a quarter
    # of Hama, and that is where it is (the shipped gazetteer stops at the city)
    frame = pd.DataFrame({"name": ["Souq al-Hal"], "name_ar": ["سوق الهال"], "lon": [36.7561],
                          "lat": [35.1352], "kind": ["quarter"], "parent": ["C2987"]})  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        gaz = load_gazetteer(extra=frame)
    r = geocode(text, gazetteer=gaz)
    assert (r.status, r.id, r.level, r.precision) == ("matched", "U000001", "neighbourhood", 1)
    assert "a quarter, from table" in r.reason, r.reason
    assert geocode(text).id != "U000001"


def test_cli_extra_places(run_cli, places_csv: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("geocode", "Harat al-Qaysariya, Aleppo city", "--extra-places", str(places_csv))
    assert proc.returncode == 0, proc.stderr
    lines = dict((line + "\t").split("\t")[:2] for line in proc.stdout.splitlines() if line)
    assert (lines["geo_id"], lines["geo_source"]) == ("U000001", "user:our_places.csv")
    assert "row 7: the point (30, 30) is outside Syria" in proc.stderr
    src = tmp_path / "in.csv"
    pd.DataFrame({"where": ["Jisr al-Shaar", "al-Joura"], "doc": ["", "Deir ez-Zor city"]}).to_csv(
        src, index=False
    )
    out = tmp_path / "out.csv"
    proc = run_cli("geocode", "--input", str(src), "--column", "where", "--output", str(out),
                   "--extra-places", str(places_csv), "--context-column", "doc")  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["geo_id"].tolist() == ["U000002", "N0413"]
    proc = run_cli("geocode", "Douma", "--extra-places", str(tmp_path / "missing.csv"))
    assert proc.returncode == 2
    assert "not found" in proc.stderr
    assert "Traceback" not in proc.stderr


# --------------------------------------------------------------------------------------
# a larger generated table: bad rows named, good rows kept; the caches keyed by the file

QUARTER_WORDS = ("Harat", "Hay", "Souq", "Jami", "Duwar", "Tall", "Mashfa", "Furn")
QUARTER_KINDS = ("neighbourhood", "quarter", "market", "mosque", "roundabout", "hill",
                 "hospital", "bakery")  # fmt: skip
NAME_PARTS = ("al-Hamdan", "Bani Zaid", "al-Tawahin", "Abu Salih", "al-Sawaqi", "al-Mudarris",
              "Bayt Jabr", "al-Qanawat", "Umm Sharif", "al-Khandaq")  # fmt: skip


def _generated_places(n: int, seed: int) -> pd.DataFrame:
    """``n`` seeded places a few hundred metres from communities well inside Syria."""
    import numpy as np
    import shapely

    import syria_geo as sg

    rng = np.random.default_rng(seed)
    inner = shapely.buffer(sg.load_boundaries("adm0").geometry.union_all(), -0.02)
    comm = sg.load_gazetteer(levels=["community"])
    comm = comm[shapely.contains_xy(inner, comm["lon"], comm["lat"])].reset_index(drop=True)
    home = rng.integers(len(comm), size=n)
    word = rng.integers(len(QUARTER_WORDS), size=n)
    part = rng.integers(len(NAME_PARTS), size=n)
    return pd.DataFrame({
        "id": [f"Q{i:05d}" for i in range(n)],
        "name": [f"{QUARTER_WORDS[w]} {NAME_PARTS[p]} {comm['name_en'].iat[h]}"
                 for w, p, h in zip(word, part, home, strict=True)],
        "lon": (comm["lon"].to_numpy()[home] + rng.uniform(-0.003, 0.003, n)).round(6).astype(str),
        "lat": (comm["lat"].to_numpy()[home] + rng.uniform(-0.003, 0.003, n)).round(6).astype(str),
        "kind": [QUARTER_KINDS[w] for w in word],
        "parent": [comm["id"].iat[h] if w < 2 else "" for w, h in zip(word, home, strict=True)],
    })  # fmt: skip


#: row number (1 = first data row) -> (column, bad value, what the message must say)
BAD_CELLS = {
    17: ("lon", "36,51", "lon '36,51' is not a number"),
    240: ("lat", "95.2", "lat '95.2' is out of range"),
    611: ("lon", "35.50", "is outside Syria"),  # with its lat below: Beirut
    902: ("name", "", "the name is empty"),
    1333: ("kind", "spaceport", "kind 'spaceport' is unknown"),
    1777: ("id", "Q00005", "id 'Q00005' is already used"),
    1998: ("parent", "C99999", "parent 'C99999' is not a gazetteer id"),
}


def test_a_large_table_names_every_bad_row_and_keeps_the_rest(tmp_path: Path) -> None:
    table = _generated_places(2000, seed=9)
    for row, (column, value, _) in BAD_CELLS.items():
        table.loc[row - 1, column] = value
    table.loc[610, "lat"] = "33.89"
    path = tmp_path / "district_places.csv"
    table.to_csv(path, index=False)
    places = extra_places(path)
    assert [int(p.split(":")[0].removeprefix("row ")) for p in places.problems] == list(BAD_CELLS)
    for problem, (_, _, message) in zip(places.problems, BAD_CELLS.values(), strict=True):
        assert message in problem
    good = table.drop(index=[row - 1 for row in BAD_CELLS])
    # nothing lost silently: every other row is an entry, in the table's order
    assert places.entries["id"].tolist() == good["id"].tolist()
    assert places.entries["name_en"].tolist() == good["name"].tolist()
    assert places.entries["lon"].tolist() == good["lon"].astype(float).tolist()
    assert places.entries["adm3_pcode"].str.startswith("SY").all()
    quarters = good["kind"].isin(["neighbourhood", "quarter"]).to_numpy()
    assert (places.entries.loc[quarters, "level"] == "neighbourhood").all()
    assert (
        places.entries.loc[quarters, "parent_id"] == good.loc[quarters, "parent"].to_numpy()
    ).all()
    assert (places.entries.loc[~quarters, "level"] == "landmark").all()


def _cache_files(kinds: tuple[str, ...]) -> dict[str, int]:
    """The cache files of these kinds in the package's cache folder: name -> mtime (ns)."""
    from syria_geo.core import cache_dir

    folder = cache_dir()
    assert folder is not None, "the tests run with a cache folder"
    return {p.name: p.stat().st_mtime_ns for kind in kinds for p in folder.glob(f"{kind}-*")}


def test_the_caches_are_keyed_by_the_file_content(tmp_path: Path) -> None:
    kinds = ("extra_places", "name_index_frame")
    table = _generated_places(300, seed=31)
    table.loc[0, "name"] = "Harat Bayt al-Zaytuna al-Ulya"
    path = tmp_path / "keyed.csv"
    table.to_csv(path, index=False)

    def geocoded(text: str) -> str:
        return geocode(text, gazetteer=load_gazetteer(extra=path)).id

    before = _cache_files(kinds)
    assert geocoded("Harat Bayt al-Zaytuna al-Ulya") == "Q00000"
    first = _cache_files(kinds)
    added = sorted(set(first) - set(before))
    assert [name.split("-")[0] for name in added] == sorted(kinds)  # one file of each, built
    # the same content written again (a new modification time): the files are read, not rebuilt
    path.write_bytes(path.read_bytes())
    assert geocoded("Harat Bayt al-Zaytuna al-Ulya") == "Q00000"
    assert _cache_files(kinds) == first
    # one row changed: both are built again, and the answer follows the file
    table.loc[0, "name"] = "Harat Bayt al-Zaytuna al-Sufla"
    table.to_csv(path, index=False)
    assert geocoded("Harat Bayt al-Zaytuna al-Sufla") == "Q00000"
    rebuilt = _cache_files(kinds)
    assert [name.split("-")[0] for name in sorted(set(rebuilt) - set(first))] == sorted(kinds)
    assert all(rebuilt[name] == first[name] for name in added if name in rebuilt)


def _queries(table: pd.DataFrame, shipped: pd.DataFrame) -> list[str]:
    """Texts a user would geocode: the places' names, misspelt and shortened, and shipped names."""
    names = table["name"].tolist()
    return [
        *names[:60],
        *(n.replace("a", "e", 1) for n in names[60:90]),  # a vowel written otherwise
        *(" ".join(n.split()[:2]) for n in names[90:120]),  # without the town: namesakes
        *(f"{n}, {t}" for n, t in zip(names[120:140], shipped["name_en"], strict=False)),
        *shipped["name_en"].tolist(),
        *shipped["name_ar"].tolist(),
    ]


def test_answers_are_the_same_after_a_cache_round_trip(tmp_path: Path) -> None:
    # the first run builds the entries and the name index of the file and stores them; a
    # later run reads them back: every output column of every row must come out the same
    kinds = ("extra_places", "name_index_frame")
    table = _generated_places(400, seed=47)
    path = tmp_path / "round_trip.csv"
    table.to_csv(path, index=False)
    shipped = load_gazetteer(levels=["community", "neighbourhood"]).sample(40, random_state=47)
    texts = pd.DataFrame({"place": _queries(table, shipped)})
    before = _cache_files(kinds)
    built = geocode_frame(texts, "place", gazetteer=load_gazetteer(extra=path))
    first = _cache_files(kinds)
    assert [name.split("-")[0] for name in sorted(set(first) - set(before))] == sorted(kinds)
    loaded = geocode_frame(texts, "place", gazetteer=load_gazetteer(extra=path))
    assert _cache_files(kinds) == first  # read back, not built again
    pd.testing.assert_frame_equal(loaded, built)
    assert (built["geo_source"] == "user:round_trip.csv").sum() >= 60


def test_user_places_leave_the_answers_for_shipped_places_alone(tmp_path: Path) -> None:
    # the shipped index is searched as it is, beside the index of the user places: a shipped
    # place whose candidates include no user place gets the answer it gets without the file
    table = _generated_places(8000, seed=53)
    path = tmp_path / "many_places.csv"
    table.to_csv(path, index=False)
    shipped = load_gazetteer(levels=["community", "locality"]).sample(150, random_state=53)
    texts = pd.DataFrame({"place": [*shipped["name_en"], *shipped["name_ar"]]})
    alone = geocode_frame(texts, "place")
    beside = geocode_frame(texts, "place", gazetteer=load_gazetteer(extra=path))
    untouched = ~beside["geo_candidates"].str.contains('"Q0', regex=False)
    assert untouched.sum() > 250
    columns = ["geo_status", "geo_id", "geo_precision", "geo_score", "geo_candidates"]
    differs = (alone[columns] != beside[columns]).any(axis=1) & untouched
    assert texts.loc[differs, "place"].tolist() == []


def test_parents_and_ids_are_checked_against_the_gazetteer_ids() -> None:
    from syria_geo.gazetteer.extra import _is_in, _text_array

    known = _text_array(pd.Series(["C1007", "C1", "N0080"], dtype="str"))
    values = pd.Series(["C1007", "", "C10", "n0080", "N0080", "C1"], index=range(5, 11))
    got = _is_in(values, known)
    assert got.tolist() == values.isin(["C1007", "C1", "N0080"]).tolist()
    assert got.index.equals(values.index)
    assert got.dtype == bool
    table = pd.DataFrame({
        "name": ["Harat al-Omari", "Souq al-Hal", "Jami al-Nour"], "lon": [37.16, 37.16, 37.17],
        "lat": [36.2, 36.21, 36.2], "kind": ["quarter", "market", "mosque"],
        "parent": ["C1007", "C99999", ""], "id": ["C1007", "P2", "P3"],
    })  # fmt: skip
    problems = extra_places(table).problems
    assert [p.split(":")[0] for p in problems] == ["row 1", "row 2"]
    assert "id 'C1007' is already used" in problems[0]
    assert "parent 'C99999' is not a gazetteer id" in problems[1]


def test_the_digest_of_the_user_rows_comes_from_the_file_cache(tmp_path: Path) -> None:
    # gazetteer_table() hands the geocoder the digest of the user rows kept in the file's
    # cache: the one computed from the rows themselves, built and read back alike
    from syria_geo.gazetteer import gazetteer_table, read_gazetteer
    from syria_geo.gazetteer.index import frame_digest, known_digest

    table = _generated_places(300, seed=61)
    path = tmp_path / "digest.csv"
    table.to_csv(path, index=False)
    n = len(read_gazetteer())
    for _ in range(2):  # built, then read back from the cache
        frame = gazetteer_table(path)
        rows = pd.DataFrame(frame).reset_index(drop=True).iloc[n:].reset_index(drop=True)
        assert known_digest(frame) == frame_digest(rows)
    # a copy, or the frame changed in its ids or points, is not known: its digest is computed
    assert known_digest(frame.copy()) is None
    frame.loc[n, "lon"] = float(frame.loc[n, "lon"]) + 0.001
    assert known_digest(frame) is None


def test_a_frame_changed_in_place_never_fills_the_cache_of_its_file(tmp_path: Path) -> None:
    # a name changed in place keeps the frame's quick fingerprint: the digest taken from the
    # file's cache is checked before anything is built and stored under it
    from syria_geo.gazetteer import gazetteer_table

    table = _generated_places(200, seed=67)
    table.loc[0, "name"] = "Harat Bayt al-Zaytuna al-Ulya"
    path = tmp_path / "changed.csv"
    table.to_csv(path, index=False)
    frame = gazetteer_table(path)  # the entries cached, no name index built yet
    row = frame.index[frame["id"] == "Q00000"][0]
    frame.loc[row, "name_en"] = "Harat Bayt al-Zaytuna al-Wusta"
    before = _cache_files(("name_index_frame", "geocoder_extra"))
    with pytest.raises(InputFormatError, match="changed after it was made"):
        geocode("Harat Bayt al-Zaytuna al-Wusta", gazetteer=frame)
    assert _cache_files(("name_index_frame", "geocoder_extra")) == before
    # a new frame of the file finds its own places
    assert geocode(table.loc[0, "name"], gazetteer=gazetteer_table(path)).id == "Q00000"
