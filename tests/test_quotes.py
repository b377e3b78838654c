"""Quote extraction: one regression test per pattern, on short made-up wire sentences.

Mark-scanning tests need no model; attribution tests (marked ``model``) need the parser.
"""

from __future__ import annotations

import pytest

from dateline.quotes.marks import find_quoted_spans


def quoted(text: str) -> list[str]:
    paragraphs = []
    start = 0
    for block in text.split("\n\n"):
        paragraphs.append((start, start + len(block)))
        start += len(block) + 2
    return [text[q.start : q.end] for q in find_quoted_spans(text, paragraphs)]


# --- quotation marks (model-free) ---------------------------------------------------------


def test_curly_straight_and_guillemets():
    assert quoted('She said “yes” and "no" and «maybe».') == ["yes", "no", "maybe"]


def test_run_on_quote_spans_paragraphs():
    text = "The mayor said: “We will rebuild. It will take time.\n\n“Nobody will be left behind.”"
    assert quoted(text) == ["We will rebuild. It will take time.\n\n“Nobody will be left behind."]


def test_unclosed_quote_closes_at_paragraph_end():
    text = "He said: “We are ready.\n\nThe talks resume on Monday."
    assert quoted(text) == ["We are ready."]


def test_apostrophes_are_not_quotes():
    assert quoted("It’s the minister’s view, and the Joneses’ too, that the ’90s are over.") == []


def test_single_quotes_in_headlines():
    assert quoted("Sanders: Clinton needs to 'get away from all this' now") == ["get away from all this"]


def test_typewriter_double_quotes():
    text = "''We are not done,'' he said. ''Not yet.''"
    assert quoted(text) == ["We are not done,", "Not yet."]


def test_wrong_way_opening_mark():
    assert quoted("”Mr. Smith is right,” she said.") == ["Mr. Smith is right,"]


def test_many_marks_do_not_explode():
    text = "“" * 100_000
    assert isinstance(quoted(text), list)


# --- attribution (parser) ----------------------------------------------------------------


def analyse(text: str) -> list[dict]:
    import dateline

    return dateline.analyze(text, doc_id="t").quotes


def find(quotes: list[dict], text: str, fragment: str) -> dict:
    for q in quotes:
        if fragment in text[q["start"] : q["end"]]:
            return q
    raise AssertionError(f"no quote containing {fragment!r} in {[text[q['start'] : q['end']] for q in quotes]}")


def span_text(text: str, span: dict | None) -> str | None:
    return None if span is None else text[span["start"] : span["end"]]


STORY = (
    "Berlin talks stall\n\n"
    "BERLIN (dpa) - German Chancellor Olaf Scholz met French President Emmanuel Macron on Monday.\n\n"
)


@pytest.mark.model
def test_colon_lead_in():
    text = STORY + "Scholz told reporters: “We are making progress on the budget.”"
    quotes = analyse(text)
    q = find(quotes, text, "We are making progress")
    assert q["kind"] == "direct"
    assert span_text(text, q["cue"]) == "told"
    assert span_text(text, q["speaker"]) == "Scholz"
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_post_posed_speaker_and_title_mention():
    text = STORY + "“We will not accept delays,” the French president said."
    q = find(analyse(text), text, "We will not accept delays")
    assert q["kind"] == "direct"
    assert q["speaker_name"] == "Emmanuel Macron"


@pytest.mark.model
def test_follow_on_paragraph_takes_previous_speaker():
    text = STORY + "“The budget is tight,” Macron said.\n\n“But we will find a way.”"
    q = find(analyse(text), text, "But we will find a way")
    assert q["speaker"] is None
    assert q["speaker_name"] == "Emmanuel Macron"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "speaker", "cue"),
    [
        # any verb that governs the quote's words reports them there
        ("“We will not move an inch,” Scholz fumed on Tuesday.", "Scholz", "fumed"),
        # the subject of "explained … by saying"
        ("Scholz explained the delay by saying: “The budget is not ready.”", "Scholz", "saying"),
        # the parser makes "joked" a conjunct of the noun; its subject is still Scholz
        ("Scholz adopted a heavy Bavarian accent and joked, “Nobody here will understand me.”", "Scholz", "joked"),
        # the parser gives "said" two subjects, "mode" inside the quote and Scholz after it
        ("“The coalition is in crisis. Full crisis mode,” said Scholz.", "Scholz", "said"),
    ],
)
def test_direct_quote_frames_the_parser_makes_hard(sentence, speaker, cue):
    text = STORY + sentence
    q = next(q for q in analyse(text) if q["kind"] == "direct")
    assert span_text(text, q["speaker"]) == speaker
    assert span_text(text, q["cue"]) == cue
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_reporting_verb_the_parser_left_without_a_subject_takes_the_name_before_it():
    text = (
        "In a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in "
        "Baghdad, said, ''I mean, a raid is a combat operation. There is no way around that.''"
    )
    q = next(q for q in analyse(text) if q["kind"] == "direct")
    assert q["speaker_name"] == "Steven H. Warren"
    assert span_text(text, q["cue"]) == "said"


@pytest.mark.model
def test_a_clause_leading_into_a_quote_with_a_colon_is_its_frame_without_a_reporting_verb():
    # not the speaker of the reporting verbs in the sentence before
    text = (
        "Tax bill\n\nOpposition leader Raila Odinga said the bill would hurt ordinary Kenyans and urged the"
        " president to withdraw it. Odinga's ally, Kalonzo Musyoka, went further: “This bill is dead on arrival.”"
    )
    q = find(analyse(text), text, "This bill is dead")
    assert q["speaker_name"] == "Kalonzo Musyoka"
    assert span_text(text, q["cue"]) == "went"
    # a reporting verb after the quote still frames it
    text = (
        "Ads\n\nCruz defends his record in a commercial running on Iowa TV: “Securing our borders is a matter"
        " of national security,” the senator says. “That is why I fought so hard.”"
    )
    q = find(analyse(text), text, "Securing our borders")
    assert span_text(text, q["cue"]) == "says"


@pytest.mark.model
def test_name_and_colon_before_a_quote_is_its_speaker():
    text = STORY + "Scholz: “The budget will pass this week.”\n\nThe rule is simple: “Nobody leaves early.”"
    quotes = analyse(text)
    q = find(quotes, text, "The budget will pass")
    assert span_text(text, q["speaker"]) == "Scholz"
    assert q["speaker_name"] == "Olaf Scholz"
    assert find(quotes, text, "Nobody leaves early")["speaker"] is None  # "The rule" names no one


@pytest.mark.model
def test_pronoun_speaker_is_main_clause_subject():
    text = STORY + "Scholz said Macron was right about the deficit.\n\nHe added: “We need a deal this week.”"
    q = find(analyse(text), text, "We need a deal")
    assert span_text(text, q["speaker"]) == "He"
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_pronoun_speaker_skips_people_the_story_shows_are_of_the_other_gender():
    # no honorific: the story's own pronouns ("Lopez said she …", "Smith said he …") tell
    text = (
        "Tax vote\n\nMayor Maria Lopez said she would cut taxes.\n\nJohn Smith, a councillor, said he disagreed."
        "\n\n“We will win the vote,” she said."
    )
    q = find(analyse(text), text, "We will win")
    assert span_text(text, q["speaker"]) == "she"
    assert q["speaker_name"] == "Maria Lopez"
    # an honorific with the surname alone genders its person too
    text = "Tax vote\n\nMaria Lopez met John Smith.\n\nMrs. Lopez left early.\n\n“We will win,” he said."
    assert find(analyse(text), text, "We will win")["speaker_name"] == "John Smith"


@pytest.mark.model
def test_partial_quote_inside_reported_speech():
    text = STORY + "Scholz said the proposal was “a step backwards” for Europe."
    quotes = analyse(text)
    partial = find([q for q in quotes if q["kind"] == "partial"], text, "a step backwards")
    assert partial["speaker_name"] == "Olaf Scholz"
    indirect = [q for q in quotes if q["kind"] == "indirect"]
    assert any("the proposal was" in text[q["start"] : q["end"]] for q in indirect)


def test_partials_inside_fold_into_the_reported_speech_that_holds_them():
    from dateline.quotes.component import fold_partials

    text = "Scholz said the plan was “a step backwards.” Macron called it a “betrayal”."
    said = {"start": 12, "end": 42, "kind": "indirect"}  # the plan was “a step backwards
    step = {"start": 26, "end": 43, "kind": "partial"}  # a step backwards. (its period runs past)
    betrayal = {"start": 65, "end": 73, "kind": "partial"}  # held by no other quote: stays
    found = [(None, said), (None, step), (None, betrayal)]
    kept = fold_partials(text, found)  # type: ignore[arg-type]
    assert [record for _, record in kept] == [said, betrayal]
    assert said["partials"] == [{"start": 26, "end": 43}]
    assert "partials" not in betrayal


def test_partials_inside_folds_a_quoted_sentence_its_reported_speech_holds():
    from dateline.quotes.component import fold_partials

    text = 'He told CNN that "I am not happy with it." "We will see," he said.'
    told = {"start": 12, "end": 41, "kind": "indirect", "cue": {"start": 3, "end": 7}}
    sentence = {"start": 18, "end": 41, "kind": "direct", "cue": {"start": 3, "end": 7}}
    other = {"start": 44, "end": 56, "kind": "direct", "cue": {"start": 61, "end": 65}}
    kept = fold_partials(text, [(None, told), (None, sentence), (None, other)])  # type: ignore[list-item]
    assert [record for _, record in kept] == [told, other]
    assert told["partials"] == [{"start": 18, "end": 41}]
    # a direct quote the reported speech of another cue holds stays a record
    other_cue = dict(sentence, cue={"start": 61, "end": 65})
    kept = fold_partials(text, [(None, dict(told)), (None, other_cue)])  # type: ignore[list-item]
    assert len(kept) == 2


@pytest.mark.model
def test_partials_inside_is_a_pipeline_setting_and_a_bad_one_a_clear_error():
    from dateline.errors import DatelineError
    from dateline.pipeline import PipelineConfig, load_nlp

    text = STORY + "Scholz said the proposal was “a step backwards” for Europe."
    doc = load_nlp(PipelineConfig(partials="inside"))(text)
    quotes = doc._.dateline_quotes
    assert [q["kind"] for q in quotes] == ["indirect"]
    (partial,) = quotes[0]["partials"]
    assert text[partial["start"] : partial["end"]] == "a step backwards"
    with pytest.raises(DatelineError, match="E038"):
        load_nlp(PipelineConfig(partials="nested"))


@pytest.mark.model
def test_called_someone_a_partial():
    text = STORY + "Macron has called the plan a “betrayal” of voters."
    q = find(analyse(text), text, "betrayal")
    assert q["kind"] == "partial"
    assert span_text(text, q["cue"]) == "has called"
    assert q["speaker_name"] == "Emmanuel Macron"


@pytest.mark.model
def test_indirect_speech_with_that():
    text = STORY + "Scholz insisted that the deficit rules must stay."
    q = find(analyse(text), text, "deficit rules must stay")
    assert q["kind"] == "indirect"
    assert span_text(text, q["cue"]) == "insisted"
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        ("Scholz also insisted that the deficit rules must stay.", "the deficit rules must stay", "also insisted"),
        ("Scholz has often said that the deficit rules must stay.", "the deficit rules must stay", "has often said"),
        ("“The rules must stay,” Scholz later told reporters.", "The rules must stay", "later told"),
        # "when" is no part of the cue
        ("When Scholz said the rules must stay, nobody laughed.", "the rules must stay", "said"),
        # the verb a reporting verb completes leads the cue
        ("Scholz went on to say that the deficit rules must stay.", "the deficit rules must stay", "went on to say"),
        ("Scholz has continued to insist that the rules must stay.", "the rules must stay", "has continued to insist"),
        ("Scholz is likely to argue that the rules must stay.", "the rules must stay", "is likely to argue"),
        # a cue's preposition, and a particle, adverb or reflexive before it
        ("Scholz referred to the deficit rules of the treaty.", "the deficit rules of the treaty", "referred to"),
        ("Scholz distanced himself from the deficit rules.", "the deficit rules", "distanced himself from"),
    ],
)
def test_the_cue_holds_the_words_polnear_marks_with_the_verb(sentence, content, cue):
    text = STORY + sentence
    q = find(analyse(text), text, content)
    assert span_text(text, q["cue"]) == cue
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_raising_verb_reports_its_whole_clause_with_no_speaker():
    text = STORY + "The coalition seemed to accept the compromise on Tuesday."
    q = next(q for q in analyse(text) if q.get("rule") == "raising")
    assert text[q["start"] : q["end"]] == "The coalition seemed to accept the compromise on Tuesday"
    assert span_text(text, q["cue"]) == "seemed"
    assert q["speaker"] is None


@pytest.mark.model
def test_a_frame_with_a_speaker_wins_over_one_without():
    text = STORY + "The budget is expected to pass on Friday, Scholz said."
    q = find(analyse(text), text, "expected to pass")
    assert span_text(text, q["cue"]) == "said"
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_according_to():
    text = STORY + "The summit will be delayed until March, according to Macron."
    q = find(analyse(text), text, "summit will be delayed")
    assert span_text(text, q["cue"]) == "according to"
    assert q["speaker_name"] == "Emmanuel Macron"


@pytest.mark.model
def test_interrupted_quote_is_one_quote():
    text = STORY + "“We are close,” Scholz said. “But not there yet.”"
    direct = [q for q in analyse(text) if q["kind"] == "direct"]
    assert len(direct) == 1
    assert text[direct[0]["start"] : direct[0]["end"]].startswith("We are close")
    assert text[direct[0]["start"] : direct[0]["end"]].endswith("not there yet.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "end"),
    [
        ("“If he thinks that makes him smart,” the chancellor said, “what does he think of you?”", "of you?"),
        (
            "''We will not give up on this deal,'' Scholz said, ''the only one that can end the dispute soon.''",
            "dispute soon.",
        ),
    ],
    ids=["curly", "typewriter"],
)
def test_sentence_its_frame_interrupts_is_one_direct_quote_and_nothing_else(body, end):
    text = STORY + body
    quotes = analyse(text)
    assert [(q["kind"], q["speaker_name"]) for q in quotes] == [("direct", "Olaf Scholz")]
    assert text[quotes[0]["start"] : quotes[0]["end"]].endswith(end)


@pytest.mark.model
def test_a_quote_after_the_next_sentence_is_not_the_same_quote():
    text = STORY + (
        "“We will not give up,” Mr. Scholz said. And perhaps, he added, the talks could help farmers who, "
        "“in good years and bad, have carried the costs.”"
    )
    direct = [q for q in analyse(text) if q["kind"] == "direct"]
    assert [text[q["start"] : q["end"]] for q in direct] == ["We will not give up,"]


@pytest.mark.model
def test_scare_quotes_are_not_attributed_quotes():
    text = STORY + "The so-called “debt brake” limits borrowing."
    assert not any("debt brake" in text[q["start"] : q["end"]] for q in analyse(text))


@pytest.mark.model
def test_quoted_titles_are_not_direct_quotes():
    # The sentence's own full stop sits inside the marks, but the words name a show.
    text = STORY + "The minister will appear on “Face the Nation.”\n\n“We are ready,” she said."
    quotes = analyse(text)
    assert not any("Face the Nation" in text[q["start"] : q["end"]] for q in quotes)
    assert find(quotes, text, "We are ready")["kind"] == "direct"


@pytest.mark.model
def test_a_quoted_title_under_a_reporting_verb_is_no_partial_quote():
    text = STORY + "Scholz said on ZDF's “Berlin Direkt” that the budget was ready."
    quotes = analyse(text)
    assert not any(q["kind"] == "partial" for q in quotes)
    assert find(quotes, text, "budget was ready")["kind"] == "indirect"
    # In a headline every word is capitalised: a quote there is still a quote.
    headline = "Scholz Calls Budget Plan “A Total Disgrace” After Talks\n\nBERLIN (dpa) - Talks failed on Monday."
    assert [text_ for q in analyse(headline) if (text_ := headline[q["start"] : q["end"]]) == "A Total Disgrace"]


@pytest.mark.model
def test_unknown_surname_stays_as_written():
    text = STORY + "Lindner said the talks had failed."
    q = find(analyse(text), text, "talks had failed")
    assert q["speaker_name"] == "Lindner"


@pytest.mark.model
def test_thousands_of_quotes_in_one_paragraph():
    text = STORY + " ".join(f"“Point {i},” he said." for i in range(3000))
    quotes = analyse(text)
    assert len([q for q in quotes if q["kind"] == "direct"]) >= 1000


@pytest.mark.model
def test_quotes_survive_to_bytes(nlp):
    from spacy.tokens import Doc

    from dateline.pipeline import make_doc
    from dateline.readers.wire import read_wire

    text = STORY + "Scholz told reporters: “We are making progress.”"
    doc = nlp(make_doc(nlp, read_wire(text, doc_id="t")))
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.dateline_quotes == doc._.dateline_quotes
    assert len(copy.spans["dateline_quotes"]) == len(doc._.dateline_quotes) > 0


@pytest.mark.model
def test_dash_credit():
    text = STORY + "“We will build a wall around the budget.” ― Christian Lindner"
    q = find(analyse(text), text, "We will build a wall")
    assert q["kind"] == "direct"
    assert span_text(text, q["cue"]) == "―"
    assert span_text(text, q["speaker"]) == "Christian Lindner"


@pytest.mark.model
def test_dash_credit_ending_the_sentence_keeps_its_full_stop_out_of_the_name():
    text = STORY + "“Sanctions are not a goal in themselves.” – Chancellor Olaf Scholz."
    q = find(analyse(text), text, "Sanctions are not")
    assert span_text(text, q["speaker"]) == "Chancellor Olaf Scholz"
    text = STORY + "“We shall overcome.” – Martin Luther King Jr."
    q = find(analyse(text), text, "We shall overcome")
    assert span_text(text, q["speaker"]) == "Martin Luther King Jr."


@pytest.mark.model
def test_dash_credit_with_an_apposition():
    text = STORY + "“Nobody saw this coming.” – Jonas Richter, an analyst at the Institute for Fiscal Studies."
    q = find(analyse(text), text, "Nobody saw")
    assert span_text(text, q["cue"]) == "–"
    assert span_text(text, q["speaker"]) == "Jonas Richter, an analyst at the Institute for Fiscal Studies"
    assert q["speaker_name"] == "Jonas Richter"


@pytest.mark.model
def test_dash_credits_one_per_line():
    # Readers' comments listed one per line, each with its credit, no blank line between.
    text = STORY + (
        "“The budget is a disgrace.” ― Anna Weber\n"
        "“Nobody believes the coalition any more.”― Jonas Richter.\n"
        "“We deserve better than this.” ― Lena Hoffmann"
    )
    quotes = analyse(text)
    credits = (("disgrace", "Anna Weber"), ("Nobody believes", "Jonas Richter"), ("deserve", "Lena Hoffmann"))
    for fragment, name in credits:
        q = find(quotes, text, fragment)
        assert q["kind"] == "direct"
        assert span_text(text, q["cue"]) == "―"
        assert q["speaker_name"] == name
        assert q["end"] - q["start"] < 45  # one quote per line, none merged with the next


@pytest.mark.model
def test_a_clause_across_a_semicolon_is_not_reported_by_the_verb_after_it():
    text = STORY + "Officials said the timing of the report was not intentional; they learned on Friday of the deal."
    quotes = analyse(text)
    assert [span_text(text, q["speaker"]) for q in quotes if q["kind"] == "indirect"] == ["Officials"]
    q = find(quotes, text, "the timing")
    assert text[q["start"] :].startswith("the timing of the report")


@pytest.mark.model
def test_reported_speech_inside_reported_speech_is_one_record():
    text = STORY + "Officials said they were convinced the ministry had mishandled the budget."
    quotes = [q for q in analyse(text) if q["kind"] == "indirect"]
    assert [span_text(text, q["speaker"]) for q in quotes] == ["Officials"]
    assert text[quotes[0]["start"] : quotes[0]["end"]] == "they were convinced the ministry had mishandled the budget"


@pytest.mark.model
def test_a_possessor_is_not_the_speaker():
    text = STORY + "“That was outrageous,” Scholz's former campaign strategist said."
    q = find(analyse(text), text, "outrageous")
    assert span_text(text, q["speaker"]) == "Scholz's former campaign strategist"
    assert q["speaker_name"] is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Its president, Klaus Mueller, said storage was almost full.", "Its president, Klaus Mueller"),
        # the parser makes "co", "-" and "leader" three subjects of "said"
        ("Their co-leader, Franziska Brantner, said the summer was wasted.", "Their co-leader, Franziska Brantner"),
    ],
)
def test_a_title_speaker_is_named_by_its_apposition(sentence, speaker):
    text = STORY + sentence
    quotes = analyse(text)
    assert [span_text(text, q["speaker"]) for q in quotes] == [speaker]
    assert quotes[0]["speaker_name"] == speaker.split(", ")[1]


@pytest.mark.model
def test_a_subject_the_parser_split_in_two_is_one_speaker():
    # "opposition" and "Greens" are both subjects of "accused" in the parse
    text = STORY + "The opposition Greens accused the government of failing to plan ahead."
    quotes = analyse(text)
    assert [span_text(text, q["speaker"]) for q in quotes] == ["The opposition Greens"]


@pytest.mark.model
def test_the_day_after_the_reporting_verb_is_not_reported():
    # the parser hangs "on Friday" on "repelled"; the day is when the army spoke
    text = STORY + "The army said on Friday it had repelled a major attack on the city."
    quotes = analyse(text)
    assert [text[q["start"] : q["end"]] for q in quotes] == ["it had repelled a major attack on the city"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content", "cue", "speaker"),
    [
        # the parser hangs the "that" clause on "statement"
        (
            "The finance ministry said in a statement that the budget would be cut.",
            "that the budget would be cut",
            "said",
            "The finance ministry",
        ),
        # the parser makes "According" the sentence's root
        (
            "According to a poll published by broadcaster ZDF, 61 percent of Germans back stricter controls.",
            "61 percent of Germans back stricter controls",
            "According to",
            "a poll published by broadcaster ZDF",
        ),
    ],
)
def test_reported_speech_the_parser_misattaches(sentence, content, cue, speaker):
    text = STORY + sentence
    q = find(analyse(text), text, content.split()[-1])
    assert text[q["start"] : q["end"]] == content
    assert span_text(text, q["cue"]) == cue
    assert span_text(text, q["speaker"]) == speaker


@pytest.mark.model
def test_a_post_on_x_ends_its_sentence():
    # "X." is no initial: the quote is Merz's, and the next sentence is the party's
    text = STORY + (
        '"We cannot go on like this," Merz wrote on X. In a statement, his party said the proposals would be put'
        " to a vote on Friday."
    )
    quotes = analyse(text)
    direct = find(quotes, text, "go on like this")
    assert (span_text(text, direct["cue"]), span_text(text, direct["speaker"])) == ("wrote", "Merz")
    assert [text[q["start"] : q["end"]] for q in quotes if "proposals" in text[q["start"] : q["end"]]] == [
        "the proposals would be put to a vote on Friday"
    ]


@pytest.mark.model
def test_a_report_quoting_someone_as_saying_is_two_attributions():
    # PolNeAR marks the report ("Interfax quoted … as saying …"); who said it is Peskov
    text = STORY + "Interfax quoted Kremlin spokesman Dmitry Peskov as saying Moscow would respond."
    found = [(text[q["start"] : q["end"]], span_text(text, q["speaker"]), q["speaker_name"]) for q in analyse(text)]
    assert found == [
        ("Kremlin spokesman Dmitry Peskov as saying Moscow would respond", "Interfax", "Interfax"),
        ("Moscow would respond", "Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
    ]


@pytest.mark.model
def test_one_verb_frames_its_speech_once():
    # an intention with a prepositional object: "to comment on …", not "… decision" again
    text = STORY + "Scholz declined to comment on the French decision."
    quotes = analyse(text)
    assert [text[q["start"] : q["end"]] for q in quotes] == ["to comment on the French decision"]


@pytest.mark.model
def test_a_headline_second_verb_is_not_a_frame():
    # the parser hangs "holds" over "signals" as its clause; nobody named "signals" anything
    text = "Fed holds rates steady, signals two cuts this year\n\nWASHINGTON (Reuters) - The Fed met on Wednesday."
    assert analyse(text) == []


@pytest.mark.model
def test_a_question_put_to_the_speaker_is_not_her_speech():
    text = STORY + "Asked whether the budget would pass this week, she declined to give a date."
    assert not any("whether" in text[q["start"] : q["end"]] for q in analyse(text))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "name"),
    [
        # a headline's title is the person the story gives it, named only later ("Norway" agrees
        # with "Norwegian")
        (
            "Norway's foreign minister says talks have stalled\n\nOSLO (Reuters) - Norwegian Foreign Minister"
            " Anniken Huitfeldt said on Monday the talks had stalled.",
            "talks have stalled",
            "Norway's foreign minister",
            "Anniken Huitfeldt",
        ),
        # a capitalised title alone names no one
        (
            "Minister defends reforms\n\nLONDON (PA) - The government defended its plans on Tuesday.",
            "reforms",
            "Minister",
            None,
        ),
        # "she" is the spokeswoman, not the last named person of unknown gender
        (
            "Strike\n\nDr Tom Dolphin, the union's chair, said the doctors had no choice.\n\n"
            "A Department of Health spokeswoman said talks remained open. “The door is always open,” she said.",
            "The door is always open",
            "she",
            None,
        ),
        # an institution a pronoun owns is its person's
        (
            "Floods\n\nVALENCIA (AFP) - Regional leader Carlos Mazon has faced criticism. In a statement, his"
            " office said the warnings had been issued in accordance with protocol.",
            "the warnings had been issued",
            "his office",
            "Carlos Mazon's office",
        ),
        # a campaign is its candidate's, named in full
        (
            "Race\n\nCOLUMBUS (AP) - Donald Trump held a rally in Ohio. Trump's campaign said more rallies"
            " would follow.",
            "more rallies",
            "Trump's campaign",
            "Donald Trump's campaign",
        ),
        # a British secretary of state is "the minister"
        (
            "Schools\n\nLONDON (PA) - Education Secretary Bridget Phillipson visited a school in Leeds on Monday."
            " The minister insisted that funding would rise.",
            "funding would rise",
            "The minister",
            "Bridget Phillipson",
        ),
        # "Sen." before the name makes a senator
        (
            "Wages\n\nDES MOINES (AP) - Sen. Bernie Sanders spoke in Iowa on Sunday. The senator said the minimum"
            " wage must rise.",
            "minimum wage",
            "The senator",
            "Bernie Sanders",
        ),
        # a headline's title that two people hold is the one the story names first; a Senate
        # leader is a senator
        (
            "Senator says vote is near\n\nWASHINGTON (AP) - Senate Majority Leader John Thune said on Monday a"
            " vote was near. Sen. Susan Collins said she was undecided.",
            "vote is near",
            "Senator",
            "John Thune",
        ),
        # a headline's inverted frame: the parser takes the speaker for the verb's object
        (
            "“The city will recover,” vows mayor\n\nNEW ORLEANS (AP) - Mayor LaToya Cantrell promised on Monday"
            " to rebuild the flooded districts.",
            "The city will recover",
            "mayor",
            "LaToya Cantrell",
        ),
        # a headline's frame after its words, which the parser did not make the verb's clause
        (
            "NHS waiting lists to fall by spring, minister says\n\nLONDON (PA) - Health Secretary Wes"
            " Streeting said on Tuesday that waiting lists would fall.",
            "waiting lists to fall",
            "minister",
            "Wes Streeting",
        ),
    ],
)
def test_speaker_names_of_titles_pronouns_and_institutions(text, fragment, speaker, name):
    q = find(analyse(text), text, fragment)
    assert span_text(text, q["speaker"]) == speaker
    assert q["speaker_name"] == name


@pytest.mark.model
def test_mixed_quote_is_indirect_with_partial_inside():
    text = STORY + "Scholz said he would “introduce a new budget law next month.”"
    quotes = analyse(text)
    indirect = find([q for q in quotes if q["kind"] == "indirect"], text, "he would")
    assert text[indirect["start"] : indirect["end"]].startswith("he would “introduce")
    assert indirect["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_transitive_cue_takes_its_object():
    text = STORY + "Macron denounced the German proposal on Tuesday."
    q = find(analyse(text), text, "the German proposal")
    assert q["kind"] == "indirect"
    assert span_text(text, q["cue"]) == "denounced"
    assert q["speaker_name"] == "Emmanuel Macron"
    assert text[q["start"] : q["end"]] == "the German proposal"  # not "on Tuesday"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content", "cue"),
    [
        ("Macron accused Scholz of blocking the budget.", "Scholz of blocking the budget", "accused"),
        # a time between the object and the charge is passed over
        (
            "Macron accused Scholz on Thursday of blocking the budget.",
            "Scholz on Thursday of blocking the budget",
            "accused",
        ),
        ("Macron likened the plan to a car crash.", "the plan to a car crash", "likened"),
        ("Macron dismissed the report as fiction.", "the report as fiction", "dismissed"),
        # no object: the preposition's object is the content, and the preposition joins the cue
        ("Macron called for a new European budget on Tuesday.", "a new European budget", "called for"),
        # an appeal: what, or whom and to do what, is called for
        ("Macron called for cutting the deficit to 2 percent.", "cutting the deficit to 2 percent", "called for"),
        ("Macron called for states to raise their budgets.", "states to raise their budgets", "called for"),
        ("Macron called on Scholz to drop the plan.", "Scholz to drop the plan", "called on"),
        # a request with an object and an infinitive: both are the content
        ("Macron urged both leaders to stick to the deal.", "both leaders to stick to the deal", "urged"),
        ("Macron asked Scholz to withdraw the plan.", "Scholz to withdraw the plan", "asked"),
    ],
)
def test_transitive_cue_content_holds_what_the_object_is_charged_with(sentence, content, cue):
    text = STORY + sentence
    q = find(analyse(text), text, content.split()[-1])
    assert text[q["start"] : q["end"]] == content
    assert span_text(text, q["cue"]) == cue
    assert q["speaker_name"] == "Emmanuel Macron"


@pytest.mark.model
def test_reporting_verb_coordinated_in_the_clause_is_not_content():
    text = STORY + "Scholz said he was opposed to the plan and warned Paris against any delay."
    q = find(analyse(text), text, "opposed to the plan")
    assert text[q["start"] : q["end"]] == "he was opposed to the plan"


@pytest.mark.model
def test_relative_pronoun_speaker_is_named_by_its_antecedent():
    text = STORY + "Scholz, who said the budget was tight, met union leaders on Tuesday."
    q = find(analyse(text), text, "the budget was tight")
    assert span_text(text, q["speaker"]) == "who"
    assert q["speaker_name"] == "Olaf Scholz"


@pytest.mark.model
def test_where_the_tagger_finds_nothing_only_some_rule_frames_stay(nlp):
    from dateline.quotes.attribution import QuoteFinder
    from dateline.quotes.component import with_tagged

    text = STORY + "Scholz vowed to block the plan. Macron said the deficit rules must stay."
    doc = nlp(text)
    finder = QuoteFinder(doc)
    found = [(span, record) for span, record in finder.run() if span]
    assert {r["rule"] for _, r in found if r["kind"] == "indirect"} >= {"ccomp", "xcomp"}
    kept = with_tagged(doc, finder, found, lambda text: [])  # a tagger that finds nothing
    rules = {r["rule"] for _, r in kept if r["kind"] == "indirect"}
    assert "ccomp" in rules  # a "said" clause stays
    assert not rules & {"xcomp", "ccomp-before"}


@pytest.mark.model
def test_content_spans_never_start_or_end_in_white_space():
    text = (
        "Ruto rejects union terms\n\nNAIROBI, March 18 (AP) — Kenyan President William Ruto on Tuesday "
        "rejected the latest offer from the teachers union."
    )
    quotes = analyse(text)
    assert any(text[q["start"] : q["end"]].startswith("union terms") for q in quotes)  # the headline's
    for quote in quotes:
        content = text[quote["start"] : quote["end"]]
        assert content == content.strip(), content


@pytest.mark.model
def test_a_country_word_before_the_speaker_is_no_name_unless_it_names_an_institution():
    text = (
        "Talks\n\nLONDON (Reuters) - Prices will rise, a British official said on Monday. The Russian foreign "
        "ministry said the sanctions were illegal. U.S. officials said the talks would resume. Israel's military "
        "said it struck 20 targets."
    )
    quotes = analyse(text)
    assert find(quotes, text, "Prices will rise")["speaker_name"] is None  # names no one
    assert find(quotes, text, "the talks would resume")["speaker_name"] is None
    assert find(quotes, text, "the sanctions were illegal")["speaker_name"] == "Russian foreign ministry"
    assert find(quotes, text, "it struck 20 targets")["speaker_name"] == "Israel's military"


@pytest.mark.model
def test_he_is_the_latest_subject_named_in_apposition_to_a_title():
    text = (
        "Aid\n\nGENEVA (Reuters) - Army spokesman John Doe told reporters there would be no talks. "
        "The U.N. aid chief, Tom Reed, urged both sides to let convoys through.\n\n"
        "“We need access now,” he said."
    )
    assert find(analyse(text), text, "We need access now")["speaker_name"] == "Tom Reed"


@pytest.mark.model
def test_a_country_is_no_first_name():
    text = (
        "Talks\n\nJERUSALEM (AFP) - Defence Minister Israel Katz spoke on Monday. Later, Israel warned it "
        "would act alone."
    )
    assert find(analyse(text), text, "it would act alone")["speaker_name"] == "Israel"


@pytest.mark.model
def test_a_partial_quote_is_the_named_speakers_not_an_inner_things():
    text = 'Talks\n\nWASHINGTON (AP) — Senate leader John Roe said the vote showed that "bipartisanship is alive."'
    partial = next(q for q in analyse(text) if q["kind"] == "partial")
    assert partial["speaker_name"] == "John Roe"


@pytest.mark.model
def test_an_organisations_name_the_speaker_phrase_cuts_short_is_whole():
    text = "Ruling\n\nNEW YORK (Reuters) - The Court of International Trade said the law did not give him that power."
    speaker = find(analyse(text), text, "the law did not give")["speaker_name"]
    assert speaker is not None
    assert speaker.endswith("Court of International Trade")


@pytest.mark.model
def test_a_headline_verb_the_parser_takes_for_a_subject_reports_nothing():
    text = "Fed holds rates steady, signals caution on cuts\n\nWASHINGTON (Reuters) - The Fed held rates steady."
    assert analyse(text) == []


@pytest.mark.model
def test_it_is_the_organisation_or_country_of_the_clause_or_sentence_before():
    text = 'Strikes\n\nNEW DELHI (AFP) - India launched strikes on what it called "terrorist camps" in Pakistan.'
    assert find(analyse(text), text, "terrorist camps")["speaker_name"] == "India"
    text = 'Report\n\nLONDON (Reuters) - The report was published on Monday. It said the economy was "in decline".'
    assert find(analyse(text), text, "in decline")["speaker_name"] is None  # a thing is no speaker


@pytest.mark.model
def test_a_relative_clause_in_the_frame_does_not_frame_the_next_quote():
    text = (
        "Talks\n\nBERLIN (AP) - \u201cWe are not there yet,\u201d said Friedrich Merz, the leader of the"
        " Christian Democrats, who is expected to become chancellor. \u201cBut I remain confident.\u201d"
    )
    quote = find(analyse(text), text, "remain confident")
    assert quote["speaker_name"] == "Friedrich Merz"
    assert "not there yet" in text[quote["start"] : quote["end"]]  # one quote, interrupted by its frame


@pytest.mark.model
def test_a_headline_credits_its_words_with_a_name_and_a_colon():
    text = "Putin: West pushing world toward catastrophe\n\nMOSCOW (Reuters) - Vladimir Putin spoke on Thursday."
    quote = find(analyse(text), text, "West pushing")
    assert text[quote["start"] : quote["end"]] == "West pushing world toward catastrophe"
    assert quote["speaker_name"] == "Vladimir Putin"
    assert span_text(text, quote["cue"]) == ":"
    # a rubric credits no one
    text = "Analysis: Europe's defence spending gap\n\nLONDON (Reuters) - Europe spends little on defence."
    assert analyse(text) == []
    text = "The Latest: Senate delays its budget vote\n\nWASHINGTON (AP) - The Senate adjourned."
    assert analyse(text) == []  # AP's live-coverage rubric


@pytest.mark.model
def test_a_transcripts_turns_are_quotes_of_their_labelled_speakers():
    text = (
        "Interview\n\nOn Sunday's broadcast, Gov. Mike Pence spoke to host Chris Wallace.\n\n"
        "\"WALLACE: Let's start with the debate. Will she be there?\n\n"
        '"PENCE: Well, look, she will not be attending the debate.\n\n'
        '"WALLACE: Thank you, governor.\n'
    )
    quotes = analyse(text)
    turn = find(quotes, text, "Well, look")
    assert text[turn["start"] : turn["end"]] == "Well, look, she will not be attending the debate."
    assert turn["speaker_name"] == "Mike Pence"
    assert span_text(text, turn["cue"]) == ":"
    assert not any("PENCE:" in text[q["start"] : q["end"]] for q in quotes)  # no quote runs over the labels
    # one labelled paragraph is no transcript
    text = "Storm\n\nMIAMI (AP) - The storm hit Florida.\n\nUPDATE: Power was restored on Monday.\n"
    assert analyse(text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # a name with "for" or "of" inside it the speaker phrase cuts short
        ("BERLIN (AP) - The far-right Alternative for Germany accused the parties of ignoring voters.",
         "ignoring voters", "Alternative for Germany"),
        # an institution its owner names, not the owner; a person's aide names no one
        ("CARACAS (AP) - Maduro's government said the meeting had been respectful.", "meeting had been",
         "Maduro's government"),
        ("NEW YORK (AP) - Obama's former campaign strategist said the race was close.", "race was close", None),
        # an institution named by what it does; a bare "the military" names no one
        ("PARIS (AFP) - French police arrested 12 people, the interior ministry said.", "arrested",
         "interior ministry"),
        ("SEOUL (AFP) - The military said the drill was routine.", "drill was routine", None),
        # a country's media and armed forces
        ("SEOUL (AP) - North Korea's state media described the crisis as proof of a dictatorship.", "the crisis",
         "North Korea's state media"),
        ("KYIV (AP) - Ukraine's air force said it shot down 63 of the 90 drones launched overnight.", "shot down",
         "Ukraine's air force"),
    ],
)  # fmt: skip
def test_institutions_and_organisations_as_speakers(text, fragment, name):
    text = "Story\n\n" + text
    assert find(analyse(text), text, fragment)["speaker_name"] == name
