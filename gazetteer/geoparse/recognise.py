"""Toponym recognition: which spans of a text name places, before deciding which places.

A recogniser returns :class:`Span` values: offsets, the normalised lookup key, a cue (a place
name, a demonym, a metonym), whether the span sits inside an organisation's name, and whether the
evidence is weak (a capitalised common word, a sentence-initial small town), which the resolver
then accepts only with support from context.

The default :class:`GazetteerRecogniser` needs no model. Algorithm:

1. Find capitalised runs (:mod:`gazetteer.geoparse.tokens`).
2. In each run, take the longest token sequence whose key the gazetteer knows, left to right:
   literal names, demonyms ("Russian", plural "Americans") and metonyms ("Kremlin",
   "White House"); AP and postal abbreviations of states and provinces ("Ky.", "B.C.", ", TX");
   US counties the index may lack ("Metcalfe County", via :mod:`.divisions`). Compass words
   right before a name join its mention ("North Dallas", "South West England"), placed at the
   name. A run that ends right before "'s " is also tried joined to the next run, for names
   across a possessive ("Queen Anne's County"). A run's matches, and what the guards below need
   of the run alone, depend only on its text, so they are memoised per run: news repeats the
   same names, and the scan then costs one dictionary hit per run.
3. Guards, per match, from the neighbouring tokens of its run and the text around it:
   - person: a title or a given name right before ("President Jordan", "Michael Jordan") or
     two words before ("Jose Angel Cordova"), a given-name place followed by a surname ("Paris
     Hilton"), or an age after ("Altintas, 22,");
     the name is then remembered, so a later bare "Jordan" in the same text is a person too,
     unless a preposition of place stands right before it ("flew to Jordan", weak then). An
     unknown capital right before a one-word place ("Tanya Campbell", but also "Team Alberta")
     only makes the span weak;
   - never alone: titles, months, compass words, generic nouns ("University"), organisation
     head words after a capital ("Federal Reserve"), acronyms of organisations (decided in the
     resolver), a currency sign after or before ("US$", "$US"), a hyphen gluing an unknown word
     ("Wal-Mart"), a longer geographic name the index lacks ("Hutcheson Road", "St. Peter's
     Square"), a virus strain's designation ("A/California/7/2009");
   - pathogens and diseases named after places: a pathogen word after ("West Nile virus",
     "Hong Kong flu", "Colony Collapse Disorder") or a genus before ("Salmonella Litchfield");
   - phrases that contain a place but never mean one ("Cold War", "French fries"), brands and
     bodies named like hamlets ("Google", "Taco Bell", "Homeland Security");
   - organisation: an organisation head after the place ("Paris Police Department") or before
     it with "of" ("Bank of England") marks ``in_organisation``;
   - common words ("Will", "Nice", "Reading"): dropped at a sentence start or in a headline,
     weak elsewhere; so are one-word places followed by an unknown capitalised word;
   - languages ("shouted in Turkish,") are not associative mentions.

:class:`SpacyRecogniser` is the pluggable alternative: it takes GPE/LOC/FAC entities as names,
NORP entities that the gazetteer knows as demonyms, and scans ORG entities for nested places. It
is used only when spaCy and a model are installed; nothing imports spaCy otherwise.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from gazetteer.fastinit import builder
from gazetteer.geoparse import lexicon
from gazetteer.geoparse.divisions import county_states
from gazetteer.geoparse.tokens import TOKEN_RE as _TOKEN_RE
from gazetteer.geoparse.tokens import first_key, is_sentence_start, iter_run_matches, line_is_headline
from gazetteer.index import FirstWordTable, KeySet
from gazetteer.model import PlaceKind
from gazetteer.normalise import normalise_name

if TYPE_CHECKING:
    from gazetteer.index import Gazetteer

__all__ = ["Cue", "GazetteerRecogniser", "Recogniser", "SpacyRecogniser", "Span", "spacy_available"]


class Cue(StrEnum):
    """What kind of evidence made a span a place mention."""

    NAME = "name"  # a place's name: "Riyadh", "Saudi Arabia"
    DEMONYM = "demonym"  # an adjective or demonym: "Russian", "Americans"
    METONYM = "metonym"  # a name that stands for an institution: "Kremlin", "White House"
    DIVISION = "division"  # a county the index may lack: "Metcalfe County" (see divisions.py)


@dataclass(frozen=True, kw_only=True, slots=True)
class Span:
    """A recognised place mention before resolution: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    key: str  # normalised lookup key (gazetteer.normalise.normalise_name)
    cue: Cue = Cue.NAME
    in_organisation: bool = False
    # True when recognition alone is not enough: the resolver keeps the span only with support
    # from context (a locative word before it, a qualifier after it, a co-mentioned region).
    weak: bool = False
    # For an abbreviated subdivision ("Ky.", "B.C."): the country whose first-level
    # subdivision ``key`` names; the resolver then considers only those.
    region_of: str | None = None


@runtime_checkable
class Recogniser(Protocol):
    """Finds candidate place spans in a text. Spans are sorted and do not overlap."""

    def recognise(self, text: str, gazetteer: Gazetteer) -> list[Span]:  # pragma: no cover - protocol
        ...


# --- the default recogniser ------------------------------------------------------------------------

# A run's match list: (first token, end token, key, cue, region_of) over the run's token list.
_RunMatch = tuple[int, int, str, Cue, str | None]
# What the guards know of a match from its run alone (see _facts).
_Facts = tuple[bool, int, bool, bool, str | None, bool, bool, bool, bool, bool]
# A run's match with the token where the mention's surface starts (before the first token when
# compass words lead: "North Dallas" is Dallas, mentioned as "North Dallas"), and its facts (None
# for abbreviations, which have guards of their own).
_Match = tuple[int, int, str, Cue, str | None, int, _Facts | None]

# A run's analysis: its tokens (relative offsets, text), their keys, separators, and matches.
_RunAnalysis = tuple[tuple[tuple[int, int, str], ...], tuple[str, ...], tuple[str, ...], tuple[_Match, ...]]

# Bounded memo sizes: a news corpus has a few tens of thousands of distinct capitalised runs;
# beyond that the memo is dropped whole, which costs one re-scan, not correctness.
_RUN_CACHE_SIZE = 200_000
# Keys of single tokens, shared by every run: a new run is mostly made of words seen in others
# ("President", "The", "Russia"), so its first analysis need not normalise them again. Depends on
# normalisation alone, not on a gazetteer; bounded like the run memo.
_TOKEN_KEYS: dict[str, str] = {}
_WS = re.compile(r"[ \t]+")
# Between a given name and a surname: spaces, or a surname particle ("van", "de", "bin").
_NAME_GAP = re.compile(r"[ \t]+(?:(?:van|von|de|der|den|da|di|du|le|la|bin|ibn|al|el)[ \t]+)?")
_INITIAL = re.compile(r"^[A-Z]\.$")
# Longest name tried, in tokens ("Democratic Republic of the Congo" is five).
_MAX_TOKENS = 8
# Hyphens without spaces glue two words into one name ("Wal-Mart"); spaced dashes separate.
_GLUE = frozenset({"-", "‐", "‑"})
_COUNTY_WORDS = frozenset({"county", "co"})
# AP abbreviations that are no English word, so that they may drop their full stop after a comma
# ("EDMONTON, Ky (WBKO)"); "Miss", "Man", "Mass", "Wash" may not.
_UNDOTTED_OK = frozenset(
    "ky calif fla ariz colo conn okla tenn wis wisc wyo mich minn neb nebr nev kan kans ala ark md va vt ga "
    "sask alta ont que qld".split()
)


@dataclass(slots=True)
class _Vocabulary:
    """What the scanner needs from one gazetteer, loaded once per gazetteer object."""

    keys: Container[str]  # the index's key table (a dict: see gazetteer.index.KeySet)
    max_words: Mapping[str, int]
    demonyms: frozenset[str]
    metonyms: frozenset[str]
    run_cache: dict[str, _RunAnalysis]


def _vocabulary(gazetteer: Gazetteer) -> _Vocabulary:
    vocab = _VOCABS.get(gazetteer)
    if vocab is None:
        ni = gazetteer.name_index()
        extra: dict[str, int] = {}
        for k in (*ni.demonym_keys, *ni.metonym_keys):
            first, _, rest = k.partition(" ")
            n = rest.count(" ") + 2 if rest else 1
            if n > extra.get(first, 0):
                extra[first] = n
        max_words: Mapping[str, int]
        if isinstance(ni.max_words, FirstWordTable):
            max_words = ni.max_words.merged(extra)
        else:
            max_words = {**ni.max_words}
            for first, n in extra.items():
                if n > max_words.get(first, 0):
                    max_words[first] = n
        # Metonyms that name a building or a district ("Kremlin", "White House") are metonymic
        # wherever they stand; those that are a capital's name ("Moscow") are ordinary names whose
        # role the resolver reads from the verb after them.
        sites = frozenset(
            k
            for k in ni.metonym_keys
            if (met := gazetteer.lookup_metonym(k)) is not None and met.place.kind in (PlaceKind.SITE, PlaceKind.REGION)
        )
        county_states("")  # load the county table now, with the rest of the vocabulary
        keys: Container[str] = ni.keys.table if isinstance(ni.keys, KeySet) else ni.keys
        vocab = _Vocabulary(keys=keys, max_words=max_words, demonyms=ni.demonym_keys, metonyms=sites, run_cache={})
        _VOCABS[gazetteer] = vocab
    return vocab


_VOCABS: weakref.WeakKeyDictionary[Any, _Vocabulary] = weakref.WeakKeyDictionary()


def _analyse_run(run_text: str, vocab: _Vocabulary) -> _RunAnalysis:
    """Tokens (relative offsets, text), their keys, the separators and the longest matches."""
    hit = vocab.run_cache.get(run_text)
    if hit is not None:
        return hit
    toks = _tokens_of(run_text)
    token_keys = _TOKEN_KEYS
    if len(token_keys) >= _RUN_CACHE_SIZE:
        token_keys.clear()
    tkeys = tuple(token_keys.get(t[2]) or token_keys.setdefault(t[2], first_key(t[2])) for t in toks)
    seps = tuple(run_text[toks[k][1] : toks[k + 1][0]] for k in range(len(toks) - 1))
    matches: list[_RunMatch] = []
    n = len(toks)
    i = 0
    keys, demonyms, metonyms, max_words = vocab.keys, vocab.demonyms, vocab.metonyms, vocab.max_words
    # Asked once per run: nearly no run holds a county word, and the test below is per token.
    county_words = not _COUNTY_WORDS.isdisjoint(tkeys)
    while i < n:
        found: _RunMatch | None = None
        surface = toks[i][2]
        if surface.endswith("."):
            # "Ky.", "B.C.", "N.Y."; but "M.D." after a name is a degree, so initials-with-dots
            # forms count only for the codes that news writes that way.
            abbrev = lexicon.REGION_ABBREVIATIONS.get(tkeys[i])
            if abbrev is not None and surface.count(".") > 1 and tkeys[i] not in lexicon.DOTTED_CODES:
                abbrev = None
            if tkeys[i] == "dc":  # "Washington, D.C.": the city, written as its district
                found = (i, i + 1, "washington dc", Cue.NAME, None)
        elif surface.isupper() and surface.isalpha():
            abbrev = lexicon.POSTAL_CODES.get(tkeys[i])  # "TX", "NSW": context checked later
        elif surface.istitle() and surface.isalpha() and len(surface) <= 5:
            # "EDMONTON, Ky (WBKO)": an AP form without its full stop, after a comma only.
            abbrev = lexicon.REGION_ABBREVIATIONS.get(tkeys[i]) if tkeys[i] in _UNDOTTED_OK else None
        else:
            abbrev = None
        if abbrev is not None:
            found = (i, i + 1, normalise_name(abbrev[1]), Cue.NAME, abbrev[0])
        elif found is None and county_words and tkeys[i] != "the":
            # "Metcalfe County", "Black Hawk County", "PLYMOUTH CO.": a US county name (never
            # from a sentence's "The", which is no part of the county's name).
            for span_len in (1, 2, 3):
                t = i + span_len
                if t >= n or tkeys[t] not in _COUNTY_WORDS:
                    continue
                key = normalise_name(run_text[toks[i][0] : toks[t - 1][1]]) + " county"
                if county_states(key):
                    found = (i, t + 1, key, Cue.DIVISION, None)
                break
        first = tkeys[i].partition(" ")[0]
        limit = 0 if found else max_words.get(first, 0)
        if limit:
            # Every token adds at least one word to a key, so a name of at most ``limit`` words
            # spans at most ``limit`` tokens (one more for a leading "The", which keys drop).
            for j in range(min(n, i + _MAX_TOKENS, i + limit + 1), i, -1):
                key = _span_key(run_text, toks, tkeys, seps, i, j)
                if key.count(" ") >= limit:
                    continue
                if key in metonyms:
                    found = (i, j, key, Cue.METONYM, None)
                elif key in demonyms:
                    found = (i, j, key, Cue.DEMONYM, None)
                elif key in keys:
                    found = (i, j, key, Cue.NAME, None)
                if found:
                    break
        # "Kentucky State Police", "Michigan State University": the state is the place, and
        # "State" belongs to the organisation's name.
        if (
            found is not None
            and found[1] - found[0] > 1
            and found[1] < n
            and tkeys[found[1] - 1] == "state"
            and (tkeys[found[1]] in lexicon.ORG_HEADS or tkeys[found[1]] in lexicon.TITLES)
        ):
            shorter = normalise_name(run_text[toks[i][0] : toks[found[1] - 2][1]])
            if shorter in keys:
                found = (i, found[1] - 1, shorter, Cue.NAME, None)
        if found is None:
            # Plural demonyms ("Americans", "Syrians") are not keys of their own.
            k = tkeys[i]
            if len(k) > 4 and k.endswith("s") and k[:-1] in demonyms:
                found = (i, i + 1, k[:-1], Cue.DEMONYM, None)
        if found is not None:
            matches.append(found)
            i = found[1]
        else:
            i += 1
    kept: tuple[_Match, ...] = ()
    if matches:  # nearly half of all runs have none
        keys = vocab.keys
        kept = tuple(
            (
                i,
                j,
                key,
                cue,
                region_of,
                first,
                None if region_of is not None else _facts(toks, tkeys, seps, i, j, key, cue, keys),
            )
            for i, j, key, cue, region_of, first in _with_compass(matches, tkeys, seps)
            if region_of is not None or not _never_here(tkeys, seps, i, j, key)
        )
    result = (toks, tkeys, seps, kept)
    if len(vocab.run_cache) >= _RUN_CACHE_SIZE:
        vocab.run_cache.clear()
    vocab.run_cache[run_text] = result
    return result


def _with_compass(
    matches: list[_RunMatch], tkeys: Sequence[str], seps: Sequence[str]
) -> list[tuple[int, int, str, Cue, str | None, int]]:
    """Matches with where their surface starts: compass words right before a name or a demonym
    belong to the mention ("North Dallas", "South West England", "South East Asian").

    A match of compass words alone ("South West", a Cameroonian region) right before a name is
    absorbed into it; so are compass words that matched nothing. The name is still the place.
    """
    out: list[tuple[int, int, str, Cue, str | None, int]] = []
    for i, j, key, cue, region_of in matches:
        start = i
        if cue is not Cue.METONYM and region_of is None and i > 0 and seps[i - 1] in _COMPASS_JOINS:
            prev = out[-1] if out else None
            if prev is not None and prev[1] == i and prev[3] is Cue.NAME and _compass_only(prev[2]):
                start = prev[5]
                out.pop()
            else:
                floor = prev[1] if prev is not None else 0
                while start > floor and tkeys[start - 1] in lexicon.COMPASS_WORDS and seps[start - 1] in _COMPASS_JOINS:
                    start -= 1
        out.append((i, j, key, cue, region_of, start))
    return out


# Between a compass word and the name it qualifies: a space or a hyphen ("North-Western").
_COMPASS_JOINS = frozenset({" ", "-", "‐", "‑"})


def _compass_only(key: str) -> bool:
    return all(w in lexicon.COMPASS_WORDS for w in key.split(" "))


def _tokens_of(run_text: str) -> tuple[tuple[int, int, str], ...]:
    """The tokens of a run, as ``(start, end, text)``: what ``TOKEN_RE.finditer`` finds in it.

    Most runs are plain words joined by single spaces ("Saudi Arabia", "Bank of England"); in
    those, each word that starts with a capital is one whole token and every other word is a
    lower-case connector, so splitting at spaces gives the regex's answer at a fraction of its
    cost (its capital class is large, and it is tried at every letter). Any other run goes
    through the regex.
    """
    if run_text.isalpha():
        return ((0, len(run_text), run_text),)
    parts = run_text.split(" ")
    if all(p.isalpha() for p in parts):
        toks: list[tuple[int, int, str]] = []
        pos = 0
        for p in parts:
            if p[0].isupper() or p[0].istitle():
                toks.append((pos, pos + len(p), p))
            elif not p.islower():
                break  # not a connector after all: let the regex decide
            pos += len(p) + 1
        else:
            return tuple(toks)
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(run_text))


def _span_key(
    run_text: str,
    toks: Sequence[tuple[int, int, str]],
    tkeys: Sequence[str],
    seps: Sequence[str],
    i: int,
    j: int,
) -> str:
    """The key of tokens ``[i, j)`` of a run: ``normalise_name`` of their text, built cheaply.

    The longest-match scan asks for the key of every window it tries, mostly of text never seen
    before. When the tokens are joined by single spaces, the key is their keys joined by spaces
    (normalisation works word by word), except that a leading "the" is dropped: then, and for
    any other separator ("d'", "-of-"), the text is normalised as a whole.
    """
    if j == i + 1:
        return tkeys[i]
    first = tkeys[i]
    if first and first != "the" and not first.startswith("the "):
        for k in range(i, j - 1):
            if seps[k] != " " or not tkeys[k + 1]:
                break
        else:
            return " ".join(tkeys[i:j])
    return normalise_name(run_text[toks[i][0] : toks[j - 1][1]])


def _is_acronym(surface: str) -> bool:
    # isupper() first: it is false for nearly every token, and false for the whole surface
    # exactly when it is false for its letters without full stops.
    if not surface.isupper():
        return False
    letters = surface.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _spaces(sep: str) -> bool:
    """Whether a separator is spaces and tabs only (one space, nearly always: tested first)."""
    return sep == " " or _WS.fullmatch(sep) is not None


class GazetteerRecogniser:
    """The default recogniser: a longest-match scan of capitalised runs against the gazetteer.

    ``include_associative=False`` leaves demonyms and adjectives out (for corpora and users that
    do not count "Russian" as a mention of Russia).
    """

    def __init__(self, *, include_associative: bool = True) -> None:
        self.include_associative = include_associative

    def recognise(self, text: str, gazetteer: Gazetteer) -> list[Span]:
        vocab = _vocabulary(gazetteer)
        spans: list[Span] = []
        persons: set[str] = set()  # keys of tokens seen as parts of people's names
        run_cache = vocab.run_cache
        runs = list(iter_run_matches(text))
        n_runs = len(runs)
        r = 0
        while r < n_runs:
            m = runs[r]
            r += 1
            run_text = m.group()
            # The memo is read here, not in _analyse_run: a hit is most runs, warm.
            analysis = run_cache.get(run_text) or _analyse_run(run_text, vocab)
            base, end = m.span()
            # Only a run followed by a possessive "'s " may join the next one. Asked of each run
            # rather than found by a scan of the text: a regex scan for the apostrophes costs
            # several times more than these tests.
            while text.startswith(_POSSESSIVE, end) and r < n_runs and runs[r].start() == end + 3:
                # "Queen Anne's County", "St. Peter's Square": one name across a possessive.
                analysis, joined = _across_possessive(text, base, runs[r], analysis, vocab)
                if not joined:
                    break
                end = runs[r].end()
                r += 1
            toks, _, _, matches = analysis
            if not matches:
                continue
            for i, j, key, cue, region_of, first, facts in matches:
                if cue is Cue.DEMONYM and not self.include_associative:
                    continue
                if facts is not None:
                    verdict = _judge(text, base, toks, i, j, key, cue, persons, facts)
                elif _abbreviation_fits(text, base + toks[i][0], toks[i][2]):  # "Ky.", "B.C."
                    verdict = (False, False)
                else:
                    continue
                if verdict is None:
                    continue
                in_org, weak = verdict
                s, e = base + toks[first][0], base + toks[j - 1][1]
                surface = text[s:e]
                if surface.endswith(".") and not _keeps_full_stop(surface):
                    e -= 1
                    surface = surface[:-1]
                # Span(start, end, surface, key, cue, in_organisation, weak, region_of); valid
                # by construction, so built without the frozen dataclass's __init__.
                spans.append(_new_span(s, e, surface, key, cue, in_org, weak, region_of))
        if persons:
            # One sense per document for people: "Michael Jordan ... Jordan said"; but after a
            # preposition of place the name is the place ("Michael Jordan flew to Jordan").
            spans = [
                sp for sp in spans
                if not (sp.cue is Cue.NAME and sp.key in persons and " " not in sp.key)
                or _after_place_preposition(text, sp.start, sp.end)
            ]
        return spans


_new_span = builder(Span)
_POSSESSIVE = ("'s ", "’s ")


def _across_possessive(
    text: str, base: int, nxt: re.Match[str], analysis: _RunAnalysis, vocab: _Vocabulary
) -> tuple[_RunAnalysis, int]:
    """A run followed by "'s " and another run: the analysis to use, and 1 when it covers both.

    Both runs are analysed as one ("Queen Anne's County"); that analysis is used when one of its
    names spans the possessive. Otherwise, when the second run starts with a word that makes a
    longer name ("St. Peter's Square"), the first run's name right before the "'s" is dropped:
    it is part of a name the gazetteer lacks.
    """
    joined_text = text[base : nxt.end()]
    joined = vocab.run_cache.get(joined_text) or _analyse_run(joined_text, vocab)
    n_first = len(analysis[0])
    if any(i < n_first < j for i, j, *_ in joined[3]):
        return joined, 1
    toks, tkeys, seps, matches = analysis
    if matches and matches[-1][1] == n_first and first_key(nxt.group().split(" ", 1)[0]) in lexicon.POSSESSIVE_TAILS:
        return (toks, tkeys, seps, matches[:-1]), 0
    return analysis, 0


def _abbreviation_fits(text: str, start: int, surface: str) -> bool:
    """Dotted forms ("Ky.", "B.C.") stand anywhere; bare codes ("TX", "Ky") need a comma before
    them, since "IN", "OR", "Man" are words; three-capital codes ("NSW") need none."""
    if surface.endswith(".") or (len(surface) >= 3 and surface.isupper()):
        return True
    return text[max(0, start - 2) : start].rstrip(" ").endswith(",")


_PATHOGEN_AFTER = re.compile(r"[ \t]+\[?(?:" + "|".join(sorted(lexicon.PATHOGEN_TAILS)) + r")\b", re.IGNORECASE)
# What may follow the space after a name when a pathogen word comes next: a cheap test that
# spares the regex for nearly every name.
_PATHOGEN_FIRST = frozenset(ch for w in lexicon.PATHOGEN_TAILS for ch in (w[0], w[0].upper())) | {"[", " ", "\t"}
_AGE_AFTER = re.compile(r",[ \t]+(?:a[ \t]+)?\d{1,3}(?:,|-year-old\b|[ \t]+of\b)")
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|speak|speaks|spoke|speaking|teach|teaches|teaching|taught|learn|learning|study|studying|"
    r"fluent|translated|translate|into|native)[ \t]+$",
    re.IGNORECASE,
)
_LANGUAGE_AFTER = re.compile(r"[ \t]*(?:[,.;:)!?\"”]|and\b|or\b|to\b|$)")


def _is_language(text: str, start: int, end: int) -> bool:
    """ "shouted in Turkish,", "teaching English to": a language, not an associative mention."""
    return bool(_LANGUAGE_BEFORE.search(text, max(0, start - 16), start)) and bool(
        _LANGUAGE_AFTER.match(text, end, min(len(text), end + 4))
    )


def _keeps_full_stop(surface: str) -> bool:
    """Whether a matched surface keeps its final full stop ("U.S.", "Ky.") or drops it."""
    return surface.count(".") >= 2 or len(surface) <= 6


# The word-boundary ends and starts of the never-a-place phrases: a key can be extended into
# one of them only if it is one of these, so the guard builds the wider phrase only then.
_NOT_PLACE_ENDS = frozenset(p[k + 1 :] for p in lexicon.NOT_PLACE_PHRASES for k, ch in enumerate(p) if ch == " ")
_NOT_PLACE_STARTS = frozenset(p[:k] for p in lexicon.NOT_PLACE_PHRASES for k, ch in enumerate(p) if ch == " ")


def _never_here(tkeys: Sequence[str], seps: Sequence[str], i: int, j: int, key: str) -> bool:
    """The guards that need only the run: phrases that never mean a place, words never meant
    alone, an organisation's head word. Applied once per distinct run, when it is analysed."""
    n = len(tkeys)
    if key in lexicon.NOT_PLACE_PHRASES:
        return True
    # Phrases one token wider on either side: "Cold War", "Paris Hilton", "French fries".
    if i > 0 and key in _NOT_PLACE_ENDS and f"{tkeys[i - 1]} {key}" in lexicon.NOT_PLACE_PHRASES:
        return True
    if j < n and key in _NOT_PLACE_STARTS and f"{key} {tkeys[j]}" in lexicon.NOT_PLACE_PHRASES:
        return True
    single = j == i + 1
    if single and (len(key) < 2 or key in lexicon.TITLES or key in lexicon.NEVER_ALONE):
        return True  # "I", "Dr.", "March", "South", "University" are never places on their own
    # "Federal Reserve", "Hydro One": the head word of an organisation's name.
    return single and i > 0 and key in lexicon.ORG_HEADS and _spaces(seps[i - 1])


def _facts(
    toks: Sequence[tuple[int, int, str]],
    tkeys: Sequence[str],
    seps: Sequence[str],
    i: int,
    j: int,
    key: str,
    cue: Cue,
    keys: Container[str],
) -> _Facts:
    """What the guards need to know about match ``[i, j)`` that its run alone decides.

    Computed once per distinct run, when it is analysed; :func:`_judge` adds what depends on the
    text around it. Fields, in the order the guards ask them:

    - ``quiet``: dropped without further ado (a pathogen's name, "Salmonella X", "X County" the
      gazetteer lacks);
    - ``person``: 0, or 1 to drop the match, or 2 to drop it and remember its name as a person's
      (a title or given name before it, "Wal-Mart"-like compounds are 1);
    - ``person_like``: an unknown capitalised word before it, unless the line is a headline;
    - ``famous``: a famous surname;
    - ``surname``: the key of the surname after a given-name place ("Paris Hilton"), unless
      the line is a headline;
    - ``in_org``, ``acronym``, ``first_name``, ``common`` (a common word that its position may
      drop), ``next_unknown`` (followed by a capitalised word the gazetteer does not know).
    """
    n = len(toks)
    single = j == i + 1
    name = cue is Cue.NAME
    # A pathogen's or a disease's name: "Hong Kong Flu", "Salmonella Litchfield", "Ebola
    # Reston", and names that end in a disease word: "Colony Collapse Disorder".
    quiet = (
        (j < n and (tkeys[j] in lexicon.PATHOGEN_TAILS or tkeys[-1] in lexicon.PATHOGEN_TAILS))
        or (i > 0 and tkeys[i - 1] in lexicon.PATHOGEN_GENERA and _spaces(seps[i - 1]))
        # "Metcalfe County", "Hutcheson Road": a longer name the gazetteer lacks.
        or (name and j < n and tkeys[j] in lexicon.GEO_TAILS and _spaces(seps[j - 1]))
    )
    person = 0
    person_like = False
    # Person before: a title, a given name or an initial right before the match, joined by a
    # space ("President Jordan", "Michael Jordan", "George W. Bush").
    if i > 0 and cue is not Cue.DEMONYM and _spaces(seps[i - 1]):
        prev = tkeys[i - 1]
        if prev in lexicon.TITLES or prev in lexicon.FIRST_NAMES or _INITIAL.match(toks[i - 1][2]):
            person = 2 if single else 1
        # A title or a given name two words before, and a name in between: a person's middle
        # and last names ("Dr. Brian Evans", "Jose Angel Cordova", "President Barack Obama").
        elif (
            single
            and name
            and i > 1
            and _spaces(seps[i - 2])
            and (tkeys[i - 2] in lexicon.TITLES or tkeys[i - 2] in lexicon.FIRST_NAMES)
            and prev not in lexicon.ORG_HEADS
            and prev not in lexicon.COMMON_WORDS
            and prev not in lexicon.GEO_TAILS
            and not _is_acronym(toks[i - 1][2])
        ):
            person = 2
        else:
            # Any other capitalised word right before a one-word place that is not itself a
            # place, an organisation word or a common word is most often a given name ("Tanya
            # Campbell", "Arch Walsh"), except in title-cased headlines. It is only evidence,
            # not proof ("Team Alberta", "Nazi Germany"): the span turns weak.
            person_like = (
                single
                and name
                and prev not in keys
                and prev not in lexicon.COMMON_WORDS
                and prev not in lexicon.ORG_HEADS
                and prev not in lexicon.ORG_PREFIX_HEADS
                and not _is_acronym(toks[i - 1][2])
                and not toks[i - 1][2].endswith(".")
            )
    # Glued by a hyphen to a capitalised word the gazetteer does not know: one compound name
    # ("Wal-Mart", "Al-Ahram"), unless both halves are places ("US-Russia").
    if (
        not person
        and single
        and name
        and (
            (i > 0 and seps[i - 1] in _GLUE and tkeys[i - 1] not in keys)
            or (j < n and seps[j - 1] in _GLUE and tkeys[j] not in keys)
        )
    ):
        person = 1
    famous = name and key in lexicon.FAMOUS_SURNAMES
    # Person after: a given-name place followed by a surname ("Paris Hilton", "Jordan Peterson",
    # "Dennis van Engelsdorp").
    surname: str | None = None
    if single and name and key in lexicon.FIRST_NAMES and j < n and _NAME_GAP.fullmatch(seps[j - 1]):
        nxt = tkeys[j]
        if (
            nxt not in lexicon.ORG_HEADS
            and nxt not in lexicon.TITLES
            and nxt not in lexicon.NEVER_ALONE
            and (nxt not in lexicon.COMMON_WORDS or nxt in lexicon.SURNAME_WORDS)
            and not _is_acronym(toks[j][2])
            and not any(k in lexicon.ORG_HEADS for k in tkeys[j + 1 :])
        ):
            surname = nxt
    in_org = (j < n and not lexicon.ORG_HEADS.isdisjoint(tkeys[j:])) or (
        i > 0 and any(tkeys[k] in lexicon.ORG_PREFIX_HEADS and " of " in f" {seps[k]}" for k in range(max(0, i - 3), i))
    )
    acronym = first_name = common = next_unknown = False
    if single and name:
        surface = toks[i][2]
        acronym = _is_acronym(surface)
        first_name = key in lexicon.FIRST_NAMES  # "Georgia", "Victoria": the resolver asks for a major place
        common = key in lexicon.COMMON_WORDS and not (acronym and len(surface.rstrip(".")) <= 3)
        # Followed by a capitalised word the gazetteer does not know: possibly the start of a
        # longer name it lacks ("Franklin Elementary", "Metz Fresh"); a major place keeps its
        # mention ("Toronto Maple Leafs"), a minor one needs support.
        next_unknown = (
            j < n
            and _spaces(seps[j - 1])
            and tkeys[j] not in keys
            and tkeys[j] not in lexicon.ORG_HEADS
            and tkeys[j] not in lexicon.TITLES
            and tkeys[j] not in lexicon.NEVER_ALONE
            and not _is_acronym(toks[j][2])
        )
    return (quiet, person, person_like, famous, surname, in_org, acronym, first_name, common, next_unknown)


_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t]+$")
_ACCORDING = re.compile(r"\baccording[ \t]+$", re.IGNORECASE)
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "toward", "towards", "across", "via",
                                 "through", "visited", "visit", "visiting", "outside", "inside"})


def _after_place_preposition(text: str, start: int, end: int) -> bool:
    """Whether a remembered person's name stands where a place would: right after a preposition
    of place, not in "according to", and not before a possessive ("from Georgia's hard work")."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    if before is None or before.group(1).lower() not in _PLACE_PREPOSITIONS:
        return False
    if _ACCORDING.search(text, max(0, before.start() - 12), before.start()):
        return False
    return not text.startswith(_POSSESSIVE, end)


def _judge(
    text: str,
    base: int,
    toks: Sequence[tuple[int, int, str]],
    i: int,
    j: int,
    key: str,
    cue: Cue,
    persons: set[str],
    facts: _Facts,
) -> tuple[bool, bool] | None:
    """Apply the guards to match ``[i, j)`` of a run: None to drop it, else (in_org, weak).

    The guards that depend on the run alone were applied (:func:`_never_here`) or prepared
    (:func:`_facts`) when the run was analysed; these add the text around it, in order (a person
    found here is remembered for the rest of the text).
    """
    quiet, person, person_like, famous, surname, in_org, acronym, first_name, common, next_unknown = facts
    if quiet:
        return None
    end = base + toks[j - 1][1]
    if end < len(text) and text[end] in "$€£¥0123456789":
        return None  # "US$460", "A4": a currency or a code, not a place
    # "West Nile virus", "Reston ebolavirus": a pathogen's name.
    if text[end + 1 : end + 2] in _PATHOGEN_FIRST and _PATHOGEN_AFTER.match(text, end, end + 16):
        return None
    start = base + toks[i][0]
    if start > 0:
        before = text[start - 1]
        if before in "$€£¥":
            return None  # "$US 15 billion": a currency
        if before == "/" and text.startswith("/", end):
            return None  # "A/California/7/2009": a virus strain's designation
    if person:
        if person == 2:
            persons.add(key)
        return None
    if person_like and line_is_headline(text, start):
        person_like = False  # in a title-cased headline every word is capitalised
    if famous:
        person_like = True
    single = j == i + 1
    name1 = single and cue is Cue.NAME
    # An age right after a one-word name marks a person: "Altintas, 22," "Gomez, 27, of".
    if name1 and text.startswith(",", end) and _AGE_AFTER.match(text, end, min(len(text), end + 20)):
        persons.add(key)
        return None
    if surname is not None and not line_is_headline(text, start):
        persons.add(surname)
        persons.add(key)
        return None
    weak = person_like
    if single and cue is Cue.DEMONYM and _is_language(text, start, base + toks[i][1]):
        return None
    if name1:
        if first_name:
            weak = True
        if common:
            if (i == 0 and is_sentence_start(text, start)) or line_is_headline(text, start):
                return None
            weak = True
        elif not weak and i == 0 and not acronym and is_sentence_start(text, start):
            weak = True
        if not weak and next_unknown:
            weak = True
    if persons and single and key in persons:
        # "Michael Jordan ... Jordan said": the person again; "Michael Jordan flew to Jordan":
        # after a preposition of place it is the place, on weak evidence
        if not _after_place_preposition(text, start, end):
            return None
        weak = True
    return in_org, weak


# --- the spaCy-backed recogniser -------------------------------------------------------------------


def spacy_available() -> bool:
    """True when spaCy can be imported (a model may still be missing)."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


class SpacyRecogniser:
    """Recognition by a spaCy NER pipeline, with gazetteer keys for demonyms and nested places.

    ``nlp`` is a loaded spaCy ``Language``; :meth:`load` loads one by package name. spaCy is
    imported only here, so the rest of the package stays dependency-light.
    """

    # spaCy labels that name places; NORP (nationalities) becomes a demonym when the gazetteer
    # knows the word; ORG is scanned for nested places.
    _PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

    def __init__(self, nlp: Any, *, include_associative: bool = True) -> None:
        self.nlp = nlp
        self.include_associative = include_associative
        self._scan = GazetteerRecogniser(include_associative=include_associative)

    @classmethod
    def load(cls, name: str = "en_core_web_sm", *, include_associative: bool = True) -> SpacyRecogniser:
        """Load a spaCy pipeline by package name; raises ImportError/OSError when absent."""
        import spacy

        return cls(spacy.load(name, exclude=["lemmatizer"]), include_associative=include_associative)

    def recognise(self, text: str, gazetteer: Gazetteer) -> list[Span]:
        vocab = _vocabulary(gazetteer)
        doc = self.nlp(text)
        spans: list[Span] = []
        for ent in doc.ents:
            s, e = ent.start_char, ent.end_char
            surface = text[s:e]
            # spaCy includes a leading "the" in some entities ("the Kremlin"); gold spans do not.
            lead = re.match(r"(?i)the\s+", surface)
            if lead:
                s += lead.end()
                surface = text[s:e]
            if surface.endswith("'s") or surface.endswith("’s"):
                e -= 2
                surface = text[s:e]
            if not surface.strip():
                continue
            key = normalise_name(surface)
            if ent.label_ in self._PLACE_LABELS:
                cue = Cue.METONYM if key in vocab.metonyms else Cue.NAME
                spans.append(Span(start=s, end=e, surface=surface, key=key, cue=cue))
            elif ent.label_ == "NORP" and self.include_associative:
                k = key[:-1] if key not in vocab.demonyms and key.endswith("s") else key
                if k in vocab.demonyms:
                    spans.append(Span(start=s, end=e, surface=surface, key=k, cue=Cue.DEMONYM))
            elif ent.label_ == "ORG":
                for inner in self._scan.recognise(surface, gazetteer):
                    spans.append(
                        Span(
                            start=s + inner.start,
                            end=s + inner.end,
                            surface=inner.surface,
                            key=inner.key,
                            cue=inner.cue,
                            in_organisation=True,
                        )
                    )
        spans.sort(key=lambda sp: (sp.start, -sp.end))
        out: list[Span] = []
        for sp in spans:
            if out and sp.start < out[-1].end:
                continue
            out.append(sp)
        return out
