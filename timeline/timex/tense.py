"""The tense of the clause around a temporal expression, to resolve "Tuesday" or "in March".

Algorithm: take the sentence holding the expression (bounded by sentence punctuation, with any
closing quotation marks after it, but not the period of a title or "vs.", or a blank line, at
most 250 characters either side), find
the tense markers in it (modal "will", "going to", "scheduled to" for the future; past
auxiliaries, irregular past forms and "-ed" verbs for the past; "is", "are", "says" for the
present), and return the tense of the marker nearest to the expression. Future markers win a
tie: "said it will meet Friday" is about a coming Friday.

A text with many expressions finds its markers once (:func:`find_markers`); each expression
then takes those of its sentence by position. That gives the markers a search of the sentence
alone would find whenever no marker runs across an end of the sentence and the sentence does
not end inside a word (where a cut word could read as a marker: "freed|om"); other sentences,
rare, are searched alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Final

__all__ = ["Markers", "Tense", "deferred_until", "find_markers", "firm_future", "past_verb_governs",
           "scheduled_weekday", "tense_at"]


class Tense(Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


# Future markers: modals and the verbs of plans news uses for scheduled events. "plans" and
# "planned" alone are often a noun and a participle ("set aside vacation plans for the hastily
# planned trip"): only "planned to", "planned for" and "a/the planned ..." count.
_FUTURE: Final = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|gonna|scheduled|expected\s+to|plans?\s+to|planning\s+to|"
    r"intends?\s+to|due\s+to|due\s+(?:in|on|by|for|at|back)|set\s+to|slated|upcoming|would|next|is\s+to|are\s+to|hopes?\s+to|aims?\s+to|"
    r"promised\s+to|vowed\s+to|to\s+be\s+held|to\s+begin|to\s+start|to\s+meet|to\s+vote|to\s+announce|"
    r"to\s+visit|to\s+attend|to\s+hold|to\s+travel|to\s+return|to\s+sign|to\s+release|to\s+take|"
    r"could|might|should|supposed\s+to|planning|planned\s+(?:to|for)|(?:a|an|the|its|their|his|her|our)\s+planned|as\s+soon\s+as|as\s+early\s+as|"
    r"expects?|anticipates?|forecasts?|projects?|intends?|effective|(?-i:may))\b",
    re.IGNORECASE)
# a future marker right after a past auxiliary is a past plan ("had been due to expire Friday")
_PAST_AUX_BEFORE: Final = re.compile(r"\b(?:had|had\s+been)\s+$", re.IGNORECASE)
# Past markers: auxiliaries, frequent irregular past forms (news verbs first) and regular "-ed".
_PAST: Final = re.compile(
    r"\b(?:was|were|had|did|didn't|said|told|met|took|made|came|went|rose|fell|gave|saw|began|left|held|won|"
    r"lost|sold|bought|paid|struck|spoke|wrote|became|got|thought|brought|found|led|ran|fled|knew|chose|"
    r"grew|drew|flew|sent|spent|built|caught|fought|taught|hit|cut|quit|shut|broke|stole|stood|sat|"
    r"slid|sank|shot|sought|swept|threw|tore|woke|wore|felt|heard|kept|meant|paid|overtook|"
    r"ago|earlier|last|yesterday|[a-z]{2,}ed)\b",
    re.IGNORECASE)
# Words ending in "-ed" that are not past verbs in news prose.
_NOT_PAST: Final = frozenset({
    "need", "needed", "speed", "seed", "feed", "bed", "red", "shed", "united", "limited", "hundred",
    "based", "proposed", "expected", "scheduled", "planned", "related", "advanced", "detailed", "alleged",
    "supposed", "concerned", "interested", "unprecedented", "unexpected", "indeed", "embed", "wed", "led",
    "armed", "named", "called", "so-called", "used", "skilled", "listed", "dated", "indebted", "biased",
    "fixed", "combined", "estimated", "adjusted", "revised", "elected", "unemployed", "employed", "retired",
    "reed", "creed", "breed", "greed", "steed",
})
# "will be", "to be" before a participle: a passive future ("will be released Thursday"); after
# "could be" or "would be" the participle still reads as past ("could be located Wednesday")
# Future markers that modify a noun ("a planned cut", "the upcoming vote"): after the expression
# they describe something else than the clause's verb does.
_NOMINAL_FUTURE: Final = re.compile(r"(?:a|an|the|its|their|his|her|our)\s+planned|upcoming", re.IGNORECASE)
_BE_BEFORE: Final = re.compile(r"(?:\bwill|\bshall|'ll|\bto)\s+be\s+$", re.IGNORECASE)
_PRESENT: Final = re.compile(r"\b(?:is|are|am|has|have|does|do|says|say|remains|continues|seems)\b", re.IGNORECASE)
_QUOTE: Final = re.compile(r"''|\"|”|“")
# "[.!?]<closing quotes>(?:\s|$)|\n\s*\n", written to start with its first character's set, which
# lets the engine skip to the next candidate instead of trying every position. A quotation that
# ends a sentence ("... on top of things?" On 2 August) ends it too.
_SENTENCE_END: Final = re.compile(r"[.!?\n](?:(?<=[.!?])[\"'”’]*(?:\s|$)|(?<=\n)\s*\n)")
_WINDOW: Final = 250
# Abbreviations whose period ends no sentence: titles before a name ("Mr. Bush", "Gen. Dung"),
# "vs." in a case name ("Roe vs. Wade"), month abbreviations before a day ("Sept. 30").
_ABBREVIATION: Final = re.compile(
    r"(?<![\w.])(?:vs|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|Mt|Ft|Jan|Feb|Aug|"
    r"Sept|Oct|Nov|Dec)$")


def _ends_sentence(text: str, stop: re.Match[str]) -> bool:
    at = stop.start()
    return text[at] != "." or _ABBREVIATION.search(text, max(0, at - 5), at) is None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - _WINDOW)
    left = lo
    for stop in _SENTENCE_END.finditer(text, lo, start):
        if _ends_sentence(text, stop):
            left = stop.end()
    hi = min(len(text), end + _WINDOW)
    right = hi
    for stop in _SENTENCE_END.finditer(text, end, hi):
        if _ends_sentence(text, stop):
            right = stop.start() + 1
            break
    return left, right




def _lowered(regex: re.Pattern[str]) -> re.Pattern[str]:
    r"""A marker pattern for the lower-cased text, matched case-sensitively: several times faster
    than case-blind matching (see timeline.timex.patterns._lowered, the same device) and, on a
    faithful copy, finding the same markers, except that "May" also reads as "may" there
    (:func:`find_markers` drops it). The marker patterns hold no upper-case escapes.

    Every marker starts with a letter or the apostrophe of "'ll": a lookahead for one turns
    away at once the word ends where ``\b`` also holds."""
    pattern = regex.pattern.replace("(?-i:may)", "may").lower()
    if pattern.startswith(r"\b(?:"):
        pattern = r"\b(?=[a-z'])" + pattern[2:]
    return re.compile(pattern, regex.flags & ~re.IGNORECASE)


# The marker families in the order they are weighed: on equal distance the earlier one wins.
_FAMILIES: Final = ((_FUTURE, Tense.FUTURE), (_PAST, Tense.PAST), (_PRESENT, Tense.PRESENT))
_LOWERED: Final = tuple(_lowered(regex) for regex, _tense in _FAMILIES)
# characters that lower-case to two ("İ") or that case-blind matching equates with an ASCII
# letter they do not lower-case to: a lower-cased copy holding them is not faithful
_UNFAITHFUL_LOWER: Final = re.compile("[ıſİ]")
_WORD_CHAR: Final = re.compile(r"\w")

# A marker: start, end and its words lower-cased.
_Marker = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class _Family:
    """The markers of one family in a whole text, in text order (they do not overlap)."""

    starts: list[int]
    ends: list[int]
    words: list[str]


@dataclass(frozen=True, slots=True)
class Markers:
    """The tense markers of one text (:func:`find_markers`), for :func:`tense_at` to look up."""

    text: str
    families: tuple[_Family, ...]


def find_markers(text: str) -> Markers:
    """Every tense marker of ``text``, found once for all the expressions of the text."""
    low = text.lower()
    faithful = _UNFAITHFUL_LOWER.search(text) is None
    families = []
    for (regex, _tense), lowered in zip(_FAMILIES, _LOWERED, strict=True):
        if faithful:
            # "may" is a marker in lower case only: "May" is the month. No other marker starts
            # there, so dropping it leaves what the case-blind search finds.
            found = [m for m in lowered.finditer(low) if m.group(0) != "may" or text.startswith("may", m.start())]
        else:
            found = list(regex.finditer(text))
        families.append(_Family(starts=[m.start() for m in found], ends=[m.end() for m in found],
                                words=[m.group(0).lower() for m in found]))
    return Markers(text=text, families=tuple(families))


def _in_sentence(regex: re.Pattern[str], family: _Family | None, text: str, left: int, right: int,
                 clean_right: bool) -> Iterable[_Marker]:
    """The markers ``regex.finditer(text, left, right)`` yields, taken from ``family`` when the
    sentence cuts none of the text's markers (see the module docstring)."""
    if family is not None and clean_right:
        starts, ends = family.starts, family.ends
        i = bisect_left(starts, left)
        j = bisect_left(starts, right, i)
        if (i == 0 or ends[i - 1] <= left) and (j == 0 or ends[j - 1] <= right):
            return zip(starts[i:j], ends[i:j], family.words[i:j], strict=True)
    return _searched(regex, text, left, right)


def _searched(regex: re.Pattern[str], text: str, left: int, right: int) -> Iterator[_Marker]:
    for m in regex.finditer(text, left, right):
        yield m.start(), m.end(), m.group(0).lower()


def tense_at(text: str, start: int, end: int, *, markers: Markers | None = None) -> Tense:
    """The tense of the sentence around ``text[start:end]``, judged by the nearest marker.

    ``markers``, from :func:`find_markers` on the same text, saves searching the sentence."""
    if text.startswith("'s", end) or text.startswith("’s", end):
        return Tense.PAST  # "Wednesday's ruling": a possessive day names something that happened
    left, right = _sentence(text, start, end)
    if markers is not None and markers.text is not text and markers.text != text:
        markers = None  # found in another text: of no use here
    # a sentence cut inside a word could end in a marker that the whole text does not hold
    clean_right = right == len(text) or _WORD_CHAR.match(text, right - 1) is None
    best: tuple[int, int, Tense] | None = None
    for rank, (regex, tense) in enumerate(_FAMILIES):
        family = markers.families[rank] if markers is not None else None
        for m_start, m_end, word in _in_sentence(regex, family, text, left, right, clean_right):
            if start <= m_start < end:
                continue  # a marker inside the expression itself ("last", "ago") is not the verb
            # the verb governing a time expression usually comes before it ("said Friday",
            # "will meet Tuesday"), so markers after it count at twice their distance
            if m_end <= start:
                dist = start - m_end
            else:
                dist = 2 * (m_start - end)
                if best is not None and (dist, rank) >= best[:2] and m_start >= end:
                    break  # later markers are further still: none of them can win
            key = (dist, rank)
            if best is not None and key >= best[:2]:
                continue
            if tense is Tense.PAST and (word in _NOT_PAST or (
                    word.endswith("ed") and _BE_BEFORE.search(text, max(0, m_start - 12), m_start))):
                continue  # "will be released Thursday": a participle after "be" is no past verb
            if m_end > start and _QUOTE.search(text, end, m_start):
                continue  # "... Thursday,'' Castro said": the reporting verb is outside the quotation
            if m_start >= end and tense is Tense.FUTURE and _NOMINAL_FUTURE.fullmatch(word):
                continue  # "rallied on Saturday against a planned cut": a noun's modifier, not the verb
            effective = tense
            if tense is Tense.FUTURE and _PAST_AUX_BEFORE.search(text, max(0, m_start - 14), m_start):
                effective = Tense.PAST
            best = (dist, rank, effective)
    return Tense.UNKNOWN if best is None else best[2]


# The writer's own future: a modal or a present-tense plan verb. "would", "could" and past-tense
# plans ("was expected to") are futures seen from the past, which narratives are full of.
_FIRM_FUTURE: Final = re.compile(
    r"\b(?:will|shall|(?:is|are|'s|'re)\s+(?:(?:now|also|still)\s+)?(?:expected|scheduled|set|due|slated|going|planning|"
    r"to)|set\s+for|scheduled\s+for|plans?\s+to|intends?\s+to)\b|\w'll\b",
    re.IGNORECASE)


def firm_future(text: str, start: int) -> bool:
    """Whether the sentence before ``text[start:]`` speaks of the writer's future ("will meet",
    "is expected to ... in April"), as opposed to a future seen from the past ("would meet")."""
    left, _right = _sentence(text, start, start)
    return _FIRM_FUTURE.search(text, left, start) is not None


# Present-simple verbs of a timetable right before a weekday: "the ceasefire expires Sunday",
# "the trial begins Monday", "the tournament runs through Sunday", and a copula before "on"
# ("the vote is on Friday"). They name the coming day; a far month-day after them ("expires
# Nov. 9" written in February) is left to the nearest-date rule.
_THIRD_PERSON_SCHEDULE_VERBS: Final = (
    r"(?:expires|begins|starts|opens|reopens|resumes|convenes|reconvenes|takes\s+effect|kicks\s+off|meets|"
    r"arrives|departs|returns|leaves|ends|closes|runs|lasts|continues)")
_SCHEDULE_VERBS: Final = (
    rf"(?:{_THIRD_PERSON_SCHEDULE_VERBS}|"
    # the plural ("the ministers meet Thursday") and an adverb between ("meet again on Thursday")
    r"meet|begin|start|open|reopen|resume|convene|arrive|depart|return|leave|expire|continue)\s+"
    r"(?:(?:again|separately|jointly|formally|officially)\s+)?")


def _schedule_before(verbs: str, *, clock: bool) -> re.Pattern[str]:
    # a clock time on a weekday may also follow "at": "expires at midnight on Friday", "is at noon Friday"
    at = r"|at\s+" if clock else ""
    copula = r"(?:on|at)" if clock else "on"
    return re.compile(rf"\b(?:{verbs}(?:on\s+|until\s+|through\s+{at})?|(?:is|are)\s+{copula}\s+)$",
                      re.IGNORECASE)


_SCHEDULE_BEFORE: Final = {
    (clock, past): _schedule_before(rf"{_THIRD_PERSON_SCHEDULE_VERBS}\s+" if past else _SCHEDULE_VERBS, clock=clock)
    for clock in (False, True) for past in (False, True)}


def scheduled_weekday(text: str, start: int, *, clock: bool = False, past: bool = False) -> bool:
    """Whether a timetable verb in the present simple stands right before ``text[start:]``;
    ``clock``: the expression is a clock time on a weekday, which "at" may introduce.

    ``past``: the sentence otherwise reads as past ("the truce, agreed two days ago, expires at
    midnight on Sunday"). Then only a third-person verb counts: a base form there may follow a
    past plan ("had been due to expire Friday") or be an adjective ("had held open until Friday")."""
    regex = _SCHEDULE_BEFORE[clock, past]
    return regex.search(text, max(0, start - 30), start) is not None


# A verb of deferral, then "until" right before the expression, in one clause: "postponed until
# Tuesday morning any action", "extended its deadline until 9 a.m. Tuesday", "the court adjourned
# till Monday" (no comma between). The day a thing was put off to lies ahead of the report,
# whatever the tense of the verb.
_DEFERRED_UNTIL: Final = re.compile(
    r"\b(?:postpone|delay|defer|adjourn|extend|recess|put\s+off|push(?:ed)?\s+back)"
    r"[a-z]*\b[^.,;:!?\n]{0,40}?\b(?:until|till|til)\s+$", re.IGNORECASE)


def deferred_until(text: str, start: int) -> bool:
    """Whether ``text[start:]`` is the day something was put off until ("postponed until Tuesday")."""
    return _DEFERRED_UNTIL.search(text, max(0, start - 70), start) is not None



# A past verb right before a date it governs: "began on March 18", "was held in March", "passed
# in March". Not a passive infinitive or perfect ("to be completed in March", "has been held"):
# those follow a modal or plan that points ahead.
_GOVERNING_PAST: Final = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    r"\b(?:was|were|began|took\s+place|held|died|born|[a-z]{2,}ed)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


def past_verb_governs(text: str, start: int) -> bool:
    """Whether a past verb stands right before ``text[start:]`` and governs it ("began on March
    18"): a stronger cue than the nearest marker of the sentence, which may belong to another clause."""
    m = _GOVERNING_PAST.search(text, max(0, start - 30), start)
    return m is not None and m.group(0).split()[0].lower() not in _NOT_PAST
