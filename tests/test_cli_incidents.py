"""``syria-geo extract`` and ``syria-geo reconcile`` run in a real subprocess."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import CliRunner


def _one_line_error(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("syria-geo: error: ")
    return lines[0]


def test_extract_two_reports_to_csv(run_cli: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "incidents.csv"
    proc = run_cli(
        "extract",
        str(seeds_dir / "snhr-2016-09-massacres.txt"),
        str(seeds_dir / "snhr-2021-02-civilian-deaths.txt"),
        "--output",
        str(out),
    )
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out)
    assert len(table) == 49 + 9
    assert table["report_id"].value_counts().to_dict() == {
        "snhr-2016-09-massacres": 49,
        "snhr-2021-02-civilian-deaths": 9,
    }
    assert table.columns[0] == "report_id"
    assert "span_start" in table.columns
    assert "49 incidents" in proc.stderr


def test_extract_geojson_has_real_points(
    run_cli: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    import geopandas as gpd

    out = tmp_path / "incidents.geojson"
    proc = run_cli("extract", str(seeds_dir / "snhr-2020-05-civilian-deaths.txt"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    gdf = gpd.read_file(out)
    assert len(gdf) == 1
    point = gdf.geometry.iloc[0]
    assert point is not None
    assert not (point.x == 0 and point.y == 0)
    assert 36.0 < point.x < 37.5  # Afrin, northern Aleppo
    assert 36.0 < point.y < 37.0
    assert gdf["killed"].iloc[0] == 44


def test_reconcile_exit_zero_with_differences(run_cli: CliRunner, seeds_dir: Path) -> None:
    path = seeds_dir / "snhr-2016-09-massacres.txt"
    proc = run_cli("reconcile", str(path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("DIFF") == 4
    proc_json = run_cli("reconcile", str(path), "--json")
    assert proc_json.returncode == 0
    payload = json.loads(proc_json.stdout)
    assert payload["n_differences"] == 4
    assert payload["n_massacres"] == 49


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        (
            "letter.txt",
            b"Dear colleague,\n\nthe meeting moved to Tuesday.\n",
            "not look like an SNHR",
        ),
        ("broken.pdf", b"%PDF-1.7\nnot really a pdf at all", "not a readable PDF"),
        ("binary.txt", b"\xff\xfe\x00garbage\x81", "not UTF-8"),
    ],
)
def test_malformed_input_exit_2_one_line(
    run_cli: CliRunner, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    for args in (("extract", str(path), "-o", str(tmp_path / "out.csv")), ("reconcile", str(path))):
        proc = run_cli(*args)
        assert proc.returncode == 2
        assert message in _one_line_error(proc.stderr)
    assert not (tmp_path / "out.csv").exists()


def test_bad_arguments_exit_2(run_cli: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    seed = str(seeds_dir / "snhr-2020-05-civilian-deaths.txt")
    proc = run_cli("extract", seed, "-o", str(tmp_path / "out.shp"))
    assert proc.returncode == 2
    assert "unsupported output type" in _one_line_error(proc.stderr)
    proc = run_cli("extract", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o.csv"))
    assert proc.returncode == 2
    assert "not found" in _one_line_error(proc.stderr)
    docx = tmp_path / "report.docx"
    docx.write_bytes(b"PK\x03\x04 not a report")  # exists: the type is what is refused
    proc = run_cli("reconcile", str(docx))
    assert proc.returncode == 2
    assert "unsupported report type" in _one_line_error(proc.stderr)


# --- fail loud (issue 15, item 8; issue 11) --------------------------------------------------------

_HUGE = (
    "SNHR report\n\nII. Details\n\nA. Syrian regime forces\n\nHama governorate\n\n"
    "On March 3, 2015, forces shelled Kafr Nabudah town, which led to the deaths of {n} "
    "civilians, including two children.\n"
)


@pytest.mark.parametrize(
    ("count", "killed", "message"),
    [
        ("2,000,000", "2000000", "killed: implausible number 2,000,000"),
        ("99999999999999999999", "", "killed: the number 99,999,999,999,999,999,999"),
    ],
)
def test_extract_keeps_an_implausible_toll_with_a_warning(
    run_cli: CliRunner, tmp_path: Path, count: str, killed: str, message: str
) -> None:
    report = tmp_path / "huge.txt"
    report.write_text(_HUGE.format(n=count), encoding="utf-8")
    out = tmp_path / "out.csv"
    proc = run_cli("extract", str(report), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "1 incidents" in proc.stderr
    warning = next(line for line in proc.stderr.splitlines() if "warning" in line)
    assert "incident 1" in warning
    assert message in warning
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table["killed"].tolist() == [killed]
    assert table["extract_warnings"].str.contains(message, regex=False).all()


def test_extract_warns_about_the_same_report_given_twice(
    run_cli: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    seed = seeds_dir / "snhr-2020-05-civilian-deaths.txt"
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed.read_bytes())
    out = tmp_path / "out.csv"
    proc = run_cli("extract", str(seed), str(seed), str(copy), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "warning" in line]
    assert sum("is the same file as" in line for line in lines) == 1
    assert sum("is the same report as" in line for line in lines) == 1
    assert len(pd.read_csv(out)) == 3  # every row is kept


def test_summary_writes_csv_and_json(run_cli: CliRunner, seeds_dir: Path, tmp_path: Path) -> None:
    seed = seeds_dir / "snhr-2017-09-massacres.txt"
    out = tmp_path / "figures.csv"
    proc = run_cli("summary", str(seed), "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == [
        "report_id", "period", "measure", "perpetrator", "adm1_pcode", "value",
        "span_start", "span_end", "warnings",
    ]  # fmt: skip
    assert set(table["report_id"]) == {"snhr-2017-09-massacres"}
    assert set(table["period"]) == {"2017-09"}
    total = table[(table["measure"] == "massacres") & (table["perpetrator"] == "all")]
    assert total[total["adm1_pcode"] == ""]["value"].tolist() == ["43"]
    assert total[total["adm1_pcode"] == "SY09"]["value"].tolist() == ["24"]
    proc_json = run_cli("summary", str(seed), "--json")
    assert proc_json.returncode == 0, proc_json.stderr
    records = json.loads(proc_json.stdout)
    assert len(records) == len(table)
    assert records[0]["report_id"] == "snhr-2017-09-massacres"


def test_summary_bad_input_exit_2(run_cli: CliRunner, tmp_path: Path, seeds_dir: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear colleague,\n\nsee you on Tuesday.\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    proc = run_cli("summary", str(letter), "-o", str(out))
    assert proc.returncode == 2
    assert "not look like an SNHR" in _one_line_error(proc.stderr)
    assert not out.exists()
    seed = str(seeds_dir / "snhr-2020-05-civilian-deaths.txt")
    proc = run_cli("summary", seed)
    assert proc.returncode == 2
    assert "--output" in _one_line_error(proc.stderr)
    proc = run_cli("summary", seed, "-o", str(tmp_path / "f.xlsx"))
    assert proc.returncode == 2
    assert "unsupported output type" in _one_line_error(proc.stderr)


# --- the CLI chain (issue 28, item 7) ---------------------------------------------------------


@pytest.mark.parametrize("suffix", [".parquet", ".gpkg", ".geojson", ".csv"])
def test_extract_writes_every_format_it_names_and_help_lists_its_columns(
    run_cli: CliRunner, seeds_dir: Path, tmp_path: Path, suffix: str
) -> None:
    import syria_geo as sg

    seed = str(seeds_dir / "snhr-2017-09-massacres.txt")
    out = tmp_path / f"extracted{suffix}"
    args = ("--geocode",) if suffix == ".csv" else ()
    proc = run_cli("extract", seed, "-o", str(out), *args)
    assert proc.returncode == 0, proc.stderr
    back = sg.incidents_from_file(out)
    assert len(back) == 43
    assert back["geo_status"].eq("matched").sum() > 30
    helped = run_cli("extract", "--help")
    assert helped.returncode == 0
    text = " ".join(helped.stdout.split())
    assert f"incidents{suffix}" in text
    listed = text.split("Columns: ", 1)[1].split(" (why", 1)[0]
    named = set(listed.replace("; when geocoded also", ",").replace(" and ", ", ").split(", "))
    assert named == set(back.columns) - {"geometry"}  # every column written, nothing else


def test_extract_places_every_incident_where_the_api_does(
    run_cli: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    # the CLI geocodes with the section heading as governorate and as context, as
    # incidents_from_text(geocode=True) does: the same answer and rule for every row ("al
    # Boulayl village, eastern suburbs of Idlib governorate" under the Deir ez-Zor heading is
    # Al Bulel of Deir ez-Zor, the text's Idlib having no place of the name)
    import syria_geo as sg

    seed = seeds_dir / "snhr-2017-09-massacres.txt"
    out = tmp_path / "placed.csv"
    proc = run_cli("extract", str(seed), "-o", str(out), "--geocode")
    assert proc.returncode == 0, proc.stderr
    cli = pd.read_csv(out, dtype=str, keep_default_na=False)
    api = sg.incidents_from_text(seed.read_text(encoding="utf-8"), geocode=True)
    assert cli["geo_id"].tolist() == api["geo_id"].fillna("").tolist()
    assert cli["geo_rule"].tolist() == api["geo_rule"].fillna("").tolist()
    slip = cli[cli["place_text"].str.contains("Boulayl village, eastern suburbs of Idlib")]
    assert set(slip["geo_id"]) == {"M2968"}


def test_extract_help_lists_the_columns_of_plain_csv(
    run_cli: CliRunner, seeds_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plain.csv"
    proc = run_cli("extract", str(seeds_dir / "snhr-2017-09-massacres.txt"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    header = pd.read_csv(out, nrows=0).columns.tolist()
    helped = " ".join(run_cli("extract", "--help").stdout.split())
    assert f"Columns: {', '.join(header)}; when geocoded also" in helped
