"""Sentence and clause segmentation with character offsets.

Algorithm: a paragraph break (a blank line) or a headline line always ends a segment; a line with
no closing punctuation is a headline unless the next line continues it (in lower case, or as hard-
wrapped prose: the line about as long as the paragraph's longest and not in title case). Inside a
paragraph a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing quotes or
brackets) before whitespace and an upper-case letter, digit or opening quote, unless the word
before the dot is a known abbreviation ("Mr.", "Feb.", "U.S." before a lower-case word) or a
single initial ("J. Smith"). Clauses split a sentence at semicolons and at ", and"/" and"/", but"
when a finite verb follows, so "Russia has held parts of Ukraine since 2014 and launched a full-
scale invasion in 2022" yields two clauses. Every span satisfies ``text[start:end] == span.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "split_clauses", "split_sentences"]


@dataclass(frozen=True, kw_only=True, slots=True)
class Span:
    text: str
    start: int
    end: int


# Abbreviations that end with a dot but rarely end a sentence: titles, months, and the like.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt maj adm gov sen rep st jr sr rev hon pres sec
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vol fig inc ltd corp co bros dept est approx vs etc al e.g i.e
""".split())
# Country-style abbreviations ("U.S.", "U.K.") end a sentence only before an upper-case word
# that is not a name; we keep them inside the sentence when a lower-case word follows.
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.){2,}$")

_BOUNDARY = re.compile(r"""[.!?]+["'’”)\]]*(?=\s+["'‘“(\[]?[A-Z0-9À-Ý])""")
_PARAGRAPH = re.compile(r"\n[ \t]*\n+")
_LINE_END_PUNCT = re.compile(r"""[.!?:;,"'’”)\]]\s*$""")


# Seven characters before a dot that are neither a word break nor a dot: the word is longer than
# any abbreviation (six letters at most) and is no dotted acronym, so the dot ends a sentence.
# Most sentence ends look like this; checking it first spares the walk back to the word start.
_PLAIN_LONG_WORD_END = re.compile(r"""[^\s(\["'“‘.]{7}""")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the dot at ``dot`` part of an abbreviation rather than a sentence end?"""
    if dot >= 7 and _PLAIN_LONG_WORD_END.fullmatch(text, dot - 7, dot):
        return False
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and text[word_start - 1] not in "([\"'“‘":
        word_start -= 1
    word = text[word_start:dot + 1]
    bare = word.rstrip(".").lower()
    if bare in _ABBREVIATIONS:
        return True
    if len(bare) == 1 and bare.isalpha():  # an initial: "J. Smith"
        return True
    if _DOTTED_ACRONYM.search(word):
        # "the U.S. The next..." is ambiguous; treat as a boundary only when the next word is a
        # common sentence opener. Cheap heuristic: a following "The/This/It/He/She/They/We".
        following = text[dot + 1:dot + 12].lstrip()
        return not re.match(r"(?:The|This|That|These|It|He|She|They|We|But|However|In)\b", following)
    return False


def _sentences_in_block(text: str, start: int, end: int) -> list[Span]:
    spans: list[Span] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        dot = match.start()
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        spans.append(_trimmed(text, cursor, match.end()))
        cursor = match.end()
    if cursor < end:
        spans.append(_trimmed(text, cursor, end))
    return [s for s in spans if s.end > s.start]


def _trimmed(text: str, start: int, end: int) -> Span:
    # str.strip() removes exactly the characters for which str.isspace() holds.
    piece = text[start:end]
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    stripped = stripped.rstrip()
    return Span(text=stripped, start=start, end=start + len(stripped))


# How much shorter than the paragraph's longest line a line must be to be a headline rather than a
# line of hard-wrapped prose.
_HEADLINE_WIDTH = 0.7


def _is_headline(line: str, following: str, width: int) -> bool:
    """Is a line with no closing punctuation, inside a paragraph, a headline? A Markdown heading
    is; a line the next one continues in lower case ("... on Tuesday" / "for their first
    talks") is not; otherwise a line in title case, or one clearly shorter than the paragraph's
    longest (hard-wrapped prose fills its lines), is."""
    bare = line.strip()
    if bare.startswith("#"):
        return True
    nxt = following.lstrip()
    if not nxt or nxt[0].islower():
        return False
    words = [w for w in bare.split() if w[0].isalpha()]
    title_case = len(words) >= 2 and sum(w[0].isupper() for w in words) * 2 > len(words) * 1.5
    return title_case or len(bare) < _HEADLINE_WIDTH * width


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs, with headline lines (see :func:`_is_headline`) split off as their own block."""
    blocks: list[tuple[int, int]] = []
    cursor = 0
    for match in [*list(_PARAGRAPH.finditer(text)), None]:
        stop = len(text) if match is None else match.start()
        line_start = cursor
        lines = text[cursor:stop].split("\n")
        width = max(len(line.strip()) for line in lines)
        for k, line in enumerate(lines):
            line_end = line_start + len(line)
            if line.strip() and not _LINE_END_PUNCT.search(line) and line_end < stop and _is_headline(
                    line, lines[k + 1] if k + 1 < len(lines) else "", width):
                # A headline inside a block: close the block before it and after it.
                if cursor < line_start:
                    blocks.append((cursor, line_start))
                blocks.append((line_start, line_end))
                cursor = line_end + 1
            line_start = line_end + 1
        if cursor < stop:
            blocks.append((cursor, stop))
        cursor = stop if match is None else match.end()
    return blocks


def split_sentences(text: str) -> list[Span]:
    """Sentences of a text, in order, with offsets."""
    spans: list[Span] = []
    for start, end in _blocks(text):
        spans.extend(_sentences_in_block(text, start, end))
    return spans


# A coordinating split point followed by what looks like a finite verb (a word ending in -ed,
# or a small list of common irregular past and present forms): "and initiated", "but said",
# "and has been held", "and will be tried".
# The leading look-ahead lets the engine skip, with one test, the positions where neither a
# semicolon nor a conjunction can begin (same matches: it only filters).
_CLAUSE_SPLIT = re.compile(
    r"(?=[\s;,])(?:\s*;\s*|,?\s+(?:and|but|while|whereas)\s+(?=(?:has\s+|have\s+|had\s+|was\s+|were\s+|will\s+|would\s+)?"
    r"(?:been\s+|be\s+)?"
    r"(?:[a-z]+ed|met|held|said|told|made|took|went|came|gave|led|left|sent|began|saw|won|lost|fled|"
    r"fought|struck|agreed|signed|launched|announced|called|visited|urged|warned)\b))"
)


def split_clauses(sentence: Span) -> list[Span]:
    """Clauses of one sentence (offsets into the same text as the sentence)."""
    text = sentence.text
    splits = list(_CLAUSE_SPLIT.finditer(text))
    if not splits:  # most sentences: one clause, the sentence itself
        return [sentence] if text.strip() else []
    clauses: list[Span] = []
    cursor = 0
    for match in splits:
        if match.start() > cursor:
            clauses.append(Span(text=text[cursor:match.start()], start=sentence.start + cursor,
                                end=sentence.start + match.start()))
        cursor = match.end()
    if cursor < len(text):
        clauses.append(Span(text=text[cursor:], start=sentence.start + cursor, end=sentence.end))
    return [c for c in clauses if c.text.strip()]
