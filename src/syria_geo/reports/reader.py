"""Incidents (massacres and other killings) and summary figures read from SNHR monthly reports.

The Syrian Network for Human Rights (SNHR) publishes monthly massacre reports (an executive
summary with counts by perpetrator, governorate and area of control, then one paragraph per
massacre grouped under perpetrator and governorate headings) and monthly civilian death-toll
reports (with a massacres section and a list of the most notable killings).
:func:`incidents_from_text` turns such a report into one row per incident,
:func:`summary_from_text` reads the figures its summary prints, and :func:`reconcile`
compares the two.

Every row keeps the character span of its paragraph in the input text (``span_start``,
``span_end``) and a ``notes`` column naming the rules that produced doubtful values, so each
value can be checked against the document.
"""

from __future__ import annotations

import logging
import os
import warnings
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from syria_geo.errors import DataFileError, InputFormatError, ReportParseError
from syria_geo.incidents import as_dates, incidents_frame
from syria_geo.reports import rules
from syria_geo.reports import summary as _summary
from syria_geo.reports.comparison import (
    FIGURE_COLUMNS,
    Reconciliation,
    SummaryFact,
    figures_from_report,
    reconciliation_from_report,
)
from syria_geo.reports.extract import ParsedReport, parse_report

__all__ = [
    "COLUMNS",
    "FIGURE_COLUMNS",
    "Reconciliation",
    "SummaryFact",
    "incidents_from_pdf",
    "incidents_from_text",
    "load_sample_figures",
    "reconcile",
    "summary_from_text",
    "text_from_pdf",
    "units_from_figures",
]

#: Output columns of :func:`incidents_from_text`, in order.
COLUMNS: tuple[str, ...] = (
    "report_id",
    "seq",
    "kind",
    "date",
    "time_of_day",
    "perpetrator",
    "perpetrator_section",
    "weapon",
    "section_governorate",
    "text_governorate",
    "place_text",
    "control_text",
    "control_raw",
    "killed",
    "children",
    "women",
    "wounded",
    "same_family",
    "span_start",
    "span_end",
    "notes",
    "extract_warnings",
)


def _empty_frame() -> pd.DataFrame:
    return _typed(pd.DataFrame({column: [] for column in COLUMNS}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The dtypes of the one incidents frame, whatever the source (a file, the sample, a text).

    Counts as ``Int64``, ``same_family`` ``boolean``, ``date`` ``datetime64[s]``, text as
    pandas' text dtype (``str``; what reading the same columns from a file gives).
    """
    for column in ("seq", "killed", "children", "women", "wounded", "span_start", "span_end"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    frame["same_family"] = frame["same_family"].astype("boolean")
    frame["date"] = as_dates(frame["date"])[0]  # datetime.date or None: always readable
    for column in COLUMNS:
        if column not in {
            "seq",
            "killed",
            "children",
            "women",
            "wounded",
            "span_start",
            "span_end",
            "same_family",
            "date",
        }:
            frame[column] = pd.Series(
                [None if _missing(v) else v for v in frame[column].tolist()],
                index=frame.index,
                dtype=str,
            )
    return frame[list(COLUMNS)]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


#: Extensions of a file name given where a report's text belongs.
_DOCUMENT_SUFFIXES = frozenset({".txt", ".text", ".pdf", ".md", ".htm", ".html", ".docx", ".doc"})


def _check_not_a_file_name(text: object) -> None:
    """Refuse a file name given instead of a report's text (it would give an empty table)."""
    if not isinstance(text, str) or "\n" in text.strip() or len(text) > 4096:
        return
    name = text.strip()
    try:
        exists = ("/" in name or "\\" in name) and Path(name).exists()
    except (OSError, ValueError):
        exists = False
    if name and (exists or Path(name).suffix.lower() in _DOCUMENT_SUFFIXES):
        hint = (
            "incidents_from_pdf(name)"
            if name.lower().endswith(".pdf")
            else ("Path(name).read_text(encoding='utf-8')")
        )
        raise InputFormatError(
            f"the text given is a file name ({name[:200]!r}), not a report's text; read the "
            f"file first ({hint}) and pass its text"
        )


def _parse(text: str, report_id: str | None) -> tuple[ParsedReport, pd.DataFrame]:
    """The parsed report and its incidents as the typed frame of :func:`incidents_from_text`."""
    _check_not_a_file_name(text)
    parsed = parse_report(text, report_id)
    rows, period = list(parsed.rows), parsed.period
    if rows:
        frame = pd.DataFrame(rows)
        frame.insert(0, "report_id", parsed.report_id)
        frame.insert(1, "seq", range(1, len(frame) + 1))
        frame = _typed(frame)
    else:
        frame = _empty_frame()
    frame.attrs["report_id"] = parsed.report_id
    frame.attrs["report_period"] = f"{period[0]:04d}-{period[1]:02d}" if period else None
    frame.attrs["skipped"] = list(parsed.skipped)
    if not rows:
        frame.attrs["reason"] = (
            "no dated incident paragraphs with a number of people killed were found"
        )
    return parsed, frame


# ---------------------------------------------------------------------------------------------
# public API: extraction


def incidents_from_text(
    text: str, *, report_id: str | None = None, geocode: bool = False
) -> pd.DataFrame:
    """Extract one row per incident from the text of an SNHR monthly report.

    Parameters
    ----------
    text
        Report text (PDF-to-text output with line breaks, hyphenation, footers and URL lists is
        fine; so is text with markdown links).
    report_id
        Value of the ``report_id`` column; by default ``snhr-YYYY-MM`` from the report period
        (the most frequent month in the document's dates).
    geocode
        Also geocode ``place_text`` with :func:`syria_geo.geocoding.geocoder.geocode_frame` (restricted to
        ``section_governorate``) and add ``governorate_mismatch``.

    Returns
    -------
    pandas.DataFrame or geopandas.GeoDataFrame
        Columns :data:`COLUMNS` (``syria-geo extract --help`` lists them), one row per incident in document
        order; with ``geocode=True`` a GeoDataFrame in EPSG:4326 (no geometry, None, where
        the geocoder found no point). ``attrs["skipped"]`` lists dated paragraphs that were not turned into incidents,
        each with its span and the reason; ``attrs["reason"]`` explains an empty result.

    Raises
    ------
    ReportParseError
        If the text is empty or is not an SNHR report.
    InputFormatError
        If the text is a file name (``"report.txt"``): read the file and pass its text.
    """
    frame = _parse(text, report_id)[1]
    if geocode:
        frame = _add_geocode(frame)
    return frame


def text_from_pdf(path: str | os.PathLike[str]) -> str:
    """Return the text of a PDF report, pages joined by newlines.

    Parameters
    ----------
    path
        PDF file.

    Returns
    -------
    str
        Extracted text; spans reported by :func:`incidents_from_pdf` refer to it.

    Raises
    ------
    DataFileError
        If the file cannot be read.
    ReportParseError
        If the file is not a readable PDF.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    pdf_path = Path(path)
    if not pdf_path.is_file():
        raise DataFileError(f"report file not found: {pdf_path}")
    # pypdf reports repairable damage through logging and warnings; keep them for the error
    # message instead of printing them.
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                reader = PdfReader(pdf_path)
                pages = [page.extract_text() or "" for page in reader.pages]
            except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
                details = "; ".join(str(w.message) for w in caught[:3])
                extra = f" ({details})" if details else ""
                raise ReportParseError(f"{pdf_path} is not a readable PDF: {exc}{extra}") from exc
    finally:
        pypdf_logger.setLevel(level)
    return "\n".join(pages)


def incidents_from_pdf(
    path: str | os.PathLike[str], *, report_id: str | None = None, geocode: bool = False
) -> pd.DataFrame:
    """Extract incidents from an SNHR report PDF.

    The PDF's text (see :func:`text_from_pdf`) goes through :func:`incidents_from_text`;
    spans refer to that extracted text.

    Parameters
    ----------
    path
        PDF file.
    report_id
        Value of the ``report_id`` column; defaults to the file name without extension.
    geocode
        See :func:`incidents_from_text`.

    Returns
    -------
    pandas.DataFrame
        As :func:`incidents_from_text`.
    """
    text = text_from_pdf(path)
    return incidents_from_text(
        text, report_id=report_id if report_id is not None else Path(path).stem, geocode=geocode
    )


def _add_geocode(frame: pd.DataFrame) -> pd.DataFrame:
    try:
        from syria_geo.geocoding import geocode_frame
    except ImportError as exc:
        raise InputFormatError(
            "geocoding needs syria_geo.geocoding, which is not available in this installation"
        ) from exc
    # the governorate heading a paragraph sits under is its governorate, and the context of
    # its place phrase: a quarter or landmark named alone under "Aleppo" is in Aleppo city
    result: pd.DataFrame = geocode_frame(
        frame,
        "place_text",
        governorate_column="section_governorate",
        context_column="section_governorate",
    )
    gazetteer_gov = result.get("adm1_name")
    mismatch: list[Any] = []
    for index in range(len(result)):
        text_gov = result["text_governorate"].iloc[index]
        gaz = None if gazetteer_gov is None else gazetteer_gov.iloc[index]
        if text_gov is None or pd.isna(text_gov) or gaz is None or pd.isna(gaz):
            mismatch.append(pd.NA)
        else:
            mismatch.append(rules.normalize_governorate(str(gaz)) != text_gov)
    result["governorate_mismatch"] = pd.array(mismatch, dtype="boolean")
    # pd.concat inside geocode_frame drops attrs: keep report_id, skipped and reason
    result.attrs = dict(frame.attrs)
    located: pd.DataFrame = incidents_frame(result)  # point_reason for rows without a point
    return located


# ---------------------------------------------------------------------------------------------
# public API: reconciliation and summary figures


def _read_report(path: Path) -> str:
    if not path.is_file():
        raise DataFileError(f"report file not found: {path}")
    if path.suffix.lower() == ".pdf":
        return text_from_pdf(path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ReportParseError(f"{path} is not UTF-8 text: {exc}") from exc


def reconcile(
    report: str | os.PathLike[str] | pd.DataFrame,
    *,
    text: str | None = None,
    report_id: str | None = None,
) -> Reconciliation:
    """Compare a report's printed summary with the sums of its extracted incidents.

    Parameters
    ----------
    report
        The report text; a path (``os.PathLike``, or a ``str`` naming an existing ``.txt`` or
        ``.pdf`` file); or a DataFrame from :func:`incidents_from_text` (then ``text`` is
        required).
    text
        The report text, when ``report`` is a DataFrame.
    report_id
        Identifier; by default the DataFrame's or the file's.

    Returns
    -------
    Reconciliation
        Every summary number, every comparison and the differences.

    Raises
    ------
    InputFormatError
        If a DataFrame is given without ``text``.
    ReportParseError
        If the document is empty or not an SNHR report.
    """
    given: pd.DataFrame | None = None
    if isinstance(report, pd.DataFrame):
        if text is None:
            raise InputFormatError("reconcile(DataFrame) needs the report text: text=...")
        given = report
        document = text
    elif isinstance(report, os.PathLike) or (
        isinstance(report, str)
        and "\n" not in report
        and len(report) < 4096
        and report.lower().endswith((".txt", ".pdf", ".md"))
    ):
        path = Path(report)
        document = _read_report(path)
        report_id = report_id or path.stem
    elif isinstance(report, str):
        document = report
    else:
        raise InputFormatError(
            f"reconcile() takes report text, a path or a DataFrame, not {type(report).__name__}"
        )
    parsed, frame = _parse(document, report_id)
    return reconciliation_from_report(parsed, frame, given, report_id)


def summary_from_text(text: str, *, report_id: str | None = None) -> pd.DataFrame:
    """Every figure an SNHR report prints in its summaries, one row per printed figure.

    Every number of the summary sections is read with what the words around it say: the
    noun it counts, the perpetrator or governorate of its label (or of ``... by X``, ``at the
    hands of X``, a label line above it) and its role (the month's total, an item of a list,
    the children and women of the victims before them; a count by area of control, a
    year-to-date toll, a percentage or a page number is not a figure). That covers the
    massacres (total, by perpetrator, by governorate), the victims of the month's massacres
    and, in the monthly death-toll reports, civilians killed (with children and women) by
    perpetrator and governorate, deaths due to torture and deaths of medical personnel and
    media workers, as SNHR has printed them since 2014 (``SNHR documented not less than 38
    massacres``, ``A- Government forces (...) committed 28 massacres``, ``Aleppo: 12 massacres
    were committed, Idlib: 9``, ``In those massacres 402 victims, including 98 children and 60
    women, were killed``, ``– Daesh: 21 victims``); numbers in digits or words (up to 999).
    See ``docs/incidents.md`` (Summary figures).

    Parameters
    ----------
    text
        Report text (as for :func:`incidents_from_text`).
    report_id
        Value of the ``report_id`` column (the CLI uses the file stem); by default
        ``snhr-YYYY-MM``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FIGURE_COLUMNS`: ``report_id``, ``period`` (YYYY-MM), ``measure``
        (``massacres``, ``massacre_victims``, ``massacre_children``, ``massacre_women``,
        ``killed``, ``children``, ``women``, ``torture_deaths``, ``medical_personnel``,
        ``media_workers``), ``perpetrator`` (``all``, a value of ``perpetrator_section`` or
        ``extremist_groups``), ``adm1_pcode`` (empty for the whole country), ``value`` (as
        printed), ``span_start`` and ``span_end`` (offsets in ``text`` of the figure's item,
        from its label) and ``warnings`` (a total the report's own lines sum differently to is
        kept as printed and flagged here). A report that prints no figure gives an empty table
        with ``attrs["reason"]``.

    Raises
    ------
    ReportParseError
        If the text is empty or is not an SNHR report.
    InputFormatError
        If the text is a file name (``"report.txt"``): read the file and pass its text.
    """
    return figures_from_report(*_parse(text, report_id))


def units_from_figures(
    figures: pd.DataFrame, *, measure: str = "massacres", period: str | None = None
) -> tuple[pd.DataFrame, Literal["count", "killed"]]:
    """Per-governorate rows for the maps from a table of printed summary figures.

    Lets a user who has only SNHR's monthly summaries map, say, massacres by governorate over
    the years: pass the rows to :func:`syria_geo.maps.static.choropleth` (``facet="month"`` for small
    multiples) or :func:`syria_geo.maps.interactive.map_incidents` (a month slider) with the metric
    returned here.

    Parameters
    ----------
    figures
        Output of :func:`summary_from_text` (or ``syria-geo summary``), any number of reports.
    measure
        Which figures: ``massacres`` (mapped as counts) or a measure of people
        (``massacre_victims``, ``killed`` ...) that the reports print per governorate.
    period
        ``YYYY-MM`` to keep one month; all months by default.

    Returns
    -------
    (pandas.DataFrame, str)
        One row per governorate and month (``report_id``, ``date`` = the period,
        ``adm1_pcode``, ``measure``, ``summary_count`` - the massacres it stands for - or
        ``killed``, and the figure's ``span_start``/``span_end``), and the map metric to use
        (``count`` or ``killed``). The same month printed twice is mapped once, with a warning.

    Raises
    ------
    InputFormatError
        If the table is not a figures table or has no per-governorate figure of ``measure``.
    InvalidParameterError
        If ``measure`` or ``period`` is not in the table (the message lists those that are).
    """
    return _summary.units_from_figures(figures, measure=measure, period=period)


def load_sample_figures() -> pd.DataFrame:
    """Load the bundled figures: what the four seed reports print in their summaries.

    Regenerated by ``scripts/build_sample.py`` with :func:`summary_from_text` (numbers,
    periods, P-codes and the span of each statement in its report; no report sentence).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FIGURE_COLUMNS`.
    """
    from syria_geo.core import data_file

    return _summary.read_figures(data_file("samples", "snhr_seed_figures.csv"))
