"""A row the geocoder fails on costs that row, not the table (status ``error``).

Every input row comes back, in order, with a status and a reason: a value that is no place
description (a number, a text too long for one) is an ``error`` of the input, and a row on
which the geocoder itself raises is an ``error`` naming the exception, while every other row
is geocoded exactly as it would be without it. The failures here are made by replacing one
stage of the batch with a version that raises for one text and otherwise does what the stage
does; the rest of the batch runs the real geocoder on the shipped gazetteer.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import syria_geo.geocoding.geocoder as geocoding_geocoder
from syria_geo import geocode_batch, geocode_frame
from syria_geo.errors import InvalidParameterError, SyriaGeoWarning

REPO = Path(__file__).resolve().parents[1]

# real descriptions of the shapes reports write; "Kafr Nubl" is the one made to fail, twice
TEXTS = [
    "Al Sukkari neighborhood, Aleppo city",
    "Kafr Nubl, Idlib countryside",
    "Hawwar town, western suburbs of Aleppo governorate",
    "بلدة كفرنبل",
    "",
    "Kafr Nubl, Idlib countryside",
    "Qzxwvbnmq village",
    "Douma city",
]
BAD = "Kafr Nubl, Idlib countryside"
UNFOUND = "Qzxwvbnmq village"  # (only a row whose place is not found searches its spans)


def _failing_for(
    original: Callable[..., Any], text_of: Callable[..., str], bad: str = BAD
) -> Callable[..., Any]:
    """``original``, raising ZeroDivisionError when ``text_of(args)`` is the text ``bad``."""

    def stage(*args: Any, **kwargs: Any) -> Any:
        if text_of(*args, **kwargs) == bad:
            raise ZeroDivisionError("division by zero in a made-up fault")
        return original(*args, **kwargs)

    return stage


def _failing_chain(original: Callable[..., Any]) -> Callable[..., Any]:
    """``chain_steps`` whose chain raises for the failing text after its first search."""

    def chain_steps(gaz: Any, scene: Any) -> Iterator[Any]:
        steps = original(gaz, scene)
        if scene.query != BAD:
            return steps

        def broken() -> Iterator[Any]:
            yield next(steps)
            raise KeyError("a made-up missing key")

        return broken()

    return chain_steps


# stage -> (the geocoder's function replaced, its failing version, the exception, the text)
STAGES: dict[str, tuple[str, Callable[[Callable[..., Any]], Callable[..., Any]], str, str]] = {
    "parse": (
        "parse_one",
        lambda f: _failing_for(f, lambda text, *a, **k: text),
        "ZeroDivisionError",
        BAD,
    ),
    "chain": ("chain_steps", _failing_chain, "KeyError", BAD),
    "spans": (
        "span_requests",
        lambda f: _failing_for(f, lambda gaz, scene: scene.query, UNFOUND),
        "ZeroDivisionError",
        UNFOUND,
    ),
    "result": (
        "result_of_chain",
        lambda f: _failing_for(f, lambda gaz, scene: scene.query),
        "ZeroDivisionError",
        BAD,
    ),
}


@pytest.fixture(scope="module")
def clean() -> pd.DataFrame:
    return geocode_batch(TEXTS, progress=False)


def test_the_failing_text_is_found_by_the_real_geocoder(clean: pd.DataFrame) -> None:
    """The made-up fault hides a real answer: without it, the text is Kafr Nubl."""
    assert clean["geo_status"].iloc[1] == "matched"
    assert clean["geo_name"].iloc[1] == "Kafr Nobol"


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_a_failing_row_is_an_error_and_the_others_are_untouched(
    stage: str, clean: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    name, wrap, exc_name, bad = STAGES[stage]
    monkeypatch.setattr(geocoding_geocoder, name, wrap(getattr(geocoding_geocoder, name)))
    with pytest.warns(SyriaGeoWarning, match=rf"failed on 1 distinct value.*{exc_name}"):
        out = geocode_batch(TEXTS, progress=False)
    assert len(out) == len(TEXTS)
    assert out.index.equals(clean.index)
    failed = [i for i, t in enumerate(TEXTS) if t == bad]
    assert failed
    for i in failed:
        row = out.iloc[i]
        assert row["geo_status"] == "error"
        assert exc_name in row["geo_reason"]
        assert "the other rows are not affected" in row["geo_reason"]
        assert (row["geo_id"], row["geo_precision"]) == ("", 0)
        assert math.isnan(row["lon"])
        assert math.isnan(row["lat"])
    others = [i for i in range(len(TEXTS)) if i not in failed]
    pd.testing.assert_frame_equal(out.iloc[others], clean.iloc[others])


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_errors_raise_lets_the_failure_through(stage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    name, wrap, exc_name, _ = STAGES[stage]
    monkeypatch.setattr(geocoding_geocoder, name, wrap(getattr(geocoding_geocoder, name)))
    with pytest.raises((ZeroDivisionError, KeyError)) as info:
        geocode_batch(TEXTS, progress=False, errors="raise")
    assert type(info.value).__name__ == exc_name


def test_geocode_frame_keeps_the_table_and_its_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    wrap = STAGES["result"][1]
    monkeypatch.setattr(
        geocoding_geocoder, "result_of_chain", wrap(geocoding_geocoder.result_of_chain)
    )
    frame = pd.DataFrame({"place": TEXTS, "victims": range(len(TEXTS))}, index=range(10, 18))
    with pytest.warns(SyriaGeoWarning, match="the other rows were geocoded as usual"):
        out = geocode_frame(frame, "place", progress=False)
    assert out.index.tolist() == frame.index.tolist()
    assert out["victims"].tolist() == frame["victims"].tolist()
    assert out["geo_status"].tolist() == [
        "matched", "error", "matched", "matched", "unmatched", "error", "unmatched", "matched",
    ]  # fmt: skip
    assert out.geometry.iloc[1] is None  # no point (a null geometry), never 0, 0


@pytest.mark.parametrize("errors", ["ignore", "coerce", "", None])
def test_errors_modes_are_checked(errors: Any) -> None:
    with pytest.raises(InvalidParameterError, match="'record', 'raise'"):
        geocode_batch(["Douma"], errors=errors)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (42, "not text: int value"),
        (True, "not text: bool value"),
        (b"Douma", "not text: bytes value"),
        (["Douma"], "not text: list value"),
        ("Idlib, " * 200, "input too long"),
        ("إدلب " * 200, "input too long"),
    ],
)
def test_a_value_that_is_no_description_is_an_input_error(value: Any, reason: str) -> None:
    """A number, bytes, a list or a page of text in a place column: an error of the input."""
    with_it = geocode_batch(["Douma city", value, "Afrin"], progress=False)
    assert with_it["geo_status"].tolist() == ["matched", "error", "matched"]
    assert reason in with_it["geo_reason"].iloc[1]
    assert math.isnan(with_it["lon"].iloc[1])


@pytest.mark.parametrize("value", ["", "   ", "unknown", "غير معروف", "N/A", None])
def test_an_empty_or_placeholder_cell_stays_unmatched(value: Any) -> None:
    """Nothing to place is not an error: an empty or placeholder cell is ``unmatched``."""
    out = geocode_batch([value], progress=False)
    assert out["geo_status"].tolist() == ["unmatched"]


def test_cli_writes_every_row_and_counts_the_errors(tmp_path: Path) -> None:
    """Through a subprocess: a geocoder fault on one row and an over-long cell cost two rows."""
    src = tmp_path / "places.csv"
    texts = [*TEXTS, "Aleppo " * 100]
    pd.DataFrame({"place_text": texts, "n": range(len(texts))}).to_csv(src, index=False)
    out = tmp_path / "out.csv"
    script = (
        "import syria_geo.geocoding.geocoder as g\n"
        "original = g.result_of_chain\n"
        "def result_of_chain(gaz, scene):\n"
        f"    if scene.query == {BAD!r}:\n"
        "        raise ZeroDivisionError('a made-up fault')\n"
        "    return original(gaz, scene)\n"
        "g.result_of_chain = result_of_chain\n"
        "import sys\n"
        "from syria_geo.cli.app import run\n"
        f"sys.argv = ['syria-geo', 'geocode', '--input', {str(src)!r}, '--column',"
        f" 'place_text', '--output', {str(out)!r}, '--no-progress']\n"
        "raise SystemExit(run())\n"
    )
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["n"].tolist() == [str(i) for i in range(len(texts))]
    assert got["geo_status"].tolist() == [
        "matched", "error", "matched", "matched", "unmatched", "error", "unmatched", "matched",
        "error",
    ]  # fmt: skip
    assert "ZeroDivisionError" in got["geo_reason"].iloc[1]
    assert "input too long" in got["geo_reason"].iloc[-1]
    assert got.loc[got["geo_status"] == "error", "lon"].eq("").all()
    assert "syria-geo: warning: the geocoder failed on 1 distinct value" in proc.stderr
    assert "error 3" in proc.stderr
