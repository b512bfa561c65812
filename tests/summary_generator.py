"""Seeded generator of SNHR-style monthly summaries that knows every figure it wrote.

Used by ``tests/test_summary_generator.py`` (a quick slice) and by
``benchmarks/summary_accuracy.py`` (thousands of variants).  Every sentence below was written
for this project; none is taken from a report.  The generator varies what a reader of the
summaries meets: hedges (``no less than``, ``at least``, ``nearly``), numbers in digits or in
words (``a``/``one`` too), the verb before or after the number (``committed 12 massacres``,
``12 massacres were perpetrated by``), lettered, Roman-numbered, dashed and bulleted lists,
a parent heading with sub-items, one perpetrator or governorate per line or all in one line,
a sub-breakdown by area of control that repeats a perpetrator's count, titles that carry the
total, methodology and percentage sentences, year-to-date totals, line breaks and page
breaks (with a page number) inside sentences.

Two families: the monthly massacre reports (``massacre``, 2014-2017 shapes) and the monthly
civilian death-toll reports (``death_toll``, 2018-2024 shapes: civilians killed, children,
women, deaths due to torture, medical and media workers, by perpetrator and governorate).

:func:`summary` returns a :class:`Summary`: the text, the figures it printed as
``(measure, perpetrator, governorate, value)`` rows (governorate as normalised by
``syria_geo._report_rules``, None for the country), the month, and the templates used.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: How a report may name each perpetrator (the key is the figure's ``perpetrator``).
PARTIES: dict[str, tuple[str, ...]] = {
    "syrian_regime": (
        "Government forces",
        "Syrian regime forces",
        "The Syrian regime and its militias",
        "Government forces (army, security services, local and foreign militias)",
        "Syrian regime forces (the army, security agencies, local militias, and Shiite foreign "
        "militias)",
        "The Syrian regime and its allied militias",
    ),
    "russia": ("Russian forces", "The Russian forces", "Russian forces (air force)"),
    "isis": ("ISIS", "Daesh", "ISIL", "ISIS (the self-styled Islamic State)"),
    "hts": ("Hay'at Tahrir al Sham", "An-Nusra Front", "Al Nusra Front", "HTS"),
    "armed_opposition": (
        "Armed opposition factions",
        "Armed opposition groups",
        "Factions of the armed opposition",
        "The Armed Opposition/ Syrian National Army",
    ),
    "sdf": (
        "Syrian Democratic Forces",
        "Kurdish-led Syrian Democratic Forces (the Democratic Union Party)",
        "PYD Kurdish self-management forces",
        "Kurdish Protection Forces",
    ),
    "international_coalition": (
        "International coalition forces",
        "The international alliance",
        "US-led coalition forces",
    ),
    "turkey": ("Turkish forces", "Turkish border guards"),
    "other_parties": (
        "Other parties",
        "Unidentified groups",
        "Parties not yet identified",
        "Unknown parties",
    ),
}
#: OCHA P-codes of the governorates (the truth the figures table is scored against).
PCODES: dict[str, str] = {
    "Damascus": "SY01", "Aleppo": "SY02", "Rural Damascus": "SY03", "Homs": "SY04",
    "Hama": "SY05", "Latakia": "SY06", "Idlib": "SY07", "Hasakah": "SY08",
    "Deir ez-Zor": "SY09", "Tartus": "SY10", "Raqqa": "SY11", "Daraa": "SY12",
    "As-Suwayda": "SY13", "Quneitra": "SY14",
}  # fmt: skip
#: Spellings of the governorates (the key is the normalised name).
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "Aleppo": ("Aleppo", "Halab"),
    "Idlib": ("Idlib", "Idleb"),
    "Rural Damascus": ("Damascus suburbs", "Rural Damascus", "Damascus countryside", "Rif Dimashq"),
    "Damascus": ("Damascus",),
    "Homs": ("Homs",),
    "Hama": ("Hama",),
    "Daraa": ("Daraa", "Deraa", "Dara'a"),
    "Deir ez-Zor": ("Deir ez-Zor", "Der Ezzor", "Deir Al Zour", "Deir Ez-Zour", "Deir Az- Zour"),
    "Raqqa": ("Raqqa", "Al Raqqa", "Ar-Raqqa"),
    "Hasakah": ("Hasakah", "Al Hasaka", "Al-Haskah", "Al Hassaka"),
    "Latakia": ("Latakia", "Lattakia"),
    "Tartus": ("Tartus", "Tartous"),
    "As-Suwayda": ("As-Suwayda", "Suwayda", "Al Sweida"),
    "Quneitra": ("Quneitra",),
}
_HEDGES = ("", "", "no less than ", "not less than ", "at least ", "nearly ", "")
_LETTERS = "ABCDEFGH"
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")

Row = tuple[str, str, str | None, int]


def words(n: int) -> str:
    """``n`` in English words (below 1000)."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_UNITS[hundreds]} hundred"
    return head if not rest else f"{head} and {words(rest)}"


@dataclass
class Summary:
    """A generated summary and what it printed."""

    text: str
    rows: list[Row]
    period: str
    family: str
    templates: list[str] = field(default_factory=list)
    flagged: set[tuple[str, str, str | None]] = field(default_factory=set)
    """Keys of totals the generator made disagree with their lines (kept as printed and
    expected to carry a warning)."""


class _Writer:
    """Random choices of one variant, recorded by template name."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.templates: list[str] = []
        self.in_words = rng.random() < 0.35

    def pick(self, name: str, options: list[str] | tuple[str, ...]) -> str:
        index = self.rng.randrange(len(options))
        self.templates.append(f"{name}:{index}")
        return options[index]

    def num(self, n: int, *, start: bool = False, article: str = "") -> str:
        """A number as a report prints it: digits, words, ``one`` or ``a``."""
        if n == 1 and article and self.rng.random() < 0.4:
            text = article
        elif self.in_words and n < 200 and self.rng.random() < 0.8:
            text = words(n)
        else:
            text = f"{n:,}" if n >= 1000 else str(n)
        return text[:1].upper() + text[1:] if start else text

    def hedge(self) -> str:
        return self.rng.choice(_HEDGES)

    def party(self, key: str) -> str:
        return self.rng.choice(PARTIES[key])

    def gov(self, key: str) -> str:
        return self.rng.choice(GOVERNORATES[key])

    def noun(self, n: int, singular: str, plural: str) -> str:
        return singular if n == 1 else plural


def _lower(name: str) -> str:
    """A name inside a sentence: ``the Syrian regime``, ``ISIS`` and ``US-led`` kept."""
    if name[1:2].isupper() or name.split(" ")[0] in ("Syrian", "Russian", "Turkish", "Kurdish"):
        return name
    return name[0].lower() + name[1:]


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` cut into ``parts`` positive numbers (one each at least)."""
    if parts <= 1:
        return [total]
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _marker(w: _Writer, index: int, style: str) -> str:
    return {
        "letter-dash": f"{_LETTERS[index]}- ",
        "letter-dot": f"{_LETTERS[index]}. ",
        "letter-paren": f"{_LETTERS[index].lower()}) ",
        "roman": f"{_ROMANS[index]}- ",
        "number": f"{index + 1}. ",
        "dash": "- ",
        "endash": "– ",
        "bullet": "• ",
        "none": "",
    }[style]


_LIST_STYLES = (
    "letter-dash", "letter-dot", "letter-paren", "roman", "number", "dash", "endash", "bullet",
    "none",
)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# monthly massacre reports


def _hedge_title(w: _Writer) -> str:
    return w.pick("title_hedge", ("No Less than ", "Not Less than ", "At Least ", "", ""))


def _massacre_title(w: _Writer, total: int, month: str, year: int) -> str:
    n = w.num(total)
    return w.pick(
        "massacre_title",
        (
            f"{_hedge_title(w)}{n} Massacres in {month} {year}",
            f"{n} Massacres Documented in {month} {year}",
            f"{_hedge_title(w)}{n} Massacres Were Committed in {month} {year}",
            f"SNHR: {n} massacres in {month} {year}",
        ),
    )


def _when(w: _Writer, month: str, year: int) -> str:
    return w.pick(
        "when",
        (f"in {month}", f"in the month of {month}", f"during {month} {year}", f"in {month} {year}"),
    )


def _massacre_total(w: _Writer, total: int, month: str, year: int) -> str:
    n, h = w.num(total), w.hedge()
    when = _when(w, month, year)
    follows = w.pick("follows", (", distributed as follows:", ", detailed as follows:", ".", ":"))
    return w.pick(
        "massacre_total",
        (
            f"SNHR documented {h}{n} massacres {when}{follows}",
            f"In {month}, SNHR recorded {h}{n} massacres.",
            f"SNHR documented, during the month of {month} {year}, {n} massacres at least, as "
            "follows:",
            f"{(h or 'a total of ').capitalize()}{n} massacres were committed {when}, according "
            "to the documentation of SNHR:",
            f"The Syrian Network for Human Rights recorded {h}{n} massacres {when}.",
            f"SNHR documented in the month of {month} {year} {n} massacres at least as follows:",
        ),
    )


def _year_to_date(w: _Writer, cumulative: int, month: str, year: int) -> str:
    return w.pick(
        "year_to_date",
        (
            f"Since the beginning of {year}, SNHR has documented {cumulative} massacres.",
            f"SNHR has recorded {cumulative} massacres between the start of {year} and the end "
            f"of {month}.",
            f"The toll of massacres since the start of {year} stands at {cumulative}.",
        ),
    )


_DEFINITIONS = (
    "SNHR describes an incident as a massacre when five or more peaceful people are killed "
    "at the same time.",
    "By a massacre SNHR means an attack in which at least five civilians are killed at once.",
    "SNHR uses the term massacre for any incident that kills five or more unarmed people at "
    "the same time; our methodology is explained on our website.",
)


def _party_line(w: _Writer, style: str, marker: str, key: str, n: int) -> str:
    name = w.party(key)
    count = w.num(n, article="a" if style != "colon-bare" else "")
    noun = w.noun(n, "massacre", "massacres")
    if style == "verb":
        verb = w.pick("party_verb", ("committed", "perpetrated", "carried out", "committed"))
        if name.startswith(("The ", "Russian forces", "Government", "Syrian", "Armed", "Factions")):
            verb = w.pick("party_verb_plural", (verb, "were responsible for"))
        return f"{marker}{name} {verb} {count} {noun}"
    if style == "colon-bare":
        return f"{marker}{name}: {w.num(n)}"
    if style == "colon-verb":
        return f"{marker}{name}: perpetrated {count} {noun}"
    if style == "passive":
        lowered = _lower(name)
        tail = w.pick("passive", ("were perpetrated by", "were committed by", "at the hands of"))
        if n == 1:
            tail = tail.replace("were", "was")
        return f"{marker}{w.num(n, start=not marker)} {noun} {tail} {lowered}"
    return f"{marker}{name}: {count} {noun}"


def _party_lines(w: _Writer, counts: dict[str, int]) -> list[str]:
    """The perpetrator lines, one per line or in one line; extremists under a parent."""
    style = w.pick("party_style", ("verb", "colon", "colon-bare", "colon-verb", "passive"))
    marker_style = w.pick("party_marker", _LIST_STYLES)
    keys = list(counts)
    extremists = [k for k in keys if k in ("isis", "hts")]
    parent = bool(extremists) and w.rng.random() < 0.5 and style != "passive"
    lines: list[str] = []
    index = 0
    for key in keys:
        if parent and key in extremists:
            if key == extremists[0]:
                heading = w.pick("parent", ("Extremist Islamic groups:", "Extremist groups:"))
                lines.append(f"{_marker(w, index, marker_style)}{heading}")
                index += 1
                for sub, sub_key in enumerate(extremists):
                    lines.append(
                        _party_line(w, style, f"{_ROMANS[sub]}- ", sub_key, counts[sub_key])
                    )
            continue
        lines.append(_party_line(w, style, _marker(w, index, marker_style), key, counts[key]))
        index += 1
    if not parent and style in ("colon", "verb") and len(lines) > 1 and w.rng.random() < 0.3:
        joiner = w.pick("party_joiner", (" – ", "; ", ", "))
        return [joiner.join(line.strip() for line in lines) + "."]
    return lines


def _while_sentence(w: _Writer, counts: dict[str, int], total: int) -> str:
    """``X perpetrated 22 of the 26 massacres, while Y perpetrated one ...``."""
    keys = list(counts)
    first = (
        f"{w.party(keys[0])} perpetrated {w.num(counts[keys[0]])} of the {w.num(total)} massacres"
    )
    rest = []
    for key in keys[1:]:
        n = counts[key]
        if w.rng.random() < 0.5:
            name = w.party(key)
            rest.append(f"{_lower(name)} "
                        f"perpetrated {w.num(n)}")  # fmt: skip
        else:
            verb = "was" if n == 1 else "were"
            noun = w.noun(n, "massacre", "massacres")
            rest.append(f"{w.num(n, article='one')} {noun} {verb} perpetrated by "
                        f"{_lower(w.party(key))}")  # fmt: skip
    if not rest:
        return first + "."
    return first + ", while " + ", and ".join(rest) + "."


def _control_breakdown(w: _Writer, key: str, n: int, month: str, year: int) -> list[str]:
    """A perpetrator's count broken down by area of control: not new figures."""
    name = w.party(key)
    intro = w.pick(
        "control_intro",
        (
            f"{_marker(w, 0, 'letter-dash')}{name} committed {w.num(n)} massacres in {month} "
            f"{year}, detailed as follows:",
            f"The massacres perpetrated by {_lower(name)} were distributed by area of control "
            "as follows:",
        ),
    )
    parts = _split(w.rng, n, min(n, w.rng.randint(1, 3)))
    controllers = ["armed opposition factions", "ISIS", "the Syrian regime", "Kurdish forces"]
    lines = [intro]
    for part, who in zip(parts, w.rng.sample(controllers, len(parts)), strict=False):
        lines.append(
            w.pick(
                "control_line",
                (
                    f"- {w.num(part)} massacres in areas under the control of {who}",
                    f"– {w.num(part)} in areas held by {who}.",
                    f"- {w.num(part, start=True)} massacres were committed in regions under the "
                    f"control of {who}.",
                ),
            )
        )
    return lines


def _governorate_lines(w: _Writer, counts: dict[str, int]) -> list[str]:
    """Massacres by governorate: one per line or in one line, with or without the noun."""
    intro = w.pick(
        "gov_intro",
        (
            "Massacres by governorate:",
            "The massacres were distributed across the governorates as follows:",
            "Distribution of the massacres by governorate:",
            "The regional distribution of the month's massacres is as follows:",
            "",
        ),
    )
    style = w.pick("gov_style", ("line", "line-bare", "one-line", "one-line-bare", "committed"))
    items = []
    for index, (key, n) in enumerate(counts.items()):
        name = w.gov(key)
        noun = w.noun(n, "massacre", "massacres")
        bare = style.endswith("bare") and index > 0
        if style == "committed" and index == 0:
            items.append(f"{name}: {w.num(n)} {noun} were committed")
        elif style == "one-line-bare" and w.rng.random() < 0.5:
            items.append(f"{name} {w.num(n)}")
        else:
            items.append(f"{name}: {w.num(n)}" + ("" if bare else f" {noun}"))
    if not intro and style not in ("line", "line-bare"):
        intro = "Massacres by governorate:"
    if style in ("line", "line-bare"):
        if not intro:
            items[0] = items[0] if " massacre" in items[0] else items[0] + " massacres"
        marker = w.pick("gov_marker", ("", "", "- ", "• "))
        return ([intro] if intro else []) + [marker + item for item in items]
    if len(items) > 1 and w.rng.random() < 0.4:
        items[-1] = "and " + items[-1]
    line = ", ".join(items) + w.pick("gov_end", (".", "", "."))
    if w.rng.random() < 0.5:
        return [f"{intro} {line}"]
    return [intro, line]


def _cw(w: _Writer, c: int, women: int, style: str) -> str:
    """``, including 9 children and 3 women`` (what of it is printed)."""
    parts = []
    if c:
        parts.append(f"{w.num(c, article='one' if style != 'of whom' else '')} "
                     f"{w.noun(c, 'child', 'children')}")  # fmt: skip
    if women:
        parts.append(f"{w.num(women, article='one')} {w.noun(women, 'woman', 'women')}")
    if not parts:
        return ""
    if style == "of whom":
        parts = [re.sub(r" (child|children|woman|women)$", r" were \1", p) for p in parts]
        return ", of whom " + " and ".join(parts)
    joined = " and ".join(parts)
    if style == "parens":
        return f" (including {joined})"
    return f"{style}{joined}"


def _victims_total(w: _Writer, v: int, c: int, women: int) -> str:
    n, h = w.num(v), w.hedge()
    which = w.pick("victims_total", tuple(str(i) for i in range(6)))
    if which == "0":
        return f"In those massacres {h}{n} victims{_cw(w, c, women, ', including ')}, were killed."
    if which == "1":
        return f"The death toll of these massacres reached {n} civilians{_cw(w, c, women, ', among them ')}."
    if which == "2":
        return f"{w.num(v, start=True)} people were killed in these massacres{_cw(w, c, women, ', amongst them ')}."
    if which == "3":
        extra = " (adult female)" if women else ""
        return (f"According to SNHR's documentation team, {h}{n} individuals were killed in those "
                f"massacres{_cw(w, c, women, ', including ')}{extra}.")  # fmt: skip
    if which == "4":
        return f"These massacres claimed the lives of {n} civilians{_cw(w, c, women, 'of whom')}."
    return f"In total, {n} were killed in the month's massacres{_cw(w, c, women, ' including ')}."


def _percentage(w: _Writer, v: int, c: int, women: int) -> str:
    share = 100 * (c + women) / max(v, 1)
    return w.pick(
        "percentage",
        (
            f"Women and children made up {share:.0f}% of the victims.",
            f"{share:.1f}% of the victims were women and children, a notably high share.",
            f"This means that {share:.0f} % of the victims were children and women.",
        ),
    )


def _victims_lines(w: _Writer, victims: dict[str, tuple[int, int, int]]) -> list[str]:
    intro = w.pick(
        "victims_intro",
        (
            "The victims are distributed by perpetrator as follows:",
            "The death toll of these massacres by perpetrator:",
            "Victims of these massacres by the party that killed them:",
            "The death toll of these massacres was distributed as follows:",
        ),
    )
    marker_style = w.pick("victims_marker", ("dash", "endash", "none", "bullet", "letter-dot"))
    lines = [intro]
    for index, (key, (v, c, women)) in enumerate(victims.items()):
        marker, name = _marker(w, index, marker_style), w.party(key)
        if c == v and not women:
            lines.append(f"{marker}{name}: {w.num(v)} {w.noun(v, 'child', 'children')}")
            continue
        which = w.pick("victims_line", ("0", "1", "2", "3", "4"))
        noun = w.noun(v, "victim", "victims")
        if which == "0":
            lines.append(f"{marker}{name}: {w.num(v)} {noun}{_cw(w, c, women, ', including ')}")
        elif which == "1":
            lines.append(
                f"{marker}{name}: {w.num(v)} civilians{_cw(w, c, women, ', amongst them ')}."
            )
        elif which == "2":
            lines.append(
                f"{marker}{name} killed {w.num(v)} civilians{_cw(w, c, women, ', including ')}"
            )
        elif which == "3":
            lines.append(f"{marker}{name}: {w.num(v)} individuals{_cw(w, c, women, 'parens')}")
        else:
            lines.append(f"{marker}{name}: {w.num(v)} {noun}{_cw(w, c, women, 'of whom')}")
    return lines


def _victims_of(rng: random.Random, counts: dict[str, int]) -> dict[str, tuple[int, int, int]]:
    out = {}
    for key, n in counts.items():
        v = n * rng.randint(5, 22)
        if rng.random() < 0.08:
            out[key] = (v, v, 0)  # only children
            continue
        c = rng.randint(0, v // 3) if rng.random() < 0.85 else 0
        women = rng.randint(0, (v - c) // 3) if rng.random() < 0.8 else 0
        out[key] = (v, c, women)
    return out


def _massacre_summary(
    w: _Writer, month: str, year: int
) -> tuple[list[list[str]], list[Row], set[tuple[str, str, str | None]]]:
    rng = w.rng
    keys = ["syrian_regime", *rng.sample(
        ["russia", "isis", "hts", "armed_opposition", "sdf", "international_coalition",
         "other_parties"], rng.randint(0, 4))]  # fmt: skip
    if rng.random() < 0.15:
        keys = keys[1:] or ["russia"]
    total = rng.randint(max(len(keys), 1) + 2, 75)
    counts = dict(zip(keys, _split(rng, total, len(keys)), strict=True))
    govs = rng.sample(list(GOVERNORATES), rng.randint(1, min(9, total)))
    by_gov = dict(zip(govs, _split(rng, total, len(govs)), strict=True))
    victims = _victims_of(rng, counts)
    v_total = sum(v for v, _, _ in victims.values())
    c_total = sum(c for _, c, _ in victims.values())
    w_total = sum(x for _, _, x in victims.values())
    rows: list[Row] = []
    flagged: set[tuple[str, str, str | None]] = set()
    printed_total = total
    if len(keys) > 1 and rng.random() < 0.06:
        printed_total = total + rng.choice((-1, 1))  # the report contradicts its own lines
        flagged.add(("massacres", "all", None))
    blocks: list[list[str]] = []
    title_only = False
    if rng.random() < 0.7:
        title = [_massacre_title(w, printed_total, month, year)]
        if rng.random() < 0.4:
            title.append(w.pick("subtitle", (
                f"{w.num(counts[keys[0]])} of them by {_lower(w.party(keys[0]))}",
                f"{printed_total} Massacres",
                "Children and women among the victims",
            )))  # fmt: skip
        blocks.append(title)
        title_only = rng.random() < 0.12
    if rng.random() < 0.6:
        blocks.append([w.pick("summary_heading", ("I- Executive Summary", "Executive Summary:",
                                                  "I. Executive Summary", "Summary"))])  # fmt: skip
    if rng.random() < 0.3:
        blocks.append([_year_to_date(w, total * rng.randint(3, 9), month, year)])
    rows.append(("massacres", "all", None, printed_total))
    use_while = len(keys) <= 3 and rng.random() < 0.15
    body: list[str] = []
    if not title_only and not use_while:
        body.append(_massacre_total(w, printed_total, month, year))
    if use_while:
        body.append(_while_sentence(w, counts, printed_total))
    else:
        body.extend(_party_lines(w, counts))
    blocks.append(body)
    rows.extend(("massacres", key, None, n) for key, n in counts.items())
    if rng.random() < 0.5:
        blocks.append([rng.choice(_DEFINITIONS)])
    if "syrian_regime" in counts and counts["syrian_regime"] > 1 and rng.random() < 0.35:
        blocks.append(_control_breakdown(w, "syrian_regime", counts["syrian_regime"], month, year))
    blocks.append(_governorate_lines(w, by_gov))
    rows.extend(("massacres", "all", key, n) for key, n in by_gov.items())
    victims_block = [_victims_total(w, v_total, c_total, w_total)]
    rows.append(("massacre_victims", "all", None, v_total))
    rows.extend(
        (m, "all", None, n)
        for m, n in (("massacre_children", c_total), ("massacre_women", w_total))
        if n
    )
    if rng.random() < 0.5:
        victims_block[0] += " " + _percentage(w, v_total, c_total, w_total)
    blocks.append(victims_block)
    if rng.random() < 0.8:
        blocks.append(_victims_lines(w, victims))
        for key, (v, c, women) in victims.items():
            rows.append(("massacre_victims", key, None, v))
            rows.extend(
                (m, key, None, n)
                for m, n in (("massacre_children", c), ("massacre_women", women))
                if n
            )
    return blocks, rows, flagged


# ---------------------------------------------------------------------------------------------
# monthly civilian death-toll reports (2018-2024 shapes)


def _toll_total(w: _Writer, k: int, c: int, women: int, month: str, year: int) -> str:
    cw = _cw(w, c, women, ", including ")
    tail = ""
    if w.rng.random() < 0.4:
        tail = f", bringing the toll since the beginning of {year} to {k * w.rng.randint(3, 11)}"
    which = w.pick("toll_total", ("0", "1", "2", "3"))
    if which == "0":
        return (f"In {month} {year}, SNHR documented the deaths of {w.num(k)} civilians{cw}"
                f"{' (adult female)' if women else ''}, at the hands of the parties to the "
                f"conflict and the controlling forces in Syria{tail}.")  # fmt: skip
    if which == "1":
        return f"SNHR documented the killing of {w.num(k)} civilians in {month} {year}{_cw(w, c, women, ', among them ')}{tail}."
    if which == "2":
        return (
            f"The civilian death toll we documented in {month} {year} reached {w.num(k)}{cw}{tail}."
        )
    return f"{w.num(k, start=True)} civilians were killed in Syria in {month} {year}{cw}, according to SNHR's documentation."


def _toll_party_lines(
    w: _Writer, tolls: dict[str, tuple[int, int, int]], others: dict[str, tuple[int, int, int]]
) -> list[str]:
    lines = [w.pick("toll_intro", (
        "The death toll we documented was distributed by perpetrator as follows:",
        "The toll of the month by the party responsible:",
        "The deaths are distributed according to the perpetrator parties as follows:",
    ))]  # fmt: skip
    if w.rng.random() < 0.5:
        lines.append("A. The main parties:")
    for key, (k, c, women) in tolls.items():
        name = w.party(key)
        if key == "other_parties":
            continue
        which = w.pick("toll_party", ("heading", "inline", "we"))
        deaths = "the death of" if k == 1 else "the deaths of"
        if which == "heading":
            lines.append(f"- {name}:")
            lines.append(f"SNHR documented {deaths} {w.num(k, article='one')} "
                         f"{w.noun(k, 'civilian', 'civilians')} at the hands of {_lower(name)}"
                         f"{_cw(w, c, women, ', including ')}.")  # fmt: skip
        elif which == "inline":
            lines.append(
                f"- {name}: {w.num(k)} {w.noun(k, 'civilian', 'civilians')}{_cw(w, c, women, ', including ')}."
            )
        else:
            lines.append(f"o {name}: We documented {deaths} {w.num(k, article='one')} "
                         f"{w.noun(k, 'civilian', 'civilians')}{_cw(w, c, women, ', including ')}.")  # fmt: skip
    if "other_parties" in tolls:
        k, c, women = tolls["other_parties"]
        lines.append("B. Other parties:")
        follows = ", distributed as follows:" if others else "."
        lines.append(f"We documented the deaths of {w.num(k)} civilians{_cw(w, c, women, ', including ')}, "
                     f"at the hands of other parties{follows}")  # fmt: skip
        for name, (x, xc, xw) in others.items():
            lines.append(
                f"• {name}: {w.num(x, start=True)} {w.noun(x, 'civilian', 'civilians')}{_cw(w, xc, xw, ', including ')}."
            )
    return lines


def _toll_gov_lines(w: _Writer, by_gov: dict[str, int]) -> list[str]:
    intro = w.pick("toll_gov_intro", (
        "The death toll was distributed across the governorates as follows:",
        "Civilian deaths by governorate:",
    ))  # fmt: skip
    style = w.pick("toll_gov_style", ("line", "line-bare", "one-line"))
    items = []
    for index, (key, n) in enumerate(by_gov.items()):
        bare = style == "line-bare" and index > 0
        items.append(
            f"{w.gov(key)}: {w.num(n)}" + ("" if bare else f" {w.noun(n, 'civilian', 'civilians')}")
        )
    if style == "one-line":
        return [intro, ", ".join(items) + "."]
    return [intro, *items]


def _torture_lines(
    w: _Writer, t: int, by_party: dict[str, int], month: str, year: int
) -> list[str]:
    heading = w.pick("torture_heading", ("A. Death toll of victims who died due to torture",
                                         "Deaths due to torture"))  # fmt: skip
    which = w.pick("torture_total", ("0", "1", "2"))
    tail = (
        f", bringing the toll since the beginning of {year} to {t * 4}"
        if w.rng.random() < 0.4
        else ""
    )
    if which == "0":
        total = f"SNHR documented in {month} {year} the deaths of {w.num(t)} individuals due to torture{tail}."
    elif which == "1":
        total = f"{w.num(t, start=True)} people died under torture in {month} {year}, according to SNHR."
    else:
        total = f"We recorded the deaths of {w.num(t)} detainees due to torture in {month}{tail}."
    lines = [heading, total]
    if by_party:
        lines.append("The victims of torture were distributed by perpetrator as follows:")
        for key, n in by_party.items():
            lines.append(w.pick("torture_line", (
                f"- {w.party(key)}: {w.num(n, start=True)}.",
                f"- {w.party(key)}: {w.num(n)} {w.noun(n, 'individual', 'individuals')}.",
            )))  # fmt: skip
    return lines


def _profession_line(w: _Writer, n: int, kind: str, month: str, year: int) -> str:
    who = {
        "medical": ("medical personnel", "medical workers"),
        "media": ("media workers", "journalists"),
    }[kind]
    name = w.rng.choice(who)
    if n == 0:
        return w.pick("profession_zero", (
            f"SNHR did not document any deaths among {name} in {month} {year}.",
            f"SNHR didn’t document any deaths among {name} in {month} {year}.",
        ))  # fmt: skip
    return w.pick("profession", (
        f"SNHR documented the deaths of {w.num(n)} {name} in {month} {year}.",
        f"{w.num(n, start=True)} {name} were killed in {month}, according to SNHR.",
    ))  # fmt: skip


def _toll_massacres(
    w: _Writer, n: int, v: int, c: int, women: int, party: str | None, month: str, year: int
) -> str:
    if party is not None:
        return (f"In {month}, we recorded {w.num(n)} massacres, all of them at the hands of "
                f"{_lower(w.party(party))}, which resulted in the deaths of {w.num(v)} civilians"
                f"{_cw(w, c, women, ', including ')}.")  # fmt: skip
    which = w.pick("toll_massacres", ("0", "1"))
    if which == "0":
        return (f"SNHR documented {w.hedge()}{w.num(n)} massacres in {month} {year}, which resulted in "
                f"the deaths of {w.num(v)} civilians{_cw(w, c, women, ', including ')}.")  # fmt: skip
    return (f"SNHR documented {n * w.rng.randint(4, 9)} massacres since the beginning of {year}, "
            f"including {w.num(n)} massacres in {month}. These massacres resulted in the deaths of "
            f"{w.num(v)} civilians{_cw(w, c, women, ', including ')}.")  # fmt: skip


def _death_toll_summary(
    w: _Writer, month: str, year: int
) -> tuple[list[list[str]], list[Row], set[tuple[str, str, str | None]]]:
    rng = w.rng
    keys = rng.sample(list(PARTIES), rng.randint(1, 6))
    k_total = rng.randint(len(keys) * 3, 420)
    splits = _split(rng, k_total, len(keys))
    tolls: dict[str, tuple[int, int, int]] = {}
    for key, k in zip(keys, splits, strict=True):
        c = rng.randint(0, k // 3) if rng.random() < 0.8 else 0
        women = rng.randint(0, (k - c) // 3) if rng.random() < 0.7 else 0
        tolls[key] = (k, c, women)
    c_total = sum(c for _, c, _ in tolls.values())
    w_total = sum(x for _, _, x in tolls.values())
    rows: list[Row] = [("killed", "all", None, k_total)]
    rows.extend((m, "all", None, n) for m, n in (("children", c_total), ("women", w_total)) if n)
    blocks: list[list[str]] = []
    if rng.random() < 0.8:
        blocks.append([w.pick("toll_title", (
            f"{k_total} Civilians Killed in Syria in {month} {year}",
            f"SNHR: {k_total} Civilian Deaths Documented in {month} {year}",
        ))])  # fmt: skip
    blocks.append(["I. Introduction and Methodology",
                   "SNHR has documented the killing of civilians in Syria since March 2011, and "
                   f"this report covers {month} {year}. Each of the 14 governorates is covered."])  # fmt: skip
    blocks.append(
        [
            f"II. Death Toll of Civilian Victims in {month}",
            _toll_total(w, k_total, c_total, w_total, month, year),
        ]
    )
    others: dict[str, tuple[int, int, int]] = {}
    if "other_parties" in tolls and tolls["other_parties"][0] >= 4 and rng.random() < 0.5:
        k, c, women = tolls["other_parties"]
        mine = rng.randint(1, k - 1)
        others["Landmines of unknown origin"] = (mine, 0, 0)
        others[w.party("turkey")] = (k - mine, 0, 0)
    if len(keys) > 1 or rng.random() < 0.5:
        blocks.append(_toll_party_lines(w, tolls, others))
        for key, (k, c, women) in tolls.items():
            rows.append(("killed", key, None, k))
            rows.extend((m, key, None, n) for m, n in (("children", c), ("women", women)) if n)
        for name, (x, _, _) in others.items():
            if name.startswith("Turkish"):
                rows.append(("killed", "turkey", None, x))
    if rng.random() < 0.5:
        govs = rng.sample(list(GOVERNORATES), rng.randint(1, min(8, k_total)))
        by_gov = dict(zip(govs, _split(rng, k_total, len(govs)), strict=True))
        blocks.append(_toll_gov_lines(w, by_gov))
        rows.extend(("killed", "all", key, n) for key, n in by_gov.items())
    section: list[str] = ["III. Deaths due to torture and deaths of medical and media workers"]
    if rng.random() < 0.85:
        t = rng.randint(1, 60)
        parts: dict[str, int] = {}
        if rng.random() < 0.6:
            t_keys = rng.sample(
                ["syrian_regime", "hts", "sdf", "armed_opposition", "isis"],
                rng.randint(1, min(3, t)),
            )
            parts = dict(zip(t_keys, _split(rng, t, len(t_keys)), strict=True))
        section.extend(_torture_lines(w, t, parts, month, year))
        rows.append(("torture_deaths", "all", None, t))
        rows.extend(("torture_deaths", key, None, n) for key, n in parts.items())
    for kind, measure in (("medical", "medical_personnel"), ("media", "media_workers")):
        if rng.random() < 0.8:
            n = rng.choice((0, 0, 1, 2, 3, 5))
            section.append(_profession_line(w, n, kind, month, year))
            rows.append((measure, "all", None, n))
    blocks.append(section)
    if rng.random() < 0.6:
        n = rng.randint(1, 9)
        v = n * rng.randint(5, 14)
        c = rng.randint(0, v // 3)
        women = rng.randint(0, (v - c) // 3)
        party = (
            rng.choice(["other_parties", "syrian_regime", "russia"])
            if n > 1 and rng.random() < 0.3
            else None
        )
        blocks.append(
            [
                f"IV. Record of massacres in {month}",
                _toll_massacres(w, n, v, c, women, party, month, year),
            ]
        )
        rows.append(("massacres", "all", None, n))
        if party is not None:
            rows.append(("massacres", party, None, n))
        rows.append(("massacre_victims", "all", None, v))
        rows.extend(
            (m, "all", None, x)
            for m, x in (("massacre_children", c), ("massacre_women", women))
            if x
        )
    return blocks, rows, set()


# ---------------------------------------------------------------------------------------------
# layout: line and page breaks inside sentences


def _wrap(w: _Writer, line: str, width: int) -> str:
    """Wrap a long line at ``width`` columns, now and then hyphenating a word."""
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            if len(word) > 7 and word.isalpha() and w.rng.random() < 0.2:
                cut = w.rng.randint(3, len(word) - 3)
                out.append(f"{current} {word[:cut]}-")
                current = word[cut:]
                continue
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\n".join(out)


def _page_break(w: _Writer, lines: list[str]) -> list[str]:
    """Cut one line that holds a number across a page break (with a page number)."""
    candidates = [
        i for i, line in enumerate(lines) if re.search(r"\d|\bone\b", line) and line.count(" ") >= 3
    ]
    if not candidates:
        return lines
    index = w.rng.choice(candidates)
    words_ = lines[index].split(" ")
    cut = w.rng.randint(1, len(words_) - 1)
    page = w.rng.randint(2, 40)
    debris = w.pick(
        "page_break",
        (f"\n\n{page}\n\n", f"\n{page}\n", f"\n\nhttps://sn4hr.org\n{page}\n\n", "\n\n"),
    )
    first, second = " ".join(words_[:cut]), " ".join(words_[cut:])
    return [*lines[:index], first + debris + second, *lines[index + 1 :]]


def summary(seed: int, family: str | None = None) -> Summary:
    """The generated summary of ``seed`` (``family``: ``massacre``, ``death_toll`` or either)."""
    rng = random.Random(seed)
    w = _Writer(rng)
    family = family or rng.choice(("massacre", "massacre", "death_toll"))
    month_index = rng.randrange(12)
    month = MONTHS[month_index]
    year = rng.randint(2014, 2017) if family == "massacre" else rng.randint(2018, 2024)
    make = _massacre_summary if family == "massacre" else _death_toll_summary
    blocks, rows, flagged = make(w, month, year)
    if rng.random() < 0.3:
        width = rng.randint(45, 90)
        blocks = [[_wrap(w, line, width) for line in block] for block in blocks]
        w.templates.append("layout:wrapped")
    if rng.random() < 0.3:
        index = rng.randrange(len(blocks))
        blocks[index] = _page_break(w, blocks[index])
        w.templates.append("layout:page_break")
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    if not re.search(rf"{month},? {year}", text):  # a report names its month and year
        text = f"SNHR monthly report, {month} {year}\n\n" + text
    if "SNHR" not in text:
        text = "SNHR monthly report\n\n" + text
    return Summary(text, rows, f"{year}-{month_index + 1:02d}", family, w.templates, flagged)


# ---------------------------------------------------------------------------------------------
# scoring


@dataclass
class Score:
    """How many of a summary's figures came back."""

    expected: int
    right: int
    extra: int
    period_right: bool
    warnings_right: bool
    missing: list[Row]
    unexpected: list[Row]


def score(generated: Summary, frame: object) -> Score:
    """Compare the table of ``summary_from_text`` with what the generator printed.

    A figure is right when a row with its measure, perpetrator, governorate and value comes
    back (rows are matched as a multiset); a row that matches nothing is an extra.
    """
    from collections import Counter

    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    names = {pcode: name for name, pcode in PCODES.items()}
    got = Counter(
        (str(r.measure), str(r.perpetrator), names.get(str(r.adm1_pcode)), int(r.value))
        for r in frame.itertuples()
    )
    wanted = Counter(generated.rows)
    missing = wanted - got
    unexpected = got - wanted
    flagged = {
        (str(r.measure), str(r.perpetrator), names.get(str(r.adm1_pcode)))
        for r in frame.itertuples()
        if r.warnings
    }
    return Score(
        expected=sum(wanted.values()),
        right=sum((wanted & got).values()),
        extra=sum(unexpected.values()),
        period_right=set(frame["period"]) == {generated.period},
        warnings_right=flagged == generated.flagged,
        missing=sorted(missing.elements(), key=str),
        unexpected=sorted(unexpected.elements(), key=str),
    )
