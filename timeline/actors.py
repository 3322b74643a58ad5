"""Finding the actors of a document: people with their titles, organisations, governments.

Algorithm, one pass over the document:
1. Titled names: an optional country word ("Russian", "US", "Russia's"), a title from
   :data:`TITLES` ("Foreign Minister"), then two or three capitalised name words:
   "Russian President Vladimir Putin". Appositions give the same: "Marco Rubio, the US
   Secretary of State" and "Keith Kellogg, Trump's envoy"; so does an age, untitled: "William
   Goble, 26, of Edmonton", and a role before the name: "her opponent, Tom Baker,".
2. Every person found is indexed by surname, so later bare mentions ("Putin said", "Trump's
   call", "Presidents Trump and Putin") resolve to the same :class:`~timeline.model.Actor`.
3. Organisations: well-known acronyms and capitalised phrases ending in an organisation head
   word ("Foreign Ministry", "Security Council"); "the X administration" is a government.

The country of a person comes from the place mention just before the title (a demonym or a
country name), found by the geoparser: we never guess nationality from a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.model import Place, PlaceKind, PlaceMention
from timeline.model import Actor, ActorKind

__all__ = ["TITLES", "ActorMention", "find_actors"]

# Titles that precede a name in news copy, longest first so "Foreign Minister" wins over
# "Minister". Lower-case forms ("envoy") appear in appositions.
TITLES: tuple[str, ...] = tuple(sorted({
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
    "Defence Minister", "Defense Minister", "Interior Minister", "Finance Minister", "Minister",
    "Secretary of State", "Defense Secretary", "Defence Secretary", "Foreign Secretary", "Secretary",
    "Secretary-General", "Secretary General", "Chancellor", "King", "Queen", "Crown Prince", "Prince",
    "Emir", "Sheikh", "Sultan", "Pope", "Ambassador", "Senator", "Sen.", "Representative", "Rep.",
    "Governor", "Gov.", "Mayor", "General", "Gen.", "Admiral", "Colonel", "Commander", "Speaker",
    "Premier", "Envoy", "Special Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Chairman",
    "Chairwoman", "Director", "Chief", "Judge", "Justice", "Leader", "Patriarch", "Archbishop",
    "Mr.", "Mrs.", "Ms.", "Dr.", "Candidate", "Sheriff", "Commissioner", "Councilman", "Councilwoman",
    "Professor", "Prof.", "Detective", "Sgt.", "Lt.", "Capt.",
}, key=lambda t: (-len(t), t)))

_TITLE_WORDS = frozenset(w.rstrip(".") for t in TITLES for w in t.split())
_PLURAL_TITLES = ("Presidents", "Prime Ministers", "Foreign Ministers", "Leaders", "Ministers")

# A capitalised word with a lower-case letter in it ("Putin", "McCain", "Al-Sisi"), always taken
# whole: the atomic group and the possessive tail stop the engine from retrying every shorter
# cut of a word, which can never match anyway (a name word is followed by a space, a comma or
# the end of the pattern, none of which continues a word). Same matches, far less backtracking.
_NAME_TAIL = r"(?>[\w’'\-]*[a-z])[\w’'\-]*+"
_NAME_WORD = rf"[A-Z]{_NAME_TAIL}"
# Names never cross a line break: a headline's last word is not a first name.
_MORE_NAME_WORDS = rf"(?:[ \t]+(?:[A-Z]\.[ \t]+)?(?:{_NAME_WORD})){{1,2}}"
_NAME = rf"(?:{_NAME_WORD}){_MORE_NAME_WORDS}"
# The same, only at the start of a word (as after ``\b``). The word-start test comes after the
# first letter rather than before it, so the pattern begins with a character class and the
# engine jumps from capital to capital in C instead of trying every position.
_NAME_AT_WORD_START = rf"[A-Z](?<!\w[A-Z]){_NAME_TAIL}{_MORE_NAME_WORDS}"


def _at_word_start(words: Sequence[str]) -> str:
    r"""An alternation of ``words`` (each starting with a letter) matching only at a word start.

    ``\b(?:President|Prime Minister)`` and ``P(?<!\wP)resident|P(?<!\wP)rime Minister`` match
    the same text; the second begins with literal letters, which the engine scans for quickly.
    """
    return "|".join(rf"{re.escape(w[0])}(?<!\w{re.escape(w[0])}){re.escape(w[1:])}" for w in words)


_TITLE_ALT = "|".join(re.escape(t) for t in TITLES)
_TITLED = re.compile(rf"(?P<title>{_at_word_start(TITLES)})[ \t]+(?P<name>{_NAME})")
_APPOSITION = re.compile(
    rf"(?P<name>{_NAME_AT_WORD_START}),\s+(?:the\s+|a\s+)?(?:[\w’'.\-]+\s+){{0,3}}?"
    rf"(?P<title>{_TITLE_ALT}|envoy|head|chief|spokesman|spokeswoman|minister|adviser|advisor|leader)\b"
)
# A role before the name, set off by commas: "Her opponent, Tom Baker, said", "his lawyer, Greg
# Craig,". The role word, lower-case, is the person's relation, kept as the title.
_ROLE_BEFORE = re.compile(
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+(?P<title>opponent|rival|challenger|lawyer|attorney|wife|husband|son|"
    r"daughter|brother|sister|father|mother|aide|adviser|advisor|deputy|successor|predecessor|spokesman|"
    rf"spokeswoman|spokesperson|partner|colleague),\s+(?P<name>{_NAME_AT_WORD_START}),"
)
# An age in apposition marks a person, as in police and court reports: "William Goble, 26, of".
_AGED = re.compile(rf"(?P<name>{_NAME_AT_WORD_START}),[ \t]+(?:aged[ \t]+)?\d{{1,3}},")
_PLURAL = re.compile(rf"\b(?:{'|'.join(_PLURAL_TITLES)})\s+(?P<a>{_NAME_WORD})\s+and\s+(?P<b>{_NAME_WORD})")

# Acronyms of organisations common in international news.
ORGANISATION_ACRONYMS = frozenset("""
NATO EU UN OSCE IMF WHO OPEC ASEAN AU G7 G20 ICC ICJ IAEA UNESCO UNICEF UNHCR FBI CIA NSA FSB KGB
SBU MI6 WTO OECD BRICS CSTO SCO Hamas Hezbollah Taliban ISIS
""".split())
_ORG_HEADS = (
    "Ministry", "Department", "Council", "Commission", "Parliament", "Assembly", "Congress", "Senate",
    "Agency", "Bank", "Fund", "Army", "Navy", "Air Force", "Forces", "Party", "Union", "Committee",
    "Court", "Office", "Service", "Organization", "Organisation", "Alliance", "Guard", "Police",
)
# Both branches start with "the" or a capital, which the look-ahead checks once per word.
_ORGANISATION = re.compile(
    rf"\b(?=[A-Zt])(?:(?:the[ \t]+)?(?P<org>(?:[A-Z][\w’'\-]++[ \t]+){{1,4}}(?:{'|'.join(_ORG_HEADS)}))\b"
    rf"|(?P<acr>{'|'.join(sorted(ORGANISATION_ACRONYMS, key=len, reverse=True))})\b)"
)
_ADMINISTRATION = re.compile(r"\b(?:the\s+)?(?P<who>[A-Z][a-z]+)(?:’s|'s)?\s+administration\b")
_STOP_NAME_WORDS = frozenset({"The", "This", "That", "These", "Those", "However", "But", "And", "In", "On", "At"})


@dataclass(frozen=True, kw_only=True, slots=True)
class ActorMention:
    """An actor named at ``[start, end)`` of the document text."""

    actor: Actor
    start: int
    end: int
    home: Place | None = None  # the actor's country, when the text says it


def _country_before(position: int, text: str, mentions: Sequence[PlaceMention]) -> Place | None:
    """The country named just before ``position`` ("Russian President", "Russia's envoy")."""
    for mention in reversed(mentions):
        if mention.end > position:
            continue
        gap = text[mention.end:position]
        if len(gap) <= 4 and re.fullmatch(r"(?:’s|'s)?\s*", gap) and mention.place is not None:
            if mention.place.kind in (PlaceKind.COUNTRY, PlaceKind.CONTINENT, PlaceKind.REGION):
                return mention.place
            return None
        if mention.end < position - 4:
            return None
    return None


def _clean_name(name: str) -> str:
    words = name.split()
    while words and words[0] in _STOP_NAME_WORDS | _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


def find_actors(text: str, mentions: Sequence[PlaceMention]) -> list[ActorMention]:
    """Every actor mention in the text, in order, people resolved by surname across the text."""
    place_spans = [(m.start, m.end) for m in mentions if m.place is not None and not m.in_organisation]
    people: dict[str, ActorMention] = {}  # surname -> first full mention
    found: list[ActorMention] = []

    def inside_place(start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in place_spans)

    def add_person(name: str, title: str | None, start: int, end: int, home: Place | None) -> None:
        name = _clean_name(name)
        if len(name.split()) < 2 or inside_place(start, end):
            return
        surname = name.split()[-1].rstrip("’'s")
        known = people.get(surname)
        if known is None:
            actor = Actor(name=name, kind=ActorKind.PERSON, title=title,
                          country_code=home.country_code if home else None)
            known = ActorMention(actor=actor, start=start, end=end, home=home)
            people[surname] = known
        found.append(ActorMention(actor=known.actor, start=start, end=end, home=known.home))

    for match in _TITLED.finditer(text):
        home = _country_before(match.start(), text, mentions)
        add_person(match.group("name"), match.group("title").rstrip("."), match.start("name"), match.end("name"), home)
    for match in _APPOSITION.finditer(text):
        title_start = match.start("title")
        home = _country_before(title_start, text, mentions)
        add_person(match.group("name"), match.group("title"), match.start("name"), match.end("name"), home)
    if "," in text:
        for match in _AGED.finditer(text):
            add_person(match.group("name"), None, match.start("name"), match.end("name"), None)
        for match in _ROLE_BEFORE.finditer(text):
            add_person(match.group("name"), match.group("title"), match.start("name"), match.end("name"), None)

    # Bare surnames ("Putin said", "Trump’s call") of people already introduced.
    if people:
        surnames = re.compile(r"\b(" + "|".join(re.escape(s) for s in sorted(people, key=len, reverse=True)) + r")\b")
        covered = {(m.start, m.end) for m in found}
        for match in surnames.finditer(text):
            if any(s <= match.start() < e for s, e in covered):
                continue
            person = people[match.group(1)]
            found.append(ActorMention(actor=person.actor, start=match.start(), end=match.end(), home=person.home))

    for match in _ORGANISATION.finditer(text):
        name = match.group("org") or match.group("acr")
        start = match.start("org") if match.group("org") else match.start("acr")
        name = _clean_name(name)
        if not name or name in _TITLE_WORDS:
            continue
        home = _country_before(start, text, mentions)
        found.append(ActorMention(actor=Actor(name=name, kind=ActorKind.ORGANISATION,
                                              country_code=home.country_code if home else None),
                                  start=start, end=start + len(name), home=home))
    # Most articles name no administration: skip the scan of every capitalised word.
    for match in _ADMINISTRATION.finditer(text) if "administration" in text else ():
        who = match.group("who")
        if who in _STOP_NAME_WORDS:
            continue
        leader = people.get(who)
        found.append(ActorMention(
            actor=Actor(name=f"{who} administration", kind=ActorKind.GOVERNMENT,
                        country_code=leader.actor.country_code if leader else None),
            start=match.start("who"), end=match.end(), home=leader.home if leader else None))

    found.sort(key=lambda m: (m.start, -m.end))
    result: list[ActorMention] = []
    for mention in found:  # drop mentions nested in an earlier, longer one
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result
