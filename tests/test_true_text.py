"""What the help texts, the README and the notebooks say is what the toolkit does (issue 28, item 2).

- No help text points to something the installed wheel lacks (``docs/`` files, ``npm``).
- Every ``syria-geo COMMAND --option`` the README or a notebook names exists.
- The README's numbers and the outputs its examples' comments promise are the real ones.
- The project names no address it does not have (issue 28, item 4).
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

import syria_geo as sg
from syria_geo.cli.app import _build_parser
from tests.readme_blocks import (
    claim_pattern,
    cli_block,
    print_claims,
    python_blocks,
    readme_text,
)

REPO = Path(__file__).resolve().parents[1]
COMMANDS = ("gazetteer", "geocode", "reverse", "extract", "reconcile", "summary", "join",
            "control", "map", "choropleth", "export", "demo")  # fmt: skip


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every (sub-)command's parser by its command line (``gazetteer search``)."""
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in _subparsers(sub).items()})
    return found


PARSERS = _subparsers(_build_parser())


def test_every_command_has_a_parser() -> None:
    assert set(COMMANDS) <= set(PARSERS)


@pytest.mark.parametrize("command", sorted(PARSERS))
def test_help_points_only_to_what_the_wheel_has(command: str) -> None:
    text = " ".join(PARSERS[command].format_help().split())
    assert not re.search(r"\bdocs/|\.md\b", text), command  # the wheel ships no docs/
    assert "npm" not in text, command  # the package carries its web assets
    assert "README" not in text or "see the README" in text


def _options(command: str) -> set[str]:
    return {o for a in PARSERS[command]._actions for o in a.option_strings}


def _named_options(text: str) -> list[tuple[str, str]]:
    """(command, option) for every ``syria-geo COMMAND ... --option`` or `COMMAND --option`."""
    found = []
    commands = "|".join(COMMANDS)
    for match in re.finditer(rf"(?:syria-geo |`)({commands})\b([^`\n]*)", text):
        rest = match[2].split("#", 1)[0]
        command = match[1]
        words = rest.split()
        if command == "gazetteer" and words and f"gazetteer {words[0]}" in PARSERS:
            command = f"gazetteer {words[0]}"
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", rest):
            found.append((command, option))
    return found


def _notebook_markdown() -> str:
    parts = []
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text("utf-8"))["cells"]
        parts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return "\n".join(parts)


@pytest.mark.parametrize("source", ["README.md", "notebooks"])
def test_every_option_named_exists(source: str) -> None:
    text = readme_text() if source == "README.md" else _notebook_markdown()
    named = _named_options(text)
    if source == "README.md":
        assert ("export", "--qgis-project") in named  # the check sees the README's commands
    missing = [(c, o) for c, o in named if o not in _options(c)]
    assert missing == []


def test_the_check_finds_an_option_that_does_not_exist() -> None:
    named = _named_options("Use `geocode --online` to ask Nominatim.")
    assert named == [("geocode", "--online")]
    assert "--online" not in _options("geocode")


def test_readme_names_no_command_that_does_not_exist() -> None:
    for line in cli_block().replace("\\\n", " ").splitlines():
        words = line.split("#", 1)[0].split()
        if words[:1] == ["syria-geo"]:
            assert words[1] in PARSERS, line


# --------------------------------------------------------------------------------------
# the README's facts
# --------------------------------------------------------------------------------------


def test_readme_numbers_are_the_shipped_data() -> None:
    text = " ".join(readme_text().split())
    levels = sg.load_gazetteer()["level"].value_counts()
    assert f"{levels['community']:,} communities" in text
    assert f"{levels['neighbourhood']} city neighbourhoods" in text
    assert f"{round(levels['locality'], -2):,} more localities" in text
    assert f"{round(levels['landmark'], -2):,} landmarks" in text
    units = [len(sg.load_boundaries(level)) for level in ("adm0", "adm1", "adm2", "adm3")]
    assert f"({'/'.join(map(str, units))} units)" in text
    assert f"{units[3]} sub-districts" in text
    assert f"{len(sg.load_sample_incidents())} geocoded incidents" in text
    exceptions = pd.read_csv(REPO / "gazetteer" / "community_adm3_exceptions.csv")
    assert f"the {len(exceptions)} OCHA community points" in text
    population = sg.load_population("adm2")
    assert {"pop_census2004", "pop_hno2016", "pop_hno2017", "area_km2"} <= set(population)


def test_readme_says_what_a_row_without_a_point_gets() -> None:
    text = " ".join(readme_text().split())
    assert "with no geometry (`None`, never a point at 0,0)" in text
    out = sg.geocode_frame(pd.DataFrame({"place": ["Douma", "Gaziantep"]}), "place")
    assert out.geometry.iloc[1] is None
    assert pd.isna(out["lon"].iloc[1])
    assert out["geo_reason"].iloc[1]
    frame = sg.incidents_from_file(REPO / "samples" / "snhr_seed_incidents.csv")
    assert str(frame["date"].dtype).startswith("datetime64")  # "`date` is `datetime64`"
    assert str(frame["killed"].dtype) == "Int64"
    assert str(frame["same_family"].dtype) == "boolean"


def test_readme_print_comments_are_there_to_be_checked() -> None:
    # tests/test_api.py runs each Python block in a fresh interpreter and matches every claim
    # (the comment after a print(...) line) against what the block printed
    claims = [claim for code in python_blocks() for claim in print_claims(code)]
    assert len(claims) >= 3
    for claim in claims:
        assert re.match(claim_pattern(claim), claim.replace("...", ""))


def test_readme_expression_comments_hold() -> None:
    text = readme_text()
    assert 'sg.places_from_name("خان شيخون").iloc[0]["id"]       # \'C3987\' (Khan Shaykun)' in text
    hit = sg.places_from_name("خان شيخون").iloc[0]
    assert (hit["id"], hit["name_en"]) == ("C3987", "Khan Shaykun")


# --------------------------------------------------------------------------------------
# no invented addresses (item 4)
# --------------------------------------------------------------------------------------


def test_no_placeholder_project_address() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    assert "urls" not in project  # no public address exists yet
    for name in ("pyproject.toml", "CHANGELOG.md", "README.md"):
        assert "github.com/syria-geo" not in (REPO / name).read_text("utf-8"), name
