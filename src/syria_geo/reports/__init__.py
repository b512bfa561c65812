"""SNHR reports: their text and PDFs, their incidents, their summary figures, and both compared.

Every value keeps the character span it was read from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from syria_geo.core import lazy_exports

if TYPE_CHECKING:
    from syria_geo.reports.comparison import FIGURE_COLUMNS as FIGURE_COLUMNS
    from syria_geo.reports.comparison import Reconciliation as Reconciliation
    from syria_geo.reports.comparison import SummaryFact as SummaryFact
    from syria_geo.reports.extract import control_sides as control_sides
    from syria_geo.reports.extract import with_control_sides as with_control_sides
    from syria_geo.reports.reader import COLUMNS as COLUMNS
    from syria_geo.reports.reader import incidents_from_pdf as incidents_from_pdf
    from syria_geo.reports.reader import incidents_from_text as incidents_from_text
    from syria_geo.reports.reader import load_sample_figures as load_sample_figures
    from syria_geo.reports.reader import reconcile as reconcile
    from syria_geo.reports.reader import summary_from_text as summary_from_text
    from syria_geo.reports.reader import text_from_pdf as text_from_pdf
    from syria_geo.reports.reader import units_from_figures as units_from_figures
    from syria_geo.reports.summary import is_figures_file as is_figures_file
    from syria_geo.reports.summary import read_figures as read_figures

#: What this stage exports: name -> its module (imported on first use).
_EXPORTS: dict[str, str] = {
    "COLUMNS": "reader",
    "FIGURE_COLUMNS": "comparison",
    "Reconciliation": "comparison",
    "SummaryFact": "comparison",
    "control_sides": "extract",
    "incidents_from_pdf": "reader",
    "incidents_from_text": "reader",
    "is_figures_file": "summary",
    "load_sample_figures": "reader",
    "read_figures": "summary",
    "reconcile": "reader",
    "summary_from_text": "reader",
    "text_from_pdf": "reader",
    "units_from_figures": "reader",
    "with_control_sides": "extract",
}

__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
