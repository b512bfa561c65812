"""The extraction core shared by :mod:`syria_geo.incidents` and reconciliation.

Reads the structure of an SNHR report (sections, perpetrator and governorate headings) and
parses each dated incident paragraph into a row (a dict of the :data:`syria_geo.reports.reader.COLUMNS`
values but ``report_id`` and ``seq``). :mod:`syria_geo.incidents` types the rows into the public
frame; :mod:`syria_geo.reports.comparison` reads the report's summary with the same structure.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from syria_geo.errors import InputFormatError, ReportParseError
from syria_geo.reports import rules

if TYPE_CHECKING:
    import pandas as pd
from syria_geo.reports.text import Block, MappedText, clean_text, paragraphs_from_text

__all__ = [
    "ParsedReport",
    "SectionRole",
    "control_from_text",
    "month_number",
    "parse_report",
    "section_role",
]

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


def section_role(title: str) -> SectionRole:
    """The role of a report section from its title: summary, massacres, killings, details..."""
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
            role = section_role(block.value or "")
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
        counts[(int(year), month_number(month))] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def month_number(name: str) -> int:
    """The number (1-12) of an English month name."""
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


def _control_parties(raw: str) -> tuple[list[str], str]:
    """The parties an area-of-control phrase names, in order, and the phrase without supporters."""
    core = rules.CONTROL_SUPPORT.sub("", raw)
    found: list[str] = []
    for match in rules.PARTY_RE.finditer(core):
        name = str(match.lastgroup)
        if name not in found:
            found.append(name)
    return found, core


def control_sides(raw: str) -> str:
    """The sides a joint area-of-control phrase names: controllers, ``|``-separated.

    ``"armed opposition factions and Fateh Al Sham Front"`` gives ``armed_opposition|hts``.
    Empty unless :func:`control_from_text` reads the phrase as ``joint`` and it names at
    least two controllers of the vocabulary (a qualifier such as "with a minor presence
    for" counts its party as a side).
    """
    from syria_geo.vocabulary import controller_code

    if not isinstance(raw, str) or control_from_text(raw) != "joint":
        return ""
    sides = []
    for name in _control_parties(raw)[0]:
        code = controller_code(name)
        if code not in (None, "joint", "unknown") and code not in sides:
            sides.append(code)
    return "|".join(sides) if len(sides) >= 2 else ""


def with_control_sides(incidents: pd.DataFrame) -> pd.DataFrame:
    """The incidents with ``control_sides`` read from ``control_raw``.

    The two sides of a joint statement (``armed_opposition|hts``), when the incidents have
    ``control_raw`` and not the sides yet.
    """
    if "control_raw" not in incidents.columns or "control_sides" in incidents.columns:
        return incidents
    return incidents.assign(control_sides=incidents["control_raw"].map(control_sides))


def control_from_text(raw: str) -> str:
    """The controller code a report's area-of-control phrase names (``unknown`` if none)."""
    found, core = _control_parties(raw)
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
    month = month_number(month_name)
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
    counts = _incident_counts(main, killed_found, problems)

    body_start = date_match.end()
    control_matches = list(rules.CONTROL_RE.finditer(main))
    control_raw = control_matches[0].group("raw").strip() if control_matches else None
    control_value = control_from_text(control_raw) if control_raw else None
    masked = _mask(main, [(m.start(), m.end()) for m in control_matches])
    marker = _KILLING_MARKER.search(main, body_start)
    attribution_end = marker.start() if marker else len(main)
    attribution = masked[body_start:attribution_end]
    perpetrator, perpetrator_section = _perpetrator(
        context, attribution, masked[body_start:], notes, problems
    )

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
    wounded = _checked_wounded(_wounded(main), notes, problems)
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


def _checked_wounded(wounded: int | None, notes: list[str], problems: list[str]) -> int | None:
    """The number of wounded, or None (with a note) when it is implausibly large."""
    if wounded is not None and wounded > _MAX_COUNT:
        notes.append(f"implausible number of wounded ({wounded:,}) not recorded")
        problems.append(f"wounded: implausible number {wounded:,} not recorded")
        return None
    return wounded


def _incident_counts(
    main: str, killed_found: tuple[str, re.Match[str]] | None, problems: list[str]
) -> dict[str, int | None]:
    """Killed, children and women of the incident (empty, with a warning, when not found)."""
    counts: dict[str, int | None] = {"killed": None, "children": None, "women": None}
    if killed_found is None:
        problems.append("killed: no number of people killed found in the paragraph")
    else:
        killed, children, women = _victims(main, killed_found[1])
        counts = {"killed": killed, "children": children, "women": women}
    return _checked_counts(counts, problems)


def _perpetrator(
    context: _Context, attribution: str, body: str, notes: list[str], problems: list[str]
) -> tuple[str, str]:
    """The perpetrator (from the attack clause, else the body, else the heading) and section."""
    parties = _parties(attribution) or _parties(body)
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
    return perpetrator, perpetrator_section


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
    return MappedText(f"{first.text} {second.text}", first.origin + second.origin)


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


@dataclass(frozen=True)
class ParsedReport:
    """A report read into its structure and its incident rows.

    Attributes
    ----------
    mapped
        The cleaned text, mapped to offsets in the input.
    walked
        Each paragraph with the section, party and governorate headings above it.
    period
        The report's (year, month), or None when the text has no dates.
    report_id
        The given identifier, else ``snhr-YYYY-MM`` from the period.
    rows
        One dict per incident, in document order (all columns but ``report_id`` and ``seq``).
    skipped
        Dated paragraphs that gave no incident, each with its span and the reason.
    """

    mapped: MappedText
    walked: list[tuple[Block, _Context]]
    period: tuple[int, int] | None
    report_id: str
    rows: tuple[dict[str, Any], ...]
    skipped: tuple[dict[str, Any], ...]


def parse_report(text: str, report_id: str | None) -> ParsedReport:
    """Read an SNHR report into its structure and one row per dated incident paragraph."""
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
    return ParsedReport(mapped, walked, period, report_id, tuple(rows), tuple(skipped))
