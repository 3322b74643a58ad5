"""The recognition grammar: where temporal expressions are in a text, and of which kind.

Algorithm:
1. Each :data:`RULES` entry is a compiled regular expression for one family of expressions
   (explicit dates, weekdays, quarters, durations...), built from the word tables in
   :mod:`timeline.timex.lexicon`, plus an acceptance check for matches that need context
   (a capitalised "May", a bare "fall" after "in").
2. :func:`find_candidates` runs every rule over the text and keeps, greedily, the longest
   accepted matches that do not overlap (ties: earlier start, then earlier rule).
   A rule runs only when one of its trigger substrings occurs in the text, and then only near
   the occurrences: every match holds one and reads a bounded number of characters, computed
   from the rule's parsed form (:func:`_reach`), so searching windows around the occurrences
   yields exactly the matches a scan of the whole text would (:func:`_scan`), at a fraction of
   the cost. Texts with very long runs of letters or spaces, the one rule with an unbounded
   repeat (quarter) and rules whose triggers are everywhere (vague) are scanned whole.
   The ends of ranges that no rule finds alone ("25" in "April 24 and 25", "17" in "1915-17",
   "August" in "August-September 1950") are then read next to the end that dates them, and
   handed on as candidates of the kind of that end (:func:`_with_range_ends`).
3. Spans follow the TimeML TIMEX3 conventions: determiners, modifiers ("early", "the past",
   "more than") and "ago"/"earlier" belong to the expression; prepositions and signals
   ("on", "in", "since", "until", "from ... to") do not.

What a match means is decided later, in :mod:`timeline.timex.normalise`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from timeline.timex import lexicon as lx

__all__ = ["RULES", "Candidate", "find_candidates"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Candidate:
    """One recognised expression: its rule, span and the named parts the rule captured."""

    kind: str
    start: int
    end: int
    groups: Mapping[str, str | None]


def _alt(words: Iterable[object]) -> str:
    """A regex alternation of words, longest first so that "sept" wins over "sep"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


# --- fragments -------------------------------------------------------------------------------
# start of a word: not inside one, not after an apostrophe ("o'clock"), not a hashtag or handle
_B = r"(?<![\w'’#@])"
_E = r"(?![\w])"  # end of a word
_MONTH_FULL = _alt(k for k in lx.MONTHS if len(k) > 4 or k in ("may", "june", "july"))
_MONTH_ABBR = _alt(k for k in lx.MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))
# an abbreviation may carry its period ("Sept."), a full name never eats a sentence stop
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR}\.?)"
_WEEKDAY = _alt(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_UNITS_NUM = "(?:one|two|three|four|five|six|seven|eight|nine)"
# abbreviations, recognised only after "this", "next", "every"...: "sat" and "sun" are words too
_WEEKDAY_ABBR = _alt(k for k in lx.WEEKDAYS if len(k) <= 5 and not k.endswith("day"))
_TEENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = _alt(lx.TENS_WORDS)
_NUMW_SMALL = rf"(?:{_TENS}(?:[\s-]+{_UNITS_NUM})?|{_TEENS}|{_UNITS_NUM})"
_NUMW = rf"(?:(?:a|{_NUMW_SMALL})\s+hundred(?:\s+(?:and\s+)?{_NUMW_SMALL})?|{_NUMW_SMALL}(?:\s+thousand)?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+\d/\d)?"
# counts, vague counts first so that "a few" is not read as "a" + "few"
_QTY = (rf"(?:a\s+couple\s+of|a\s+couple|couple\s+of|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of|"
        rf"a\s+few|a\s+number\s+of|several|few|many|numerous|half\s+a|"
        rf"{_NUMW}(?:\s+and\s+a\s+half)?|{_DIGITS}|an|a)")
_UNIT_SG = "(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|millennium)"
_UNIT_PL = "(?:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years|decades|centuries|millennia)"
_UNIT = rf"(?:{_UNIT_PL}|{_UNIT_SG}|hrs|hr|mins|min|yrs|wks|wk)"
# units written straight after the digits in informal text: "24hrs", "2wks", "16days"
_GLUED_UNIT = r"(?:hrs?|mins?|yrs?|wks?|seconds|minutes|hours|days|weeks|months|years)(?!\w)"
_APPROX = (r"(?:more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|no\s+less\s+than|not\s+more\s+than|"
           r"at\s+least|at\s+most|up\s+to|nearly|almost|about|around|approximately|roughly|some|over|under|"
           r"just\s+over|just\s+under|well\s+over|close\s+to|upwards\s+of|barely|only|just|a\s+full|"
           r"an\s+additional|another|the\s+better\s+part\s+of)")
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_MOD = (r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        r"the\s+close\s+of|the\s+turn\s+of|the\s+latter\s+part\s+of|the\s+early\s+part\s+of|"
        r"the\s+end\s+of\s+the\s+month\s+of|the\s+dawn\s+of|the\s+height\s+of)")
_YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
# words before "year" that name a year relative to the anchor or to the story: "August of that year"
_YEAR_REL = r"(?:last|this|next|that|the\s+same|the\s+following|the\s+previous|the\s+next)"
_SPELLED_YEAR = (rf"(?:(?:nineteen|eighteen|seventeen|twenty)[\s-]+(?:{_TENS}(?:[\s-]+{_UNITS_NUM})?|"
                 rf"{_TEENS}|oh[\s-]+{_UNITS_NUM}|hundred)|two\s+thousand(?:\s+(?:and\s+)?{_NUMW_SMALL})?)")
_TZ = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local\s+time)"
# clock times: "5 p.m.", "10:35 a.m.", "7.30am" and "430pm" (informal), "noon"
_CLOCK = (r"(?:(?:\d{1,2}(?:[:.]\d{2})?|[1-9][0-5]\d|1[0-2][0-5]\d)\s*(?:a\.m\.?|p\.m\.?|am|pm|a\.\s?m\.|p\.\s?m\.|"
          r"o'clock)(?![\w])|"
          r"(?:[01]\d|2[0-3]):?[0-5]\d\s?hrs?(?![\w])|"  # military time: "05:30hrs", "1900 hrs"
          r"\d{1,2}:\d{2}(?!:?\d)|noon|midnight|midday|mid-?day)")
# what joins the two ends of a range of days: "April 6-7", "May 4 and 5", "Nov. 12 through 14"
_RANGE_TO = r"(?:-|–|and|&|to|through|thru)"
_DAYWORD = rf"(?:today|tonight|tomorrow|yesterday|{_alt(lx.DAY_WORD_SPELLINGS)})"
_POD = r"(?:morning|afternoon|evening|night|nite)"


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a rule. Unbounded whitespace runs are capped at three characters: words of one
    expression are never further apart, and an unbounded ``\\s*`` before an optional part makes
    the engine quadratic on long runs of spaces."""
    bounded = pattern.replace(r"\s+", r"\s{1,3}").replace(r"\s*", r"\s{0,3}")
    return re.compile(bounded, re.IGNORECASE)


# --- acceptance checks --------------------------------------------------------------------------
_PRECEDING_WORD = re.compile(r"([A-Za-z]+)\W*$")


def _prev_word(text: str, start: int) -> str:
    m = _PRECEDING_WORD.search(text, max(0, start - 25), start)
    return m.group(1).lower() if m else ""


_MONTH_CONTEXT = frozenset({"in", "since", "until", "till", "by", "from", "to", "of", "through", "before", "after",
                            "early", "late", "mid", "last", "next", "this", "during", "between", "and", "or",
                            "throughout", "each", "every", "end", "beginning", "middle", "start", "on", "for",
                            "past", "around", "about", "as", "that", "into", "a", "the"})


_ABBREVIATIONS = frozenset(k for k in lx.MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))


_MARCH_NOUN_AFTER: Final = re.compile(r"\s+(?:on|against|from|of(?:\s+the)?)\s+[A-Z]")


def _accept_month(text: str, m: re.Match[str]) -> bool:
    mon = m.group("mon")
    if not _lower_ok(mon):
        return False
    if m.group("mod") or m.group("rel"):
        return True
    if mon.rstrip(".").lower() in _ABBREVIATIONS:
        return _accept_month_abbreviation(text, m)
    # a bare month name: "May" and "March" are also English words, and "August" a name
    nxt = text[m.end(): m.end() + 2]
    prev = _prev_word(text, m.start())
    if mon.lower() in ("may", "march", "august", "april", "june", "jan", "mar") and prev not in _MONTH_CONTEXT:
        return False
    if mon.lower() == "march" and prev == "the" and _MARCH_NOUN_AFTER.match(text, m.end()):
        return False  # "the March of the Combatant Mothers", "the March on Washington": a procession
    return not nxt.startswith(" &")  # "May & Co.": part of a firm's name


# Abbreviations that are also given names or words ("Jan Kavan", "Mar del Plata") stay names bare.
_NAME_LIKE_ABBREVIATIONS: Final = frozenset({"jan", "mar"})
_MONTH_BESIDE_BEFORE: Final = re.compile(rf"{_MONTH}\s*(?:,|and|or|&|-|–|to)\s*$", re.IGNORECASE)
_MONTH_BESIDE_AFTER: Final = re.compile(rf"\s*(?:,|and|or|&|-|–|to)\s*{_MONTH}(?![\w])", re.IGNORECASE)
_NAME_OR_POSSESSIVE_AFTER: Final = re.compile(r"\s+[A-Z]|['’]s\b")


def _accept_month_abbreviation(text: str, m: re.Match[str]) -> bool:
    """A bare abbreviated month ("Aug", "Sept.") is more often a name or a word ("Jan Kavan",
    "DEC") than a month; in informal text it is one beside another month ("in July and Aug.",
    "Nov-Dec") or written as a month after a preposition of time ("exams in Jun")."""
    mon = m.group("mon")
    if not (mon[0].isupper() and mon[1:].rstrip(".").islower()) or mon.rstrip(".").lower() in _NAME_LIKE_ABBREVIATIONS:
        return False
    if _MONTH_BESIDE_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _MONTH_BESIDE_AFTER.match(text, m.end()):
        return True
    return (_prev_word(text, m.start()) in ("in", "since", "until", "till", "from", "during", "through", "before",
                                            "after", "by")
            and not _NAME_OR_POSSESSIVE_AFTER.match(text, m.end()))


def _lower_ok(mon: str) -> bool:
    """Lower-case month names pass (informal text) unless they are also English words."""
    return mon[0].isupper() or mon.lower() in _LOWER_CASE_MONTHS


# Full month names that are not also common words or given names.
_LOWER_CASE_MONTHS = frozenset({"january", "february", "september", "october", "november", "december"})


def _accept_md(text: str, m: re.Match[str]) -> bool:
    mon = m.group("mon")
    if not _lower_ok(mon):
        return False
    day = m.groupdict().get("d")
    return not (day and day.isdigit() and not 1 <= int(day) <= 31)


# what rules a four-digit number out as a year: a decimal, a percentage or money ("$1999")
_NOT_YEAR_AFTER: Final = re.compile(r"(?:[.,:/]\d|\s*%|\s*(?:percent|per\s+cent)\b|\d)")
_NOT_YEAR_BEFORE: Final = re.compile(r"[$£€#\d]\s?$")
_COUNTED_AFTER: Final = re.compile(
    r"\s+(?:people|persons|men|women|troops|soldiers|shares|units|cases|votes|feet|meters|"
    r"metres|miles|km|kilometers|dollars|yen|euros|pounds|tons|tonnes|barrels|jobs|workers|"
    r"acres|hectares|pages|employees|residents|members|students|seats|points|copies|cars|homes|"
    r"houses|children|refugees|deaths|dead|rounds|calories|words|infections|patients|animals|birds|cattle|"
    r"pigs|sheep|chickens|victims|injuries|arrests|flights|vehicles|buildings|items)\b", re.IGNORECASE)


def _accept_year(text: str, m: re.Match[str]) -> bool:
    after = text[m.end(): m.end() + 12]
    before = text[max(0, m.start() - 2): m.start()]
    if _NOT_YEAR_AFTER.match(after) or _NOT_YEAR_BEFORE.search(before):
        return False
    if m.group("fiscal") or m.group("mod"):
        return True
    if _COUNTED_AFTER.match(after):
        return False  # "increased by 1104 infections", "1,200 troops"
    # "1,200 troops" is not a year, "in 1200" could be: accept years outside 1600-2099 only
    # after a temporal preposition
    y = int(m.group("y"))
    if y < 1600:
        return _prev_word(text, m.start()) in ("in", "since", "until", "by", "from", "to", "of", "year", "before",
                                               "after", "circa", "around", "between", "and")
    return True


def _accept_weekday(text: str, m: re.Match[str]) -> bool:
    if m.group("wd2"):
        return bool(m.group("rel2")) or m.group("wd2")[0].isupper()  # "on Sat" but not "on sat"
    return True  # full weekday names are unambiguous, capitalised or not (informal text)


def _accept_season(text: str, m: re.Match[str]) -> bool:
    if m.group("s").lower() == "fall" and not m.group("y") and re.match(r"\s+of\s+(?!\d|the\s+year)",
                                                                         text[m.end(): m.end() + 16]):
        return False  # "the fall of Saigon" is an event, not autumn
    if m.group("rel") or m.group("y") or m.group("mod"):
        return True
    if m.group("s").lower() in ("winter", "summer", "autumn"):
        return True  # unambiguous nouns, also as modifiers: "the summer offensive"
    return _prev_word(text, m.start()) in ("in", "during", "by", "since", "until", "over", "through", "throughout",
                                           "for", "before", "after", "this", "that", "next", "last", "each",
                                           "every", "early", "late", "of", "and", "or")


def _accept_bare_units(text: str, m: re.Match[str]) -> bool:
    if m.group("q"):
        # "the early hours of Thursday morning": a part of the day named after it, which is
        # the expression
        return not (" ".join(m.group("q").lower().split()) == "the early" and m.group("u").lower() == "hours"
                    and re.match(r"\s+of\s", text[m.end(): m.end() + 5]))
    # a bare plural ("for years", "over the years") only after a preposition that makes it a span of time
    return _prev_word(text, m.start()) in ("for", "in", "within", "over", "after", "takes", "take", "took", "lasted",
                                           "last", "lasts", "spent", "spend", "than")


# a past-tense verb after "soon" (regular, but not "need", "proceed"; or a common irregular one)
_PAST_AFTER_SOON: Final = re.compile(
    r"\s+(?:[a-z]+(?<!e)ed|became|began|bought|broke|brought|built|came|caught|chose|drew|drove|fell|fled|found|"
    r"fought|gave|got|grew|had|held|kept|knew|led|left|lost|made|met|overran|overtook|paid|ran|rose|said|sank|saw|"
    r"sent|sold|sought|spent|spread|stood|struck|swept|took|thought|threw|told|went|withdrew|won|wrote|was|were)\b")
_PAST_BEFORE_SOON: Final = re.compile(r"\b(?:had|was|were)\s+$", re.IGNORECASE)


# "will one day", "to one day": "one day" is some day to come, not a duration
_MODALS: Final = frozenset({"will", "would", "could", "might", "may", "can", "shall", "should", "must", "to"})


def _accept_vague(text: str, m: re.Match[str]) -> bool:
    word = m.group(0).lower()
    if word == "one day":
        return _prev_word(text, m.start()) in _MODALS
    if word == "current":
        # "current" is the document's present, except in electricity and bank accounts
        return not re.match(r"\s+(?:accounts?|flows?|electric|amps?)\b", text[m.end(): m.end() + 12], re.IGNORECASE)
    if word == "now":
        # "Now," opening a sentence is a discourse marker, not the present
        return not (m.group(0)[0] == "N" and text.startswith(",", m.end()))
    if word == "soon":
        # "as soon as" is a conjunction and "soon after X" is anchored on X, not on the document
        before = text[max(0, m.start() - 3): m.start()].lower()
        if before == "as " or re.match(r"\s+(?:after(?:wards?)?|thereafter)\b", text[m.end(): m.end() + 12],
                                       re.IGNORECASE):
            return False
        # "the mobs soon had support", "he was soon released": shortly after the story's last
        # event, not the writer's future; after a modal the verb is a base form ("would soon spread")
        return _prev_word(text, m.start()) in _MODALS or not (
            _PAST_AFTER_SOON.match(text, m.end()) or _PAST_BEFORE_SOON.search(text, max(0, m.start() - 8), m.start()))
    return True


# "today's youth", "tomorrow's world": the present or future era, not a day (TimeBank leaves
# them unannotated), told by a generic noun after the possessive
_GENERIC_AFTER_DAY: Final = re.compile(
    r"['’]s\s+(?:(?:personal|young|modern)\s+)?(?:world|youth|society|generation|children|kids|teenagers|"
    r"families|standards|technology|culture|computers|leaders|economy|young\s+people)\b", re.IGNORECASE)


# a programme or paper named "<ACRONYM> Today" ("USA Today", "VOA Today")
_ACRONYM_BEFORE: Final = re.compile(r"(?<![\w.&])[A-Z]{2,6}\s$")
# "the people of tomorrow", "the cars of tomorrow": the future at large, not the next day
# ("the end of tomorrow", "the agenda of tomorrow" are the day)
_GENERIC_OF_BEFORE: Final = re.compile(
    r"\bthe\s+(?!(?:end|start|beginning|middle|morning|afternoon|evening|night|rest|course|eve|dawn|close|"
    r"meeting|session|edition|issue|events|game|match|vote|race|schedule|agenda|hearing|talks)\s)[a-z]+\s+of\s+$",
    re.IGNORECASE)


def _accept_relday(text: str, m: re.Match[str]) -> bool:
    rd = m.group("rd")
    if m.group("pod") or m.group("mod") or m.group("pre"):
        return True
    if rd.lower() in ("today", "tomorrow") and _GENERIC_AFTER_DAY.match(text, m.end()):
        return False
    if rd == "Today" and _ACRONYM_BEFORE.search(text, max(0, m.start() - 8), m.start()):
        return False
    return not (rd.lower() == "tomorrow" and _GENERIC_OF_BEFORE.search(text, max(0, m.start() - 30), m.start()))


# "Oct. 12, the day before the crash": the phrase describes the date before it, which it is
_DATE_IN_APPOSITION: Final = re.compile(r"\d\s*(?:,|-|–|—)\s*$")
_MILITARY_WITHOUT_COLON: Final = re.compile(r"\d{4}\s?hrs?", re.IGNORECASE)


def _accept_time(text: str, m: re.Match[str]) -> bool:
    clock = m.group("clock")
    if _MILITARY_WITHOUT_COLON.fullmatch(clock) and m.start() == m.start("clock"):
        # "at 1900 hrs" is a time of day, "flew 1500 hrs" a count of hours
        return _prev_word(text, m.start()) in ("at", "by", "until", "till", "from", "before", "after", "to")
    # "high noon" (and the film "High Noon") is a showdown, not twelve o'clock
    return not (m.start() == m.start("clock") and clock.lower() == "noon" and _prev_word(text, m.start()) == "high")


# a quantity, and perhaps its unit, right before a frequency adverb: "rise 8.5% annually",
# "10,000 units annually", "$2 million annually" are growth rates and amounts, not schedules
_QUANTITY_BEFORE: Final = re.compile(r"(?:\d\s?%|\d|\b(?:percent|million|billion|thousand))(?:\s+[a-z]+)?\s+$",
                                     re.IGNORECASE)


def _accept_always(text: str, m: re.Match[str]) -> bool:
    return True


def _accept_numeric(text: str, m: re.Match[str]) -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("sep") == "." and len(m.group("y")) == 2:
        # "3.10.12" is more likely a version number than a date; "27.03.15", with a day no month
        # can be first, is a European date
        return 12 < a <= 31 and 1 <= b <= 12
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


# "daily", "weekly", "monthly" as nouns name a periodical: "the Communist Party daily Granma",
# "the daily said", "the weekly's editor". A name (not a day's or month's), a reporting verb in
# the past or a possessive follows.
_A_PERIODICAL: Final = re.compile(
    rf"(?:\s+(?:(?!(?i:{_WEEKDAY}|{_MONTH_FULL}|{_MONTH_ABBR})\b)[A-Z][a-z]|"
    r"(?:said|reported|wrote|quoted|cited|published|added)\b)|['’]s\b)")


_DAY_ORDINAL_CONTEXT: Final = frozenset({"on", "by", "until", "till", "since", "from", "before", "after", "and",
                                         "or", "to", "through"})


def _ordinal_suffix_fits(ordinal: str) -> bool:
    """Whether a written ordinal has its right suffix: "1st", "22nd", "13th", not "3th" or "11st"."""
    n, suffix = int(ordinal[:-2]), ordinal[-2:].lower()
    expected = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return suffix == expected


# units of speed and frequency: "miles per hour", "instructions per second" are measures, not
# a schedule of the story
_MEASURE_BEFORE: Final = re.compile(
    r"\b(?:miles|kilometers|kilometres|km|meters|metres|feet|foot|inches|knots|revolutions|rotations|"
    r"beats|frames|bits|bytes|kilobytes|megabytes|gigabytes|instructions|operations|cycles|words|liters|litres|"
    r"gallons|cubic\s+\w+)\s+$", re.IGNORECASE)


def _accept_duration(text: str, m: re.Match[str]) -> bool:
    n = m.group("n").lower()
    unit = m.group("u").lower()
    # "a second" (the ordinal) and "a quarter of" (a fraction) are not durations
    if unit in ("second", "quarter") and n in ("a", "an") and not m.group("rel"):
        return False
    if unit == "quarter" and not m.group("rel") and re.match(r"\s+of\b", text[m.end(): m.end() + 4]):
        return False
    if unit == "second" and not m.group("rel") and n in ("a", "an", "one"):
        return False
    if n == "one" and unit == "day" and not (m.group("rel") or m.group("approx") or m.group("det")) \
            and _prev_word(text, m.start()) in _MODALS:
        return False  # "will one day be": some day to come, which the vague rule reads
    if n in ("a", "an") and unit in ("hour", "minute") and _MEASURE_BEFORE.search(text, max(0, m.start() - 20),
                                                                                 m.start()):
        return False  # "90 miles an hour": a speed
    # an age ("52 years old") is not a time span of the story; "a week of talks" is one
    return not re.match(r"[\s-]+old\b", text[m.end(): m.end() + 6])


# --- the rules ----------------------------------------------------------------------------------
Accept = Callable[[str, "re.Match[str]"], bool]

RULES: tuple[tuple[str, re.Pattern[str], Accept], ...] = (
    ("iso", _rx(rf"(?<![\d-])(?P<y>{_YEAR4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
                rf"(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d])"),
     _accept_always),
    ("numeric", _rx(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"),
     _accept_numeric),
    ("time", _rx(rf"{_B}(?:(?P<pre>{_WEEKDAY}|{_DAYWORD})(?:,?\s+at|\s*,)?\s+)?"
                 rf"(?:(?P<approx>around|about|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after|"
                 rf"just\s+before)\s+)?(?P<clock>{_CLOCK})(?:\s*\(?(?P<tz>{_TZ})\)?(?![\w]))?"
                 rf"(?:\s+(?:in\s+the\s+|this\s+|on\s+)?(?P<pod>{_POD}))?"
                 rf"(?:,?\s+(?:on\s+)?(?P<day>{_WEEKDAY}(?:,?\s+{_MONTH}\s+\d{{1,2}})?|{_DAYWORD}|"
                 rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR4})?))?{_E}"),
     lambda text, m: _accept_time(text, m)),
    ("clock_in_the", _rx(rf"{_B}(?P<h>\d{{1,2}}|{_NUMW_SMALL})(?::(?P<mi>\d\d))?\s+(?:o'clock\s+)?in\s+the\s+"
                         rf"(?P<pod>morning|afternoon|evening){_E}"),
     _accept_always),
    ("mdy", _rx(rf"{_B}(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+(?=\w+\.?\s*\d))?"
                rf"(?:(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?)?(?P<mon>{_MONTH})\s*(?P<d>\d{{1,2}}|"
                rf"{_alt(k for k in lx.ORDINALS if lx.ORDINALS[k] > 0)})(?:st|nd|rd|th)?(?!\d)"
                rf"(?:(?:,?\s+|\s*,\s*)(?P<y>{_YEAR4})(?![\d])|,?\s+of\s+(?P<yrel>{_YEAR_REL})\s+year)?(?![\w]|,\d)"),
     _accept_md),
    ("dmy", _rx(rf"{_B}(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+"
                rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR4})(?!\d)|,?\s+of\s+(?P<yrel>{_YEAR_REL})\s+year)?(?![\w])"),
     _accept_md),
    # "the week of March 6": the week holding that day (TimeBank: 2000-W10)
    ("week_of", _rx(rf"{_B}the\s+week\s+of\s+(?P<day>{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR4})?|"
                    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR4})?)(?![\w])"),
     _accept_always),
    ("month_year", _rx(rf"{_B}(?:(?P<mod>{_MOD})[\s-]*)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?"
                       rf"(?P<y>{_YEAR4}|'\d\d|{_SPELLED_YEAR}|(?P<rel>{_YEAR_REL})\s+year)(?![\w])"),
     _accept_md),
    ("month", _rx(rf"{_B}(?:(?P<mod>{_MOD})[\s-]*)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|"
                  rf"that|each|every)\s+)?(?P<mon>{_MONTH}){_E}"),
     _accept_month),
    ("season", _rx(rf"{_B}(?:(?P<mod>{_MOD})[\s-]*)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|that|the|"
                   rf"each|every|the\s+past|the\s+coming|the\s+following|the\s+previous)\s+)?"
                   rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR4}|{_SPELLED_YEAR}|"
                   rf"'\d\d)(?![\w]))?{_E}"),
     _accept_season),
    # the determiner of an adjectival quarter belongs to its noun ("a third-quarter loss"), and
    # a possessive is never part of the expression ("its fourth quarter": "fourth quarter")
    ("quarter", _rx(rf"{_B}(?:(?P<det>the|this|last|next|that|a|each|every)\s+(?!{_ORD}-))?"
                    rf"(?:(?P<poss>this|last|next)\s+year's\s+)?(?:(?P<qy>{_YEAR4})\s+)?"
                    rf"(?P<qual>(?:(?:fiscal|year-ago|year-earlier|year\s+ago|year-before|latest|current|previous|"
                    rf"prior|recent|most\s+recent|same|comparable|corresponding|just-ended|just\s+ended|"
                    rf"flat|strong|weak|disappointing|record)[\s-]+)*)"
                    rf"(?:(?P<ord>{_ORD}|last|final|latter)[\s-]+(?:fiscal[\s-]+)?)?"
                    rf"(?P<word>quarter|half|period)(?![\w-])"
                    rf"(?:\s+of\s+(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?)?(?P<y2>{_YEAR4}|this\s+year|last\s+year|"
                    rf"next\s+year|the\s+year|'\d\d)(?![\w]))?"
                    # "the quarter a year ago", "the corresponding period last year": one expression
                    rf"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year|the\s+(?:previous|prior)\s+year|"
                    rf"the\s+year\s+before)(?![\w]))?"
                    rf"(?=\s+(?:ended|ending|that\s+ended)\s+(?P<qmon>{_MONTH})\s*(?P<qday>\d{{1,2}})(?!\d))?"
                    rf"|{_B}(?P<qn>Q[1-4]|H[12])(?:\s+(?:of\s+)?(?P<y3>{_YEAR4}))?(?![\w])"
                    rf"|{_B}(?P<ord2>{_ORD})-(?P<word2>quarter|half)(?![\w])"),
     lambda text, m: _accept_quarter(text, m)),
    ("decade", _rx(rf"(?:{_B}the\s+)?(?:(?P<mod>{_MOD})[\s-]*)?(?P<dec>(?<![\w'’])(?:1\d|20)\d0'?s|['’]\d0'?s|"
                   rf"(?<![\w'’])(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])"),
     lambda text, m: m.group("dec")[0] in "12'’" or m.group(0).lower().startswith("the")),
    ("century", _rx(rf"{_B}(?:the\s+)?(?:(?P<mod>{_MOD})[\s-]*)?(?P<c>\d{{1,2}}(?:st|nd|rd|th)|"
                    rf"{_alt(k for k in lx.ORDINALS if lx.ORDINALS[k] > 0 and not k[0].isdigit())}|this|last|next"
                    rf"|the\s+(?:last|past|next|previous)|that)[\s-]+century{_E}"),
     _accept_always),
    ("year", _rx(rf"{_B}(?:(?P<mod>{_MOD})[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|FY|calendar(?:\s+year)?|"
                 rf"the\s+fiscal\s+year|the\s+calendar\s+year|the(?=\s+\d{{4}}\s+period))\s*)?"
                 rf"(?<![\d.,$])(?P<y>{_YEAR4})(?P<period>\s+period)?(?!\d|[.,]\d)"),
     _accept_year),
    ("spelled_year", _rx(rf"{_B}(?:(?P<mod>{_MOD})\s+)?(?:the\s+year\s+)?(?P<sy>{_SPELLED_YEAR}){_E}"),
     _accept_always),
    ("era_year", _rx(rf"{_B}(?:(?P<pre>AD|A\.D\.)\s*(?P<y1>\d{{1,4}})|(?P<y>\d{{1,4}})\s*"
                     rf"(?P<era>BC|B\.C\.?|BCE|B\.C\.E\.|AD|A\.D\.|CE|C\.E\.))(?![\w])"
                     # the first year of a range, "499-493 BC", "264 to 241 BC", takes the era after it
                     rf"|{_B}(?P<y2>\d{{1,4}})(?=\s*(?:-|–|to)\s*\d{{1,4}}\s*(?P<era2>BC|B\.C\.?|BCE|B\.C\.E\.)(?![\w]))"),
     lambda text, m: not (m.group("era") or "").lower().startswith("c") or int(m.group("y") or 0) > 99),
    ("short_year", _rx(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’]|\d)"),
     lambda text, m: _prev_word(text, m.start()) in ("in", "of", "since", "until", "by", "from", "to", "and",
                                                     "spring", "summer", "fall", "autumn", "winter", "class")),
    ("day_range", _rx(rf"(?<![\w\d/.-])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?=\s*(?:-|–|to|and|&)\s*"
                      rf"[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR4})(?!\d))?)"),
     _accept_md),
    # "on the 14th", "by the 3rd.": a day of the month the text is in, after a preposition and
    # before the end of the phrase ("on the 14th floor" names no day)
    ("day_ordinal", _rx(rf"{_B}the\s+(?P<d>(?:[12]?\d|3[01])(?:st|nd|rd|th))"
                        # the first end of a range takes the month of the second: "from the 13th to
                        # the 19th of October 1950"
                        rf"(?=\s*(?:-|–|to|and|through)\s*(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
                        rf"(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR4})(?!\d))?)?"
                        rf"(?=\s*(?:[.,;:)!?'\"”]|$)|"
                        rf"\s+(?:and|or|to|through|at|when|as|they|he|she|it|we)\s)"),
     lambda text, m: _prev_word(text, m.start()) in _DAY_ORDINAL_CONTEXT and _ordinal_suffix_fits(m.group("d"))),
    ("holiday", _rx(rf"{_B}(?:(?P<rel>last|this|next|this\s+past|this\s+coming|each|every)\s+)?"
                    rf"(?P<h>{_alt(lx.HOLIDAYS)})(?P<wk>\s+week)?(?:,?\s+(?P<y>{_YEAR4})(?!\d))?{_E}"),
     lambda text, m: m.group("h")[0].isupper()),
    # "The day before, the army left", "the day after the battle": the day next to the one the
    # text is talking about; not before a name or a date, which the phrase is counted from
    # ("the day before Obama's speech", "the day after Christmas")
    ("day_next_to", _rx(rf"{_B}the\s+day\s+(?P<dir>before|after)(?=\s*[,.;:)]|\s+the\s+[a-z])"),
     lambda text, m: not _DATE_IN_APPOSITION.search(text, max(0, m.start() - 4), m.start())),
    ("vague_ago", _rx(rf"{_B}(?P<u>years|months|weeks|days|decades|hours|minutes)\s+(?P<dir>ago|earlier|later){_E}"),
     _accept_always),
    ("set_every", _rx(rf"{_B}every\s+(?:other\s+)?(?P<n>{_QTY})\s+(?P<u>{_UNIT_PL}|{_UNIT_SG}){_E}"),
     _accept_always),
    ("relday", _rx(rf"{_B}(?:(?P<mod>early|late|earlier|later|mid-?afternoon|mid-?morning|the\s+day\s+before|"
                   rf"the\s+day\s+after)\s+)?(?:(?P<pre>{_POD})\s+)?(?P<rd>{_DAYWORD})"
                   rf"(?:\s+(?P<pod>{_POD}))?{_E}"),
     lambda text, m: _accept_relday(text, m)),
    ("this_pod", _rx(rf"{_B}(?:(?P<mod>early|late|earlier|later)\s+)?(?P<rel>this|last|that|the|the\s+next|"
                     rf"the\s+following|the\s+previous|the\s+same)\s+"
                     rf"(?P<pod>{_POD}){_E}|{_B}(?P<ov>overnight|mid[\s-]?afternoon){_E}"),
     lambda text, m: bool(m.group("ov")) or m.group("rel").lower() != "the" or _prev_word(text, m.start())
     in ("in", "during", "by", "until", "through", "throughout", "overnight", "late", "early", "that", "the")),
    ("weekday", _rx(rf"{_B}(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|this|next|this\s+past|"
                    rf"this\s+coming|coming|past|the\s+previous|the\s+following|previous|following|that|each|"
                    rf"every)\s+)?"
                    rf"(?P<wd>{_WEEKDAY})(?P<plural>s)?(?:\s+(?P<pod>{_POD})(?P<pl2>s)?)?{_E}"
                    rf"|(?:{_B}(?P<rel2>this|next|last|every|each)\s+|(?<=\bon\s))(?P<wd2>{_WEEKDAY_ABBR})\.?(?![\w])"),
     _accept_weekday),
    ("ago", _rx(rf"{_B}(?:(?P<approx>{_APPROX})\s+)?(?P<n>{_QTY})\s+(?:more\s+)?(?P<u>{_UNIT})"
                rf"(?:\s+or\s+(?:so|more|two|three|less))?\s+"
                rf"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously|prior|since){_E}"),
     lambda text, m: _accept_ago(text, m)),
    ("adj_ago", _rx(rf"{_B}(?P<adj>year|month|week|quarter|day)(?:-(?P<dir>ago|earlier|before|previous|prior)|"
                    rf"\s+(?P<dir2>ago)){_E}"),
     _accept_always),
    ("rel_unit", _rx(rf"{_B}(?:(?P<mod>{_MOD}|earlier|later|the\s+rest\s+of|the\s+remainder\s+of|"
                     rf"the\s+first\s+half\s+of|"
                     rf"the\s+second\s+half\s+of|all|most)[\s-]+(?:in\s+)?)?"
                     rf"(?:(?P<det>the|this|that|its|their)\s+)?(?P<rel>last|this|next|past|coming|previous|following|"
                     rf"current|same|prior|latest|upcoming|preceding|ensuing|present|new|entire|whole|full|"
                     rf"recent|subsequent)?\s*"
                     rf"(?P<fiscal>fiscal\s+|calendar\s+|school\s+|financial\s+|model\s+)?"
                     rf"(?P<u>week|month|year|decade|century|weekend|day|fortnight|millennium)(?![\w-])"
                     rf"(?=(?P<tail>\s+(?:ended|ending|ends|that\s+ended)\b)?)"),
     lambda text, m: _accept_rel_unit(text, m)),
    ("year_end", _rx(rf"{_B}(?:(?P<around>around|about)\s+)?(?P<w>year[-\s]end|year's\s+end|month[-\s]end|"
                     rf"the\s+end\s+of\s+the\s+(?:year|month|week|decade|quarter)|"
                     rf"the\s+(?:beginning|start|middle)\s+of\s+the\s+(?:year|month|week|decade))"
                     rf"(?P<suffix>[-\s]+\d{{4}})?{_E}"),
     _accept_always),
    ("set", _rx(rf"{_B}(?P<q>every|each|per|a|an|once\s+a|twice\s+a|(?:\w+)\s+times\s+a)\s+(?:other\s+)?"
                rf"(?P<u>second|minute|hour|day|night|week|month|quarter|year|decade|morning|evening|afternoon|"
                rf"weekend|{_WEEKDAY}|{_MONTH_FULL}|spring|summer|fall|autumn|winter){_E}"),
     lambda text, m: _accept_set(text, m)),
    # "for" is a signal, outside the span ("for the three months": "the three months")
    ("duration", _rx(rf"{_B}(?<![:.])(?:(?P<det>the|each\s+of\s+the|all)\s+)?"
                     rf"(?:(?P<rel>past|last|next|first|coming|previous|following|final|remaining|latest|initial|"
                     rf"ensuing|preceding|same|entire|full|whole|other|year-earlier|year-ago|additional|"
                     rf"better\s+part\s+of\s+the|succeeding|intervening|subsequent)\s+)?"
                     rf"(?:(?P<approx>{_APPROX})\s+)?(?:(?P<lo>{_QTY})\s+(?:to|or|-|–)\s+)?(?P<n>{_QTY})(?:\s+|(?<=\d)(?={_GLUED_UNIT}))"
                     rf"(?:(?:more|additional|extra|straight|consecutive|full|long|successive|further|"
                     rf"intervening|remaining|trading|business|working|school)\s+)?"
                     rf"(?P<u>{_UNIT})(?P<half>\s+and\s+a\s+half)?(?P<orso>\s+or\s+so)?{_E}"),
     _accept_duration),
    ("adj_duration", _rx(rf"{_B}(?P<n>\d+(?:\.\d+)?|{_NUMW_SMALL}|several|multi|half|a)-"
                         rf"(?P<u>second|minute|hour|day|week|month|year|decade|century)(?P<tail>-long)?(?![\w-])"),
     _accept_always),
    ("bare_units", _rx(rf"{_B}(?:(?P<det>the)\s+)?(?:(?P<q>several|few|a\s+few|many|some|recent|coming|"
                       rf"the\s+past\s+few|"
                       rf"the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+past|the\s+last|the\s+next|"
                       rf"the\s+recent|the\s+following|the\s+previous|the\s+early|the\s+first|the\s+final|"
                       rf"recent|past|a\s+number\s+of)\s+)?"
                       rf"(?P<u>years|months|weeks|days|decades|centuries|hours|minutes|quarters){_E}"),
     _accept_bare_units),
    ("decades_adj", _rx(rf"{_B}(?P<u>decades|years|months|weeks|days|centuries)-(?:long|old){_E}"),
     _accept_always),
    ("set_adv", _rx(rf"{_B}(?P<adv>{_alt(lx.SET_ADVERBS)}){_E}"),
     lambda text, m: not _QUANTITY_BEFORE.search(text, max(0, m.start() - 30), m.start())
     and not (m.group("adv").islower() and _A_PERIODICAL.match(text, m.end()))),
    ("vague", _rx(rf"{_B}(?P<v>{_alt(lx.VAGUE_WORDS)}){_E}"),
     _accept_vague),
)


def _accept_quarter(text: str, m: re.Match[str]) -> bool:
    if m.group("qn"):
        return m.group("qn")[0].isupper()
    if m.group("ord2"):
        return True
    word = (m.group("word") or "").lower()
    qual = (m.group("qual") or "").lower()
    if word == "period":
        # "the period" alone is any span; a dated or comparative period is a quarter in results
        return bool(m.group("qy") or re.search(r"year|latest|same|comparable|corresponding|current", qual))
    if word == "half":
        if re.match(r"\s+of\s+the\s+(?:\d|['’]\d|[a-z]+ties\b|\w+[\s-]+century)", text[m.end(): m.end() + 30],
                    re.IGNORECASE):
            return False  # "the last half of the '80s": a part of the decade, which the decade rule dates
        return bool(m.group("ord") or m.group("y2")) and (m.group("det") or m.group("y2") or m.group("qy")
                                                          or m.group("poss")) is not None
    if word == "quarter":
        if m.group("ord") or m.group("qy") or m.group("poss") or qual.strip():
            return True
        # "the quarter" in financial text is the reporting quarter; "a quarter of" is a fraction
        det = (m.group("det") or "").lower()
        if det in ("the", "this", "last", "next", "that", "its", "their") and not re.match(
                r"\s+(?:of|point|mile|century)\b", text[m.end(): m.end() + 10]):
            return True
    return False


def _accept_ago(text: str, m: re.Match[str]) -> bool:
    d = m.group("dir").lower()
    if d in ("before", "after", "since", "prior"):
        # "two days after the vote": the duration alone is the expression; only a clause-final
        # "a year before." is anchored on the document date
        return bool(re.match(r"\s*(?:[.,;:!?\"”)]|$)", text[m.end(): m.end() + 3]))
    return not (m.group("n").lower() in ("a", "an") and m.group("u").lower() in ("second",))


# what follows a number that counts things rather than naming a day: "May 4 and 5 others"
_COUNTS_AFTER: Final = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)|\s+(?:of|more|others?|times|million|billion|"
                                  r"thousand|hundred)\b", re.IGNORECASE)


# how many years a range written "1915-17" may span: longer spans are rarely abbreviated so
_RANGE_YEARS: Final = 20


def _range_year(first: int, yy: str) -> int | None:
    """The year the second end of "1915-17" names (1917; "1999-00" names 2000), or None when
    it does not follow the first within _RANGE_YEARS."""
    year = first // 100 * 100 + int(yy)
    if year <= first:
        year += 100
    return year if year - first <= _RANGE_YEARS else None


def _accept_rel_unit(text: str, m: re.Match[str]) -> bool:
    if m.group(0)[0].isupper() and m.group("u")[0].isupper() and re.search(
            r"[\"“‘`']\s?$", text[max(0, m.start() - 2): m.start()]):
        return False  # '"This Week With David Brinkley"': a quoted title-case name, not a week
    rel = (m.group("rel") or "").lower()
    det = (m.group("det") or "").lower()
    unit = m.group("u").lower()
    mod = (m.group("mod") or "").lower()
    if det == "that" and not rel:
        return unit in ("year", "month", "week", "day", "weekend", "decade")
    if unit == "day" and rel not in ("same", "previous", "following", "next", "prior", "preceding", "present",
                                     "entire", "whole", "past", "last"):
        return False
    if not rel:
        # "the year", "the week", "the weekend": only after a preposition that makes them a time
        if det not in ("the", "this", "that"):
            return False
        if det == "that":
            return unit in ("year", "month", "week", "day", "weekend", "decade")
        if det == "this":
            return unit != "day"
        prev = _prev_word(text, m.start())
        if mod:
            return True
        if unit == "weekend":
            return True
        if unit == "year" and re.match(r"\s+(?:ended|ending|ends|to\s+date|before|earlier|ago)\b",
                                       text[m.end(): m.end() + 12]):
            return True
        return prev in ("for", "during", "throughout", "through", "of") and unit in ("year", "month", "week")
    if rel in ("new", "present", "entire", "whole", "full", "recent", "subsequent") and not det:
        return False
    if rel in ("past", "coming", "following", "previous", "same", "prior", "preceding", "ensuing", "current",
               "latest", "upcoming", "entire", "whole", "full", "new", "present", "recent", "subsequent") \
            and not det:
        return rel in ("past", "coming", "previous", "following") and unit != "day"
    if rel == "last" and not det and re.match(r"\s+(?:of|time|one|minute)\b", text[m.end(): m.end() + 8]):
        return False
    return not (unit == "day" and not det)


def _accept_set(text: str, m: re.Match[str]) -> bool:
    q = m.group("q").lower()
    # "60 miles an hour" is a speed, "18 miles a day" the pace of a march
    if (q == "per" or (q in ("a", "an") and m.group("u").lower() in ("hour", "minute", "second"))) \
            and _MEASURE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return False
    if q in ("a", "an"):
        # "$33 million a year", "50,000 CDs a year", "twice a week": a rate after a quantity
        before = text[max(0, m.start() - 40): m.start()]
        return bool(re.search(r"(?:\d|million|billion|thousand|hundred|percent|%|cents?|dollars|times|twice|once|"
                              r"hours|days|miles|meals|pounds|tons|barrels|trips|flights|visits)\b[^.,;:]{0,25}$",
                              before, re.IGNORECASE))
    u = m.group("u")
    if u.lower() in lx.MONTHS:
        return u[0].isupper()
    if u.lower() in lx.WEEKDAYS:
        return u[0].isupper()
    return True


# Substrings one of which every match of a rule contains (compared lower-cased). A rule whose
# substrings are all absent from a text cannot match it and is not run: substring search is far
# cheaper than a regex scan, and most short texts need only a few of the rules.
_DIGIT_CHARS = tuple("0123456789")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SEASON_WORDS = ("spring", "summer", "fall", "autumn", "winter")
_UNIT_STEMS = ("sec", "min", "hour", "hr", "day", "week", "wk", "fortnight", "month", "quarter", "year", "yr",
               "decade", "centur", "millenni")
_WEEKDAY_STEMS = ("day", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_POD_WORDS = ("morning", "afternoon", "evening", "night", "nite")


def _first_words(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({w.split()[0] for w in words}))


_TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("-",), "numeric": ("/", "."), "time": (*_DIGIT_CHARS, "noon", "midnight", "midday", "mid-day"),
    "clock_in_the": ("morning", "afternoon", "evening"), "mdy": _MONTH_STEMS, "dmy": _MONTH_STEMS,
    "month_year": _MONTH_STEMS, "week_of": ("week",), "month": _MONTH_STEMS, "day_range": _MONTH_STEMS,
    "season": _SEASON_WORDS,
    "quarter": ("quarter", "half", "period", "q1", "q2", "q3", "q4", "h1", "h2"),
    "decade": ("0s", "0's", "0’s", "ties"), "century": ("centur",), "year": _DIGIT_CHARS,
    "spelled_year": ("nineteen", "eighteen", "seventeen", "twenty", "thousand"), "era_year": _DIGIT_CHARS,
    "short_year": ("'", "’"), "day_ordinal": _DIGIT_CHARS, "holiday": _first_words(lx.HOLIDAYS),
    "vague_ago": ("ago", "earlier", "later"), "day_next_to": ("day before", "day after"),
    "set_every": ("every",), "relday": ("today", "tonight", "tomorrow", "yesterday", *lx.DAY_WORD_SPELLINGS),
    "this_pod": (*_POD_WORDS, "overnight"), "weekday": _WEEKDAY_STEMS,
    "ago": ("ago", "earlier", "later", "before", "after", "now", "hence", "back", "previously", "prior", "since"),
    "adj_ago": ("ago", "earlier", "before", "previous", "prior"), "rel_unit": _UNIT_STEMS,
    "year_end": ("end", "beginning", "start", "middle"), "duration": _UNIT_STEMS, "adj_duration": _UNIT_STEMS,
    # every match holds its suffix: a unit stem is in most news sentences, "-long" in few
    "bare_units": _UNIT_STEMS, "decades_adj": ("-long", "-old"),
    "set": (*_UNIT_STEMS, *_POD_WORDS, *_SEASON_WORDS, *_MONTH_STEMS, "weekend"),
    "set_adv": ("ly",), "vague": _first_words(lx.VAGUE_WORDS),
}


def _anchor_rx(triggers: Iterable[str], flags: int) -> re.Pattern[str]:
    r"""Where a rule's trigger substrings occur. An ASCII digit trigger stands for a run of any
    digits, since the rules' ``\d`` matches every Unicode digit."""
    parts = sorted({r"\d+" if t.isdigit() else re.escape(t) for t in triggers}, key=len, reverse=True)
    return re.compile("|".join(parts), flags)


# Anchors are searched in the lower-cased text, where a case-sensitive search is several times
# faster than a case-blind one; the case-blind set serves texts whose lower-cased copy is not a
# faithful one: a character that lower-cases to two ("İ"), or one that the engine's case-blind
# matching equates with an ASCII letter it does not lower-case to ("ı" with "i", "ſ" with "s").
# Where the trigger substrings are common inside other words ("day" in "today", "st" in
# "state") or in text at large (digits), a rule is anchored instead on a piece it cannot match
# without, in the context the rule requires around it: a duration's unit stands after a space
# or a digit and before a non-word character, a holiday's first word at a word start... Any
# occurrence of the piece inside what a match reads shares a character with one that
# ``finditer`` yields, which is all :func:`_scan` needs. Where the context is a character the
# match itself holds (the space before a duration's unit), the anchor takes it in rather than
# looking behind: a pattern that starts by consuming a character from a known set lets the
# engine skip to the next such character without trying the positions in between.
_HOLIDAY_FIRST: Final = _alt(_first_words(lx.HOLIDAYS))
_UNIT_AFTER_SPACE: Final = rf"(?<=[\s\d]){_UNIT}(?!\w)"
_ANCHOR_WORDS: Final[dict[str, str]] = {
    "duration": _UNIT_AFTER_SPACE,  # the unit after the count: "\s+" or a digit ("24hrs")
    # the direction word after the unit, with the space before it that the match holds ("three
    # years| ago", "two days from| now"): far rarer in news than a unit, which every date sentence has
    "ago": r"\s(?:ago|earlier|later|before|after|now|hence|back|previously|prior|since)(?!\w)",
    # a day that opens a range stands before the word that joins it ("12|-15 March", "4| and 5
    # May"): the match reads that piece in its lookahead, and digits before a joiner are rarer
    # than the month names the rule's trigger is
    "day_range": r"\d(?:st|nd|rd|th)?\s{0,3}(?:-|–|to|and|&)",
    "rel_unit": r"(?:week|month|year|decade|century|weekend|day|fortnight|millennium)(?![\w-])",
    # the word start is not checked: a few more anchors ("yesteryears") cost less than a look behind
    "bare_units": r"(?:years|months|weeks|days|decades|centuries|hours|minutes|quarters)(?!\w)",
    "adj_duration": r"-(?:second|minute|hour|day|week|month|year|decade|century)",
    # the count and the unit: "every week", "a year", "each other month" ("twice a" ends in "a")
    "set": rf"(?:every|each|per|an?)\s{{1,3}}(?:other\s{{1,3}})?(?:second|minute|hour|day|night|week|month|quarter|"
           rf"year|decade|morning|evening|afternoon|weekend|{_WEEKDAY}|{_MONTH_FULL}|spring|summer|fall|autumn|"
           rf"winter)(?!\w)",
    "holiday": rf"(?<![\w'’#@]){_HOLIDAY_FIRST}(?!\w)",
    "numeric": r"\d[/.](?=\d)",
    "day_ordinal": r"\d(?:st|nd|rd|th)(?!\w)",
    # a clock time holds its "p.m." after a digit, a colon between digits, or is "noon"...
    "time": r"[\dnm](?:(?<=\d)(?:\s{0,3}(?:a\.|p\.|am|pm|o'clock|hr)|:\d)|(?<=n)oon|(?<=m)id(?:night|day|-day))",
    "year": r"(?:1\d|20)\d\d",
    # the era, which every match reads ("400 BC", "AD 79", the "BC" after "499-493"), after a
    # digit, a space or a word start
    # (each alternative starts with its letter, so that the engine skips to the next "a", "b" or "c")
    "era_year": r"bc(?<![a-z]..)(?![a-z])|ad(?<![a-z]..)(?![a-z])|ce(?<![a-z]..)(?![a-z])|bce(?<![a-z]...)(?![a-z])"
                r"|a\.d(?<![a-z]...)|b\.c(?<![a-z]...)|c\.e(?<![a-z]...)",
}
# Rules whose anchors are so common that a scan of the whole text costs less (measured).
_SCAN_WHOLE: Final = frozenset({"vague"})


def _anchors(flags: int) -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(_ANCHOR_WORDS[kind], flags) if kind in _ANCHOR_WORDS else _anchor_rx(trig, flags)
            for kind, trig in _TRIGGERS.items()}


_ANCHORS_LOWER: Final[dict[str, re.Pattern[str]]] = _anchors(0)
_ANCHORS: Final[dict[str, re.Pattern[str]]] = _anchors(re.IGNORECASE)
# Rules anchored on their trigger substrings themselves, all letters: in the lower-cased copy
# ``str.find`` locates every occurrence (a superset of what ``finditer`` yields) faster than the
# engine can, and rules sharing triggers (the month stems) share the search.
_LITERAL_ANCHORS: Final[dict[str, tuple[str, ...]]] = {
    kind: trig for kind, trig in _TRIGGERS.items()
    if kind not in _ANCHOR_WORDS and not any(t.isdigit() for t in trig)}
# Rules whose anchor pattern looks behind (a unit after a space, a holiday's first word at a word
# start) and begins with one of a few words: ``str.find`` locates the words, the pattern is
# tried there only. Every place the pattern matches begins with one of the words.
_CHECKED_ANCHORS: Final[dict[str, tuple[str, ...]]] = {
    "duration": _UNIT_STEMS, "holiday": _first_words(lx.HOLIDAYS)}
_UNFAITHFUL_LOWER: Final = re.compile("[ıſ]")


# in a rule's source: escapes and group names, kept as written when its literals are lower-cased
_SYNTAX: Final = re.compile(r"(?P<keep>\\.|\(\?P[<=]\w+[>)])|[^\\(]+|\(")


def _lowered(regex: re.Pattern[str]) -> re.Pattern[str]:
    r"""The rule as a case-sensitive pattern over the lower-cased text: its literals lower-cased,
    escapes (``\d``, ``\s``, ``\w``, ``\b``) kept. Case-blind matching compares the lower-case
    forms of characters, and lower-casing moves no character in or out of ``\w``, ``\d`` or
    ``\s`` (tests/timeline/test_timex_windowed_scan.py checks every code point), so on a
    faithful lower-cased copy (see above) it matches exactly where the rule matches the text,
    several times faster: the engine compares case-blind literals one alternative at a time.
    A pattern whose inline flags lower-casing could not carry over is kept as it is."""
    if re.search(r"\(\?[aiLmsux-]+[:)]", regex.pattern):
        return regex
    pattern = _SYNTAX.sub(lambda m: m[0] if m["keep"] else m[0].lower(), regex.pattern)
    flags = regex.flags & ~re.IGNORECASE
    guard = _guard(pattern, flags)
    if guard and pattern.startswith(_B):
        pattern = _B + guard + pattern[len(_B):]
    twin = re.compile(pattern, flags)
    return twin if twin.groupindex == regex.groupindex else regex


# How many characters a rule's start guard reads.
_GUARD_DEPTH: Final = 3
# Character-class categories as the parser names them, and as a pattern writes them.
_CATEGORIES: Final = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
                      "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}
# Prefixes of a match: the patterns of its first characters, and whether the part of the rule
# that produced them may go on adding characters (True) or the prefix is cut there (False).
_Prefixes = set[tuple[tuple[str, ...], bool]]


def _guard(pattern: str, flags: int) -> str:
    """A lookahead that every match of ``pattern`` passes at its start, testing its first
    characters against the rule's possible beginnings at once ("the", "las", "\\d"...).

    After the word-start check, a rule tries its alternatives one by one at every word start of
    a window ("the", "last", "more than", "a few"... before a duration's unit); the guard, a trie
    of the first :data:`_GUARD_DEPTH` characters, turns most word starts away after a few
    comparisons. It is computed from the parsed rule and keeps every match (a lookaround is
    skipped, a repeat unrolled, an unknown part cuts the prefix short); "" when some match may
    begin with anything."""
    try:
        parser = importlib.import_module("re._parser")
        prefixes = _seq_prefixes(parser.parse(pattern, flags), _GUARD_DEPTH)
    except (_Unbounded, ImportError, AttributeError, TypeError, ValueError):
        return ""
    trie = _trie({atoms for atoms, _open in prefixes})
    return f"(?={trie})" if trie else ""


def _trie(prefixes: set[tuple[str, ...]]) -> str:
    if () in prefixes:
        return ""  # a prefix ends here: whatever follows may match
    branches: dict[str, set[tuple[str, ...]]] = {}
    for atoms in prefixes:
        branches.setdefault(atoms[0], set()).add(atoms[1:])
    return "(?:" + "|".join(first + _trie(rest) for first, rest in sorted(branches.items())) + ")"


def _extend(prefixes: _Prefixes, step: _Prefixes, depth: int) -> _Prefixes:
    out: _Prefixes = set()
    for atoms, growing in prefixes:
        if not growing:
            out.add((atoms, False))
            continue
        for more, more_growing in step:
            joined = atoms + more
            out.add((joined[:depth], False) if len(joined) >= depth else (joined, more_growing))
    return out


def _seq_prefixes(items: Any, depth: int) -> _Prefixes:
    prefixes: _Prefixes = {((), True)}
    for item in items:
        if not any(growing for _atoms, growing in prefixes):
            break
        prefixes = _extend(prefixes, _item_prefixes(item, depth), depth)
    return prefixes


def _item_prefixes(item: Any, depth: int) -> _Prefixes:
    op, av = item
    name = str(op)
    if name == "LITERAL":
        return {((re.escape(chr(av)),), True)}
    if name == "NOT_LITERAL":
        return {((f"[^{re.escape(chr(av))}]",), True)}
    if name == "ANY":
        return {((".",), True)}
    if name == "IN":
        return {((_class(av),), True)}
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return {((), True)}  # reads without consuming: the guard need not check it
    if name == "SUBPATTERN" and not av[1] and not av[2]:
        return _seq_prefixes(av[3], depth)
    if name == "BRANCH":
        return set().union(*(_seq_prefixes(branch, depth) for branch in av[1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        lo, hi, sub = av
        once = _seq_prefixes(sub, depth)
        prefixes: _Prefixes = {((), True)}
        # ``depth`` copies give every prefix: a copy that reads nothing adds nothing to it, and
        # one more copy that reads something would push the prefix past ``depth`` characters
        for i in range(min(hi, depth)):
            prefixes = _extend(prefixes, once if i < lo else once | {((), True)}, depth)
        return prefixes
    return {((), False)}  # a back-reference or an inline flag: the prefix stops short of it


def _class(items: Any) -> str:
    parts: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "NEGATE":
            parts.insert(0, "^")
        elif name == "LITERAL":
            parts.append(re.escape(chr(av)))
        elif name == "RANGE":
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            parts.append(_CATEGORIES[str(av)])
        else:
            raise _Unbounded(name)  # a form this function does not write back: no guard
    return "[" + "".join(parts) + "]"


_LOWERED: Final[dict[str, re.Pattern[str]]] = {kind: _lowered(regex) for kind, regex, _accept in RULES}

# The windowed scan needs a bound on how far the engine reads from a match's start. Every part
# of every rule is bounded (whitespace runs are capped by ``_rx``) except repeats of one
# character class: ``\d+``, ``\w+``, ``[\s-]*``. Those are bounded by refusing the windowed scan
# for texts holding a longer run than _RUN_WORD non-space characters or _RUN_SPACE spaces and
# hyphens (_LONG_RUN): such texts are scanned whole.
_RUN_WORD: Final = 30
_RUN_SPACE: Final = 10
_LONG_SPACE: Final = re.compile(rf"[\s-]{{{_RUN_SPACE}}}")


def _has_long_run(text: str) -> bool:
    """Whether ``text`` holds a run of _RUN_SPACE spaces and hyphens, or of _RUN_WORD other
    characters (the pattern ``[^\\s-]{30}`` would retry every position of every word)."""
    # str.split cuts where ``\s`` matches: both ask the interpreter's table of white space
    return (_LONG_SPACE.search(text) is not None
            or max(map(len, text.replace("-", " ").split()), default=0) >= _RUN_WORD)


class _Unbounded(Exception):
    """A rule part whose reach cannot be bounded by the run guard."""


def _run_class(items: Any) -> set[str]:
    r"""Which of "space" ([\s-]) and "word" (the rest) the characters a parsed part matches
    fall in; "?" for a part that may match both."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add("space" if chr(av).isspace() or chr(av) == "-" else "word")
        elif name == "CATEGORY":
            out.add({"CATEGORY_DIGIT": "word", "CATEGORY_WORD": "word", "CATEGORY_SPACE": "space"}.get(str(av), "?"))
        elif name == "IN":
            out |= _run_class(av)
        elif name == "RANGE":
            lo, hi = av
            out.add("?" if any(chr(c).isspace() or chr(c) == "-" for c in range(lo, hi + 1)) else "word")
        elif name == "SUBPATTERN":
            out |= _run_class(av[3])
        elif name == "BRANCH":
            for branch in av[1]:
                out |= _run_class(branch)
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            out |= _run_class(av[2])
        elif name not in ("AT", "ASSERT", "ASSERT_NOT"):
            out.add("?")
    return out


def _reach(items: Any) -> int:
    """An upper bound on how many characters past its start a parsed pattern part reads, on a
    text that passes the run guard: consumed characters plus lookaheads, alternatives at their
    longest, unbounded one-class repeats at the guard's run length."""
    total = 0
    for op, av in items:
        name = str(op)
        if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN", "CATEGORY", "GROUPREF"):
            total += 1  # a back-reference here only names a one-character separator
        elif name in ("ASSERT", "ASSERT_NOT"):
            direction, sub = av
            if direction == 1:  # a lookahead reads on; a lookbehind reads before the start
                total += _reach(sub)
        elif name == "SUBPATTERN":
            total += _reach(av[3])
        elif name == "BRANCH":
            total += max(_reach(branch) for branch in av[1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            _lo, hi, item = av
            if hi < _MAXREPEAT:
                total += hi * _reach(item)
            elif _run_class(item) == {"word"}:
                total += _RUN_WORD
            elif _run_class(item) == {"space"}:
                total += _RUN_SPACE
            else:
                raise _Unbounded(name)
        elif name != "AT":
            raise _Unbounded(name)
    return total


def _rule_reach(regex: re.Pattern[str]) -> int | None:
    """The bound of :func:`_reach` for a compiled rule, with a small margin; None when a part is
    unbounded or the interpreter's parser is not the one expected (the rule is then scanned whole)."""
    try:
        parser = importlib.import_module("re._parser")
        return _reach(parser.parse(regex.pattern, regex.flags)) + 8
    except (_Unbounded, ImportError, AttributeError, TypeError, ValueError):
        return None


_MAXREPEAT: Final[int] = int(getattr(importlib.import_module("re._constants"), "MAXREPEAT", 2**32 - 1))
_REACH: Final[dict[str, int | None]] = {kind: _rule_reach(regex) for kind, regex, _accept in RULES}


def _scan(regex: re.Pattern[str], anchors: Iterable[tuple[int, int]], reach: int, text: str) -> Iterable[re.Match[str]]:
    """The matches ``regex.finditer(text)`` yields, found by searching only near trigger words.

    ``anchors`` are spans of occurrences of the rule's triggers, ordered by start. A match
    reads a character of some occurrence ``[a, b)`` and reads at most ``reach`` characters, so
    it starts in ``[a - reach, b - 1]``: no other start need be tried. For each merged range of
    such starts, a search truncated ``reach`` characters past the range returns what the
    whole-text search would for a start in the range (from there the engine never reads that
    far); a match it finds past the range is left to the next range. As in ``finditer``, each
    search begins where the last match ended.
    """
    ranges: list[list[int]] = []
    last = -2 * reach - 2
    for a, b in anchors:
        lo = a - reach
        # ranges closer than a search's read-ahead are merged: one search covers both
        if lo <= last + reach:
            last = ranges[-1][1] = max(last, b - 1)
        else:
            last = b - 1
            ranges.append([max(0, lo), last])
    n = len(text)
    pos = 0
    for lo, hi in ranges:
        while True:
            start = max(pos, lo)
            if start > hi:
                break
            m = regex.search(text, start, min(n, hi + reach))
            if m is None or m.start() > hi:
                break
            if m.end() == m.start():
                # an empty match: finditer's stepping past it is not worth copying, and no
                # match starts between ``pos`` and here, so the whole-text scan takes over
                yield from regex.finditer(text, m.start())
                return
            yield m
            pos = m.end()


def _occurrences(low: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of every occurrence of each of ``words`` in ``low``, ordered by start."""
    spans = []
    for word in words:
        i = low.find(word)
        while i != -1:
            spans.append((i, i + len(word)))
            i = low.find(word, i + 1)
    spans.sort()
    return spans


def _anchor_spans(kind: str, text: str, low: str, faithful: bool,
                  found: dict[object, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """The spans :func:`_scan` needs for ``kind``, ordered by start. ``found`` keeps what one
    text's search found, for the rules that search the same way."""
    if not faithful:
        key: object = _ANCHORS[kind]
        if key not in found:
            found[key] = [m.span() for m in _ANCHORS[kind].finditer(text)]
        return found[key]
    words = _LITERAL_ANCHORS.get(kind) or _CHECKED_ANCHORS.get(kind)
    if words is not None and words not in found:
        found[words] = _occurrences(low, words)
    if kind in _LITERAL_ANCHORS:
        return found[words]
    key = _ANCHORS_LOWER[kind]
    if key not in found:
        if words is None:
            found[key] = [m.span() for m in _ANCHORS_LOWER[kind].finditer(low)]
        else:
            found[key] = [m.span() for a, _b in found[words] for m in [_ANCHORS_LOWER[kind].match(low, a)] if m]
    return found[key]


def find_candidates(text: str) -> list[Candidate]:
    """Every accepted match of every rule, reduced to the longest non-overlapping ones, in text order."""
    found: list[tuple[int, int, int, str, re.Match[str]]] = []
    low = text.lower()  # offsets into ``low`` are offsets into ``text`` when the copy is faithful
    # a text with a long run of word characters or spaces could carry a match past the reach
    # of a rule (see _REACH), so it is scanned whole
    windowed = not _has_long_run(text)
    faithful = len(low) == len(text) and _UNFAITHFUL_LOWER.search(text) is None
    shared: dict[object, list[tuple[int, int]]] = {}  # anchors by what finds them, for rules that share it
    for priority, (kind, regex, accept) in enumerate(RULES):
        reach = _REACH[kind]
        literal = _LITERAL_ANCHORS.get(kind) if faithful else None
        if literal is None and not any(t in low for t in _TRIGGERS[kind]):
            continue
        # the rules run case-sensitively over the lower-cased copy where it is faithful
        # (see _lowered), case-blind over the text where it is not
        scanned, target = (_LOWERED[kind], low) if faithful else (regex, text)
        if windowed and reach and kind not in _SCAN_WHOLE:
            anchors = _anchor_spans(kind, text, low, faithful, shared)
            if not anchors:
                continue
            matches = _scan(scanned, anchors, reach, target)
        elif literal is not None and not any(t in low for t in literal):
            continue
        else:
            matches = scanned.finditer(target)
        for m in matches:
            if m.end() == m.start() or not text[m.start():m.end()].strip():
                continue
            if scanned is not regex:
                # the same match read on the text itself, whose capitals the checks and the
                # parts need ("May", "Sat"): a rule matches the same span at the same start
                m = regex.match(text, m.start()) or m
            if accept(text, m):
                found.append((-(m.end() - m.start()), m.start(), priority, kind, m))
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    occupied = bytearray(len(text))  # 1 where a chosen expression lies
    chosen: list[Candidate] = []
    for _neg_len, start, _priority, kind, m in found:
        end = m.end()
        if occupied.find(1, start, end) != -1:
            continue
        occupied[start:end] = b"\x01" * (end - start)
        chosen.append(Candidate(kind=kind, start=start, end=end, groups=m.groupdict()))
    chosen.sort(key=lambda c: c.start)
    return _trim(text, _with_range_ends(text, chosen))


def _as_kind(kind: str, **parts: str | None) -> dict[str, str | None]:
    """The named parts of a match of rule ``kind`` holding ``parts``, the others absent."""
    groups: dict[str, str | None] = dict.fromkeys(_GROUPS[kind])
    groups.update(parts)
    return groups


_GROUPS: Final[dict[str, tuple[str, ...]]] = {kind: tuple(regex.groupindex) for kind, regex, _accept in RULES}

# The later end of a range, after the expression that opens it: "April 24| and 25, 1999",
# "1915|-17"; and the month that opens one, before "-September 1950".
_DAY_RANGE_TAIL: Final = _rx(rf"\s*{_RANGE_TO}\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>{_YEAR4}))?"
                             rf"(?![\w]|[,./-]\d)")
_YEAR_RANGE_TAIL: Final = _rx(r"\s*[-–]\s*(?P<yy>\d\d)(?![\w]|[,./-]\d|\s*%)")
_MONTH_RANGE_HEAD: Final = _rx(rf"{_B}(?P<mon>{_MONTH})\s*(?:-|–|to|through|until|and)\s*$")
# "twice as high this year as last", "more this month than last": the unit left out after "last"
_ELLIPTIC_LAST: Final = re.compile(r"[^.;:!?\n]{0,50}?\b(?:than|as)\s{1,3}(?P<last>last)(?=\s{0,3}[.,;:!?)\"”'’])",
                                   re.IGNORECASE)


def _with_range_ends(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The candidates with the ends of ranges that the rules leave out, each read as the kind
    of the end that dates it: "25" in "April 24 and 25" as a month and day (the first day takes
    a year written after the range: "March 5-9, 1918"), "17" in "1915-17" as the year 1917,
    "August" in "August-September 1950" as August 1950; and the "last" of "this year as last",
    read as "last year".

    Done over the few candidates a range can follow, not as rules: a rule scans every text."""
    chosen = list(chosen)
    added: list[Candidate] = []
    for i, c in enumerate(chosen):
        g = c.groups
        if c.kind == "mdy" and not g.get("y") and not g.get("yrel") and (g.get("d") or "").isdigit():
            m = _DAY_RANGE_TAIL.match(text, c.end)
            if m and int(g["d"] or 0) < int(m.group("d")) <= 31 and not _COUNTED_AFTER.match(text, m.end()) \
                    and not _COUNTS_AFTER.match(text, m.end()):
                added.append(Candidate(kind="mdy", start=m.start("d"), end=m.end(),
                                       groups=_as_kind("mdy", mon=g["mon"], d=m.group("d"), y=m.group("y"))))
                if m.group("y"):
                    chosen[i] = Candidate(kind=c.kind, start=c.start, end=c.end, groups={**g, "y": m.group("y")})
        elif c.kind == "year" and not g.get("fiscal") and not g.get("mod") and not g.get("period"):
            m = _YEAR_RANGE_TAIL.match(text, c.end)
            year = _range_year(int(g["y"] or 0), m.group("yy")) if m else None
            if m and year is not None:
                added.append(Candidate(kind="year", start=m.start("yy"), end=m.end(),
                                       groups=_as_kind("year", y=str(year))))
        elif c.kind == "rel_unit" and (g.get("rel") or g.get("det") or "").lower() == "this" and not g.get("mod"):
            m = _ELLIPTIC_LAST.match(text, c.end)
            if m:
                added.append(Candidate(kind="rel_unit", start=m.start("last"), end=m.end("last"),
                                       groups=_as_kind("rel_unit", rel=m.group("last"), u=g["u"])))
        elif c.kind == "month_year" and (g.get("y") or "").isdigit():
            m = _MONTH_RANGE_HEAD.search(text, max(0, c.start - 24), c.start)
            if m and _lower_ok(m.group("mon")):
                added.append(Candidate(kind="month_year", start=m.start("mon"), end=m.end("mon"),
                                       groups=_as_kind("month_year", mon=m.group("mon"), y=g["y"])))
    if not added:
        return chosen
    out = list(chosen)
    for new in added:
        # an end takes the place of what the rules found inside it ("1918" of "9, 1918", a bare
        # "August"), never of an expression that reaches past it
        inside = [c for c in out if c.start < new.end and new.start < c.end]
        if all(new.start <= c.start and c.end <= new.end for c in inside):
            out = [c for c in out if c not in inside] + [new]
    out.sort(key=lambda c: c.start)
    return out


def _trim(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drop whitespace and a trailing comma that a rule's optional tail may have swallowed."""
    out = []
    for c in candidates:
        start, end = c.start, c.end
        while start < end and not text[start].isalnum() and text[start] not in "'’":
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end > start:
            out.append(Candidate(kind=c.kind, start=start, end=end, groups=c.groups))
    return out
