"""Event extraction on real text with the real gazetteer, geoparser and temporal tagger."""

from __future__ import annotations

import datetime as dt

import pytest

from gazetteer.index import default_gazetteer
from timeline.builder import build_timeline
from timeline.model import Document, EventStatus, Interval, PlaceRole, Precision
from timeline.pipeline import extract

PUBLISHED = dt.date(2025, 2, 17)


def events_of(text: str, published: dt.date | None = PUBLISHED):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, published=published)
    return build_timeline(extract(document, gazetteer=default_gazetteer()).events, documents=[document]).events


def site_names(event) -> set[str]:  # type: ignore[no-untyped-def]
    return {ep.place.name for ep in event.places if ep.role is PlaceRole.SITE}


def test_dated_past_event_with_site_and_people() -> None:
    (event,) = events_of("Foreign ministers of both countries met in Geneva on 10 January 2022.")
    assert event.interval == Interval.day(dt.date(2022, 1, 10))
    assert event.precision is Precision.DAY
    assert event.status is EventStatus.HAPPENED
    assert {ep.place.geonameid for ep in event.places if ep.role is PlaceRole.SITE} == {2660646}  # Geneva
    assert event.date_reason == "time expression “10 January 2022”"


def test_future_tense_makes_a_planned_event_anchored_on_publication() -> None:
    (event,) = events_of("Delegations will meet in Istanbul on Friday.")
    assert event.status is EventStatus.PLANNED
    assert event.interval == Interval.day(dt.date(2025, 2, 21))
    undated = events_of("Delegations are scheduled to convene in Istanbul.")
    assert [e.status for e in undated] == [EventStatus.PLANNED]
    assert undated[0].interval == Interval(start=PUBLISHED, end=None)
    assert undated[0].date_reason.startswith("publication date")


def test_background_fact_becomes_an_open_interval() -> None:
    (event,) = events_of("Russia has controlled Crimea since 2014.")
    assert event.interval.start == dt.date(2014, 1, 1)
    assert event.interval.end is None
    assert event.status is EventStatus.ONGOING
    roles = {ep.place.name: ep.role for ep in event.places}
    assert roles["Russia"] is PlaceRole.ACTOR


def test_negated_and_speculative_clauses_are_not_events() -> None:
    assert events_of("The two leaders did not meet in Vienna last week.") == ()
    assert events_of("The talks may lay the groundwork for a summit in Vienna.") == ()


def test_undated_past_clauses_are_counted_not_guessed() -> None:
    document = Document(id="t", text="Officials met in Vienna. Nobody knows when.", published=PUBLISHED)
    result = extract(document, gazetteer=default_gazetteer())
    assert result.events == ()
    assert result.undated == 1


def test_without_publication_date_relative_dates_stay_unanchored() -> None:
    document = Document(id="t", text="Officials met in Vienna last week. They met again in March 2023.", published=None)
    result = extract(document, gazetteer=default_gazetteer())
    relative = [t for t in result.times if t.relative]
    assert relative and all(not t.anchored for t in relative)
    assert [e.interval.start for e in result.events] == [dt.date(2023, 3, 1)]


def test_seed_article_timeline_holds_the_key_events_in_order(seed_article: str) -> None:
    events = events_of(seed_article)
    wanted = [
        ("control", dt.date(2014, 1, 1), {"Ukraine"}),
        ("invasion", dt.date(2022, 2, 1), {"Ukraine"}),
        ("call", dt.date(2025, 2, 10), set()),
        ("summit", None, {"Paris"}),
        ("meeting", None, {"Riyadh"}),
    ]
    positions = []
    for word, start, sites in wanted:
        match = next((i for i, e in enumerate(events) if word in e.title.lower()
                      and (start is None or e.interval.start == start) and sites <= site_names(e)), None)
        assert match is not None, f"no {word} event starting {start} at {sites}: {[e.title for e in events]}"
        positions.append(match)
    assert positions == sorted(positions)
    call = events[positions[2]]
    assert call.interval == Interval(start=dt.date(2025, 2, 10), end=dt.date(2025, 2, 17))
    assert call.precision is Precision.WEEK
    assert {a.name for a in call.actors} >= {"Donald Trump", "Vladimir Putin"}
    talks = events[positions[4]]
    assert talks.status is EventStatus.PLANNED
    actor_countries = {ep.place.country_code for ep in talks.places if ep.role is PlaceRole.ACTOR}
    assert {"US", "RU"} <= actor_countries


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "“”", "Talks.", "In 2014."])
def test_degenerate_texts_give_no_crash(text: str) -> None:
    events_of(text)


def test_titles_name_who_what_where() -> None:
    (talks,) = events_of("American and Russian officials met in Riyadh, the Saudi capital, on Tuesday.")
    assert talks.title == "US-Russia meeting in Riyadh"
    roles = {ep.place.name: ep.role for ep in talks.places}
    assert roles["Saudi Arabia"] is PlaceRole.MENTIONED  # "the Saudi capital" describes the site
    (summit,) = events_of("European leaders gathered in Paris on Monday for an emergency summit.")
    assert summit.title == "European emergency summit in Paris"


def test_a_date_before_its_noun_binds_to_it() -> None:
    events = events_of("Governments imposed sanctions after Russia's 2022 invasion of Ukraine.")
    assert [e.title for e in events] == ["Russia’s invasion of Ukraine"]
    assert events[0].interval == Interval(start=dt.date(2022, 1, 1), end=dt.date(2023, 1, 1))


def test_an_event_n_days_before_the_clauses_date_is_dated_back() -> None:
    text = ("Rescuers reached Antakya on Wednesday, two days after a powerful earthquake struck southern "
            "Turkey.")
    (quake,) = events_of(text, published=dt.date(2023, 2, 9))
    assert quake.interval == Interval.day(dt.date(2023, 2, 6))  # Wednesday the 8th, less two days
    assert quake.date_reason == "“two days after” counted from “Wednesday”"
    assert quake.title.startswith("A powerful earthquake struck")
    assert "Antakya" not in site_names(quake)  # the rescuers' place, not the quake's
    (later,) = events_of("A week before the election in Warsaw, on 8 October, polls closed early.",
                         published=dt.date(2023, 10, 20))
    assert later.interval == Interval.day(dt.date(2023, 10, 15))  # "a week before": the election came after


def test_a_clause_with_an_event_n_days_after_another_gives_both() -> None:
    text = "BERLIN — Coalition talks stalled in Berlin on Monday, a week after the federal election."
    talks, election = sorted(events_of(text, published=dt.date(2025, 3, 4)), key=lambda e: e.interval.start,
                             reverse=True)
    assert talks.interval == Interval.day(dt.date(2025, 3, 3))  # the word after the dateline starts the sentence
    assert "Berlin" in site_names(talks)
    assert election.interval == Interval.day(dt.date(2025, 2, 24))
    assert election.date_reason == "“a week after” counted from “Monday”"
    assert not site_names(election)


def test_an_event_months_before_the_clauses_date_takes_that_month() -> None:
    text = "A judge in Manhattan sentenced him on Tuesday, three months after a jury convicted him."
    events = events_of(text, published=dt.date(2025, 1, 21))
    verdict = next(e for e in events if e.date_reason.startswith("“three months after”"))
    assert verdict.interval == Interval(start=dt.date(2024, 10, 1), end=dt.date(2024, 11, 1))
    assert verdict.precision is Precision.MONTH


def test_a_person_introduced_with_an_age_names_an_arrest() -> None:
    text = "State police said William Goble, 26, of Edmonton, was arrested in Columbia on Thursday."
    (arrest,) = events_of(text)
    assert arrest.title == "Goble arrest in Columbia"
    assert "William Goble" in [a.name for a in arrest.actors]


def test_n_days_later_counts_from_the_last_date_told() -> None:
    text = ("He was admitted to hospital in London on 1 November 2006. By November 11 he was gravely ill. "
            "A week later he was arrested in Oxford. Two months later his trial opened in London.")
    admission, arrest, trial = events_of(text, published=dt.date(2007, 6, 1))
    assert admission.title == "He was admitted to hospital in London"  # dated, told by its verb alone
    assert admission.interval == Interval.day(dt.date(2006, 11, 1))
    assert arrest.interval == Interval.day(dt.date(2006, 11, 18))
    assert arrest.date_reason == "“A week later” counted from “November 11”"
    assert trial.interval == Interval(start=dt.date(2007, 1, 1), end=dt.date(2007, 2, 1))  # a month, not a day
    assert trial.precision is Precision.MONTH


def test_a_clause_referring_back_adds_its_site_and_date_to_the_event() -> None:
    (talks,) = events_of("Delegations will hold talks in Saudi Arabia. The talks will take place in Riyadh on "
                         "Tuesday.")
    assert talks.interval == Interval.day(dt.date(2025, 2, 18))  # was "planned, no date given"
    assert {"Saudi Arabia", "Riyadh"} <= site_names(talks)
    # the first telling had no date: the dated reference is the event
    (quake,) = events_of("A powerful earthquake struck southern Turkey. The quake hit before dawn on Monday near "
                         "Gaziantep.", published=dt.date(2023, 2, 8))
    assert quake.interval == Interval.day(dt.date(2023, 2, 6))
    assert "Gaziantep" in site_names(quake)


def test_a_reference_back_beside_a_new_event_still_adds_its_place() -> None:
    text = ("A powerful earthquake struck southern Turkey on Monday. The quake hit near Gaziantep, and a second "
            "tremor followed that afternoon near Elbistan.")
    quake, tremor = events_of(text, published=dt.date(2023, 2, 8))
    assert "Gaziantep" in site_names(quake)
    assert site_names(tremor) == {"Elbistan"}


def test_aims_and_hopes_are_plans() -> None:
    (deal,) = events_of("The parties aim to sign a coalition agreement in Berlin.")
    assert deal.status is EventStatus.PLANNED
    assert deal.interval == Interval(start=PUBLISHED, end=None)  # planned, no date given


# Each sentence holds one trigger of the wider news lexicon and nothing else an event could hang on.
@pytest.mark.parametrize("text", [
    "A magnitude 6.1 quake shook the region on Monday.",
    "A typhoon hit the coast of Luzon on Sunday.",
    "Two trains collided in a crash near Larissa on 28 February 2023.",
    "Police fired tear gas at a rally in Tbilisi on Saturday.",
    "Thousands rallied in Tbilisi on Saturday.",
    "The minister resigned on Friday.",
    "The court sentenced him on Thursday.",
])
def test_disasters_unrest_and_courts_are_events(text: str) -> None:
    events = events_of(text)
    assert len(events) == 1, [e.title for e in events]
    assert events[0].interval is not None and events[0].interval.days == 1
    assert events[0].date_reason.startswith("time expression")


def test_a_pronoun_subject_takes_the_last_person_named() -> None:
    text = "Ukrainian President Volodymyr Zelensky criticised the plan. He will travel to Ankara on Wednesday."
    (visit,) = events_of(text)
    assert visit.title == "Zelensky visit to Ankara"
    assert [a.name for a in visit.actors] == ["Volodymyr Zelensky"]
    assert visit.status is EventStatus.PLANNED


def _triggers(text: str) -> list[tuple[str, str, bool]]:
    """(kind, words of the text, refers back) of every trigger, clause by clause."""
    from timeline.events import _find_triggers, _Words
    from timeline.sentences import split_clauses, split_sentences

    words = _Words.of(text)
    return [(t.kind, text[t.start:t.end], t.anaphoric) for sentence in split_sentences(text)
            for clause in split_clauses(sentence) for t in _find_triggers(clause, words, text)]


@pytest.mark.parametrize(("text", "expected"), [
    # "phone call" is one trigger; "call for" is no event; "the talks" at a clause head refers back.
    ("Officials held a phone call on Monday, then a call for calm; the talks resumed.",
     [("call", "phone call", False), ("talks", "talks", True)]),
    ("PHONE CALL: Leaders spoke.", [("call", "PHONE CALL", False)]),
    # Apostrophes and hyphens before a word are not part of it; after one letter they are.
    ("'talks began in Oslo. -talks and ’meeting notes followed.",
     [("talks", "talks", False), ("talks", "talks", False), ("meeting", "meeting", False)]),
    ("Peace-talks and talks-related meetings.", [("meeting", "meetings", False)]),
    # A capitalised trigger inside a sentence is part of a name; at the start it is a trigger.
    ("Delegates said the Peace Talks stalled. Talks began in Oslo.", [("talks", "Talks", False)]),
    # A light verb yields to its object noun; nouns after "to" or a modal are verbs.
    ("Russia launched a full-scale invasion of Ukraine and imposed sanctions.",
     [("invasion", "invasion", False), ("sanctions", "sanctions", False)]),
    ("They will visit Oslo to control the port.", [("visit", "visit", False), ("control", "control", False)]),
    # Only ASCII letters make words: the Kelvin sign and the long s are not "k" and "s".
    ("İstanbul talks began and the \u212aiev summit followed; ſummit meetings.",
     [("talks", "talks", False), ("summit", "summit", False), ("meeting", "meetings", False)]),
    # Words inside quotation marks report nothing.
    ("“The summit failed,” he said, after the talks in Oslo. This meeting is the second.",
     [("talks", "talks", False), ("meeting", "meeting", True)]),
    # A quotation over several paragraphs opens each and closes only at the last: the open one
    # runs to the end of its paragraph, and a closing mark alone ends one opened before.
    ("The mayor said:\n“Every time they visit the park they will smile.\n“The talks were worth it,” "
     "she added after the summit.",
     [("summit", "summit", False)]),
])
def test_triggers_are_whole_words_outside_names_and_quotes(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert _triggers(text) == expected


def test_every_trigger_word_is_found_whole_and_only_whole() -> None:
    from timeline.events import _CANDIDATES, _Words

    words = sorted(_CANDIDATES)
    assert _Words.of(" ".join(words)).candidates == words
    assert _Words.of(" ".join(w.upper() for w in words)).candidates == words
    assert _Words.of(" ".join(f"{w}x x{w} {w}-a a’{w}" for w in words)).candidates == []


# --- clauses outside the event lexicon -------------------------------------------------------


def test_a_dated_clause_outside_the_lexicon_is_the_event_its_verb_tells() -> None:
    text = ("VIENNA — Volunteers filled sandbags along the river in Vienna on Wednesday morning. "
            "Storm Boris dumped record rain on central Europe last weekend, the weather service said. "
            "Officials said the river would crest in Budapest on Saturday.")
    sandbags, rain, crest = sorted(events_of(text, published=dt.date(2024, 9, 18)),
                                   key=lambda e: e.sentence_start)
    assert sandbags.title == "Volunteers filled sandbags along the river in Vienna"
    assert sandbags.interval == Interval.day(dt.date(2024, 9, 18))
    assert "Vienna" in site_names(sandbags)
    # the date and the "X said" closing the clause are not part of its title
    assert rain.title == "Storm Boris dumped record rain on central Europe"
    assert rain.precision is Precision.WEEK
    # what officials said is the event, planned: the river's cresting in Budapest
    assert crest.title == "The river would crest in Budapest"
    assert crest.status is EventStatus.PLANNED
    assert crest.interval == Interval.day(dt.date(2024, 9, 21))
    assert "Budapest" in site_names(crest)


def test_undated_clauses_outside_the_lexicon_and_statements_make_no_event() -> None:
    text = ("Volunteers filled sandbags along the river. The mayor said on Monday. "
            "Residents may leave their homes on Tuesday.")
    assert events_of(text, published=dt.date(2024, 9, 18)) == ()


def test_a_place_said_to_be_where_someone_spoke_is_not_the_event_site() -> None:
    (funds,) = events_of("The Commission will send emergency funds next month, Ursula von der Leyen told "
                         "reporters in Wroclaw on Thursday.", published=dt.date(2024, 9, 18))
    assert funds.title == "The Commission will send emergency funds"
    assert funds.status is EventStatus.PLANNED
    assert "Wrocław" not in site_names(funds)


def test_coordinated_places_share_the_site_and_crews_name_no_event() -> None:
    (evacuation,) = events_of("Rescue crews in Austria and the Czech Republic evacuated residents on Tuesday.",
                              published=dt.date(2024, 9, 18))
    assert {"Austria", "Czechia"} <= site_names(evacuation)
    assert evacuation.interval == Interval.day(dt.date(2024, 9, 17))


def test_a_title_drops_its_dates_and_the_punctuation_they_leave() -> None:
    (recall,) = events_of("On Friday, the agency issued a recall on food made with peanut paste.",
                          published=dt.date(2024, 9, 18))
    assert recall.title == "The agency issued a recall on food made with peanut paste"
    (peak,) = events_of("Cases are expected to peak in June and July.", published=dt.date(2024, 3, 1))
    assert peak.title == "Cases are expected to peak"


def test_the_month_may_is_no_modal_and_a_state_since_a_date_is_ongoing() -> None:
    (meeting,) = events_of("The two leaders met in Geneva in May 2020.")
    assert meeting.interval.start == dt.date(2020, 5, 1)
    assert events_of("Officials may meet in Geneva on Monday.") == ()
    (spoken,) = events_of("Washington and Moscow have barely spoken at this level since February 2022.")
    assert spoken.status is EventStatus.ONGOING
    assert spoken.interval == Interval(start=dt.date(2022, 2, 1), end=None)


def test_a_title_leaves_out_datelines_openers_asides_and_quotations() -> None:
    (closed,) = events_of("NEW YORK _ However, the bank, which is among the largest in the state, closed its "
                          "branch in Albany on Tuesday.", published=dt.date(2024, 9, 18))
    assert closed.title == "The bank closed its branch in Albany"
    # a verb inside ``...'' quotation marks tells no event of the clause
    assert events_of("``We will leave,'' the mayor said on Tuesday.", published=dt.date(2024, 9, 18)) == ()
    # a date that modifies a noun stays in the title
    (debate,) = events_of("The shooting was raised in Saturday night's debate.", published=dt.date(2024, 9, 18))
    assert debate.title == "The shooting was raised in Saturday night's debate"


def test_clauses_told_by_the_same_verb_are_not_merged_without_a_shared_site() -> None:
    events = events_of("Shares rose sharply on Monday. Bond prices rose too on Monday.",
                       published=dt.date(2024, 9, 18))
    assert [e.title for e in events] == ["Shares rose sharply", "Bond prices rose too"]


def test_a_verbs_plan_comes_before_it_and_an_offset_event_before_publication_happened() -> None:
    published = dt.date(2025, 10, 29)
    (voting,) = events_of("Early voting opened last Monday at the courthouse in Paris, Texas and will close on "
                          "Friday.", published=published)
    assert voting.status is EventStatus.HAPPENED
    assert voting.title == "Early voting opened at the courthouse in Paris, Texas"
    election, resignation = events_of("Voters will elect a new sheriff on Tuesday, two months after the sheriff "
                                      "resigned.", published=published)[::-1]
    assert election.status is EventStatus.PLANNED
    assert resignation.status is EventStatus.HAPPENED  # dated September, before publication
    assert resignation.interval.start == dt.date(2025, 9, 1)


def test_the_place_a_verb_of_the_lexicon_takes_as_object_is_its_site() -> None:
    (visit,) = events_of("The senator visited Dallas on Monday.", published=dt.date(2025, 10, 29))
    assert "Dallas" in site_names(visit)


def test_a_long_subject_loses_its_asides_before_the_title_loses_its_verb() -> None:
    (flight,) = events_of("Also Friday, Miami-Dade Mayor Alex Penelas and Miami Mayor Joe Carollo, accompanied by "
                          "one of the family's lawyers, flew to Washington.", published=dt.date(2000, 1, 8))
    assert flight.title == "Miami-Dade Mayor Alex Penelas and Miami Mayor Joe Carollo flew to Washington"
    assert flight.interval.start == dt.date(2000, 1, 7)


def test_what_a_company_expects_to_do_is_planned() -> None:
    (report,) = events_of("The company expects to report a loss for the fourth quarter.",
                          published=dt.date(1989, 11, 1))
    assert report.status is EventStatus.PLANNED
    assert report.title == "The company expects to report a loss"


def test_a_period_ended_on_a_date_is_no_event_and_leaves_no_trace_in_the_title() -> None:
    (results,) = events_of("For the quarter ended Sept. 30, Delta posted net income of $133.1 million.",
                           published=dt.date(1989, 11, 1))
    assert results.title == "Delta posted net income of $133.1 million"
    assert results.interval.start.year == 1989


def test_a_person_after_a_role_in_apposition_or_a_local_title_is_an_actor() -> None:
    published = dt.date(2025, 10, 29)
    (visit,) = events_of("Her opponent, Tom Baker, said he would visit Dallas next week.", published=published)
    assert visit.title == "Baker visit to Dallas"
    assert [a.title for a in visit.actors if a.name == "Tom Baker"] == ["opponent"]
    (rally,) = events_of("Candidate Maria Lopez held a rally in Reno, Texas on Saturday.", published=published)
    assert "Maria Lopez" in [a.name for a in rally.actors]
    # a role without a name after it names nobody
    (meeting,) = events_of("Her lawyer, a former judge, met prosecutors in Dallas on Monday.", published=published)
    assert meeting.actors == ()


def test_a_word_stressing_a_dropped_date_goes_with_it() -> None:
    (outflow,) = events_of("Last week alone, an eye-popping $1.6 billion flowed out of the junk funds.",
                           published=dt.date(1989, 10, 30))
    assert outflow.title == "An eye-popping $1.6 billion flowed out of the junk funds"


def test_a_subordinate_clause_before_the_event_gives_neither_its_actor_nor_its_title() -> None:
    (offensive,) = events_of("Finally, when Iraq failed to respond to the ultimatum, the general let the ground "
                             "offensive begin on Saturday night.", published=dt.date(1991, 2, 25))
    assert offensive.title == "The general let the ground offensive begin"
    assert [(ep.place.name, ep.role) for ep in offensive.places] == [("Iraq", PlaceRole.MENTIONED)]
    # the event of the subordinate clause itself keeps its subject
    (invasion,) = events_of("When Russia invaded Ukraine in February 2022, the talks ended.")
    assert invasion.title == "Russia’s invasion of Ukraine"


def test_a_coordinated_clause_shares_the_whole_subject_and_dates_inside_phrases_stay() -> None:
    (released,) = events_of("The FBI has interviewed and released one of two men who were sought last week.",
                            published=dt.date(1998, 11, 16))
    assert released.title == "The FBI released one of two men who were sought"
    (shooting,) = events_of("Slepian was shot to death on the night of Oct. 23 as he stood in his kitchen.",
                            published=dt.date(1998, 11, 16))
    assert shooting.title == "Slepian was shot to death on the night of Oct. 23 as he stood"


def test_the_possessor_of_an_event_noun_alone_is_its_who() -> None:
    (invasion,) = events_of("Iran, which had condemned Iraq's invasion of Kuwait on Aug. 2, sent an envoy.",
                            published=dt.date(1990, 8, 16))
    assert invasion.title == "Iraq’s invasion of Kuwait"
