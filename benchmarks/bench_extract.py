"""Benchmark: ``extract`` time grows linearly with the length of the text (issue 15, item 5).

For each kind of text, :func:`syria_geo.incidents.incidents_from_text` runs on a base size and
on ten times that size; the ratio of the two times (best of several runs, measured in the same
run) must be at most 12.  A quadratic step shows as a ratio near 100.

Texts:

- hostile: ``[x](`` repeated (unclosed markdown links), ``ab-\\n`` repeated (one long
  hyphenated paragraph), capitalised place-type words (``Town Town ...``) and control phrases
  without punctuation inside one dated incident paragraph, many short dated paragraphs;
- real: the four seed SNHR reports (``../shared/seeds``), concatenated once and ten times.

Usage: ``python benchmarks/bench_extract.py [--repeat 3]``.  ``SYRIA_GEO_BENCH_QUICK=1``
halves the base sizes.  Prints a table and one ``BENCH`` line per text; exits 1 if a ratio is
above 12.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from syria_geo.incidents import incidents_from_text

MAX_RATIO = 12.0
FACTOR = 10
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HEAD = "SNHR monthly report\n\nII. Details\n\nA. Syrian regime forces\n\nHama governorate\n\n"
DATED = "On March 3, 2015, regime forces shelled Kafr Nabudah town, killing {n} civilians."


def _repeat(unit: str, size: int) -> str:
    return "SNHR\n" + unit * max(1, size // len(unit))


def _dated(filler: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        body = filler * max(1, size // len(filler))
        return HEAD + DATED.format(n=5)[:-1] + " " + body + ".\n"

    return make


def _paragraphs(size: int) -> str:
    para = DATED.format(n=7) + "\n\n"
    return HEAD + para * max(1, size // len(para))


def _real(copies: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("snhr-*.txt"))]
    if not texts:
        raise SystemExit(f"no seed reports in {SEEDS}")
    return "\n\n".join(texts * copies)


def _best(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        incidents_from_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    base = 20_000 if os.environ.get("SYRIA_GEO_BENCH_QUICK") else 40_000
    cases: list[tuple[str, Callable[[int], str]]] = [
        ("hostile: '[x](' repeated", lambda n: _repeat("[x](", n)),
        ("hostile: 'ab-\\n' repeated", lambda n: _repeat("ab-\n", n)),
        ("hostile: 'Town ' in a dated paragraph", _dated("Town ")),
        ("hostile: control phrases, no punctuation", _dated("under the control of x ")),
        ("hostile: short dated paragraphs", _paragraphs),
    ]
    rows: list[tuple[str, int, float, float, float]] = []
    for name, make in cases:
        small, large = make(base), make(base * FACTOR)
        t_small, t_large = _best(small, args.repeat), _best(large, args.repeat)
        rows.append((name, len(small), t_small, t_large, t_large / t_small))
    if SEEDS.is_dir():
        small, large = _real(1), _real(FACTOR)
        t_small, t_large = _best(small, args.repeat), _best(large, max(1, args.repeat - 1))
        rows.append(("real: four seed reports", len(small), t_small, t_large, t_large / t_small))
    failed = False
    print(f"{'text':<44} {'chars':>9} {'1x (s)':>9} {'10x (s)':>9} {'ratio':>7}")
    for name, chars, t_small, t_large, ratio in rows:
        flag = "" if ratio <= MAX_RATIO else "  TOO SLOW"
        failed = failed or ratio > MAX_RATIO
        print(f"{name:<44} {chars:>9,} {t_small:>9.4f} {t_large:>9.4f} {ratio:>7.2f}{flag}")
    for name, chars, t_small, t_large, ratio in rows:
        record = {
            "name": f"extract 10x text: {name}",
            "value": round(t_large, 4),
            "baseline": round(t_small, 4),
            "ratio": round(ratio, 2),
            "unit": "s",
            "note": f"target ratio <= {MAX_RATIO:g} ({chars:,} chars at 1x)",
        }
        print("BENCH " + json.dumps(record))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
