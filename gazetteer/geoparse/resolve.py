"""Toponym resolution: choose the place each recognised span means, with a confidence.

Algorithm (per document; every mention of the same name shares one sense, "one sense per
discourse", unless an explicit qualifier says otherwise):

1. Candidates: literal names from the gazetteer (best prior first, capped; a town's other
   names only for large towns, a landmark's other names when our own table gives them, so
   "Heathrow" is the airport), the country or continent of a demonym, the site of a metonym.
   Reviewer overrides pin or block here. The names a document's spans carry are fetched from
   the index in one batch, and the ranked candidates of a name are memoised across documents
   (the caller's ``candidate_cache``). A few names mean, bare, the big city known by a longer
   name rather than the subdivision really called so ("New York";
   ``lexicon.CITY_BEFORE_SUBDIVISION``): their priors swap, and the subdivision needs a cue.
   So do provinces named after a capital that holds a fifth or more of their people ("Basra",
   "Hama", "Zaporizhzhia"; not "Quebec"). A name followed by a lowercase subdivision word is
   looked up under the whole phrase when the index knows it ("the Moscow region" is Moscow
   Oblast, "the Leningrad region" Leningrad Oblast), apart from the bare name's mentions.
2. Anchors: mentions that need no context (countries, continents, demonyms, metonyms, names with
   one candidate or a prior far above the runner-up) give the document's countries and
   first-level regions, weighted by how often they occur.
3. Scores, per candidate: its prior (``Place.importance``, less a penalty when the name is only
   an alternate name of it), plus support from the anchors'
   countries and regions (excluding the name's own mentions, so "Georgia" cannot vote for
   itself), plus nearness to the anchors' points for towns ("spread": a document's towns
   cluster), plus other subdivisions of the same country named in the story, plus explicit
   qualifiers: "Paris, Texas" (a containing region or country right after a comma), "Georgia's
   capital Tbilisi" / "Ankara, the Turkish capital" (a capital next to its country), "Washington
   state" / "the state of New York" / "New York Gov." / "the Kharkiv region" / "the Donetsk and
   Luhansk regions" (a plural subdivision word closing a list), a name's full form elsewhere in the story
   ("Nyanza Province", then "Nyanza"), and lists ("Oregon, Utah, Washington"; a country listed
   with countries, "Ghana, Niger, Nigeria", means the country; commas inside such lists are not
   "town, state" qualifiers). Country and state support saturate (at three and two votes), then
   grow a little, so that the country or state a story names most wins a tie; that surplus is
   no evidence at acceptance. Context may only choose among candidates whose prior is within
   ``context_reach`` of the best one, so a hamlet called "Russia" never beats the country; but
   country support a town shares with its famous compatriot namesake is not shrunk (it decides
   nothing between them), and a local story (other names vote twice for a state, its country
   holds two thirds of the votes, the famous namesake's country is never named) lets a town of
   that state beat the namesake: "of London" in a story datelined "Ky."; likewise a country
   no other name supports yields to its namesake state in a story naming three or more other
   states of that state's country ("a lab in Georgia" after Alabama, Iowa and Texas). Two
   ambiguous names with town senses within ``pair_km`` of each other ("Edmonton" and "Enfield",
   both in north London) favour those senses, for the choice only, never for acceptance.
   Steps 2-3 run twice,
   the second time with the first pass's choices as anchors; names that context cannot change
   keep their priors.
4. Acceptance: a span flagged weak by the recogniser (a common word, a sentence-initial small
   town) or whose best place is a minor town survives only with support: a locative word before
   it ("in", "near"), a qualifier, or anchors in the same country or region. A large city or
   region opening its sentence under its own name, which is no given name, surname or common
   word, needs less ("Aleppo fell in 2016"). A town (not a
   capital) that opens a clause with a verb of speech ("Cordova said") is a person: dropped.
5. Role: demonyms are associative; metonyms, and countries or capitals that are the subject of a
   speech or agency verb ("Moscow said", "Washington and Moscow agreed"), are metonymic.
6. Confidence: a softmax over candidate scores, discounted for weak recognition; the other
   candidates are kept, best first, as alternatives.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import TYPE_CHECKING

from gazetteer.fastinit import builder
from gazetteer.geoparse import lexicon
from gazetteer.geoparse.divisions import county_states
from gazetteer.geoparse.recognise import Cue, Span
from gazetteer.geoparse.tokens import first_key, is_sentence_start
from gazetteer.model import MentionRole, Place, PlaceKind, PlaceMention
from gazetteer.normalise import normalise_name

if TYPE_CHECKING:
    from gazetteer.index import Gazetteer
    from gazetteer.overrides import Overrides

__all__ = ["ResolveSettings", "resolve_spans"]


@dataclass(frozen=True, kw_only=True, slots=True)
class ResolveSettings:
    """Weights of the resolver's score; each says why it has its size."""

    # Candidates looked at per name: beyond the first few dozen, priors are tiny and context
    # would have to be overwhelming; the cap bounds time on names like "San José".
    max_candidates: int = 40
    # Support from co-mentioned countries/regions. Comparable to the prior gap between a large
    # city and a small town of the same name (about 0.2-0.3 on the importance scale), so that a
    # document about Texas reads "Paris" as Paris, Texas only with more than one hint.
    country_weight: float = 0.22
    admin1_weight: float = 0.30
    # Nearness to the anchors (towns in a local story cluster within a few hundred km).
    near_weight: float = 0.20
    near_km: float = 250.0
    # Two ambiguous names with senses a few km apart ("Edmonton" and "Enfield", both in north
    # London): a coincidence that rarely happens by chance, so those senses gain, as much as a
    # chosen neighbour's nearness gives.
    pair_weight: float = 0.2
    pair_km: float = 25.0
    # How far below the best prior a candidate may sit and still be chosen by context.
    context_reach: float = 0.3
    # A subdivision sense listed among subdivisions ("Utah, Washington and Texas").
    list_weight: float = 0.25
    # Other subdivisions of the candidate's country named in the story (saturating at three).
    sibling_weight: float = 0.2
    # An explicit qualifier ("Paris, Texas") outweighs any prior.
    qualifier_weight: float = 1.0
    # Acceptance: a span needs at least this much evidence (prior + support + cue bonuses).
    accept: float = 0.42
    # Weak spans (capitalised common words, given names, sentence-initial towns) need a major
    # place, or a locative word before them and a place of some standing with context.
    accept_weak: float = 0.62
    accept_weak_locative: float = 0.45
    # A name weak only for opening its sentence ("Aleppo fell in 2016"), and no given name,
    # surname or common word, is a place when it is a city or region of some standing: it is
    # capitalised for its position, but no other word is spelt so.
    accept_sentence_start: float = 0.48
    # A town or region in a country no other mention supports, in a story that has at least
    # ``foreign_min_votes`` mentions elsewhere, must clear a higher bar.
    foreign_min_votes: int = 4
    foreign_penalty: float = 0.12
    # Bonus for a locative word right before a span ("in Innisfail").
    locative_bonus: float = 0.12
    # Softmax temperature for the confidence (score differences of ~0.1 are meaningful).
    temperature: float = 0.08
    alternatives: int = 5


_DEFAULT_SETTINGS = ResolveSettings()

# Anchor points kept for the nearness score: enough to describe where a story happens.
_MAX_POINTS = 24
# Longest coordination walked to find its verb ("A, B and C agreed"); bounds the work on lists.
_MAX_COORDINATION = 8
_COUNTRYLIKE = frozenset({PlaceKind.CONTINENT, PlaceKind.COUNTRY, PlaceKind.REGION})
_CITY, _COUNTRY, _ADMIN1 = PlaceKind.CITY, PlaceKind.COUNTRY, PlaceKind.ADMIN1
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \t]+(?:the[ \t]+)?$")
_AGENT_TAIL = re.compile(
    r"(?:['’]s\b)?[ \t,]*(?:(?:has|have|had|also|has also|then|now|reportedly|officially|quickly)[ \t]+)?([a-z]+)"
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|to|from|into|toward|towards|around|visited|visit)[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
# "Washington state", "Nyanza province", "Akita prefecture": the first-level subdivision; so
# does a governor ("New York Gov. Andrew Cuomo"): towns have mayors, and capitals have none.
_STATE_AFTER = re.compile(r"[ \t]+(?:state|province|prefecture|governorate|oblast|region|Gov\.|[Gg]overnor\b)")
# What may follow the space after a name when one of those words comes next.
_STATE_AFTER_FIRST = frozenset("spgorG \t")
# A list of names that a plural subdivision word closes: "the Donetsk and Luhansk regions",
# "Kherson, Zaporizhzhia and Donetsk oblasts": each is a first-level subdivision.
_STATES_AFTER_LIST = re.compile(
    r"(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}){1,6}"
    r"[ \t]+(?:states|provinces|prefectures|governorates|oblasts|regions)\b")
_STATE_BEFORE = re.compile(r"\bstate[ \t]+of[ \t]+$", re.IGNORECASE)
_COMMA_GAP = re.compile(r",[ \t]*")
_COORDINATION_GAP = re.compile(r"(?:[ \t]*,)?[ \t]+and[ \t]+|,[ \t]*")
# A mention after a preposition (and an optional article or adjective) opens no clause.
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|from|to|of|near|into|on|with|by)[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)?$")
_OBJECT_BEFORE = re.compile(r"\b(?:in|at|from|to|of|near|into|on|with|by|for)[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)?$")
_CAPITAL_NEAR = re.compile(r"\bcapital\b", re.IGNORECASE)
# Kinds whose chosen place votes for its first-level subdivision.
_STATE_VOTERS = frozenset({PlaceKind.CITY, PlaceKind.ADMIN1, PlaceKind.SITE})
# Second- and third-level subdivisions (counties, districts): regions inside one state.
_SUBDIVISION_CODES = frozenset({"ADM2", "ADM3"})


@dataclass(slots=True)
class _Group:
    """All mentions of one name in a document, resolved together."""

    # Built positionally in resolve_spans (keywords cost as much again, for every name of every
    # document): the fields without defaults come first, in this order.
    key: str
    cue: Cue
    spans: list[Span]
    candidates: tuple[Place, ...]
    priors: tuple[float, ...]  # per candidate: importance, less a penalty for an alternate name
    # Per candidate: latitude and longitude in radians and cos(latitude), for the nearness term.
    geo: tuple[tuple[float, float, float], ...]
    anchor: bool  # see _is_anchor
    pinned: bool = False
    scores: list[float] = field(default_factory=list)
    qualifier: dict[int, int] = field(default_factory=dict)  # candidate index -> qualifier hits
    # Countries of subdivisions listed next to this name ("Oregon, Utah, Washington and Texas"):
    # lists are homogeneous, so its subdivision sense in that country gains.
    listed_admin1: set[str] = field(default_factory=set)
    # Listed next to a country ("Ghana, Niger, Nigeria and Togo"): its country sense gains.
    listed_country: bool = False
    weak: int = 0
    choice: int = 0
    # Per candidate: country support added in full only to compete with a compatriot namesake
    # (see _score); it chooses among namesakes but is no evidence that the name is a place.
    shared: dict[int, float] = field(default_factory=dict)
    # Per candidate: support past saturation (see _score), which only breaks ties.
    ties: dict[int, float] = field(default_factory=dict)
    # Candidates with a sense of another name within ``pair_km`` (see _mark_pairs).
    paired: frozenset[int] = frozenset()


# Ranked candidates, their priors, their points in radians (see _geometry) and whether the name
# is an anchor (see _is_anchor) per (key, cue, region, candidate cap, written in capitals).
_Ranked = tuple[tuple[Place, ...], tuple[float, ...], tuple[tuple[float, float, float], ...], bool]
_CandidateMemo = dict[tuple[str, Cue, str | None, int, bool], _Ranked]


def _geometry(cands: tuple[Place, ...]) -> tuple[tuple[float, float, float], ...]:
    """Each candidate's latitude and longitude in radians and the cosine of its latitude.

    Computed once per name and memoised with its candidates: the nearness term needs them for
    every town candidate of every document that names it.
    """
    out = []
    for c in cands:
        rlat = math.radians(c.lat)
        out.append((rlat, math.radians(c.lon), math.cos(rlat)))
    return tuple(out)


def _candidates(gazetteer: Gazetteer, span: Span) -> tuple[Place, ...]:
    """Plausible candidates of a span, in the index's order (see :func:`_plausible_sense`)."""
    if span.region_of is not None:
        found: tuple[Place, ...] = tuple(
            p for p in gazetteer.candidates(span.key) if p.kind is PlaceKind.ADMIN1 and p.country_code == span.region_of
        )
    elif span.cue is Cue.DIVISION:
        found = _county_candidates(gazetteer, span.key)
    elif span.cue is Cue.DEMONYM:
        place = gazetteer.lookup_demonym(span.key)
        found = (place,) if place is not None else ()
    elif span.cue is Cue.METONYM:
        met = gazetteer.lookup_metonym(span.key)
        found = (met.place,) if met is not None else gazetteer.candidates(span.key)
    else:
        acronym = _is_acronym(span.surface)
        found = tuple(p for p in gazetteer.candidates(span.key) if _plausible_sense(p, span.key, acronym=acronym))
    return found


def _name_key(name: str) -> str:
    """``first_key`` of a candidate's name, memoised: the same places come back for many keys,
    and each first sight of a key asks for the key of every candidate's name twice."""
    k = _NAME_KEYS.get(name)
    if k is None:
        if len(_NAME_KEYS) >= _NAME_KEYS_SIZE:
            _NAME_KEYS.clear()
        k = _NAME_KEYS[name] = first_key(name)
    return k


_NAME_KEYS: dict[str, str] = {}
_NAME_KEYS_SIZE = 200_000


def _ranked(key: str, cands: tuple[Place, ...], *, pinned: bool) -> tuple[tuple[Place, ...], tuple[float, ...]]:
    """Candidates best prior first, with their priors.

    A prior is the place's importance, less a small penalty when ``key`` is only one of its
    alternate names, and a larger one when another candidate is really called so: "Geneva" is
    the city before the canton of Genève, although the canton is larger. Pinned lists keep
    their order (the pin first).
    """
    main = [_name_key(c.name) == key for c in cands]
    penalty = _SHADOWED_PENALTY if any(main) else _ALTERNATE_PENALTY
    priors = [c.importance - (0.0 if m else penalty) for c, m in zip(cands, main, strict=True)]
    if key in lexicon.CITY_BEFORE_SUBDIVISION:
        # The roles swap: the big city is the name's own sense and the subdivision the shadowed
        # one, so only a subdivision cue (a qualifier, a list, sibling states) chooses it.
        for k, c in enumerate(cands):
            if c.kind is PlaceKind.CITY and c.population >= _ALTERNATE_MIN_POPULATION:
                priors[k] = c.importance
            elif c.kind is PlaceKind.ADMIN1:
                priors[k] = c.importance - _SHADOWED_PENALTY
    else:
        _put_capitals_first(cands, priors)
    if pinned or len(cands) < 2:
        return cands, tuple(priors)
    order = sorted(range(len(cands)), key=lambda k: -priors[k])
    return tuple(cands[k] for k in order), tuple(priors[k] for k in order)


def _put_capitals_first(cands: tuple[Place, ...], priors: list[float]) -> None:
    """A province named after its capital ("Basra", "Hama", "Herat", "Zaporizhzhia"): bare, the
    name means the city, as with "New York", when the city is large and holds a fair share of
    the province (a fifth or more). The province then needs a cue ("Basra province", a list of
    provinces). "Quebec", whose capital holds a twentieth of it, stays the province."""
    for a, province in enumerate(cands):
        if province.kind is not PlaceKind.ADMIN1:
            continue
        for k, c in enumerate(cands):
            if (c.kind is PlaceKind.CITY and c.country_code == province.country_code
                    and c.admin1_code == province.admin1_code and c.population >= _ALTERNATE_MIN_POPULATION
                    and c.population * _CAPITAL_SHARE >= province.population and priors[k] <= priors[a]):
                priors[k] = c.importance
                priors[a] = province.importance - _SHADOWED_PENALTY


# A capital holding at least 1/_CAPITAL_SHARE of its province's people lends the province's name
# its own sense (see _put_capitals_first).
_CAPITAL_SHARE = 5


# Alternate-name penalties (the index ranks names the same way): an exonym or old name is a
# little less likely than a place's own name, and much less when another place bears it.
_ALTERNATE_PENALTY = 0.03
_SHADOWED_PENALTY = 0.15


def _county_candidates(gazetteer: Gazetteer, key: str) -> tuple[Place, ...]:
    """The county itself when the index has it, else the states that have a county so named."""
    own = tuple(p for p in gazetteer.candidates(key) if p.kind is not PlaceKind.CITY)
    if own:
        return own
    out: list[Place] = []
    for code in sorted(county_states(key)):
        state = lexicon.POSTAL_CODES.get(code.lower())
        if state is None:
            continue
        out.extend(
            p
            for p in gazetteer.candidates(normalise_name(state[1]))
            if p.kind is PlaceKind.ADMIN1 and p.country_code == "US" and p.admin1_code == code
        )
    return tuple(out)


def _is_acronym(surface: str) -> bool:
    if not surface.isupper():  # nearly every surface; then its letters are not all capitals either
        return False
    letters = surface.replace(".", "")
    return 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()


def _plausible_sense(p: Place, key: str, *, acronym: bool = False) -> bool:
    """Whether a candidate may be meant by ``key``.

    A place's main name always qualifies. An alternate name qualifies for countries, regions and
    subdivisions, and for towns large enough that English news uses their other names ("Kiev",
    "Bombay"): GeoNames lists thousands of alternate names for small places that are ordinary
    words or initials in English ("I" for Huy, "CIA" for Zia Pueblo, "Boons").
    """
    if acronym and p.kind is PlaceKind.CITY and p.population < _ACRONYM_MIN_POPULATION:
        # "UN", "HIV", "SOS", "ALMA" in capitals are organisations and diseases, not the small
        # towns that share the letters; capitals do name countries ("US", "DRC"), regions
        # ("NSW") and the biggest cities in datelines ("ROME").
        return False
    if _name_key(p.name) == key:
        return True
    if p.kind is not PlaceKind.CITY and p.kind is not PlaceKind.SITE:
        return len(key) >= 2
    if p.kind is PlaceKind.SITE and p.geonameid is None:
        # A landmark from the project's own table (gazetteer/data/regions.csv), whose other names
        # were chosen there as the ones news uses: "Heathrow" is the airport near London before
        # the Florida town of that name.
        return len(key) >= 2
    if len(key) <= 3:
        return False
    return p.population >= _ALTERNATE_MIN_POPULATION


# Towns above this size are known abroad under other names (exonyms, old names).
_ALTERNATE_MIN_POPULATION = 100_000
_ACRONYM_MIN_POPULATION = 500_000


def _is_anchor(cue: Cue, candidates: tuple[Place, ...], priors: tuple[float, ...]) -> bool:
    """Whether a name needs no context: its first-pass sense is its best prior. It depends on the
    name alone, so it is memoised with the name's candidates."""
    if len(candidates) == 1 or cue in (Cue.DEMONYM, Cue.METONYM):
        return True
    if cue is Cue.DIVISION:
        return False
    if candidates[0].kind in _COUNTRYLIKE:
        return True
    return priors[0] - priors[1] >= 0.25


def resolve_spans(
    text: str,
    spans: Sequence[Span],
    gazetteer: Gazetteer,
    *,
    overrides: Overrides | None = None,
    settings: ResolveSettings = _DEFAULT_SETTINGS,
    candidate_cache: _CandidateMemo | None = None,
) -> list[PlaceMention]:
    """Resolve recognised spans of ``text`` into place mentions (see the module docstring)."""
    cache = candidate_cache if candidate_cache is not None else {}
    spans = _with_subdivision_words(text, spans, gazetteer)
    # One query for every name of the document rather than one per name, made at the first name
    # the memo lacks: a warm memo needs none.
    prefetched = False
    groups: dict[tuple[str, Cue, str | None], _Group] = {}
    order: list[tuple[Span, _Group]] = []
    for sp in spans:
        gk = (sp.key, sp.cue, sp.region_of)
        g = groups.get(gk)
        if g is None:
            rows = overrides.for_key(sp.key) if overrides is not None and sp.cue is Cue.NAME else ()
            if rows:
                assert overrides is not None
                if not prefetched:
                    prefetched = _prefetch(gazetteer, spans)
                raw = overrides.apply(
                    sp.key, _candidates(gazetteer, sp)[: settings.max_candidates], fetch=gazetteer.get
                )
                pinned = any(r.action == "pin" for r in rows)
                cands, priors = _ranked(sp.key, raw, pinned=pinned)
                geo = _geometry(cands)
                anchor = bool(cands) and _is_anchor(sp.cue, cands, priors)
            else:
                # Ranked candidates depend on the name alone: memoised across documents.
                ck = (sp.key, sp.cue, sp.region_of, settings.max_candidates, _is_acronym(sp.surface))
                hit = cache.get(ck)
                if hit is None:
                    if not prefetched:
                        prefetched = _prefetch(gazetteer, spans)
                    raw = _candidates(gazetteer, sp)[: settings.max_candidates]
                    rc, rp = _ranked(sp.key, raw, pinned=False)
                    hit = (rc, rp, _geometry(rc), bool(rc) and _is_anchor(sp.cue, rc, rp))
                    cache[ck] = hit
                cands, priors, geo, anchor = hit
                pinned = False
            if not cands:
                continue
            g = _Group(sp.key, sp.cue, [], cands, priors, geo, anchor, pinned)
            groups[gk] = g
        g.spans.append(sp)
        g.weak += sp.weak
        order.append((sp, g))
    if not order:
        return []

    _find_qualifiers(text, order)
    _mark_full_forms(groups.values())

    glist = list(groups.values())
    _mark_pairs(glist, settings)
    # Pass 1: anchors from priors alone; pass 2: anchors from pass 1's choices.
    # ``chosen``: id of a name -> the index of its chosen candidate.
    chosen: dict[int, int] = {id(g): 0 for g in glist if g.anchor}
    # Names whose choice context cannot change and whose acceptance it cannot decide: a major
    # place (countries, capitals, large cities) whose runner-up lies beyond the context's reach.
    # Scoring them would only repeat their priors, so they keep their priors as scores.
    settled: set[int] = set()
    for g in glist:
        top = g.candidates[0]
        if (
            not g.pinned
            and not g.qualifier
            and g.priors[0] >= settings.accept_weak
            and not g.listed_admin1
            and (len(g.candidates) == 1 or g.priors[0] - g.priors[1] >= settings.context_reach)
            # A country with a subdivision namesake ("Georgia") is exactly what context decides.
            and not (top.kind is PlaceKind.COUNTRY and any(c.kind is PlaceKind.ADMIN1 for c in g.candidates[1:]))
        ):
            settled.add(id(g))
            g.scores = list(g.priors)
            g.choice = 0
    # Pass 1 only matters when some name has a real choice to make.
    passes = (False, True) if any(len(g.candidates) > 1 and id(g) not in settled for g in glist) else (True,)
    for final in passes:
        anchors = _count_anchors(glist, chosen)
        new_chosen: dict[int, int] = {}
        for g in glist:
            if id(g) in settled or (len(g.candidates) == 1 and not final):
                # Nothing to choose; its score only matters for acceptance, after the last pass.
                new_chosen[id(g)] = 0
                continue
            if len(g.candidates) == 1 and _accepted_on_prior(g, settings):
                # One candidate, accepted whatever context adds (scores never fall below
                # priors): its score would decide nothing, and a single candidate's confidence
                # does not depend on it.
                g.scores = list(g.priors)
                g.choice = 0
                new_chosen[id(g)] = 0
                continue
            # Before the last pass only the choice matters, not the scores of the losers.
            k = chosen.get(id(g))
            _score(g, anchors, None if k is None else g.candidates[k], settings, argmax_only=not final)
            g.choice = g.scores.index(max(g.scores))  # the first best, as max() with a key
            new_chosen[id(g)] = g.choice
        chosen = new_chosen

    # Per name, once: acceptance, the alternatives (best first) and the base confidence.
    finals: dict[int, tuple[Place, tuple[Place, ...], float]] = {}
    for grp in glist:
        if not _accept(grp, settings, anchors.countries, text) or _speaks(text, grp):
            continue
        if len(grp.candidates) == 1:
            alts: tuple[Place, ...] = ()  # most names: no sort needed
        else:
            scores = grp.scores
            ranked = sorted(range(len(grp.candidates)), key=scores.__getitem__, reverse=True)  # stable
            alts = tuple([grp.candidates[k] for k in ranked[1 : 1 + settings.alternatives]])
        finals[id(grp)] = (grp.candidates[grp.choice], alts, _confidence(grp, settings))
    mentions: list[PlaceMention] = []
    for idx, (sp, g) in enumerate(order):
        resolved = finals.get(id(g))
        if resolved is None:
            continue
        place, alts, conf = resolved
        if (
            place.kind is not _COUNTRY
            and place.feature_code != "PPLC"
            and g.cue is not Cue.DEMONYM
            and g.cue is not Cue.METONYM
        ):
            role = MentionRole.LITERAL  # what _role answers for these, without the call
        else:
            role = _role(text, sp, g, place, order, idx, gazetteer)
        if sp.weak and not g.pinned:
            conf = round(conf * 0.7, 4)
        if 0 <= sp.start < sp.end and sp.end - sp.start == len(sp.surface):
            # Valid by construction (confidences lie in [0, 1]): built without the frozen
            # dataclass's __init__ and checks, field order as declared.
            m = _new_mention(sp.surface, sp.start, sp.end, place, role, conf, alts, sp.in_organisation)
        else:  # a third-party recogniser's bad span: the checks name the mistake
            m = PlaceMention(
                surface=sp.surface,
                start=sp.start,
                end=sp.end,
                place=place,
                role=role,
                confidence=conf,
                alternatives=alts,
                in_organisation=sp.in_organisation,
            )
        mentions.append(m)
    return mentions


_new_mention = builder(PlaceMention)


def _with_subdivision_words(text: str, spans: Sequence[Span], gazetteer: Gazetteer) -> Sequence[Span]:
    """The spans, each name followed by a lowercase subdivision word ("the Moscow region", "the
    Donetsk and Luhansk regions") looked up under that phrase, when the index knows it as a
    region's name: "Moscow region" is Moscow Oblast, around the city, and "Leningrad region"
    Leningrad Oblast, where "Leningrad" alone is a city's old name. The span keeps its text, and
    a bare "Moscow" in the same story its own sense."""
    out: list[Span] | None = None
    for k, sp in enumerate(spans):
        word = _subdivision_word_after(text, sp) if sp.cue is Cue.NAME else None
        if word is None:
            continue
        phrase = f"{sp.key} {word}"
        if any(p.kind is _ADMIN1 or p.kind is PlaceKind.REGION for p in gazetteer.candidates(phrase)):
            if out is None:
                out = list(spans)
            out[k] = replace(sp, key=phrase)
    return spans if out is None else out


# The subdivision words after a name that make it a region's phrase, singular or plural.
_SUBDIVISION_WORD_AFTER = re.compile(r"[ \t]+(state|province|prefecture|governorate|oblast|region)s?\b")


def _subdivision_word_after(text: str, sp: Span) -> str | None:
    """The subdivision word after a name ("region" in "the Kharkiv region") or closing the list
    it opens ("the Donetsk and Luhansk regions"), in the singular; else None."""
    if text[sp.end + 1 : sp.end + 2] in _STATE_AFTER_FIRST:
        after = _SUBDIVISION_WORD_AFTER.match(text, sp.end, min(len(text), sp.end + 16))
        if after is not None:
            return after.group(1)
    if text[sp.end : sp.end + 1] in ", ":
        listed = _STATES_AFTER_LIST.match(text, sp.end, min(len(text), sp.end + 120))
        if listed is not None:
            return listed.group(0).rsplit(None, 1)[-1].removesuffix("s")
    return None


def _prefetch(gazetteer: Gazetteer, spans: Sequence[Span]) -> bool:
    """Fetch the candidates of every plain name of a document in one query; True, for the
    caller's flag."""
    gazetteer.prefetch({sp.key for sp in spans if sp.cue is Cue.NAME})
    return True


@dataclass(slots=True)
class _Anchors:
    """What one pass's chosen senses say about the story: the anchors of the next pass.

    Plain dicts, not Counters: a Counter's missing key costs a Python-level ``__missing__``
    call, and these are filled for every name twice per document.
    """

    countries: dict[str, int]
    admin1s: dict[tuple[str, str], int]
    counties: dict[tuple[str, str], int]  # the states of the counties named
    siblings: dict[str, int]  # distinct subdivisions named, per country
    # The towns' and sites' points (radians, cos(latitude)), at most one per name, and the name
    # each came from (by id), so that a name's nearness leaves out its own point.
    points: list[tuple[float, float, float]]
    point_of: dict[int, int]

    def states(self) -> dict[tuple[str, str], int]:
        """Votes per state from towns, states and counties alike (a local story's evidence)."""
        if not self.counties:
            return self.admin1s
        merged = dict(self.admin1s)
        for key, n in self.counties.items():
            merged[key] = merged.get(key, 0) + n
        return merged

    def points_besides(self, g: _Group) -> list[tuple[float, float, float]]:
        """Every point but ``g``'s own: a name must not be near itself."""
        own = self.point_of.get(id(g))
        if own is None:
            return self.points
        return self.points[:own] + self.points[own + 1 :]


def _count_anchors(groups: list[_Group], chosen: dict[int, int]) -> _Anchors:
    """The votes of the chosen senses (``chosen``: id of a name -> the index of its sense), each
    weighted by how often its name occurs."""
    countries: dict[str, int] = {}
    admin1s: dict[tuple[str, str], int] = {}
    counties: dict[tuple[str, str], int] = {}
    siblings: dict[str, int] = {}
    points: list[tuple[float, float, float]] = []
    point_of: dict[int, int] = {}
    seen_points: set[int] = set()  # ids: hashing a Place hashes all its fields
    for g in groups:
        k = chosen.get(id(g))
        if k is None:
            continue
        p = g.candidates[k]
        w = len(g.spans)
        cc = p.country_code
        if cc:
            countries[cc] = countries.get(cc, 0) + w
            if p.admin1_code and p.kind in _STATE_VOTERS:
                key = (cc, p.admin1_code)
                admin1s[key] = admin1s.get(key, 0) + w
            elif p.admin1_code and p.kind is PlaceKind.REGION and p.feature_code in _SUBDIVISION_CODES:
                # A county names its state ("Laurel County" is in Kentucky), but a county's
                # name is shared by many states and its first-pass sense is a guess: it
                # only tells whether a story is local, never moves a town by itself. A county
                # only one state has ("Sangamon County") votes for it like a town.
                key = (cc, p.admin1_code)
                counties[key] = counties.get(key, 0) + w
                if len(g.candidates) == 1:
                    admin1s[key] = admin1s.get(key, 0) + w
            if p.kind is PlaceKind.ADMIN1:
                siblings[cc] = siblings.get(cc, 0) + 1
        if p.kind not in _COUNTRYLIKE and id(p) not in seen_points and len(points) < _MAX_POINTS:
            seen_points.add(id(p))
            point_of[id(g)] = len(points)
            points.append(g.geo[k])
    return _Anchors(
        countries=countries, admin1s=admin1s, counties=counties, siblings=siblings, points=points, point_of=point_of
    )


def _score(
    g: _Group,
    anchors: _Anchors,
    own: Place | None,
    s: ResolveSettings,
    *,
    argmax_only: bool = False,
) -> None:
    # The innermost loop of the resolver (every candidate of every name, twice per document):
    # settings, enum members and bound methods are read into locals once, and terms that add
    # exactly zero are skipped, which leaves every score bit-for-bit the same.
    cands = g.candidates
    multi = len(cands) > 1
    n_own = len(g.spans)
    country_vs_admin1 = cands[0].kind is _COUNTRY
    own_cc = own.country_code if own is not None else None
    # Only the kinds that vote for their state (see resolve_spans) discount their own vote: a
    # county never voted, so subtracting it would take a vote from its state's other names.
    own_a1 = (own.country_code, own.admin1_code) if own is not None and own.kind in _STATE_VOTERS else None
    countries, admin1s, siblings, points = anchors.countries, anchors.admin1s, anchors.siblings, anchors.points
    scores: list[float] = []
    # Written on the last pass only, which scores each name once: nothing to clear.
    shared, ties = g.shared, g.ties
    priors = g.priors
    best_prior = priors[0]
    qualifier = g.qualifier
    listed = g.listed_admin1
    context_reach, accept_weak = s.context_reach, s.accept_weak
    country_weight, admin1_weight = s.country_weight, s.admin1_weight
    near_weight, near_km = s.near_weight, s.near_km
    country_votes, admin1_votes = countries.get, admin1s.get
    near_pts: list[tuple[float, float, float]] | None = None
    geo = g.geo
    # With ``argmax_only``, a candidate whose score cannot reach the best one computed so far is
    # not scored (it gets -inf): its prior plus every bonus it could get is the bound. The margin
    # covers rounding; the best candidate and any tie are still scored exactly, so the choice is
    # the one full scoring makes.
    best_sc = -math.inf
    ctx_max = (country_weight + admin1_weight) * (1.0 + _MORE_VOTES) + near_weight + s.pair_weight
    # A local story: the best-known sense lies in a country no other name of the document
    # touches, while the document names a state of another candidate at least twice (the state,
    # its counties, its towns) and that candidate's country holds most of the document's votes.
    # "Smith of London" in a story datelined "Ky." that names Laurel County is London,
    # Kentucky: the reach limit, meant to stop coincidences, then does not apply.
    top_cc = cands[0].country_code
    top_city = cands[0].kind is _CITY
    # A country no other name supports, against a namesake subdivision whose country the story
    # keeps naming through its other subdivisions ("Alabama", "Iowa" ... "a lab in Georgia"):
    # context decides in full, as in a local story.
    country_unsupported = country_vs_admin1 and _unnamed(top_cc, countries, own_cc, n_own)
    local_states = None
    if multi and best_prior >= _LOCAL_FAMOUS_PRIOR and _unnamed(top_cc, countries, own_cc, n_own):
        local_states = _local_states(countries, anchors.states(), own, n_own)
    pinned, listed_country = g.pinned, g.listed_country
    paired, pair_weight = g.paired, s.pair_weight
    list_weight, sibling_weight, qualifier_weight = s.list_weight, s.sibling_weight, s.qualifier_weight
    for k, c in enumerate(cands):
        sc = priors[k]
        if k == 0 and pinned:
            sc += 10.0
        kind = c.kind
        admin1_vs_country = country_vs_admin1 and kind is _ADMIN1
        local = local_states is not None and k > 0 and kind is _CITY and (c.country_code, c.admin1_code) in local_states
        if argmax_only and k > 0 and not admin1_vs_country:
            r = 1.0 if local else 1.0 - (best_prior - sc) / context_reach
            bound = sc + ctx_max * r if r > 0.0 else sc
            if (
                top_city
                and r < 1.0
                and kind is _CITY
                and top_cc
                and c.country_code == top_cc
                and c.admin1_code
                and admin1_votes((top_cc, c.admin1_code), 0) > 0
            ):
                # A compatriot town its state supports gets the country's support unshrunk (below).
                bound += country_weight * (1.0 + _MORE_VOTES) * (1.0 - r if r > 0.0 else 1.0)
            if kind is _ADMIN1:
                bound += list_weight + sibling_weight
            elif kind is _COUNTRY and listed_country:
                bound += list_weight
            if qualifier and qualifier.get(k, 0):
                bound += qualifier_weight
            if bound + 1e-9 < best_sc:
                scores.append(-math.inf)
                continue
        # Context may only choose among candidates of comparable standing: it must not let a
        # hamlet called "Russia" in a US story beat the country. The gap in prior to the best
        # candidate shrinks the context's weight linearly to zero at ``context_reach``; a
        # subdivision competing with a country of the same name ("Georgia") counts as close,
        # since which one is meant is exactly what context decides.
        gap = best_prior - priors[k]
        if admin1_vs_country and gap > 0.15:
            gap = 0.15
        reach = 1.0 - gap / context_reach
        if (
            reach > 1.0
            or local
            or (
                admin1_vs_country
                and country_unsupported
                and siblings.get(c.country_code or "", 0) - (1 if own is c else 0) >= _STORY_MIN_SIBLINGS
            )
        ):
            reach = 1.0
        cc = c.country_code
        if reach > 0.0 and cc:
            ctx = 0.0
            # Discount this group's own votes: a name must not support itself.
            votes = country_votes(cc, 0)
            if own_cc == cc:
                votes -= n_own
            cterm = 0.0
            tie = 0.0  # support past saturation: it breaks ties, and is no evidence of a place
            if votes > 0:
                # Saturating at three votes, then a little more per vote, as for states below.
                if votes <= 3:
                    cterm = country_weight * votes / 3.0
                else:
                    tie = country_weight * _MORE_VOTES * (1.0 - 3.0 / votes)
                    cterm = country_weight + tie
                if kind in _COUNTRYLIKE and c.feature_code not in _SUBDIVISION_CODES:
                    # Half for wide regions; a county or province lies in its country as a town does.
                    cterm *= 0.5
                    tie *= 0.5
            avotes = 0
            a1 = c.admin1_code
            if a1 and kind is not _COUNTRY:
                akey = (cc, a1)
                avotes = admin1_votes(akey, 0)
                if own_a1 == akey:
                    avotes -= n_own
                if avotes > 0:
                    # Saturating at two votes, then a little more per vote: among namesakes in
                    # several states a story names (Monroe County, "in Missouri" many times and
                    # "Indiana" twice), the state it names most wins the tie.
                    if avotes <= 2:
                        ctx += admin1_weight * avotes / 2.0
                    else:
                        atie = admin1_weight * _MORE_VOTES * (1.0 - 2.0 / avotes)
                        ctx += admin1_weight + atie
                        tie += atie
            if top_city and avotes > 0 and kind is _CITY and cc == top_cc:
                # The best-known sense gets the country's support in full; a namesake in the
                # same country that its own state supports must too, or a story about Indiana
                # that names the United States pulls "Austin" towards Texas: shared support
                # decides nothing between them. (Without its state's support it stays shrunk,
                # so that a surname matching a small town gains nothing from it.)
                sc += cterm
                if not argmax_only:  # only acceptance, after the last pass, reads these
                    shared[k] = cterm * (1.0 - reach)
            else:
                ctx += cterm
            if k in paired:
                # It chooses among a name's senses; that two names have namesakes close to
                # each other is no evidence that either is a place ("Hurricane").
                ctx += pair_weight
                tie += pair_weight
            if tie and not argmax_only:
                ties[k] = tie * reach
            # Nearness only where it can matter: a choice between towns, or a minor town's
            # acceptance (a major one is accepted on its prior).
            if kind is _CITY and points and (multi or priors[k] < accept_weak):
                if near_pts is None:
                    # Other names' points, once per name: a name must not be near itself.
                    near_pts = anchors.points_besides(g)
                if near_pts:  # with none, the term would be exp(-inf) = 0
                    ctx += near_weight * math.exp(-_nearest_km(geo[k], near_pts) / near_km)
            sc += ctx * reach
        if qualifier and qualifier.get(k, 0):
            sc += qualifier_weight
        if kind is _COUNTRY:
            if listed_country:
                sc += list_weight
        elif kind is _ADMIN1:
            if cc in listed:
                sc += list_weight
            # Other subdivisions of the same country named in the story ("Alabama", "Iowa"):
            # a story about US states means the state when it says "Georgia".
            others = siblings.get(cc or "", 0) - (1 if own is c else 0)
            if others > 0:
                sc += sibling_weight * (others / 3.0 if others < 3 else 1.0)
        if sc > best_sc:
            best_sc = sc
        scores.append(sc)
    g.scores = scores


def _unnamed(cc: str | None, countries: dict[str, int], own_cc: str | None, n_own: int) -> bool:
    """Whether no other name of the document votes for country ``cc``."""
    votes = countries.get(cc, 0) if cc else 0
    if votes and own_cc == cc:
        votes -= n_own
    return votes <= 0


def _local_states(
    countries: dict[str, int],
    states: dict[tuple[str, str], int],
    own: Place | None,
    n_own: int,
) -> frozenset[tuple[str, str]] | None:
    """The states a document is a local story about (None when there is none): other names vote
    for the state at least twice, and for its country at least two thirds of all their votes."""
    total = sum(countries.values()) - (n_own if own is not None and own.country_code else 0)
    found = []
    for (cc, a1), avotes in states.items():
        if own is not None and own.country_code == cc and own.admin1_code == a1:
            avotes -= n_own
        if avotes < _LOCAL_MIN_STATE_VOTES:
            continue
        votes = countries.get(cc, 0)
        if own is not None and own.country_code == cc:
            votes -= n_own
        if 3 * votes >= 2 * total:
            found.append((cc, a1))
    return frozenset(found) if found else None


# The rule resists a famous namesake (a city of some hundreds of thousands or more); between
# small towns the ordinary reach already lets context choose, and a surname that matches small
# towns ("Campbell Soup Company") must not be promoted to a place by it.
_LOCAL_FAMOUS_PRIOR = 0.5
# Beyond saturation, the most a state's further votes add to its support (a tie-breaker).
_MORE_VOTES = 0.1
# Other subdivisions of one country that make a story about them (a pair is common in any
# story: "from Texas to California"; more than that is a story about that country's states).
_STORY_MIN_SIBLINGS = 3
# Two mentions of a state by other names (a dateline "Ky." and a county) make a story local;
# one could be a passing reference.
_LOCAL_MIN_STATE_VOTES = 2


def _mark_pairs(groups: list[_Group], s: ResolveSettings) -> None:
    """Set ``paired`` on every ambiguous name: its town senses within ``s.pair_km`` of a town
    sense of another name of the document. Only senses within ``context_reach`` of their name's
    best prior take part (a hamlet that shares a common name pairs with anything), and only
    towns and sites, whose points are precise enough for the distance to mean something."""
    reach = s.context_reach
    # Names whose choice a pair could change: a runner-up within reach of the best prior.
    if not any(len(g.candidates) > 1 and g.priors[1] >= g.priors[0] - reach for g in groups):
        return
    # Every name's town senses within reach: (latitude in radians, name, candidate index).
    towns: list[tuple[float, _Group, int]] = []
    for g in groups:
        if g.cue is not Cue.NAME:
            continue
        floor = g.priors[0] - reach
        for k, prior in enumerate(g.priors):
            if prior < floor:
                break  # priors are sorted, best first
            kind = g.candidates[k].kind
            if kind is _CITY or kind is PlaceKind.SITE:
                towns.append((g.geo[k][0], g, k))
    if len(towns) < 2:
        return
    # A sweep by latitude: two senses further apart in latitude than ``pair_km`` are further
    # apart than that, so each sense is compared only with the few that follow it in a band of
    # latitude, not with every other (a story naming many towns has hundreds of senses).
    max_dlat = s.pair_km / 6371.0088  # in radians
    towns.sort(key=itemgetter(0))
    paired: dict[int, set[int]] = {}
    n = len(towns)
    for i in range(n - 1):
        lat, g, k = towns[i]
        for t in range(i + 1, n):
            hlat, h, j = towns[t]
            if hlat - lat > max_dlat:
                break
            if h is g or h.key == g.key:
                continue
            if _nearest_km(g.geo[k], [h.geo[j]]) <= s.pair_km:
                paired.setdefault(id(g), set()).add(k)
                paired.setdefault(id(h), set()).add(j)
    for g in groups:
        found = paired.get(id(g))
        if found and len(g.candidates) > 1:
            g.paired = frozenset(found)


def _nearest_km(here: tuple[float, float, float], points: list[tuple[float, float, float]]) -> float:
    """Distance from ``here`` to the nearest of ``points`` (each: latitude and longitude in
    radians, cos(latitude)), equirectangular: errors of a few per cent at these distances do not
    matter, and it is several times cheaper."""
    lat, lon, clat = here
    best = 1e18
    pi, two_pi = math.pi, 2 * math.pi  # locals: this loop runs for every city candidate
    for plat, plon, pcos in points:
        y = lat - plat
        yy = y * y
        if yy >= best:
            continue  # the distance is at least the difference in latitude
        dlon = lon - plon
        if dlon < 0.0:
            dlon = -dlon
        if dlon > pi:
            dlon = two_pi - dlon
        x = dlon * (pcos + clat) * 0.5
        d = x * x + yy
        if d < best:
            best = d
    return math.sqrt(best) * 6371.0088


def _accepted_on_prior(g: _Group, s: ResolveSettings) -> bool:
    """Whether :func:`_accept` takes the group's first candidate with its prior as its score,
    and with the foreign-country penalty applied: then it takes it with any score."""
    if g.pinned or g.cue is not Cue.NAME or g.qualifier:
        return True
    prior = g.priors[0]
    if g.weak == len(g.spans):
        return prior >= s.accept_weak
    evidence = prior
    if " " in g.key:
        evidence += 0.1
    evidence -= s.foreign_penalty
    return evidence >= s.accept


def _accept(g: _Group, s: ResolveSettings, countries: dict[str, int], text: str) -> bool:
    if g.pinned or g.cue is not Cue.NAME or g.qualifier:
        return True
    ties = g.ties
    best = g.scores[g.choice] - ties.get(g.choice, 0.0) if ties else g.scores[g.choice]
    if g.shared:
        # Support shared with a compatriot namesake chose this sense; whether the name is a
        # place at all is judged without it: on this sense's own evidence, or on the
        # best-known sense's score (with no namesake competition, the choice is the argmax).
        best = max(best - g.shared.get(g.choice, 0.0), g.scores[0] - ties.get(0, 0.0))
    prior = g.priors[g.choice]
    if g.weak == len(g.spans):
        # Every mention is weak: demand a major place, or a locative cue with some standing.
        if prior >= s.accept_weak or best >= s.accept_weak + 0.1:
            return True
        if best >= s.accept_sentence_start and _weak_by_position_only(text, g):
            return True
        return best >= s.accept_weak_locative and _has_locative(text, g)
    evidence = best
    if " " in g.key:  # every span of a group has the group's key
        evidence += 0.1  # a multi-word name is rarely a coincidence
    place = g.candidates[g.choice]
    if place.kind not in _COUNTRYLIKE and place.country_code:
        total = sum(countries.values())
        own = len(g.spans) if place.country_code in countries else 0
        if total - own >= s.foreign_min_votes and countries.get(place.country_code, 0) - own <= 0:
            # A minor place in a country the story never otherwise touches ("Far North" in
            # Cameroon in a story about Queensland) is more likely a coincidence of names.
            evidence -= s.foreign_penalty
    if evidence >= s.accept:
        return True
    # Looked for only when it can decide: a regex per mention is the costliest test here.
    return evidence + s.locative_bonus >= s.accept and _has_locative(text, g)


def _weak_by_position_only(text: str, g: _Group) -> bool:
    """Whether every mention of a one-word name of a large city or region (its own name, not an
    alternate one) is weak only because it opens a sentence: not a given name, a surname or a
    common word, and not before another capitalised word ("Aleppo fell", not "Hamilton won" or
    "Lyon Capital")."""
    place = g.candidates[g.choice]
    if (g.cue is not Cue.NAME or " " in g.key or place.kind not in (PlaceKind.CITY, PlaceKind.ADMIN1)
            or place.population < _ALTERNATE_MIN_POPULATION or _name_key(place.name) != g.key):
        return False  # a large place's own name, not an old or foreign one ("Part" for Perth)
    if g.key in lexicon.FIRST_NAMES or g.key in lexicon.FAMOUS_SURNAMES or g.key in lexicon.SURNAME_WORDS \
            or g.key in lexicon.COMMON_WORDS:
        return False
    return all(is_sentence_start(text, sp.start) and not _CAPITALISED_NEXT.match(text, sp.end) for sp in g.spans)


_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-Z]")


def _speaks(text: str, g: _Group) -> bool:
    """Whether a town's name is the subject of a verb of speech: then it is a person's surname.

    "Cordova said", "Saha told reporters": towns do not speak. Capitals and countries do, as
    metonyms ("Moscow said"), and so do states and regions; only other towns are dropped, and only
    when the name opens its clause ("police in Boston said" is about Boston).
    """
    place = g.candidates[g.choice]
    if g.cue is not Cue.NAME or place.kind is not PlaceKind.CITY or place.feature_code == "PPLC" or g.pinned:
        return False
    for sp in g.spans:
        m = _SPEECH_AFTER.match(text, sp.end, sp.end + 16)
        if (
            m
            and m.group(1) in lexicon.SPEECH_VERBS
            and not _OBJECT_BEFORE.search(text, max(0, sp.start - 24), sp.start)
        ):
            return True
    return False


_SPEECH_AFTER = re.compile(r"[ \t]+([a-z]+)")


def _has_locative(text: str, g: _Group) -> bool:
    """Whether any mention of the name follows a locative word ("in", "near", "outside")."""
    for sp in g.spans:
        m = _PREV_WORD.search(text, max(0, sp.start - 20), sp.start)
        if m and m.group(1).lower() in lexicon.LOCATIVE_CUES:
            return True
    return False


def _confidence(g: _Group, s: ResolveSettings) -> float:
    """Softmax share of the chosen candidate; weak recognition is discounted per mention."""
    if g.pinned:
        return 1.0
    scores = g.scores
    if len(scores) == 1:
        conf = 1.0  # the softmax of one score, without its exp
    else:
        top = max(scores)
        temperature, exp = s.temperature, math.exp
        z = sum([exp((x - top) / temperature) for x in scores])
        conf = 1.0 / z
    if g.cue is Cue.DIVISION and g.candidates[g.choice].kind is PlaceKind.ADMIN1:
        conf *= 0.4  # placed at its state, not at the county itself
    conf = round(conf, 4)
    # Clamped into [0, 1] as max(0.0, min(1.0, conf)) would, without the two calls.
    if not conf < 1.0:
        conf = 1.0
    return conf if conf > 0.0 else 0.0


def _find_qualifiers(text: str, order: list[tuple[Span, _Group]]) -> None:
    """Mark candidates confirmed by a neighbour: "Paris, Texas", "Georgia's capital Tbilisi",
    "Washington state", "the state of New York", lists of subdivisions."""
    for sp, g in order:
        if g.cue is not Cue.NAME or len(g.candidates) < 2 or all(map(_is_subdivision, g.candidates)):
            # Among subdivisions only ("the Sofia region": Bulgaria's or Madagascar's), a
            # subdivision word chooses none: context does.
            continue
        # One-character tests first: they spare both regexes for nearly every name.
        before = text[max(0, sp.start - 8) : sp.start]
        if (
            (
                text[sp.end + 1 : sp.end + 2] in _STATE_AFTER_FIRST
                and _STATE_AFTER.match(text, sp.end, min(len(text), sp.end + 14))
            )
            or (("f" in before or "F" in before) and _STATE_BEFORE.search(text, max(0, sp.start - 14), sp.start))
            or (
                text[sp.end : sp.end + 1] in ", "
                and _STATES_AFTER_LIST.match(text, sp.end, min(len(text), sp.end + 120))
            )
        ):
            for k, c in enumerate(g.candidates):
                if _is_subdivision(c):
                    g.qualifier[k] = g.qualifier.get(k, 0) + 1
                    break
    last = len(order) - 1
    for idx in range(last):
        a, ga = order[idx]
        b, gb = order[idx + 1]
        # Gaps are matched in place (pos, endpos): slicing them would copy whole paragraphs.
        if b.start - a.end > 40 or ga is gb:
            continue
        if gb.cue is Cue.NAME and _COMMA_GAP.fullmatch(text, a.end, b.start):
            # "X, Y": Y contains X. Not inside a list when X can be Y's peer: in "Georgia,
            # Oklahoma, Pennsylvania and Ohio" or "Mexico, China, Japan" the commas separate
            # states and countries, not a town from its state.
            in_list = (idx > 0 and _COORDINATION_GAP.fullmatch(text, order[idx - 1][0].end, a.start) is not None) or (
                idx + 1 < last and _COORDINATION_GAP.fullmatch(text, b.end, order[idx + 2][0].start) is not None
            )
            for kb, y in enumerate(gb.candidates):
                county = False
                if y.kind is not PlaceKind.ADMIN1 and y.kind is not PlaceKind.COUNTRY:
                    if y.kind is not PlaceKind.REGION or y.feature_code not in _SUBDIVISION_CODES:
                        continue
                    county = True
                if in_list and any(x.kind is y.kind for x in ga.candidates):
                    continue
                if y.kind is PlaceKind.COUNTRY and ga.candidates[0].kind is PlaceKind.COUNTRY:
                    # "entanglements in Russia, U.S. officials said": two countries, not a town
                    # called Russia in the United States ("Russia, Ohio" still qualifies).
                    continue
                for ka, x in enumerate(ga.candidates):
                    if x.kind in _COUNTRYLIKE or x.country_code != y.country_code:
                        continue
                    # "Santa Maria, Davao del Sur": the index does not record a town's county
                    # or province; its state and nearness to the county's point stand for it.
                    if y.kind is PlaceKind.COUNTRY or (
                        x.admin1_code and x.admin1_code == y.admin1_code and (not county or _km(x, y) <= _COUNTY_KM)
                    ):
                        ga.qualifier[ka] = ga.qualifier.get(ka, 0) + 1
                        gb.qualifier[kb] = gb.qualifier.get(kb, 0) + 1
                        break
        if _COORDINATION_GAP.fullmatch(text, a.end, b.start):
            top_a, top_b = ga.candidates[0], gb.candidates[0]
            if top_b.kind is PlaceKind.ADMIN1 and top_b.country_code:
                ga.listed_admin1.add(top_b.country_code)
            if top_a.kind is PlaceKind.ADMIN1 and top_a.country_code:
                gb.listed_admin1.add(top_a.country_code)
            if top_b.kind is PlaceKind.COUNTRY:
                ga.listed_country = True
            if top_a.kind is PlaceKind.COUNTRY:
                gb.listed_country = True
            # A list of states is the cue that "New York" is the state, not the city.
            if top_b.kind is PlaceKind.ADMIN1 and ga.key in lexicon.CITY_BEFORE_SUBDIVISION:
                _mark_subdivision(ga, top_b.country_code)
            if top_a.kind is PlaceKind.ADMIN1 and gb.key in lexicon.CITY_BEFORE_SUBDIVISION:
                _mark_subdivision(gb, top_a.country_code)
        window = text[a.start : min(len(text), b.end + 12)]
        if _may_name_capital(window) and _CAPITAL_NEAR.search(window):
            _mark_capital(ga, gb)
            _mark_capital(gb, ga)


def _may_name_capital(window: str) -> bool:
    """False when ``_CAPITAL_NEAR`` cannot match ``window``: a tenth of the cost of the search
    (a case-blind regex cannot skip ahead), for nearly every pair of neighbours.

    Under ``re.IGNORECASE`` the letters c, a, p, t, l match only themselves and their capitals
    (i also matches dotless ı and İ), so any match lowers to a string holding "cap" and "tal".
    """
    low = window.lower()
    return "tal" in low and "cap" in low


def _km(a: Place, b: Place) -> float:
    """Distance between two places in km (equirectangular, as :func:`_nearest_km`)."""
    la, lb = math.radians(a.lat), math.radians(b.lat)
    return _nearest_km((la, math.radians(a.lon), math.cos(la)), [(lb, math.radians(b.lon), math.cos(lb))])


# How far a town may lie from its county's or province's point ("Town, County").
_COUNTY_KM = 120.0


def _mark_full_forms(groups: Iterable[_Group]) -> None:
    """Qualify the sense a name's full form names elsewhere in the story: after "Nyanza
    Province" or "Scott County", a bare "Nyanza" or "Scott" is that province or county (one sense
    per document across a name's long and short forms)."""
    full: dict[str, _Group] = {}
    for h in groups:
        key = h.key
        cut = key.rfind(" ")
        if cut > 0 and key[cut + 1 :] in _UNIT_WORDS and h.cue is not Cue.DEMONYM:
            full[key[:cut]] = h
    if not full:
        return
    for g in groups:
        long_form = full.get(g.key)
        if long_form is None or g.cue is not Cue.NAME or len(g.candidates) < 2 or not long_form.candidates:
            continue
        if g.candidates[0].kind is PlaceKind.COUNTRY:
            # A bare country name stays the country: "Panama" beside "Panamá Province", "Mexico"
            # beside "Mexico State"; provinces named after their country are named in full.
            continue
        # Its full form's own best sense (a full form is rarely ambiguous).
        target = long_form.candidates[0]
        if _is_city_around(g.candidates, target):
            continue
        for k, c in enumerate(g.candidates):
            if c is target or (c.geonameid is not None and c.geonameid == target.geonameid):
                g.qualifier[k] = g.qualifier.get(k, 0) + 1
                break


def _is_subdivision(place: Place) -> bool:
    """A current first-level subdivision, or a former one ("Nyanza Province", ADM1H)."""
    return place.kind is _ADMIN1 or (place.feature_code or "").startswith("ADM1")


def _is_city_around(candidates: tuple[Place, ...], region: Place) -> bool:
    """Whether a name's best sense is a city that is a first-level subdivision of its own, and
    ``region`` another subdivision of its country: "Moscow" beside "the Moscow region" (Moscow
    Oblast, around the federal city) stays the city."""
    city = candidates[0]
    return (
        city.kind is _CITY
        and region.kind is _ADMIN1
        and region.country_code == city.country_code
        and region.admin1_code != city.admin1_code
        and any(
            c.kind is _ADMIN1 and c.country_code == city.country_code and c.admin1_code == city.admin1_code
            for c in candidates
        )
    )


# Words that make a subdivision's full name out of its short one.
_UNIT_WORDS = frozenset(
    {"province", "county", "state", "region", "district", "prefecture", "oblast", "governorate", "department"}
)


def _mark_subdivision(g: _Group, country_code: str | None) -> None:
    """Qualify ``g``'s subdivision sense in ``country_code`` (a peer in a list of states)."""
    for k, c in enumerate(g.candidates):
        if c.kind is PlaceKind.ADMIN1 and c.country_code == country_code:
            g.qualifier[k] = g.qualifier.get(k, 0) + 1
            return


def _mark_capital(city: _Group, country: _Group) -> None:
    for kc, c in enumerate(city.candidates):
        if c.feature_code not in ("PPLC", "PPLA"):
            continue
        for kk, k in enumerate(country.candidates):
            if k.kind is PlaceKind.COUNTRY and k.country_code == c.country_code and c.feature_code == "PPLC":
                city.qualifier[kc] = city.qualifier.get(kc, 0) + 1
                country.qualifier[kk] = country.qualifier.get(kk, 0) + 1
                return
            if (
                k.kind is PlaceKind.ADMIN1
                and k.country_code == c.country_code
                and k.admin1_code == c.admin1_code
                and c.feature_code == "PPLA"
            ):
                city.qualifier[kc] = city.qualifier.get(kc, 0) + 1
                country.qualifier[kk] = country.qualifier.get(kk, 0) + 1
                return


def _role(
    text: str,
    sp: Span,
    g: _Group,
    place: Place,
    order: list[tuple[Span, _Group]],
    idx: int,
    gazetteer: Gazetteer,
) -> MentionRole:
    if g.cue is Cue.DEMONYM:
        return MentionRole.ASSOCIATIVE
    if g.cue is Cue.METONYM:
        # "the Kremlin said" stands for the government; "tourists outside the Kremlin" do not.
        if _LOCATIVE_BEFORE.search(text, max(0, sp.start - 16), sp.start):
            return MentionRole.LITERAL
        return MentionRole.METONYMIC
    if sp.in_organisation:
        return MentionRole.LITERAL
    if place.kind is not PlaceKind.COUNTRY and place.feature_code != "PPLC":
        return MentionRole.LITERAL
    # The mention must open its clause: "Moscow said", not "talks in Moscow said".
    before = text[max(0, sp.start - 24) : sp.start]
    if _PREPOSITION_BEFORE.search(before):
        return MentionRole.LITERAL
    # Walk a coordination ("Washington and Moscow agreed") to the verb after its last member.
    j = idx
    while j + 1 < len(order) and j - idx < _MAX_COORDINATION:
        nxt = order[j + 1][0]
        if _COORDINATION_GAP.fullmatch(text, order[j][0].end, nxt.start):
            j += 1
            continue
        break
    last = order[j][0]
    m = _AGENT_TAIL.match(text, last.end, min(len(text), last.end + 40))
    if m and m.group(1) in lexicon.AGENCY_VERBS:
        return MentionRole.METONYMIC
    return MentionRole.LITERAL
