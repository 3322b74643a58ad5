"""Events from an article: what each clause reports, dated, placed and attributed.

Algorithm, per clause (see :mod:`timeline.sentences`):
1. Triggers: event nouns ("talks", "summit", "invasion") and verbs ("met", "convene",
   "annexed") outside quotation marks and outside names ("the Cold War"). A noun after "this",
   "the", "such" at the head of a clause refers back to an event already told and names no new
   one; the clause's sites, and its date when finer, join that event ("The talks will take place
   in Riyadh on Tuesday"). A dated reference to a kind of event not yet told is that event's
   first telling ("The quake hit on Monday near Gaziantep"). A clause with a date but no word
   of the lexicon reports what its main verb tells (:mod:`timeline.verbs`: "Volunteers filled
   sandbags on Wednesday"); an undated one without a trigger reports no event. Negated ("did
   not meet") and speculative ("may lay the groundwork") clauses are skipped, a verb's by the
   words before it. Only words that can name an event are looked at: one pass over the
   lower-cased text finds them all, and the words around one are read when a rule needs them.
2. The event's trigger is the one its date belongs to: a DATE/TIME expression binds to the
   trigger just before it ("met in Riyadh on Tuesday") or to the noun it modifies ("its 2022
   invasion"); with no date, the first trigger. A gathering verb yields to the noun that names
   it ("gathered in Paris for an emergency summit").
3. Status from the clause's verbs: planned (will, scheduled to, due to, expected to, or a date
   after publication; for a verb, before it: "opened on Monday and will close on Friday"
   happened), ongoing (present progressive, or "has ... since"), reported (inside "X said
   that ..."), else happened.
4. Date: that expression's interval and precision. A trigger after "N days after" or "N weeks
   before" is an event of its own, dated from the clause's date by that much ("talks stalled
   on Monday, a week after the election": the talks on Monday, the election the Monday before;
   months and years give a month or a year). Without a date: a clause told "a week later"
   counts from the last date the text gave; a planned action is dated from the publication
   date on (open end); an ongoing one on the publication day; a past one that continues the
   story ("This exchange prompted ...") falls between the previous event and the publication
   date. Anything else stays undated and is counted, not guessed. The reason is recorded in
   ``Event.date_reason``.
5. Places: mentions after "in/at/near/to" are the event's site ("of" too for invasions and the
   like), and so are a place coordinated with a site, "the town of X" and the object of an
   event verb ("visited Dallas"); demonyms, metonyms, organisations' countries, a country in
   the possessive and one that is the clause's subject are actors; a dateline, where something
   was said (", she told reporters in Wroclaw") and a coordinated clause's places are merely
   mentioned, like all others. Places attached to another trigger of the clause are left to
   it. The home countries of the people involved join as actors; "He"/"She" stand for the
   person named last.
6. Title: who (people for calls, meetings and visits, else countries: "US-Russia", else a
   continent's adjective: "European"), what (the trigger's noun phrase: "emergency summit") and
   where ("in Paris", "to Ankara", "of Ukraine"); for an event told by its verb alone, or with
   nobody and nowhere to name, the clause itself: without its dateline, opener, "X said", dates
   and asides, at most 14 words ("Storm Boris dumped record rain on central Europe").
Events of one document that describe the same happening (same kind, overlapping dates, a shared
site, or no site on either; for events told by a verb, a shared site or the same title) are
merged here; merging across documents is :mod:`timeline.builder`'s job.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, NamedTuple, Protocol, TypeVar

from gazetteer.model import MentionRole, Place, PlaceKind, PlaceMention
from timeline.actors import ActorMention, find_actors
from timeline.builder import union_actors, union_places
from timeline.model import (
    ActorKind,
    Document,
    Event,
    EventPlace,
    EventStatus,
    Interval,
    PlaceRole,
    Precision,
    Source,
    TimeExpression,
    TimexType,
    place_key,
    precision_of,
)
from timeline.sentences import Span, split_clauses, split_sentences
from timeline.verbs import find_main_verb

__all__ = ["EventExtraction", "extract_events"]

# Event nouns, mapped to the kind used to decide whether two events are the same happening.
EVENT_NOUNS: dict[str, str] = {
    "talks": "talks", "negotiations": "talks", "discussions": "talks", "meeting": "meeting",
    "meetings": "meeting", "summit": "summit", "conference": "meeting", "call": "call",
    "phone call": "call", "visit": "visit", "trip": "visit", "invasion": "invasion",
    "annexation": "annexation", "attack": "attack", "attacks": "attack", "strike": "attack",
    "strikes": "attack", "offensive": "attack", "bombing": "attack", "shelling": "attack",
    "agreement": "agreement", "deal": "agreement", "accord": "agreement", "treaty": "agreement",
    "ceasefire": "ceasefire", "truce": "ceasefire", "election": "election", "elections": "election",
    "referendum": "election", "sanctions": "sanctions", "exchange": "exchange", "protest": "protest",
    "protests": "protest", "war": "war", "occupation": "control", "control": "control",
    "withdrawal": "withdrawal", "ban": "sanctions", "embargo": "sanctions", "vote": "election",
    "assassination": "attack", "explosion": "attack", "earthquake": "disaster", "flood": "disaster",
    "floods": "disaster", "outbreak": "disaster", "evacuation": "evacuation", "arrest": "arrest",
    # disasters and accidents
    "quake": "disaster", "tremor": "disaster", "aftershock": "disaster", "tsunami": "disaster",
    "hurricane": "disaster", "typhoon": "disaster", "cyclone": "disaster", "storm": "disaster",
    "wildfire": "disaster", "wildfires": "disaster", "eruption": "disaster", "landslide": "disaster",
    "crash": "accident", "collision": "accident", "derailment": "accident",
    # violence and unrest
    "shooting": "attack", "stabbing": "attack", "raid": "attack", "raids": "attack", "airstrike": "attack",
    "airstrikes": "attack", "clashes": "attack", "coup": "coup", "riot": "protest", "riots": "protest",
    "rally": "protest", "demonstration": "protest", "demonstrations": "protest",
    # politics and courts
    "resignation": "resignation", "inauguration": "inauguration", "trial": "trial", "verdict": "ruling",
    "ruling": "ruling", "hearing": "trial", "rescue": "rescue", "conviction": "ruling",
}
# Event verbs (inflected forms) mapped to (kind, noun used in titles).
EVENT_VERBS: dict[str, tuple[str, str]] = {}
for _forms, _kind, _noun in (
    ("meet meets met meeting", "meeting", "meeting"),
    ("convene convenes convened convening", "meeting", "meeting"),
    ("gather gathers gathered gathering", "summit", "meeting"),
    ("sit", "talks", "talks"),
    ("negotiate negotiated negotiating", "talks", "negotiations"),
    ("invade invades invaded invading", "invasion", "invasion"),
    ("annex annexes annexed annexing", "annexation", "annexation"),
    ("attack attacks attacked attacking", "attack", "attack"),
    ("bomb bombs bombed bombing shelled", "attack", "attack"),
    ("visit visits visited visiting travel travels travelled traveled", "visit", "visit"),
    ("sign signs signed signing", "agreement", "signing"),
    ("agree agrees agreed agreeing", "agreement", "agreement"),
    ("control controls controlled controlling occupy occupies occupied occupying", "control", "control"),
    ("withdraw withdraws withdrew withdrawn", "withdrawal", "withdrawal"),
    ("elect elects elected", "election", "election"),
    ("arrest arrests arrested", "arrest", "arrest"),
    ("kill kills killed", "attack", "attack"),
    ("launch launches launched launching initiate initiates initiated initiating", "launch", "launch"),
    ("impose imposes imposed imposing", "sanctions", "sanctions"),
    ("facilitate facilitates facilitated", "exchange", "exchange"),
    ("resign resigns resigned", "resignation", "resignation"),
    ("crash crashes crashed", "accident", "crash"),
    ("rescue rescues rescued", "rescue", "rescue"),
    ("evacuate evacuates evacuated", "evacuation", "evacuation"),
    ("protest protests protested rally rallies rallied", "protest", "protest"),
    ("clash clashed", "attack", "clashes"),
    ("sentence sentenced", "ruling", "sentencing"),
    ("acquit acquitted convict convicted", "ruling", "verdict"),
):
    for _form in _forms.split():
        EVENT_VERBS[_form] = (_kind, _noun)

# Kinds where the people involved name the event better than their countries do.
_PERSONAL_KINDS = frozenset({"call", "meeting", "summit", "visit"})

# The status patterns below are searched in every clause with a trigger. Each starts with a
# look-ahead for the first letters of its words, so the engine rejects most positions with one
# test instead of trying every alternative there (same matches: the look-ahead only filters).
_PLANNED = re.compile(
    r"\b(?=[wsgdepitauh’'])(?:will|shall|’ll|'ll|going to|scheduled to|due to|expected to|set to|plans? to|"
    r"planning to|intends? to|to be held|is to|are to|upcoming|would|aims? to|aiming to|hopes? to|hoping to|"
    r"expects? to|expecting to|"
    r"seeks? to|seeking to)\b", re.IGNORECASE)
# Present progressive ("are taking place") or a present perfect reaching back ("has held ... since").
_ONGOING = re.compile(r"\b(?=[aihu])(?:(?:is|are|am)\s+(?:\w+ly\s+)?(?!going\b)\w+ing\b"
                      r"|(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|eld|en|one|ept|ood)\b[^.]*\bsince\b"
                      r"|underway\b)", re.IGNORECASE)
# "may" only in lower case: "May" is more often the month ("met in May 2020") than a modal
# opening a sentence.
_SPECULATIVE = re.compile(r"\b(?=[mciwMCIW])(?:(?-i:may)|might|could|can|would need|if)\b", re.IGNORECASE)
_REPORTING = re.compile(
    r"\b(?=[sthicrab])(?:said|says|told|stated|states|suggested|hinted|intimated|indicated|claimed|reported|"
    r"announced|according to|confirmed|believes?|believing|added)\b(?:\s+that)?", re.IGNORECASE)
# What makes reported speech out of "X said": a "that" or a comma between the verb and the event.
_REPORTED_LINK = re.compile(r"\bthat\b|,")
_NEGATION = re.compile(r"\b(?=[nw])(?:not|no|never|without|n’t|n't)\b", re.IGNORECASE)
_CONTINUATION = re.compile(
    r"^(?:This|That|These|The)\s+(?:exchange|call|meeting|talks|move|decision|step|news|summit|announcement)\b"
    r"|\b(?=[patlsfi])(?:prompted|afterwards|then|later|subsequently|following|in response)\b", re.IGNORECASE)
# A definite or demonstrative word right before a trigger noun near the start of a clause refers
# back to an event already told ("This meeting is...", "The talks are..."): not a new event.
_ANAPHORA = re.compile(r"^(?:[A-Z]\w+,\s+)?(?:\w+\s+)?(?:this|that|these|those|the|such)\s+(?:[\w\-]+\s+)?$",
                      re.IGNORECASE)
# Kinds close enough that a verb of one is better named by a noun of another nearby:
# "gathered in Paris for an emergency summit" is a summit.
_GATHERINGS = frozenset({"meeting", "summit", "talks"})
# Characters a trigger after its date counts as further away than one before it.
_FOLLOWING_PENALTY = 60
# Prepositions that put a place at the scene of the event ("talks in Riyadh", "a visit to Kyiv").
_SITE_PREPOSITION = re.compile(r"(?:\bin|\bat|\bnear|\bto|\binto|\bacross|\bover|\boutside|\binside|\bon)\s+"
                               r"(?:the\s+)?$", re.IGNORECASE)
# A subordinate clause opening the sentence: its subject is not the main clause's.
_SUBORDINATE_OPENER = re.compile(r"(?:[A-Z][a-z]+,\s+)?(?i:when|after|before|as|while|because|although|though|if|"
                                 r"once|since|until|unless)\b")
# Between a possessor and the event noun it owns: "Iraq's invasion", "Russia's full-scale invasion".
_POSSESSOR_GAP = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
# Between a verb and its object: "visited Dallas", "annexed the Crimea".
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
# "the town of", "the port of": the place named next is where things happen.
_PLACE_NOUN_OF = re.compile(r"\b(?:town|city|village|port|region|province|district|island|county)\s+of\s+$",
                            re.IGNORECASE)
# "of" names the target of a few kinds of event ("invasion of Ukraine", "control of Crimea").
_OF_PREPOSITION = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
# An adjective of nationality before one of these nouns describes a place, not who acts.
_DESCRIBES_PLACE = re.compile(r"\s+(?:capital|city|town|village|port|border|coast|region|province|territory|"
                              r"soil|side of the border|countryside|desert|mountains)\b", re.IGNORECASE)
_TARGETED_KINDS = frozenset({"invasion", "annexation", "control", "attack", "war", "occupation", "withdrawal"})
# Quotations: typographic or straight double quotes, and the ``...'' of older wire copy.
_QUOTED = re.compile(r"[“\"](.*?)[”\"]|``(.*?)''", re.DOTALL)
_NP_STOP = frozenset({"a", "an", "the", "of", "in", "at", "on", "for", "to", "and", "with", "between", "by", "from",
                      "that", "this", "these", "its", "their", "his", "her", "our", "which", "who", "since"})
_SHORT_COUNTRY = {"US": "US", "GB": "UK", "AE": "UAE"}
_TITLE_MAX_WORDS = 14
# Words a shortened title must not end on.
_DANGLING = _NP_STOP | frozenset({"and", "or", "but", "as", "after", "before", "while", "when", "where", "was",
                                  "were", "is", "are", "has", "have", "had", "will", "would"})

# The dateline opening a story ("VIENNA —", "KYIV, Ukraine (AP) —"): where it was filed, no part
# of what happened.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^)]{1,20}\))?\s*"
                       r"(?:[—–_]|--?)\s*")
# Who said it, closing the clause: ", the weather service said", ", Ursula von der Leyen told
# reporters in Wroclaw on Thursday".
_SAID_TAIL = re.compile(r",\s+(?:[^,]{0,60}?\s)?(?:said|says|told|added|reported|announced|according\s+to)\b.*$",
                        re.DOTALL)
# Who said it, opening the clause with no comma or "that" right after the verb: "Hungarian officials
# said the river would crest".
_SAID_HEAD = re.compile(r"(?:[^\"“”]{0,80}?\s)?(?:said|says|told\s+\w+|added|reported|announced|noted|stated|"
                        r"explained|argued|warned|insisted|confirmed|claimed|estimated|believes|believed)\s+"
                        r"(?:that\s+)?(?=\S)")
# What opens a clause without being part of what it tells: "However,", "But", "In addition,".
_DISCOURSE_OPENER = re.compile(r"(?:However|But|And|Yet|Still|Meanwhile|Finally|Moreover|Also|Separately|"
                               r"In addition|In contrast|Instead|Nevertheless)\b,?\s+(?=\S)")
# A relative clause set off by commas: ", which oversees trading," says who, not what happened.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,]*,")
# Where a coordinated clause starts that the clause splitter kept ("Russia has held Crimea since
# 2014, and the fighting in Donbas has gone on"): a title of the first ends there.
_NEXT_CLAUSE = re.compile(r"\s*(?:;|,\s+(?:and|but|while|whereas)\s)"
                          r"|\s+(?:and|but)\s+(?=(?:will|would|has|have|had|is|are|was|were)\s)")
# A preposition introducing a time expression dropped from a title.
_TIME_PREPOSITION = re.compile(r"(?:(?:^|\s+)(?:on|in|at|during|by|since|from|until|over|for))?\s*$",
                               re.IGNORECASE)
# A word that only stresses the date before it.
_DATE_FOCUS = re.compile(r"\s+(?:alone|only|too|again)\b(?=\s*,)")
_ENDED = re.compile(r"\s*(?:ended|ending|that\s+ended)\s*")
# A determiner, a possessive, "of" or "after/before" right before a date makes it part of a phrase
# ("the night of Oct. 23", "eight days after Oct. 12"): the title keeps it.
_MODIFYING_DATE_BEFORE = re.compile(r"\b(?:its|the|a|an|their|his|her|our|this|that|last|next|of|after|before)\s+$",
                                    re.IGNORECASE)
# Punctuation a dropped date leaves behind: "reported, on September 23, that" -> "reported,, that".
_SPACE_BEFORE_COMMA = re.compile(r"\s+(?=,)")
_REPEATED_COMMA = re.compile(r",(?:\s*,)+")


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_HasSpan)


@dataclass(frozen=True, kw_only=True, slots=True)
class EventExtraction:
    """Events of one document and the clauses that reported something we could not date."""

    events: tuple[Event, ...]
    undated: int = 0


class _Trigger(NamedTuple):
    """A word that names an event. A named tuple rather than a frozen dataclass: never leaves
    this module, and a document makes dozens of them."""

    kind: str
    noun: str
    start: int  # offsets into the document text
    end: int
    is_noun: bool
    anaphoric: bool = False  # refers back to an event already told; names no new event


def _quoted_ranges(text: str, start: int) -> list[tuple[int, int]]:
    """The quoted parts of a clause (offsets into the document). A quotation still open at the
    clause's end runs to it (a quotation spread over paragraphs closes only at its last one), and
    a closing mark with no opening one closes a quotation opened before the clause."""
    if '"' not in text and "“" not in text and "”" not in text and "``" not in text:
        return []  # no quotation mark (most clauses)
    ranges = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    covered_to = ranges[-1][1] if ranges else 0
    first = ranges[0][0] if ranges else len(text)
    closing = text.find("”", 0, first)
    if closing >= 0:
        ranges.insert(0, (0, closing + 1))
    opening = max(text.rfind("“", covered_to), text.rfind('"', covered_to))
    if opening >= 0 and text.find("”", opening) < 0:
        ranges.append((opening, len(text)))
    return [(start + a, start + b) for a, b in ranges]


# Words that can start a trigger, lower-case: single-word event nouns, event verbs, and "phone"
# (of "phone call"). Every other word is skipped without looking at it twice.
_CANDIDATES = frozenset({w for w in EVENT_NOUNS if " " not in w} | set(EVENT_VERBS) | {"phone"})


def _trie_alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, shared prefixes factored out.

    "meet|meets|met" becomes "me(?:et(?:s)?|t)": the engine then tests each letter of the text
    once against the few letters that may follow, instead of every word in turn.
    """
    root: dict[str, dict] = {}  # a trie: letter -> sub-trie, "" marks an end
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(letter) + pattern(child) for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return pattern(root)


# A word is a letter followed by letters, apostrophes and hyphens ("Russia’s", "full-scale").
# A candidate is a whole word of the lower-cased text: its run of word characters ([a-z’'-])
# starts after a character outside the run, may open with apostrophes or hyphens (which are not
# part of the word), and ends right after the word.
_CANDIDATE = re.compile(rf"(?<![a-z’'\-])[’'\-]*(?P<word>{_trie_alternation(_CANDIDATES)})(?![a-z’'\-])")
_LOWER_WORD = re.compile(r"[a-z][a-z’'\-]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")
# ASCII-only lower-casing: ``str.lower`` may change a non-ASCII text's length ("İ" becomes two
# characters) or turn a non-ASCII letter into an ASCII one (the Kelvin sign into "k").
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class _Words:
    """A document's trigger candidates, and its words around them, lower-cased.

    Clause boundaries never fall inside a word (they sit at spaces, line breaks, punctuation),
    so a clause's words are exactly the document's words between its offsets, and the words
    around a candidate are found by looking outwards from it, within the clause.
    """

    lowered: str
    starts: list[int]  # where each candidate word starts, in text order
    candidates: list[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        lowered = text.lower() if text.isascii() else text.translate(_ASCII_LOWER)
        found = [(m.start("word"), m.group("word")) for m in _CANDIDATE.finditer(lowered)]
        return cls(lowered=lowered, starts=[start for start, _ in found], candidates=[word for _, word in found])

    def candidate_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the candidate words starting in ``[start, end)``."""
        first = bisect_left(self.starts, start)
        return first, bisect_left(self.starts, end, first)

    def following(self, end: int, clause_end: int, count: int) -> list[str]:
        """Up to ``count`` words after offset ``end`` (a word's end) inside the clause."""
        return [m.group(0) for _, m in zip(range(count), _LOWER_WORD.finditer(self.lowered, end, clause_end),
                                            strict=False)]

    def previous(self, start: int, clause_start: int) -> str:
        """The word before the one at ``start`` inside the clause, or "" when it is the first."""
        text = self.lowered
        last_letter = start - 1
        while last_letter >= clause_start and not ("a" <= text[last_letter] <= "z"):
            last_letter -= 1
        if last_letter < clause_start:
            return ""
        run_start = last_letter
        while run_start > clause_start and text[run_start - 1] in _WORD_CHARS:
            run_start -= 1
        match = _LOWER_WORD.search(text, run_start, start)  # the run's word starts at its first letter
        assert match is not None  # the run holds ``last_letter``
        return match.group(0)


def _refers_back(clause: Span, start: int) -> bool:
    """Does the noun at ``start`` follow "this", "the", "such"... at the head of its clause?"""
    return _ANAPHORA.match(clause.text, 0, start - clause.start) is not None


# The dash after a dateline ("BERLIN — Talks stalled"): the word after it starts the sentence.
_AFTER_DATELINE = re.compile(r"[—–-]\s*$")
# Nouns that follow "to" or a modal as verbs: "agreed to control", "will visit".
_VERB_LIKE_NOUNS = frozenset({"control", "exchange", "vote", "call", "visit", "attack", "ban"})
_TO_OR_MODAL = frozenset({"to", "will", "would", "could", "may", "might"})


# Nouns for people and equipment that an event noun before them only describes: "rescue crews",
# "attack helicopters", "election officials", "protest leaders" name no event.
_DESCRIBED_NOUNS = frozenset("""
crews crew teams team workers worker officials official helicopters helicopter aircraft jets drones drone dogs
boats vehicles units unit squads squad forces troops personnel services leaders leader organisers organizers
groups group commission commissions committee monitors observers campaign campaigns
""".split())


def _modifies_a_noun(following: list[str]) -> bool:
    return bool(following) and following[0] in _DESCRIBED_NOUNS


def _find_triggers(clause: Span, words: _Words, doc_text: str) -> list[_Trigger]:
    """Every trigger in the clause outside quotation marks, in order; references back excluded.

    Only candidate words are examined; the words around them are looked up when a rule needs
    them.
    """
    first, last = words.candidate_range(clause.start, clause.end)
    if first == last:
        return []
    quoted = _quoted_ranges(clause.text, clause.start)
    found: list[_Trigger] = []
    skip_at = -1  # where the "call" of a "phone call" already taken starts
    for start, word in zip(words.starts[first:last], words.candidates[first:last], strict=True):
        if start == skip_at:
            continue
        end = start + len(word)
        if any(s <= start < e for s, e in quoted):
            continue
        if doc_text[start].isupper() and words.previous(start, clause.start) and not _AFTER_DATELINE.search(
                doc_text, max(clause.start, start - 4), start):
            continue  # part of a name mid-sentence: "the Cold War", "Peace Talks" in a headline
        trigger: _Trigger | None = None
        if word == "phone":
            following = words.following(end, clause.end, 1)
            if following == ["call"]:
                call_end = words.lowered.index("call", end) + len("call")
                trigger = _Trigger(kind="call", noun="phone call", start=start, end=call_end, is_noun=True,
                                   anaphoric=_refers_back(clause, start))
                skip_at = call_end - len("call")
        elif word in EVENT_NOUNS and _modifies_a_noun(words.following(end, clause.end, 1)):
            continue  # "rescue crews", "attack helicopters": a description, not an event
        elif word in EVENT_NOUNS and not (word == "call" and words.following(end, clause.end, 1) in (["for"], ["on"])):
            if word in _VERB_LIKE_NOUNS and words.previous(start, clause.start) in _TO_OR_MODAL:
                trigger = None  # an infinitive or modal verb: handled as a verb below
            else:
                trigger = _Trigger(kind=EVENT_NOUNS[word], noun=word, start=start, end=end, is_noun=True,
                                   anaphoric=_refers_back(clause, start))
        if trigger is None and word in EVENT_VERBS:
            kind, noun = EVENT_VERBS[word]
            if kind in {"launch", "sanctions", "exchange"}:
                # A light verb: the event is its object ("launched a full-scale invasion").
                if any(o in EVENT_NOUNS for o in words.following(end, clause.end, 4)):
                    continue  # the object noun is found on its own
                if kind == "launch":
                    continue
            trigger = _Trigger(kind=kind, noun=noun, start=start, end=end, is_noun=False)
        if trigger is None:
            continue
        found.append(trigger)
    return found


# The kind of an event told by a verb outside the lexicon: "verb:" and the verb, so that only
# tellings with the same verb can be merged as one happening.
_VERB_KIND = "verb:"


def _verb_trigger(clause: Span) -> list[_Trigger]:
    """The clause's main verb as its trigger (see :mod:`timeline.verbs`), outside quotations."""
    quoted = [(a - clause.start, b - clause.start) for a, b in _quoted_ranges(clause.text, clause.start)]
    verb = find_main_verb(clause.text, skip=quoted)
    if verb is None:
        return []
    return [_Trigger(kind=_VERB_KIND + verb.word, noun=verb.word, start=clause.start + verb.start,
                     end=clause.start + verb.end, is_noun=False)]


_PRONOUN_SUBJECT = re.compile(r"(?:He|She)\b")
# How far back a pronoun may look for the person it stands for (about a paragraph).
_PRONOUN_REACH = 400


def _last_person(actors: Sequence[ActorMention], *, before: int) -> list[ActorMention]:
    """The person named last before ``before``, for a clause that starts with "He"/"She"."""
    people = [a for a in actors if a.actor.kind is ActorKind.PERSON and before - _PRONOUN_REACH <= a.start < before]
    return people[-1:]


def _date_distance(trigger: _Trigger, date: TimeExpression) -> int:
    """How far a date is from a trigger, in characters, for pairing them."""
    if trigger.end <= date.start:
        return date.start - trigger.end
    if 0 <= trigger.start - date.end <= 1:
        return 0  # the date modifies the noun: "its 2022 invasion", "the February 2022 summit"
    return trigger.start - date.end + _FOLLOWING_PENALTY


def _choose(triggers: list[_Trigger], dates: list[TimeExpression]
            ) -> tuple[_Trigger | None, TimeExpression | None, frozenset[int]]:
    """The trigger a date belongs to (the pair closest together), or the first new trigger.

    Also returns the start offsets of the triggers that name this event (a gathering verb and
    the noun that names it better), so places attached to either belong to it.
    """
    fresh = [t for t in triggers if not t.anaphoric]
    if not fresh:
        return None, None, frozenset()
    if dates:
        # A date usually follows the phrase of its event ("met in Riyadh on Tuesday", "an
        # invasion in February 2022"), so a trigger after the date pays a distance penalty.
        pairs = [(_date_distance(t, d), t.start, d.start) for t in fresh for d in dates]
        _, t_start, d_start = min(pairs)
        chosen, timex = next(t for t in fresh if t.start == t_start), next(d for d in dates if d.start == d_start)
    else:
        chosen, timex = fresh[0], None
    partners = {chosen.start}
    if not chosen.is_noun and chosen.kind in _GATHERINGS:
        noun = next((t for t in fresh if t.is_noun and t.kind in _GATHERINGS and 0 < t.start - chosen.end < 40), None)
        if noun is not None:
            chosen = noun
            partners.add(noun.start)
    return chosen, timex, frozenset(partners)


# "two days after", "a week before" right before the trigger's phrase (at most a few words
# between: "two days after a magnitude 7.8 earthquake struck").
_OFFSET_LINK = re.compile(r"\s+(after|before)\s+(?:[\w.’'-]+\s+){0,5}$", re.IGNORECASE)
_SPACES = re.compile(r"\s*")
# A duration counted in days, weeks, months or years ("P2D", "P3M"): what an offset can move by.
_COUNTED = re.compile(r"P(\d+)([DWMY])")


class _Offset(NamedTuple):
    """An event told as "N days after" another: how far before the clause's date it lies."""

    trigger: _Trigger
    amount: int  # in ``unit``s; negative when the event came after the date ("a week before")
    unit: str  # "D", "W", "M" or "Y", as in the duration's TIMEX3 value
    said: str  # "two days after"
    phrase_start: int  # where "two days after" starts
    told_from: int  # where the words about the event start, after "after"

    def applied(self, interval: Interval, precision: Precision) -> tuple[Interval, Precision] | None:
        """The event's interval: the clause's date moved back by the offset."""
        return _moved_back(interval, precision, self.amount, self.unit)


def _moved_back(interval: Interval, precision: Precision, amount: int, unit: str
                ) -> tuple[Interval, Precision] | None:
    """``interval`` moved back by ``amount`` days, weeks, months or years (``unit`` "D", "W",
    "M", "Y"; a negative amount moves it forward). Days and weeks keep the precision; months and
    years coarsen it to the month or year they land in ("three months after a jury convicted
    him", said in January, is October)."""
    if interval.start is None or interval.end is None:
        return None
    if unit in ("D", "W"):
        shift = dt.timedelta(days=amount * (7 if unit == "W" else 1))
        try:
            return Interval(start=interval.start - shift, end=interval.end - shift), precision
        except OverflowError:
            return None
    months = amount * (12 if unit == "Y" else 1)
    index = interval.start.year * 12 + interval.start.month - 1 - months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9998:
        return None
    if unit == "Y":
        return Interval(start=dt.date(year, 1, 1), end=dt.date(year + 1, 1, 1)), Precision.YEAR
    first = dt.date(year, month + 1, 1)
    following = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    return Interval(start=first, end=following), Precision.MONTH


def _offset_before_trigger(text: str, durations: Sequence[TimeExpression], trigger: _Trigger) -> _Offset | None:
    """How far the trigger's event lies from the clause's date when it is the object of "N days
    after" or "N weeks before" ("on Wednesday, two days after an earthquake struck": two days
    earlier), with the words that say so and where the words about the event start; None
    otherwise."""
    for duration in durations:
        if not duration.end <= trigger.start:
            continue
        link = _OFFSET_LINK.match(text, duration.end, trigger.start)
        m = _COUNTED.fullmatch(duration.value)
        if link is None or m is None:
            continue
        direction = link.group(1).lower()
        spaces = _SPACES.match(text, link.end(1))
        told_from = spaces.end() if spaces else link.end(1)
        return _Offset(trigger=trigger, amount=int(m[1]) if direction == "after" else -int(m[1]), unit=m[2],
                       said=f"{duration.surface} {direction}", phrase_start=duration.start, told_from=told_from)
    return None


def _offset_in_clause(text: str, durations: Sequence[TimeExpression], triggers: Sequence[_Trigger]
                      ) -> _Offset | None:
    """The first new trigger of a clause told as "N days after" the clause's date, if any."""
    for trigger in triggers:
        if not trigger.anaphoric and (offset := _offset_before_trigger(text, durations, trigger)) is not None:
            return offset
    return None


def _status(clause: Span, trigger: _Trigger, doc_text: str) -> EventStatus | None:
    """The clause's status, or None when it only speculates or negates."""
    before = doc_text[clause.start:trigger.start]
    words_before = before.split()
    if _NEGATION.search(" ".join(words_before[-4:])):
        return None
    if _REPORTING.search(before) and _REPORTED_LINK.search(before):
        return EventStatus.REPORTED
    # A noun's plan may follow it ("talks are scheduled for Tuesday"); a verb's comes before it
    # ("will meet"): "voting opened on Monday and will close on Friday" happened.
    if _PLANNED.search(clause.text if trigger.is_noun else before):
        return EventStatus.PLANNED
    if _SPECULATIVE.search(before):
        return None
    if _ONGOING.search(clause.text):
        return EventStatus.ONGOING
    return EventStatus.HAPPENED


class _Spans(Generic[_S]):
    """Spans of one document (place mentions, time expressions, actors), kept in their order,
    that answer "which of you lie inside ``[start, end)``?" by bisection when they are sorted
    by start, as the finders return them, and by a scan otherwise (same answer, same order)."""

    __slots__ = ("items", "sorted", "starts")

    def __init__(self, items: Sequence[_S]) -> None:
        self.items = list(items)
        self.starts = [item.start for item in self.items]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def last_before(self, pos: int) -> _S | None:
        """The last span that ends at or before ``pos``, in text order."""
        if not self.sorted:
            earlier = [item for item in self.items if item.end <= pos]
            return earlier[-1] if earlier else None
        k = bisect_left(self.starts, pos)
        while k > 0:
            k -= 1
            if self.items[k].end <= pos:
                return self.items[k]
        return None

    def within(self, start: int, end: int) -> list[_S]:
        if not self.sorted:
            return [item for item in self.items if start <= item.start and item.end <= end]
        first = bisect_left(self.starts, start)
        last = bisect_right(self.starts, end, first)  # an empty span at ``end`` is inside
        return [item for item in self.items[first:last] if item.end <= end]


def _datable(times: Sequence[TimeExpression]) -> list[TimeExpression]:
    """The expressions that can date an event (a date or time with an interval), in order."""
    return [t for t in times if t.type in (TimexType.DATE, TimexType.TIME) and t.interval is not None]


def _date_expressions(datable: _Spans[TimeExpression], span: Span) -> list[TimeExpression]:
    return datable.within(span.start, span.end)


def _nearest(times: list[TimeExpression], trigger: _Trigger) -> TimeExpression | None:
    if not times:
        return None
    return min(times, key=lambda t: (abs(t.start - trigger.start), t.start))


def _mention_role(mention: PlaceMention, clause: Span, triggers: Sequence[_Trigger], doc_text: str,
                  kind: str, *, dateline_end: int, told_until: int) -> PlaceRole:
    """What a place is to the clause's event, from the words around its mention.
    ``dateline_end`` is where the clause's dateline ends (its start when it has none) and
    ``told_until`` where the words about its last trigger's event end (:func:`_told_until`)."""
    assert mention.place is not None
    if mention.role is MentionRole.ASSOCIATIVE and _DESCRIBES_PLACE.match(doc_text, mention.end):
        return PlaceRole.MENTIONED  # "Riyadh, the Saudi capital": describes the site, acts in nothing
    if clause.start <= mention.start and mention.end <= dateline_end:
        return PlaceRole.MENTIONED  # "VIENNA —": where the story was filed
    if mention.role is not MentionRole.LITERAL or mention.in_organisation:
        return PlaceRole.ACTOR  # "Russian officials", "the Kremlin said", "the Paris police"
    if mention.start >= told_until:
        # "..., she told reporters in Wroclaw": where it was said; "..., and the fighting in
        # Donbas": another clause's
        return PlaceRole.MENTIONED
    lead = doc_text[max(clause.start, mention.start - 12):mention.start]
    if _SITE_PREPOSITION.search(lead) and mention.place.kind is not PlaceKind.CONTINENT:
        return PlaceRole.SITE
    if any(not t.is_noun and t.end <= mention.start and _OBJECT_GAP.fullmatch(doc_text, t.end, mention.start)
           for t in triggers):
        return PlaceRole.SITE  # the object of the event's verb: "would visit Dallas", "invaded Ukraine"
    if _PLACE_NOUN_OF.search(doc_text, max(clause.start, mention.start - 24), mention.start):
        return PlaceRole.SITE  # "the town of Nysa was cut off"
    if _OF_PREPOSITION.search(lead) and kind in _TARGETED_KINDS:
        return PlaceRole.SITE
    if doc_text.startswith(("’s ", "'s "), mention.end) and mention.place.kind is PlaceKind.COUNTRY:
        return PlaceRole.ACTOR  # the possessor acts: "Russia's invasion", "Britain's offer"
    first_trigger = triggers[0].start if triggers else clause.end
    if mention.end <= first_trigger and mention.place.kind in (PlaceKind.COUNTRY, PlaceKind.CITY, PlaceKind.REGION,
                                                               PlaceKind.ADMIN1):
        if _SUBORDINATE_OPENER.match(doc_text, clause.start) and "," in doc_text[mention.end:first_trigger]:
            # "When Iraq failed to respond, Bush let the offensive begin": not the subject
            return PlaceRole.MENTIONED
        return PlaceRole.ACTOR  # the subject: "Russia has controlled ...", "officials from the United States"
    return PlaceRole.MENTIONED


# What stands between two coordinated place names: "Austria and the Czech Republic".
_COORDINATION = re.compile(r"\s*(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?")


def _roles(mentions: Sequence[PlaceMention], clause: Span, triggers: Sequence[_Trigger], doc_text: str,
           kind: str) -> list[tuple[PlaceMention, PlaceRole]]:
    """Each mention's role (:func:`_mention_role`); a place coordinated with a site is a site
    too ("crews in Austria and the Czech Republic")."""
    if not mentions:
        return []
    dateline = _DATELINE.match(clause.text)
    dateline_end = clause.start + dateline.end() if dateline is not None else clause.start
    told_until = _told_until(clause, triggers[-1]) if triggers else clause.end
    roles = [(m, _mention_role(m, clause, triggers, doc_text, kind, dateline_end=dateline_end,
                               told_until=told_until)) for m in mentions]
    for k in range(1, len(roles)):
        (before, before_role), (mention, role) = roles[k - 1], roles[k]
        if before_role is PlaceRole.SITE and role is not PlaceRole.SITE and mention.role is MentionRole.LITERAL \
                and not mention.in_organisation and _COORDINATION.fullmatch(doc_text, before.end, mention.start):
            roles[k] = (mention, PlaceRole.SITE)
    return roles


def _told_until(clause: Span, trigger: _Trigger) -> int:
    """Where the words about the trigger's event end: at an "X said" closing the clause or at a
    coordinated clause after the trigger, else at the clause's end (offsets into the document)."""
    end = clause.end
    for ending in (_SAID_TAIL.search(clause.text), _NEXT_CLAUSE.search(clause.text, trigger.end - clause.start)):
        if ending is not None and trigger.end <= clause.start + ending.start() < end:
            end = clause.start + ending.start()
    return end


def _owner(mention: PlaceMention, triggers: Sequence[_Trigger]) -> _Trigger | None:
    """The trigger a place mention belongs to: the nearest one, preferring one before it."""
    if not triggers:
        return None
    return min(triggers, key=lambda t: (abs(mention.start - t.end) if t.end <= mention.start
                                        else abs(t.start - mention.end) + 20, t.start))


_ROLE_RANK = {PlaceRole.SITE: 0, PlaceRole.ACTOR: 1, PlaceRole.MENTIONED: 2}


def _event_places(mentions: Sequence[tuple[PlaceMention, PlaceRole]],
                  actors: Sequence[ActorMention]) -> tuple[EventPlace, ...]:
    places: dict[tuple[object, ...], EventPlace] = {}
    rank = _ROLE_RANK

    def add(place: Place, role: PlaceRole, mention: PlaceMention | None) -> None:
        key = place_key(place)
        current = places.get(key)
        if current is None or rank[role] < rank[current.role]:
            places[key] = EventPlace(place=place, role=role, surface=mention.surface if mention else None,
                                     start=mention.start if mention else None, end=mention.end if mention else None)

    for mention, role in mentions:
        assert mention.place is not None
        add(mention.place, role, mention)
    for actor in actors:
        if actor.home is not None:
            add(actor.home, PlaceRole.ACTOR, None)
    ordered = sorted(places.values(), key=lambda ep: (rank[ep.role], ep.start if ep.start is not None else 1 << 60))
    return tuple(ordered)


def _short_name(place: Place, surface: str | None) -> str:
    if place.country_code in _SHORT_COUNTRY and place.kind is PlaceKind.COUNTRY:
        return _SHORT_COUNTRY[place.country_code]
    return place.name


_MODIFIER = re.compile(r"[A-Za-z][\w\-]*")


def _noun_phrase(doc_text: str, clause: Span, trigger: _Trigger) -> str:
    """The trigger noun with the modifiers right before it: "a surprise phone call" -> "surprise phone call"."""
    before = doc_text[clause.start:trigger.start].split()
    modifiers: list[str] = []
    for word in reversed(before[-3:]):
        bare = word.strip(",;:“”\"'’")
        if not bare or bare.lower() in _NP_STOP or not _MODIFIER.fullmatch(bare) or bare[0].isupper() or (
                bare.lower() in EVENT_VERBS):
            break
        modifiers.insert(0, bare)
    return " ".join([*modifiers, trigger.noun])


_TRIGGER_MARK = "\u2063"  # invisible separator: never in a title, seldom in news text
# A stretch between commas that a long subject can do without: ", accompanied by one of the
# family's lawyers,".
_ASIDE = re.compile(r",\s[^,]{2,100}?,")


def _trigger_within_reach(words: list[str]) -> list[str]:
    """A title's words, the trigger's mark removed; when the trigger would fall past the words a
    title keeps, the asides between commas before it are left out, longest first."""
    at = next((k for k, w in enumerate(words) if _TRIGGER_MARK in w), None)
    words = [w.replace(_TRIGGER_MARK, "") for w in words]
    words = [w for w in words if w]
    if at is None or at < _TITLE_MAX_WORDS - 2:
        return words
    before, after = " ".join(words[:at]), words[at:]
    while len(before.split()) >= _TITLE_MAX_WORDS - 2:
        asides = sorted(_ASIDE.finditer(before), key=lambda m: m.end() - m.start(), reverse=True)
        if not asides:
            break
        before = before[:asides[0].start()] + before[asides[0].end():]
    return [*before.split(), *after]


# What stands between a subject and its verb without belonging to the subject.
_AUXILIARY_TAIL = re.compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|would|[a-z]+ly|also|not))+\s*$")
_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her"})


def _subject_of(clause: str) -> str | None:
    """The subject a coordinated clause shares with the first ("The FBI has interviewed and
    released ..." -> "The FBI"): the words before the first clause's main verb, when they are
    few and begin with a capital; else its first word, when that is a name, not a determiner."""
    verb = find_main_verb(clause)
    if verb is not None:
        subject = _AUXILIARY_TAIL.sub("", clause[:verb.start]).strip(" ,")
        if subject[:1].isupper() and 1 <= len(subject.split()) <= 6:
            return subject
    head = clause.split(None, 1)
    first = head[0] if head else ""
    return first if first[:1].isupper() and first not in _DETERMINERS else None


def _title_start(text: str, at: int) -> int:
    """Where a clause's title starts, ``at`` being where its trigger is: after a dateline, a
    discourse opener, a subordinate clause that does not hold the trigger, and an "X said"."""
    dateline = _DATELINE.match(text)
    begin = dateline.end() if dateline is not None and dateline.end() <= at else 0
    opener = _DISCOURSE_OPENER.match(text, begin)
    if opener is not None and opener.end() <= at:
        begin = opener.end()
    subordinate = _SUBORDINATE_OPENER.match(text, begin)
    comma = text.find(",", begin, at) if subordinate is not None else -1
    if comma >= 0:
        begin = comma + 1  # "When Iraq failed to respond, Bush let the offensive begin": Bush's act
    head = _SAID_HEAD.match(text, begin)
    if head is not None and head.end() <= at:
        begin = head.end()  # "Officials said the river would crest": the river's cresting
    return begin


def _without_dates(text: str, begin: int, cut: int, dates: Sequence[tuple[int, int]]) -> str:
    """``text[begin:cut]`` without its adverbial dates (``dates``: their offsets in ``text``)
    and the prepositions that bring them in. A date that modifies a noun ("its fourth quarter
    ended", "Saturday night's debate", "the night of Oct. 23") stays."""
    pieces: list[str] = []
    cursor = begin
    for a, b in dates:
        if not (begin <= a and b <= cut and cursor <= a) or _MODIFYING_DATE_BEFORE.search(text, cursor, a) \
                or text.startswith(("'s", "’s"), b):
            continue
        kept = text[cursor:a]
        if pieces and _ENDED.fullmatch(kept):
            kept = ""  # "for the quarter ended Sept. 30": both dates go, and the word between
        pieces.append(kept[:_TIME_PREPOSITION.search(kept).start()])  # type: ignore[union-attr]
        after = _DATE_FOCUS.match(text, b)
        cursor = after.end() if after is not None else b  # "Last week alone, ...": "alone" goes too
    pieces.append(text[cursor:cut])
    return " ".join(pieces)


def _clause_title(clause: Span, trigger: _Trigger, carried_subject: str | None,
                  times: Sequence[TimeExpression]) -> str:
    """The clause as a title: from :func:`_title_start` to the "X said" or coordinated clause
    that closes it, without its dates and relative asides ("Storm Boris dumped record rain on
    central Europe"), at most :data:`_TITLE_MAX_WORDS` words with the trigger among them."""
    # the trigger is marked, to find it among the title's words once dates are taken out
    at = trigger.start - clause.start
    text = clause.text[:at] + _TRIGGER_MARK + clause.text[at:]

    def offset(position: int) -> int:  # a document offset as an offset into the marked text
        return position - clause.start + (position >= trigger.start)

    cut = offset(_told_until(clause, trigger))
    kept = _without_dates(text, _title_start(text, at), cut, [(offset(t.start), offset(t.end)) for t in times])
    joined = _REPEATED_COMMA.sub(",", _SPACE_BEFORE_COMMA.sub("", _RELATIVE_ASIDE.sub("", kept)))
    words = _trigger_within_reach(joined.strip(" \t\n.;:,").split())
    if carried_subject and words and words[0].islower():
        words = [carried_subject, *words]
    words = words[:_TITLE_MAX_WORDS]
    while len(words) > 1 and words[-1].rstrip(",;:").lower() in _DANGLING:
        words.pop()  # "... after a dam failed, and", "expected to peak and": end on a full word
    title = " ".join(words).rstrip(",;:")
    return (title[0].upper() + title[1:]) if title else trigger.noun.capitalize()


def _title(doc_text: str, clause: Span, trigger: _Trigger, places: Sequence[EventPlace],
           actors: Sequence[ActorMention], carried_subject: str | None,
           times: Sequence[TimeExpression] = ()) -> str:
    """Who + what + where: "US-Russia talks in Riyadh", "Trump-Putin phone call"."""
    site = next((ep.place for ep in places if ep.role is PlaceRole.SITE and ep.place.kind not in (
        PlaceKind.COUNTRY, PlaceKind.CONTINENT)), None)
    site_country = next((ep.place for ep in places if ep.role is PlaceRole.SITE), None)
    people = list(dict.fromkeys(a.actor.name.split()[-1] for a in actors if a.actor.kind is ActorKind.PERSON))
    countries = list(dict.fromkeys(_short_name(ep.place, ep.surface) for ep in places
                                   if ep.role is PlaceRole.ACTOR and ep.place.kind is PlaceKind.COUNTRY))
    possessor = next((ep for ep in places if ep.end is not None and ep.place.kind is PlaceKind.COUNTRY
                      and _POSSESSOR_GAP.fullmatch(doc_text, ep.end, trigger.start)), None)
    if possessor is not None:
        # "Iraq's invasion of Kuwait": the possessor alone acts, whoever else the clause names
        countries = [_short_name(possessor.place, possessor.surface)]
    if people and trigger.kind in _PERSONAL_KINDS and (len(people) >= 2 or len(countries) < 2):
        who = "-".join(people[:3])
    elif len(countries) >= 2:
        who = "-".join(countries[:3])
    elif countries:
        who = f"{countries[0]}’s" if trigger.kind in _TARGETED_KINDS else countries[0]
    elif people:
        who = people[0]
    else:
        # Only a continent or region acts: name it the way the text did ("European").
        wider = [ep for ep in places if ep.role is PlaceRole.ACTOR and ep.place.kind in (
            PlaceKind.CONTINENT, PlaceKind.REGION)]
        who = (wider[0].surface or wider[0].place.name) if wider else ""
    target = site or (site_country if site_country and _short_name(site_country, None) not in countries else None)
    if (not who and target is None) or trigger.kind.startswith(_VERB_KIND):
        # Nobody and nowhere to name, or an event told by its verb alone: the clause itself says
        # more than a bare noun.
        return _clause_title(clause, trigger, carried_subject, times)
    phrase = _noun_phrase(doc_text, clause, trigger) if trigger.is_noun else trigger.noun
    title = f"{who} {phrase}".strip()
    if target is not None and target.name not in title:
        if trigger.kind in _TARGETED_KINDS and target.kind is PlaceKind.COUNTRY:
            preposition = "of"
        elif trigger.kind == "visit":
            preposition = "to"
        else:
            preposition = "in"
        title += f" {preposition} {target.name}"
    return title[0].upper() + title[1:]


def _event_id(document_id: str, start: int) -> str:
    digest = hashlib.sha1(f"{document_id}\x00{start}".encode()).hexdigest()[:10]
    return f"ev-{digest}"


_LATER = re.compile(r"(?:[ \t]+|^)(later|afterwards|after\s+that|earlier|before\s+that)$", re.IGNORECASE)
_LATER_AFTER = re.compile(r"[ \t]+(later|afterwards|after\s+that|earlier|before\s+that)\b", re.IGNORECASE)


def _later_than_before(text: str, durations: Sequence[TimeExpression], before: TimeExpression | None
                       ) -> tuple[Interval, Precision, str] | None:
    """The date of a clause told as "a week later" or "two days earlier" than the story's time:
    the last date the text gave before the clause, moved by the duration (days and weeks keep
    its precision, months and years give the month or year). None without such words, or
    without a date before them."""
    if before is None or before.interval is None or before.precision is None:
        return None
    for duration in durations:
        m = _COUNTED.fullmatch(duration.value)
        if m is None:
            continue
        # the tagger's span may hold "later" ("A week later") or stop before it
        inside = _LATER.search(duration.surface)
        after = None if inside else _LATER_AFTER.match(text, duration.end)
        link = inside or after
        if link is None:
            continue
        later = link.group(1).lower().split()[0] in ("later", "afterwards", "after")
        moved = _moved_back(before.interval, before.precision, -int(m[1]) if later else int(m[1]), m[2])
        if moved is None:
            return None
        said = text[duration.start:after.end()] if after else duration.surface
        return moved[0], moved[1], f"“{said}” counted from “{before.surface}”"
    return None


def _undated_interval(status: EventStatus, published: dt.date | None,
                      previous: Event | None) -> tuple[Interval, Precision, str] | None:
    """A date from the publication date when the clause has none, or None to leave it undated.

    ``previous`` is the event this clause continues ("This exchange prompted ..."), if any.
    """
    if published is None:
        return None
    if status is EventStatus.PLANNED:
        return (Interval(start=published, end=None), Precision.DAY,
                "publication date: planned, no date given (on or after publication)")
    if status is EventStatus.ONGOING:
        return Interval.day(published), Precision.DAY, "publication date: ongoing at publication"
    if previous is not None:
        after = previous.interval.end or previous.interval.start
        before = published + dt.timedelta(days=1)
        if after is not None and after < before:
            interval = Interval(start=after, end=before)
            return (interval, precision_of(interval),
                    f"story order: after “{previous.title}”, on or before publication")
    return None


def _same_happening(a: Event, b: Event, kind_a: str, kind_b: str) -> bool:
    if kind_a != kind_b or not a.interval.overlaps(b.interval):
        return False
    sites_a = {place_key(ep.place) for ep in a.places if ep.role is PlaceRole.SITE}
    sites_b = {place_key(ep.place) for ep in b.places if ep.role is PlaceRole.SITE}
    if kind_a.startswith(_VERB_KIND):
        # a verb says less than an event noun: "shares rose" and "prices rose" on one day are two
        # happenings unless they share a site or are told in the same words
        return bool(sites_a & sites_b) or a.title == b.title
    return bool(sites_a & sites_b) or (not sites_a and not sites_b)


def _refine_earlier(events: list[tuple[Event, str]], back: _Trigger,
                    roles: Sequence[tuple[PlaceMention, PlaceRole]], timex: TimeExpression | None,
                    *, upto: int | None = None) -> None:
    """Merge what a clause that refers back to an event ("The quake hit ... near Gaziantep")
    adds into the latest event of that kind in the document (among the first ``upto``): its
    sites, and its date when that is finer (see :func:`_merge_into`)."""
    sites = [(m, r) for m, r in roles if r is PlaceRole.SITE]
    dated = timex is not None and timex.interval is not None and timex.precision is not None
    if not sites and not dated:
        return
    last = len(events) if upto is None else upto
    index = next((k for k in range(last - 1, -1, -1) if events[k][1] == back.kind), None)
    if index is None:
        return
    earlier, kind = events[index]
    extra = replace(earlier, places=_event_places(sites, ()) if sites else earlier.places)
    if dated and timex is not None and timex.interval is not None and timex.precision is not None:
        extra = replace(extra, interval=timex.interval, precision=timex.precision,
                        date_reason=f"time expression “{timex.surface}”", timex=timex)
    events[index] = (_merge_into(earlier, extra), kind)


def _merge_into(kept: Event, extra: Event) -> Event:
    """One event from two tellings: the places and actors of both, the finer date (a closed one
    before an open one of the same precision: "on Tuesday" before "planned, no date given")."""
    finer = extra if not extra.interval.is_open and (
        extra.precision.rank < kept.precision.rank
        or (kept.interval.is_open and extra.precision.rank == kept.precision.rank)) else kept
    return replace(kept, places=union_places(kept, extra, site_wins=False), actors=union_actors(kept, extra),
                   interval=finer.interval, precision=finer.precision, date_reason=finer.date_reason,
                   timex=finer.timex)


def extract_events(document: Document, *, places: Sequence[PlaceMention],
                   times: Sequence[TimeExpression]) -> EventExtraction:
    """The events an article reports, in text order, same-document duplicates merged."""
    text = document.text
    actors = find_actors(text, places)
    words = _Words.of(text)
    placed = _Spans([m for m in places if m.place])  # filtered once, in order, for every clause
    datable = _Spans(_datable(times))
    durations = _Spans([t for t in times if t.type is TimexType.DURATION])
    actor_spans = _Spans(actors)
    source = Source(document_id=document.id, title=document.title, url=document.source, published=document.published)
    events: list[tuple[Event, str]] = []
    undated = 0
    previous: Event | None = None
    candidate_starts, next_candidate = words.starts, 0
    for sentence in split_sentences(text):
        # Sentences and candidates are both in text order: advance past those before it.
        while next_candidate < len(candidate_starts) and candidate_starts[next_candidate] < sentence.start:
            next_candidate += 1
        if (next_candidate == len(candidate_starts) or candidate_starts[next_candidate] >= sentence.end) and \
                not datable.within(sentence.start, sentence.end):
            continue  # no clause of it can have a trigger or a dated verb: no event, no context
        clauses = split_clauses(sentence)
        # Places of earlier clauses of the sentence, with their roles: a coordinated clause
        # ("... and launched an invasion") shares its subject and setting.
        context: list[tuple[PlaceMention, PlaceRole]] = []
        carried_subject: str | None = None
        for position, clause in enumerate(clauses):
            triggers = _find_triggers(clause, words, text)
            if position == 0 and len(clauses) > 1:
                carried_subject = _subject_of(clause.text)
            dates = _date_expressions(datable, clause) or (
                _date_expressions(datable, sentence) if len(clauses) == 1 else [])
            if not triggers and dates:
                # a dated clause outside the event lexicon ("Volunteers filled sandbags on
                # Wednesday") reports what its verb says
                triggers = _verb_trigger(clause)
            if not triggers:
                continue
            in_clause = placed.within(clause.start, clause.end)
            times_in_clause = datable.within(clause.start, clause.end)
            if dates and any(t.anaphoric for t in triggers):
                # "The quake hit on Monday near Gaziantep" with no quake told before (its first
                # mention had no date): the reference, dated, is the event's first telling
                told = {kind for _, kind in events}
                triggers = [t._replace(anaphoric=False) if t.anaphoric and t.kind not in told else t for t in triggers]
            chosen, timex, chosen_partners = _choose(triggers, dates)
            if chosen is None:
                roles_back = _roles(in_clause, clause, triggers, text, triggers[-1].kind)
                # "The quake hit before dawn on Monday near Gaziantep": no new event, but the
                # one it refers back to gains the clause's site and, if finer, its date
                _refine_earlier(events, triggers[-1], roles_back, _nearest(dates, triggers[-1]))
                context.extend(roles_back)
                continue
            # "Talks stalled on Monday, a week after the election": two events, the talks on
            # Monday and the election a week before; the election's words end the talks'.
            offset = _offset_in_clause(text, durations.within(sentence.start, sentence.end), triggers) \
                if timex is not None else None
            jobs: list[tuple[_Trigger, frozenset[int], _Offset | None]] = []
            main_until = len(text)
            if offset is None:
                jobs.append((chosen, chosen_partners, None))
            else:
                main_until = offset.phrase_start
                main = chosen if chosen.end <= main_until else next(
                    (t for t in triggers if not t.anaphoric and t.end <= main_until), None)
                if main is not None:
                    jobs.append((main, chosen_partners if main is chosen else frozenset({main.start}), None))
                jobs.append((offset.trigger, frozenset({offset.trigger.start}), offset))
            told_before = len(events)
            back = [t for t in triggers if t.anaphoric]
            if back:
                # "The quake hit near Gaziantep, and a second tremor followed near Elbistan": the
                # earlier quake gains what the clause says of it (its sites, its nearest date)
                roles_all = _roles(in_clause, clause, triggers, text, "")
                for t in back:
                    own_sites = [(m, r) for m, r in roles_all if r is PlaceRole.SITE and _owner(m, triggers) is t]
                    own_date = next((d for d in dates if min(triggers, key=lambda x: _date_distance(x, d)) is t), None)
                    _refine_earlier(events, t, own_sites, own_date, upto=told_before)
            for trigger, partners, offset in jobs:
                roles = _roles(in_clause, clause, triggers, text, trigger.kind)
                if offset is not None:
                    # the places before "after" are the main clause's, not this event's
                    roles = [(m, r) for m, r in roles if m.start >= offset.told_from]
                else:
                    roles = [(m, r) for m, r in roles if m.start < main_until]
                status = _status(clause, trigger, text)
                if status is None:
                    context.extend(roles)
                    continue
                titled = clause  # the words a title may quote: the clause, or the part about this event
                if timex is not None and timex.interval is not None:
                    interval = timex.interval
                    precision = timex.precision or precision_of(interval)
                    reason = f"time expression “{timex.surface}”"
                    moved = offset.applied(interval, precision) if offset is not None else None
                    if offset is not None and moved is not None:
                        # "on Wednesday, two days after an earthquake struck": the quake is Monday
                        interval, precision = moved
                        reason = f"“{offset.said}” counted from “{timex.surface}”"
                        titled = Span(text=text[offset.told_from:clause.end], start=offset.told_from, end=clause.end)
                    if document.published and interval.start and interval.start > document.published and (
                            status is EventStatus.HAPPENED):
                        status = EventStatus.PLANNED
                    elif offset is not None and document.published and interval.end and (
                            interval.end <= document.published and status is EventStatus.PLANNED):
                        # "will elect a sheriff on Tuesday, two months after the sheriff
                        # resigned": the resignation, dated before publication, happened
                        status = EventStatus.HAPPENED
                elif (later := _later_than_before(text, durations.within(clause.start, clause.end),
                                                  datable.last_before(clause.start))):
                    # "By November 11 he was ill. A week later he was poisoned": November 18
                    interval, precision, reason = later
                else:
                    continues = any(not t.is_noun for t in triggers) and bool(_CONTINUATION.search(clause.text))
                    dated = _undated_interval(status, document.published, previous if continues else None)
                    if dated is None:
                        undated += 1
                        context.extend(roles)
                        continue
                    interval, precision, reason = dated
                own = [(m, r) for m, r in roles if r is PlaceRole.ACTOR or len(triggers) == 1
                       or getattr(_owner(m, triggers), "start", None) in partners]
                carried = ([(m, r) for m, r in context if r is not PlaceRole.MENTIONED]
                           if position > 0 and offset is None else [])
                clause_actors = actor_spans.within(clause.start, clause.end)
                if not clause_actors and _PRONOUN_SUBJECT.match(clause.text):
                    clause_actors = _last_person(actors, before=clause.start)
                event_places = _event_places(carried + own, clause_actors)
                event = Event(
                    id=_event_id(document.id, clause.start if offset is None else trigger.start),
                    title=_title(text, titled, trigger, event_places, clause_actors,
                                 carried_subject if position > 0 else None, times_in_clause),
                    interval=interval, precision=precision, status=status, places=event_places,
                    actors=tuple(dict.fromkeys(a.actor for a in clause_actors)),
                    sentence=sentence.text, sentence_start=sentence.start, sentence_end=sentence.end,
                    document_id=document.id, sources=(source,), date_reason=reason, timex=timex,
                )
                for index, (earlier, kind) in enumerate(events):
                    if kind == trigger.kind and _same_happening(earlier, event, kind, trigger.kind):
                        events[index] = (_merge_into(earlier, event), kind)
                        break
                else:
                    events.append((event, trigger.kind))
                previous = event
                context.extend(roles)
    return EventExtraction(events=tuple(e for e, _ in events), undated=undated)
