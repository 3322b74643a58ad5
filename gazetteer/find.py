"""Find every place mention in a text: the geoparser's one entry point.

``find_places`` = recognise (default: a gazetteer scan of capitalised runs, see
:mod:`gazetteer.geoparse.recognise`) then resolve (priors, qualifiers, document coherence,
overrides, see :mod:`gazetteer.geoparse.resolve`). It is pure given the gazetteer: the same text
gives the same mentions, sorted by offset and non-overlapping, each with
``text[start:end] == surface``. It never raises on text: any string is valid input, and a name
that cannot be resolved is left out rather than reported as an error.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from gazetteer.geoparse.recognise import GazetteerRecogniser, Recogniser
from gazetteer.geoparse.resolve import ResolveSettings, resolve_spans
from gazetteer.model import MentionRole, PlaceMention

if TYPE_CHECKING:
    from gazetteer.index import Gazetteer
    from gazetteer.overrides import Overrides

__all__ = ["find_places"]

_DEFAULT_RECOGNISER = GazetteerRecogniser()
_DEFAULT_SETTINGS = ResolveSettings()
# Filtered candidate lists per gazetteer, shared across calls: a news stream repeats its names.
# Bounded by dropping the whole memo, which costs re-reading, never correctness.
_CANDIDATE_MEMOS: weakref.WeakKeyDictionary[Any, dict[Any, Any]] = weakref.WeakKeyDictionary()
_CANDIDATE_MEMO_SIZE = 100_000


def find_places(
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    recogniser: Recogniser | None = None,
    overrides: Overrides | None = None,
    include_associative: bool = True,
    settings: ResolveSettings | None = None,
) -> list[PlaceMention]:
    """Every place mention in ``text``, sorted by offset, non-overlapping.

    ``gazetteer`` defaults to :func:`gazetteer.index.default_gazetteer` (opened, and built on
    first use, at the default cache location). ``recogniser`` defaults to the dependency-free
    gazetteer scan; pass :class:`gazetteer.geoparse.SpacyRecogniser` to use a spaCy model.
    ``overrides`` pins or blocks names for this call, on top of any the gazetteer was opened
    with. ``include_associative=False`` drops demonyms and adjectives ("Russian officials"),
    for users who want only names of places.
    """
    if not text:
        return []
    if gazetteer is None:
        from gazetteer.index import default_gazetteer

        gazetteer = default_gazetteer()
    if overrides is None and gazetteer.overrides.rows:
        # The reviewer's file the gazetteer was opened with is decisive here too: a pin is a
        # decision, not one more prior for context to outvote.
        overrides = gazetteer.overrides
    rec = recogniser if recogniser is not None else _DEFAULT_RECOGNISER
    spans = rec.recognise(text, gazetteer)
    memo = _CANDIDATE_MEMOS.get(gazetteer)
    if memo is None or len(memo) > _CANDIDATE_MEMO_SIZE:
        memo = {}
        _CANDIDATE_MEMOS[gazetteer] = memo
    mentions = resolve_spans(
        text, spans, gazetteer, overrides=overrides, settings=settings or _DEFAULT_SETTINGS, candidate_cache=memo
    )
    if not include_associative:
        mentions = [m for m in mentions if m.role is not MentionRole.ASSOCIATIVE]
    # Recognisers promise sorted, non-overlapping spans; enforce it here, so a third-party
    # recogniser cannot break the contract of this function.
    if not _in_order(mentions):
        mentions.sort(key=_offsets)
    out: list[PlaceMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        if text[m.start : m.end] != m.surface:
            continue
        out.append(m)
    return out


def _in_order(mentions: list[PlaceMention]) -> bool:
    """Whether the mentions already start at strictly increasing offsets, as the default
    recogniser's do: then sorting them by :func:`_offsets` would leave them as they are, and
    checking costs a fraction of a sort with a key function."""
    last = -1
    for m in mentions:
        if m.start <= last:
            return False
        last = m.start
    return True


def _offsets(m: PlaceMention) -> tuple[int, int]:
    """Sort key: by start, the longer of two mentions that start together first."""
    return m.start, -m.end
