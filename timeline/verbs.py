"""The main verb of a clause, found without a part-of-speech tagger.

Used for clauses that carry a date but no word of the event lexicon ("Volunteers filled
sandbags on Wednesday"): what the clause reports is its verb. The finder reads the clause's
words left to right, outside the quotations the caller names, and takes the first that is:
1. a base form after a modal or a "to" of intention ("will send", "would crest", "plans to
   close"), or a past participle after a form of "be", "have" or "get" ("was cut off", "has
   reopened", "was admitted to hospital"; not "was said");
2. an irregular past form from a closed list ("fell", "struck", "took");
3. a regular past form ("evacuated", "filled"): a word ending in "-ed" that is not on a list of
   look-alikes ("hundred", "need"), is not an adjective after a determiner or preposition
   ("the armed forces", "in limited numbers"), and does not open a participle's aside (",
   accompanied by his lawyers,").
Reporting verbs ("said", "told") are skipped: in "Officials said the river would crest", the
river's cresting is the news. Auxiliaries, copulas and "had" alone are not verbs of an event.
The answer is the verb, lower-cased, with its offsets in the clause; whether the clause plans,
reports or speculates is for the caller to read from the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

__all__ = ["ClauseVerb", "find_main_verb"]


class ClauseVerb(NamedTuple):
    word: str  # as written, lower-cased
    start: int  # offsets into the text the clause was given as
    end: int


_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")

# Modals: the next word is a verb in its base form.
_MODALS = frozenset({"will", "would", "shall", "must", "’ll", "'ll"})
# Words of intention or obligation that make a "to" after them an infinitive's ("plans to
# close", "agreed to send"); elsewhere "to" is a preposition ("admitted to hospital").
_INTENT_BEFORE_TO = frozenset("""
plan plans planned planning aim aims aimed hope hopes hoped seek seeks sought intend intends intended expect
expects expected scheduled due set going want wants wanted agree agrees agreed decide decides decided vow vows
vowed promise promises promised threaten threatens threatened refuse refuses refused order orders ordered
prepare prepares prepared try tries tried attempt attempts attempted move moves moved voted vote votes
""".split())
# Saying verbs that are no event as participles either: "it was reported that ...".
_SAYING = frozenset({"said", "told", "reported", "announced", "stated", "claimed", "noted", "added", "asked",
                     "believed", "thought", "expected", "estimated", "according"})
# Forms of "be", "have", "get" that put a past participle after them.
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "get", "got",
                          "gets"})
# Words that stand between an auxiliary and its participle ("was quickly cut off", "has not").
_ADVERB = re.compile(r"[a-z]+ly|not|never|also|already|still|just|since|then|again|now|soon|later|once|even|yet")
# Past forms of irregular verbs that news tells events with. "said", "told" and the like are
# reporting verbs, and "was", "had", "did" auxiliaries: none of them is listed.
_IRREGULAR_PAST = frozenset("""
arose ate awoke beat became began bent bet bit bled blew bore broke brought built burned burnt burst bought
cast caught chose clung came cost crept cut dealt dug dove drew drank drove dwelt fed fell felt fought found fled
flew forbade forecast foresaw forgave froze gave grew hung heard hid hit held hurt kept knelt knew laid led leapt
left lent let lay lit lost made met mistook overcame overran overtook overthrew paid proved put quit ran rang
rebuilt repaid reset rode rose sank saw sought sold sent set sewed shook shot shrank shut sang slid slew slept
slit sped spent spilt split spread sprang stood stole stuck stung struck strove swore swept swam swung
took taught tore threw thrust trod underwent understood undertook upheld upset went withdrew withheld withstood
won wound
""".split())
# Past participles of irregular verbs, for "was struck", "has risen".
_IRREGULAR_PARTICIPLES = _IRREGULAR_PAST | frozenset("""
arisen awoken beaten become begun bitten blown borne born broken chosen done drawn drunk driven eaten fallen
flown forbidden forgiven forgotten frozen given gone grown hidden known lain mistaken overtaken overthrown proven
ridden risen rung seen sewn shaken shown shrunk slain sung sunk spoken stolen striven sworn swum taken torn
thrown trodden undergone undertaken withdrawn woken worn woven written
""".split())
# Words ending in "-ed" that are no past form, or whose past form is almost always an adjective.
_NOT_PAST = frozenset("""
bed bred need feed hundred red shed speed seed sled wed weed united limited based related interested
concerned supposed so-called named detailed advanced experienced skilled talented armed aged alleged beloved
biased crooked dogged jagged learned naked ragged rugged sacred wicked wretched kindred indeed embed steed
tweed proceed exceed succeed breed greed
""".split())
# Reporting and mental verbs: what was said is the news, not the saying.
_REPORTING = frozenset("""
said says say told tell tells stated added announced confirmed reported claimed noted explained argued
warned insisted estimated believed believes think thought thinks hoped expected suggested indicated
acknowledged denied admitted asked urged wrote according speculated predicted
""".split())
# Words after which an "-ed" word is an adjective: determiners, possessives, prepositions.
_BEFORE_ADJECTIVE = frozenset("""
a an the this that these those its their his her our my your some many several no every each other such
of in on at by for from with into onto over under about against between among during without within
very more most less least well newly recently
""".split())
_BASE_FORM = re.compile(r"[a-z][a-z-]+")
_BY_AFTER = re.compile(r"\s+by\b")
_PERIODS = frozenset({"quarter", "quarters", "year", "years", "period", "periods", "month", "months", "week",
                      "weeks", "half", "season"})


def _is_past(word: str, previous: str) -> bool:
    if word in _IRREGULAR_PAST:
        return previous not in _BEFORE_ADJECTIVE
    return (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST
            and previous not in _BEFORE_ADJECTIVE)


def _is_participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith(("ed", "en")) and word not in _NOT_PAST)


def find_main_verb(clause: str, *, skip: Sequence[tuple[int, int]] = ()) -> ClauseVerb | None:
    """The verb that tells the clause's event, or None when none is found. Words starting in a
    span of ``skip`` (offsets in ``clause``: its quotations, which the caller knows) are not
    read."""
    # one pass over the words, remembering the two before (the verb is usually among the first)
    second_last = last = ""
    last_end = 0
    for k, match in enumerate(_WORD.finditer(clause)):
        if skip and any(s <= match.start() < e for s, e in skip):
            continue
        written = match.group(0)
        word = written.lower()
        previous, before_previous = last, second_last
        second_last, last = last, word
        after_comma = "," in clause[last_end:match.start()]
        last_end = match.end()
        if k and written[0].isupper():
            continue  # a word of a name mid-sentence
        adverb_before = bool(previous) and _ADVERB.fullmatch(previous) is not None
        # the word before, over an adverb: "would not recognise", "will soon send"
        before = before_previous if adverb_before else previous
        infinitive = previous == "to" and before_previous in _INTENT_BEFORE_TO
        if (before in _MODALS or infinitive) and _BASE_FORM.fullmatch(word) and word not in _AUXILIARIES \
                and word != "be" and not _ADVERB.fullmatch(word):
            return ClauseVerb(word=word, start=match.start(), end=match.end())
        if previous in _AUXILIARIES or (adverb_before and before_previous in _AUXILIARIES):
            if _is_participle(word) and word not in _SAYING:
                return ClauseVerb(word=word, start=match.start(), end=match.end())
            continue
        if word in _REPORTING:
            continue  # what was said is the news, not the saying
        if word == "ended" and previous in _PERIODS:
            continue  # "the quarter ended Sept. 30" names a period, it tells no event
        if _is_past(word, previous) and not (after_comma and _BY_AFTER.match(clause, match.end())):
            # (", accompanied by one of the lawyers," is a participle's aside, not the verb)
            return ClauseVerb(word=word, start=match.start(), end=match.end())
    return None
