"""The geoparser's parts: tokens, recognition, resolution. :func:`gazetteer.find_places` is the entry point."""

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
