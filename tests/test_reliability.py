"""Reliability, second round (issue 15): the input is sacred, every failure is a clean exit 2,
the same input gives the same bytes.

Each test here failed before its fix; the issue item it pins is named in its docstring.
Commands run in a real subprocess (``run_cli``) unless the test has to lower a limit or
replace a function, which only works in the test process (``run_main``).
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import syria_geo.cli.app as cli_app
import syria_geo.core.files as core_files
import syria_geo.incidents.frame as incidents_frame
import syria_geo.io.writers as io_writers
from syria_geo.errors import (
    DataFileError,
    InputFormatError,
    InvalidParameterError,
    SyriaGeoWarning,
)
from tests.test_maps import synthetic_incidents

REPO = Path(__file__).resolve().parents[1]
CliRunner = Callable[..., subprocess.CompletedProcess[str]]


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    """Exit status 2 and exactly one ``syria-geo: error:`` line on stderr: return it."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("syria-geo: error: "), proc.stderr
    return lines[0]


def run_with_env(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m syria_geo ARGS`` in a subprocess with extra environment variables."""
    full = dict(os.environ, PYTHONPATH=str(REPO / "src"), PYTHONIOENCODING="utf-8")
    full.pop("SOURCE_DATE_EPOCH", None)
    full.update(env)
    return subprocess.run([sys.executable, "-m", "syria_geo", *args], capture_output=True,
                          text=True, encoding="utf-8", env=full, timeout=300, check=False)  # fmt: skip


def run_main(*argv: str) -> tuple[int, str]:
    """Run the CLI in this process; return (status, stderr)."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        status = cli_app.main(list(argv))
    return status, err.getvalue()


def listing(folder: Path) -> dict[str, bytes]:
    """Every entry of a folder with its bytes (a folder as b'<dir>')."""
    return {
        p.name: (b"<dir>" if p.is_dir() else b"<special>" if not p.is_file() else p.read_bytes())
        for p in sorted(folder.iterdir())
    }


@pytest.fixture
def incidents_csv(tmp_path: Path) -> Path:
    df = synthetic_incidents(6, seed=15)
    df.loc[1, "place_text"] = "حلب"
    return io_writers.to_csv(df, tmp_path / "a.csv")


@pytest.fixture(scope="module")
def control_layer(tmp_path_factory: pytest.TempPathFactory, run_cli: CliRunner) -> Path:
    path = tmp_path_factory.mktemp("control") / "z.geojson"
    proc = run_cli("control", "--date", "2017-09-01", "-o", str(path))
    assert proc.returncode == 0, proc.stderr
    return path


# --------------------------------------------------------------------------------------
# 1. an output that is an input is refused, nothing is written
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case",
    ["export-csv", "join-csv", "export-gpkg", "geocode", "join-control", "symlink", "hard-link",
     "symlinked-folder"],
)  # fmt: skip
def test_output_that_is_an_input_is_refused(
    case: str, incidents_csv: Path, control_layer: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 1: ``export a.csv -o a.csv`` ... overwrote the input with exit 0."""
    a = str(incidents_csv)
    if case == "export-gpkg":
        io_writers.to_gpkg(incidents_frame.incidents_from_file(incidents_csv), tmp_path / "a.gpkg",
                       aggregates=[])  # fmt: skip
    if case == "geocode":
        pd.DataFrame({"place": ["Aleppo", "Idlib"]}).to_csv(tmp_path / "p.csv", index=False)
    if case == "join-control":
        (tmp_path / "z.geojson").write_bytes(control_layer.read_bytes())
    if case == "symlink":
        (tmp_path / "link.csv").symlink_to(incidents_csv)
    if case == "hard-link":
        os.link(incidents_csv, tmp_path / "hard.csv")
    if case == "symlinked-folder":
        (tmp_path / "again").symlink_to(tmp_path, target_is_directory=True)
    args = {
        "export-csv": ["export", a, "-o", a],
        "join-csv": ["join", a, "-o", a],
        "export-gpkg": ["export", str(tmp_path / "a.gpkg"), "-o", str(tmp_path / "a.gpkg")],
        "geocode": ["geocode", "--input", str(tmp_path / "p.csv"), "--column", "place",
                    "--output", str(tmp_path / "p.csv"), "--no-progress"],
        "join-control": ["join", a, "--control", str(tmp_path / "z.geojson"), "-o",
                         str(tmp_path / "z.geojson")],
        "symlink": ["export", a, "-o", str(tmp_path / "link.csv")],
        "hard-link": ["join", str(tmp_path / "hard.csv"), "-o", a],
        "symlinked-folder": ["export", a, "-o", str(tmp_path / "again" / "a.csv")],
    }[case]  # fmt: skip
    before = listing(tmp_path)
    line = error_line(run_cli(*args))
    assert "is the input" in line
    assert "would destroy the input" in line
    assert listing(tmp_path) == before  # nothing written, nothing left


def test_output_guard_in_process(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("a\n1\n", "utf-8")
    (tmp_path / "link").symlink_to(src)
    with pytest.raises(InvalidParameterError, match="resolves to"):
        core_files.check_output_path(tmp_path / "link", [src])
    core_files.check_output_path(tmp_path / "out.csv", [src])  # another name is fine
    with pytest.raises(DataFileError, match="output folder does not exist"):
        core_files.check_output_path(tmp_path / "nope" / "out.csv", [src])


# --------------------------------------------------------------------------------------
# 2. dask Parquet folders: a failed write never blocks the path
# --------------------------------------------------------------------------------------


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(done.stdout)


def test_a_dead_writers_temporary_folder_does_not_block_the_path(
    incidents_csv: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 2: the stale clean-up only unlinked files, so a folder left by a failed
    dask write made every later write to ``p.parquet`` fail with "Is a directory"."""
    stale = tmp_path / f".p.parquet.{_dead_pid()}.k2x9q1.tmp.parquet"
    stale.mkdir()
    (stale / "part.0.parquet").write_bytes(b"half a partition")
    proc = run_cli("export", str(incidents_csv), "-o", str(tmp_path / "p.parquet"))
    assert proc.returncode == 0, proc.stderr
    assert sorted(listing(tmp_path)) == ["a.csv", "p.parquet"]
    assert len(incidents_frame.incidents_from_file(tmp_path / "p.parquet")) == 6


def test_a_failed_folder_write_is_removed_and_the_old_file_kept(tmp_path: Path) -> None:
    target = tmp_path / "p.parquet"
    target.write_bytes(b"previous")

    def write_half_a_dataset(tmp: Path) -> None:
        tmp.mkdir()
        (tmp / "part.0.parquet").write_bytes(b"x")
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError, match="worker died"), core_files.atomic_path(target) as tmp:
        write_half_a_dataset(tmp)
    assert listing(tmp_path) == {"p.parquet": b"previous"}


def test_dask_output_replaces_a_file_and_a_file_replaces_dask_output(
    incidents_csv: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 2: dask writes a folder; a regular file at the target was not handled."""
    pytest.importorskip("dask_geopandas")
    # the columns the join needs (a typed "date" column is a separate dask matter)
    frame = incidents_frame.incidents_from_file(incidents_csv)[
        ["report_id", "seq", "lon", "lat", "geometry"]
    ]
    src = io_writers.to_parquet(frame, tmp_path / "in.parquet")
    out = tmp_path / "p.parquet"
    out.write_bytes(b"an earlier single-file output")
    proc = run_cli("join", str(src), "--engine", "dask", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_dir()
    assert len(pd.read_parquet(out)) == 6
    proc = run_cli("join", str(incidents_csv), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file()
    assert sorted(listing(tmp_path)) == ["a.csv", "in.parquet", "p.parquet"]
    # a folder that is not a Parquet dataset is never replaced
    (tmp_path / "keep.parquet").mkdir()
    (tmp_path / "keep.parquet" / "notes.txt").write_text("mine", "utf-8")
    line = error_line(run_cli("export", str(incidents_csv), "-o", str(tmp_path / "keep.parquet")))
    assert "keep.parquet is a folder" in line
    assert (tmp_path / "keep.parquet" / "notes.txt").read_text("utf-8") == "mine"


# --------------------------------------------------------------------------------------
# 3. odd output names leave no stray file
# --------------------------------------------------------------------------------------

ODD_NAMES = ["a;b.geojson", "x'; DROP TABLE incidents;--.gpkg", "new\nline.csv", "tab\there.gpkg",
             "-- b;c.html", "ünï $x`.parquet", "quote\".geojson"]  # fmt: skip


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_output_names_are_written_exactly(
    name: str, incidents_csv: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 3: ``-o 'a;b.geojson'`` failed and left ``.a`` (GDAL cut the temporary
    name at ``;``); a name with a newline left a temporary file."""
    command = "map" if name.endswith(".html") else "export"
    proc = run_cli(command, str(incidents_csv), "-o", str(tmp_path / name))
    assert proc.returncode == 0, proc.stderr
    style = [name.rsplit(".", 1)[0] + ".qml"] if name.endswith(".geojson") else []  # QGIS style
    assert sorted(listing(tmp_path)) == sorted(["a.csv", name, *style])
    if not name.endswith(".html"):  # and read back (pyogrio parsed "a;b" as a URL)
        assert len(incidents_frame.incidents_from_file(tmp_path / name)) == 6


# --------------------------------------------------------------------------------------
# 4. internal errors and hangs become one-line errors (exit 2) naming the file
# --------------------------------------------------------------------------------------


def _bad_observations(tmp_path: Path, kind: str) -> str:
    path = tmp_path / f"{kind}.csv"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"\x00\x01\xff\xfe\x89PNG\r\n\x1a\n")
    elif kind == "utf16":
        path.write_bytes("obs_id,date,lon,lat,controller,source\n".encode("utf-16"))
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        return "/dev/zero"
    return str(path)


@pytest.mark.parametrize("kind", ["empty", "binary", "utf16", "fifo", "dev-zero"])
def test_unreadable_observation_tables_are_clean_errors(
    kind: str, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 4: EmptyDataError, UnicodeDecodeError (exit 3), a FIFO hung, /dev/zero
    ran out of memory."""
    src = _bad_observations(tmp_path, kind)
    out = tmp_path / "zones.geojson"
    line = error_line(run_cli("control", "--date", "2017-09-01", "--observations", src,
                              "-o", str(out), timeout=60))  # fmt: skip
    assert src in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["control", "--date", "9999-12-31"], "invalid date '9999-12-31'"),
        (["control", "--date", "0000-01-01"], "invalid date '0000-01-01'"),
        (["export", "{a}", "-o", "{tmp}/o.csv", "--encoding", "ascii"], "column 'place_text', row 2"),
        (["export", "{a}", "-o", "{tmp}/o.csv", "--encoding", "latin-1"], "o.csv as latin-1"),
        (["export", "{a}", "-o", "{tmp}/o.csv", "--encoding", "rot13"], "invalid encoding 'rot13'"),
        (["export", "{a}", "--format", "gpkg", "-o", "{tmp}/o.csv"], "does not match the output name"),
        (["choropleth", "{a}", "--dpi", "0", "-o", "{tmp}/o.png"], "invalid dpi 0"),
        (["choropleth", "{a}", "--dpi", "-1", "-o", "{tmp}/o.png"], "invalid dpi -1"),
        (["choropleth", "{a}", "--dpi", "1", "-o", "{tmp}/o.png"], "invalid dpi 1"),
        (["choropleth", "{a}", "--dpi", "10000", "-o", "{tmp}/o.png"], "invalid dpi 10000"),
    ],
    ids=["date-9999", "date-0000", "ascii", "latin-1", "rot13", "gpkg-as-csv", "dpi-0", "dpi-neg",
         "dpi-1", "dpi-10000"],
)  # fmt: skip
def test_bad_options_are_clean_errors(
    args: list[str], expected: str, incidents_csv: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 4: NotImplementedError, UnicodeEncodeError, LookupError,
    DataLayerError, ValueError, a FreeType error and MemoryError were exit 3."""
    argv = [a.format(a=incidents_csv, tmp=tmp_path) for a in args]
    if argv[0] == "control":
        argv += ["-o", str(tmp_path / "o.geojson")]
    before = listing(tmp_path)
    line = error_line(run_cli(*argv))
    assert expected in line
    assert listing(tmp_path) == before


_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk: writes fail with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from syria_geo.cli import main
raise SystemExit(main(sys.argv[2:]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file size limits")
@pytest.mark.parametrize("name", ["o.gpkg", "o.parquet", "o.csv", "o.html", "o.svg"])
def test_a_full_disk_is_a_clean_error_naming_the_target(name: str, tmp_path: Path) -> None:
    """Issue 15 item 4 and Minor: GeoPackage on a full disk was exit 3 ("Failed to commit
    transaction"); errors named the hidden temporary file instead of the target."""
    big = synthetic_incidents(300, seed=16)
    src = io_writers.to_csv(big, tmp_path / "big.csv")
    target = tmp_path / name
    target.write_bytes(b"previous")
    command = {"html": "map", "svg": "choropleth"}.get(name.split(".")[1], "export")
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.run(
        [sys.executable, "-c", _LIMITED, "3000", command, str(src), "-o", str(target)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    line = error_line(proc)
    assert f"cannot write {target}" in line
    assert ".tmp" not in line
    assert listing(tmp_path) == {"big.csv": src.read_bytes(), name: b"previous"}


def test_folder_and_fifo_targets_name_the_target(
    incidents_csv: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Minor: a folder target was reported as the hidden temporary file."""
    (tmp_path / "out.csv").mkdir()
    line = error_line(run_cli("export", str(incidents_csv), "-o", str(tmp_path / "out.csv")))
    assert f"output {tmp_path / 'out.csv'} is a folder" in line
    os.mkfifo(tmp_path / "pipe.geojson")
    line = error_line(run_cli("export", str(incidents_csv), "-o", str(tmp_path / "pipe.geojson"),
                              timeout=60))  # fmt: skip
    assert "pipe.geojson is a FIFO (named pipe), not a regular file" in line


def _bomb(path: Path, size: int) -> Path:
    """A real workbook whose one cell holds ``size`` letters (compresses ~1000 times).

    openpyxl cuts a cell at Excel's 32,767 characters when it writes, so the shared
    string is put into the saved file directly, as a hostile file would have it.
    """
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["report_id", "place_text", "lon", "lat"])
    ws.append(["r1", "PLACEHOLDER", 36.2, 35.0])
    plain = path.with_name("plain.xlsx")
    wb.save(plain)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/"):  # inline or shared string
                data = data.replace(b"PLACEHOLDER", b"A" * size)
            zout.writestr(info, data)
    plain.unlink()
    return path


def test_an_xlsx_bomb_is_refused_before_it_is_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15 item 4: a cell inflating to 1.5 GB ended in MemoryError after 13 s and
    4.2 GB.  The same workbook in small: the limits are lowered instead of the file grown."""
    src = _bomb(tmp_path / "bomb.xlsx", 2_000_000)
    info = max(zipfile.ZipFile(src).infolist(), key=lambda i: i.file_size)
    assert info.file_size / info.compress_size > 200  # it is a bomb in shape
    assert len(incidents_frame.incidents_from_file(src)) == 1  # under the real limits: read
    monkeypatch.setattr(core_files, "ZIP_RATIO_MIN_BYTES", 1_000_000)
    with pytest.raises(InputFormatError, match=r"would inflate .* times"):
        incidents_frame.incidents_from_file(src)
    status, stderr = run_main("export", str(src), "-o", str(tmp_path / "o.csv"))
    assert status == 2, stderr
    assert stderr.count("\n") == 1, stderr
    assert "bomb.xlsx" in stderr
    monkeypatch.setattr(core_files, "ZIP_MAX_BYTES", 500_000)
    with pytest.raises(InputFormatError, match=r"would inflate to .* bytes"):
        incidents_frame.incidents_from_file(src)
    assert sorted(listing(tmp_path)) == ["bomb.xlsx"]


# --------------------------------------------------------------------------------------
# 6. observation tables are checked on their own, before the merge with OCHA
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("foo,bar\n1,2\n", "lacks column(s) obs_id, date, lon, lat, controller, source"),
        ("obs_id,date\n", "lacks column(s) lon, lat, controller, source"),
        ("obs_id,date,lon,lat,controller,source\no1,2017-01-01,36.7,35.9,regime?,me\n",
         "unknown controller(s) 'regime?' in row(s) 1"),
        ("obs_id,date,lon,lat,controller,source\no1,2017-01-01,36.7,35.9,sdf,me\n"
         "o2,2017/01/02,36.7,35.9,sdf,me\no3,-1,36.7,35.9,sdf,me\n", "row(s) 2, 3 have no date"),
        ("obs_id,date,lon,lat,controller,source\no1,2017-01-01,36.7,35.9,sdf,me\n"
         "o2,2017-01-01,,35.9,sdf,me\n", "row(s) 2 lack lon/lat"),
    ],
    ids=["no-columns", "header-only", "controller", "dates", "coordinates"],
)  # fmt: skip
def test_observation_tables_are_checked_before_the_merge(
    content: str, expected: str, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 6: a table without the columns said "unknown controller(s) 'nan'",
    rows were numbered in the merged table (18480), a header-only table was accepted."""
    src = tmp_path / "obs.csv"
    src.write_text(content, "utf-8")
    line = error_line(run_cli("control", "--date", "2017-09-01", "--observations", str(src),
                              "-o", str(tmp_path / "z.geojson")))  # fmt: skip
    assert f"observation table {src}" in line
    assert expected in line
    assert "'nan'" not in line


# --------------------------------------------------------------------------------------
# 7. spreadsheet formulas in CSV output
# --------------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://example.org","click")', "+1+1", "-2+3", "@SUM(A1)", "\tx",
            "'=already", "''+twice", "-1", "+3.5", "1e3", "a=b", "plain"]  # fmt: skip
ESCAPED = ['\'=HYPERLINK("http://example.org","click")', "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx",
           "''=already", "'''+twice", "-1", "+3.5", "1e3", "a=b", "plain"]  # fmt: skip


def test_formulas_are_escaped_and_read_back_unchanged(tmp_path: Path) -> None:
    """Issue 15 item 7: cells starting with = + - @ were written verbatim to CSV."""
    df = synthetic_incidents(len(FORMULAS), seed=17)
    df["place_text"] = FORMULAS
    io_writers.to_csv(df, tmp_path / "esc.csv")
    raw = pd.read_csv(tmp_path / "esc.csv", dtype=str, keep_default_na=False)
    assert raw["place_text"].tolist() == ESCAPED
    assert (
        incidents_frame.incidents_from_file(tmp_path / "esc.csv")["place_text"].tolist() == FORMULAS
    )
    io_writers.to_csv(df, tmp_path / "raw.csv", formulas="keep")
    raw = pd.read_csv(tmp_path / "raw.csv", dtype=str, keep_default_na=False)
    assert raw["place_text"].tolist() == FORMULAS
    with pytest.raises(InvalidParameterError, match="formulas"):
        io_writers.to_csv(df, tmp_path / "x.csv", formulas="strip")  # type: ignore[arg-type]


@pytest.mark.parametrize("command", ["export", "join", "geocode"])
@pytest.mark.parametrize("keep", [False, True], ids=["default", "keep-formulas"])
def test_cli_csv_output_escapes_formulas_unless_asked(
    command: str, keep: bool, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Issue 15 item 7, both ways: escaped by default, verbatim with --keep-formulas."""
    cells = ['=HYPERLINK("http://evil.example","Aleppo")', "@cmd", "Idlib"]
    df = pd.DataFrame(
        {"place_text": cells, "lon": [37.16, 36.7, 36.63], "lat": [36.2, 35.9, 35.93]}
    )
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    # geocode adds lon/lat itself; the other commands need them
    (df[["place_text"]] if command == "geocode" else df).to_csv(src, index=False)
    if command == "geocode":
        args = ["geocode", "--input", str(src), "--column", "place_text", "--output", str(out),
                "--no-progress"]  # fmt: skip
    else:
        args = [command, str(src), "-o", str(out)]
    proc = run_cli(*args, *(["--keep-formulas"] if keep else []))
    assert proc.returncode == 0, proc.stderr
    written = pd.read_csv(out, dtype=str, keep_default_na=False)["place_text"].tolist()
    assert written == (cells if keep else ["'" + cells[0], "'@cmd", "Idlib"])


# --------------------------------------------------------------------------------------
# 8. an xlsx formula without a saved value is announced
# --------------------------------------------------------------------------------------


def test_xlsx_formula_without_saved_value_is_warned(tmp_path: Path, run_cli: CliRunner) -> None:
    """Issue 15 item 8: such a cell became empty without a message."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["report_id", "seq", "killed", "lon", "lat"])
    ws.append(["r1", 1, "=2+3", 36.2, 35.0])  # openpyxl stores no cached value
    ws.append(["r1", 2, 4, 36.3, 35.1])
    wb.save(tmp_path / "f.xlsx")
    with pytest.warns(SyriaGeoWarning, match=r"1 formula cell\(s\) have no saved value.*C2 =2\+3"):
        frame = incidents_frame.incidents_from_file(tmp_path / "f.xlsx")
    assert frame["killed"].isna().tolist() == [True, False]  # the row is kept
    proc = run_cli("export", str(tmp_path / "f.xlsx"), "-o", str(tmp_path / "o.csv"))
    assert proc.returncode == 0, proc.stderr
    assert "syria-geo: warning: " in proc.stderr
    assert "C2 =2+3" in proc.stderr


# --------------------------------------------------------------------------------------
# 9. same input, same bytes
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "epoch"),
    [("o.gpkg", True), ("o.html", False), ("o.svg", False), ("o.pdf", False), ("o.svg", True),
     ("o.pdf", True), ("o.png", False), ("o.csv", False), ("o.geojson", False),
     ("o.parquet", False), ("o.fgb", False), ("o.kml", False)],
)  # fmt: skip
def test_every_format_is_byte_identical_across_runs(
    name: str, epoch: bool, incidents_csv: Path, tmp_path: Path
) -> None:
    """Issue 15 item 9: GeoPackage (time stamps), HTML maps (random ids), SVG (dc:date, clip
    ids) and PDF (CreationDate) differed from run to run."""
    suffix = name.split(".")[1]
    command = {"html": "map", "svg": "choropleth", "pdf": "choropleth", "png": "choropleth"}
    env = {"SOURCE_DATE_EPOCH": "1600000000"} if epoch else {}
    outputs = []
    for run in (1, 2):
        out = tmp_path / f"run{run}.{suffix}"
        args = [command.get(suffix, "export"), str(incidents_csv), "-o", str(out)]
        proc = run_with_env(env, *args)
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    if epoch and suffix in ("svg", "pdf"):
        assert (b"2020-09-13T12:26:40" in outputs[0]) or (b"D:20200913122640" in outputs[0])


# --------------------------------------------------------------------------------------
# Minor
# --------------------------------------------------------------------------------------


def test_rows_are_counted_from_one(tmp_path: Path) -> None:
    """Minor: errors called the first data row "row 0"."""
    src = tmp_path / "bad.csv"
    src.write_text("report_id,killed,lon,lat\nr1,many,36.2,35.0\n", "utf-8")
    with pytest.raises(InputFormatError, match=r"'killed' must be numeric; row 1 has 'many'"):
        incidents_frame.incidents_from_file(src)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_folder_or_fifo_input_is_named_as_such(
    kind: str, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Minor: a folder or FIFO given as input was "not found" (or hung)."""
    src = tmp_path / "in.csv"
    src.mkdir() if kind == "folder" else os.mkfifo(src)
    line = error_line(run_cli("export", str(src), "-o", str(tmp_path / "o.csv"), timeout=60))
    assert {"folder": "is a folder", "fifo": "is a FIFO"}[kind] in line
    assert "not found" not in line


def test_geocode_refuses_a_non_csv_output(tmp_path: Path, run_cli: CliRunner) -> None:
    """Minor: ``geocode --output x.xlsx`` wrote CSV bytes into an .xlsx."""
    pd.DataFrame({"place": ["Aleppo"]}).to_csv(tmp_path / "p.csv", index=False)
    line = error_line(run_cli("geocode", "--input", str(tmp_path / "p.csv"), "--column", "place",
                              "--output", str(tmp_path / "x.xlsx")))  # fmt: skip
    assert "must be a .csv file" in line
    assert not (tmp_path / "x.xlsx").exists()


def test_join_control_refuses_dates_that_are_not_iso_days(
    incidents_csv: Path, control_layer: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    """Minor: ``join --control`` read ``-1`` and ``2016/09/05`` as dates."""
    df = incidents_frame.incidents_from_file(incidents_csv)
    df["date"] = ["2017-09-01", "-1", "2017/09/01", "1", "2017-09-01T00:00:00", ""]
    with pytest.warns(SyriaGeoWarning, match="3 value.* not calendar days"):
        src = io_writers.to_csv(df, tmp_path / "dates.csv")  # kept as written in date_text
    out = tmp_path / "out.csv"
    proc = run_cli("join", str(src), "--control", str(control_layer), "--no-admin", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    reason = pd.read_csv(out, dtype=str, keep_default_na=False)["zone_reason"].tolist()
    assert [r == "invalid date" for r in reason] == [False, True, True, True, False, False]
    assert reason[5] == "no date"


def test_missing_output_folder_is_reported_before_any_work(
    incidents_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Minor: a missing output folder was reported only after the whole join (6 s)."""

    def no_work(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the join ran before the output was checked")

    monkeypatch.setattr("syria_geo.spatial.admin.join_admin", no_work)
    monkeypatch.setattr(incidents_frame, "incidents_from_file", no_work)
    status, stderr = run_main("join", str(incidents_csv), "-o", str(tmp_path / "no" / "o.csv"))
    assert status == 2, stderr
    assert "output folder does not exist" in stderr
    assert "AssertionError" not in stderr
