"""Turkish text: its chain of places, from the largest down, written in English from the place up.

Turkish news agencies, the Turkish Ministry of Defence, the Turkish Red Crescent and AFAD
write of northern Syria in Turkish ("Suriye'nin İdlib iline bağlı Maarrat köyünde ...",
"Halep'in El Bab ilçesine bağlı Su Sinbat köyündeki kamp alanında ...", "Kamışlı'nın
güneyindeki Abu Khazaf köyünde ..."): Turkish names its places from the largest down, each
with a case ending after an apostrophe, the kind of place after its name ("köyü", "beldesi",
"ilçesi", "kırsalı") and the relation before it ("bağlı", attached to; "yakınlarındaki",
near; "güneyindeki", south of). The English grammar read none of it: two rows in three
missed.

:func:`english_of_turkish` finds the first settlement the text names by its kind (a village,
town, city, quarter or camp) and the places before it that contain it or that it lies near,
and writes them from the place up in English ("Abu Khazaf village, south of Qamishli"), the
towns' Turkish names as English writers spell them ("Halep" -> "Aleppo"). With no settlement
by its kind, the first name in the locative ("Bukeyn'de": in Bukeyn) with the places before
it. Only a text with two Turkish words of place at least is read so.
"""

from __future__ import annotations

import re

from syria_geo.gazetteer import without_diacritics

# Turkish words of place: a text with two of them is Turkish
_TURKISH = re.compile(
    r"(?i)\b(?:köy\w*|belde\w*|ilçe\w*|kırsal\w*|bağlı|yakın\w*|mahalle\w*|kent\w*|bölge\w*"
    r"|suriye\w*|kuzey\w*|güney\w*|doğu\w*|batı\w*|ili\w*)"
)
# The towns' Turkish names, as English writers spell them
_TOWNS = {
    "halep": "Aleppo", "şam": "Damascus", "i̇dlib": "Idlib", "idlib": "Idlib", "rakka": "Raqqa",
    "haseke": "Hasakah", "deyrizor": "Deir ez-Zor", "deir ez-zor": "Deir ez-Zor",
    "münbiç": "Manbij", "azez": "Azaz", "cerablus": "Jarablus", "el bab": "Al-Bab",
    "tel abyad": "Tell Abyad", "resulayn": "Ras al-Ain", "kamışlı": "Qamishli",
    "ayn el-arab": "Ain al-Arab", "lazkiye": "Latakia", "humus": "Homs", "dera": "Daraa",
    "süveyda": "Suwayda", "kuneytra": "Quneitra", "cinderes": "Jindires", "tabka": "Tabqa",
    "eriha": "Ariha", "serakib": "Saraqib", "cisr eş-şuğur": "Jisr al-Shughur",
    "cebele": "Jableh", "kuseyr": "Qusayr", "telbise": "Talbiseh", "doğu guta": "Eastern Ghouta",
    "katana": "Qatana", "zebedani": "Zabadani", "malikiye": "Al-Malikiyah", "atme": "Atmeh",
    "maarret en-numan": "Maarat al-Numan", "cebel zaviye": "Jabal al-Zawiya",
    "suriye": "Syria", "selemiye": "Salamiyah", "hama": "Hama",
    "mayadin": "Al-Mayadin", "bukemal": "Abu Kamal", "deyr ez-zor": "Deir ez-Zor",
}  # fmt: skip
# A name (capitalised words, "el-"/"eş-" inside), its case ending after an apostrophe, and
# the word after it that says what it is or how it stands to the next place
_NAME = r"(?:[A-ZÇĞİÖŞÜ][\w-]*)(?:\s+(?:[A-ZÇĞİÖŞÜ][\w-]*|(?:el|es|eş|er|et|ed|en|ez|ül|ab|al)-[\w-]+)){0,3}"
_ITEM = re.compile(
    rf"(?P<name>{_NAME})(?:['’](?P<case>\w+))?(?:\s*\([^()]{{1,40}}\))?"
    r"(?:\s+(?P<word>köy\w*|belde\w*|kasaba\w*|kent\w*|şehr\w*|mahalle\w*|kamp\w*|ilçe\w*|il(?:i|ine|inde|indeki)?\b"
    r"|kırsal\w*|bölge\w*|yakın\w*|kuzeydoğu\w*|kuzeybatı\w*|güneydoğu\w*|güneybatı\w*|kuzey\w*"
    r"|güney\w*|doğu\w*|batı\w*))?"
    r"(?:\s+(?P<bagli>bağlı))?"
)
_SETTLEMENTS = {"köy": "village", "belde": "town", "kasaba": "town", "kent": "city",
                "şehr": "city", "mahalle": "neighbourhood", "kamp": "camp"}  # fmt: skip
_UNITS = {"ilçe": "district", "il": "governorate", "kırsal": "countryside", "bölge": "area"}
_SIDES = {"kuzeydoğu": "north-east", "kuzeybatı": "north-west", "güneydoğu": "south-east",
          "güneybatı": "south-west", "kuzey": "north", "güney": "south", "doğu": "east",
          "batı": "west"}  # fmt: skip
# The cases of a name that holds or places what follows it (genitive, locative), and of one
# that is where something goes or comes from (dative, ablative)
_LOCATIVE = re.compile(r"^(?:d|t)(?:a|e)(?:ki)?$")
_ONWARD = re.compile(r"^(?:y?[ae]|d[ae]n|t[ae]n)$")


def is_turkish(text: str) -> bool:
    """Whether a text is Turkish: two Turkish words of place, or one and a name's case ending.

    ("Şam kırsalındaki Bukeyn'de": a word of place and a locative's ending after an
    apostrophe, "Bukeyn'de", in Bukeyn.)
    """
    if text.isascii() or _LETTER.search(text) is None:
        return False  # (a Turkish text has a letter of its own: "köyü", "kırsal", "bağlı")
    words = {m[0].lower()[:4] for m in _TURKISH.finditer(text)}
    return len(words) >= 2 or (len(words) == 1 and _CASE_ENDING.search(text) is not None)


_LETTER = re.compile(r"[ıİüöğşç]")
_CASE_ENDING = re.compile(r"[A-ZÇĞİÖŞÜ][\w-]*['’](?:n?[ıiuü]n|[dt][ae](?:ki|n)?|y?[ae])\b")


def english_of_turkish(text: str) -> str | None:
    """The place of a Turkish text, from the place up, in English; None when it is not Turkish.

    Parameters
    ----------
    text
        A Turkish news line, statement or headline.

    Returns
    -------
    str or None
        "Kızılay, Halep'in El Bab ilçesine bağlı Su Sinbat köyünde 400 aileye ..." -> "Su
        Sinbat village, Al-Bab district, Aleppo"; None for a text that is not Turkish (see
        :func:`is_turkish`) or that names no place so.
    """
    if not is_turkish(text):
        return None
    items = [m for m in _ITEM.finditer(text) if m["name"]]
    target = next((k for k, m in enumerate(items) if _kind_of(m["word"]) in _SETTLEMENTS), None)
    # (a town that holds the village after it is the village's container: "Gandura beldesine
    # bağlı Sheib köyünde", "Haseke kentinin kırsalındaki El-Cedide köyünde")
    while (
        target is not None
        and target + 1 < len(items)
        and _kind_of(items[target + 1]["word"]) in _SETTLEMENTS
        and _holds_the_next(text, items[target], items[target + 1])
    ):
        target += 1
    if target is None:
        target = next(
            (k for k, m in enumerate(items) if m["case"] and _LOCATIVE.match(m["case"])), None
        )
    if target is None:
        return None
    chain = [_english(items[target], target=True)]
    k = target - 1
    # the places before it that hold it or that it lies near, back to the first that goes
    # elsewhere (a dative's or an ablative's: "Azez'e", "Ankara'daki" is kept only as held)
    while k >= 0 and (
        items[k]["bagli"] or not (items[k]["case"] and _ONWARD.match(items[k]["case"]))
    ):
        between = text[items[k].end() : items[k + 1].start()]
        if (
            "," in between
            or len(between.split()) > 1
            or not (items[k]["case"] or items[k]["word"] or items[k]["bagli"])
        ):
            break  # (another clause, or a bare name, "Kızılay, ...": not its container)
        chain.append(_english(items[k], target=False))
        k -= 1
    return ", ".join(part for part in chain if part)


_GENITIVE_OR_HOLDING = re.compile(r"(?:n?[ıiuü]n|[dt][ae]ki)$")
_RELATION_WORD = re.compile(r"(?i)\b(?:yakın|kuzey|güney|doğu|batı|kırsal)\w*")


def _holds_the_next(text: str, item: re.Match[str], following: re.Match[str]) -> bool:
    """Whether a place holds the next one, or the next lies near or on a side of it."""
    word = (item["word"] or "").lower()
    between = text[item.end() : following.start()]
    return bool(
        item["bagli"]
        or _GENITIVE_OR_HOLDING.search(word)
        or (item["case"] and _GENITIVE_OR_HOLDING.search(item["case"]))
        or (_RELATION_WORD.fullmatch(between.strip()) and "," not in between)
    )


def _kind_of(word: str | None) -> str:
    """The stem of a kind or relation word ("köyünde" -> "köy", "kuzeyindeki" -> "kuzey")."""
    if not word:
        return ""
    low = word.lower()
    for stem in (*_SETTLEMENTS, *_UNITS, *_SIDES, "yakın"):
        if low.startswith(stem):
            return stem
    return ""


def _english(item: re.Match[str], *, target: bool) -> str:
    """One place of the chain in English: its name, then its kind or relation."""
    name = _name_in_english(item["name"])
    kind = _kind_of(item["word"])
    if kind in _SETTLEMENTS:
        return f"{name} {_SETTLEMENTS[kind]}"
    if kind in _UNITS:
        return f"{name} {_UNITS[kind]}"
    if target:
        return name
    if kind in _SIDES:
        return f"{_SIDES[kind]} of {name}"
    if kind == "yakın":
        return f"near {name}"
    return name


def _name_in_english(name: str) -> str:
    """A Turkish name as English writers spell it ("Halep" -> "Aleppo", "Şeyh" -> "Sheyh")."""
    if (town := _TOWNS.get(name.lower())) is not None:
        return town
    out = name.replace("ş", "sh").replace("Ş", "Sh").replace("ç", "ch").replace("Ç", "Ch")
    out = (
        out.replace("ı", "i")
        .replace("İ", "I")
        .replace("ğ", "gh")
        .replace("c", "j")
        .replace("C", "J")
    )
    return without_diacritics(out)
