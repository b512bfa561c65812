"""CLI tests for ``syria-geo geocode`` (real subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from tests.conftest import REPO


def test_geocode_text(run_cli) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("geocode", "Hawwar town, western suburbs of Aleppo governorate")
    assert proc.returncode == 0, proc.stderr
    lines = dict((line + "\t").split("\t")[:2] for line in proc.stdout.splitlines() if line)
    assert lines["geo_id"] == "C1140"
    assert lines["adm3_pcode"] == "SY020004"


def test_geocode_arabic_json(run_cli) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("geocode", "خان شيخون", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["id"] == "C3987"
    assert data["status"] == "matched"
    assert data["parsed"]["target"] == "خان شيخون"


def test_geocode_unmatched_exit_1(run_cli) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("geocode", "Beirut, Lebanon")
    assert proc.returncode == 1
    assert "outside Syria" in proc.stdout


def test_geocode_bad_governorate_exit_2(run_cli) -> None:  # type: ignore[no-untyped-def]
    proc = run_cli("geocode", "Afrin", "--governorate", "Atlantis")
    assert proc.returncode == 2
    assert "unknown governorate" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_geocode_csv_keeps_rows_and_columns(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in.csv"
    pd.DataFrame(
        {
            "event": ["e1", "e2", "e3", "e4"],
            "where": ["Al Sukkari neighborhood, Aleppo city", "", "Paris", "Kafr Zita city"],
            "gov": ["", "", "", "Hama"],
        }
    ).to_csv(src, index=False)
    out = tmp_path / "out.csv"
    proc = run_cli(
        "geocode",
        "--input",
        str(src),
        "--column",
        "where",
        "--output",
        str(out),
        "--governorate-column",
        "gov",
    )
    assert proc.returncode == 0, proc.stderr
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(df["event"]) == ["e1", "e2", "e3", "e4"]
    assert list(df.columns[:3]) == ["event", "where", "gov"]
    assert list(df["geo_status"]) == ["matched", "unmatched", "unmatched", "matched"]
    assert list(df["geo_id"]) == ["N0219", "", "", "C3463"]
    assert "4 rows" in proc.stderr


def test_geocode_csv_missing_column_exit_2(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    proc = run_cli(
        "geocode", "--input", str(src), "--column", "place", "--output", str(tmp_path / "o.csv")
    )
    assert proc.returncode == 2
    assert "column 'place' not found" in proc.stderr


def test_geocode_usage_errors(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("geocode").returncode == 2
    proc = run_cli(
        "geocode",
        "--input",
        str(tmp_path / "nope.csv"),
        "--column",
        "x",
        "--output",
        str(tmp_path / "o.csv"),
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


_COLLECTOR = """
import contextlib, gc, io, sys
from syria_geo.cli.app import main, run
with contextlib.redirect_stdout(io.StringIO()):
    main(["geocode", "Douma"])
inside = gc.get_freeze_count()
sys.argv = ["syria-geo", "geocode", "--input", sys.argv[1], "--column", "place",
            "--output", sys.argv[2]]
status = run()
print(inside, gc.get_freeze_count() > 0, status)
"""


def test_only_the_executable_freezes_the_collector(tmp_path: Path) -> None:
    """main() inside a program leaves the garbage collector alone; run() (the executable,
    ``python -m syria_geo``) freezes what it imported and loaded, after its output is written."""
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text('place\nDouma\n"Al Sukkari neighborhood, Aleppo city"\n', encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.run(
        [sys.executable, "-c", _COLLECTOR, str(src), str(out)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["0", "True", "0"]
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["place"].tolist() == ["Douma", "Al Sukkari neighborhood, Aleppo city"]
    assert got["geo_status"].tolist() == ["matched", "matched"]
