"""Readers for the figures SNHR prints in its summaries (massacres, victims, death tolls).

SNHR has printed its monthly figures in many shapes since 2014: ``Government forces: 41
massacres``, ``A- Government Forces (...) committed 28 massacres``, ``The Syrian regime and its
militias perpetrated 22 of the 26 massacres while ...``, governorates one per line or in one
line (``Idlib 7, Rural Damascus 12``), ``In total, 412 were killed in those massacres
including 97 children and 53 women``, ``ISIS: 140 civilians, including ...`` and, in the
death-toll reports, ``documented the deaths of 125 civilians, including ...``,
``the deaths of eight individuals due to torture``.  :func:`figures_from_text` reads them
from cleaned report text (see :mod:`syria_geo.reports.text`) into :class:`Figure` records
with their offsets; :func:`syria_geo.reports.reader.summary_from_text` turns those into a table.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from syria_geo.errors import InputFormatError, SyriaGeoWarning, check_choice
from syria_geo.reports import rules
from syria_geo.reports.text import MappedText, paragraphs_from_text, party_of_heading

N = rules.NUMBER
_MARKER = r"(?:(?:[A-Ha-h]|[ivx]{1,4}|\d{1,2})\s*[-.)]\s*|[-•o]\s+)"
_LABEL = r"(?P<label>[A-Z][^:.;¶\n]{1,140}?)"
_VICTIMS = r"(?:civilians?|individuals?|people|persons?|victims?)"


@dataclass
class Figure:
    """One printed number.

    Attributes
    ----------
    measure
        ``massacres``, ``massacre_victims``, ``massacre_children``, ``massacre_women``,
        ``killed``, ``children``, ``women``, ``torture_deaths``, ``medical_personnel`` or
        ``media_workers``.
    perpetrator
        ``all`` or one of :data:`syria_geo.reports.rules.SECTION_PARTIES`.
    governorate
        A governorate of :data:`syria_geo.reports.rules.GOVERNORATES`, or None for the
        whole country.
    value
        The number as printed.
    start, end
        Offsets of the statement in the cleaned text.
    label
        The label as written.
    warnings
        Remarks on this figure (contradictions with the report's own sums).
    """

    measure: str
    perpetrator: str
    governorate: str | None
    value: int
    start: int
    end: int
    label: str
    warnings: list[str] = field(default_factory=list)
    part_of: str | None = None
    """For an item of a list under a perpetrator's own total (``Other parties: 110 ...,
    distributed as follows: • Turkish forces: 4``), that perpetrator; such items are not
    added into the report's sums."""

    @property
    def key(self) -> tuple[str, str, str | None]:
        """``(measure, perpetrator, governorate)``."""
        return self.measure, self.perpetrator, self.governorate


# ---------------------------------------------------------------------------------------------
# labels

_PARENT = re.compile(r"^extremists?\s+islam(?:ic|ist)?\s+(?:groups?|factions?)$", re.IGNORECASE)
_OTHER = re.compile(
    r"^(?:other\s+parties|unidentified\s+(?:groups?|parties|perpetrators?)|unknown\s+(?:groups?"
    r"|parties|perpetrators?)|other\s+groups|parties\s+not\s+yet\s+identified)$",
    re.IGNORECASE,
)


def _clean_label(label: str) -> str:
    label = re.sub(r"\([^)]*\)?", " ", label)
    label = re.sub(rf"^\s*{_MARKER}", "", label.strip())
    label = re.sub(r"^(?:the|by)\s+", "", label.strip(), flags=re.IGNORECASE)
    return " ".join(label.split()).strip(" -–:,")


def party_of_label(label: str) -> str | None:
    """Section party of a summary label, ``"parent"`` for a heading with sub-items, or None.

    Parameters
    ----------
    label
        As printed: ``"Government forces"``, ``"Daesh"``, ``"Unidentified groups"``,
        ``"Extremists Islam Groups"``, ``"The Syrian regime and its militias"``.

    Returns
    -------
    str or None
        One of :data:`syria_geo.reports.rules.SECTION_PARTIES`, ``"parent"``, or None when
        the label names no party.
    """
    text = _clean_label(label)
    if not text or len(text) > 90:
        return None
    if _PARENT.match(text):
        return "parent"
    if _OTHER.match(text):
        return "other_parties"
    party = party_of_heading(text)
    if party == "other_parties" and not re.search(r"\bother\s+parties\b", text, re.IGNORECASE):
        return None  # ``Landmines of unknown origin``: a category of other parties' victims
    return party


def governorate_of_label(label: str) -> str | None:
    """The governorate a summary label names (``"Der Ezzor"``, ``"Damascus countryside"``)."""
    return rules.normalize_governorate(_clean_label(label))


# ---------------------------------------------------------------------------------------------
# statements


_INLINE_BOUNDARY = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(“\"])|\s+(?=(?:[A-H]|[ivx]{1,4})-\s)|\s*•\s*")
_LIST_START = re.compile(rf"\s*(?:{_MARKER}|•)")


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Runs of lines that belong together.

    A line break ends a statement after a blank line, before a list marker, after a short
    line or after ``.:;!?``; otherwise it is a wrap inside the statement.
    """
    position = start
    run_start = start
    while position < end:
        newline = text.find("\n", position, end)
        if newline < 0:
            break
        line = text[position:newline].rstrip()
        following = text[newline + 1 : newline + 3]
        if (
            not line.strip()
            or len(line.strip()) < 60
            or line[-1:] in ".:;!?"
            or not following.strip()
            or _LIST_START.match(text, newline + 1) is not None
        ):
            if newline > run_start:
                yield run_start, newline
            run_start = newline + 1
        position = newline + 1
    if end > run_start:
        yield run_start, end


def _items(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Statements of ``text[start:end]``: sentences, list items and lines that are labels."""
    for run_start, run_end in _lines(text, start, end):
        position = run_start
        for match in _INLINE_BOUNDARY.finditer(text, run_start, run_end):
            if match.start() > position and text[position : match.start()].strip():
                yield position, match.start()
            position = match.end()
        if run_end > position and text[position:run_end].strip():
            yield position, run_end


_PARTY_COUNT = re.compile(
    rf"^\s*{_MARKER}?{_LABEL}\s*(?:\([^)]*\)\s*)?(?::\s*|\s+(?:committed|perpetrated|carried\s+out)\s+)"
    rf"(?P<n>{N})(?:\s+of\s+(?:the\s+)?(?P<total>{N}))?\s+massacres?\b",
    re.IGNORECASE,
)
_WHILE_COUNT = re.compile(
    rf"\b(?:while|and|whereas)\s+(?:the\s+)?(?P<label>[A-Z][^,.;:]{{1,80}}?)\s+"
    rf"(?:committed|perpetrated|carried\s+out)\s+(?P<n>{N})\b(?:\s+massacres?)?",
)
_GOV_PAIR = re.compile(
    rf"(?P<gov>{rules.GOVERNORATE_NAME})(?:\s+(?:governorate|province|suburbs))?\s*[:,]?\s*"
    rf"(?P<n>{N})(?:\s+massacres?)?(?=\s*(?:,|;|\.|¶|\band\b|$))",
    re.IGNORECASE,
)
_TOTAL_KILLED = re.compile(
    rf"(?:in\s+total,?\s+)?(?P<n>{N})\s+(?:{_VICTIMS}\s+)?(?:were\s+killed|died|killed)\s+in\s+"
    rf"(?:these|those|the)\s+(?:\w+\s+)?massacres(?P<rest>[^.;¶]*)",
    re.IGNORECASE,
)
_PARTY_KILLED = re.compile(
    rf"^\s*{_MARKER}?{_LABEL}\s*(?:\([^)]*\)\s*)?(?::\s*|\s+killed\s+)(?P<n>{N})\s+{_VICTIMS}\b"
    r"(?P<rest>[^.;¶]*)",
    re.IGNORECASE,
)
_DEATHS = re.compile(
    rf"\b(?:documented|recorded)\s+(?:the\s+)?deaths?\s+of\s+(?:at\s+least\s+)?(?P<n>{N})\s+"
    rf"(?P<who>{_VICTIMS}|children|child|women|woman)\b(?P<rest>[^.;¶]*)",
    re.IGNORECASE,
)
_TORTURE = re.compile(
    rf"\bdeaths?\s+of\s+(?P<n>{N})\s+(?:{_VICTIMS}|detainees?|prisoners?)\s+(?:due\s+to|under)\s+"
    r"torture",
    re.IGNORECASE,
)
_PROFESSION = re.compile(
    rf"\bdeaths?\s+of\s+(?P<n>{N})\s+(?P<who>medical\s+(?:personnel|workers?|staff)|media\s+"
    r"(?:workers?|personnel|activists?)|journalists?)",
    re.IGNORECASE,
)
_NO_PROFESSION = re.compile(
    r"\bdid\s*n[o’'`]?t\s+document\s+any\s+deaths?\s+(?:among|of|amongst)\s+(?:the\s+)?"
    r"(?P<who>medical\s+(?:personnel|workers?|staff)|media\s+(?:workers?|personnel)|journalists?)",
    re.IGNORECASE,
)
_AT_HANDS = re.compile(r"\bat\s+the\s+hands\s+of\s+(?P<label>[^,.;]{2,80})", re.IGNORECASE)


def _children_women(rest: str) -> tuple[int | None, int | None]:
    children = rules.SUMMARY_CHILDREN.search(rest)
    women = rules.SUMMARY_WOMEN.search(rest)
    return (
        rules.parse_number(children.group("n")) if children else None,
        rules.parse_number(women.group("n")) if women else None,
    )


def _profession(who: str) -> str:
    return "medical_personnel" if who.lower().startswith("medical") else "media_workers"


#: A statement that is only a label (``- Russian forces:``): the figures after it are its own.
_LABEL_LINE = re.compile(rf"^\s*{_MARKER}?{_LABEL}\s*(?:\([^)]*\)\s*)?:\s*$")


_ALL_PARTIES = re.compile(
    r"\bparties\s+to\s+the\s+conflict|\ball\s+(?:the\s+)?parties|\bperpetrator\s+parties"
    r"|\bcontrolling\s+forces",
    re.IGNORECASE,
)
_MONTH_PART = re.compile(
    rf"\bincluding\s+(?P<n>{N})\s+massacres?\s+in\s+(?:{'|'.join(rules.MONTHS)})\b", re.IGNORECASE
)
#: A statement that opens with its label (``o Hay'at Tahrir al Sham: We documented ...``).
_INLINE_LABEL = re.compile(rf"^\s*{_MARKER}?{_LABEL}\s*(?:\([^)]*\)\s*)?:\s+\S")
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("torture", re.compile(r"\btorture\b", re.IGNORECASE)),
    ("medical", re.compile(r"\bmedical\b", re.IGNORECASE)),
    ("media", re.compile(r"\bmedia\b", re.IGNORECASE)),
    ("massacre", re.compile(r"\bmassacres?\b", re.IGNORECASE)),
    ("killed", re.compile(r"\bcivilian|\bvictims\b|\bkilled\b", re.IGNORECASE)),
)


def _cumulative(line: str, match: re.Match[str]) -> bool:
    """A figure for a longer period (``since the beginning of 2020``) stated before it."""
    return rules.CUMULATIVE.search(line, 0, match.end("n") + 40) is not None


@dataclass
class _Reader:
    text: str
    massacre_report: bool
    figures: list[Figure] = field(default_factory=list)
    pending: str | None = None
    topic: str = ""
    in_list: bool = False
    list_owner: str | None = None

    def add(
        self, measure: str, party: str, gov: str | None, value: str | int, start: int, end: int,
        label: str,
    ) -> None:  # fmt: skip
        number = value if isinstance(value, int) else rules.parse_number(value)
        figure = Figure(measure, party, gov, number, start, end, label.strip())
        if self.in_list and self.list_owner is not None:
            figure.part_of = self.list_owner
        self.figures.append(figure)

    def victims(self, prefix: str, party: str, match: re.Match[str], a: int, b: int) -> None:
        names = ("massacre_victims", "massacre_children", "massacre_women")
        if prefix != "massacre":
            names = ("killed", "children", "women")
        self.add(names[0], party, None, match.group("n"), a, b, match.group(0))
        children, women = _children_women(match.group("rest") or "")
        if children is not None:
            self.add(names[1], party, None, children, a, b, match.group(0))
        if women is not None:
            self.add(names[2], party, None, women, a, b, match.group(0))

    def item(self, a: int, b: int, context: str) -> None:
        """Read one statement ``text[a:b]``; ``context`` is the statement before it."""
        line = self.text[a:b]
        self.in_list = "•" in self.text[max(0, a - 4) : a] or bool(re.match(r"\s*[o•]\s", line))
        if not self.in_list:
            self.list_owner = None
        self._topic(line)
        before = len(self.figures)
        self._read(line, a, b, context)
        if not self.in_list and re.search(r"\bas\s+follows\b", line, re.IGNORECASE):
            owners = {f.perpetrator for f in self.figures[before:]} - {"all"}
            self.list_owner = owners.pop() if len(owners) == 1 else None

    def _read(self, line: str, a: int, b: int, context: str) -> None:
        """Apply the statement shapes to one statement."""
        massacre_context = (
            self.massacre_report
            or self.topic == "massacre"
            or "massacre" in (context + line).lower()
        )
        heading = _LABEL_LINE.match(context)
        self.pending = party_of_label(heading.group("label")) if heading else None
        inline = _INLINE_LABEL.match(line)
        if inline is not None:
            self.pending = party_of_label(inline.group("label"))
        count = _PARTY_COUNT.match(line)
        if count is not None and not _cumulative(line, count):
            self._count(count, a, b)
            for extra in _WHILE_COUNT.finditer(line, count.end()):
                party = party_of_label(extra.group("label"))
                if party not in (None, "parent"):
                    self.add("massacres", str(party), None, extra.group("n"), a, b, extra.group(0))
            return
        pairs = list(_GOV_PAIR.finditer(line))
        listed = len(pairs) >= 2 or (pairs and pairs[0].start() < 4 and "massacre" in line.lower())
        if listed and (massacre_context or "massacre" in line.lower()):
            for pair in pairs:
                gov = rules.normalize_governorate(pair.group("gov"))
                if gov is not None:
                    self.add("massacres", "all", gov, pair.group("n"), a, b, pair.group(0))
            return
        documented = rules.MASSACRE_TOTAL.search(line)
        if documented is not None:
            month = _MONTH_PART.search(line, documented.end())
            if not _cumulative(line, documented):
                self.add("massacres", "all", None, documented.group("n"), a, b, documented.group(0))
                return
            if month is not None:  # ``... since the beginning of 2020, including one in May``
                self.add("massacres", "all", None, month.group("n"), a, b, month.group(0))
                return
        total = _TOTAL_KILLED.search(line)
        if total is not None and not _cumulative(line, total):
            self.victims("massacre", "all", total, a, b)
            return
        killed = _PARTY_KILLED.match(line)
        if killed is not None and not _cumulative(line, killed):
            party = party_of_label(killed.group("label"))
            if party not in (None, "parent"):
                if self.topic == "torture":
                    self.add("torture_deaths", str(party), None, killed.group("n"), a, b, line)
                else:
                    prefix = "massacre" if massacre_context else ""
                    self.victims(prefix, str(party), killed, a, b)
                return
        self._death_tolls(line, a, b)

    def _topic(self, line: str) -> None:
        """What the figures that follow count, from headings and introductions."""
        lowered = line.lower()
        if not ("death toll" in lowered or "distributed" in lowered or "as follows" in lowered
                or (len(line) < 120 and not re.search(r"\d", line))):  # fmt: skip
            return
        for topic, pattern in _TOPICS:
            if pattern.search(line):
                self.topic = topic
                return

    def _count(self, match: re.Match[str], a: int, b: int) -> None:
        label = match.group("label")
        gov = governorate_of_label(label)
        party = party_of_label(label)
        if gov is not None and party is None:
            self.add("massacres", "all", gov, match.group("n"), a, b, label)
        elif party not in (None, "parent"):
            self.add("massacres", str(party), None, match.group("n"), a, b, label)
        if match.group("total"):
            self.add("massacres", "all", None, match.group("total"), a, b, match.group(0))

    def _death_tolls(self, line: str, a: int, b: int) -> None:
        for match in _TORTURE.finditer(line):
            if _cumulative(line, match):
                continue
            self.add("torture_deaths", "all", None, match.group("n"), a, b, match.group(0))
        for match in _PROFESSION.finditer(line):
            self.add(_profession(match.group("who")), "all", None, match.group("n"), a, b,
                     match.group(0))  # fmt: skip
        for match in _NO_PROFESSION.finditer(line):
            self.add(_profession(match.group("who")), "all", None, 0, a, b, match.group(0))
        if self.massacre_report or _TORTURE.search(line):
            return
        for match in _DEATHS.finditer(line):
            if _cumulative(line, match):
                continue
            hands = _AT_HANDS.search(match.group("rest"))
            party = "all" if self.pending in (None, "parent") else str(self.pending)
            if self.topic == "torture" and party != "all":
                self.add("torture_deaths", party, None, match.group("n"), a, b, match.group(0))
                continue
            if hands is not None:
                found = party_of_label(hands.group("label"))
                if found not in (None, "parent"):
                    party = str(found)
                elif _ALL_PARTIES.search(hands.group("label")):
                    party = "all"
                else:
                    continue
            self.victims("", party, match, a, b)


def _incident_ranges(mapped: MappedText) -> list[tuple[int, int]]:
    """Cleaned-text ranges of dated paragraphs (incident descriptions, not summaries)."""
    return [
        (block.start, block.end)
        for block in paragraphs_from_text(mapped)
        if block.kind == "paragraph" and rules.INCIDENT_DATE.match(block.text)
    ]


def is_massacre_report(text: str) -> bool:
    """True when the title (first lines) announces a massacre report, not a death toll."""
    head = text[:400].lower()
    return "massacre" in head and not re.search(r"death\s+toll|civilians?\s+.{0,40}killed", head)


def figures_from_text(mapped: MappedText) -> list[Figure]:
    """Every printed figure of a cleaned report text, in document order.

    Parameters
    ----------
    mapped
        Output of :func:`syria_geo.reports.text.clean_text`.

    Returns
    -------
    list of Figure
        With offsets in ``mapped.text``; incident paragraphs and cumulative statements
        (``since the beginning of 2020``) are not read.
    """
    text = mapped.text
    reader = _Reader(text, is_massacre_report(text))
    excluded = _incident_ranges(mapped)
    cursor = 0
    previous = ""
    for a, b in _items(text, 0, len(text)):
        while cursor < len(excluded) and excluded[cursor][1] <= a:
            cursor += 1
        if cursor < len(excluded) and excluded[cursor][0] <= a < excluded[cursor][1]:
            continue
        reader.item(a, b, previous)
        previous = text[a:b]
    return reader.figures


def check_sums(figures: list[Figure]) -> None:
    """Flag totals that the report's own lines contradict (the figures stay as printed).

    A massacre total is compared with the sum of the perpetrator lines and with the sum of
    the governorate lines; a victims total with the sum of the per-perpetrator victims.
    """

    def by_party(figure: Figure) -> bool:
        return figure.perpetrator != "all" and figure.governorate is None

    def by_governorate(figure: Figure) -> bool:
        return figure.perpetrator == "all" and figure.governorate is not None

    pairs: tuple[tuple[str, Callable[[Figure], bool], str], ...] = (
        ("massacres", by_party, "perpetrator"),
        ("massacres", by_governorate, "governorate"),
        ("massacre_victims", by_party, "perpetrator"),
        ("killed", by_party, "perpetrator"),
    )
    for measure, is_part, kind in pairs:
        totals = [
            f
            for f in figures
            if f.measure == measure and f.perpetrator == "all" and f.governorate is None
        ]
        parts: dict[tuple[str, str | None], int] = {}
        for figure in figures:
            if figure.measure == measure and is_part(figure) and figure.part_of is None:
                parts.setdefault((figure.perpetrator, figure.governorate), figure.value)
        if not totals or len(parts) < 2:
            continue
        summed = sum(parts.values())
        for total in totals:
            if total.value != summed:
                total.warnings.append(
                    f"the {kind} lines of the report sum to {summed}, not {total.value}"
                )


# ---------------------------------------------------------------------------------------------
# figures -> per-governorate rows for the maps

#: Measures that count massacres (mapped with ``metric="count"``); the others count people
#: (mapped with ``metric="killed"``).
COUNT_MEASURES: frozenset[str] = frozenset({"massacres"})
_FIGURE_NEEDS = ("report_id", "period", "measure", "perpetrator", "adm1_pcode", "value")


def units_from_figures(
    figures: pd.DataFrame, *, measure: str = "massacres", period: str | None = None
) -> tuple[pd.DataFrame, Literal["count", "killed"]]:
    """Per-governorate rows from a figures table, and the map metric that shows them.

    See :func:`syria_geo.reports.reader.units_from_figures`.
    """
    if not isinstance(figures, pd.DataFrame):
        raise InputFormatError(f"figures must be a pandas DataFrame, got {type(figures).__name__}")
    missing = [c for c in _FIGURE_NEEDS if c not in figures.columns]
    if missing:
        raise InputFormatError(
            f"the figures table lacks column(s) {', '.join(missing)}; expected the output of "
            "summary_from_text or `syria-geo summary`"
        )
    figures = figures.reset_index(drop=True)  # tables of several reports repeat index labels
    text = figures.astype(
        dict.fromkeys(("period", "measure", "perpetrator", "adm1_pcode"), "string")
    )
    measures = sorted(set(text["measure"].dropna()))
    check_choice("measure", measure, measures or ["massacres"])
    pcode = text["adm1_pcode"].fillna("").str.strip()
    governorate = (text["measure"] == measure) & (text["perpetrator"] == "all") & (pcode != "")
    periods = sorted(set(text.loc[governorate, "period"].dropna()))
    if period is not None:
        check_choice("period", period, periods or ["(none)"])
        governorate &= text["period"] == period
    rows = figures[governorate.fillna(False).to_numpy(dtype=bool)].copy()
    if rows.empty:
        raise InputFormatError(
            f"the figures table has no per-governorate {measure!r} figures; the reports print "
            "this measure only for the whole country"
        )
    rows["adm1_pcode"] = pcode.loc[rows.index]
    rows["date"] = rows["period"].astype(str)
    key = ["date", "adm1_pcode"]
    duplicated = rows.duplicated(key, keep="first")
    if duplicated.any():
        shown = ", ".join(
            f"{r.date} {r.adm1_pcode} ({r.report_id})"
            for r in rows[duplicated].head(5).itertuples()
        )
        warnings.warn(
            f"{int(duplicated.sum())} governorate figure(s) printed again for the same month "
            f"(e.g. {shown}); the first printed value is mapped",
            SyriaGeoWarning,
            stacklevel=3,
        )
        rows = rows[~duplicated]
    value = pd.to_numeric(rows["value"], errors="coerce")
    out = pd.DataFrame(
        {
            "report_id": rows["report_id"].astype(str).to_numpy(),
            "date": rows["date"].to_numpy(),
            "adm1_pcode": rows["adm1_pcode"].to_numpy(),
            "measure": measure,
            "summary_count": value.to_numpy() if measure in COUNT_MEASURES else np.zeros(len(rows)),
            "killed": np.nan if measure in COUNT_MEASURES else value.to_numpy(),
        }
    )
    for column in ("span_start", "span_end"):
        if column in rows.columns:
            out[column] = rows[column].to_numpy()
    out.attrs["source"] = "printed summary figures (one row per governorate and month)"
    return out, ("count" if measure in COUNT_MEASURES else "killed")


def is_figures_file(path: Path) -> bool:
    """True when ``path`` is a CSV or JSON table written by ``syria-geo summary``."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig") as handle:
                header = handle.readline()
            columns = {c.strip().strip('"') for c in header.strip().split(",")}
        elif suffix == ".json":
            with path.open(encoding="utf-8") as handle:
                head = handle.read(4096)
            columns = set(re.findall(r'"(\w+)"\s*:', head))
        else:
            return False
    except (OSError, UnicodeDecodeError):
        return False
    return {"period", "measure", "value", "adm1_pcode"} <= columns


def read_figures(path: Path) -> pd.DataFrame:
    """Read a figures table written by ``syria-geo summary`` (CSV or JSON records)."""
    text_columns = dict.fromkeys(("report_id", "period", "measure", "perpetrator", "adm1_pcode", "warnings"), str)  # fmt: skip
    try:
        if path.suffix.lower() == ".json":
            frame = pd.read_json(path, orient="records", dtype=text_columns)
        else:
            frame = pd.read_csv(
                path, dtype=text_columns, keep_default_na=False, encoding="utf-8-sig"
            )
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputFormatError(f"{path} is not a readable figures table: {exc}") from exc
    frame["adm1_pcode"] = frame["adm1_pcode"].fillna("").astype(str).replace("None", "")
    return frame
