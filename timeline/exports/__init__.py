"""Machine-readable outputs: the extraction JSONL (the benchmark scorers' format) and more."""

from timeline.exports.jsonl import event_record, extraction_record, place_record

__all__ = ["event_record", "extraction_record", "place_record"]
