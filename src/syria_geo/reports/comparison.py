"""Reconciliation: a report's printed summary against its extracted incidents.

Reads every number an SNHR report prints in its summaries (:class:`SummaryFact`), compares
them with the sums of the extracted incidents and with each other (:class:`Reconciliation`),
and turns them into the table of printed figures of
:func:`syria_geo.reports.reader.summary_from_text`. The public functions live in
:mod:`syria_geo.incidents`; this module holds the readers and the comparison.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from syria_geo.errors import InputFormatError
from syria_geo.reports import rules
from syria_geo.reports import summary as _summary
from syria_geo.reports.extract import (
    ParsedReport,
    SectionRole,
    control_from_text,
    month_number,
    section_role,
)
from syria_geo.reports.text import MappedText, paragraphs_from_text, party_of_heading, substitute

__all__ = [
    "FIGURE_COLUMNS",
    "Reconciliation",
    "SummaryFact",
    "figures_from_report",
    "reconciliation_from_report",
]


@dataclass(frozen=True)
class SummaryFact:
    """One number printed in a report's summary.

    Attributes
    ----------
    table
        ``massacres_total``, ``massacres_by_perpetrator``, ``massacres_by_governorate``,
        ``massacres_by_control``, ``victims_total`` or ``victims_by_perpetrator``.
    key
        Normalised key (party, governorate, ``party:control``, or ``all``).
    measure
        ``count`` (massacres), ``killed``, ``children`` or ``women``.
    value
        The number as printed.
    raw
        The label as written in the report.
    span_start, span_end
        Offsets in the original text of the statement.
    """

    table: str
    key: str
    measure: str
    value: int
    raw: str
    span_start: int
    span_end: int


def _regions(parsed: ParsedReport) -> list[tuple[SectionRole, int, int]]:
    """Clean-text ranges of the sections that may carry massacre totals."""
    blocks = paragraphs_from_text(parsed.mapped)
    sections = [b for b in blocks if b.kind == "section"]
    regions: list[tuple[SectionRole, int, int]] = []
    text_end = len(parsed.mapped.text)
    for index, block in enumerate(sections):
        end = sections[index + 1].start if index + 1 < len(sections) else text_end
        role = section_role(block.value or "")
        if role in ("summary", "massacres", "killings"):
            regions.append((role, block.end, end))
    if not sections:
        regions.append(("summary", 0, text_end))
    return regions


_PARA_BREAK = re.compile(r"[ \t]*\n[ \t]*\n\s*")
_ANY_SPACE = re.compile(r"\s+")
_FLAT_STATEMENT_END = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"(])|\s*¶\s*")
_LIST_GAP = re.compile(r"(?i)massacres?|as\s+follows|governorates?|[\s:,.;\-•¶]")


def _flatten(mapped: MappedText) -> MappedText:
    """One-line text with `` ¶ `` where the input had a blank line (origins kept)."""
    marked = substitute(mapped, _PARA_BREAK, lambda m: [f" {rules.PARA} "])
    return substitute(marked, _ANY_SPACE, lambda m: [" "])


def _flat_statements(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _FLAT_STATEMENT_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _facts(parsed: ParsedReport, frame: pd.DataFrame) -> list[SummaryFact]:
    """Every number the report prints about the month's massacres, outside the incidents."""
    facts: list[SummaryFact] = []
    incident_spans = [
        (int(s), int(e)) for s, e in zip(frame["span_start"], frame["span_end"], strict=True)
    ]
    for role, region_start, region_end in _regions(parsed):
        flat = _flatten(parsed.mapped.slice(region_start, region_end))
        facts.extend(_region_facts(flat, role, incident_spans))
    return facts


@dataclass
class _FactReader:
    """The facts read from one flattened region, with spans in the original text."""

    flat: MappedText
    incident_spans: list[tuple[int, int]]
    facts: list[SummaryFact] = field(default_factory=list)

    def add(
        self, table: str, key: str, measure: str, value: int, raw: str, start: int, end: int
    ) -> None:
        """Record a fact read at ``start:end`` of the flat text."""
        o_start, o_end = self.flat.original_span(start, end)
        label = " ".join(raw.replace(rules.PARA, " ").split()).strip(" -•")
        self.facts.append(SummaryFact(table, key, measure, value, label, o_start, o_end))

    def inside_incident(self, position: int) -> bool:
        """Whether a flat-text position lies in an extracted incident's paragraph."""
        original = self.flat.origin[position]
        return any(s <= original < e for s, e in self.incident_spans)


def _region_facts(
    flat: MappedText, role: SectionRole, incident_spans: list[tuple[int, int]]
) -> list[SummaryFact]:
    """The facts of one section that the figures reader leaves to this module.

    That is a summary's massacres by perpetrator and area of control (a sub-breakdown that
    :func:`syria_geo.reports.summary.figures_from_text` does not count as a figure).
    """
    reader = _FactReader(flat, incident_spans)
    if role != "summary":
        return reader.facts
    low, high = _monthly_window(flat.text, _flat_statements(flat.text))
    _control_item_facts(reader, low, high)
    return reader.facts


def _monthly_window(region: str, statements: list[tuple[int, int]]) -> tuple[int, int]:
    """The range of a summary whose tables belong to the month.

    The tables after the month's total belong to the month; a year-to-date toll printed
    before it, or anything after a later cumulative statement, does not.
    """
    monthly = [
        (a, b)
        for a, b in statements
        if rules.MASSACRE_TOTAL.search(region[a:b]) and not rules.CUMULATIVE.search(region[a:b])
    ]
    low = monthly[0][0] if monthly else 0
    high = next(
        (a for a, b in statements if a > low and rules.CUMULATIVE.search(region[a:b])),
        len(region),
    )
    return low, high


def _control_item_facts(reader: _FactReader, low: int, high: int) -> None:
    """Counts per party and area of control, from the lists after a party's introduction."""
    region = reader.flat.text
    for intro in rules.SUMMARY_CONTROL_INTRO.finditer(region, low, high):
        party = party_of_heading(intro.group("party"))
        if party is None:
            continue
        cursor = intro.end()
        for match in rules.SUMMARY_CONTROL_ITEM.finditer(region, intro.end(), high):
            if _LIST_GAP.sub("", region[cursor : match.start()]):
                break
            control = control_from_text(match.group("raw"))
            n = rules.parse_number(match.group("n"))
            reader.add(
                "massacres_by_control",
                f"{party}:{control}",
                "count",
                n,
                match.group("raw"),
                *match.span(),
            )
            cursor = match.end()


_COMPARISON_COLUMNS = (
    "check",
    "table",
    "key",
    "measure",
    "summary_value",
    "compared_value",
    "compared_with",
    "difference",
    "status",
    "incident_seqs",
    "summary_span_start",
    "summary_span_end",
    "compared_spans",
    "detail",
)


@dataclass(frozen=True, eq=False)
class Reconciliation:
    """A report's printed summary compared with its extracted incidents.

    Attributes
    ----------
    report_id
        Report identifier.
    facts
        Every number read from the summary, with its span in the input text.
    comparisons
        One row per comparison (columns ``check``, ``table``, ``key``, ``measure``,
        ``summary_value``, ``compared_value``, ``compared_with``, ``difference``, ``status``,
        ``incident_seqs``, ``summary_span_start``, ``summary_span_end``, ``compared_spans``,
        ``detail``). ``check`` is ``summary_vs_incidents`` or ``summary_internal`` (the summary
        against itself). The summary's figure was read at ``summary_span_start:summary_span_end``
        of the input text; ``compared_spans`` says where the value it is compared with was read
        (``start-end`` ranges, ``;``-separated): the incidents' paragraphs, the summary lines
        that were summed, or the earlier printing of the same figure.
    incidents
        The extracted incidents that were compared.
    notes
        Remarks (for example that the report prints no summary table of some kind).
    """

    report_id: str
    facts: tuple[SummaryFact, ...]
    comparisons: pd.DataFrame
    incidents: pd.DataFrame
    notes: tuple[str, ...] = ()

    @property
    def differences(self) -> pd.DataFrame:
        """Comparisons whose values differ."""
        return self.comparisons[self.comparisons["status"] != "match"].reset_index(drop=True)

    @property
    def ok(self) -> bool:
        """True when every comparison matches."""
        return bool((self.comparisons["status"] == "match").all())

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-serialisable dictionary."""
        rows = json.loads(self.comparisons.to_json(orient="records"))
        return {
            "report_id": self.report_id,
            "n_incidents": len(self.incidents),
            "n_massacres": int((self.incidents["kind"] == "massacre").sum()),
            "n_comparisons": len(self.comparisons),
            "n_differences": len(self.differences),
            "facts": [vars(fact) for fact in self.facts],
            "comparisons": rows,
            "notes": list(self.notes),
        }

    def to_text(self) -> str:
        """Return a readable multi-line report."""
        n_massacres = int((self.incidents["kind"] == "massacre").sum())
        lines = [
            f"Reconciliation of {self.report_id}: {len(self.incidents)} incidents extracted "
            f"({n_massacres} massacres), {len(self.facts)} summary numbers read, "
            f"{len(self.comparisons)} comparisons, {len(self.differences)} differences.",
        ]
        for note in self.notes:
            lines.append(f"note: {note}")
        for row in self.comparisons.itertuples(index=False):
            flag = "ok  " if row.status == "match" else "DIFF"
            line = (
                f"{flag} [{row.check}] {row.table} {row.key} {row.measure}: "
                f"summary {row.summary_value} vs {row.compared_with} {row.compared_value}"
            )
            if row.status != "match":
                line += f" (difference {row.difference})"
                start, end = row.summary_span_start, row.summary_span_end
                if isinstance(start, (int, np.integer)) and isinstance(end, (int, np.integer)):
                    line += f"; summary read at chars {int(start)}-{int(end)}"
                if row.compared_spans:
                    line += f", compared value at chars {row.compared_spans!s}"
                if row.incident_seqs:
                    line += f"; incidents {row.incident_seqs!s}"
                if row.detail:
                    line += f"; {row.detail!s}"
            lines.append(line)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()


def _seqs(frame: pd.DataFrame) -> str:
    return ",".join(str(int(s)) for s in frame["seq"])


def _spans(frame: pd.DataFrame) -> str:
    """Where the incidents of ``frame`` were read (``start-end;...``; empty without spans)."""
    if "span_start" not in frame or "span_end" not in frame:
        return ""
    pairs = zip(frame["span_start"].tolist(), frame["span_end"].tolist(), strict=True)
    return ";".join(f"{int(a)}-{int(b)}" for a, b in pairs if pd.notna(a) and pd.notna(b))


def _comparison(
    check: str,
    fact: SummaryFact | None,
    table: str,
    key: str,
    measure: str,
    summary_value: int | None,
    compared_value: int | None,
    compared_with: str,
    seqs: str,
    detail: str = "",
    *,
    spans: str = "",
) -> dict[str, Any]:
    """One row of the comparisons table, with its difference and status."""
    if summary_value is None or compared_value is None:
        difference = None
        status = "only_in_summary" if compared_value is None else "not_in_summary"
    else:
        difference = compared_value - summary_value
        status = "match" if difference == 0 else "difference"
    return {
        "check": check,
        "table": table,
        "key": key,
        "measure": measure,
        "summary_value": summary_value,
        "compared_value": compared_value,
        "compared_with": compared_with,
        "difference": difference,
        "status": status,
        "incident_seqs": seqs,
        "summary_span_start": None if fact is None else fact.span_start,
        "summary_span_end": None if fact is None else fact.span_end,
        "compared_spans": spans,
        "detail": detail,
    }


class _Massacres:
    """The extracted massacres, selected the way each summary table counts them."""

    def __init__(self, incidents: pd.DataFrame) -> None:
        self.frame = incidents[incidents["kind"] == "massacre"]
        # the heading's governorate, else (reports without headings) the one the text names
        self.governorate = self.frame["section_governorate"].fillna(self.frame["text_governorate"])
        self.keys = {
            "massacres_by_perpetrator": set(self.frame["perpetrator_section"].dropna()),
            "victims_by_perpetrator": set(self.frame["perpetrator_section"].dropna()),
            "massacres_by_governorate": set(self.governorate.dropna()),
        }

    def subset(self, table: str, key: str) -> pd.DataFrame:
        """The massacres a summary row ``table``/``key`` counts."""
        massacres = self.frame
        if table == "massacres_by_perpetrator" or table == "victims_by_perpetrator":
            return massacres[massacres["perpetrator_section"] == key]
        if table == "massacres_by_governorate":
            return massacres[self.governorate == key]
        if table == "massacres_by_control":
            party, control = key.split(":", 1)
            return massacres[
                (massacres["perpetrator_section"] == party) & (massacres["control_text"] == control)
            ]
        return massacres


def _value(frame: pd.DataFrame, measure: str) -> int:
    """The number of incidents (``count``) or the sum of a victims column."""
    if measure == "count":
        return len(frame)
    return int(frame[measure].fillna(0).sum())


def _table_against_incidents(
    table: str, table_facts: list[SummaryFact], massacres: _Massacres
) -> tuple[list[dict[str, Any]], dict[tuple[str, str], SummaryFact]]:
    """Each fact of one table against its incidents; a number printed twice against itself.

    Also returns the first fact of each (key, measure).
    """
    rows: list[dict[str, Any]] = []
    seen: dict[tuple[str, str], SummaryFact] = {}
    for fact in table_facts:
        previous = seen.get((fact.key, fact.measure))
        if previous is not None:
            rows.append(
                _comparison(
                    "summary_internal",
                    fact,
                    table,
                    fact.key,
                    fact.measure,
                    previous.value,
                    fact.value,
                    "the same number printed again",
                    "",
                    f"printed as {previous.value} at chars {previous.span_start}-"
                    f"{previous.span_end} and as {fact.value} at chars {fact.span_start}-{fact.span_end}",
                    spans=f"{previous.span_start}-{previous.span_end}",
                )
            )
            continue
        seen[(fact.key, fact.measure)] = fact
        frame = massacres.subset(table, fact.key)
        rows.append(
            _comparison(
                "summary_vs_incidents",
                fact,
                table,
                fact.key,
                fact.measure,
                fact.value,
                _value(frame, fact.measure),
                "extracted incidents",
                _seqs(frame),
                spans=_spans(frame),
            )
        )
    return rows, seen


def _unlisted_keys(
    table: str, seen: dict[tuple[str, str], SummaryFact], massacres: _Massacres
) -> list[dict[str, Any]]:
    """Extracted incidents under a perpetrator or governorate the summary does not list."""
    rows: list[dict[str, Any]] = []
    measures = {m for (_, m) in seen}
    for key in sorted(massacres.keys[table] - {k for (k, _) in seen}):
        for measure in sorted(measures):
            frame = massacres.subset(table, key)
            rows.append(
                _comparison(
                    "summary_vs_incidents",
                    None,
                    table,
                    key,
                    measure,
                    None,
                    _value(frame, measure),
                    "extracted incidents",
                    _seqs(frame),
                    "extracted incidents under a key the summary does not list",
                    spans=_spans(frame),
                )
            )
    return rows


def _unlisted_controls(
    seen: dict[tuple[str, str], SummaryFact], massacres: _Massacres
) -> list[dict[str, Any]]:
    """Extracted incidents of a listed party under an area of control the summary omits."""
    rows: list[dict[str, Any]] = []
    parties = {k.split(":", 1)[0] for (k, _) in seen}
    for party in sorted(parties):
        frame = massacres.frame[massacres.frame["perpetrator_section"] == party]
        listed = {k.split(":", 1)[1] for (k, _) in seen if k.startswith(party + ":")}
        for control in sorted(set(frame["control_text"].dropna()) - listed):
            sub = frame[frame["control_text"] == control]
            rows.append(
                _comparison(
                    "summary_vs_incidents",
                    None,
                    "massacres_by_control",
                    f"{party}:{control}",
                    "count",
                    None,
                    len(sub),
                    "extracted incidents",
                    _seqs(sub),
                    "extracted incidents under a control the summary does not list",
                    spans=_spans(sub),
                )
            )
    return rows


def _first(
    by_table: dict[str, list[SummaryFact]], table: str, key: str, measure: str
) -> SummaryFact | None:
    """The first fact of ``table`` with this key and measure."""
    return next((f for f in by_table.get(table, []) if f.key == key and f.measure == measure), None)


def _unique_sum(
    by_table: dict[str, list[SummaryFact]], table: str, measure: str, prefix: str = ""
) -> tuple[int, int, str] | None:
    """Sum and number of the keys of ``table`` (first value of each key), and their spans."""
    values: dict[str, SummaryFact] = {}
    for fact in by_table.get(table, []):
        if fact.measure == measure and fact.key.startswith(prefix):
            values.setdefault(fact.key, fact)
    if not values:
        return None
    spans = ";".join(f"{f.span_start}-{f.span_end}" for f in values.values())
    return sum(f.value for f in values.values()), len(values), spans


def _summary_internal(by_table: dict[str, list[SummaryFact]]) -> list[dict[str, Any]]:
    """The summary against itself: totals against the sums of their breakdowns."""
    rows: list[dict[str, Any]] = []
    total = _first(by_table, "massacres_total", "all", "count")
    if total is not None:
        for table in ("massacres_by_perpetrator", "massacres_by_governorate"):
            summed = _unique_sum(by_table, table, "count")
            if summed is not None and summed[1] > 1:
                rows.append(
                    _comparison(
                        "summary_internal",
                        total,
                        "massacres_total",
                        "all",
                        "count",
                        total.value,
                        summed[0],
                        f"sum of {table}",
                        "",
                        spans=summed[2],
                    )
                )
    for fact in by_table.get("massacres_by_perpetrator", []):
        summed = _unique_sum(by_table, "massacres_by_control", "count", prefix=fact.key + ":")
        if summed is not None:
            rows.append(
                _comparison(
                    "summary_internal",
                    fact,
                    "massacres_by_perpetrator",
                    fact.key,
                    "count",
                    fact.value,
                    summed[0],
                    "sum of massacres_by_control",
                    "",
                    spans=summed[2],
                )
            )
    for measure in ("killed", "children", "women"):
        victims = _first(by_table, "victims_total", "all", measure)
        summed = _unique_sum(by_table, "victims_by_perpetrator", measure)
        if victims is not None and summed is not None and summed[1] > 1:
            rows.append(
                _comparison(
                    "summary_internal",
                    victims,
                    "victims_total",
                    "all",
                    measure,
                    victims.value,
                    summed[0],
                    "sum of victims_by_perpetrator",
                    "",
                    spans=summed[2],
                )
            )
    return rows


def _compare(facts: list[SummaryFact], incidents: pd.DataFrame) -> pd.DataFrame:
    """Every comparison: each table against the incidents, then the summary against itself."""
    by_table: dict[str, list[SummaryFact]] = {}
    for fact in facts:
        by_table.setdefault(fact.table, []).append(fact)
    massacres = _Massacres(incidents)
    rows: list[dict[str, Any]] = []
    for table, table_facts in by_table.items():
        table_rows, seen = _table_against_incidents(table, table_facts, massacres)
        rows.extend(table_rows)
        if table in massacres.keys:
            rows.extend(_unlisted_keys(table, seen, massacres))
        if table == "massacres_by_control":
            rows.extend(_unlisted_controls(seen, massacres))
    rows.extend(_summary_internal(by_table))
    frame = pd.DataFrame(rows, columns=list(_COMPARISON_COLUMNS))
    for column in ("summary_value", "compared_value", "difference"):
        huge = _too_large(frame[column].tolist())
        for i in (int(p) for p in np.flatnonzero(huge)):
            frame.loc[frame.index[i], "detail"] = _join_notes(
                frame["detail"].iloc[i], f"{column} {frame[column].iloc[i]:,} is too large to store"
            )
            frame.loc[frame.index[i], column] = None
    for column in (
        "summary_value",
        "compared_value",
        "difference",
        "summary_span_start",
        "summary_span_end",
    ):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return frame


_MAX_INT64 = 2**63 - 1


def _too_large(values: list[object]) -> np.ndarray:
    """Where a printed number cannot be stored as a 64-bit integer (hostile or garbled text)."""
    return np.array([isinstance(v, int) and abs(v) > _MAX_INT64 for v in values], dtype=bool)


def _join_notes(existing: object, note: str) -> str:
    return note if not isinstance(existing, str) or not existing else f"{existing}; {note}"


def reconciliation_from_report(
    parsed: ParsedReport,
    frame: pd.DataFrame,
    given: pd.DataFrame | None,
    report_id: str | None,
) -> Reconciliation:
    """Compare the summary of a parsed report with its incidents (``given``, else ``frame``).

    ``frame`` holds the incidents extracted from ``parsed`` (their spans are not read as
    summary statements); ``report_id`` overrides the incidents' own.
    """
    incidents = given if given is not None else frame
    missing = [
        c
        for c in (
            "seq",
            "kind",
            "perpetrator_section",
            "section_governorate",
            "control_text",
            "killed",
            "children",
            "women",
        )
        if c not in incidents
    ]
    if missing:
        raise InputFormatError(f"incident table lacks columns: {', '.join(missing)}")
    # the summary's figures (as :func:`summary_from_text` reads them) and its areas of control
    facts = _facts(parsed, frame) + _facts_from_figures(_all_figures(parsed))
    facts.sort(key=lambda fact: fact.span_start)
    notes: list[str] = []
    tables = {f.table for f in facts}
    for table in (
        "massacres_total",
        "massacres_by_perpetrator",
        "massacres_by_governorate",
        "victims_total",
    ):
        if table not in tables:
            notes.append(f"the report prints no {table} summary")
    comparisons = _compare(facts, incidents)
    notable = [
        ctx.section_title
        for _, ctx in parsed.walked
        if ctx.role == "massacres" and ctx.section_title and "notable" in ctx.section_title.lower()
    ]
    if notable:
        notes.append(
            f"the massacre section ({notable[0]!r}) describes only the most notable massacres; "
            "fewer extracted incidents than summary counts are expected there"
        )
        short = (
            (comparisons["check"] == "summary_vs_incidents")
            & (comparisons["status"] == "difference")
            & (comparisons["difference"] < 0)
        ).fillna(False)
        comparisons.loc[short, "detail"] = (
            "fewer incidents described than counted: the report details only notable massacres"
        )
    rid = report_id or str(incidents.attrs.get("report_id", parsed.report_id))
    return Reconciliation(rid, tuple(facts), comparisons, incidents, tuple(notes))


# ---------------------------------------------------------------------------------------------
# summary figures

#: Columns of :func:`summary_from_text`, in order.
FIGURE_COLUMNS: tuple[str, ...] = (
    "report_id",
    "period",
    "measure",
    "perpetrator",
    "adm1_pcode",
    "value",
    "span_start",
    "span_end",
    "warnings",
)


def _adm1_pcodes() -> dict[str, str]:
    """Governorate (as normalised by the report rules) -> ADM1 pcode, from the shipped data."""
    from syria_geo.core import data_file

    table = pd.read_csv(
        data_file("boundaries", "population_adm1.csv"), usecols=["pcode", "name_en"]
    )
    out: dict[str, str] = {}
    for pcode, name in zip(table["pcode"], table["name_en"], strict=True):
        governorate = rules.normalize_governorate(str(name))
        if governorate is not None:
            out[governorate] = str(pcode)
    return out


def _all_figures(parsed: ParsedReport) -> list[_summary.Figure]:
    """The summary's figures with spans in the original text, their sums checked."""
    figures = _summary.figures_from_text(parsed.mapped)
    for figure in figures:
        figure.start, figure.end = parsed.mapped.original_span(figure.start, figure.end)
    _summary.check_sums(figures)
    return figures


def _figures_period(text: str, fallback: tuple[int, int] | None) -> str | None:
    """The report's month, YYYY-MM.

    The month named in the title, else ``in the month of X`` with the document's year, else
    the most frequent month in the document's dates.
    """
    head = text[:600]
    title = rules.ANY_MONTH_YEAR.search(head)
    if title is not None and not re.search(r"\bsince\b|\bbetween\b", head[: title.start()][-60:]):
        month = title.group("month") or title.group("month2")
        year = title.group("year") or title.group("year2")
        return f"{int(year):04d}-{month_number(month):02d}"
    named = re.search(rf"\bin\s+the\s+month\s+of\s+(?P<m>{'|'.join(rules.MONTHS)})\b", text, re.I)
    if named is not None and fallback is not None:
        return f"{fallback[0]:04d}-{month_number(named.group('m')):02d}"
    return f"{fallback[0]:04d}-{fallback[1]:02d}" if fallback else None


def figures_from_report(parsed: ParsedReport, frame: pd.DataFrame) -> pd.DataFrame:
    """The figures table of :func:`syria_geo.reports.reader.summary_from_text` for a parsed report.

    ``frame`` holds the incidents extracted from ``parsed`` (their spans are not read as
    summary statements).
    """
    figures = _all_figures(parsed)
    period = _figures_period(parsed.mapped.text, parsed.period)
    pcodes = _adm1_pcodes()
    rows = [
        {
            "report_id": parsed.report_id,
            "period": period,
            "measure": f.measure,
            "perpetrator": f.perpetrator,
            "adm1_pcode": "" if f.governorate is None else pcodes.get(f.governorate, ""),
            "value": f.value,
            "span_start": f.start,
            "span_end": f.end,
            "warnings": "; ".join(f.warnings),
        }
        for f in figures
    ]
    table = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    for i in (int(p) for p in np.flatnonzero(_too_large(table["value"].tolist()))):
        printed = table["value"].iloc[i]
        table.loc[table.index[i], "warnings"] = _join_notes(
            table["warnings"].iloc[i],
            f"the printed number {printed:,} is implausible and too large to store; left empty",
        )
        table.loc[table.index[i], "value"] = None
    for column in ("value", "span_start", "span_end"):
        table[column] = pd.array(table[column].tolist(), dtype="Int64")
    for column in ("report_id", "period", "measure", "perpetrator", "adm1_pcode", "warnings"):
        table[column] = table[column].astype(object)
    table.attrs["report_id"] = parsed.report_id
    if table.empty:
        table.attrs["reason"] = "the report prints no summary figure this reader knows"
    return table


def _facts_from_figures(figures: list[_summary.Figure]) -> list[SummaryFact]:
    """Summary facts for :func:`reconcile`: the figures about the month's massacres.

    Items of a list under a perpetrator's own total (``part_of``) are not facts of their own.
    """
    out: list[SummaryFact] = []
    for figure in figures:
        if figure.part_of is not None:
            continue
        if figure.measure == "massacres":
            if figure.governorate is not None:
                table, key = "massacres_by_governorate", figure.governorate
            elif figure.perpetrator != "all":
                table, key = "massacres_by_perpetrator", figure.perpetrator
            else:
                table, key = "massacres_total", "all"
            measure = "count"
        elif figure.measure.startswith("massacre_") and figure.governorate is None:
            by_party = figure.perpetrator != "all"
            table = "victims_by_perpetrator" if by_party else "victims_total"
            key = figure.perpetrator
            measure = {"victims": "killed"}.get(figure.measure[9:], figure.measure[9:])
        else:
            continue
        out.append(
            SummaryFact(table, key, measure, figure.value, figure.label, figure.start, figure.end)
        )
    return out
