"""The name index's shortcuts give exactly what the full computation gives.

The typo pass skips keys whose letter counts cannot reach the cutoff, and the scoring uses
identities of rapidfuzz's scorers; each is checked here against the plain computation on
the shipped gazetteer's own keys, with seeded typos.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from syria_geo.gazetteer.index import name_index
from syria_geo.gazetteer.search import NameIndex, _letter_set, _letter_sets, _TypoKeys


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return name_index()


def _typo(rng: random.Random, text: str) -> str:
    """One or two random edits (substitution, insertion, deletion) of ``text``."""
    letters = sorted(set(text)) or ["a"]
    for _ in range(rng.choice((1, 2))):
        i = rng.randrange(len(text) + 1)
        op = rng.choice(("sub", "ins", "del"))
        if op == "ins" or not text:
            text = text[:i] + rng.choice(letters) + text[i:]
        elif op == "sub":
            i = min(i, len(text) - 1)
            text = text[:i] + rng.choice(letters) + text[i + 1 :]
        else:
            i = min(i, len(text) - 1)
            text = text[:i] + text[i + 1 :]
    return text


def _full_scan(
    keys: list[str], query: str, *, levenshtein: bool, allowed: np.ndarray | None
) -> list[int]:
    """The typo pass without shortcuts: every allowed key scored, best 40 kept."""
    positions = np.arange(len(keys)) if allowed is None else allowed
    scorer, cutoff = (Levenshtein.normalized_similarity, 0.7) if levenshtein else (fuzz.ratio, 75.0)
    scores = process.cdist(
        [query], [keys[i] for i in positions], scorer=scorer, score_cutoff=cutoff, dtype=np.float64
    )[0]
    keep = np.flatnonzero(scores >= cutoff)
    pos, kept = positions[keep], scores[keep]
    result: list[int] = pos[np.lexsort((pos, -kept))[:40]].tolist()
    return result


@pytest.mark.parametrize("kind", ["skel", "flat_latin", "flat_arabic"])
@pytest.mark.parametrize("levenshtein", [True, False])
def test_typo_pass_equals_full_scan(index: NameIndex, kind: str, levenshtein: bool) -> None:
    shipped = index._typo[kind]
    keys = shipped.keys
    fresh = _TypoKeys(keys, shipped.off, shipped.val)  # nothing cached
    rng = random.Random(16)
    subset = np.array(sorted(rng.sample(range(len(keys)), len(keys) // 3)), dtype=np.int64)
    queries = [_typo(rng, rng.choice(keys)) for _ in range(120)]
    found = 0
    for tag, allowed in (("all", None), ("third", subset)):
        # all queries in one call: queries of one length are scored together
        got = fresh.best_many([(q, allowed, tag) for q in queries], levenshtein=levenshtein)
        for query, hit in zip(queries, got, strict=True):
            assert hit == _full_scan(keys, query, levenshtein=levenshtein, allowed=allowed), query
            found += len(hit)
    assert found > 100  # the typos do find keys: the comparison is not between empty lists


def test_letter_sets_vectorised_equal_one_by_one(index: NameIndex) -> None:
    texts = ["", "a", "aa", "aaa", "Ab", "KFRNBL", "ظظ", "حلب", "kafr nubul", "a\u00e9\u00e9"]
    texts += index._typo["flat_arabic"].keys[:500] + index._typo["skel"].keys[:500]
    assert _letter_sets(texts).tolist() == [_letter_set(t) for t in texts]
    assert _letter_sets([]).shape == (0,)
    # counts capped at two: "aaa" and "aa" agree, "a" differs from both in one bit
    assert _letter_set("aaa") == _letter_set("aa") != _letter_set("a")


def test_scoring_identities_hold_on_gazetteer_names(index: NameIndex) -> None:
    rng = random.Random(7)
    cores = [str(c) for c in index._texts["core"].whole() if c]
    vskels = [str(v) for v in index._texts["vskel"].whole() if v]
    sorted_cores = [" ".join(sorted(c.split())) for c in cores]
    lens = np.array([len(v) for v in vskels])
    for _ in range(25):
        q = _typo(rng, rng.choice(cores))
        tsr = process.cdist([q], cores, scorer=fuzz.token_sort_ratio, dtype=np.float64)[0]
        by_sorted = process.cdist(
            [" ".join(sorted(q.split()))], sorted_cores, scorer=fuzz.ratio, dtype=np.float64
        )[0]
        assert np.array_equal(tsr, by_sorted), q
        v = rng.choice(vskels)
        dist = process.cdist([v], vskels, scorer=Indel.distance, dtype=np.int64)[0]
        nsim = process.cdist([v], vskels, scorer=Indel.normalized_similarity, dtype=np.float64)[0]
        assert np.array_equal(nsim, 1.0 - dist / (len(v) + lens)), v
