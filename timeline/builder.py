"""Building the timeline: merge the same event reported by several sources, then order.

Ordering is by interval start (an open start sorts first), then finer precision first (a
day-precision event precedes the month it falls in only if it starts earlier; on the same start,
"17 February" comes before "February"), then the shorter interval, then status (what happened
before what is planned), then input order (document, offset) and finally the id, so the order
is total and stable.

Merging: two events from different sources are the same happening when their dates overlap
(or, both at day precision, lie within :data:`DATE_WINDOW_DAYS` of each other), they share a
site (or, with no sites, at least two actors or places), and their titles share enough content
words (:data:`TITLE_SIMILARITY`). The merged event keeps every source; its date is the most
precise closed one, its status the one from the latest report (news moves from "planned" to
"happened"), and what the sources disagree on (dates, sites) is listed in ``disagreements``.
Candidates come from an index of places and actors pruned by date, so merging stays near
linear in the number of events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from timeline.model import Actor, Document, Event, EventPlace, EventStatus, PlaceRole, Precision, Timeline, place_key

__all__ = ["DATE_WINDOW_DAYS", "TITLE_SIMILARITY", "build_timeline", "event_sort_key", "merge_events",
           "union_actors", "union_places"]

# Reports of one happening often differ by a day (time zones, "yesterday" from a late edition).
DATE_WINDOW_DAYS = 1
# Share of content words two titles must have in common (Jaccard) to describe one happening.
# Low on purpose: titles are built from different sentences, and the date and place checks
# carry most of the weight.
TITLE_SIMILARITY = 0.2

_STATUS_ORDER = {EventStatus.HAPPENED: 0, EventStatus.ONGOING: 1, EventStatus.REPORTED: 2, EventStatus.PLANNED: 3}
# ``Precision.rank``, looked up once: the property searches the enumeration on every call, and
# sorting and merging ask for it tens of thousands of times.
_PRECISION_RANK = {precision: precision.rank for precision in Precision}
_STOPWORDS = frozenset("a an the of in at on for to and with between by from its their his her".split())
_CONTENT_WORD = re.compile(r"[a-z0-9]+")


def event_sort_key(event: Event, order: int = 0) -> tuple[object, ...]:
    start = event.interval.start or dt.date.min
    end = event.interval.end or dt.date.max
    return (start, _PRECISION_RANK[event.precision], end, _STATUS_ORDER[event.status], order, event.sentence_start,
            event.id)


# Titles repeat (the same template over many reports) and each is compared with every
# candidate: its words are computed once. Bounded, so a huge corpus does not keep them all.
@lru_cache(maxsize=1 << 16)
def _words(title: str) -> frozenset[str]:
    return frozenset(w for w in _CONTENT_WORD.findall(title.lower()) if w not in _STOPWORDS and len(w) > 1)


def _similar_titles(a: Event, b: Event) -> bool:
    wa, wb = _words(a.title), _words(b.title)
    if not wa or not wb:
        return False
    return len(wa & wb) / len(wa | wb) >= TITLE_SIMILARITY


def _dates_match(a: Event, b: Event) -> bool:
    if a.interval.overlaps(b.interval):
        return True
    if a.interval.days == 1 and b.interval.days == 1 and a.interval.start and b.interval.start:
        return abs((a.interval.start - b.interval.start).days) <= DATE_WINDOW_DAYS
    return False


def _sites(event: Event) -> set[tuple[object, ...]]:
    return {place_key(ep.place) for ep in event.places if ep.role is PlaceRole.SITE}


def _same_happening(a: Event, b: Event) -> bool:
    if a.document_id == b.document_id and a.sources == b.sources:
        return False  # one source's events were already merged by the extractor
    if not _dates_match(a, b) or not _similar_titles(a, b):
        return False
    sites_a, sites_b = _sites(a), _sites(b)
    if sites_a and sites_b:
        return bool(sites_a & sites_b)
    shared_actors = {x.name for x in a.actors} & {x.name for x in b.actors}
    shared_places = {place_key(ep.place) for ep in a.places} & {place_key(ep.place) for ep in b.places}
    return len(shared_actors) + len(shared_places) >= 2


def _latest_published(event: Event) -> dt.date:
    return max((s.published for s in event.sources if s.published), default=dt.date.min)


def _label(event: Event) -> str:
    source = event.sources[0] if event.sources else None
    return (source.title or source.document_id) if source else event.document_id


def union_places(first: Event, second: Event, *, site_wins: bool) -> tuple[EventPlace, ...]:
    """The places of two reports of one event, each place once, in first-seen order.

    A place named by both keeps ``first``'s role and mention, unless ``site_wins`` and
    ``second`` names it as the site: across sources a site beats an actor or a mere mention
    (one paper's "Riyadh officials" is another's "talks in Riyadh"). Within one article the
    first clause's reading stands.
    """
    places = {place_key(ep.place): ep for ep in first.places}
    for ep in second.places:
        key = place_key(ep.place)
        if key not in places or (site_wins and ep.role is PlaceRole.SITE):
            places[key] = ep
    return tuple(places.values())


def union_actors(first: Event, second: Event) -> tuple[Actor, ...]:
    """The actors of two reports of one event, each name once (``first``'s actor wins), in order."""
    actors = {actor.name: actor for actor in first.actors}
    for actor in second.actors:
        actors.setdefault(actor.name, actor)
    return tuple(actors.values())


def _merge(a: Event, b: Event) -> Event:
    """One event from two reports of it; ``a`` is the earlier one in timeline order."""
    closed = [e for e in (a, b) if not e.interval.is_open]
    dated = min(closed or [a, b], key=lambda e: (_PRECISION_RANK[e.precision], e.interval.days or 0))
    newest = max((a, b), key=lambda e: (_latest_published(e), e.status is not EventStatus.PLANNED))
    sources = {(s.document_id, s.url): s for s in (*a.sources, *b.sources)}
    disagreements = list(dict.fromkeys((*a.disagreements, *b.disagreements)))
    if a.interval != b.interval and a.interval.days == 1 and b.interval.days == 1:
        disagreements.append(f"dates differ: {a.interval.start} ({_label(a)}) vs {b.interval.start} ({_label(b)})")
    sites_a, sites_b = _sites(a), _sites(b)
    if sites_a and sites_b and sites_a != sites_b:
        names_a = ", ".join(sorted(ep.place.name for ep in a.places if ep.role is PlaceRole.SITE))
        names_b = ", ".join(sorted(ep.place.name for ep in b.places if ep.role is PlaceRole.SITE))
        disagreements.append(f"places differ: {names_a} ({_label(a)}) vs {names_b} ({_label(b)})")
    ordered_sources = sorted(sources.values(), key=lambda s: (s.published or dt.date.min, s.document_id, s.url or ""))
    return replace(
        a,
        title=dated.title if dated.status is not EventStatus.PLANNED else newest.title,
        interval=dated.interval, precision=dated.precision, date_reason=dated.date_reason, timex=dated.timex,
        status=newest.status, places=union_places(a, b, site_wins=True), actors=union_actors(a, b),
        sources=tuple(ordered_sources), disagreements=tuple(disagreements),
    )


def _merge_keys(event: Event) -> set[tuple[object, ...]]:
    """What two reports of one happening must share at least one of: a place or an actor."""
    keys: set[tuple[object, ...]] = {("place", *place_key(ep.place)) for ep in event.places}
    keys.update(("actor", actor.name) for actor in event.actors)
    return keys


def _ends_after(event: Event, day: dt.date) -> bool:
    """Can the event still be met by one starting after ``day``? An open interval ("since 2014")
    is known to run to its latest report, not beyond: past that date, a new report is of
    something else (the one it would repeat starts when it does, and sorts beside it)."""
    end = event.interval.end
    if end is None:
        reported = _latest_published(event)
        return reported == dt.date.min or reported >= day
    return end >= day


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Events with reports of the same happening merged; input order is not significant.

    Every merge rule needs a shared place or actor, so candidates come from an index from each
    place and actor to the events holding it. Events are visited by start date, and an entry
    whose interval ended more than :data:`DATE_WINDOW_DAYS` before the current start (an open
    one: its latest report) can no longer match anything and is dropped, so each look-up sees
    only the live events of its keys.
    """
    ordered = sorted(events, key=event_sort_key)
    merged: list[Event] = []
    by_key: dict[tuple[object, ...], list[int]] = defaultdict(list)
    window = dt.timedelta(days=DATE_WINDOW_DAYS)
    for event in ordered:
        start = event.interval.start
        horizon = start - window if start is not None and start > dt.date.min + window else None
        candidates: set[int] = set()
        for key in _merge_keys(event):
            entries = by_key.get(key)
            if not entries:
                continue
            if horizon is not None:
                by_key[key] = entries = [i for i in entries if _ends_after(merged[i], horizon)]
            candidates.update(entries)
        target = next((i for i in sorted(candidates, reverse=True) if _same_happening(merged[i], event)), None)
        if target is None:
            merged.append(event)
            target = len(merged) - 1
            new_keys = _merge_keys(event)
        else:
            before = _merge_keys(merged[target])
            merged[target] = _merge(merged[target], event)
            new_keys = _merge_keys(merged[target]) - before
        for key in new_keys:
            by_key[key].append(target)
    return merged


def build_timeline(events: Iterable[Event], *, documents: Sequence[Document] = (), title: str | None = None,
                   merge: bool = True) -> Timeline:
    """A timeline: events merged across sources (unless ``merge=False``) and ordered."""
    events = list(events)
    doc_order = {doc.id: index for index, doc in enumerate(documents)}
    if merge:
        events = merge_events(events)
    events.sort(key=lambda e: event_sort_key(e, doc_order.get(e.document_id, len(doc_order))))
    return Timeline(events=tuple(events), documents=tuple(documents), title=title)
