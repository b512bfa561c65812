"""``reconcile``: a report's printed summary against its extracted incidents."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from syria_geo.errors import InputFormatError, ReportParseError
from syria_geo.reports.reader import Reconciliation, incidents_from_text, reconcile


def _text(seeds_dir: Path, name: str) -> str:
    return (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")


def _diff_rows(result: Reconciliation) -> list[tuple[str, str, str, str, int, int]]:
    d = result.differences
    return [
        (r.check, r.table, r.key, r.measure, int(r.summary_value), int(r.compared_value))
        for r in d.itertuples()
    ]


def test_2016_09_counts_match_and_victim_totals_disagree_with_details(seeds_dir: Path) -> None:
    result = reconcile(_text(seeds_dir, "snhr-2016-09-massacres"))
    # every massacre count (total, by party, governorate, area of control) matches
    counts = result.comparisons[result.comparisons["measure"] == "count"]
    assert len(counts) == 1 + 4 + 7 + 3 + 3  # total, parties, governorates, control, internal
    assert (counts["status"] == "match").all()
    # the printed victim numbers disagree with the sum of the report's own paragraphs
    assert _diff_rows(result) == [
        ("summary_vs_incidents", "victims_total", "all", "killed", 498, 500),
        ("summary_vs_incidents", "victims_total", "all", "women", 64, 66),
        ("summary_vs_incidents", "victims_by_perpetrator", "syrian_regime", "women", 25, 27),
        ("summary_vs_incidents", "victims_by_perpetrator", "russia", "killed", 257, 259),
    ]
    # ... while the summary is consistent with itself
    internal = result.comparisons[result.comparisons["check"] == "summary_internal"]
    assert len(internal) == 6
    assert (internal["status"] == "match").all()
    russia = result.differences.iloc[3]
    assert russia["incident_seqs"] == ",".join(str(i) for i in range(27, 47))


def test_2016_09_victim_facts(seeds_dir: Path) -> None:
    facts = reconcile(_text(seeds_dir, "snhr-2016-09-massacres")).facts
    victims = {(f.key, f.measure): f.value for f in facts if f.table == "victims_by_perpetrator"}
    assert victims == {
        ("syrian_regime", "killed"): 211,
        ("syrian_regime", "children"): 65,
        ("syrian_regime", "women"): 25,
        ("russia", "killed"): 257,
        ("russia", "children"): 87,
        ("russia", "women"): 38,
        ("isis", "killed"): 21,
        ("isis", "children"): 2,
        ("isis", "women"): 1,
        ("armed_opposition", "killed"): 9,
        ("armed_opposition", "children"): 7,
    }
    totals = {f.measure: f.value for f in facts if f.table == "victims_total"}
    assert totals == {"killed": 498, "children": 161, "women": 64}


def test_2017_09_everything_matches(seeds_dir: Path) -> None:
    result = reconcile(_text(seeds_dir, "snhr-2017-09-massacres"))
    assert result.ok
    assert result.differences.empty
    facts = {(f.table, f.key, f.measure): f.value for f in result.facts}
    assert facts[("victims_total", "all", "killed")] == 430
    assert facts[("victims_total", "all", "children")] == 139
    assert facts[("victims_total", "all", "women")] == 85
    assert facts[("victims_by_perpetrator", "international_coalition", "killed")] == 96
    assert facts[("victims_by_perpetrator", "syrian_regime", "women")] == 37
    # the year-to-date toll printed before the month's total is not read as the month's
    assert facts[("massacres_total", "all", "count")] == 43
    assert 286 not in {f.value for f in result.facts}


def test_2020_05_single_massacre(seeds_dir: Path) -> None:
    result = reconcile(_text(seeds_dir, "snhr-2020-05-civilian-deaths"))
    assert result.ok
    assert {(f.table, f.key, f.value) for f in result.facts} == {
        ("massacres_total", "all", 1),
        ("massacres_by_perpetrator", "other_parties", 1),
        ("massacres_by_governorate", "Aleppo", 1),
    }
    assert any("victims_total" in note for note in result.notes)


def test_2021_02_lists_fewer_massacres_than_it_counts(seeds_dir: Path) -> None:
    result = reconcile(_text(seeds_dir, "snhr-2021-02-civilian-deaths"))
    assert _diff_rows(result) == [
        ("summary_vs_incidents", "massacres_total", "all", "count", 3, 2),
        ("summary_vs_incidents", "massacres_by_perpetrator", "other_parties", "count", 3, 2),
        ("summary_vs_incidents", "victims_total", "all", "killed", 18, 11),
        ("summary_vs_incidents", "victims_total", "all", "children", 7, 4),
    ]
    assert set(result.differences["incident_seqs"]) == {"8,9"}
    assert result.differences["detail"].str.contains("notable").all()
    # the month's massacre totals are printed twice and agree
    repeated = result.comparisons[
        result.comparisons["compared_with"] == "the same number printed again"
    ]
    assert len(repeated) == 5
    assert (repeated["status"] == "match").all()


def test_summary_that_disagrees_with_itself() -> None:
    text = (
        "SNHR\n\nI. Executive Summary\n"
        "SNHR documented no less than 4 massacres in the month of June, distributed as follows:\n"
        "A. Syrian regime forces: 2\nB. Russian forces: 1\n\n"
        "Massacres are distributed across Syrian governorates as follows:\n"
        "Idlib: 2 massacres\nHama: 1 massacre\n\n"
        "II. Details\nA. Syrian regime forces\nIdlib governorate\n"
        "Monday 1 June 2015, regime warplanes hit Saraqib city, eastern suburbs of Idlib "
        "governorate, which resulted in the killing of six civilians.\n\n"
        "Tuesday 2 June 2015, regime warplanes hit Binnish city, northern suburbs of Idlib "
        "governorate, which resulted in the killing of seven civilians.\n\n"
        "B. Russian forces\nHama governorate\n"
        "Wednesday 3 June 2015, Russian warplanes hit Kafr Zita city, northern suburbs of Hama "
        "governorate, which resulted in the killing of five civilians.\n"
    )
    result = reconcile(text)
    internal = result.differences[result.differences["check"] == "summary_internal"]
    assert internal[["compared_with", "summary_value", "compared_value"]].values.tolist() == [
        ["sum of massacres_by_perpetrator", 4, 3],
        ["sum of massacres_by_governorate", 4, 3],
    ]
    vs = result.differences[result.differences["check"] == "summary_vs_incidents"]
    assert vs[["table", "summary_value", "compared_value"]].values.tolist() == [
        ["massacres_total", 4, 3]
    ]


def test_inputs_path_dataframe_and_errors(seeds_dir: Path, tmp_path: Path) -> None:
    path = seeds_dir / "snhr-2020-05-civilian-deaths.txt"
    from_path = reconcile(path)
    assert from_path.report_id == "snhr-2020-05-civilian-deaths"
    assert from_path.ok
    assert reconcile(str(path)).ok
    text = path.read_text(encoding="utf-8")
    frame = incidents_from_text(text)
    from_frame = reconcile(frame, text=text)
    pd.testing.assert_frame_equal(from_frame.comparisons, from_path.comparisons)
    # a DataFrame with an incident removed shows the gap
    fewer = reconcile(frame.iloc[0:0], text=text)
    assert not fewer.ok
    with pytest.raises(InputFormatError, match="text="):
        reconcile(frame)
    with pytest.raises(InputFormatError, match="lacks columns"):
        reconcile(frame[["seq"]], text=text)
    with pytest.raises(ReportParseError):
        reconcile("")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ReportParseError, match="empty"):
        reconcile(empty)


def test_result_is_frozen_and_serialisable(seeds_dir: Path) -> None:
    result = reconcile(_text(seeds_dir, "snhr-2021-02-civilian-deaths"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.report_id = "x"  # type: ignore[misc]
    payload = json.loads(json.dumps(result.to_dict()))
    assert payload["n_differences"] == 4
    assert payload["n_massacres"] == 2
    assert {c["status"] for c in payload["comparisons"]} == {"match", "difference"}
    assert all(isinstance(f["span_start"], int) for f in payload["facts"])
    text = str(result)
    assert text.splitlines()[0].startswith("Reconciliation of snhr-2021-02")
    assert text.count("DIFF") == 4


@pytest.mark.parametrize(
    "name", ["snhr-2016-09-massacres", "snhr-2017-09-massacres", "snhr-2021-02-civilian-deaths"]
)
def test_a_summary_number_too_large_to_store_is_left_empty_and_said(
    seeds_dir: Path, name: str
) -> None:
    """A garbled summary (a 23-digit figure) is read, not a crash; the number is flagged."""
    import re

    from syria_geo.reports.reader import summary_from_text

    huge = "9" * 23
    text = re.sub(r"\b\d{1,3}\b(?= (?:massacres|civilians))", huge, _text(seeds_dir, name))
    figures = summary_from_text(text)
    flagged = figures[figures["warnings"].str.contains("too large to store", na=False)]
    assert len(flagged) > 0
    assert flagged["value"].isna().all()
    assert figures["value"].dtype == "Int64"
    result = reconcile(text)
    differences = result.differences
    assert differences["summary_value"].dtype == "Int64"
    assert (differences["summary_value"].dropna() < 2**63).all()


# --- a report whose summary and incidents agree, and one where they do not ----------------------

_PARTY_HEADINGS = {
    "syrian_regime": ("Government forces", "Syrian regime forces fired shells at"),
    "russia": ("Russian forces", "Russian warplanes fired missiles at"),
    "isis": ("ISIS", "ISIS fighters fired mortar shells at"),
}
_TOWNS = {
    "Idlib": ("Kafr Nabl", "Saraqib", "Binnish"),
    "Hama": ("Kafr Zita", "Latamna", "Morek"),
    "Aleppo": ("Anadan", "Hreitan", "Atarib"),
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _agreeing_report(seed: int) -> tuple[str, dict[tuple[str, str], int]]:
    """A report (summary and incidents, written for this test) whose numbers agree.

    Returns the text and the victims of each (party, governorate) cell.
    """
    import random

    rng = random.Random(seed)
    cells: dict[tuple[str, str], list[tuple[int, int, int]]] = {}
    for party in rng.sample(list(_PARTY_HEADINGS), rng.randint(1, 3)):
        for gov in rng.sample(list(_TOWNS), rng.randint(1, 2)):
            cells[(party, gov)] = [
                (rng.randint(5, 20), rng.randint(0, 3), rng.randint(0, 2))
                for _ in range(rng.randint(1, 2))
            ]
    by_party: dict[str, list[tuple[int, int, int]]] = {}
    by_gov: dict[str, int] = {}
    for (party, gov), rows in cells.items():
        by_party.setdefault(party, []).extend(rows)
        by_gov[gov] = by_gov.get(gov, 0) + len(rows)
    total = sum(by_gov.values())
    lines = [
        "SNHR monthly report on the massacres of March 2015",
        "",
        "I. Executive Summary",
        f"SNHR documented {total} massacres in March 2015, distributed as follows:",
    ]
    for index, (party, rows) in enumerate(by_party.items()):
        lines.append(f"{'ABC'[index]}. {_PARTY_HEADINGS[party][0]}: {len(rows)}")
    lines += ["", "The massacres are distributed across the governorates as follows:"]
    lines += [f"{gov}: {n} massacres" for gov, n in by_gov.items()]
    killed = sum(k for rows in by_party.values() for k, _, _ in rows)
    children = sum(c for rows in by_party.values() for _, c, _ in rows)
    women = sum(w for rows in by_party.values() for _, _, w in rows)
    lines += [
        "",
        f"{killed} individuals were killed in those massacres, including {children} children "
        f"and {women} women.",
        "",
        "The death toll of these massacres is divided by perpetrator as follows:",
    ]
    for party, rows in by_party.items():
        k, c, w = (sum(r[i] for r in rows) for i in range(3))
        lines.append(f"{_PARTY_HEADINGS[party][0]}: {k} individuals, including {c} children "
                     f"and {w} women.")  # fmt: skip
    lines += ["", "II. Details"]
    day = 1
    for party in by_party:
        lines += ["", f"{'ABC'[list(by_party).index(party)]}. {_PARTY_HEADINGS[party][0]}"]
        for (cell_party, gov), rows in cells.items():
            if cell_party != party:
                continue
            lines += ["", f"{gov} governorate"]
            for k, c, w in rows:
                town = rng.choice(_TOWNS[gov])
                weekday = _WEEKDAYS[(day + 6) % 7]
                lines += ["", f"On {weekday}, March {day}, 2015, {_PARTY_HEADINGS[party][1]} "
                          f"{town} town in the suburbs of {gov} governorate, killing {k} "
                          f"civilians, including {c} children and {w} women."]  # fmt: skip
                day += 1
    return "\n".join(lines) + "\n", {key: sum(r[0] for r in rows) for key, rows in cells.items()}


@pytest.mark.parametrize("seed", range(8))
def test_a_summary_that_agrees_with_its_incidents_shows_no_difference(seed: int) -> None:
    text, _ = _agreeing_report(seed)
    result = reconcile(text)
    assert len(result.incidents) >= 1
    assert result.ok, result.to_text()
    assert result.differences.empty
    tables = set(result.comparisons["table"])
    assert {"massacres_total", "massacres_by_perpetrator", "massacres_by_governorate"} <= tables
    assert {"victims_total", "victims_by_perpetrator"} <= tables


@pytest.mark.parametrize("seed", range(4))
def test_a_disagreement_names_the_figure_both_values_and_where_each_was_read(seed: int) -> None:
    text, _ = _agreeing_report(seed)
    # one incident paragraph now reports two more victims than the summary counted
    paragraphs = list(re.finditer(r"(?m)^On \w+, March \d+, 2015, .*$", text))
    changed = paragraphs[0]
    k = int(re.search(r"killing (\d+) civilians", changed.group(0)).group(1))  # type: ignore[union-attr]
    new = changed.group(0).replace(f"killing {k} civilians", f"killing {k + 2} civilians")
    text = text[: changed.start()] + new + text[changed.end() :]
    result = reconcile(text)
    rows = result.differences
    assert set(rows["check"]) == {"summary_vs_incidents"}
    assert set(rows["measure"]) == {"killed"}
    assert set(rows["table"]) == {"victims_total", "victims_by_perpetrator"}
    assert (rows["compared_value"] - rows["summary_value"] == 2).all()
    for row in rows.itertuples():
        printed = text[int(row.summary_span_start) : int(row.summary_span_end)]
        assert str(int(row.summary_value)) in printed
        read = [tuple(map(int, pair.split("-"))) for pair in row.compared_spans.split(";")]
        assert any(new in text[a:b] or text[a:b] in new for a, b in read)
    assert "summary read at chars" in result.to_text()
