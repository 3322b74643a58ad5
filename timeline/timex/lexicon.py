"""Word tables of the temporal tagger: calendar names, number words, units, parts of day.

Every table maps a lower-cased surface word to what it means. The grammar in
:mod:`timeline.timex.patterns` builds its regular expressions from the keys, and
:mod:`timeline.timex.normalise` reads the values, so a word added here is both recognised and
understood.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "DAY_WORD_SPELLINGS",
    "HOLIDAYS",
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINALS",
    "PARTS_OF_DAY",
    "SEASONS",
    "SET_ADVERBS",
    "TENS_WORDS",
    "UNITS",
    "UNIT_CODES",
    "VAGUE_WORDS",
    "WEEKDAYS",
    "parse_number",
]

# Month names and the abbreviations news agencies print (AP style writes "Sept." and "Feb.").
MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# ISO weekday numbers (Monday = 1), the numbering TIMEX3 uses in "XXXX-WXX-2".
WEEKDAYS: Final[dict[str, int]] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

# TIMEX3 part-of-day codes appended to a date ("2025-02-17TMO"); keys are written without spaces
# or hyphens, the normaliser removes them before looking up ("mid-afternoon" -> "midafternoon").
PARTS_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midafternoon": "AF",
    "midmorning": "MO", "overnight": "NI", "tonight": "NI", "nite": "NI",
}

# TIMEX3 season codes. "fall" and "autumn" are the same season.
SEASONS: Final[dict[str, str]] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

# Calendar units by every spelling used in news, singular and plural, to the canonical unit.
UNITS: Final[dict[str, str]] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute", "min": "minute",
    "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "month": "month", "months": "month", "quarter": "quarter",
    "quarters": "quarter", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "millennium": "millennium", "millennia": "millennium", "weekend": "weekend", "weekends": "weekend",
}

# Canonical unit -> (TIMEX3 duration letter, whether it belongs after the "T", multiplier).
# Decades and centuries are written in years ("two decades" -> P20Y), the form TimeBank uses
# most, and fortnights in weeks.
UNIT_CODES: Final[dict[str, tuple[str, bool, int]]] = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
    "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100), "millennium": ("Y", False, 1000), "weekend": ("D", False, 2),
}

# Cardinal number words up to nineteen, plus the articles that mean "one" before a unit.
NUMBER_WORDS: Final[dict[str, float]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12,
    "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "a pair of": 2, "half a": 0.5,
    "a half": 0.5,
}

# Tens, combined with NUMBER_WORDS units as "twenty-four" or "twenty four".
TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

# Ordinals for quarters, halves, days of a month and centuries.
ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
    "last": -1, "final": -1,
}

# Frequency adverbs -> TIMEX3 SET value. "quarterly" is left out: in news it is almost always the
# adjective of "quarterly results", which TimeBank does not annotate.
SET_ADVERBS: Final[dict[str, str]] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M",
}

# Vague references to the document time, with the TIMEX3 token TimeBank uses for each.
# Words TimeBank annotates inconsistently ("previously", "once", "later", "the moment") are left
# out: measured on TimeBank and AQUAINT, each is more often unannotated than annotated.
VAGUE_WORDS: Final[dict[str, str]] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "right now": "PRESENT_REF", "just now": "PRESENT_REF", "the present": "PRESENT_REF",
    "the present day": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "more recently": "PAST_REF", "most recently": "PAST_REF", "until recently": "PAST_REF",
    # "the then current price": the present of a past moment, so a past reference
    "then current": "PAST_REF", "then-current": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF",
    "the medium term": "FUTURE_REF",
    # "Islam will one day be...": some day to come; recognised only after a modal or "to"
    # (timeline.timex.patterns), elsewhere "one day" is a duration
    "one day": "FUTURE_REF",
    # a plural unit ahead is the span to come, which TimeBank writes as a vague duration
    "the years ahead": "PXY", "the months ahead": "PXM", "the weeks ahead": "PXW", "the days ahead": "PXD",
}

# Informal spellings of today/tomorrow/tonight (social media), to their standard word.
DAY_WORD_SPELLINGS: Final[dict[str, str]] = {
    "tmr": "tomorrow", "tmrw": "tomorrow", "tmw": "tomorrow", "tomoro": "tomorrow", "tomorow": "tomorrow",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "tdy": "today", "2day": "today",
    "tonite": "tonight", "2nite": "tonight", "2night": "tonight",
}

# Holidays: (month, day) for fixed dates; (month, ISO weekday, n) for "the n-th weekday of the
# month" (n = -1: the last); an int for days after Easter Sunday. US holidays, as in US news.
HOLIDAYS: Final[dict[str, tuple[int, int] | tuple[int, int, int] | int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "xmas": (12, 25), "x-mas": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new years day": (1, 1), "new year's eve": (12, 31), "new years eve": (12, 31),
    "valentine's day": (2, 14), "valentines day": (2, 14), "st. patrick's day": (3, 17),
    "st patrick's day": (3, 17), "independence day": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
    "halloween": (10, 31), "veterans day": (11, 11), "veterans' day": (11, 11), "armistice day": (11, 11),
    "remembrance day": (11, 11), "may day": (5, 1), "bastille day": (7, 14), "groundhog day": (2, 2),
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3), "martin luther king jr. day": (1, 1, 3),
    "mlk day": (1, 1, 3), "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3), "columbus day": (10, 1, 2),
    "mother's day": (5, 7, 2), "mothers day": (5, 7, 2), "father's day": (6, 7, 3), "fathers day": (6, 7, 3),
    "election day": (11, 2, 0), "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2,
    "palm sunday": -7, "ash wednesday": -46, "pentecost": 49,
    "holy week": 0,  # the week that ends on Easter Sunday: always read as a week
}


def parse_number(words: str) -> float | None:
    """The value of a number written in digits or words ("24", "twenty-four", "2 1/2",
    "a hundred", "nineteen"), or None when it is a vague quantity ("several", "a few")."""
    w = " ".join(words.lower().replace("-", " ").split())
    if not w:
        return None
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    compact = w.replace(",", "")
    try:
        return float(compact)
    except ValueError:
        pass
    parts = w.split()
    # "2 1/2", "two and a half"
    if len(parts) == 2 and "/" in parts[1]:
        whole = parse_number(parts[0])
        num, _, den = parts[1].partition("/")
        if whole is not None and num.isdigit() and den.isdigit() and int(den):
            return whole + int(num) / int(den)
    if w.endswith(" and a half"):
        whole = parse_number(w[: -len(" and a half")])
        return None if whole is None else whole + 0.5
    total = 0.0
    current = 0.0
    seen = False
    for p in parts:
        if p == "and":
            continue
        if p in ("a", "an") and not seen:
            current = 1
            seen = True
        elif p in TENS_WORDS:
            current += TENS_WORDS[p]
            seen = True
        elif p in NUMBER_WORDS:
            current += NUMBER_WORDS[p]
            seen = True
        elif p == "hundred":
            current = (current or 1) * 100
            seen = True
        elif p == "thousand":
            total += (current or 1) * 1000
            current = 0
            seen = True
        elif p.isdigit():
            current += int(p)
            seen = True
        else:
            return None
    return total + current if seen else None
