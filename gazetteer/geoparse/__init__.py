"""The geoparser's parts: tokens, recognition, resolution.

:func:`gazetteer.find_places` is the entry point; this package holds what it is made of, for
users who want to swap a part::

    from gazetteer import find_places
    from gazetteer.geoparse import ResolveSettings, SpacyRecogniser

    find_places(text)                                    # dependency-free default
    find_places(text, recogniser=SpacyRecogniser.load()) # spaCy NER, if installed
    find_places(text, include_associative=False)         # no "Russian officials"
    find_places(text, settings=ResolveSettings(context_reach=0.2))

- :mod:`.tokens`: capitalised runs, sentence starts, headlines.
- :mod:`.lexicon`: the word tables behind the guards (titles, given names, common words...).
- :mod:`.recognise`: the :class:`Recogniser` protocol, the gazetteer scan, the spaCy adapter.
- :mod:`.divisions`: US counties, which the index may lack.
- :mod:`.resolve`: priors, qualifiers, document coherence, overrides, roles, confidence.
"""

from gazetteer.geoparse.recognise import Cue, GazetteerRecogniser, Recogniser, SpacyRecogniser, Span, spacy_available
from gazetteer.geoparse.resolve import ResolveSettings, resolve_spans

__all__ = [
    "Cue",
    "GazetteerRecogniser",
    "Recogniser",
    "ResolveSettings",
    "SpacyRecogniser",
    "Span",
    "resolve_spans",
    "spacy_available",
]
