"""What a recognised expression means: its TIMEX3 type and value, from the anchor and the tense.

Algorithm: :func:`resolve` dispatches on the grammar rule that matched
(:mod:`timeline.timex.patterns`) to one pure function per family. Each reads the captured parts,
the anchor (the publication date, or None), the tense of the clause and a small
:class:`Context` of what the document mentioned before (the last quarter, year and day, for
"the year-ago quarter" or "the following day"), and returns a :class:`Resolution`.

Conventions (TimeML / TimeBank, checked against the TempEval-3 training data):
- weekdays follow the tense of their clause: past or unknown -> the latest one on or before the
  anchor (news mostly reports what happened), future -> the next one on or after it; a timetable
  verb right before the weekday ("expires Sunday") counts as future (timeline.timex.tense);
- bare months follow the tense too, except that a month up to three months ahead of the anchor
  stays ahead (a past-tense "announced ... in January" written in October means next January),
  unless the month opens the sentence ("In January, the firm brought in ..." is last January);
  a future-tense clause always means the coming month ("will fly in December" said in March);
  without a tense cue, the nearest; "last February" said in March means a year before;
- "the previous Friday", "the following Monday", "the next morning" count from the day the text
  last named, as "the following day" does; "overnight" is the night before the story's day when
  that day is of the last week, else the night before the anchor;
- a month and day without a year: the nearest such date, the tense breaking near-ties; without
  a future cue a date ahead counts half as far again, since news reports more than it announces;
  "effective June 1" is a future cue (timeline.timex.tense);
- "the week of March 6" is the ISO week holding that day; "last Oct. 23" the latest such day
  before the anchor, "next March 3" the first after it;
- "August of that year", "July 25 of the following year" count from the year the text last
  named; "July last year" from the anchor;
- a quarter "ended July 31" is the calendar quarter holding most of it (May-July: Q2);
- plural units ahead ("the weeks ahead", "coming years") are vague durations (PXW, PXY);
- a bare "the weekend" without a future cue is the last one, like a bare weekday; "this
  weekend" the coming one;
- "last/this/next <unit>" shift the anchor's week, month, quarter, year... and keep that unit's
  precision ("last week" -> "2025-W07"); "N units ago" keeps the unit's precision too, but
  "N days later" counts from an event and stays a DURATION;
- results texts: "the quarter", "the 1989 period", "the year-ago quarter" and "a year earlier"
  near a named quarter refer to the reported quarter (a year before): the latest completed one
  the text named ("After a flat second quarter" in a report on the third looks back), "that
  quarter" to the one just named; "the latest quarter" is the completed one named in the last
  few sentences, else the last completed one; a
  past "this quarter's loss" right after the quarter just ended was named is that quarter;
- "last spring" is the previous year's spring; "this spring" the anchor year's;
- after a year before Christ ("492 BC"), "the following year", "the following decade", "the
  previous century" count on the years before Christ ("BC0491", "BC048", "BC05");
- in a narrative, bare months and days, "the year" and "the end of the year" take the story's
  year, "two days later" counts from the day the story last named (a DATE at the unit's
  precision, "1840-XX-XX" when the story has moved on to another month or year since; news keeps
  TimeBank's DURATION; "a few days later", "weeks earlier" are FUTURE_REF, PAST_REF) and "two
  years earlier", "two years before" count back from the time it last named ("ago" stays
  deictic), unless the clause is in the writer's own future ("is expected to meet in April"); a
  look back ("the previous year", "two years earlier") is a flashback and a year named in a
  future clause ("a campaign planned for 1976") a look ahead: both leave the story's time where
  it was;
- without an anchor a relative expression keeps X placeholders ("XXXX-WXX-2", "XXXX-12") and
  is marked relative but not anchored.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from timeline.model import TimexType
from timeline.timex import lexicon as lx
from timeline.timex.patterns import Candidate
from timeline.timex.tense import Tense

__all__ = ["Context", "Resolution", "resolve"]

Groups = Mapping[str, str | None]


@dataclass(frozen=True, kw_only=True, slots=True)
class Resolution:
    """The meaning of one expression, before it becomes a :class:`~timeline.model.TimeExpression`."""

    type: TimexType
    value: str
    relative: bool = False
    modifier: str | None = None
    # False when the value was derived from the context itself ("the year-ago quarter"), so that
    # it does not become the context of the next expression
    informative: bool = True
    # True when the value came from a date the text named before (a narrative), not the anchor
    from_text: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Context:
    """What the document has dated so far, for anaphoric expressions ("that year")."""

    last_quarter: tuple[int, int] | None = None
    # every quarter named so far, in order: a results text reports the latest completed one
    quarters: tuple[tuple[int, int], ...] = ()
    last_year: int | None = None
    # the year before Christ the text last named ("490 BC" -> 490), when no later one of our era
    last_bc_year: int | None = None
    last_day: dt.date | None = None
    last_month: tuple[int, int] | None = None
    quarter_seen: bool = False
    quarter_near: bool = False  # a quarter was named in the last few sentences
    # a historical narrative: bare months and days belong to the year the text is talking about,
    # not to the publication year (see timeline.timex.find_times)
    narrative: bool = False
    # the clause is in the writer's future ("will", "is expected to"), not a future in the past
    # ("would", "was to"): see timeline.timex.tense.firm_future
    firm_future: bool = False
    # the expression opens its sentence as a fronted adverbial ("In January, the firm ..."):
    # a past-tense story told in order, not a plan
    fronted: bool = False
    # a past verb governs the expression directly ("began on March 18", "was held in May"): see
    # timeline.timex.tense.past_verb_governs
    governed_past: bool = False

    def after(self, value: str) -> Context:
        """The context once an expression with this value has been read."""
        # most values name no calendar time of their own ("P3D", "PRESENT_REF", "XXXX-WXX-2"):
        # every form read below starts with a digit or "BC" (isdigit holds for every \d and more)
        if not value[:1].isdigit() and not value.startswith("BC"):
            return self
        if m := _QUARTER_VALUE.fullmatch(value):
            quarter = (int(m[1]), int(m[2]))
            return replace(self, last_quarter=quarter, quarters=(*self.quarters, quarter), last_year=quarter[0],
                           quarter_seen=True, last_bc_year=None)
        if m := _DAY_VALUE.fullmatch(value):
            try:
                day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return self
            # the day's month is the story's month too: "December 11, 1941 ... in January"
            # is January 1942
            return self._dated(last_day=day, last_month=(day.year, day.month), last_year=day.year)
        if m := _MONTH_VALUE.fullmatch(value):
            return self._dated(last_day=self.last_day, last_month=(int(m[1]), int(m[2])), last_year=int(m[1]))
        if m := _YEAR_VALUE.match(value):
            return self._dated(last_day=self.last_day, last_month=self.last_month, last_year=int(m[1]))
        if m := _BC_VALUE.fullmatch(value):
            # a story before Christ: what the text dated of our era before is no longer its time
            return replace(self, last_bc_year=int(m[1]), last_year=None, last_month=None, last_day=None)
        return self

    def _dated(self, *, last_day: dt.date | None, last_month: tuple[int, int] | None, last_year: int) -> Context:
        """The context with these last dates and no year before Christ; itself when that is
        what it holds already (a text names the same day again and again, and a copy costs)."""
        if (last_day == self.last_day and last_month == self.last_month and last_year == self.last_year
                and self.last_bc_year is None):
            return self
        return replace(self, last_day=last_day, last_month=last_month, last_year=last_year, last_bc_year=None)


# The forms of a value :meth:`Context.after` reads, compiled once: it runs for every expression.
_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])")
_DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)")
_YEAR_VALUE = re.compile(r"(\d{4})(?:$|-)")
_BC_VALUE = re.compile(r"BC(\d{4})")


# --- calendar helpers ----------------------------------------------------------------------------
def _day(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _add_quarters(y: int, q: int, k: int) -> tuple[int, int]:
    index = y * 4 + (q - 1) + k
    return index // 4, index % 4 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_days(d: dt.date, days: int) -> dt.date | None:
    try:
        return d + dt.timedelta(days=days)
    except OverflowError:
        return None


_MODS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START", "the dawn of": "START",
    "the early part of": "START", "mid": "MID", "the middle of": "MID", "the height of": "MID",
    "late": "END", "the end of": "END", "the close of": "END", "the latter part of": "END",
    "the turn of": "END", "the end of the month of": "END",
}


def _mod(groups: Groups, key: str = "mod") -> str | None:
    raw = groups.get(key)
    if not raw:
        return None
    return _MODS.get(" ".join(raw.lower().replace("-", " ").split()))


_APPROX_MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN",
    "upwards of": "MORE_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "barely": "LESS_THAN", "nearly": "APPROX", "almost": "APPROX",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}


def _approx(groups: Groups) -> str | None:
    raw = groups.get("approx")
    return _APPROX_MODS.get(" ".join(raw.lower().split())) if raw else None


def _norm(s: str | None) -> str:
    return " ".join((s or "").lower().replace("’", "'").split())


def _month_number(word: str) -> int:
    return lx.MONTHS[word.lower().rstrip(".")]


def _two_digit_year(yy: int, anchor: dt.date | None) -> int:
    """'98 -> 1998 and '15 -> 2015: the century that puts the year at most ten years after the anchor."""
    base = anchor.year if anchor else 2000
    year = (base // 100) * 100 + yy
    if year > base + 10:
        year -= 100
    return year


def _spelled_year(words: str) -> int | None:
    w = _norm(words).replace("-", " ")
    if w.startswith("the year "):
        w = w[len("the year "):]
    parts = w.split()
    if not parts:
        return None
    if parts[0] == "two" and len(parts) > 1 and parts[1] == "thousand":
        rest = [p for p in parts[2:] if p != "and"]
        extra = lx.parse_number(" ".join(rest)) if rest else 0
        return None if extra is None else 2000 + int(extra)
    head = lx.NUMBER_WORDS.get(parts[0]) or lx.TENS_WORDS.get(parts[0])
    if head is None:
        return None
    tail = [p for p in parts[1:] if p != "oh"]
    if tail == ["hundred"]:
        return int(head) * 100
    low = lx.parse_number(" ".join(tail)) if tail else None
    return None if low is None else int(head) * 100 + int(low)


def _ordinal(word: str) -> int | None:
    w = _norm(word)
    if w in lx.ORDINALS:
        return lx.ORDINALS[w]
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", w)
    return int(m[1]) if m else None


# --- day-level resolution --------------------------------------------------------------------
def _weekday_date(weekday: int, anchor: dt.date, tense: Tense, rel: str) -> dt.date | None:
    delta = weekday - anchor.isoweekday()
    if rel in ("last", "past", "previous", "this past"):
        back = (-delta) % 7 or 7
        return _shift_days(anchor, -back)
    if rel in ("next", "coming", "following", "this coming"):
        fwd = delta % 7 or 7
        return _shift_days(anchor, fwd)
    if delta == 0:
        return anchor
    if tense is Tense.FUTURE or rel == "this":
        return _shift_days(anchor, delta % 7)
    return _shift_days(anchor, -((-delta) % 7))


def _month_day_date(month: int, day: int, anchor: dt.date, tense: Tense, *, governed_past: bool = False
                    ) -> dt.date | None:
    """A month and day without a year: the nearest such date, the tense breaking near-ties; a
    past verb governing it ("began on March 18") rules out the days ahead."""
    # 29 February is found only in leap years: look as far as the nearest ones
    reach = (-4, -3, -2, -1, 0, 1, 2, 3, 4) if (month, day) == (2, 29) else (-1, 0, 1)
    options = [d for d in (_safe_date(anchor.year + k, month, day) for k in reach) if d]
    if not options:
        return None

    def cost(d: dt.date) -> float:
        gap = (d - anchor).days
        penalty = 0.0
        if governed_past and gap > 0:
            penalty = 1000
        elif (tense is Tense.PAST and gap > 0) or (tense is Tense.FUTURE and gap < 0):
            penalty = 200
        elif tense is not Tense.FUTURE and gap > 0:
            penalty = 0.5 * gap
        return abs(gap) + penalty

    return min(options, key=cost)


def _story_time(ctx: Context, anchor: dt.date | None, tense: Tense) -> bool:
    """Whether a bare month or day takes the year the story last named rather than the anchor's.

    In a narrative it does, unless the clause speaks of the writer's own future and there is a
    publication date: "a summit is expected ... in April" in a retrospective article is the coming
    April, not one in the story's past. A future seen from the story ("would attack in April",
    "was planned for April") stays in the story.
    """
    return ctx.narrative and ctx.last_year is not None and not (anchor is not None and ctx.firm_future)


def _narrative_year(ctx: Context, month: int) -> int:
    """The year of a bare month in a narrative: the year last named, or the next one when the
    story has just been in the second half of that year and the month is early ("December
    1941 ... in January" is January 1942)."""
    year = ctx.last_year or 0
    if ctx.last_month and ctx.last_month[0] == year and month - ctx.last_month[1] <= -_FORWARD_MONTHS:
        return year + 1
    return year


# A bare month this many months or more before the last named month is read as the next year's.
_FORWARD_MONTHS = 9


def _month_year(month: int, anchor: dt.date, tense: Tense, rel: str, *, fronted: bool = False) -> int:
    if rel in ("last", "this past"):
        # "last February" said in March means a year ago: the month just gone is "last month"
        return anchor.year if month < anchor.month - 1 else anchor.year - 1
    if rel in ("next", "this coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "this":
        return anchor.year
    if tense is Tense.PAST and (fronted or not 0 < (month - anchor.month) % 12 <= 3):
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense is Tense.FUTURE:
        return anchor.year if month >= anchor.month else anchor.year + 1
    # no tense cue: the nearest, within six months either side
    diff = month - anchor.month
    if diff > 6:
        return anchor.year - 1
    if diff < -6:
        return anchor.year + 1
    return anchor.year


# --- family resolvers ----------------------------------------------------------------------
Resolver = Callable[[Groups, dt.date | None, Tense, Context, str], "Resolution | None"]


def _r_iso(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    d = _safe_date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    if d is None:
        return None
    if g.get("hh"):
        return Resolution(type=TimexType.TIME, value=f"{_day(d)}T{g['hh']}:{g['mi']}")
    return Resolution(type=TimexType.DATE, value=_day(d))


def _r_numeric(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    a, b, ys = int(g["a"] or 0), int(g["b"] or 0), g["y"] or ""
    year = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), anchor)
    if a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    elif g.get("sep") == ".":
        day, month = a, b  # dotted dates are European day-first
    else:
        month, day = a, b  # slashed dates in English news are US month-first
    d = _safe_date(year, month, day)
    return None if d is None else Resolution(type=TimexType.DATE, value=_day(d))


def _day_phrase(phrase: str, anchor: dt.date | None, tense: Tense) -> str | None:
    """A day named inside a time expression ("Wednesday", "yesterday", "Nov. 9") as a value."""
    p = _norm(phrase).strip(", ")
    p = lx.DAY_WORD_SPELLINGS.get(p, p)
    if p in ("today", "tonight"):
        return _day(anchor) if anchor else "XXXX-XX-XX"
    if p in ("tomorrow", "yesterday"):
        if not anchor:
            return "XXXX-XX-XX"
        d = _shift_days(anchor, 1 if p == "tomorrow" else -1)
        return _day(d) if d else None
    m = re.match(r"(\w+?)\.?,?\s+(?:the\s+)?(\w+?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$", p)
    if m and m[2] in lx.MONTHS:
        p = f"{m[2]} {m[3]}" + (f" {m[4]}" if m[4] else "")
    m = re.match(r"(\w+?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$", p)
    if m and m[1] in lx.MONTHS:
        month, day = lx.MONTHS[m[1]], int(m[2])
        if m[3]:
            d = _safe_date(int(m[3]), month, day)
            return _day(d) if d else None
        if not anchor:
            return f"XXXX-{month:02d}-{day:02d}"
        d = _month_day_date(month, day, anchor, tense)
        return _day(d) if d else None
    if p in lx.WEEKDAYS:
        if not anchor:
            return f"XXXX-WXX-{lx.WEEKDAYS[p]}"
        d = _weekday_date(lx.WEEKDAYS[p], anchor, tense, "")
        return _day(d) if d else None
    return None


def _clock(clock: str) -> tuple[int, int] | None:
    c = _norm(clock).replace(" ", "")
    if c in ("noon", "midday", "mid-day"):
        return 12, 0
    if c == "midnight":
        return 24, 0
    m = re.match(r"(\d{1,2})(?:[:.]?(\d\d))?(a\.?m\.?|p\.?m\.?|o'clock|hrs?)?$", c)
    if not m:
        return None
    h, mi = int(m[1]), int(m[2] or 0)
    suffix = (m[3] or "").replace(".", "")
    if suffix == "pm" and h < 12:
        h += 12
    elif suffix == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    return h, mi


def _r_time(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    hm = _clock(g["clock"] or "")
    if hm is None:
        return None
    h, mi = hm
    pod = _norm(g.get("pod"))
    if pod in ("afternoon", "evening", "night") and h < 12:
        h += 12
    day_phrase = g.get("day") or g.get("pre")
    if day_phrase:
        day = _day_phrase(day_phrase, anchor, tense)
        relative = not re.search(r"\d{4}", day_phrase)
    else:
        # a bare clock time belongs to the day the text is talking about, if it named one
        base = ctx.last_day or anchor
        day = _day(base) if base else "XXXX-XX-XX"
        relative = True
    if day is None:
        return None
    clock = f"{h:02d}:{mi:02d}"
    return Resolution(type=TimexType.TIME, value=f"{day}T{clock}", relative=relative, modifier=_approx(g))


def _r_clock_in_the(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    n = lx.parse_number(g["h"] or "")
    if n is None or not 0 <= n <= 12:
        return None
    h = int(n)
    if _norm(g["pod"]) in ("afternoon", "evening") and h < 12:
        h += 12
    day = _day(anchor) if anchor else "XXXX-XX-XX"
    return Resolution(type=TimexType.TIME, value=f"{day}T{h:02d}:{int(g.get('mi') or 0):02d}", relative=True)


# "last year", "that year", "the following year" inside a date: the shift and whether it counts
# from the year the story last named rather than from the anchor
_YEAR_SHIFTS: dict[str, tuple[int, bool]] = {
    "last": (-1, False), "this": (0, False), "next": (1, False), "that": (0, True), "the same": (0, True),
    "the following": (1, True), "the next": (1, True), "the previous": (-1, True),
}


def _relative_year(word: str, anchor: dt.date | None, ctx: Context) -> int | None:
    """The year of "August of that year" or "July last year"; None when it cannot be known."""
    shift, anaphoric = _YEAR_SHIFTS[word]
    if anaphoric and ctx.last_year:
        return ctx.last_year + shift
    return anchor.year + shift if anchor else None


def _r_month_day(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    month = _month_number(g["mon"] or "")
    day = _ordinal(g["d"] or "")
    if day is None or not 1 <= day <= 31:
        return None
    if g.get("y"):
        d = _safe_date(int(g["y"] or 0), month, day)
        return None if d is None else Resolution(type=TimexType.DATE, value=_day(d))
    if g.get("yrel"):
        year = _relative_year(_norm(g["yrel"]), anchor, ctx)
        if year is None:
            return Resolution(type=TimexType.DATE, value=f"XXXX-{month:02d}-{day:02d}", relative=True)
        d = _safe_date(year, month, day)
        return None if d is None else Resolution(type=TimexType.DATE, value=_day(d), relative=True)
    if _story_time(ctx, anchor, tense):
        d = _safe_date(_narrative_year(ctx, month), month, day)
        return None if d is None else Resolution(type=TimexType.DATE, value=_day(d), relative=True, from_text=True)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=f"XXXX-{month:02d}-{day:02d}", relative=True)
    rel = _norm(g.get("rel"))
    if rel:
        # "last Oct. 23": the latest such day before the anchor; "next March 3": the first after
        options = [x for x in (_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if x]
        past = rel in ("last", "this past")
        chosen = [x for x in options if (x < anchor if past else x > anchor)]
        if not chosen:
            return None
        return Resolution(type=TimexType.DATE, value=_day(chosen[-1] if past else chosen[0]), relative=True)
    d = _month_day_date(month, day, anchor, tense, governed_past=ctx.governed_past)
    return None if d is None else Resolution(type=TimexType.DATE, value=_day(d), relative=True)


def _r_day_ordinal(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    """"the 14th": that day of the month the story is in, else of the publication month or the
    one before or after it, as the tense says (the nearest when it says nothing)."""
    day = int((g["d"] or "0")[:-2])
    if g.get("mon"):
        return _r_month_day({**g, "d": str(day)}, anchor, tense, ctx, surface)
    in_view = ctx.last_month
    if in_view is not None and (anchor is None or ctx.narrative or in_view != (anchor.year, anchor.month)):
        year, month = in_view
        d = _safe_date(year, month, day)
        return None if d is None else Resolution(type=TimexType.DATE, value=_day(d), relative=True, from_text=True)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=f"XXXX-XX-{day:02d}", relative=True)
    options = [d for d in (_safe_date(*_add_months(anchor.year, anchor.month, k), day) for k in (-1, 0, 1)) if d]
    if not options:
        return None
    if tense is Tense.PAST:
        chosen = [d for d in options if d <= anchor][-1:] or options[:1]
    elif tense is Tense.FUTURE:
        chosen = [d for d in options if d >= anchor][:1] or options[-1:]
    else:
        chosen = [min(options, key=lambda d: abs((d - anchor).days))]
    return Resolution(type=TimexType.DATE, value=_day(chosen[0]), relative=True)


def _r_week_of(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    phrase = _norm(g["day"])
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+\.?)(,?\s+\d{4})?", phrase):
        phrase = f"{m[2]} {m[1]}{m[3] or ''}"  # "6 March" -> "march 6", the form _day_phrase reads
    day = _day_phrase(phrase, anchor, tense)
    if day is None:
        return None
    relative = not re.search(r"\d{4}", phrase)
    if day.startswith("X"):
        return Resolution(type=TimexType.DATE, value="XXXX-WXX", relative=True)
    return Resolution(type=TimexType.DATE, value=_week(dt.date.fromisoformat(day)), relative=relative)


def _r_month_year(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    month = _month_number(g["mon"] or "")
    ys = _norm(g["y"])
    relative = False
    if re.fullmatch(r"\d{4}", ys):
        year: int | None = int(ys)
    elif re.fullmatch(r"'\d\d", ys):
        year = _two_digit_year(int(ys[1:]), anchor)
    elif g.get("rel"):
        relative = True
        year = _relative_year(_norm(g["rel"]), anchor, ctx)
    else:
        year = _spelled_year(ys)
        if year is None:
            return None
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return Resolution(type=TimexType.DATE, value=value, relative=relative, modifier=_mod(g))


def _r_month(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    month = _month_number(g["mon"] or "")
    rel = _norm(g.get("rel"))
    if rel in ("each", "every"):
        return Resolution(type=TimexType.SET, value=f"XXXX-{month:02d}")
    if ctx.last_year and (rel == "that" or (_story_time(ctx, anchor, tense) and rel in ("", "that"))):
        year = ctx.last_year if rel == "that" else _narrative_year(ctx, month)
        return Resolution(type=TimexType.DATE, value=f"{year:04d}-{month:02d}", modifier=_mod(g),
                          relative=True, from_text=True)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=f"XXXX-{month:02d}", relative=True, modifier=_mod(g))
    year = _month_year(month, anchor, tense, rel, fronted=ctx.fronted or ctx.governed_past)
    return Resolution(type=TimexType.DATE, value=f"{year:04d}-{month:02d}", relative=True, modifier=_mod(g))


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_bounds(year: int, code: str) -> tuple[dt.date, dt.date]:
    first = _SEASON_START[code]
    ey, em = _add_months(year, first, 3)
    return dt.date(year, first, 1), dt.date(ey, em, 1)


def _r_season(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    code = lx.SEASONS[_norm(g["s"])]
    rel = _norm(g.get("rel"))
    mod = _mod(g)
    ys = _norm(g.get("y"))
    if rel in ("each", "every"):
        return Resolution(type=TimexType.SET, value=f"XXXX-{code}")
    if ys:
        if re.fullmatch(r"\d{4}", ys):
            year: int | None = int(ys)
        elif ys.startswith("'"):
            year = _two_digit_year(int(ys[1:]), anchor)
        else:
            year = _spelled_year(ys)
        if year is None:
            return None
        return Resolution(type=TimexType.DATE, value=f"{year:04d}-{code}", modifier=mod)
    if ctx.last_year and (rel == "that" or (_story_time(ctx, anchor, tense) and rel in ("", "the", "that"))):
        return Resolution(type=TimexType.DATE, value=f"{ctx.last_year:04d}-{code}", modifier=mod, relative=True,
                          from_text=True)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=f"XXXX-{code}", relative=True, modifier=mod)
    instances = [(y, *_season_bounds(y, code)) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel == "this past":
        chosen = [i for i in instances if i[2] <= anchor][-1]
        return Resolution(type=TimexType.DATE, value=f"{chosen[0]:04d}-{code}", relative=True, modifier=mod)
    if rel in ("last", "the past", "the previous"):
        # TimeBank reads "last spring" as the previous year's spring, whatever the month
        this_year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
        return Resolution(type=TimexType.DATE, value=f"{this_year - 1:04d}-{code}", relative=True, modifier=mod)
    elif rel in ("next", "this coming", "the coming", "the following"):
        chosen = next(i for i in instances if i[1] > anchor)
    elif rel == "this":
        year = anchor.year - 1 if code == "WI" and anchor.month <= 2 else anchor.year
        return Resolution(type=TimexType.DATE, value=f"{year:04d}-{code}", relative=True, modifier=mod)
    elif tense not in (Tense.PAST, Tense.FUTURE):
        chosen = min(instances, key=lambda i: abs((i[1] - anchor).days) if not i[1] <= anchor < i[2] else -1)
    elif tense is Tense.PAST:
        chosen = [i for i in instances if i[1] <= anchor][-1]
    else:
        chosen = next(i for i in instances if i[2] > anchor)
    return Resolution(type=TimexType.DATE, value=f"{chosen[0]:04d}-{code}", relative=True, modifier=mod)


_QUAL_PREVIOUS_YEAR = re.compile(r"year[\s-]*(?:ago|earlier|before)")


def _reported_quarter(ctx: Context, anchor: dt.date | None) -> tuple[int, int] | None:
    """The quarter a results text is about: the latest completed one it named ("After a flat
    second quarter" in a report on the third is a look back), else the last one it named, unless
    that one lies after the anchor's quarter: a forecast ("the third quarter of 1990") is not what
    "a year ago" and "the year-ago period" compare with, the last completed quarter is."""
    if anchor is not None:
        done = [q for q in ctx.quarters if q < _quarter(anchor)]
        if done:
            return max(done)
    if ctx.last_quarter is None or anchor is None or ctx.last_quarter <= _quarter(anchor):
        return ctx.last_quarter
    return _add_quarters(*_quarter(anchor), -1)


def _r_quarter(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    word = _norm(g.get("word") or g.get("word2"))
    half = word == "half"
    qn = g.get("qn")
    det = _norm(g.get("det"))
    qual = _norm(g.get("qual"))
    if det in ("each", "every"):
        return Resolution(type=TimexType.SET, value="P6M" if half else "P1Q")
    number: int | None = None
    if qn:
        half = qn[0].upper() == "H"
        number = int(qn[1])
    elif ordinal := _norm(g.get("ord") or g.get("ord2")):
        number = (2 if half else 4) if ordinal in ("last", "final", "latter") else _ordinal(ordinal)
        if number is None or number > (2 if half else 4):
            return None
    letter = "H" if half else "Q"
    # the year: explicit, possessive ("last year's"), or from the anchor
    year: int | None = None
    relative = True
    ys = _norm(g.get("qy") or g.get("y2") or g.get("y3"))
    poss = _norm(g.get("poss"))
    if re.fullmatch(r"\d{4}", ys):
        year, relative = int(ys), False
    elif ys.startswith("'"):
        year, relative = _two_digit_year(int(ys[1:]), anchor), False
    elif ys in ("this year", "last year", "next year", "the year") or poss:
        key = poss or ys.split()[0]
        if anchor:
            year = anchor.year + {"this": 0, "last": -1, "next": 1, "the": 0}[key]
    previous_year = bool(_QUAL_PREVIOUS_YEAR.search(qual))
    if g.get("ago") and year is None:
        # "the quarter a year ago": the reported quarter a year before; "the fourth quarter
        # last year": the anchor's previous year
        if number is None:
            previous_year = True
        elif anchor:
            year = anchor.year - 1
    if number is None:
        # no ordinal: which quarter the text means depends on the words around it
        if half:
            return None
        if word == "period" and year is not None and not ctx.quarter_near:
            # "the 2022 period" with no quarterly results around it is just that year
            return Resolution(type=TimexType.DATE, value=f"{year:04d}", relative=relative)
        current = _quarter(anchor) if anchor else ctx.last_quarter
        if current is None:
            return Resolution(type=TimexType.DATE, value=f"{year:04d}-QX" if year else "XXXX-QX", relative=True)
        ended = _ended_date(g, anchor)
        if previous_year or re.search(r"same|comparable|corresponding", qual):
            # a year before the quarter being reported; a forecast of a later quarter ("the
            # third quarter of 1990") is not the one the results are compared with
            base = _reported_quarter(ctx, anchor) or _add_quarters(*current, -1)
            y, q = base[0] - 1, base[1]
        elif det == "this" and tense is Tense.PAST and ctx.quarter_near and ctx.last_quarter == _add_quarters(
                *current, -1):
            # "This quarter's loss includes charges" in a report on the quarter just ended
            y, q = ctx.last_quarter
        elif det == "this" or "current" in qual:
            y, q = current
        elif det == "next":
            y, q = _add_quarters(*current, 1)
        elif det == "last" or re.search(r"previous|prior", qual):
            y, q = _add_quarters(*current, -1)
        elif ended:
            # a fiscal quarter "ended July 31" runs May to July: it is the calendar quarter that
            # holds most of it, the one holding its middle, 45 days before its end
            y, q = _quarter(ended - dt.timedelta(days=45))
        elif re.search(r"latest|recent|just", qual):
            # the completed quarter just named ("the fiscal second quarter ... The latest period")
            near = ctx.last_quarter if ctx.quarter_near and ctx.last_quarter and ctx.last_quarter < current else None
            y, q = near or _add_quarters(*current, -1)
        elif ctx.last_quarter:
            # "that quarter" is the one just named; "the quarter", "the 1989 period" the one reported
            y, q = (_reported_quarter(ctx, anchor) if det != "that" else None) or ctx.last_quarter
        elif tense is Tense.FUTURE:
            y, q = current
        else:
            y, q = _add_quarters(*current, -1)
        if year is not None:
            y = year
        return Resolution(type=TimexType.DATE, value=f"{y:04d}-Q{q}", relative=relative, informative=False)
    if year is None:
        if anchor is None:
            if previous_year and ctx.last_quarter:
                year = ctx.last_quarter[0] - 1
            else:
                return Resolution(type=TimexType.DATE, value=f"XXXX-{letter}{number}", relative=True)
        else:
            year = anchor.year
            start_month = (number - 1) * (6 if half else 3) + 1
            start = dt.date(year, start_month, 1)
            if (start - anchor).days > 92 and tense is not Tense.FUTURE:
                year -= 1
            if previous_year:
                year = (ctx.last_quarter[0] if ctx.last_quarter else year) - 1
    return Resolution(type=TimexType.DATE, value=f"{year:04d}-{letter}{number}", relative=relative,
                      informative=not previous_year)


def _ended_date(g: Groups, anchor: dt.date | None) -> dt.date | None:
    """The date in "the quarter ended Sept. 30", resolved to the latest one not after the anchor."""
    mon, day = g.get("qmon"), g.get("qday")
    if not mon or not day or anchor is None:
        return None
    month = _month_number(mon)
    for year in (anchor.year, anchor.year - 1):
        d = _safe_date(year, month, int(day))
        if d is not None and d <= anchor:
            return d
    return None


def _decade_value(dec: str, anchor: dt.date | None) -> tuple[str, bool] | None:
    d = _norm(dec).replace("’", "'").rstrip("s").rstrip("'")
    words = {"twentie": 2, "thirtie": 3, "fortie": 4, "fiftie": 5, "sixtie": 6, "seventie": 7, "eightie": 8,
             "ninetie": 9}
    if d in words:
        yy = words[d] * 10
    elif d.startswith("'"):
        yy = int(d[1:])
    elif re.fullmatch(r"\d{4}", d):
        year = int(d)
        if year % 100 == 0:
            return f"{year // 100:02d}", True  # "the 1800s" is a century
        return f"{year // 10:03d}", False
    else:
        return None
    year = _two_digit_year(yy, anchor)
    if year > (anchor.year if anchor else 2000):
        year -= 100
    return f"{year // 10:03d}", False


def _r_decade(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    got = _decade_value(g["dec"] or "", anchor)
    if got is None:
        return None
    return Resolution(type=TimexType.DATE, value=got[0], modifier=_mod(g))


def _bc_value(bc_year: int, unit: str, shift: int) -> str:
    """The year, decade or century ``shift`` units from the year ``bc_year`` before Christ, as a
    TIMEX3 value ("BC0491", "BC048" for the 480s BC, "BC04" for the fifth century BC)."""
    # astronomical numbering (1 BC = year 0) makes the arithmetic plain
    year = 1 - bc_year + shift * {"year": 1, "decade": 10, "century": 100}[unit]
    if year > 0:
        return f"{year:04d}" if unit == "year" else f"{year // 10:03d}" if unit == "decade" else f"{year // 100:02d}"
    bc = 1 - year
    return f"BC{bc:04d}" if unit == "year" else f"BC{bc // 10:03d}" if unit == "decade" else f"BC{bc // 100:02d}"


def _r_century(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    c = _norm(g["c"])
    mod = _mod(g)
    shift = {"this": 0, "last": -1, "the last": -1, "the past": -1, "the previous": -1, "next": 1, "the next": 1}
    if c in ("the previous", "the next") and ctx.last_bc_year is not None:
        # "the previous century" in a story of 387 BC: the fifth century BC
        return Resolution(type=TimexType.DATE, value=_bc_value(ctx.last_bc_year, "century", shift[c]),
                          relative=True, modifier=mod, from_text=True, informative=False)
    if c in shift:
        if anchor is None:
            return Resolution(type=TimexType.DATE, value="XX", relative=True, modifier=mod)
        return Resolution(type=TimexType.DATE, value=f"{(anchor.year // 100) + shift[c]:02d}", relative=True,
                          modifier=mod)
    if c == "that":
        return None
    n = _ordinal(c)
    if n is None or not 1 <= n <= 30:
        return None
    return Resolution(type=TimexType.DATE, value=f"{n - 1:02d}", modifier=mod)


def _r_year(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    year = int(g["y"] or 0)
    reported = _reported_quarter(ctx, anchor) if g.get("period") and ctx.quarter_seen else None
    if reported:
        # "the 1989 period" in a results text: the reported quarter of that year
        return Resolution(type=TimexType.DATE, value=f"{year:04d}-Q{reported[1]}", informative=False)
    return Resolution(type=TimexType.DATE, value=f"{year:04d}", modifier=_mod(g))


def _r_spelled_year(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    year = _spelled_year(g["sy"] or "")
    if year is None or not 1000 <= year <= 2100:
        return None
    return Resolution(type=TimexType.DATE, value=f"{year:04d}", modifier=_mod(g))




def _pod_code(word: str | None) -> str | None:
    """The TIMEX3 part-of-day code of a word, spaces and hyphens ignored ("mid afternoon" -> AF)."""
    return lx.PARTS_OF_DAY.get(re.sub(r"[\s-]", "", word or ""))



def _r_relday(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    rd = _norm(g["rd"])
    rd = lx.DAY_WORD_SPELLINGS.get(rd, rd)
    mod_word = _norm(g.get("mod"))
    offset = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}[rd]
    if mod_word == "the day before":
        offset -= 1
    elif mod_word == "the day after":
        offset += 1
    pod = _pod_code(_norm(g.get("pod") or g.get("pre"))) or _pod_code(mod_word)
    if rd == "tonight":
        pod = "NI"
    if anchor is None:
        day = "XXXX-XX-XX"
    else:
        d = _shift_days(anchor, offset)
        if d is None:
            return None
        day = _day(d)
    modifier = {"early": "START", "late": "END"}.get(mod_word)
    if pod:
        return Resolution(type=TimexType.TIME, value=f"{day}T{pod}", relative=True, modifier=modifier)
    return Resolution(type=TimexType.DATE, value=day, relative=True, modifier=modifier)


# A day named at most this many days before the anchor is the day a news story is about.
_STORY_DAYS = 7


def _r_this_pod(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    rel = _norm(g.get("rel"))
    code = _pod_code(_norm(g.get("pod") or g.get("ov")))
    if code is None:
        return None
    # the day the text is talking about, when it named one not after the anchor
    story = ctx.last_day if ctx.last_day is not None and (anchor is None or ctx.last_day <= anchor) else None
    base = ctx.last_day if rel in ("that", "the", "the same") and ctx.last_day else anchor
    if _norm(g.get("ov")) == "overnight":
        # "shares fell on overnight losses in New York": the night before the day of the story,
        # when the story is of the last few days; else the night before the anchor
        recent = story if story is not None and anchor is not None and (anchor - story).days <= _STORY_DAYS \
            else None
        day = recent or anchor
        base = _shift_days(day, -1) if day else None
    elif rel in ("the next", "the following", "the previous"):
        # "the next morning" counts from the story's day, like "the next day"
        day = story or anchor
        base = _shift_days(day, -1 if rel == "the previous" else 1) if day else None
    if rel == "last" and base is not None:
        base = _shift_days(base, -1) if code == "NI" else base
    if base is None:
        return Resolution(type=TimexType.TIME, value=f"XXXX-XX-XXT{code}", relative=True)
    return Resolution(type=TimexType.TIME, value=f"{_day(base)}T{code}", relative=True)


def _r_weekday(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    wd = lx.WEEKDAYS[_norm(g.get("wd") or g.get("wd2")).rstrip(".")]
    rel = _norm(g.get("rel") or g.get("rel2"))
    pod = _pod_code(_norm(g.get("pod")))
    suffix = f"T{pod}" if pod else ""
    modifier = {"early": "START", "late": "END"}.get(_norm(g.get("mod")))
    if g.get("plural") or g.get("pl2") or rel in ("each", "every"):
        return Resolution(type=TimexType.SET, value=f"XXXX-WXX-{wd}{suffix}")
    kind = TimexType.TIME if pod else TimexType.DATE
    if rel == "that" and ctx.last_day:
        anchor = ctx.last_day
    elif rel in ("the previous", "the following"):
        # anaphoric, like "the following day": the Friday before (after) the day the text is
        # talking about ("closed Friday, down 4% from the previous Friday"), else the anchor's
        base = ctx.last_day if ctx.last_day is not None and (anchor is None or ctx.last_day <= anchor) else anchor
        if base is None:
            return Resolution(type=kind, value=f"XXXX-WXX-{wd}{suffix}", relative=True, modifier=modifier)
        d = _weekday_date(wd, base, tense, rel.split()[1])
        if d is None:
            return None
        return Resolution(type=kind, value=f"{_day(d)}{suffix}", relative=True, modifier=modifier,
                          from_text=base is not anchor)
    if anchor is None:
        return Resolution(type=kind, value=f"XXXX-WXX-{wd}{suffix}", relative=True, modifier=modifier)
    d = _weekday_date(wd, anchor, tense, rel)
    if d is None:
        return None
    return Resolution(type=kind, value=f"{_day(d)}{suffix}", relative=True, modifier=modifier)


_UNIT_SIGN = {"ago": -1, "earlier": -1, "before": -1, "back": -1, "previously": -1, "prior": -1, "since": -1,
              "later": 1, "after": 1, "from now": 1, "hence": 1}


def _point_value(anchor: dt.date, unit: str, n: int) -> str | None:
    """The anchor shifted by ``n`` units, written at that unit's precision."""
    try:
        if unit in ("second", "minute", "hour", "day"):
            d = anchor + dt.timedelta(days=n if unit == "day" else 0)
            return _day(d)
        if unit in ("week", "fortnight"):
            return _week(anchor + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
        if unit == "month":
            y, m = _add_months(anchor.year, anchor.month, n)
            return f"{y:04d}-{m:02d}" if 0 < y < 10000 else None
        if unit == "quarter":
            y, q = _add_quarters(*_quarter(anchor), n)
            return f"{y:04d}-Q{q}" if 0 < y < 10000 else None
        if unit == "year":
            y = anchor.year + n
            return f"{y:04d}" if 0 < y < 10000 else None
        if unit == "decade":
            y = anchor.year + 10 * n
            return f"{y // 10:03d}" if 0 < y < 10000 else None
        if unit in ("century", "millennium"):
            y = anchor.year + (100 if unit == "century" else 1000) * n
            return f"{y // 100:02d}" if 0 < y < 10000 else None
    except (OverflowError, ValueError):
        return None
    return None


def _story_shift(ctx: Context, unit: str, n: float) -> str | None:
    """In a narrative, "two days later" is two days after the day the story last named, at the
    unit's precision, and "two years earlier" two years before the year it last named; None when
    the story has not named a time that fine (or is not a story).

    News keeps such expressions as durations (TimeBank), because its last named date is seldom
    the event the phrase counts from; a chronicle moves forward from date to date.
    """
    if not ctx.narrative or n != int(n):
        return None
    k = int(n)
    if unit in ("day", "week"):
        day = ctx.last_day
        if day is not None and day.year == ctx.last_year and ctx.last_month in (None, (day.year, day.month)):
            return _point_value(day, unit, k)
        if ctx.last_year:
            # the story has moved on to a month or year since its last named day ("in October ...
            # four days later"): a day of the story's year, which one unknown
            return f"{ctx.last_year:04d}-" + ("XX-XX" if unit == "day" else "WXX")
        return None
    if unit == "month":
        month = ctx.last_month or ((ctx.last_day.year, ctx.last_day.month) if ctx.last_day else None)
        return None if month is None else _point_value(dt.date(month[0], month[1], 1), "month", k)
    if unit in ("year", "decade", "century") and ctx.last_year:
        return _point_value(dt.date(ctx.last_year, 7, 1), unit, k)
    return None


def _r_ago(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = lx.UNITS.get(_norm(g["u"]))
    if unit is None:
        return None
    direction = _norm(g["dir"])
    sign = _UNIT_SIGN[direction]
    count = lx.parse_number(g["n"] or "")
    modifier = _approx(g)
    if direction in ("later", "after") or (direction in ("earlier", "before", "previously", "prior")
                                           and unit in ("second", "minute", "hour", "day")):
        story = _story_shift(ctx, unit, sign * count) if count is not None and direction != "after" else None
        if story is not None:
            # a look back ("two days earlier") is a flashback: the story stays where it was
            return Resolution(type=TimexType.DATE, value=story, relative=True, modifier=modifier, from_text=True,
                              informative=sign > 0)
        if count is None and ctx.narrative and direction != "after":
            # "a few days later" in a chronicle: a time after the story's, how long unknown
            return Resolution(type=TimexType.DATE, value="PAST_REF" if sign < 0 else "FUTURE_REF", relative=True)
        # "three days later" counts from an event, not from the document date: TimeBank keeps
        # the duration
        return Resolution(type=TimexType.DURATION, value=_duration_value(count, unit), modifier=modifier)
    if count is None:
        return Resolution(type=TimexType.DATE, value="PAST_REF" if sign < 0 else "FUTURE_REF", relative=True)
    n = sign * max(1, math.floor(count + 0.5))
    if direction in ("earlier", "before", "previously", "prior") and (
            story := _story_shift(ctx, unit, n)) is not None:
        # "two years earlier" in a chronicle counts back from the story's year, not from today
        # ("ago" stays deictic); a flashback, it does not move the story's time
        return Resolution(type=TimexType.DATE, value=story, relative=True, modifier=modifier, from_text=True,
                          informative=False)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=_unanchored_unit(unit), relative=True, modifier=modifier)
    reported = _reported_quarter(ctx, anchor)
    if unit == "year" and abs(n) == 1 and sign < 0 and ctx.quarter_near and reported:
        # "a year earlier" beside quarterly results means the same quarter a year before
        y, q = reported
        return Resolution(type=TimexType.DATE, value=f"{y - 1:04d}-Q{q}", relative=True, modifier=modifier,
                          informative=False)
    value = _point_value(anchor, unit, n)
    if value is None:
        return None
    return Resolution(type=TimexType.DATE, value=value, relative=True, modifier=modifier)


def _unanchored_unit(unit: str) -> str:
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX", "fortnight": "XXXX-WXX", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}.get(unit, "XXXX")


def _r_adj_ago(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = _norm(g["adj"])
    reported = _reported_quarter(ctx, anchor)
    if unit == "year" and ctx.quarter_near and reported:
        y, q = reported
        return Resolution(type=TimexType.DATE, value=f"{y - 1:04d}-Q{q}", relative=True, informative=False)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=_unanchored_unit(unit), relative=True)
    value = _point_value(anchor, unit, -1)
    return None if value is None else Resolution(type=TimexType.DATE, value=value, relative=True)


_REL_SHIFT = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "this": 0, "current": 0,
              "present": 0, "same": 0, "latest": 0, "entire": 0, "whole": 0, "full": 0, "new": 0, "recent": -1,
              "next": 1, "coming": 1, "following": 1, "upcoming": 1, "ensuing": 1, "subsequent": 1}


def _weekend(anchor: dt.date, shift: int, tense: Tense, *, bare: bool = False) -> str:
    """The ISO week of the weekend meant: the last one for the past, the coming one otherwise.

    A bare "the weekend" without a future cue is the last one, as a bare weekday is: news
    reports what happened ("over the weekend, protests spread" in Monday's paper); "this
    weekend" without a cue is the coming one."""
    monday = anchor - dt.timedelta(days=anchor.isoweekday() - 1)
    in_weekend = anchor.isoweekday() >= 6
    past = tense is Tense.PAST or (bare and tense is not Tense.FUTURE)
    if (shift == 0 and not in_weekend and past) or (shift == -1 and in_weekend):
        shift = -1
    return _week(monday + dt.timedelta(weeks=shift)) + "-WE"


def _r_rel_unit(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = lx.UNITS.get(_norm(g["u"]), _norm(g["u"]))
    rel = _norm(g.get("rel"))
    det = _norm(g.get("det"))
    mod_word = _norm(g.get("mod"))
    fiscal = bool(g.get("fiscal"))
    modifier = _mod(g)
    shift = _REL_SHIFT.get(rel, 0)
    if not rel and det == "the" and unit == "year" and not mod_word and re.search(
            r"ended|ending|ends", _norm(g.get("tail"))):
        return Resolution(type=TimexType.DURATION, value="P1Y")
    if rel == "past" and det == "the" and unit == "decade":
        return Resolution(type=TimexType.DURATION, value="P10Y")
    if rel == "latest" and fiscal:
        shift = -1
    if mod_word in ("the first half of", "the second half of") and unit == "year":
        if anchor is None:
            return Resolution(type=TimexType.DATE, value="XXXX-H" + ("1" if "first" in mod_word else "2"),
                              relative=True)
        half = "1" if "first" in mod_word else "2"
        return Resolution(type=TimexType.DATE, value=f"{anchor.year + shift:04d}-H{half}",
                          relative=True)
    base = anchor
    if det == "that" or rel in ("same",) or (rel in ("following", "previous", "preceding", "ensuing",
                                                          "subsequent", "prior") and det == "the") \
            or (ctx.narrative and det == "the" and rel in ("next", "")
                and not (anchor is not None and ctx.firm_future)):
        # anaphoric: relative to the time the text is talking about, when it named one
        if ctx.last_bc_year is not None and unit in ("year", "decade", "century"):
            # "the following year" after "492 BC": counted on the years before Christ
            return Resolution(type=TimexType.DATE, value=_bc_value(ctx.last_bc_year, unit, shift), relative=True,
                              modifier=modifier, from_text=True, informative=shift >= 0)
        if unit == "year" and ctx.last_year:
            base = dt.date(ctx.last_year, 7, 1)
        elif unit == "day" and ctx.last_day:
            base = ctx.last_day
        elif unit == "month" and ctx.last_month:
            base = dt.date(*ctx.last_month, 15)
    if base is None:
        return Resolution(type=TimexType.DATE, value=_unanchored_unit(unit) + ("-WE" if unit == "weekend" else ""),
                          relative=True, modifier=modifier)
    from_text = base is not anchor
    if unit == "weekend":
        weekend = _weekend(base, shift, tense, bare=not rel and det == "the")
        return Resolution(type=TimexType.DATE, value=weekend, relative=True, modifier=modifier, from_text=from_text)
    value = _point_value(base, unit, shift)
    if value is None:
        return None
    # "the previous year" in a story looks back: the story's time stays where it was
    return Resolution(type=TimexType.DATE, value=value, relative=True, modifier=modifier, from_text=from_text,
                      informative=not (from_text and shift < 0))


def _r_year_end(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    w = _norm(g["w"])
    modifier = "START" if re.search(r"beginning|start", w) else "MID" if "middle" in w else "END"
    suffix = _norm(g.get("suffix")).strip("- ")
    unit = "month" if "month" in w else "week" if "week" in w else "decade" if "decade" in w else \
        "quarter" if "quarter" in w else "year"
    if suffix:
        return Resolution(type=TimexType.DATE, value=suffix, modifier=modifier)
    if ctx.narrative and unit == "year" and ctx.last_year and not (anchor is not None and ctx.firm_future):
        # "at the end of the year" in a chronicle of 1776 is the end of 1776
        return Resolution(type=TimexType.DATE, value=f"{ctx.last_year:04d}", relative=True, modifier=modifier,
                          from_text=True)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value=_unanchored_unit(unit), relative=True, modifier=modifier)
    value = _point_value(anchor, unit, 0)
    return None if value is None else Resolution(type=TimexType.DATE, value=value, relative=True, modifier=modifier)


def _duration_value(count: float | None, unit: str, half: bool = False) -> str:
    letter, is_time, mult = lx.UNIT_CODES[unit]
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{letter}" if mult == 1 else ("PXY" if unit != "century" else "PXC")
    total = count * mult + (0.5 * mult if half else 0)
    if total != int(total):
        # a fractional count goes down one unit where TIMEX3 has one: 1.5 hours -> PT90M
        smaller = {"H": ("M", 60), "M": ("S", 60) if is_time else ("D", 30), "Y": ("M", 12), "D": ("H", 24),
                   "W": ("D", 7)}
        if letter in smaller:
            small, factor = smaller[letter]
            whole = int(total)
            rest = round((total - whole) * factor)
            time_part = is_time or small == "H"
            if whole:
                head = f"{prefix}{whole}{letter}"
                return head + ("T" if time_part and not is_time else "") + f"{rest}{small}"
            return ("PT" if time_part else "P") + f"{rest}{small}"
        return f"{prefix}{total:g}{letter}"
    return f"{prefix}{int(total)}{letter}"


def _r_duration(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = lx.UNITS.get(_norm(g["u"]))
    if unit is None:
        return None
    n_word = _norm(g["n"])
    count = None if g.get("lo") else lx.parse_number(n_word)
    value = _duration_value(count, unit, bool(g.get("half")))
    modifier = _approx(g) or ("APPROX" if g.get("orso") else None)
    return Resolution(type=TimexType.DURATION, value=value, modifier=modifier)


def _r_adj_duration(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = lx.UNITS[_norm(g["u"])]
    n = _norm(g["n"])
    count = 0.5 if n == "half" else None if n in ("several", "multi") else lx.parse_number(n)
    return Resolution(type=TimexType.DURATION, value=_duration_value(count, unit))


def _r_bare_units(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = lx.UNITS[_norm(g["u"])]
    q = _norm(g.get("q"))
    if (q in ("past", "the past", "recent", "the recent") and unit == "year") or q in ("recent past",):
        return Resolution(type=TimexType.DATE, value="PAST_REF", relative=True)
    return Resolution(type=TimexType.DURATION, value=_duration_value(None, unit))


def _r_decades_adj(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    return Resolution(type=TimexType.DURATION, value=_duration_value(None, lx.UNITS[_norm(g["u"])]))


_SET_UNITS = {"second": "PT1S", "minute": "PT1M", "hour": "PT1H", "day": "P1D", "night": "P1D", "week": "P1W",
              "weekend": "P1W", "month": "P1M", "quarter": "P1Q", "year": "P1Y", "decade": "P10Y",
              "morning": "P1D", "evening": "P1D", "afternoon": "P1D"}


def _r_set(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    u = _norm(g["u"])
    other = "other" in _norm(surface)
    if u in lx.WEEKDAYS:
        return Resolution(type=TimexType.SET, value=f"XXXX-WXX-{lx.WEEKDAYS[u]}")
    if u in lx.MONTHS:
        return Resolution(type=TimexType.SET, value=f"XXXX-{lx.MONTHS[u]:02d}")
    if u in lx.SEASONS:
        return Resolution(type=TimexType.SET, value=f"XXXX-{lx.SEASONS[u]}")
    value = _SET_UNITS[u]
    if other:
        value = re.sub(r"1", "2", value, count=1)
    return Resolution(type=TimexType.SET, value=value)


def _r_set_adv(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    return Resolution(type=TimexType.SET, value=lx.SET_ADVERBS[_norm(g["adv"])])


def _r_vague(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    value = lx.VAGUE_WORDS[_norm(g["v"])]
    if not value.endswith("_REF"):  # "the weeks ahead": a vague duration
        return Resolution(type=TimexType.DURATION, value=value)
    return Resolution(type=TimexType.DATE, value=value, relative=True)


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of a holiday from :data:`timeline.timex.lexicon.HOLIDAYS` in a given year."""
    rule = lx.HOLIDAYS.get(name)
    if rule is None or not 1 <= year <= 9999:
        return None
    if isinstance(rule, int):
        return _shift_days(_easter(year), rule)
    if len(rule) == 2:
        return _safe_date(year, rule[0], rule[1])
    month, weekday, n = rule
    if n == 0:
        # US Election Day: the Tuesday after the first Monday of November
        first = dt.date(year, month, 1)
        monday = first + dt.timedelta(days=(1 - first.isoweekday()) % 7)
        return monday + dt.timedelta(days=1)
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    ny, nm = _add_months(year, month, 1)
    last = dt.date(ny, nm, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def _r_holiday(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    """A holiday's day; "Easter week", "Thanksgiving week", "Holy Week": the ISO week holding it."""
    name = _norm(g["h"])
    rel = _norm(g.get("rel"))
    if g.get("wk") or name == "holy week":
        return _holiday_week(name, g, anchor, tense)
    if g.get("y"):
        d = holiday_date(name, int(g["y"] or 0))
        return None if d is None else Resolution(type=TimexType.DATE, value=_day(d))
    if rel in ("each", "every"):
        rule = lx.HOLIDAYS[name]
        value = f"XXXX-{rule[0]:02d}-{rule[1]:02d}" if isinstance(rule, tuple) and len(rule) == 2 else "XXXX-XX-XX"
        return Resolution(type=TimexType.SET, value=value)
    if anchor is None:
        return Resolution(type=TimexType.DATE, value="XXXX-XX-XX", relative=True)
    options = [d for d in (holiday_date(name, anchor.year + k) for k in (-1, 0, 1)) if d]
    if rel in ("last", "this past"):
        past = [d for d in options if d < anchor]
        chosen = past[-1] if past else options[0]
    elif rel in ("next", "this coming"):
        chosen = next((d for d in options if d > anchor), options[-1])
    elif rel == "this":
        chosen = next((d for d in options if d.year == anchor.year), options[0])
    elif tense is Tense.PAST:
        # a holiday comes once a year: the tense says which one
        chosen = next((d for d in reversed(options) if d <= anchor), options[0])
    elif tense is Tense.FUTURE:
        chosen = next((d for d in options if d >= anchor), options[-1])
    else:
        chosen = min(options, key=lambda d: abs((d - anchor).days))
    return Resolution(type=TimexType.DATE, value=_day(chosen), relative=True)


def _holiday_week(name: str, g: Groups, anchor: dt.date | None, tense: Tense) -> Resolution | None:
    """The week of a holiday. Which year's: a past sentence takes the last week that had begun by
    the publication day ("as Easter week began", written on its Monday), a future one the next
    week not yet over, otherwise the nearest."""
    if g.get("y"):
        d = holiday_date(name, int(g["y"] or 0))
        return None if d is None else Resolution(type=TimexType.DATE, value=_week(d))
    if anchor is None:
        return Resolution(type=TimexType.DATE, value="XXXX-WXX", relative=True)
    days = [d for d in (holiday_date(name, anchor.year + k) for k in (-1, 0, 1)) if d]
    weeks = [(d - dt.timedelta(days=d.isoweekday() - 1), d) for d in days]  # (its Monday, the holiday)
    rel = _norm(g.get("rel"))
    if rel in ("last", "this past") or (tense is Tense.PAST and not rel):
        chosen = next((d for monday, d in reversed(weeks) if monday <= anchor), days[0])
    elif rel in ("next", "this coming") or (tense is Tense.FUTURE and not rel):
        chosen = next((d for monday, d in weeks if monday + dt.timedelta(days=6) >= anchor), days[-1])
    else:
        chosen = min(days, key=lambda d: abs((d - anchor).days))
    return Resolution(type=TimexType.DATE, value=_week(chosen), relative=True)


def _r_vague_ago(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    if _norm(g["dir"]) == "ago":
        return Resolution(type=TimexType.DATE, value="PAST_REF", relative=True)
    if ctx.narrative:
        # "weeks earlier", "days later" in a chronicle: a time before or after the story's
        return Resolution(type=TimexType.DATE, value="PAST_REF" if _norm(g["dir"]) == "earlier" else "FUTURE_REF",
                          relative=True)
    # "hours later": counted from an event, a duration of some hours (as "three days later")
    return Resolution(type=TimexType.DURATION, value=_duration_value(None, lx.UNITS[_norm(g["u"])]))


def _r_set_every(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    unit = lx.UNITS.get(_norm(g["u"]))
    count = lx.parse_number(g["n"] or "")
    if unit is None:
        return None
    return Resolution(type=TimexType.SET, value=_duration_value(count, unit))


def _r_short_year(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    yy = int(g["yy"] or 0)
    if ctx.narrative and ctx.last_year:
        # "the Class of '89" in a history of the 1780s: the century the text is in
        century = ctx.last_year // 100 * 100
        year = century + yy if century + yy <= ctx.last_year + 20 else century - 100 + yy
    else:
        year = _two_digit_year(yy, anchor)
    return Resolution(type=TimexType.DATE, value=f"{year:04d}")


def _r_era_year(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str) -> Resolution | None:
    year = int(g.get("y") or g.get("y1") or g.get("y2") or 0)
    era = _norm(g.get("era") or g.get("era2")).replace(".", "")
    if era.startswith("b"):
        return Resolution(type=TimexType.DATE, value=f"BC{year:04d}")
    return None if year == 0 else Resolution(type=TimexType.DATE, value=f"{year:04d}")


def _r_day_next_to(g: Groups, anchor: dt.date | None, tense: Tense, ctx: Context, surface: str
                   ) -> Resolution | None:
    """"the day before", "the day after": next to the day the text last named, else to the
    anchor."""
    base = ctx.last_day or anchor
    if base is None:
        return Resolution(type=TimexType.DATE, value="XXXX-XX-XX", relative=True)
    day = _shift_days(base, -1 if _norm(g["dir"]) == "before" else 1)
    return None if day is None else Resolution(type=TimexType.DATE, value=_day(day), relative=True,
                                               from_text=base is not anchor)


_RESOLVERS: dict[str, Resolver] = {
    "era_year": _r_era_year, "short_year": _r_short_year, "set_every": _r_set_every, "day_range": _r_month_day,
    "day_ordinal": _r_day_ordinal, "day_next_to": _r_day_next_to,
    "holiday": _r_holiday, "vague_ago": _r_vague_ago,
    "iso": _r_iso, "numeric": _r_numeric, "time": _r_time, "clock_in_the": _r_clock_in_the,
    "mdy": _r_month_day, "dmy": _r_month_day, "week_of": _r_week_of, "month_year": _r_month_year, "month": _r_month,
    "season": _r_season, "quarter": _r_quarter, "decade": _r_decade, "century": _r_century, "year": _r_year,
    "spelled_year": _r_spelled_year, "relday": _r_relday, "this_pod": _r_this_pod, "weekday": _r_weekday,
    "ago": _r_ago, "adj_ago": _r_adj_ago, "rel_unit": _r_rel_unit, "year_end": _r_year_end,
    "duration": _r_duration, "adj_duration": _r_adj_duration, "bare_units": _r_bare_units,
    "decades_adj": _r_decades_adj, "set": _r_set, "set_adv": _r_set_adv, "vague": _r_vague,
}


def resolve(candidate: Candidate, surface: str, *, anchor: dt.date | None, tense: Tense,
            context: Context) -> Resolution | None:
    """The TIMEX3 meaning of a candidate, or None when its parts turn out not to be a date
    (an impossible day such as "Feb. 30")."""
    resolver = _RESOLVERS[candidate.kind]
    try:
        res = resolver(candidate.groups, anchor, tense, context, surface)
    except (ValueError, OverflowError, KeyError, StopIteration, IndexError):
        # a date the calendar cannot hold (year 0, week 54): not an expression we can normalise
        return None
    if res is not None and res.informative and context.narrative and tense is Tense.FUTURE \
            and candidate.kind in _EXPLICIT_KINDS and candidate.groups.get("y"):
        # "a campaign planned for 1976" in a story of 1975 looks ahead: the story stays in 1975
        return replace(res, informative=False)
    return res


# expressions that may name their year outright (when their "y" part is there)
_EXPLICIT_KINDS = frozenset({"year", "mdy", "dmy", "month_year", "iso", "numeric", "season"})
