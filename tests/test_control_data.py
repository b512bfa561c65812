"""The shipped Wikipedia control marks, the dated control events and the marks' window.

Checked on the shipped files themselves (no ``../shared`` needed), except the rebuild test.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from syria_geo.vocabulary import CONTROLLERS

from .conftest import REPO

GAZ = REPO / "gazetteer"
SYRIA_BBOX = (35.5, 32.2, 42.5, 37.4)  # lon_min, lat_min, lon_max, lat_max, with a margin
KINDS = {
    "town",
    "hill",
    "base",
    "airport",
    "heliport",
    "port",
    "industry",
    "oil_gas",
    "dam",
    "crossing",
}
OUTLIER_CLASSES = {"source_typo_fixed", "namesake_elsewhere", "isolated"}
#: Columns the package and the docs rely on (the JSON file lists each file's full schema).
REQUIRED = {
    "control_marks_wikipedia.csv": "line_no lon lat mark controller sides kind label place_id place_km place_match",
    "control_marks_wikipedia_outliers.csv": "line_no label place_id place_km classification verified_in_source",
    "control_events.csv": "event_id date place_id lon lat controller_before controller_after mark_line_no "
    "mark_controller bound binding contradicts_window source_title source_url",
    "control_marks_wikipedia_ocha_isis.csv": "direction ocha_as_of place_id lon lat ocha_status mark_line_no "
    "mark_controller distance_km",
}


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(GAZ / name, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def meta() -> dict:
    return json.loads((GAZ / "control_marks_wikipedia.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def marks() -> pd.DataFrame:
    return _read("control_marks_wikipedia.csv")


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return _read("control_events.csv")


@pytest.fixture(scope="module")
def outliers() -> pd.DataFrame:
    return _read("control_marks_wikipedia_outliers.csv")


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return _read("places.csv").set_index("id")


def _haversine_km(lon1: object, lat1: object, lon2: object, lat2: object) -> np.ndarray:
    lo1, la1, lo2, la2 = (np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2))
    a = np.sin((la2 - la1) / 2) ** 2 + np.cos(la1) * np.cos(la2) * np.sin((lo2 - lo1) / 2) ** 2
    return np.asarray(2 * 6371.0088 * np.arcsin(np.sqrt(a)))


def _in_syria(lon: pd.Series, lat: pd.Series) -> pd.Series:
    x0, y0, x1, y1 = SYRIA_BBOX
    lon, lat = lon.astype(float), lat.astype(float)
    return lon.between(x0, x1) & lat.between(y0, y1)


# --------------------------------------------------------------------------------------
# the marks table


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_schemas(name: str, meta: dict) -> None:
    columns = list(_read(name).columns)
    assert columns == meta["columns"][name]
    assert set(REQUIRED[name].split()) <= set(columns)
    assert f"gazetteer/{name}" in meta["files"]


def test_marks_counts(marks: pd.DataFrame, meta: dict) -> None:
    counts = meta["counts"]
    assert len(marks) == counts["kept"]
    assert counts["kept"] + sum(counts["dropped"].values()) == counts["source_rows"]
    # every mark name of the source is read, and its count adds up
    assert sum(m["count"] for m in meta["marks"].values()) == counts["source_rows"]
    kept_names = {name for name, m in meta["marks"].items() if m["kept"]}
    assert set(marks["mark"]) == kept_names
    # each row's controller, sides and kind are its mark's reading (crossings excepted)
    reading = pd.DataFrame(meta["marks"]).T
    expect = reading.loc[marks["mark"]]
    assert (marks["controller"].to_numpy() == expect["controller"].to_numpy()).all()
    assert (marks["sides"].to_numpy() == expect["sides"].map("|".join).to_numpy()).all()
    not_crossing = (marks["kind"] != "crossing").to_numpy()
    assert (marks["kind"].to_numpy() == expect["kind"].to_numpy())[not_crossing].all()
    assert marks["line_no"].astype(int).is_unique
    assert marks["line_no"].astype(int).is_monotonic_increasing
    assert set(marks["kind"]) <= KINDS
    assert set(marks["place_match"]) == {"near", "outlier", "no_namesake"}
    # coordinates are written with 6 decimals
    assert marks["lon"].str.fullmatch(r"\d+\.\d{6}").all()
    assert marks["lat"].str.fullmatch(r"\d+\.\d{6}").all()


def test_every_controller_is_in_the_vocabulary(
    marks: pd.DataFrame, events: pd.DataFrame, meta: dict
) -> None:
    assert set(marks["controller"]) <= set(CONTROLLERS)
    for ctrl, sides in zip(marks["controller"], marks["sides"], strict=True):
        parts = sides.split("|")
        assert set(parts) <= set(CONTROLLERS) - {"joint", "unknown"}
        # a joint mark names two sides; any other mark names its own controller only
        assert (len(parts) == 2 and len(set(parts)) == 2) if ctrl == "joint" else parts == [ctrl]
    assert set(events["controller_before"]) | set(events["controller_after"]) <= set(CONTROLLERS)
    assert set(events["mark_controller"]) - {""} <= set(CONTROLLERS)
    for name, reading in meta["marks"].items():
        assert (reading["controller"] in CONTROLLERS) == reading["kept"], name
    assert set(meta["drawn_as"]) | set(meta["drawn_as"].values()) <= set(CONTROLLERS)


def test_decorations_are_not_observations(marks: pd.DataFrame, meta: dict) -> None:
    dropped = meta["counts"]["dropped"]
    assert not marks["mark"].str.startswith("m.pass_").any()
    assert not marks["mark"].isin(["Rif_Aleppo2.svg", "Syria location map road overlay.svg"]).any()
    # every border-post icon was dropped, and the mark drawn at its point is a crossing
    n_pass = sum(v for k, v in dropped.items() if k.startswith("m.pass_"))
    assert n_pass == (marks["kind"] == "crossing").sum() > 0


def test_no_point_outside_syria(
    marks: pd.DataFrame, events: pd.DataFrame, outliers: pd.DataFrame
) -> None:
    ocha = _read("control_marks_wikipedia_ocha_isis.csv")
    for name, df in (("marks", marks), ("events", events), ("outliers", outliers), ("ocha", ocha)):
        inside = _in_syria(df["lon"], df["lat"])
        assert inside.all(), f"{name}: {df.loc[~inside].head().to_dict('records')}"


def test_the_repaired_typo_keeps_the_source_value(marks: pd.DataFrame) -> None:
    fixed = marks[marks["note"].str.contains("decimal point restored")]
    assert len(fixed) >= 1
    for r in fixed.itertuples(index=False):
        # the source value is kept beside the repaired one, and was outside Syria
        assert not _in_syria(pd.Series([r.source_long]), pd.Series([r.source_lat])).iloc[0]
        assert r.place_match == "near"
    as_written = marks[~marks["note"].str.contains("decimal point restored")]
    assert np.allclose(as_written["lon"].astype(float), as_written["source_long"].astype(float))
    assert np.allclose(as_written["lat"].astype(float), as_written["source_lat"].astype(float))


def test_matched_places_exist_at_the_stated_distance(
    marks: pd.DataFrame, places: pd.DataFrame
) -> None:
    matched = marks[marks["place_id"] != ""]
    assert matched["place_id"].isin(places.index).all()
    ref = places.loc[matched["place_id"]]
    km = _haversine_km(matched["lon"], matched["lat"], ref["lon"], ref["lat"])
    assert np.allclose(km, matched["place_km"].astype(float), atol=0.002)
    assert ((km <= 10.0) == (matched["place_match"] == "near").to_numpy()).all()
    assert (marks.loc[marks["place_id"] == "", "place_match"] == "no_namesake").all()
    # most labels that name a gazetteer place lie near it: the transcription is sound
    assert (matched["place_match"] == "near").mean() > 0.85


# --------------------------------------------------------------------------------------
# outliers


def test_outliers_file_is_consistent(
    marks: pd.DataFrame, outliers: pd.DataFrame, meta: dict
) -> None:
    by_line = marks.set_index(marks["line_no"].astype(int))
    lines = outliers["line_no"].astype(int)
    assert lines.isin(by_line.index).all()
    fixed_lines = set(by_line.index[by_line["note"].str.contains("decimal point restored")])
    expected = set(by_line.index[by_line["place_match"] == "outlier"]) | fixed_lines
    assert set(lines) == expected
    assert set(outliers["classification"]) <= OUTLIER_CLASSES
    assert set(lines[outliers["classification"] == "source_typo_fixed"]) == fixed_lines
    verify = meta["verification"]
    far = outliers[outliers["classification"] != "source_typo_fixed"]
    assert (far["place_km"].astype(float) > verify["outlier_km"]).all()
    neighbour = np.fmin(
        pd.to_numeric(far["prev_entry_km"]).fillna(np.inf),
        pd.to_numeric(far["next_entry_km"]).fillna(np.inf),
    )
    similar = pd.to_numeric(far["similar_place_km"]).fillna(np.inf)
    explained = (neighbour <= verify["file_neighbour_km"]) | (similar <= 3.0)
    assert ((far["classification"] == "namesake_elsewhere") == explained).all()
    # verified_in_source says whether the line was on a page read again
    ranges = [(p["first_line"], p["last_line"]) for p in verify["pages_reread"]]
    on_page = lines.map(lambda n: any(a <= n <= b for a, b in ranges))
    assert (on_page == (outliers["verified_in_source"] == "True")).all()
    assert meta["counts"]["outliers"] == outliers["classification"].value_counts().to_dict()


# --------------------------------------------------------------------------------------
# events and the window


def _state(rows: pd.DataFrame, day: date) -> str:
    """The controller of a place on ``day`` from its chain of events (sorted by date)."""
    state = rows["controller_before"].iloc[0]
    for r in rows.itertuples(index=False):
        if date.fromisoformat(r.date) <= day:
            state = r.controller_after
    return str(state)


def test_events_are_documented_and_placed(events: pd.DataFrame, places: pd.DataFrame) -> None:
    source = pd.read_csv(
        REPO / "scripts" / "data" / "control_events.csv", dtype=str, keep_default_na=False
    )
    assert sorted(events["event_id"]) == sorted(source["event_id"])
    merged = events.merge(source, on="event_id", suffixes=("", "_in"))
    for col in ("date", "place_id", "controller_before", "controller_after", "source_url"):
        assert (merged[col] == merged[f"{col}_in"]).all(), col
    assert len(events) >= 25
    years = pd.to_datetime(events["date"]).dt.year.value_counts()
    assert {2016, 2017, 2018} <= set(years.index)
    assert events["adm1_en"].nunique() >= 8
    assert events["place_id"].isin(places.index).all()
    assert events["source_url"].str.startswith("http").all()
    assert (events["controller_before"] != events["controller_after"]).all()
    # each place's events form a chain: what one event leaves is what the next one changes
    for _, rows in events[events["mark_line_no"] != ""].groupby("mark_line_no"):
        rows = rows.sort_values("date")
        assert (
            rows["controller_after"].iloc[:-1].to_numpy()
            == rows["controller_before"].iloc[1:].to_numpy()
        ).all()
    # a mark was found within 10 km of the event's point
    found = events[events["mark_line_no"] != ""]
    assert (found["mark_km"].astype(float) <= 10.0).all()


def test_window_is_consistent_with_every_event(
    events: pd.DataFrame, marks: pd.DataFrame, meta: dict
) -> None:
    window = meta["window"]
    start = date.fromisoformat(window["valid_from"])
    end = date.fromisoformat(window["valid_to"])  # exclusive
    assert start < end
    drawn_as = meta["drawn_as"]
    mark_ctrl = marks.set_index("line_no")["controller"]
    contradicting = {e["event_id"] for e in window["contradicting_events"]}
    informative = 0
    for line, rows in events[events["mark_line_no"] != ""].groupby("mark_line_no"):
        rows = rows.sort_values(["date", "event_id"])
        shown = mark_ctrl[line]
        assert (rows["mark_controller"] == shown).all()
        states = [rows["controller_before"].iloc[0], *rows["controller_after"]]
        agree = [drawn_as.get(s, s) == shown for s in states]
        if not any(agree) or all(agree):
            assert not set(rows["event_id"]) & contradicting
            assert set(rows["event_id"]) <= set(window["uninformative_events"])
            continue
        informative += 1
        days = [start + timedelta(days=k) for k in range((end - start).days)]
        ok = all(drawn_as.get(_state(rows, d), _state(rows, d)) == shown for d in days)
        assert ok != bool(set(rows["event_id"]) & contradicting), rows["event_id"].tolist()
    assert informative == window["n_informative_places"]
    # the window cannot be widened: a binding event sits on each edge and the day beyond
    # it disagrees with that event's mark
    for side, edge in (("valid_from", start - timedelta(days=1)), ("valid_to", end)):
        binding = window["binding_events"][side]
        assert binding, side
        for ref in binding:
            row = events[events["event_id"] == ref["event_id"]].iloc[0]
            assert row["bound"] == side
            assert row["binding"] == "True"
            assert row["date"] == (window[side])
            rows = events[events["mark_line_no"] == row["mark_line_no"]].sort_values("date")
            outside = _state(rows, edge)
            assert drawn_as.get(outside, outside) != row["mark_controller"]
    # bounds point the right way
    for r in events.itertuples(index=False):
        day = date.fromisoformat(r.date)
        if r.bound == "valid_from":
            assert day <= start
        elif r.bound == "valid_to":
            assert day >= end


def test_metadata_for_the_layer(meta: dict) -> None:
    window = meta["window"]
    assert meta["licence"].startswith("CC BY-SA")
    assert meta["attribution"] == "Wikipedia contributors"
    assert window["valid_from"] in meta["basis"]
    assert window["valid_to"] in meta["basis"]
    assert meta["caveat"]
    assert len(meta["source"]["mirror_commits"]) == 2
    assert all(len(c) == 40 for c in meta["source"]["mirror_commits"])
    assert len(meta["verification"]["pages_reread"]) >= 8


# --------------------------------------------------------------------------------------
# OCHA cross-check


def test_ocha_crosscheck_lists_every_disagreement(meta: dict, marks: pd.DataFrame) -> None:
    table = _read("control_marks_wikipedia_ocha_isis.csv")
    figures = meta["ocha_crosscheck"]
    a, b = figures["ocha_isis_vs_wikipedia"], figures["wikipedia_isis_vs_ocha"]
    direction = table["direction"].str[0]
    assert (direction == "A").sum() == a["disagree"] + a["nothing_within"]
    assert (direction == "B").sum() == b["disagree"]
    ocha = _read("control_observations_ocha.csv")
    snap = ocha[(ocha["as_of"] == figures["ocha_as_of"]) & (ocha["lon"] != "")]
    assert a["isis_places"] == (snap["controller"] == "isis").sum()
    assert b["isis_places"] == (marks["controller"] == "isis").sum()
    for side in (a, b):
        assert side["agree"] + side["disagree"] + side["nothing_within"] == side["isis_places"]
        assert side["agreement"] == round(side["agree"] / (side["agree"] + side["disagree"]), 3)
    # in direction B the Wikipedia mark is ISIS and OCHA's status is not ISIL
    rows_b = table[direction == "B"]
    assert (rows_b["mark_controller"] == "isis").all()
    assert (rows_b["ocha_status"] != "HTR (ISIL)").all()
    rows_a = table[direction == "A"]
    assert (rows_a["ocha_status"] == "HTR (ISIL)").all()
    assert (table["distance_km"].astype(float)[direction == "B"] <= figures["within_km"]).all()


# --------------------------------------------------------------------------------------
# provenance


def test_manifest_hashes_match_the_files(meta: dict) -> None:
    manifest = json.loads((GAZ / "manifest.json").read_text("utf-8"))
    for name in (*meta["files"], "gazetteer/control_marks_wikipedia.json"):
        digest = hashlib.sha256((REPO / name).read_bytes()).hexdigest()
        assert manifest["outputs"][name] == digest, name
    events_input = "scripts/data/control_events.csv"
    digest = hashlib.sha256((REPO / events_input).read_bytes()).hexdigest()
    assert manifest["repository_inputs"][events_input] == digest
    for name in (
        "control/wikipedia_detailed_map_marks.csv",
        "control/wikipedia_detailed_map_mark_types.csv",
        "control/wikipedia_detailed_map_marks_commented_out.csv",
    ):
        assert len(manifest["inputs"][name]) == 64
    counts = manifest["counts"]
    assert counts["control_marks_wikipedia"] == meta["counts"]["kept"]
    assert counts["control_events"] == len(_read("control_events.csv"))


def test_notice_attributes_wikipedia() -> None:
    notice = (REPO / "NOTICE").read_text("utf-8")
    assert "Wikipedia contributors" in notice
    assert "CC BY-SA" in notice
    assert "control_marks_wikipedia" in notice


def test_control_files_are_what_the_build_script_makes(shared_data: Path, tmp_path: Path) -> None:
    for folder in ("gazetteer", "boundaries"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    for name in (
        *json.loads((GAZ / "control_marks_wikipedia.json").read_text("utf-8"))["files"],
        "gazetteer/control_marks_wikipedia.json",
        "gazetteer/manifest.json",
    ):
        (tmp_path / name).unlink()
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "build_control_data.py"),
            "--source",
            str(shared_data),
            "--output",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for path in sorted((REPO / "gazetteer").iterdir()):
        assert (tmp_path / "gazetteer" / path.name).read_bytes() == path.read_bytes(), path.name
