"""Build the bundled sample: the incidents extracted from the four seed SNHR reports.

Run from the repository root::

    python scripts/build_sample.py [--seeds ../shared/seeds] [--output samples]

Writes ``samples/snhr_seed_incidents.csv``: one row per incident, geocoded, with the columns of
:func:`syria_geo.reports.reader.incidents_from_text` (``geocode=True``).  Only facts are kept: dates,
short place phrases, numbers, categories, the rule notes of the extractor and geocoder, and the
character span of each paragraph in its source report (provenance).  No report sentence is
copied.  The file is packaged into the wheel and read by
:func:`syria_geo.incidents.sample.load_sample_incidents`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from syria_geo.reports import incidents_from_text, summary_from_text  # noqa: E402

SAMPLE_NAME = "snhr_seed_incidents.csv"
FIGURES_NAME = "snhr_seed_figures.csv"


def build(seeds: Path, output: Path) -> pd.DataFrame:
    """Extract and geocode every seed report and write the sample table."""
    reports = sorted(seeds.glob("snhr-*.txt"))
    if not reports:
        raise SystemExit(f"no seed reports (snhr-*.txt) in {seeds}")
    frames = [
        incidents_from_text(path.read_text(encoding="utf-8"), report_id=path.stem, geocode=True)
        for path in reports
    ]
    # the CSV keeps lon/lat; the point geometry of the geocoded frames is not written
    sample = pd.concat(frames, ignore_index=True).drop(columns="geometry")
    output.mkdir(parents=True, exist_ok=True)
    sample.to_csv(output / SAMPLE_NAME, index=False, lineterminator="\n", float_format="%.6f")
    # the figures the reports print in their summaries (numbers, periods, P-codes, spans)
    figures = pd.concat(
        [summary_from_text(p.read_text(encoding="utf-8"), report_id=p.stem) for p in reports],
        ignore_index=True,
    )
    figures.to_csv(output / FIGURES_NAME, index=False, lineterminator="\n")
    return sample


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--output", type=Path, default=ROOT / "samples")
    args = parser.parse_args(argv)
    sample = build(args.seeds.resolve(), args.output.resolve())
    print(f"{len(sample)} incidents from {sample['report_id'].nunique()} reports")
    print(sample.groupby(["report_id", "geo_status"]).size().to_string())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
