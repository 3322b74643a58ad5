"""Capitalised phrases: the only places in news text where a place name can start.

Algorithm (one regular-expression pass over the text, then work proportional to the phrases):

1. ``find_runs`` finds maximal *runs* of capitalised tokens joined by a single space or tab, a
   hyphen ("US-Russia", "Guinea-Bissau"), or a lower-case connector that place and organisation
   names contain ("Bank of England", "Rio de Janeiro", "Trinidad and Tobago", "Côte d'Ivoire").
   Runs never cross a line break: headlines and bylines run into the body text without a full
   stop, and a place name never spans two lines.
2. A token is a capitalised word ("Riyadh", "McKee", "O'Hare", "WASHINGTON"), an abbreviation
   with full stops ("U.S.", "B.C.", "D.C.") or a short word with its full stop ("Ky.", "St.").
   A possessive "'s" is never part of a token, so "Russia's" yields "Russia".
3. Whether a run starts a sentence (after start of text, a line break, or a sentence-final mark)
   and whether its line is a title-cased headline are asked lazily, only of runs whose evidence
   depends on their capitals, because capitalisation carries no evidence in those positions.

Everything returned is a pair of ``str`` offsets into the text, so ``text[start:end]`` is always
the surface. Letters are matched by Unicode category, not by an ASCII class, so "Århus" and
"Łódź" start tokens like "Paris" does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gazetteer.normalise import _EXPAND, normalise_name

__all__ = [
    "TOKEN_RE",
    "Run",
    "Token",
    "find_runs",
    "first_key",
    "is_sentence_start",
    "iter_run_matches",
    "line_is_headline",
    "split_tokens",
]


def _letter_class(pred: str) -> str:
    """A regex character class of every BMP letter for which ``str.<pred>()`` holds, as ranges."""
    ranges: list[tuple[int, int]] = []
    for cp in range(0x10000):
        ch = chr(cp)
        # Title-case digraphs (ǅ) count as capitals: they only start words.
        ok = ch.isupper() or ch.istitle() if pred == "upper" else ch.isalpha()
        if ok:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    parts = []
    for a, b in ranges:
        parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
    return "[" + "".join(parts) + "]"


_UPPER = _letter_class("upper")

# Lower-case words that occur inside place and organisation names. Kept short: every entry lets
# runs grow, and a run is only a window for the longest-match lookup, so a missing connector
# costs a multi-word name while an extra one costs only time.
_CONNECTORS = (
    "of|the|and|de|del|della|di|da|do|dos|das|du|des|la|le|les|los|las|el|al|y|e|au|aux|"
    "von|van|der|den|upon|on|am|im|an|sur|en|es|aan|ter|zu|bin|ibn"
)

# Words whose abbreviation keeps its full stop inside a name or right after one: "St. Louis",
# "Adair County, Ky.", "Gov. Cuomo". Any other word's trailing full stop ends the sentence, not
# the word, so "Saudi Arabia. This" is two runs.
_DOTTED_WORDS = (
    "St Ste Mt Ft Ky Calif Fla Ga Ill Ind Kan Kans Md Mass Mich Minn Miss Mo Mont Neb Nebr Nev Okla Ore Pa "
    "Penn Tenn Tex Va Vt Wash Wis Wisc Wyo Ariz Ark Colo Conn Del Ala Gov Sen Rep Reps Lt Gen Col Mr Mrs Ms Dr "
    "Jr Sr Sgt Capt Prof Rev Ave Blvd Co Corp Inc Ltd Bros Adm Maj Cpl Supt Insp Det Pres Cmdr Atty Dist Ft "
    "Pt Is Mts Hwy Rd Sask Man Ont Que Alta Nfld Qld Vic Tas"
).split()
_DOT_AFTER = "(?:" + "|".join(f"(?<=\\b{w}\\.)" for w in sorted(set(_DOTTED_WORDS))) + ")"

# One capitalised token. The look-behind sits after the first capital (a fixed-width check of
# the character before it) so the regex engine can still skip ahead on its first-character set,
# which keeps the scan several times faster than a leading look-behind. Alternatives, in order:
# "People's" inside a state's name ("People's Republic of China": the only possessive that
# belongs to names of places), dotted abbreviations ("U.S.", "D.C."), a single initial ("W. Bush"), a word with inner
# apostrophes but no possessive "'s" ("O'Hare", "N'Djamena"), optionally with an abbreviation's
# full stop.
_TOKEN = (
    rf"{_UPPER}(?<!\w.)(?:"
    rf"(?<=P)eople['’]s(?=[ \t]+{_UPPER})"
    rf"|(?:\.{_UPPER})+\.|\.(?=\s)"
    rf"|\w*(?:['’](?!(?:s|ve|ll|re|m|d|t)\b)\w+)*(?:\.{_DOT_AFTER})?)"
)
# The Arabic article and the Persian ezafe, joined by a hyphen to the word after them: "Sharm
# el-Sheikh", "Ras al-Khaimah", "Deir ez-Zor", "Mazar-i-Sharif".
_HYPHENED_ARTICLES = "al|el|ad|ed|ar|er|as|es|ash|esh|at|az|ez|an|en|ul|ud|i|e"
# Up to two connectors in a row: "Democratic Republic of the Congo", "Isle of the Dead".
_SEP = (rf"(?:[ \t]+(?:(?:(?:{_CONNECTORS})[ \t]+){{1,2}}|d['’]|l['’]|(?:{_HYPHENED_ARTICLES})[-‐‑])?"
        rf"|[ \t]*[-‐‑–][ \t]*(?:(?:{_CONNECTORS}|{_HYPHENED_ARTICLES})[-‐‑])?)")
_RUN_RE = re.compile(rf"{_TOKEN}(?:{_SEP}{_TOKEN})*")
_TOKEN_RE = re.compile(_TOKEN)
TOKEN_RE = _TOKEN_RE  # for scanners that want raw matches

# What may stand between the end of a previous sentence and the next one's first word.
_SENTENCE_END_RE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
# The characters that _SENTENCE_END_RE may end with.
_SENTENCE_END_CHARS = frozenset(".!?:;…\"'”’)]")
_OPENERS = "\"'“‘([—–-*•·"


@dataclass(frozen=True, slots=True)
class Token:
    """One capitalised token, ``text[start:end]``; ``dotted`` when it ends in a full stop."""

    start: int
    end: int
    text: str

    @property
    def dotted(self) -> bool:
        return self.text.endswith(".")


@dataclass(frozen=True, slots=True)
class Run:
    """A maximal run of capitalised tokens, ``text[start:end]``."""

    start: int
    end: int
    text: str


def split_tokens(run_text: str, offset: int = 0) -> list[Token]:
    """The capitalised tokens of a run, with offsets shifted by ``offset``."""
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN_RE.finditer(run_text)]


def is_sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence: nothing but openers and spaces since the last break."""
    i = pos - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _OPENERS):
        i -= 1
    if i < 0 or text[i] in "\n\r":
        return True
    if text[i] not in _SENTENCE_END_CHARS:
        return False  # a word before: the test below needs its last character to end a sentence
    # An abbreviation's full stop ("the U.S. Embassy") does not end a sentence, but we cannot tell
    # it from a sentence end cheaply; the resulting false "sentence start" only makes the
    # common-word guard stricter for that token, which is the safe direction.
    return _SENTENCE_END_RE.search(text[max(0, i - 3) : i + 1]) is not None


def line_is_headline(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` is title-cased (most of its words capitalised).

    Headlines capitalise every word, so capitals there say nothing about names.
    """
    # Look no further than a headline's length either way, so that a long text without line
    # breaks costs constant time per call, not a scan of the whole text.
    lo = max(0, pos - _HEADLINE_MAX)
    line_start = text.rfind("\n", lo, pos) + 1
    if line_start == 0 and lo > 0:
        return False  # a paragraph, not a headline
    line_end = text.find("\n", pos, pos + _HEADLINE_MAX + 1)
    if line_end < 0:
        if len(text) - pos > _HEADLINE_MAX:
            return False
        line_end = len(text)
    if line_end - line_start > _HEADLINE_MAX:
        return False
    words = text[line_start:line_end].split()
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    small = sum(1 for w in words if w in _HEADLINE_SMALL_WORDS)
    return caps >= 3 and caps + small >= 0.8 * len(words) and not text[line_start:line_end].rstrip().endswith(".")


# Longest line still taken for a headline, in characters.
_HEADLINE_MAX = 300
# Function words that title case leaves in lower case.
_HEADLINE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of off on onto or over per the to up via vs with".split()
)


def find_runs(text: str) -> list[Run]:
    """All capitalised runs of ``text`` in order (see the module docstring)."""
    return [Run(m.start(), m.end(), m.group()) for m in _RUN_RE.finditer(text)]


def iter_run_matches(text: str) -> Iterator[re.Match[str]]:
    """The raw matches behind :func:`find_runs`, for callers that want no objects per run."""
    return _RUN_RE.finditer(text)


# Words that normalisation rewrites or drops even in plain lower-case text: an abbreviation it
# spells out, a leading article, an empty word between two spaces.
_NOT_PLAIN = frozenset({"", "the", *_EXPAND})


def first_key(name: str) -> str:
    """``normalise_name(name)``, computed without its Unicode and punctuation passes when
    ``name`` is plain ASCII words ("Paris", "Santa Maria") joined by single spaces.

    For strings seen for the first time, where :func:`normalise_name`'s own memo cannot help:
    the tokens of new capitalised runs, the names of candidates fetched for a new key. For
    plain words its steps reduce to lower-casing; anything else goes the full way.
    """
    if name.isascii():
        low = name.lower()
        if low.replace(" ", "").isalpha() and _NOT_PLAIN.isdisjoint(low.split(" ")):
            return low
    return normalise_name(name)
