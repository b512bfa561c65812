"""Summary figures read back: ``summary_from_text`` on generated summaries (issue 26).

Run:  PYTHONPATH=src python benchmarks/summary_accuracy.py [--variants 6000] [--seed 100000]
      [--show 10]

``tests/summary_generator.py`` writes seeded summaries in the shapes of the monthly massacre
reports (2014-2017) and of the monthly civilian death-toll reports (2018-2024), in its own
words, and knows every figure it printed.  Each variant goes through the public
``summary_from_text``; a figure is right when a row with its measure, perpetrator,
governorate and value comes back; a row that matches no printed figure is an extra.

Printed: the rate (right / (printed + extra)) overall, per family and per template choice
(``party_style:2`` is the third way of writing the perpetrator lines, see the generator),
the share of variants whose month and sum warnings are right, then the seed reports against
the bundled sample (``samples/snhr_seed_figures.csv``: every figure and value kept).  One
``BENCH`` line per rate for ``benchmarks/run_all.py``.  The seeds of the variants start at
``--seed`` (default 100000, away from the seeds the reader was developed on, 0-999, and
from the test slice, 20000-20399).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.summary_generator import score, summary  # noqa: E402

from syria_geo import summary_from_text  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLE = ROOT / "samples" / "snhr_seed_figures.csv"


def measure(variants: int, first_seed: int, show: int) -> dict[str, object]:
    """Read ``variants`` generated summaries back; rates overall, per family and template."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # printed, right, extra
    months = warnings = perfect = 0
    wrong: list[str] = []
    for seed in range(first_seed, first_seed + variants):
        generated = summary(seed)
        result = score(generated, summary_from_text(generated.text))
        groups = {"all", f"family {generated.family}"} | {
            t.split(":")[0] + ":" + t.split(":")[1] for t in generated.templates
        }
        for group in groups:
            totals[group][0] += result.expected
            totals[group][1] += result.right
            totals[group][2] += result.extra
        months += result.period_right
        warnings += result.warnings_right
        if result.missing or result.unexpected:
            if len(wrong) < show:
                wrong.append(f"seed {seed}: missing {result.missing}, extra {result.unexpected}")
        else:
            perfect += 1
    rates = {
        group: {"printed": n, "right": r, "extra": x, "rate": 100 * r / max(1, n + x)}
        for group, (n, r, x) in sorted(totals.items())
    }
    return {
        "variants": variants,
        "first_seed": first_seed,
        "rates": rates,
        "months_right": 100 * months / variants,
        "warnings_right": 100 * warnings / variants,
        "variants_all_right": 100 * perfect / variants,
        "wrong": wrong,
    }


def seed_reports() -> dict[str, object]:
    """The four seed reports' figures against the bundled sample (values, as a multiset)."""
    if not SEEDS.is_dir():
        return {"skipped": f"no seed reports at {SEEDS}"}
    sample = pd.read_csv(SAMPLE, keep_default_na=False)
    out: dict[str, object] = {}
    for path in sorted(SEEDS.glob("snhr-*.txt")):
        start = time.perf_counter()
        frame = summary_from_text(path.read_text(encoding="utf-8"), report_id=path.stem)
        seconds = time.perf_counter() - start
        rows = Counter(
            (r.measure, r.perpetrator, r.adm1_pcode, int(r.value)) for r in frame.itertuples()
        )
        kept = sample[sample["report_id"] == path.stem]
        wanted = Counter(
            (r.measure, r.perpetrator, str(r.adm1_pcode), int(r.value)) for r in kept.itertuples()
        )
        out[path.stem] = {
            "figures": sum(rows.values()),
            "sample_figures": sum(wanted.values()),
            "same": rows == wanted,
            "seconds": round(seconds, 3),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=100_000)
    ap.add_argument("--show", type=int, default=10, help="print this many wrong variants")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    result = measure(args.variants, args.seed, args.show)
    rates = result["rates"]
    assert isinstance(rates, dict)
    print(
        f"{args.variants} generated summaries (seeds {args.seed}-{args.seed + args.variants - 1})"
    )
    print(f"{'group':34} {'printed':>8} {'right':>8} {'extra':>6} {'% right':>8}")
    for group, row in rates.items():
        print(
            f"{group:34} {row['printed']:8d} {row['right']:8d} {row['extra']:6d} {row['rate']:8.2f}"
        )
    print(f"month right in {result['months_right']:.2f} % of the variants; sum warnings right "
          f"in {result['warnings_right']:.2f} %; every figure right in "
          f"{result['variants_all_right']:.2f} %")  # fmt: skip
    for line in result["wrong"]:  # type: ignore[attr-defined]
        print("  " + str(line))
    seeds = seed_reports()
    for name, row in seeds.items():
        print(f"seed {name}: {row}")
    for group in ("all", "family massacre", "family death_toll"):
        bench = {"name": f"summary figures read back: {group}", "value": rates[group]["rate"],
                 "baseline": None, "ratio": None, "unit": "%",
                 "note": f"{rates[group]['printed']} figures in {args.variants} variants"}  # fmt: skip
        print("BENCH " + json.dumps(bench))
    print(f"total {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
