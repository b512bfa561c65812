"""Incident extraction from the four seed SNHR reports and from synthetic edge cases.

The expected values in ``tests/expected/<report>.csv`` and the summary numbers below were
read from the seed reports by hand (facts only: dates, places, numbers, parties).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest

from syria_geo.errors import DataFileError, ReportParseError, SyriaGeoError
from syria_geo.reports.reader import COLUMNS, incidents_from_pdf, incidents_from_text, reconcile
from tests.conftest import iso_days

EXPECTED = Path(__file__).parent / "expected"
REPORTS = (
    "snhr-2016-09-massacres",
    "snhr-2017-09-massacres",
    "snhr-2020-05-civilian-deaths",
    "snhr-2021-02-civilian-deaths",
)

# Massacre counts as printed in each report's own summary (read by hand).
PRINTED_BY_PERPETRATOR = {
    "snhr-2016-09-massacres": {
        "syrian_regime": 26,
        "russia": 20,
        "isis": 2,
        "armed_opposition": 1,
    },
    "snhr-2017-09-massacres": {
        "syrian_regime": 18,
        "russia": 14,
        "isis": 1,
        "international_coalition": 10,
    },
    "snhr-2020-05-civilian-deaths": {"other_parties": 1},
    "snhr-2021-02-civilian-deaths": {"other_parties": 3},
}
PRINTED_BY_GOVERNORATE = {
    "snhr-2016-09-massacres": {
        "Aleppo": 24,
        "Idlib": 8,
        "Deir ez-Zor": 7,
        "Rural Damascus": 5,
        "Hama": 3,
        "Daraa": 1,
        "Raqqa": 1,
    },
    "snhr-2017-09-massacres": {
        "Deir ez-Zor": 24,
        "Raqqa": 6,
        "Idlib": 6,
        "Hama": 2,
        "Rural Damascus": 2,
        "Aleppo": 1,
        "Homs": 1,
        "Hasakah": 1,
    },
    "snhr-2020-05-civilian-deaths": {"Aleppo": 1},
    "snhr-2021-02-civilian-deaths": {},  # the report prints no governorate breakdown
}
PRINTED_REGIME_BY_CONTROL = {
    "snhr-2016-09-massacres": {"armed_opposition": 17, "joint": 3, "isis": 6},
    "snhr-2017-09-massacres": {
        "armed_opposition": 5,
        "syrian_regime": 1,
        "joint": 1,
        "hts": 1,
        "isis": 10,
    },
}
PRINTED_TOTAL = {
    "snhr-2016-09-massacres": 49,
    "snhr-2017-09-massacres": 43,
    "snhr-2020-05-civilian-deaths": 1,
    "snhr-2021-02-civilian-deaths": 3,
}
# Reports whose massacre section lists fewer massacres than their summary counts.
LISTED_MASSACRES = {"snhr-2021-02-civilian-deaths": 2}


@pytest.fixture(scope="module")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    return {name: (seeds_dir / f"{name}.txt").read_text(encoding="utf-8") for name in REPORTS}


@pytest.fixture(scope="module")
def extracted(seed_texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    return {name: incidents_from_text(text, report_id=name) for name, text in seed_texts.items()}


def _as_strings(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Render a frame the way the expected CSVs are written, to compare value by value."""
    return pd.read_csv(
        io.StringIO(frame[columns].to_csv(index=False)), dtype=str, keep_default_na=False
    )


def _expected(name: str) -> pd.DataFrame:
    return pd.read_csv(EXPECTED / f"{name}.csv", dtype=str, keep_default_na=False)


# --- per-incident pins ------------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_every_incident_matches_pinned_values(
    name: str, extracted: dict[str, pd.DataFrame]
) -> None:
    expected = _expected(name)
    actual = _as_strings(extracted[name], list(expected.columns))
    assert len(actual) == len(expected)
    for column in expected.columns:
        mismatched = actual.index[actual[column] != expected[column]].tolist()
        assert not mismatched, (
            f"{name}: column {column} differs at rows {mismatched}: "
            f"{actual.loc[mismatched, column].tolist()} != {expected.loc[mismatched, column].tolist()}"
        )


@pytest.mark.parametrize("name", REPORTS)
def test_columns_types_and_report_id(name: str, extracted: dict[str, pd.DataFrame]) -> None:
    frame = extracted[name]
    assert tuple(frame.columns) == COLUMNS
    assert (frame["report_id"] == name).all()
    assert frame["seq"].tolist() == list(range(1, len(frame) + 1))
    for column in ("killed", "children", "women", "wounded", "span_start", "span_end"):
        assert str(frame[column].dtype) == "Int64"
    assert frame["same_family"].dtype == "boolean"  # as every other incidents source
    assert (frame["children"] <= frame["killed"]).all()
    assert ((frame["children"] + frame["women"]) <= frame["killed"]).all()
    assert set(frame["kind"]) <= {"massacre", "other"}


@pytest.mark.parametrize("name", REPORTS)
def test_spans_point_at_the_incident_paragraph_in_the_original_text(
    name: str, seed_texts: dict[str, str], extracted: dict[str, pd.DataFrame]
) -> None:
    text = seed_texts[name]
    frame = extracted[name]
    for row in frame.itertuples():
        passage = text[row.span_start : row.span_end]
        month, day = row.date.month, row.date.day
        month_name = pd.Timestamp(year=2000, month=month, day=1).month_name()
        # the paragraph starts with (or, in "notable killings" lists, contains) its date
        assert re.search(rf"\b{month_name}\b", passage), (name, row.seq)
        assert re.search(rf"\b{day}\b", passage), (name, row.seq)
        # every place word written in place_text appears in the original passage
        flattened = re.sub(r"\s+", " ", re.sub(r"-[ \t]*\n\s*", "", passage))
        for word in re.findall(r"[A-Z][\w'’]+", row.place_text or ""):
            assert word in flattened or word in passage, (name, row.seq, word)


def test_span_keeps_markdown_link_in_the_original(
    seed_texts: dict[str, str], extracted: dict[str, pd.DataFrame]
) -> None:
    frame = extracted["snhr-2017-09-massacres"]
    row = frame[frame["place_text"].str.startswith("Armanaz town")].iloc[0]
    original = seed_texts["snhr-2017-09-massacres"][row["span_start"] : row["span_end"]]
    assert "[Armanaz](#)" in original
    assert row["killed"] == 39


def test_hyphenated_and_page_broken_paragraph_2016(extracted: dict[str, pd.DataFrame]) -> None:
    # Jarjanaz, 29 September 2016: the paragraph is cut by a page footer and a URL list
    frame = extracted["snhr-2016-09-massacres"]
    row = frame[frame["place_text"].str.startswith("Jarjanaz", na=False)].iloc[0]
    assert row["control_text"] == "joint"
    assert row["control_raw"] == "armed opposition factions and Fateh Al Sham Front"
    assert (row["killed"], row["children"], row["women"]) == (5, 3, 2)


def test_joint_attribution_keeps_the_paragraph_party(extracted: dict[str, pd.DataFrame]) -> None:
    frame = extracted["snhr-2016-09-massacres"]
    raqqa = frame[frame["section_governorate"] == "Raqqa"].iloc[0]
    assert raqqa["perpetrator"] == "syrian_regime/international_coalition"
    assert raqqa["perpetrator_section"] == "syrian_regime"


def test_second_massacre_in_one_paragraph_is_its_own_row(
    extracted: dict[str, pd.DataFrame],
) -> None:
    frame = extracted["snhr-2017-09-massacres"]
    bus = frame[(frame["date"] == "2017-09-29") & (frame["perpetrator"] == "russia")]
    same_place = bus[bus["place_text"].str.startswith("al Boulayl village")]
    assert len(same_place) == 2
    assert same_place["span_start"].nunique() == 1
    assert same_place[["killed", "children", "women"]].values.tolist() == [[10, 0, 3], [10, 1, 1]]
    assert "second massacre" in same_place.iloc[1]["notes"]


def test_incident_date_is_the_incidents_own_date(extracted: dict[str, pd.DataFrame]) -> None:
    frame = extracted["snhr-2017-09-massacres"]
    assert frame["date"].dtype == "datetime64[s]"
    august = frame[frame["date"].dt.strftime("%Y-%m").eq("2017-08")]
    assert sorted(iso_days(august["date"])) == ["2017-08-02", "2017-08-04"]
    later = extracted["snhr-2020-05-civilian-deaths"]
    assert iso_days(later["date"]) == ["2020-04-28"]


def test_text_and_section_governorates_can_disagree(extracted: dict[str, pd.DataFrame]) -> None:
    frame = extracted["snhr-2017-09-massacres"]
    differ = frame[frame["text_governorate"] != frame["section_governorate"]]
    assert differ[["section_governorate", "text_governorate"]].values.tolist() == [
        ["Deir ez-Zor", "Idlib"],
        ["Deir ez-Zor", "Idlib"],
        ["Aleppo", "Idlib"],
    ]
    assert all("differs from section governorate" in n for n in differ["notes"])


def test_testimony_and_captions_are_not_incidents(extracted: dict[str, pd.DataFrame]) -> None:
    frame = extracted["snhr-2017-09-massacres"]
    assert (frame["section_governorate"] == "Homs").sum() == 1
    assert frame["killed"].min() >= 5


def test_year_is_inferred_and_weekday_errors_are_noted(extracted: dict[str, pd.DataFrame]) -> None:
    frame = extracted["snhr-2021-02-civilian-deaths"]
    inferred = frame[frame["notes"].str.contains("year inferred")]
    assert len(inferred) == 7
    assert all(d.startswith("2021-02") for d in iso_days(inferred["date"]))
    izaz = frame[frame["date"] == pd.Timestamp("2021-01-31")].iloc[0]
    assert "weekday Saturday does not match 2021-01-31 (Sunday)" in izaz["notes"]


def test_discovery_of_remains_is_skipped_with_a_reason(
    extracted: dict[str, pd.DataFrame], seed_texts: dict[str, str]
) -> None:
    skipped = extracted["snhr-2021-02-civilian-deaths"].attrs["skipped"]
    assert [s["reason"] for s in skipped] == [
        "reports the discovery of remains, not a dated killing"
    ] * 2
    text = seed_texts["snhr-2021-02-civilian-deaths"]
    assert "mass grave" in text[skipped[0]["span_start"] : skipped[0]["span_end"]]


# --- counts against the printed summary ----------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
def test_massacre_counts_by_perpetrator_equal_printed_summary(
    name: str, extracted: dict[str, pd.DataFrame], seed_texts: dict[str, str]
) -> None:
    massacres = extracted[name][extracted[name]["kind"] == "massacre"]
    counts = massacres["perpetrator_section"].value_counts().to_dict()
    printed = PRINTED_BY_PERPETRATOR[name]
    parsed = {
        f.key: f.value
        for f in reconcile(seed_texts[name]).facts
        if f.table == "massacres_by_perpetrator"
    }
    assert parsed == printed
    if name in LISTED_MASSACRES:
        # the report counts more massacres than it describes: pinned as a difference
        assert sum(counts.values()) == LISTED_MASSACRES[name]
        assert sum(printed.values()) - sum(counts.values()) == 1
    else:
        assert counts == printed


@pytest.mark.parametrize("name", REPORTS)
def test_massacre_counts_by_governorate_equal_printed_summary(
    name: str, extracted: dict[str, pd.DataFrame], seed_texts: dict[str, str]
) -> None:
    massacres = extracted[name][extracted[name]["kind"] == "massacre"]
    parsed = {
        f.key: f.value
        for f in reconcile(seed_texts[name]).facts
        if f.table == "massacres_by_governorate"
    }
    assert parsed == PRINTED_BY_GOVERNORATE[name]
    if PRINTED_BY_GOVERNORATE[name]:
        # the heading's governorate, else (no headings) the governorate the text names
        governorate = massacres["section_governorate"].fillna(massacres["text_governorate"])
        assert governorate.value_counts().to_dict() == parsed


@pytest.mark.parametrize("name", sorted(PRINTED_REGIME_BY_CONTROL))
def test_regime_massacres_by_area_of_control_equal_printed_summary(
    name: str, extracted: dict[str, pd.DataFrame], seed_texts: dict[str, str]
) -> None:
    frame = extracted[name]
    regime = frame[
        (frame["kind"] == "massacre") & (frame["perpetrator_section"] == "syrian_regime")
    ]
    assert regime["control_text"].value_counts().to_dict() == PRINTED_REGIME_BY_CONTROL[name]
    parsed = {
        f.key.split(":", 1)[1]: f.value
        for f in reconcile(seed_texts[name]).facts
        if f.table == "massacres_by_control"
    }
    assert parsed == PRINTED_REGIME_BY_CONTROL[name]


@pytest.mark.parametrize("name", REPORTS)
def test_total_massacres_printed(name: str, seed_texts: dict[str, str]) -> None:
    totals = {f.value for f in reconcile(seed_texts[name]).facts if f.table == "massacres_total"}
    assert totals == {PRINTED_TOTAL[name]}


# --- PDF input ------------------------------------------------------------------------------------


def _pdf_from_text(text: str, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0
    for line in text.split("\n"):
        if y < 50:
            pdf.showPage()
            y = 800.0
        pdf.setFont("Helvetica", 9)
        pdf.drawString(40, y, line)
        y -= 12
    pdf.save()


def test_pdf_of_a_seed_extracts_the_same_incidents(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    path = tmp_path / "snhr-2016-09-massacres.pdf"
    _pdf_from_text(seed_texts["snhr-2016-09-massacres"], path)
    frame = incidents_from_pdf(path)
    assert (frame["report_id"] == "snhr-2016-09-massacres").all()
    expected = _expected("snhr-2016-09-massacres")
    pd.testing.assert_frame_equal(_as_strings(frame, list(expected.columns)), expected)


def test_corrupt_pdf_bytes_raise_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a pdf\n")
    with pytest.raises(ReportParseError, match="not a readable PDF"):
        incidents_from_pdf(path)
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ReportParseError, match="not a readable PDF"):
        incidents_from_pdf(garbage)


def test_missing_pdf_raises_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="not found"):
        incidents_from_pdf(tmp_path / "nope.pdf")


# --- malformed and synthetic input ---------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\n \t"])
def test_empty_text_is_an_error(text: str) -> None:
    with pytest.raises(ReportParseError, match="empty"):
        incidents_from_text(text)


def test_non_snhr_text_is_an_error() -> None:
    text = "Quarterly sales report\n\nRevenue grew by 12 percent in the third quarter.\n"
    with pytest.raises(ReportParseError, match="does not look like an SNHR report"):
        incidents_from_text(text)


def test_non_str_input_is_an_error() -> None:
    with pytest.raises(SyriaGeoError):
        incidents_from_text(b"SNHR bytes")  # type: ignore[arg-type]


def test_snhr_text_without_incidents_gives_empty_frame_with_reason() -> None:
    frame = incidents_from_text("SNHR\n\nII. Details\n\nNothing was documented this month.\n")
    assert frame.empty
    assert tuple(frame.columns) == COLUMNS
    assert "no dated incident" in frame.attrs["reason"]


_SYNTHETIC = """SNHR test document (synthetic wording)

II. Executive Summary
SNHR recorded no less than 3 massacres in the month of March which were distributed as follows:
A. Syrian regime forces: 2
B. Hay'at Tahrir al Sham: 1

II. Details
A. Syrian regime forces
Hama governorate
Tuesday, March 3, 2015, regime helicopters dropped barrel bombs on Kafr Nabudah town, north-
ern suburbs of Hama governorate, which led to the deaths of six civilians (Five children and
their father). The town was under the control of armed opposition factions at the time.

http://www.example.org/footer
Thursday 5 March 2015 evening, regime artillery shelled [Kafr Zita](#) city, located in Hama
governorate and is under the control of armed opposition factions, which resulted in the kill-
ing of Twelve individuals including three children and their parents, and about 7 others were
wounded. It should be noted that the same gunners were responsible for another massacre on
the same day, killing eight civilians including two women.

B. Hay'at Tahrir al Sham
Idlib governorate
Saturday, March 7, 2015, around 10:30, Hay'at Tahrir al Sham gunmen raided Sarmada city,
northern suburbs of Idlib governorate, and killed five civilians from the same family. The
city is under the control of Hay'at Tahrir al Sham.
"""


def test_synthetic_report_rules() -> None:
    frame = incidents_from_text(_SYNTHETIC)
    assert frame.attrs["report_period"] == "2015-03"
    assert frame["report_id"].iloc[0] == "snhr-2015-03"
    got = frame.assign(date=iso_days(frame["date"]))[
        ["date", "time_of_day", "perpetrator_section", "weapon", "place_text", "control_text",
         "killed", "children", "women", "wounded", "same_family"]
    ].astype(object).where(frame.notna(), None).values.tolist()  # fmt: skip
    assert got == [
        ["2015-03-03", None, "syrian_regime", "helicopter_barrel_bomb",
         "Kafr Nabudah town, northern suburbs of Hama governorate", "armed_opposition",
         6, 5, 0, None, False],
        ["2015-03-05", "evening", "syrian_regime", "artillery",
         "Kafr Zita city, Hama governorate", "armed_opposition", 12, 3, 1, 7, False],
        ["2015-03-05", "evening", "syrian_regime", "artillery",
         "Kafr Zita city, Hama governorate", "armed_opposition", 8, 0, 2, None, False],
        ["2015-03-07", "10:30", "hts", "ground_raid_shooting",
         "Sarmada city, northern suburbs of Idlib governorate", "hts", 5, 0, 0, None, True],
    ]  # fmt: skip
    result = reconcile(_SYNTHETIC)
    diffs = result.differences
    # the summary says 2 regime massacres, the details describe 3 (one inside a paragraph)
    regime = diffs[
        (diffs["table"] == "massacres_by_perpetrator") & (diffs["key"] == "syrian_regime")
    ]
    assert regime[["summary_value", "compared_value", "incident_seqs"]].values.tolist() == [
        [2, 3, "1,2,3"]
    ]


def test_geocode_option_appends_geocoder_columns(seed_texts: dict[str, str]) -> None:
    from syria_geo.geocoding.results import GEOCODE_COLUMNS

    frame = incidents_from_text(seed_texts["snhr-2017-09-massacres"], geocode=True)
    assert list(frame.columns[: len(COLUMNS)]) == list(COLUMNS)
    for column in ("geo_status", "lon", "lat", "adm1_name", *GEOCODE_COLUMNS):
        assert column in frame.columns
    assert list(frame.columns[-3:]) == ["governorate_mismatch", "point_reason", "geometry"]
    assert frame["point_reason"].isna().tolist() == frame["lon"].notna().tolist()
    located = frame[frame["lon"].notna()]
    assert not ((located["lon"] == 0) & (located["lat"] == 0)).any()
    assert located["lon"].between(35.5, 42.5).all()
    assert located["lat"].between(32.0, 37.5).all()
    # Hwayyer al Eis is written as "southern suburbs of Idlib governorate" but lies in Aleppo
    hwayyer = frame[frame["place_text"].str.startswith("Hwayyer al Eis")].iloc[0]
    assert hwayyer["text_governorate"] == "Idlib"
    assert hwayyer["adm1_name"] == "Aleppo"
    assert bool(hwayyer["governorate_mismatch"]) is True
    armanaz = frame[frame["place_text"].str.startswith("Armanaz")].iloc[0]
    assert bool(armanaz["governorate_mismatch"]) is False


# --- layout robustness: the same report re-flowed ------------------------------------------------


def _reflow(text: str, width: int) -> str:
    """Re-wrap long lines to ``width`` columns, hyphenating long words at the break."""
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        current = ""
        for word in line.split(" "):
            if len(current) + 1 + len(word) <= width:
                current = f"{current} {word}" if current else word
            elif len(word) > 6 and word.isalpha() and len(current) + 4 < width:
                cut = min(max(3, width - len(current) - 2), len(word) - 3)
                out.append(f"{current} {word[:cut]}-" if current else f"{word[:cut]}-")
                current = word[cut:]
            else:
                out.append(current)
                current = word
        out.append(current)
    return "\n".join(out)


@pytest.mark.parametrize("width", [45, 60])
@pytest.mark.parametrize("name", REPORTS)
def test_narrow_columns_give_the_same_incidents_and_summary(
    name: str, width: int, seed_texts: dict[str, str]
) -> None:
    narrow = _reflow(seed_texts[name], width)
    assert narrow != seed_texts[name]
    frame = incidents_from_text(narrow, report_id=name)
    expected = _expected(name)
    pd.testing.assert_frame_equal(_as_strings(frame, list(expected.columns)), expected)
    facts = {(f.table, f.key, f.measure, f.value) for f in reconcile(narrow).facts}
    assert facts == {
        (f.table, f.key, f.measure, f.value) for f in reconcile(seed_texts[name]).facts
    }


@pytest.mark.parametrize("name", REPORTS)
def test_text_without_blank_lines_keeps_incident_facts(
    name: str, seed_texts: dict[str, str]
) -> None:
    # some PDF extractors drop the blank lines between paragraphs
    dense = re.sub(r"\n\s*\n", "\n", seed_texts[name])
    frame = incidents_from_text(dense, report_id=name)
    expected = _expected(name)
    pd.testing.assert_frame_equal(_as_strings(frame, list(expected.columns)), expected)
    facts = {(f.table, f.key, f.measure, f.value) for f in reconcile(dense).facts}
    assert facts == {
        (f.table, f.key, f.measure, f.value) for f in reconcile(seed_texts[name]).facts
    }


# --- wider wording (issue 11): written for these tests, not copied from reports --------------------

_WIDER = """SNHR report on the massacres of July 2015

II. Details
A. Syrian regime forces
Idlib governorate
Saturday July 4 2015 Syrian regime forces stormed Kafr Nabl city and shot dead seven civilians, including two children.

On the night of Monday, 6th of July 2015, regime helicopters dropped barrel bombs on Tal Mardikh village, which is affiliated to Saraqib city, eastern suburbs of Idlib governorate, claiming the lives of one hundred and twenty-three people, including forty-five children and thirty women.

At dawn on Tuesday 7 July 2015, regime forces shelled Ma'arrat al Nu'man city, killing a child and his mother.

B. ISIS
Raqqa governorate
Wednesday, July 8, 2015, ISIS gunmen executed 12 captives held in Tabqa city, western suburbs of Raqqa governorate.

Thursday, July 9, 2015, ISIS fighters set fire to a house in al Mansoura town, where eight members of one family lost their lives.

Friday, July 10, 2015, ISIS gunmen attacked Ratla village, southern suburbs of Raqqa governorate; the victims could not yet be counted.
"""


def test_wider_wording_of_tolls_dates_and_places() -> None:
    frame = incidents_from_text(_WIDER)
    got = frame.assign(date=iso_days(frame["date"]))[
        ["date", "time_of_day", "perpetrator_section", "place_text", "killed", "children",
         "women", "same_family"]
    ].astype(object).where(frame.notna(), None).values.tolist()  # fmt: skip
    assert got == [
        ["2015-07-04", None, "syrian_regime", "Kafr Nabl city", 7, 2, 0, False],
        ["2015-07-06", "night", "syrian_regime",
         "Tal Mardikh village, Saraqib city, eastern suburbs of Idlib governorate", 123, 45, 30,
         False],
        ["2015-07-07", "dawn", "syrian_regime", "Ma'arrat al Nu'man city", 2, 1, 1, False],
        ["2015-07-08", None, "isis", "Tabqa city, western suburbs of Raqqa governorate", 12, 0, 0,
         False],
        ["2015-07-09", None, "isis", "al Mansoura town", 8, 0, 0, True],
        ["2015-07-10", None, "isis", "Ratla village, southern suburbs of Raqqa governorate", None,
         None, None, False],
    ]  # fmt: skip
    # the paragraph without a toll is kept, and says which field could not be read
    last = frame.iloc[-1]
    assert last["extract_warnings"] == "killed: no number of people killed found in the paragraph"
    assert (frame["extract_warnings"].iloc[:-1] == "").all()
    assert frame.attrs["skipped"] == []


@pytest.mark.parametrize(
    ("name", "headed"),
    [("snhr-2016-09-massacres", True), ("snhr-2020-05-civilian-deaths", False)],
)
def test_section_governorate_is_only_a_heading(
    name: str, headed: bool, extracted: dict[str, pd.DataFrame]
) -> None:
    """A report without governorate headings leaves section_governorate empty (issue 11)."""
    frame = extracted[name]
    assert frame["text_governorate"].notna().all()
    if headed:
        assert frame["section_governorate"].notna().all()
    else:
        assert frame["section_governorate"].isna().all()
