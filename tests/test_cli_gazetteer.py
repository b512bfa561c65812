"""The ``syria-geo`` command line, run as a real subprocess."""

from __future__ import annotations

import json

import pytest

from syria_geo import __version__

from .conftest import CliRunner


def test_version(run_cli: CliRunner) -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"syria-geo {__version__}"


def test_no_command_prints_help_and_fails(run_cli: CliRunner) -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "gazetteer" in result.stderr


@pytest.mark.parametrize("query", ["Khan Shaikhoun", "خان شيخون"])
def test_search_returns_khan_shaykhun_first(run_cli: CliRunner, query: str) -> None:
    result = run_cli("gazetteer", "search", query, "--limit", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert 1 <= len(lines) <= 5
    first = lines[0].split("\t")
    assert first[:4] == ["C3987", "community", "Khan Shaykun", "خان شيخون"]
    assert first[4] == "Khan Shaykun (SY070201)"  # sub-district
    assert first[5] == "Idleb (SY07)"  # governorate


def test_search_json_lines(run_cli: CliRunner) -> None:
    result = run_cli(
        "gazetteer", "search", "Sukkari", "--limit", "3", "--json", "--level", "neighbourhood"
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records[0]["id"] == "N0219"
    assert records[0]["parent_id"] == "C1007"
    assert all(r["level"] == "neighbourhood" for r in records)


def test_show(run_cli: CliRunner) -> None:
    result = run_cli("gazetteer", "show", "C3987", "--json")
    assert result.returncode == 0, result.stderr
    place = json.loads(result.stdout)
    assert place["name_ar"] == "خان شيخون"
    assert place["adm3_pcode"] == "SY070201"
    assert isinstance(place["alt_names"], list)
    text = run_cli("gazetteer", "show", "C3987")
    assert "Khan Shaykun" in text.stdout
    assert "SY070201" in text.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("gazetteer", "show", "C99999"), "no gazetteer entry"),
        (("gazetteer", "search", "Aleppo", "--limit", "0"), "invalid positive integer"),
        (("gazetteer", "search", "Aleppo", "--level", "village"), "invalid choice"),
        (("gazetteer",), "required"),
    ],
)
def test_errors_are_one_line_exit_2(run_cli: CliRunner, args: tuple[str, ...], needle: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert needle in result.stderr
    assert "Traceback" not in result.stderr
