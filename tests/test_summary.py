"""``summary_from_text``: every printed figure of an SNHR summary, in the shapes of 2014-2022.

The texts below are written for these tests in the shapes SNHR used (issue 11 lists them);
their sentences and numbers are made up.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from syria_geo.errors import ReportParseError
from syria_geo.reports import FIGURE_COLUMNS, reconcile, summary_from_text, text_from_pdf

from .conftest import CliRunner

# one label per line, numbers in words, governorates as SNHR spelled them then
LINES_2014 = """SNHR: Massacres documented in August 2014

The Syrian Network for Human Rights (SNHR) documented 19 massacres in the month of August.

Massacres by the party that committed them:
Government forces: 13 massacres
Daesh: four massacres
An-Nusra Front: one massacre
Unidentified groups: one massacre

Massacres by governorate:
Der Ezzor: five massacres
Damascus countryside: nine massacres
Al-Haskah: two massacres
Idlib: three massacres

In total, 412 were killed in those massacres including 97 children and 53 women.
Government forces killed 301 victims including 88 children and 41 women.
ISIS: 111 civilians, including nine children and 12 women
"""

# lettered items, a parent heading with numbered sub-items, and a one-line governorate list
ITEMS_2015 = """Syrian Network for Human Rights
Monthly report on massacres in June 2015

During the month of June, SNHR recorded 31 massacres.
A- Government Forces (including the army, security forces, local militias and foreign
militias) committed 28 massacres.
B- Extremists Islam Groups: i- ISIS committed two massacres ii- An-Nusra Front committed one massacre

The massacres by governorate: Idlib 7, Rural Damascus 12, Deir Az- Zour 2, Aleppo 9, Hama 1
"""

# "N of the T massacres ... while ..." and a coalition and a Kurdish force
WHILE_2015 = """SNHR report: the massacres of March 2015

The Syrian regime and its militias perpetrated 22 of the 26 massacres while the Kurdish
Protection Forces perpetrated one. The international alliance committed two massacres.
Unidentified groups: one massacre
"""


def _rows(frame: pd.DataFrame) -> set[tuple[str, str, str, int]]:
    return {(r.measure, r.perpetrator, r.adm1_pcode, int(r.value)) for r in frame.itertuples()}


def test_columns_period_and_types() -> None:
    frame = summary_from_text(LINES_2014, report_id="snhr-2014-08")
    assert tuple(frame.columns) == FIGURE_COLUMNS
    assert set(frame["report_id"]) == {"snhr-2014-08"}
    assert set(frame["period"]) == {"2014-08"}
    for column in ("value", "span_start", "span_end"):
        assert str(frame[column].dtype) == "Int64"
    for row in frame.itertuples():
        # every span points at a statement holding its number (digits or words)
        assert row.span_start < row.span_end <= len(LINES_2014)


def test_one_label_per_line_with_numbers_in_words() -> None:
    frame = summary_from_text(LINES_2014)
    assert _rows(frame) == {
        ("massacres", "all", "", 19),
        ("massacres", "syrian_regime", "", 13),
        ("massacres", "isis", "", 4),
        ("massacres", "hts", "", 1),
        ("massacres", "other_parties", "", 1),
        ("massacres", "all", "SY09", 5),
        ("massacres", "all", "SY03", 9),
        ("massacres", "all", "SY08", 2),
        ("massacres", "all", "SY07", 3),
        ("massacre_victims", "all", "", 412),
        ("massacre_children", "all", "", 97),
        ("massacre_women", "all", "", 53),
        ("massacre_victims", "syrian_regime", "", 301),
        ("massacre_children", "syrian_regime", "", 88),
        ("massacre_women", "syrian_regime", "", 41),
        ("massacre_victims", "isis", "", 111),
        ("massacre_children", "isis", "", 9),
        ("massacre_women", "isis", "", 12),
    }
    assert (frame["warnings"] == "").all()
    daesh = frame[(frame["perpetrator"] == "isis") & (frame["measure"] == "massacres")].iloc[0]
    assert "four massacres" in LINES_2014[daesh["span_start"] : daesh["span_end"]]


def test_lettered_items_parent_heading_yields_sub_items_and_one_line_governorates() -> None:
    frame = summary_from_text(ITEMS_2015, report_id="june")
    assert set(frame["period"]) == {"2015-06"}
    massacres = frame[frame["measure"] == "massacres"]
    assert _rows(massacres) == {
        ("massacres", "all", "", 31),
        ("massacres", "syrian_regime", "", 28),
        ("massacres", "isis", "", 2),
        ("massacres", "hts", "", 1),
        ("massacres", "all", "SY07", 7),
        ("massacres", "all", "SY03", 12),
        ("massacres", "all", "SY09", 2),
        ("massacres", "all", "SY02", 9),
        ("massacres", "all", "SY05", 1),
    }
    # 7 + 12 + 2 + 9 + 1 = 31: consistent; 28 + 2 + 1 = 31: consistent
    assert (frame["warnings"] == "").all()


def test_n_of_the_total_while_and_other_party_names() -> None:
    frame = summary_from_text(WHILE_2015)
    assert set(frame["period"]) == {"2015-03"}
    assert _rows(frame) == {
        ("massacres", "syrian_regime", "", 22),
        ("massacres", "all", "", 26),
        ("massacres", "sdf", "", 1),
        ("massacres", "international_coalition", "", 2),
        ("massacres", "other_parties", "", 1),
    }


def test_contradicting_sums_are_kept_as_printed_and_flagged() -> None:
    text = LINES_2014.replace("Idlib: three massacres", "Idlib: four massacres").replace(
        "Daesh: four massacres", "Daesh: five massacres"
    )
    frame = summary_from_text(text)
    total = frame[
        (frame["measure"] == "massacres")
        & (frame["perpetrator"] == "all")
        & (frame["adm1_pcode"] == "")
    ]
    assert total["value"].tolist() == [19]
    (warning,) = total["warnings"].tolist()
    assert "perpetrator lines of the report sum to 20, not 19" in warning
    assert "governorate lines of the report sum to 20, not 19" in warning
    # the items themselves are kept as printed
    assert ("massacres", "isis", "", 5) in _rows(frame)
    assert ("massacres", "all", "SY07", 4) in _rows(frame)


def test_death_toll_report_measures() -> None:
    text = """SNHR: civilian death toll in October 2019

III. Death toll of civilian victims
In October, SNHR documented the deaths of 233 civilians, including forty-one children and
17 women, at the hands of the parties to the conflict.

- Syrian regime forces (army, security, local militias):
We documented the deaths of 120 civilians at the hands of Syrian regime forces, including
thirty children and nine women.
- Russian forces:
We documented the deaths of 113 civilians, including eleven children and eight women.

IV. Deaths due to torture and deaths of medical and media workers
SNHR documented the deaths of twelve individuals due to torture in October.
SNHR documented the deaths of two medical personnel in October.
SNHR didn't document any deaths among media workers in October 2019.
"""
    frame = summary_from_text(text, report_id="dt")
    assert set(frame["period"]) == {"2019-10"}
    assert _rows(frame) == {
        ("killed", "all", "", 233),
        ("children", "all", "", 41),
        ("women", "all", "", 17),
        ("killed", "syrian_regime", "", 120),
        ("children", "syrian_regime", "", 30),
        ("women", "syrian_regime", "", 9),
        ("killed", "russia", "", 113),
        ("children", "russia", "", 11),
        ("women", "russia", "", 8),
        ("torture_deaths", "all", "", 12),
        ("medical_personnel", "all", "", 2),
        ("media_workers", "all", "", 0),
    }
    assert (frame["warnings"] == "").all()


def test_cumulative_figures_are_not_the_months() -> None:
    text = (
        "SNHR report on massacres in May 2016\n\n"
        "Since the beginning of 2016, SNHR documented 210 massacres.\n"
        "In May, SNHR documented 17 massacres.\n"
    )
    frame = summary_from_text(text)
    assert frame["value"].tolist() == [17]
    after = "SNHR\n\nSNHR documented 88 massacres since the start of 2016, including seven "
    frame = summary_from_text(after + "massacres in May.\n")
    assert frame["value"].tolist() == [7]


def test_incident_paragraphs_are_not_summary_figures() -> None:
    text = LINES_2014 + (
        "\nII. Details\nA. Government forces\nIdlib governorate\n"
        "Monday 4 August 2014, government forces shelled Kafr Nabl city, killing 11 civilians, "
        "including two children.\n"
    )
    assert _rows(summary_from_text(text)) == _rows(summary_from_text(LINES_2014))


def test_no_figures_gives_an_empty_table_with_a_reason() -> None:
    frame = summary_from_text("SNHR\n\nNothing to report this month.\n")
    assert frame.empty
    assert tuple(frame.columns) == FIGURE_COLUMNS
    assert frame.attrs["reason"]


def test_not_an_snhr_report_is_an_error() -> None:
    with pytest.raises(ReportParseError, match="does not look like an SNHR report"):
        summary_from_text("Quarterly sales: 12 stores, 4 regions.\n")


def test_reconcile_reads_the_2014_shapes() -> None:
    result = reconcile(LINES_2014)
    tables = {(f.table, f.key) for f in result.facts}
    assert ("massacres_by_perpetrator", "isis") in tables
    assert ("massacres_by_governorate", "Deir ez-Zor") in tables
    assert ("massacres_total", "all") in tables
    assert not any("massacres_by_perpetrator summary" in n for n in result.notes)
    internal = result.comparisons[result.comparisons["check"] == "summary_internal"]
    assert (internal["status"] == "match").all()
    assert len(internal) == 5


@pytest.mark.parametrize(
    "name",
    [
        "snhr-2016-09-massacres",
        "snhr-2017-09-massacres",
        "snhr-2020-05-civilian-deaths",
        "snhr-2021-02-civilian-deaths",
    ],
)
def test_seed_reports_figures_agree_with_reconcile(seeds_dir: Path, name: str) -> None:
    text = (seeds_dir / f"{name}.txt").read_text(encoding="utf-8")
    frame = summary_from_text(text, report_id=name)
    assert set(frame["period"]) == {f"{name[5:12]}"}
    massacres = frame[(frame["measure"] == "massacres") & (frame["perpetrator"] != "all")]
    by_party = {r.perpetrator: int(r.value) for r in massacres.itertuples()}
    facts = reconcile(text).facts
    assert by_party == {f.key: f.value for f in facts if f.table == "massacres_by_perpetrator"}
    assert (frame["warnings"] == "").all()
    assert frame["span_start"].is_monotonic_increasing


def test_seed_death_toll_figures(seeds_dir: Path) -> None:
    text = (seeds_dir / "snhr-2020-05-civilian-deaths.txt").read_text(encoding="utf-8")
    frame = summary_from_text(text)
    got = {(r.measure, r.perpetrator): int(r.value) for r in frame.itertuples()}
    # the month's toll and the perpetrator lines printed under it add up (125)
    assert got[("killed", "all")] == 125
    parts = [v for (m, p), v in got.items() if m == "killed" and p != "all"]
    assert sum(parts) == 125
    assert len(parts) == 6
    assert got[("torture_deaths", "all")] == 8
    assert got[("medical_personnel", "all")] == 0
    assert got[("media_workers", "all")] == 0


# --- maps from summary figures ---------------------------------------------------------------------


def _two_months() -> pd.DataFrame:
    return pd.concat(
        [
            summary_from_text(LINES_2014, report_id="a"),
            summary_from_text(ITEMS_2015, report_id="b"),
        ],
        ignore_index=True,
    )


def test_units_from_figures_one_row_per_governorate_and_month() -> None:
    from syria_geo.reports.reader import units_from_figures

    units, metric = units_from_figures(_two_months())
    assert metric == "count"
    got = {(r.date, r.adm1_pcode): r.summary_count for r in units.itertuples()}
    assert got == {
        ("2014-08", "SY09"): 5, ("2014-08", "SY03"): 9, ("2014-08", "SY08"): 2,
        ("2014-08", "SY07"): 3, ("2015-06", "SY07"): 7, ("2015-06", "SY03"): 12,
        ("2015-06", "SY09"): 2, ("2015-06", "SY02"): 9, ("2015-06", "SY05"): 1,
    }  # fmt: skip
    june, _ = units_from_figures(_two_months(), period="2015-06")
    assert set(june["date"]) == {"2015-06"}
    assert june["summary_count"].sum() == 31


def test_units_from_figures_errors_name_the_valid_values() -> None:
    from syria_geo.errors import InputFormatError, InvalidParameterError
    from syria_geo.reports.reader import units_from_figures

    with pytest.raises(InvalidParameterError, match="massacres"):
        units_from_figures(_two_months(), measure="massacre")
    with pytest.raises(InvalidParameterError, match="2014-08"):
        units_from_figures(_two_months(), period="2099-01")
    with pytest.raises(InputFormatError, match="only for the whole country"):
        units_from_figures(_two_months(), measure="massacre_victims")
    with pytest.raises(InputFormatError, match="lacks column"):
        units_from_figures(pd.DataFrame({"x": [1]}))


def test_same_month_printed_twice_is_mapped_once_with_a_warning() -> None:
    from syria_geo.errors import SyriaGeoWarning
    from syria_geo.reports.reader import units_from_figures

    twice = pd.concat([_two_months(), summary_from_text(ITEMS_2015, report_id="c")])
    with pytest.warns(SyriaGeoWarning, match="printed again for the same month"):
        units, _ = units_from_figures(twice)
    assert units["summary_count"].sum() == 19 + 31


def test_choropleth_and_map_of_a_figures_table(run_cli: CliRunner, tmp_path: Path) -> None:
    figures = tmp_path / "figures.csv"
    _two_months().to_csv(figures, index=False)
    png = tmp_path / "by_month.png"
    proc = run_cli("choropleth", str(figures), "--facet", "month", "-o", str(png))
    assert proc.returncode == 0, proc.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "9 governorate figure(s)" in proc.stdout
    html = tmp_path / "june.html"
    proc = run_cli("map", str(figures), "--period", "2015-06", "-o", str(html))
    assert proc.returncode == 0, proc.stderr
    assert "5 governorate figure(s)" in proc.stdout
    proc = run_cli("choropleth", str(figures), "--measure", "killed", "-o", str(png))
    assert proc.returncode == 2
    assert "measure" in proc.stderr


def test_a_figures_choropleth_says_massacres_not_incidents() -> None:
    """Summary figures count massacres as printed: titles and legend say so."""
    from syria_geo.maps.static import choropleth
    from syria_geo.reports.reader import units_from_figures

    units, metric = units_from_figures(_two_months())
    fig = choropleth(units, level="adm1", metric=metric, facet="month", k=3)
    titles = [a.get_title() for a in fig.axes if a.get_title()]
    assert "2015-06: 31 massacre(s)" in titles
    assert not any("incident" in t for t in titles)
    legend_titles = [lg.get_title().get_text() for lg in fig.legends] + [
        a.get_legend().get_title().get_text() for a in fig.axes if a.get_legend() is not None
    ]
    assert any(t.startswith("Massacres printed in the summaries") for t in legend_titles)
    assert fig._suptitle.get_text().startswith("Massacres printed in the summaries per")


# --- a page break inside a summary sentence (a real PDF) -------------------------------------------

_PAGED = [
    "SNHR: massacres documented in October 2015",
    "",
    "SNHR documented no less than 40 massacres in October, distributed as follows:",
    "A- Government forces (army, security services, local and foreign militias) committed 29",
    "massacres",
    "B- Russian forces were responsible for 10 massacres",
    "C- Unidentified groups committed one massacre",
    "",
    "Massacres by governorate: Aleppo: 13 massacres were committed, Idlib: 11, Homs: 8",
    "massacres, Hama: 8 massacres.",
    "",
    "In those massacres 552 victims, including 141 children and 88 women, were killed.",
    "The death toll of these massacres by perpetrator:",
    "- Government forces: 377 victims, amongst them 101",
    # page break here: the children and women of the line above are on the next page
    "children and 70 women",
    "- Russian forces: 160 victims, amongst them 38 children and 17 women",
    "- Unidentified groups: 15 victims, including 2 children and 1 woman",
]


def _paged_pdf(path: Path, lines: list[str], break_after: int) -> None:
    """A two-page PDF of ``lines`` with a page number at the foot of each page; page 1 ends
    after line ``break_after`` (the lines written for this test)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, page in enumerate((lines[:break_after], lines[break_after:]), start=1):
        y = 800.0
        pdf.setFont("Helvetica", 9)
        for line in page:
            pdf.drawString(40, y, line)
            y -= 12
        pdf.drawString(290, 30, str(number))
        pdf.showPage()
    pdf.save()


def test_a_page_break_inside_a_summary_sentence_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "snhr-2015-10.pdf"
    cut = _PAGED.index("children and 70 women")
    _paged_pdf(path, _PAGED, cut)
    text = text_from_pdf(path)
    # the sentence is cut by the end of page 1, its page number and the start of page 2
    assert re.search(r"amongst them 101\n1\n\s*children and 70 women", text)
    from_pdf = summary_from_text(text)
    plain = summary_from_text("\n".join(_PAGED) + "\n")
    assert _rows(from_pdf) == _rows(plain)
    assert ("massacre_children", "syrian_regime", "", 101) in _rows(from_pdf)
    assert ("massacre_women", "syrian_regime", "", 70) in _rows(from_pdf)
    assert len(from_pdf) == 20
    assert (from_pdf["warnings"] == "").all()  # 29 + 10 + 1 = 40; 101 + 38 + 2 = 141; ...
    regime = from_pdf[
        (from_pdf["perpetrator"] == "syrian_regime") & (from_pdf["measure"] == "massacre_women")
    ].iloc[0]
    # the span runs from the label across the page break to the women
    read = text[regime["span_start"] : regime["span_end"]]
    assert read.startswith("- Government forces: 377")
    assert read.rstrip().endswith("70 women")


# --- the shapes of the 2014-2015 summaries (issue 26), in words written for these tests ----------


def _figures(text: str) -> set[tuple[str, str, str, int]]:
    return _rows(summary_from_text("SNHR monthly report, May 2015\n\n" + text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SNHR documented not less than 17 massacres in May.", ("massacres", "all", "", 17)),
        ("No less than 23 massacres were committed in May, according to SNHR.",
         ("massacres", "all", "", 23)),
        ("In May, SNHR recorded at least 31 massacres.", ("massacres", "all", "", 31)),
        ("SNHR documented, during the month of May 2015, 12 massacres at least, as follows:",
         ("massacres", "all", "", 12)),
        ("SNHR documented in the month of May 2015 fourteen massacres at least as follows:",
         ("massacres", "all", "", 14)),
    ],
)  # fmt: skip
def test_the_months_total_with_a_hedge(text: str, expected: tuple[str, str, str, int]) -> None:
    assert _figures(text) == {expected}


def test_the_months_total_printed_in_the_title_only() -> None:
    text = (
        "Not Less than 44 Massacres in May 2015\n\n9 of them by Russian forces\n\n"
        "I- Executive Summary\nGovernment forces: 35 massacres\nRussian forces: 9 massacres\n\n"
        "SNHR monthly report\n"
    )
    frame = summary_from_text(text)
    assert _rows(frame) == {
        ("massacres", "all", "", 44),
        ("massacres", "syrian_regime", "", 35),
        ("massacres", "russia", "", 9),
    }
    # printed in the body too: the body's figure, once
    both = text.replace(
        "I- Executive Summary\n", "I- Executive Summary\nSNHR documented 45 massacres.\n"
    )
    assert ("massacres", "all", "", 45) in _rows(summary_from_text(both))
    assert ("massacres", "all", "", 44) not in _rows(summary_from_text(both))


@pytest.mark.parametrize(
    "sentence",
    [
        "In those massacres 310 victims, including 77 children and 41 women, were killed.",
        "The death toll of these massacres reached 310 civilians, among them 77 children and 41 women.",
        "310 people were killed in these massacres, amongst them 77 children and 41 women.",
        "These massacres killed 310 victims, of whom 77 were children and 41 were women.",
        "In total, 310 were killed in those massacres including 77 children and 41 women.",
        "According to SNHR, 310 individuals\nwere killed in these massacres, including 77 children\nand 41 women (adult female).",
    ],
)  # fmt: skip
def test_the_victims_of_the_months_massacres_in_any_verb_position(sentence: str) -> None:
    assert _figures(sentence) == {
        ("massacre_victims", "all", "", 310),
        ("massacre_children", "all", "", 77),
        ("massacre_women", "all", "", 41),
    }


@pytest.mark.parametrize(
    ("line", "party"),
    [
        ("A- Government forces (army, security forces, local and foreign militias) committed 21 "
         "massacres", "syrian_regime"),
        ("The Syrian regime and its allies perpetrated 21 massacres.", "syrian_regime"),
        ("Russian forces were responsible for 21 massacres.", "russia"),
        ("21 massacres were perpetrated by Kurdish self-management forces.", "sdf"),
        ("Armed groups: perpetrated twenty-one massacres", "armed_opposition"),
        ("Extremist groups: 21 massacres", "extremist_groups"),
        ("- Daesh: 21 massacres", "isis"),
    ],
)  # fmt: skip
def test_perpetrator_lines_with_long_parentheses_and_other_verbs(line: str, party: str) -> None:
    assert _figures(line) == {("massacres", party, "", 21)}


def test_governorates_in_one_running_line_and_repeats_under_a_sub_heading() -> None:
    text = (
        "SNHR documented 30 massacres in May, distributed as follows:\n"
        "A- Government forces committed 27 massacres\nB- ISIS committed three massacres\n\n"
        "A- Government forces committed 27 massacres in May 2015, detailed as follows:\n"
        "– 20 in areas held by armed opposition factions.\n"
        "– 7 massacres were committed in regions under the control of ISIS.\n\n"
        "The massacres by governorate:\n"
        "Aleppo: 11 massacres were committed, Idlib: 9, Damascus suburbs: 6 massacres, Hama: 3 "
        "massacres, and Al Sawaida: 1 massacre.\n"
    )
    assert _figures(text) == {
        ("massacres", "all", "", 30),
        ("massacres", "syrian_regime", "", 27),
        ("massacres", "isis", "", 3),
        ("massacres", "all", "SY02", 11),
        ("massacres", "all", "SY07", 9),
        ("massacres", "all", "SY03", 6),
        ("massacres", "all", "SY05", 3),
        ("massacres", "all", "SY13", 1),
    }
    frame = summary_from_text("SNHR, May 2015\n\n" + text)
    assert len(frame) == 8  # the repeated 27 is one figure, the areas of control none
    assert (frame["warnings"] == "").all()


def test_victims_per_perpetrator_as_dash_items_and_distractors() -> None:
    text = (
        "SNHR defines a massacre as an incident that kills five or more people at once.\n\n"
        "The most notable massacre was in Douma on 3 May, where 61 victims died in that massacre.\n\n"
        "Victims of these massacres by perpetrator:\n"
        "– Government forces: 190 victims, amongst them 51 children and 30 women\n"
        "– Extremist Islamic groups:\n"
        "a- ISIS: 44 civilians, of whom 3 children\n"
        "– Unidentified groups: 11 children\n"
        "– Armed opposition factions: 9 individuals including 4 chil- dren\n"
        "Women and children were 39.2 % of the victims.\n"
    )
    assert _figures(text) == {
        ("massacre_victims", "syrian_regime", "", 190),
        ("massacre_children", "syrian_regime", "", 51),
        ("massacre_women", "syrian_regime", "", 30),
        ("massacre_victims", "isis", "", 44),
        ("massacre_children", "isis", "", 3),
        ("massacre_victims", "other_parties", "", 11),
        ("massacre_children", "other_parties", "", 11),
        ("massacre_victims", "armed_opposition", "", 9),
        ("massacre_children", "armed_opposition", "", 4),
    }
