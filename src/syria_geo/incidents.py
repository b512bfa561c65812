"""Incidents (massacres and other killings) extracted from SNHR monthly reports.

The Syrian Network for Human Rights (SNHR) publishes monthly massacre reports (an executive
summary with counts by perpetrator, governorate and area of control, then one paragraph per
massacre grouped under perpetrator and governorate headings) and monthly civilian death-toll
reports (with a massacres section and a list of the most notable killings).
:func:`incidents_from_text` turns such a report into one row per incident, and
:func:`reconcile` compares the report's own summary with the sums of the extracted incidents.

Every row keeps the character span of its paragraph in the input text (``span_start``,
``span_end``) and a ``notes`` column naming the rules that produced doubtful values, so each
value can be checked against the document.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from syria_geo import _report_rules as rules
from syria_geo import _summary
from syria_geo._errors import DataFileError, InputFormatError, ReportParseError
from syria_geo._frame import as_dates, incidents_frame
from syria_geo._report_text import (
    Block,
    MappedText,
    clean_text,
    paragraphs_from_text,
    party_of_heading,
    substitute,
)

__all__ = [
    "COLUMNS",
    "FIGURE_COLUMNS",
    "Reconciliation",
    "SummaryFact",
    "incidents_from_pdf",
    "incidents_from_text",
    "load_sample_figures",
    "load_sample_incidents",
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

SectionRole = Literal["summary", "details", "massacres", "killings", "other"]

_KILLING_MARKER = re.compile(
    r"\b(?:which|that)\s+(?:resulted|led)\b|\bresult(?:ed|ing)\s+in\b|\bkill(?:ed|ing)\b|\bdied\b"
    r"|\bdeaths?\s+of\b|\bslaughter\w*|\bAs\s+a\s+result\b|\bshot\s+dead\b|\bshooting\s+dead\b"
    r"|\b(?:claim|claimed|claiming|took|taking)\s+the\s+lives\b|\blost\s+their\s+lives\b"
    r"|\b(?:were|was)\s+(?:(?:summarily|field)\s+)?(?:shot|executed|slaughtered|burned|burnt|stabbed"
    r"|beaten|tortured)\b|\bperished\b"
    r"|\bexecut(?:ed|ing)\s+(?:at\s+least\s+)?(?:\d|an?\b|one|two|three|four|five|six|seven"
    r"|eight|nine|ten)|\bburn(?:ed|t|ing)\s+to\s+death\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"]?\s+(?=[A-Z“\"(])")
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+")


# ---------------------------------------------------------------------------------------------
# document structure


@dataclass(frozen=True)
class _Context:
    role: SectionRole
    section_title: str | None
    party: str | None
    governorate: str | None


def _section_role(title: str) -> SectionRole:
    lowered = title.lower()
    if "detail" in lowered:
        return "details"
    if "massacre" in lowered:
        return "massacres"
    if re.search(r"\bkillings\b|\bincidents\b", lowered):
        return "killings"
    if "summary" in lowered:
        return "summary"
    return "other"


def _walk(blocks: list[Block]) -> list[tuple[Block, _Context]]:
    """Attach to each paragraph the section, party and governorate headings above it."""
    out: list[tuple[Block, _Context]] = []
    role: SectionRole = "other"
    title: str | None = None
    party: str | None = None
    governorate: str | None = None
    for block in blocks:
        if block.kind == "section":
            title = block.value
            role = _section_role(block.value or "")
            party = governorate = None
        elif block.kind == "party":
            if role in ("details", "massacres"):
                party, governorate = block.value, None
        elif block.kind == "governorate":
            if role in ("details", "massacres"):
                governorate = block.value
        else:
            out.append((block, _Context(role, title, party, governorate)))
    return out


def _report_period(text: str) -> tuple[int, int] | None:
    """Most frequent (year, month) among the dates in the document."""
    counts: Counter[tuple[int, int]] = Counter()
    for match in rules.ANY_MONTH_YEAR.finditer(text):
        month = match.group("month") or match.group("month2")
        year = match.group("year") or match.group("year2")
        counts[(int(year), _month_number(month))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _month_number(name: str) -> int:
    return [m.lower() for m in rules.MONTHS].index(name.lower()) + 1


# ---------------------------------------------------------------------------------------------
# paragraph parsing


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    text: str
    governorate: str | None


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _is_name_token(token: str) -> bool:
    word = token.strip("'’-–")
    if not word:
        return False
    if word.lower() in rules.NAME_PARTICLES and word[0].islower():
        return True
    return word[0].isupper() and word not in rules.NAME_STOPWORDS and not word.isupper()


def _place_parts(text: str, start: int, end: int) -> list[_Part]:
    """Named places, sub-regions and governorate regions in ``text[start:end]``."""
    window = text[start:end]
    parts: list[_Part] = []
    for match in rules.REGION_RE.finditer(window):
        gov_name = match.group("gov_a") or match.group("gov_b") or match.group("gov_c")
        phrase = re.sub(r"^the\s+", "", match.group(0), flags=re.IGNORECASE)
        offset = match.end() - len(phrase)
        parts.append(
            _Part(
                start + offset, start + match.end(), phrase, rules.normalize_governorate(gov_name)
            )
        )
    for match in rules.SUBREGION_RE.finditer(window):
        parts.append(_Part(start + match.start(), start + match.end(), match.group(0), None))
    tokens = list(_TOKEN.finditer(window))
    type_re = re.compile(rf"^{rules.PLACE_TYPES}$", re.IGNORECASE)
    for index, token in enumerate(tokens):
        # a place word that ends a sentence (``... in Raqqa city.``) without its full stop
        kind_word = token.group(0).rstrip(".")
        if not type_re.match(kind_word):
            continue
        token_end = token.start() + len(kind_word)
        first = index
        while first > 0 and index - first < 8:  # place names are short; bounds the scan
            previous = tokens[first - 1]
            gap = window[previous.end() : tokens[first].start()]
            if gap.strip() or not _is_name_token(previous.group(0)):
                break
            first -= 1
        names = [t.group(0) for t in tokens[first:index]]
        while (
            names
            and names[0].lower() in rules.NAME_PARTICLES
            and len(names) > 1
            and (names[0][0].islower() and not names[1][0].isupper())
        ):
            names.pop(0)
            first += 1
        if not any(n[0].isupper() for n in names):
            continue
        phrase = window[tokens[first].start() : token_end]
        place_gov = None
        if kind_word.lower() == "city":
            place_gov = rules.normalize_governorate(" ".join(names))
        parts.append(_Part(start + tokens[first].start(), start + token_end, phrase, place_gov))
    # an untyped name directly followed by ", located in" (``Ma'aret Misreen, located in``)
    for match in re.finditer(
        r"(?:(?<=\bof\s)|(?<=\bin\s)|(?<=\bat\s))((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)(?=,?\s+(?:which\s+is\s+)?located\b)",
        window,
    ):
        words = match.group(1).split()
        if all(_is_name_token(w) for w in words):
            parts.append(_Part(start + match.start(1), start + match.end(1), match.group(1), None))
    # drop parts contained in a longer part
    parts.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[_Part] = []
    for part in parts:
        if kept and part.start < kept[-1].end:
            continue
        kept.append(part)
    return kept


def _place_chain(text: str, start: int, end: int) -> list[_Part]:
    parts = _place_parts(text, start, end)
    if not parts:
        return []
    chain = [parts[-1]]
    for part in reversed(parts[:-1]):
        gap = rules.AFFILIATION.sub(" which ", text[part.end : chain[0].start])
        words = re.findall(r"[A-Za-z]+|,", gap)
        if any(w.lower() not in rules.CHAIN_FILLER for w in words):
            break
        if words and all(w.lower() in rules.CHAIN_WEAK for w in words):
            break
        chain.insert(0, part)
    return chain


def _find_killed(text: str) -> tuple[str, re.Match[str]] | None:
    for name, pattern in rules.KILLED_RULES:
        match = pattern.search(text)
        if match:
            return name, match
    return None


_CHILD_NOUN = re.compile(rf"^{rules.CHILD_NOUNS}$", re.IGNORECASE)
_WOMAN_NOUN = re.compile(r"^(?:women|woman)$", re.IGNORECASE)


def _victims(text: str, match: re.Match[str]) -> tuple[int, int, int]:
    """Killed, children and women from a killed-count match and the rest of its sentence."""
    killed = rules.parse_number(match.group("n"))
    noun = match.group("noun")
    sentence_end = len(text)
    for _, end in _sentences(text):
        if end >= match.end("noun"):
            sentence_end = end
            break
    # from the victim noun on: a passive toll puts ``including ...`` before its verb
    clause = text[match.end("noun") : sentence_end]
    clause = re.split(r"\bwhile\b|\bAdditionally\b|\bwhere\s+\d", clause, maxsplit=1)[0]
    children = sum(rules.parse_number(m.group("n")) for m in rules.CHILDREN_RE.finditer(clause))
    women = 0
    for m in rules.WOMEN_RE.finditer(clause):
        women += 1 if m.group("bare") else rules.parse_number(m.group("n"))
    women += len(rules.MOTHER_RE.findall(clause))
    base_noun = noun.split()[-1]
    if _CHILD_NOUN.match(base_noun) and children == 0:
        children = killed
    if _WOMAN_NOUN.match(base_noun) and women == 0:
        women = killed
    # ``a child and his mother``, ``a woman and her two children``: the relatives are victims
    # too when the head noun names people (not a collective such as ``civilians``)
    relatives = rules.RELATIVES_RE.match(clause)
    if relatives is not None and _PERSON_NOUN.match(base_noun):
        if relatives.group("n"):
            killed += rules.parse_number(relatives.group("n"))
        else:
            rel = relatives.group("rel").lower()
            killed += 2 if rel == "parents" else 1
            if rel in {"child", "baby", "infant"} and not _CHILD_NOUN.match(base_noun):
                children += 1
    return killed, children, women


_PERSON_NOUN = re.compile(
    rf"^(?:{rules.CHILD_NOUNS}|women|woman|men|man|father|mother)$", re.IGNORECASE
)


def _wounded(text: str) -> int | None:
    best: tuple[int, int] | None = None
    for pattern in rules.WOUNDED_RULES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), rules.parse_number(match.group("n")))
    return None if best is None else best[1]


def _parties(text: str) -> list[str]:
    """Party mentions in order; ``a/b`` joint attributions are merged."""
    found: list[tuple[int, int, str]] = []
    for match in rules.PARTY_RE.finditer(text):
        name = str(match.lastgroup)
        if name == "sna":
            name = "armed_opposition"
        found.append((match.start(), match.end(), name))
    out: list[str] = []
    index = 0
    while index < len(found):
        _, end, name = found[index]
        if index + 1 < len(found):
            nxt = found[index + 1]
            if nxt[2] != name and rules.JOINT_GAP.match(text[end : nxt[0]]):
                out.append(f"{name}/{nxt[2]}")
                index += 2
                continue
        out.append(name)
        index += 1
    return out


def _control_value(raw: str) -> str:
    core = rules.CONTROL_SUPPORT.sub("", raw)
    found: list[str] = []
    for match in rules.PARTY_RE.finditer(core):
        name = str(match.lastgroup)
        if name not in found:
            found.append(name)
    if not found:
        return "unknown"
    if len(found) > 1:
        if set(found) == {"sna", "armed_opposition"}:
            return "sna"
        return "joint"
    if rules.CONTROL_JOINT_QUALIFIER.search(core):
        return "joint"
    return "unknown" if found[0] == "other_unknown" else found[0]


def _weapon(*texts: str) -> str:
    for text in texts:
        for name, pattern in rules.WEAPON_RES:
            if pattern.search(text):
                return name
    return "unknown"


#: Larger counts of victims in one incident are implausible: the row is kept with the number
#: as printed and a warning; a number too large for the Int64 columns is left empty (with a
#: warning naming it), never truncated.
_MAX_COUNT = 1_000_000
_MAX_INT64 = 2**63 - 1


def _checked_counts(
    counts: dict[str, int | None], warnings_out: list[str]
) -> dict[str, int | None]:
    """Flag implausible victim counts; empty those that cannot be stored."""
    out: dict[str, int | None] = {}
    for name, value in counts.items():
        if value is not None and value > _MAX_INT64:
            warnings_out.append(
                f"{name}: the number {value:,} is implausible and too large to store; left "
                "empty, check the paragraph"
            )
            value = None
        elif value is not None and value > _MAX_COUNT:
            warnings_out.append(
                f"{name}: implausible number {value:,} (> {_MAX_COUNT:,}) kept as printed; "
                "check the paragraph"
            )
        out[name] = value
    return out


def _incident_date(
    date_match: re.Match[str], period: tuple[int, int] | None, notes: list[str]
) -> tuple[dt.date | None, str | None, str | None]:
    """The incident's date and time of day, or the reason it cannot be read."""
    month_name = date_match.group("month_a") or date_match.group("month_b")
    day = int(date_match.group("day_a") or date_match.group("day_b"))
    month = _month_number(month_name)
    year_text = date_match.group("year")
    if year_text:
        year = int(year_text)
    elif period is not None:
        year = period[0] - 1 if month > period[1] else period[0]
        notes.append("year inferred from report period")
    else:
        return None, None, "date has no year and the report period is unknown"
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None, None, f"invalid date {day} {month_name} {year}"
    weekday = date_match.group("weekday")
    if weekday and weekday.lower() != calendar.day_name[date.weekday()].lower():
        notes.append(
            f"weekday {weekday} does not match {date.isoformat()} ({calendar.day_name[date.weekday()]})"
        )
    time_of_day = date_match.group("clock") or next(
        (date_match.group(g) for g in ("tod_a", "tod_b", "tod_c") if date_match.group(g)), None
    )
    if time_of_day and not date_match.group("clock"):
        time_of_day = " ".join(time_of_day.lower().split())
    return date, time_of_day, None


def _main_sentences(text: str) -> tuple[str, list[str]]:
    """The sentences reporting this incident, and those reporting a second massacre."""
    main_parts: list[str] = []
    extra_sentences: list[str] = []
    for a, b in _sentences(text):
        sentence = text[a:b]
        if rules.ANOTHER_MASSACRE.search(sentence):
            extra_sentences.append(sentence)
        elif rules.NOTE_SENTENCE.match(sentence) and a > 0:
            continue
        else:
            main_parts.append(sentence)
    return " ".join(main_parts), extra_sentences


def _place(
    main: str, body_start: int, attribution_end: int, control_start: int
) -> tuple[str | None, str | None]:
    """Place phrase and the governorate it names: the attack clause first, then the toll's."""
    verb = rules.ATTACK_VERB.search(main, body_start, attribution_end)
    windows: list[tuple[int, int]] = []
    if verb is not None:
        windows.append((verb.end(), min(attribution_end, control_start)))
    windows.append((body_start, min(attribution_end, control_start)))
    first_sentence_end = next((b for a, b in _sentences(main) if b > attribution_end), len(main))
    windows.append(
        (
            attribution_end,
            min(
                first_sentence_end, control_start if control_start > attribution_end else len(main)
            ),
        )
    )
    for start, end in windows:
        if end > start:
            chain = _place_chain(main, start, end)
            if chain:
                govs = [p.governorate for p in chain if p.governorate]
                return ", ".join(part.text.strip() for part in chain), (govs[-1] if govs else None)
    return None, None


def _parse_incident(
    para: MappedText,
    seg_start: int,
    seg_end: int,
    context: _Context,
    period: tuple[int, int] | None,
    kind: str,
    *,
    require_toll: bool = True,
) -> tuple[list[dict[str, Any]], str | None]:
    """Parse one incident paragraph; return rows (1, or 2 for a second massacre) or a reason.

    A field that cannot be read leaves the row in place with ``extract_warnings`` naming the
    field; only a paragraph without a readable date, one that reports the discovery of remains,
    or (when ``require_toll``) one without a number of people killed gives a reason instead.
    """
    text = para.text[seg_start:seg_end]
    date_match = rules.INCIDENT_DATE.match(text)
    if date_match is None:
        return [], "no incident date at the start of the paragraph"
    notes: list[str] = []
    problems: list[str] = []
    if rules.DISCOVERY.search(text) and not rules.KILLED_RULES[0][1].search(text):
        return [], "reports the discovery of remains, not a dated killing"
    main, extra_sentences = _main_sentences(text)
    killed_found = _find_killed(main)
    if killed_found is None and require_toll:
        return [], "no number of people killed found"
    date, time_of_day, reason = _incident_date(date_match, period, notes)
    if date is None:
        return [], reason
    counts: dict[str, int | None] = {"killed": None, "children": None, "women": None}
    if killed_found is None:
        problems.append("killed: no number of people killed found in the paragraph")
    else:
        killed, children, women = _victims(main, killed_found[1])
        counts = {"killed": killed, "children": children, "women": women}
    counts = _checked_counts(counts, problems)

    body_start = date_match.end()
    control_matches = list(rules.CONTROL_RE.finditer(main))
    control_raw = control_matches[0].group("raw").strip() if control_matches else None
    control_value = _control_value(control_raw) if control_raw else None
    masked = _mask(main, [(m.start(), m.end()) for m in control_matches])
    marker = _KILLING_MARKER.search(main, body_start)
    attribution_end = marker.start() if marker else len(main)
    attribution = masked[body_start:attribution_end]

    # perpetrator
    parties = _parties(attribution) or _parties(masked[body_start:])
    section_party = context.party if context.party not in (None, "extremist") else None
    if parties:
        perpetrator = parties[0]
    elif section_party is not None:
        perpetrator = "other_unknown" if section_party == "other_parties" else section_party
        notes.append("perpetrator not stated in the paragraph; taken from the section heading")
    else:
        perpetrator = "other_unknown"
        notes.append("no perpetrator stated")
        problems.append("perpetrator: no perpetrator named in the paragraph or its heading")
    if section_party is not None:
        perpetrator_section = section_party
    else:
        perpetrator_section = rules.PERPETRATOR_TO_SECTION.get(perpetrator, "other_parties")
        if context.role in ("details", "massacres") and context.party is None:
            notes.append("no perpetrator heading; section derived from the attribution")

    # the attack clause first, then the paragraph sentence by sentence (earlier sentences win)
    weapon = _weapon(attribution, *(masked[a:b] for a, b in _sentences(masked)))
    control_start = control_matches[0].start() if control_matches else len(main)
    place_text, text_gov = _place(main, body_start, attribution_end, control_start)
    if place_text is None:
        notes.append("no place phrase found")
        problems.append("place_text: no place phrase found")

    # the governorate heading the paragraph sits under; empty when the report has none (the
    # monthly death-toll reports): the governorate the text names is in text_governorate
    section_gov = context.governorate
    if section_gov is not None and text_gov is not None and text_gov != section_gov:
        notes.append(f"text governorate {text_gov} differs from section governorate {section_gov}")

    span_start, span_end = para.original_span(seg_start, seg_end)
    if killed_found is not None and killed_found[0] != "killing_of":
        notes.append(f"killed count from rule {killed_found[0]}")
    wounded = _wounded(main)
    if wounded is not None and wounded > _MAX_COUNT:
        notes.append(f"implausible number of wounded ({wounded:,}) not recorded")
        problems.append(f"wounded: implausible number {wounded:,} not recorded")
        wounded = None
    row: dict[str, Any] = {
        "kind": kind,
        "date": date.isoformat(),
        "time_of_day": time_of_day,
        "perpetrator": perpetrator,
        "perpetrator_section": perpetrator_section,
        "weapon": weapon,
        "section_governorate": section_gov,
        "text_governorate": text_gov,
        "place_text": place_text,
        "control_text": control_value,
        "control_raw": control_raw,
        **counts,
        "wounded": wounded,
        "same_family": bool(rules.SAME_FAMILY.search(main)),
        "span_start": span_start,
        "span_end": span_end,
        "notes": "; ".join(notes),
        "extract_warnings": "; ".join(problems),
    }
    return [row, *_second_massacres(row, extra_sentences, notes)], None


def _second_massacres(
    row: dict[str, Any], sentences: list[str], notes: list[str]
) -> list[dict[str, Any]]:
    """Rows for further massacres reported inside the paragraph of ``row``."""
    rows: list[dict[str, Any]] = []
    for sentence in sentences:
        found = _find_killed(sentence)
        if found is None:
            continue
        problems: list[str] = []
        killed, children, women = _victims(sentence, found[1])
        counts = _checked_counts({"killed": killed, "children": children, "women": women}, problems)
        second = dict(row)
        second.update(
            kind="massacre",
            **counts,
            wounded=None,
            same_family=bool(rules.SAME_FAMILY.search(sentence)),
            notes="; ".join(
                [*notes, "second massacre reported inside the paragraph of the previous row"]
            ),
            extract_warnings="; ".join(problems),
        )
        rows.append(second)
    return rows


def _segments(para: MappedText, role: SectionRole) -> list[tuple[int, int]]:
    """Incident segments of a paragraph (mid-paragraph dated sentences in killings sections)."""
    text = para.text
    if role != "killings":
        return [(0, len(text))]
    starts = [0] if rules.INCIDENT_DATE.match(text) else []
    for a, b in _sentences(text):
        for offset in [a, *[m.end() for m in re.finditer(r";\s*", text[a:b])]]:
            position = offset if offset == a else a + offset
            if position == 0 or position in starts:
                continue
            # a bounded slice: ``text[position:]`` per sentence made long paragraphs quadratic
            if rules.INCIDENT_DATE.match(text[position : position + 300]) and _find_killed(
                text[position:b]
            ):
                starts.append(position)
    if not starts:
        return []
    return [(s, e) for s, e in zip(starts, [*starts[1:], len(text)], strict=True)]


def _continuation(
    walked: list[tuple[Block, _Context]], position: int, context: _Context
) -> MappedText | None:
    """The next paragraph if it directly continues the same section and is not dated."""
    if position + 1 >= len(walked):
        return None
    block, next_context = walked[position + 1]
    if block.mapped is None or next_context != context:
        return None
    if rules.INCIDENT_DATE.match(block.text) or block.text[:1] in '“"':
        return None
    return block.mapped


def _join(first: MappedText, second: MappedText) -> MappedText:
    """Concatenate two mapped texts with a space (mapped to the end of the first)."""
    return MappedText(
        f"{first.text} {second.text}",
        (*first.origin[:-1], first.origin[-1], *second.origin),
    )


def _empty_frame() -> pd.DataFrame:
    return _typed(pd.DataFrame({column: [] for column in COLUMNS}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts as ``Int64``, ``same_family`` bool, ``date`` ``datetime64[s]``, text as text."""
    for column in ("seq", "killed", "children", "women", "wounded", "span_start", "span_end"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    frame["same_family"] = frame["same_family"].astype(bool)
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
                dtype="object",
            )
    return frame[list(COLUMNS)]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


@dataclass(frozen=True)
class _Parsed:
    mapped: MappedText
    walked: list[tuple[Block, _Context]]
    period: tuple[int, int] | None
    report_id: str
    frame: pd.DataFrame
    skipped: tuple[dict[str, Any], ...] = field(default=())


def _check_document(text: str) -> None:
    if not isinstance(text, str):
        raise InputFormatError(f"report text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise ReportParseError("the document is empty")
    if not rules.SNHR_MARKER.search(text):
        raise ReportParseError(
            "the document does not look like an SNHR report (it never mentions SNHR or the "
            "Syrian Network for Human Rights)"
        )


def _parse(text: str, report_id: str | None) -> _Parsed:
    _check_document(text)
    mapped = clean_text(text)
    walked = _walk(paragraphs_from_text(mapped))
    period = _report_period(mapped.text)
    if report_id is None:
        report_id = f"snhr-{period[0]:04d}-{period[1]:02d}" if period else "snhr-report"
    has_sections = any(ctx.role in ("details", "massacres", "killings") for _, ctx in walked)
    rows: list[dict[str, Any]] = []
    skipped: list[dict[str, Any]] = []
    for position, (block, context) in enumerate(walked):
        para = block.mapped
        if para is None:
            continue
        role = context.role
        if has_sections and role not in ("details", "massacres", "killings"):
            continue
        for seg_start, seg_end in _segments(para, role):
            if not rules.INCIDENT_DATE.match(para.text[seg_start:seg_end]):
                continue
            kind = "other" if has_sections and role == "killings" else "massacre"
            segment = para.slice(seg_start, seg_end)
            joined_note = None
            if seg_end == len(para.text):
                # sentences of the same incident cut off by a page or column break
                for offset in range(3):
                    following = _continuation(walked, position + offset, context)
                    if following is None or not (
                        rules.CONTINUATION.match(following.text)
                        or (offset == 0 and not _find_killed(segment.text))
                    ):
                        break
                    segment = _join(segment, following)
                    joined_note = "paragraph joined with the following text"
            new_rows, reason = _parse_incident(
                segment, 0, len(segment.text), context, period, kind, require_toll=not has_sections
            )
            if joined_note:
                for row in new_rows:
                    row["notes"] = "; ".join(filter(None, [row["notes"], joined_note]))
            if reason is not None:
                start, end = segment.original_span(0, len(segment.text))
                skipped.append({"span_start": start, "span_end": end, "reason": reason})
                continue
            if not has_sections:
                for row in new_rows:
                    killed = row["killed"]
                    row["kind"] = "massacre" if killed is not None and killed >= 5 else "other"
                    row["notes"] = "; ".join(
                        filter(
                            None, [row["notes"], "no report sections recognised; kind from count"]
                        )
                    )
            rows.extend(new_rows)
    if rows:
        frame = pd.DataFrame(rows)
        frame.insert(0, "report_id", report_id)
        frame.insert(1, "seq", range(1, len(frame) + 1))
        frame = _typed(frame)
    else:
        frame = _empty_frame()
    frame.attrs["report_id"] = report_id
    frame.attrs["report_period"] = f"{period[0]:04d}-{period[1]:02d}" if period else None
    frame.attrs["skipped"] = list(skipped)
    if not rows:
        frame.attrs["reason"] = (
            "no dated incident paragraphs with a number of people killed were found"
        )
    return _Parsed(mapped, walked, period, report_id, frame, tuple(skipped))


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
        Also geocode ``place_text`` with :func:`syria_geo.geocode.geocode_frame` (restricted to
        ``section_governorate``) and add ``governorate_mismatch``.

    Returns
    -------
    pandas.DataFrame or geopandas.GeoDataFrame
        Columns :data:`COLUMNS` (see ``docs/incidents.md``), one row per incident in document
        order; with ``geocode=True`` a GeoDataFrame in EPSG:4326 (an empty geometry where
        the geocoder found no point). ``attrs["skipped"]`` lists dated paragraphs that were not turned into incidents,
        each with its span and the reason; ``attrs["reason"]`` explains an empty result.

    Raises
    ------
    ReportParseError
        If the text is empty or is not an SNHR report.
    """
    frame = _parse(text, report_id).frame
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
        from syria_geo.geocode import geocode_frame
    except ImportError as exc:
        raise InputFormatError(
            "geocoding needs syria_geo.geocode, which is not available in this installation"
        ) from exc
    result: pd.DataFrame = geocode_frame(
        frame, "place_text", governorate_column="section_governorate"
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
# reconciliation


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


def _regions(parsed: _Parsed) -> list[tuple[SectionRole, int, int]]:
    """Clean-text ranges of the sections that may carry massacre totals."""
    blocks = paragraphs_from_text(parsed.mapped)
    sections = [b for b in blocks if b.kind == "section"]
    regions: list[tuple[SectionRole, int, int]] = []
    text_end = len(parsed.mapped.text)
    for index, block in enumerate(sections):
        end = sections[index + 1].start if index + 1 < len(sections) else text_end
        role = _section_role(block.value or "")
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


def _facts(parsed: _Parsed) -> list[SummaryFact]:
    """Every number the report prints about the month's massacres."""
    facts: list[SummaryFact] = []
    incident_spans = [
        (int(s), int(e))
        for s, e in zip(parsed.frame["span_start"], parsed.frame["span_end"], strict=True)
    ]
    for role, region_start, region_end in _regions(parsed):
        flat = _flatten(parsed.mapped.slice(region_start, region_end))
        facts.extend(_region_facts(flat, role, incident_spans))
    return facts


def _region_facts(
    flat: MappedText, role: SectionRole, incident_spans: list[tuple[int, int]]
) -> list[SummaryFact]:
    region = flat.text
    facts: list[SummaryFact] = []

    def add(table: str, key: str, measure: str, value: int, raw: str, start: int, end: int) -> None:
        o_start, o_end = flat.original_span(start, end)
        label = " ".join(raw.replace(rules.PARA, " ").split()).strip(" -•")
        facts.append(SummaryFact(table, key, measure, value, label, o_start, o_end))

    def inside_incident(position: int) -> bool:
        original = flat.origin[position]
        return any(s <= original < e for s, e in incident_spans)

    statements = _flat_statements(region)
    for a, b in statements:
        sentence = region[a:b]
        for match in rules.MASSACRE_TOTAL.finditer(sentence):
            if inside_incident(a + match.start()):
                continue
            value_text = match.group("n")
            if rules.CUMULATIVE.search(sentence):
                including = re.search(
                    rf"including\s+(?P<n>{rules.NUMBER})\s+massacres?\s+in\s+"
                    rf"(?:{'|'.join(rules.MONTHS)})",
                    sentence,
                    re.IGNORECASE,
                )
                if including is None or including.start() < match.start() - 20:
                    continue
                value_text = including.group("n")
            value = rules.parse_number(value_text)
            add("massacres_total", "all", "count", value, match.group(0), a, b)
            rest = sentence[match.end() :]
            if re.search(r"\bfollows\b", rest, re.IGNORECASE):
                break
            if value == 1 or re.search(r"\ball\b", rest, re.IGNORECASE):
                party = party_of_heading(rest) or (
                    "other_parties"
                    if re.search(
                        r"\bother\s+parties\b|\bunknown\b|not\s+yet\s+been\s+identified",
                        rest,
                        re.IGNORECASE,
                    )
                    else None
                )
                if party is not None:
                    add("massacres_by_perpetrator", party, "count", value, rest[:120], a, b)
                gov = re.search(
                    rf"\bin\s+(?:the\s+)?(?:[a-z]+\s+suburbs\s+of\s+)?"
                    rf"(?P<gov>{rules.GOVERNORATE_NAME})\s+governorate",
                    rest,
                    re.IGNORECASE,
                )
                gov_key = rules.normalize_governorate(gov.group("gov")) if gov else None
                if gov is not None and gov_key is not None and value == 1:
                    add("massacres_by_governorate", gov_key, "count", value, gov.group(0), a, b)
            break
        for pattern in rules.SUMMARY_VICTIMS_TOTAL:
            for match in pattern.finditer(sentence):
                if inside_incident(a + match.start()):
                    continue
                rest = (match.group("rest") or "") + (match.groupdict().get("rest2") or "")
                start, end = a + match.start(), a + match.end()
                _victim_facts(
                    add, "victims_total", "all", match.group("n"), rest, match.group(0), start, end
                )
    if role != "summary":
        return facts

    # The tables after the month's total belong to the month; a year-to-date toll printed
    # before it, or anything after a later cumulative statement, does not.
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

    # counts per party: ``A. Government forces (...): 26``
    for match in rules.SUMMARY_PARTY_ITEM.finditer(region, low, high):
        party = party_of_heading(match.group("name"))
        if party is not None:
            n = rules.parse_number(match.group("n"))
            add("massacres_by_perpetrator", party, "count", n, match.group("name"), *match.span())
    # governorates
    for intro in rules.SUMMARY_GOV_INTRO.finditer(region, low, high):
        cursor = intro.end()
        for match in rules.SUMMARY_GOV_ITEM.finditer(region, intro.end(), high):
            if _LIST_GAP.sub("", region[cursor : match.start()]):
                break
            gov_key = rules.normalize_governorate(match.group("gov"))
            if gov_key:
                n = rules.parse_number(match.group("n"))
                add(
                    "massacres_by_governorate",
                    gov_key,
                    "count",
                    n,
                    match.group("gov"),
                    *match.span(),
                )
            cursor = match.end()
    # areas of control
    for intro in rules.SUMMARY_CONTROL_INTRO.finditer(region, low, high):
        party = party_of_heading(intro.group("party"))
        if party is None:
            continue
        cursor = intro.end()
        for match in rules.SUMMARY_CONTROL_ITEM.finditer(region, intro.end(), high):
            if _LIST_GAP.sub("", region[cursor : match.start()]):
                break
            control = _control_value(match.group("raw"))
            n = rules.parse_number(match.group("n"))
            add(
                "massacres_by_control",
                f"{party}:{control}",
                "count",
                n,
                match.group("raw"),
                *match.span(),
            )
            cursor = match.end()
    # victims per party: ``Government forces: 211 individuals including 65 children ...``
    for intro in rules.SUMMARY_VICTIMS_INTRO.finditer(region, low, high):
        heads = list(rules.SUMMARY_VICTIMS_ITEM.finditer(region, intro.end(), high))
        previous_end = intro.end()
        for index, head in enumerate(heads):
            party = party_of_heading(head.group("name"))
            if party is None or head.start() - previous_end > 300:
                break
            # up to the next item's number (its label may have swallowed this item's tail)
            stop = heads[index + 1].start("n") if index + 1 < len(heads) else high
            rest = re.split(r"[.;¶]", region[head.end() : stop], maxsplit=1)[0]
            previous_end = head.end() + len(rest)
            _victim_facts(
                add, "victims_by_perpetrator", party, head.group("n"), rest, head.group("name"),
                head.start(), previous_end,
            )  # fmt: skip
    return facts


def _victim_facts(
    add: Any, table: str, key: str, killed: str, rest: str, raw: str, start: int, end: int
) -> None:
    add(table, key, "killed", rules.parse_number(killed), raw, start, end)
    children = rules.SUMMARY_CHILDREN.search(rest)
    if children:
        add(table, key, "children", rules.parse_number(children.group("n")), raw, start, end)
    women = rules.SUMMARY_WOMEN.search(rest)
    if women:
        add(table, key, "women", rules.parse_number(women.group("n")), raw, start, end)


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
        ``incident_seqs``, ``summary_span_start``, ``summary_span_end``, ``detail``). ``check``
        is ``summary_vs_incidents`` or ``summary_internal`` (the summary against itself).
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


def _compare(facts: list[SummaryFact], incidents: pd.DataFrame) -> pd.DataFrame:
    rows: list[dict[str, Any]] = []
    massacres = incidents[incidents["kind"] == "massacre"]

    def row(
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
    ) -> None:
        if summary_value is None or compared_value is None:
            difference = None
            status = "only_in_summary" if compared_value is None else "not_in_summary"
        else:
            difference = compared_value - summary_value
            status = "match" if difference == 0 else "difference"
        rows.append(
            {
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
                "detail": detail,
            }
        )

    by_table: dict[str, list[SummaryFact]] = {}
    for fact in facts:
        by_table.setdefault(fact.table, []).append(fact)

    # the heading's governorate, else (reports without headings) the one the text names
    governorate = massacres["section_governorate"].fillna(massacres["text_governorate"])

    def subset(table: str, key: str) -> pd.DataFrame:
        if table == "massacres_by_perpetrator" or table == "victims_by_perpetrator":
            return massacres[massacres["perpetrator_section"] == key]
        if table == "massacres_by_governorate":
            return massacres[governorate == key]
        if table == "massacres_by_control":
            party, control = key.split(":", 1)
            return massacres[
                (massacres["perpetrator_section"] == party) & (massacres["control_text"] == control)
            ]
        return massacres

    def value(frame: pd.DataFrame, measure: str) -> int:
        if measure == "count":
            return len(frame)
        return int(frame[measure].fillna(0).sum())

    extracted_keys = {
        "massacres_by_perpetrator": set(massacres["perpetrator_section"].dropna()),
        "victims_by_perpetrator": set(massacres["perpetrator_section"].dropna()),
        "massacres_by_governorate": set(governorate.dropna()),
    }
    for table, table_facts in by_table.items():
        seen: dict[tuple[str, str], SummaryFact] = {}
        for fact in table_facts:
            previous = seen.get((fact.key, fact.measure))
            if previous is not None:
                row(
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
                )
                continue
            seen[(fact.key, fact.measure)] = fact
            frame = subset(table, fact.key)
            row(
                "summary_vs_incidents",
                fact,
                table,
                fact.key,
                fact.measure,
                fact.value,
                value(frame, fact.measure),
                "extracted incidents",
                _seqs(frame),
            )
        if table in extracted_keys:
            measures = {m for (_, m) in seen}
            for key in sorted(extracted_keys[table] - {k for (k, _) in seen}):
                for measure in sorted(measures):
                    frame = subset(table, key)
                    row(
                        "summary_vs_incidents",
                        None,
                        table,
                        key,
                        measure,
                        None,
                        value(frame, measure),
                        "extracted incidents",
                        _seqs(frame),
                        "extracted incidents under a key the summary does not list",
                    )
        if table == "massacres_by_control":
            parties = {k.split(":", 1)[0] for (k, _) in seen}
            for party in sorted(parties):
                frame = massacres[massacres["perpetrator_section"] == party]
                listed = {k.split(":", 1)[1] for (k, _) in seen if k.startswith(party + ":")}
                for control in sorted(set(frame["control_text"].dropna()) - listed):
                    sub = frame[frame["control_text"] == control]
                    row(
                        "summary_vs_incidents",
                        None,
                        table,
                        f"{party}:{control}",
                        "count",
                        None,
                        len(sub),
                        "extracted incidents",
                        _seqs(sub),
                        "extracted incidents under a control the summary does not list",
                    )

    # the summary against itself
    def first(table: str, key: str, measure: str) -> SummaryFact | None:
        return next(
            (f for f in by_table.get(table, []) if f.key == key and f.measure == measure), None
        )

    def unique_sum(table: str, measure: str, prefix: str = "") -> tuple[int, int] | None:
        values: dict[str, int] = {}
        for fact in by_table.get(table, []):
            if fact.measure == measure and fact.key.startswith(prefix):
                values.setdefault(fact.key, fact.value)
        return (sum(values.values()), len(values)) if values else None

    total = first("massacres_total", "all", "count")
    if total is not None:
        for table in ("massacres_by_perpetrator", "massacres_by_governorate"):
            summed = unique_sum(table, "count")
            if summed is not None and summed[1] > 1:
                row(
                    "summary_internal",
                    total,
                    "massacres_total",
                    "all",
                    "count",
                    total.value,
                    summed[0],
                    f"sum of {table}",
                    "",
                )
    for fact in by_table.get("massacres_by_perpetrator", []):
        summed = unique_sum("massacres_by_control", "count", prefix=fact.key + ":")
        if summed is not None:
            row(
                "summary_internal",
                fact,
                "massacres_by_perpetrator",
                fact.key,
                "count",
                fact.value,
                summed[0],
                "sum of massacres_by_control",
                "",
            )
    for measure in ("killed", "children", "women"):
        victims = first("victims_total", "all", measure)
        summed = unique_sum("victims_by_perpetrator", measure)
        if victims is not None and summed is not None and summed[1] > 1:
            row(
                "summary_internal",
                victims,
                "victims_total",
                "all",
                measure,
                victims.value,
                summed[0],
                "sum of victims_by_perpetrator",
                "",
            )
    frame = pd.DataFrame(rows, columns=list(_COMPARISON_COLUMNS))
    for column in (
        "summary_value",
        "compared_value",
        "difference",
        "summary_span_start",
        "summary_span_end",
    ):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return frame


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
    parsed = _parse(document, report_id)
    incidents = given if given is not None else parsed.frame
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
    facts = _facts(parsed)
    # the line reader of :func:`summary_from_text` fills the tables the table reader missed
    facts += _facts_from_figures(_all_figures(parsed, facts), facts)
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
#: How each summary table of :func:`reconcile` maps to a figure measure.
_TABLE_MEASURES: dict[tuple[str, str], str] = {
    ("massacres_total", "count"): "massacres",
    ("massacres_by_perpetrator", "count"): "massacres",
    ("massacres_by_governorate", "count"): "massacres",
    ("victims_total", "killed"): "massacre_victims",
    ("victims_total", "children"): "massacre_children",
    ("victims_total", "women"): "massacre_women",
    ("victims_by_perpetrator", "killed"): "massacre_victims",
    ("victims_by_perpetrator", "children"): "massacre_children",
    ("victims_by_perpetrator", "women"): "massacre_women",
}


def _adm1_pcodes() -> dict[str, str]:
    """Governorate (as normalised by the report rules) -> ADM1 pcode, from the shipped data."""
    from syria_geo._data import data_file

    table = pd.read_csv(
        data_file("boundaries", "population_adm1.csv"), usecols=["pcode", "name_en"]
    )
    out: dict[str, str] = {}
    for pcode, name in zip(table["pcode"], table["name_en"], strict=True):
        governorate = rules.normalize_governorate(str(name))
        if governorate is not None:
            out[governorate] = str(pcode)
    return out


def _figure_of_fact(fact: SummaryFact) -> _summary.Figure | None:
    measure = _TABLE_MEASURES.get((fact.table, fact.measure))
    if measure is None:
        return None
    party = fact.key if fact.table.endswith("_by_perpetrator") else "all"
    gov = fact.key if fact.table == "massacres_by_governorate" else None
    return _summary.Figure(
        measure, party, gov, fact.value, fact.span_start, fact.span_end, fact.raw
    )


def _all_figures(parsed: _Parsed, facts: list[SummaryFact]) -> list[_summary.Figure]:
    """The figures of the table reader (:func:`_facts`) and of the line readers, in order.

    Spans are offsets in the original text. A line-reader figure is added when the table
    reader has no figure with the same measure, perpetrator and governorate.
    """
    figures = [f for f in (_figure_of_fact(fact) for fact in facts) if f is not None]
    known = {f.key for f in figures}
    read = [(f.start, f.end) for f in figures]
    for figure in _summary.figures_from_text(parsed.mapped):
        figure.start, figure.end = parsed.mapped.original_span(figure.start, figure.end)
        if figure.key in known or any(s < figure.end and figure.start < e for s, e in read):
            continue  # the table reader already read this statement
        figures.append(figure)
    figures.sort(key=lambda f: (f.start, f.end))
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
        return f"{int(year):04d}-{_month_number(month):02d}"
    named = re.search(rf"\bin\s+the\s+month\s+of\s+(?P<m>{'|'.join(rules.MONTHS)})\b", text, re.I)
    if named is not None and fallback is not None:
        return f"{fallback[0]:04d}-{_month_number(named.group('m')):02d}"
    return f"{fallback[0]:04d}-{fallback[1]:02d}" if fallback else None


def summary_from_text(text: str, *, report_id: str | None = None) -> pd.DataFrame:
    """Every figure an SNHR report prints in its summaries, one row per printed figure.

    Reads the shapes SNHR has used from 2014 to 2022: massacres by perpetrator
    (``Government forces: 41 massacres``, ``A- ... committed 28 massacres``, ``... perpetrated
    22 of the 26 massacres while ... perpetrated one``; a parent heading with sub-items gives
    the sub-items), by governorate (one per line or ``Idlib 7, Rural Damascus 12``), the
    month's total, the victims of the massacres (``In total, 412 were killed in those
    massacres including 97 children and 53 women``, ``ISIS: 140 civilians, including ...``)
    and, in the monthly death-toll reports, civilians killed (with children and women), by
    perpetrator, deaths due to torture and deaths of medical personnel and media workers.
    Numbers may be written in words (up to 999).

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
        ``media_workers``), ``perpetrator`` (``all`` or a value of ``perpetrator_section``),
        ``adm1_pcode`` (empty for the whole country), ``value`` (as printed), ``span_start`` and
        ``span_end`` (offsets of the statement in ``text``) and ``warnings`` (a total the
        report's own lines sum differently to is kept as printed and flagged here). A report
        that prints no figure gives an empty table with ``attrs["reason"]``.

    Raises
    ------
    ReportParseError
        If the text is empty or is not an SNHR report.
    """
    parsed = _parse(text, report_id)
    figures = _all_figures(parsed, _facts(parsed))
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
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    for column in ("value", "span_start", "span_end"):
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    for column in ("report_id", "period", "measure", "perpetrator", "adm1_pcode", "warnings"):
        frame[column] = frame[column].astype(object)
    frame.attrs["report_id"] = parsed.report_id
    if frame.empty:
        frame.attrs["reason"] = "the report prints no summary figure this reader knows"
    return frame


def units_from_figures(
    figures: pd.DataFrame, *, measure: str = "massacres", period: str | None = None
) -> tuple[pd.DataFrame, Literal["count", "killed"]]:
    """Per-governorate rows for the maps from a table of printed summary figures.

    Lets a user who has only SNHR's monthly summaries map, say, massacres by governorate over
    the years: pass the rows to :func:`syria_geo.maps.choropleth` (``facet="month"`` for small
    multiples) or :func:`syria_geo.maps.map_incidents` (a month slider) with the metric
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


def _facts_from_figures(
    figures: list[_summary.Figure], facts: list[SummaryFact]
) -> list[SummaryFact]:
    """Summary facts for :func:`reconcile` from line-reader figures.

    Only for the tables the table reader (:func:`_facts`) found nothing of.
    """
    found = {f.table for f in facts}
    out: list[SummaryFact] = []
    for figure in figures:
        if figure.measure == "massacres":
            if figure.governorate is not None:
                table, key = "massacres_by_governorate", figure.governorate
            elif figure.perpetrator != "all":
                table, key = "massacres_by_perpetrator", figure.perpetrator
            else:
                table, key = "massacres_total", "all"
            measure = "count"
        elif figure.measure.startswith("massacre_"):
            by_party = figure.perpetrator != "all"
            table = "victims_by_perpetrator" if by_party else "victims_total"
            key = figure.perpetrator
            measure = {"victims": "killed"}.get(figure.measure[9:], figure.measure[9:])
        else:
            continue
        if table in found:
            continue
        out.append(
            SummaryFact(table, key, measure, figure.value, figure.label, figure.start, figure.end)
        )
    return out


# ---------------------------------------------------------------------------------------------
# bundled sample


def load_sample_incidents() -> gpd.GeoDataFrame:
    """Load the bundled sample: the geocoded incidents of the four seed SNHR reports.

    The sample is regenerated by ``scripts/build_sample.py`` from the reports (September 2016
    and September 2017 massacre reports, May 2020 and February 2021 death-toll reports) and
    holds facts only: dates, place phrases, numbers, categories, rule notes and the character
    span of each incident's paragraph in its report.

    Returns
    -------
    geopandas.GeoDataFrame
        The columns of :func:`incidents_from_text` with ``geocode=True``, in EPSG:4326 with a
        point geometry (null where the geocoder found no location).
    """
    from syria_geo._data import data_file

    sample: gpd.GeoDataFrame = incidents_frame(data_file("samples", "snhr_seed_incidents.csv"))
    return sample


def load_sample_figures() -> pd.DataFrame:
    """Load the bundled figures: what the four seed reports print in their summaries.

    Regenerated by ``scripts/build_sample.py`` with :func:`summary_from_text` (numbers,
    periods, P-codes and the span of each statement in its report; no report sentence).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FIGURE_COLUMNS`.
    """
    from syria_geo._data import data_file

    return _summary.read_figures(data_file("samples", "snhr_seed_figures.csv"))
