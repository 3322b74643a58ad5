"""The temporal tagger: find time expressions in text and normalise them to TIMEX3 and calendar days.

Algorithm:
1. :func:`timeline.timex.patterns.find_candidates` finds the longest non-overlapping matches of a
   regular-expression grammar (dates, weekdays, quarters, durations, sets, vague references).
2. For each, in text order, :func:`timeline.timex.tense.tense_at` reads the tense of its
   sentence and :func:`timeline.timex.normalise.resolve` computes the TIMEX3 type and value from
   the publication date (the anchor), the tense and what the document dated before.
3. :func:`timeline.timex.values.calendar_interval` turns date values into calendar intervals.
   Signals just before an expression open the interval, following TimeML: the signal is not part
   of the span, the interval and ``modifier`` carry it:
   - "since 2014", "from 2014" (with no "to" after) -> ``[2014-01-01, None)``, modifier ON_OR_AFTER;
   - "after 2014" -> ``[2015-01-01, None)``, AFTER; "before 2014" -> ``(None, 2014-01-01)``, BEFORE;
   - "until March", "through March", "till", "up to" -> ``(None, end of March)``, ON_OR_BEFORE;
   - "from 2014 to 2022", "between 2014 and 2022": two expressions; both carry the whole range
     ``[2014-01-01, 2023-01-01)`` as their interval, each keeps its own value.
   A modifier already set by the words of the expression ("early 2014") is kept.

News or narrative: a text most of whose explicit years lie five or more years before publication
(a history, a war chronicle), or that names twenty years or more, most before the publication
year (a chronicle of the recent past), is read as a narrative, where "in March", "9 November" and "the
winter" take the year the text last named and "two days later" counts from the last named day;
in news they are placed around the publication date. A narrative clause in the writer's own
future ("a summit is expected in April") is placed around the publication date too.
Deictic expressions ("last week", "yesterday", "two years ago") always use the publication date.

Without a publication date, absolute expressions resolve as usual and relative ones keep X
placeholders ("XXXX-WXX-2"), with ``relative=True, anchored=False``: nothing is anchored on today.
The one exception is a narrative, where "in March" after "in 1945" gets "1945-03" (still
``anchored=False``: it was not computed from a publication date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Final

from timeline.model import Interval, TimeExpression
from timeline.timex.normalise import Context, resolve
from timeline.timex.patterns import Candidate, find_candidates
from timeline.timex.tense import (
    Tense,
    deferred_until,
    find_markers,
    firm_future,
    past_verb_governs,
    scheduled_weekday,
    tense_at,
)
from timeline.timex.values import calendar_interval, narrow

__all__ = ["find_times"]

_SIGNAL_BEFORE: Final = re.compile(
    r"(?:^|[^\w])(since|from|after|before|until|till|til|through|thru|up\s+to|prior\s+to|between|by)\s+(?:the\s+)?$",
    re.IGNORECASE)
# How far (characters) a quarter named in results text colours "a year earlier": about two sentences.
_QUARTER_REACH: Final = 400
# A text is a narrative when at least this many explicit years are named and this share of
# them lie this many years or more before the publication date.
_NARRATIVE_MIN_YEARS: Final = 6
_NARRATIVE_SHARE: Final = 0.7
_NARRATIVE_GAP: Final = 5
# ... or when it names very many years, most of them before the publication year: a chronicle
# of recent years (the Iraq war told in 2009). News articles name a dozen years at most.
_CHRONICLE_MIN_YEARS: Final = 20
# "In" opening a sentence, before a month and a comma: a fronted time adverbial
_FRONTED: Final = re.compile(r"(?:^|[.!?]\s+|\n\s*|``\s*|\"\s*)In\s+$")
# Results reported for a quarter: "will report results on Feb. 27 for the fourth quarter",
# "earnings for the second half". Not "sales to grow in the fourth quarter", a forecast.
_RESULTS_FOR: Final = re.compile(
    r"\b(?:results|earnings|report|reports|reported|reporting)\b(?:[^.;!?\n]|\.(?!\s+[A-Z])){0,40}?\bfor\s+$",
    re.IGNORECASE)
_RANGE_JOIN: Final = re.compile(r"^\s*(?:to|until|till|through|thru|and|-|–|—)\s*$", re.IGNORECASE)


def find_times(text: str, *, published: dt.date | None) -> list[TimeExpression]:
    """Temporal expressions in ``text``, sorted by start, non-overlapping, normalised on ``published``.

    ``text[e.start:e.end] == e.surface`` for every result. Never raises on any string.
    """
    if not text:
        return []
    out: list[TimeExpression] = []
    candidates = find_candidates(text)
    context = Context(narrative=_is_narrative(candidates, published))
    quarter_at: int | None = None
    markers = find_markers(text) if candidates else None
    for cand in candidates:
        surface = text[cand.start:cand.end]
        tense = _tense_of(text, cand, tense_at(text, cand.start, cand.end, markers=markers))
        # "In January, the firm brought in ...": a fronted month in a past sentence is past
        fronted = cand.kind == "month" and text.startswith(",", cand.end) and _FRONTED.search(
            text, max(0, cand.start - 8), cand.start) is not None
        if fronted != context.fronted:
            context = replace(context, fronted=fronted)
        # "the truce began on March 18", written in February: last year's March, though the
        # nearest-date rule would take the coming one on a weaker past cue
        governed = cand.kind in _MONTH_KINDS and tense is Tense.PAST and past_verb_governs(text, cand.start)
        if governed != context.governed_past:
            context = replace(context, governed_past=governed)
        near = quarter_at is not None and cand.start - quarter_at < _QUARTER_REACH
        if near != context.quarter_near:
            context = replace(context, quarter_near=near)
        # only a narrative asks (a bare month there takes the story's year unless the writer's
        # future is meant), so news texts do not pay for the extra scan
        firm = context.narrative and tense is Tense.FUTURE and firm_future(text, cand.start)
        if firm != context.firm_future:
            context = replace(context, firm_future=firm)
        res = resolve(cand, surface, anchor=published, tense=tense, context=context)
        if res is None:
            continue
        value = res.value
        # a narrative's context is the story's time: dates computed from the publication date
        # ("today", "last year" in a quotation) do not move it
        if res.informative and not (context.narrative and res.relative and not res.from_text):
            context = context.after(value)
        if cand.kind == "quarter":
            quarter_at = cand.end
        anchored = res.relative and published is not None and not value.startswith("X")
        got = calendar_interval(value) if res.type.value in ("DATE", "TIME") else None
        interval = narrow(got[0], res.modifier) if got else None
        out.append(TimeExpression(
            surface=surface, start=cand.start, end=cand.end, type=res.type, value=value,
            interval=interval, precision=got[1] if got else None, relative=res.relative,
            anchored=anchored, modifier=res.modifier,
        ))
    return _apply_signals(text, out)


_MONTH_KINDS: Final = frozenset({"mdy", "dmy", "month"})
_YEAR_KINDS: Final = frozenset({"year", "mdy", "dmy", "month_year", "iso", "numeric", "day_range"})


def _tense_of(text: str, cand: Candidate, tense: Tense) -> Tense:
    """The sentence's tense, corrected by what the words right before some expressions say."""
    if cand.kind in ("weekday", "time"):
        if scheduled_weekday(text, cand.start, clock=_on_a_weekday(cand), past=tense is Tense.PAST):
            return Tense.FUTURE  # "the ceasefire expires Sunday": a timetable names the coming day
        if deferred_until(text, cand.start):
            return Tense.FUTURE  # "the vote was postponed until Tuesday": the day put off to is ahead
    elif cand.kind == "quarter" and _RESULTS_FOR.search(text, max(0, cand.start - 60), cand.start):
        return Tense.PAST  # "will report results for the fourth quarter": a quarter that is over
    return tense


def _on_a_weekday(cand: Candidate) -> bool:
    """Whether a clock-time candidate is on a weekday ("midnight on Friday"), not a month-day."""
    day = cand.groups.get("day") or cand.groups.get("pre") or ""
    return cand.kind == "time" and _WEEKDAY_WORD.fullmatch(day.strip()) is not None


_WEEKDAY_WORD: Final = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)


def _is_narrative(candidates: list[Candidate], published: dt.date | None) -> bool:
    """Whether the text tells a past story rather than the news of its publication day.

    A historical narrative (most of its explicit years at least five years before publication;
    or twenty years or more named, most before the publication year; or no publication date at
    all) dates "in March" or "9 November" by the year it last named; news dates them around the
    publication date.
    """
    years = [int(y) for c in candidates if c.kind in _YEAR_KINDS
             for y in [c.groups.get("y")] if y and len(y) == 4 and y.isdigit()]
    years += [y for c in candidates if c.kind == "era_year" for y in [_era_year(c)] if y is not None]
    if published is None:
        return bool(years)
    old = sum(1 for y in years if y <= published.year - _NARRATIVE_GAP)
    if len(years) >= _NARRATIVE_MIN_YEARS and old >= _NARRATIVE_SHARE * len(years):
        return True
    before = sum(1 for y in years if y < published.year)
    return len(years) >= _CHRONICLE_MIN_YEARS and before >= _NARRATIVE_SHARE * len(years)


def _era_year(cand: Candidate) -> int | None:
    """The year of an "era_year" candidate, negative before Christ ("264 BC": -264, "AD 9": 9)."""
    g = cand.groups
    digits = g.get("y") or g.get("y1") or g.get("y2")
    if not digits or not digits.isdigit():
        return None
    era = (g.get("era") or g.get("era2") or g.get("pre") or "").upper()
    return -int(digits) if era.startswith("B") else int(digits)


def _apply_signals(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """Open or join intervals after "since", "until", "from ... to" (see the module docstring)."""
    result = list(found)
    for i, expr in enumerate(found):
        if expr.interval is None:
            continue
        m = _SIGNAL_BEFORE.search(text, max(0, expr.start - 20), expr.start)
        if not m:
            continue
        signal = " ".join(m.group(1).lower().split())
        nxt = found[i + 1] if i + 1 < len(found) else None
        joined = (nxt is not None and nxt.interval is not None
                  and _RANGE_JOIN.match(text[expr.end:nxt.start]) is not None)
        if signal in ("from", "between") and joined and nxt is not None and nxt.interval is not None:
            lo, hi = expr.interval.start, nxt.interval.end
            if lo is not None and hi is not None and lo < hi:
                span = Interval(start=lo, end=hi)
                result[i] = replace(result[i], interval=span)
                result[i + 1] = replace(result[i + 1], interval=span)
            continue
        if signal in ("since", "from") and expr.interval.start is not None:
            new = Interval(start=expr.interval.start, end=None)
            mod = "ON_OR_AFTER"
        elif signal == "after" and expr.interval.end is not None:
            new, mod = Interval(start=expr.interval.end, end=None), "AFTER"
        elif signal in ("before", "prior to") and expr.interval.start is not None:
            new, mod = Interval(start=None, end=expr.interval.start), "BEFORE"
        elif signal in ("until", "till", "til", "through", "thru", "up to", "by") and expr.interval.end is not None:
            if signal == "by":
                continue  # "by March" is a deadline, the expression keeps its own interval
            new, mod = Interval(start=None, end=expr.interval.end), "ON_OR_BEFORE"
        else:
            continue
        result[i] = replace(result[i], interval=new, modifier=expr.modifier or mod)
    return result
