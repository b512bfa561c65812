"""``summary_from_text`` on generated summaries whose figures the generator knows.

A quick slice of ``tests/summary_generator.py`` (the full measurement, thousands of variants,
is ``benchmarks/summary_accuracy.py``). The generator writes its own wording of the shapes
SNHR has printed; nothing here is copied from a report.
"""

from __future__ import annotations

import pytest

import syria_geo as sg

from .summary_generator import PCODES, score, summary, words

summary_from_text = sg.summary_from_text

#: Seeds of the slice: away from the seeds the reader was developed against (0-999).
SLICE = range(20_000, 20_400)


def test_the_generators_governorates_are_the_shipped_ones() -> None:
    adm1 = sg.load_boundaries("adm1")
    assert set(PCODES.values()) == set(adm1["pcode"])


def test_number_words() -> None:
    assert [words(n) for n in (0, 7, 21, 40, 100, 305, 999)] == [
        "zero",
        "seven",
        "twenty-one",
        "forty",
        "one hundred",
        "three hundred and five",
        "nine hundred and ninety-nine",
    ]


def test_generator_is_seeded_and_knows_its_figures() -> None:
    first, again = summary(7), summary(7)
    assert first.text == again.text
    assert first.rows == again.rows
    assert summary(8).text != first.text
    # every figure it printed is in its text (digits or words)
    for measure, _, _, value in first.rows:
        assert measure
        assert str(value) in first.text.replace(",", "") or words(value) in first.text.lower()


@pytest.mark.parametrize("family", ["massacre", "death_toll"])
def test_generated_summaries_come_back(family: str) -> None:
    """At least 99.5 % of the printed figures come back and every month is right."""
    expected = right = extra = 0
    wrong: list[tuple[int, object, object]] = []
    for seed in SLICE:
        generated = summary(seed, family)
        result = score(generated, summary_from_text(generated.text))
        expected += result.expected
        right += result.right
        extra += result.extra
        assert result.period_right, (seed, generated.period)
        if result.missing or result.unexpected:
            wrong.append((seed, result.missing, result.unexpected))
    rate = right / (expected + extra)
    assert rate >= 0.995, (rate, wrong[:5])
    assert expected > 2_000


def test_a_total_the_lines_contradict_is_kept_and_flagged() -> None:
    """Generated summaries whose printed total disagrees with its lines carry a warning."""
    flagged = [s for s in (summary(seed, "massacre") for seed in range(600)) if s.flagged][:5]
    assert flagged
    for generated in flagged:
        frame = summary_from_text(generated.text)
        result = score(generated, frame)
        assert result.warnings_right, generated.text
        total = frame[
            (frame["measure"] == "massacres")
            & (frame["perpetrator"] == "all")
            & (frame["adm1_pcode"] == "")
        ]
        printed = [value for key, value in ((r[:3], r[3]) for r in generated.rows)
                   if key == ("massacres", "all", None)]  # fmt: skip
        assert total["value"].tolist()[:1] == printed[:1]
