"""Name normalisation: one canonical key per way of writing a place name.

Algorithm, applied in this order so that every step sees the output of the previous one:

1. Unicode NFKD, then drop combining marks ("Élysée" -> "Elysee") and fold the few letters that
   do not decompose (ø, æ, œ, ł, đ, ı, þ...); casefold ("ß" -> "ss").
2. Apostrophes and quote marks of every style are deleted, so "L'viv", "L’viv" and "Lviv" meet, and
   full stops are deleted, so "U.S." and "US" meet.
3. Hyphens and dashes of every style, and all other punctuation, become spaces
   ("Ivano-Frankivsk" == "Ivano Frankivsk", "Washington, D.C." == "Washington DC").
4. Whitespace is collapsed; a leading article "the" is dropped ("the Netherlands" == "Netherlands").
5. Abbreviated words are spelled out: "st" -> "saint", "ste" -> "sainte", "mt" -> "mount",
   "ft" -> "fort", so "St. Petersburg", "St Petersburg" and "Saint Petersburg" meet.

The result is a string of lower-case words separated by single spaces (possibly empty). It is a
lookup key, never shown to users. The function is pure and cached: a text scanner calls it on the
same short strings again and again.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalise_name", "tokens"]

# Letters that NFKD leaves alone but that English news writes without the diacritic.
_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "ı": "i",
        "þ": "th",
        "Þ": "th",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
    }
)

# Deleted outright: apostrophes, quotes and ASCII full stops (abbreviations: "U.S.", "St.").
_DELETE = re.compile(
    r"[\u0027\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bb\u02bc\u02b9\u02be\u02bf\".\u201c\u201d\u201e]"
)
# Everything that is neither a letter, a digit nor whitespace separates words.
_SEPARATOR = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACES = re.compile(r"\s+")

# Abbreviations that news text uses interchangeably with the full word.
_EXPAND = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


@lru_cache(maxsize=65536)
def normalise_name(s: str) -> str:
    """Return the lookup key of a place name (see the module docstring for the rules)."""
    if s.isascii():
        # Fast path: most news text is ASCII; skip the Unicode decomposition.
        folded = s.lower()
    else:
        # Casefold first and fold letters again after decomposing: compatibility forms can
        # decompose into letters that themselves need folding ("ꟸ" -> "ħ" -> "h").
        decomposed = unicodedata.normalize("NFKD", s.casefold().translate(_FOLD))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)
        folded = unicodedata.normalize("NFKC", stripped).casefold()
    folded = _DELETE.sub("", folded)
    folded = _SEPARATOR.sub(" ", folded)
    words = _SPACES.split(folded.strip())
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    if not words or words == [""]:
        return ""
    return " ".join(_EXPAND.get(w, w) for w in words)


def tokens(key: str) -> list[str]:
    """Split a normalised key into its words (empty key -> no words)."""
    return key.split(" ") if key else []
