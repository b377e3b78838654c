"""Actors: codes from titles and names, the user dictionary, and in-story resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.codes import code_for_name, code_from_title, country_of
from dateline.actors.dictionary import load_dictionary
from dateline.errors import DatelineError

COUNTRY_INFO = """<!-- header: <Country> blocks follow -->
<Country>
<CountryCode>JOR</CountryCode>
<ISO3166-alpha3>JOR</ISO3166-alpha3>
<Nationality>
	KINGDOM_OF_JORDAN_
	JORDAN_(COUNTRY)
</Nationality>
<Capital>
	AMMAN_
</Capital>
<MajorCities>
	ZARQA_
	SPRINGFIELD_
</MajorCities>
</Country>
<Country>
<CountryCode>USA</CountryCode>
<ISO3166-alpha3>USA</ISO3166-alpha3>
<MajorCities>
	SPRINGFIELD_   # two countries: left out
</MajorCities>
</Country>
"""


def test_country_info_places_parse():
    from dateline.actors.places import parse_country_info

    assert parse_country_info(COUNTRY_INFO) == [
        ("amman", "JOR", "capital"),
        ("kingdom of jordan", "JOR", "name"),
        ("zarqa", "JOR", "city"),
    ]


def test_country_blocks_with_comments_before_their_code_are_read():
    # The former Yugoslav republics keep their historical codes in comment lines; Montenegro's
    # block lists Belgrade among its capitals by a slip (SLIPS), which leaves it to Serbia.
    from dateline.actors.places import parse_country_info

    text = """<Country>
#<CountryCode>[YUGMNE <20920427][MNE >20030101]
<CountryCode>MNE</CountryCode>     #from ASTCountryCodes
<ISO3166-alpha3>MNE</ISO3166-alpha3>
<Capital>
	BELGRADE_
	PODGORICA_
</Capital>
</Country>
<Country>
#<CountryCode>[YUGSRB <20920427][SRB >20030101]
# commented-out lines
<CountryCode>SRB</CountryCode>
<ISO3166-alpha3>---</ISO3166-alpha3>
<Capital>
	BELGRADE_
</Capital>
</Country>
"""
    assert parse_country_info(text) == [("belgrade", "SRB", "capital"), ("podgorica", "MNE", "capital")]


LEADERS_INFO = """<Country>
<CountryCode>JOR</CountryCode>
<ISO3166-alpha3>JOR</ISO3166-alpha3>
<Leaders>
	<Kings>
		HUSSEIN_			[19520811 - 19990207]  [B:19350101]
		{ABDULLAH_II_} {ABDALLAH_II_}		[>19990207]  [B:19620101]
	</Kings>
</Leaders>
<Government>
	ABDALLAH_UWEIDAT_	[JORGOVDEV 20050501 - 20050731]	# Minister of Social Development
	ABDUL_RAZZAQ_TUBAYSHAT_	[JORGOVAGR <20031031]	# Minister
</Government>
</Country>
"""


def test_country_info_leaders_parse():
    import datetime as dt

    from dateline.actors.leaders import parse_leaders

    parsed = parse_leaders(LEADERS_INFO, dt.date(2012, 1, 16))
    offices = {(o.name, o.code, o.start, o.end, o.kind) for o in parsed}
    assert ("hussein", "JORGOV", dt.date(1952, 8, 11), dt.date(1999, 2, 7), "leader") in offices
    # a leader's list heading is the office; ministers have none
    assert {o.name: o.office for o in parsed}["hussein"] == "kings"
    assert {o.name: o.office for o in parsed}["abdallah uweidat"] == ""
    # an office held when the file was made ends at the file's date
    assert ("abdallah ii", "JORGOV", dt.date(1999, 2, 7), dt.date(2012, 1, 16), "leader") in offices
    assert ("abdallah uweidat", "JORGOV", dt.date(2005, 5, 1), dt.date(2005, 7, 31), "minister") in offices
    assert ("abdul razzaq tubayshat", "JORGOV", None, dt.date(2003, 10, 31), "minister") in offices


def test_shipped_leaders_by_name_date_and_unambiguous_surname():
    import datetime as dt

    from dateline.actors.leaders import default_leaders

    leaders = default_leaders()
    assert leaders.code("Hosni Mubarak", dt.date(2005, 1, 1)) == "EGYGOV"
    assert leaders.code("Hosni Mubarak", dt.date(2020, 1, 1)) is None  # after the file: not known
    assert leaders.code("Mubarak", None) == "EGYGOV"
    assert leaders.code("François Mitterrand", None) == "FRAGOV"
    assert leaders.code("Hussein", None) is None  # Jordan's king and Iraq's president


def test_recent_office_holders_on_the_days_a_story_may_be_of():
    import datetime as dt

    from dateline.actors.leaders import default_leaders

    leaders = default_leaders()
    assert leaders.known_until is not None
    assert leaders.known_until >= dt.date(2025, 1, 1)

    def on(year, month, day):
        return ((dt.date(year, month, day), dt.date(year, month, day)),)

    assert leaders.known_person("Zelensky", on(2023, 5, 1)) == ("UKRGOV", "Volodymyr Zelensky")
    assert leaders.known_person("Zelensky", on(2015, 5, 1)) == (None, None)  # not yet in office
    # several spellings of one person are one person
    assert leaders.known_person("Netanyahu", on(2024, 1, 1)) == ("ISRGOV", "Benjamin Netanyahu")
    assert leaders.known_person("Rutte", on(2025, 3, 1)) == (None, None)  # at NATO by then
    # a surname of two countries' leaders, and one only some of the days cover
    assert leaders.known_person("Johnson", on(2020, 6, 1)) == (None, None)
    spread = ((dt.date(2022, 3, 3), dt.date(2022, 3, 3)), (dt.date(2023, 3, 3), dt.date(2023, 3, 3)))
    assert leaders.known_person("Truss", spread) == (None, None)
    # family name first
    assert leaders.known_person("Xi", on(2020, 1, 1)) == ("CHNGOV", "Xi Jinping")


def test_leader_names_match_across_spellings_of_the_arabic_article():
    from dateline.actors.leaders import default_leaders, normal_name

    assert normal_name("Omar El-Bashir") == normal_name("Omar al Bashir") == "omar al bashir"
    assert normal_name("El Baradei") == "al baradei"
    assert normal_name("Juan Carlos El") == "juan carlos el"  # a last word is no article
    assert default_leaders().office_code("Omar El Bashir", [["President"]]) == "SDNGOV"


def test_an_undated_story_is_dated_by_the_offices_it_names():
    import datetime as dt

    from dateline.actors.leaders import default_leaders

    leaders = default_leaders()
    titled = [
        ("Joe Biden", [["US", "President"]], "USA"),
        ("Olaf Scholz", [["German", "Chancellor"]], "DEU"),
    ]
    days = leaders.story_days(titled)
    assert days == ((dt.date(2021, 12, 8), dt.date(2025, 1, 20)),)
    assert leaders.story_days(titled, 3, 3) == tuple((dt.date(y, 3, 3), dt.date(y, 3, 3)) for y in (2022, 2023, 2024))
    # a former office, or an office the tables do not know the person in, says nothing
    assert leaders.story_days([("Joe Biden", [["Former", "President"]], None)]) is None
    assert leaders.story_days([("Jane Roe", [["President"]], None)]) is None
    # offices that never met: no date
    assert leaders.story_days([*titled, ("Barack Obama", [["President"]], "USA")]) is None
    # CountryInfo.txt saw Yahya Jammeh in office in 2012 and the hand-kept table does not go on
    # with him: the days do not stop in 2012
    assert leaders.story_days([("Yahya Jammeh", [["President"]], "GMB")])[-1][1] == leaders.known_until


def test_a_title_counts_only_the_offices_it_names():
    import datetime as dt

    from dateline.actors.leaders import default_leaders, office_titles

    leaders = default_leaders()
    # "Bush" is also a leader of the Cayman Islands' government business: the surname alone
    # stays uncoded, "President Bush" is a US president
    assert leaders.office_code("Bush") is None
    assert leaders.office_code("Bush", [["President"]]) == "USAGOV"
    assert leaders.code("Bush", dt.date(2003, 5, 1), [["President"]]) == "USAGOV"
    assert leaders.office_code("Hussein", [["King"]]) == "JORGOV"
    assert leaders.office_code("Hussein", [["President"]]) == "IRQGOV"
    # a regnal number is no surname: "King Hassan" is Morocco's Hassan II or Jordan's regent
    assert leaders.office_code("Hassan", [["King"]]) is None
    assert office_titles([["Vice", "President"]]) == {"vice president"}
    assert office_titles([["Former", "President"]]) == set()


def test_shipped_places():
    from dateline.actors.places import place_country

    assert place_country("Amman") == "JOR"
    assert place_country("the West Bank") == "PSE"
    assert place_country("Baghdad") == "IRQ"
    assert place_country("Gondor") is None
    assert place_country("Ragusa") is None  # Dubrovnik's old name, and a Sicilian city
    balkan = ("Belgrade", "Zagreb", "Sarajevo", "Skopje")
    assert [place_country(city) for city in balkan] == ["SRB", "HRV", "BIH", "MKD"]


PETRARCH_ACTORS = """# armed groups
HAMAS_  # note
+ISLAMIC_RESISTANCE_MOVEMENT
\t[PSEREBHMS]
MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_ [PHLREB]
MORO_ISLAMIC_LIBERATION_FRONT_ [IMGSEAMUSASF]
SHEIKH_AHMED_YASSIN
\t[PSEREBHMS 19870101-20040322]
UNITA_ [ANGREB]
ACME_OIL_ [MNCUSA]
FRONT_A_ [DEUREB]
SPLIT_FRONT_ [FRAREB]
+FRONT_A_
"""


def test_parse_organisations_from_petrarch_actor_dictionaries():
    from dateline.actors.organisations import parse_organisations

    rows = {name: (code, kind) for name, code, kind in parse_organisations({"armed group": PETRARCH_ACTORS})}
    assert rows["hamas"] == ("PSEREBHMS", "armed group")
    assert rows["islamic resistance movement"] == ("PSEREBHMS", "armed group")
    # the bracketed acronym is a name of its own; a country's code wins over a generic one
    assert rows["moro islamic liberation front"][0] == "PHLREB"
    assert rows["milf"][0] == "PHLREB"
    assert "sheikh ahmed yassin" not in rows  # a dated code: a person
    assert "unita" not in rows  # "ANG" is no country code
    assert "acme oil" not in rows  # companies are left out
    assert "front a" not in rows  # two countries' codes for one name


def test_shipped_organisations():
    from dateline.actors.organisations import organisation_code

    assert organisation_code("the Taliban") == "AFGREB"
    assert organisation_code("Hezbollah") == "LBNREB"
    assert organisation_code("Amnesty International") == "NGOHRIAMN"
    assert organisation_code("Front") is None
    # national institutions of the Phoenix country dictionary, not its territories or generic words
    assert organisation_code("Bundestag") == "DEUGOVLEG"
    assert organisation_code("Mossad") == "ISRSPY"
    assert organisation_code("Gibraltar") is None
    assert organisation_code("Senate") is None
    assert code_for_name("Hamas") == "PSEREBHMS"
    assert code_for_name("NATO") == "NAT"  # dateline's own IGO codes come first
    # groups prominent since the PETRARCH-2 dictionaries, and names whose meaning moved on
    assert organisation_code("the Houthis") == "YEMREB"
    assert organisation_code("Ansar Allah") == "YEMREB"  # not the Lebanese group of the 1980s
    assert organisation_code("Rapid Support Forces") == "SDNREB"
    assert organisation_code("RSF") is None  # also Reporters Without Borders


@pytest.mark.model
def test_people_titled_by_an_organisation_take_its_code():
    text = (
        "Talks\n\nU.N. Secretary-General Maria Okafor met White House national security spokesman Tom Reyes "
        "and Taliban spokesman Abdul Karimi on Monday. EU foreign policy chief Lena Varga stayed away."
    )
    codes = {a["name"]: a["code"] for a in analyse(text).actors}
    assert codes["Maria Okafor"] == "UNO"  # "U.N." and the hyphen of "Secretary-General" belong to the title
    assert codes["Tom Reyes"] == "USAGOV"  # lower-case "national security" inside the title
    assert codes["Abdul Karimi"] == "AFGREB"
    assert codes["Lena Varga"] == "EUR"


@pytest.mark.model
def test_a_table_organisation_the_parser_misses_is_found():
    # the parser tags "Islamic" as a nationality; the table's name wins over it
    text = "Raids\n\nTurkish police arrested 20 suspected Islamic State militants in Istanbul."
    codes = {a["name"]: a["code"] for a in analyse(text).actors}
    assert codes["Islamic State"] == "IMGMUSISI"
    # a table name inside a longer organisation's name does not split it
    text = "Appeal\n\nJane Roe, the United Nations Emergency Relief Coordinator, demanded access."
    names = {a["name"] for a in analyse(text).actors}
    assert "United Nations Emergency Relief Coordinator" in names


@pytest.mark.model
def test_a_group_the_parser_tags_as_a_person_and_its_initials():
    text = (
        "Fighting\n\nKHARTOUM, March 12 (AP) - The paramilitary Rapid Support Forces shelled Omdurman."
        " The RSF denied it. The Houthis fired a missile at Israel. Richard Wagner wrote operas;"
        " Wagner said music was everything."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert actors["Rapid Support Forces"]["code"] == "SDNREB"
    assert len(actors["Rapid Support Forces"]["mentions"]) == 2  # "RSF": its initials
    assert "RSF" not in actors
    assert actors["Houthis"]["code"] == "YEMREB"
    assert actors["Houthis"]["type"] == "organisation"
    assert actors["Richard Wagner"]["type"] == "person"


@pytest.mark.model
def test_a_name_with_a_generational_suffix_and_a_counterpart_in_apposition():
    text = (
        "Talks\n\nChinese Foreign Minister Wang Yi met his Russian counterpart, Sergei Lavrov, in Beijing."
        " Philippine President Ferdinand Marcos Jr. said his country would not be intimidated."
        " Marcos told reporters the talks would go on."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert actors["Sergei Lavrov"]["code"] == "RUSGOV"
    assert "Marcos" not in actors  # the surname is before "Jr."
    assert len(actors["Ferdinand Marcos Jr."]["mentions"]) >= 2


@pytest.mark.model
def test_a_family_name_first_and_a_middle_name_the_story_goes_on_with():
    text = (
        "Summit\n\nBEIJING, May 20 (Xinhua) - Chinese President Xi Jinping met Brazilian President Luiz Inacio"
        " Lula da Silva on Tuesday. Lula invited Xi to visit Brazil next year."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert "Lula" not in actors  # a middle name of one person: his
    assert len(actors["Luiz Inacio Lula da Silva"]["mentions"]) == 2
    assert len(actors["Xi Jinping"]["mentions"]) == 2  # "Xi", the family name, comes first


@pytest.mark.model
def test_an_office_with_no_country_in_a_paragraph_about_another_country_is_not_the_homes():
    text = (
        "Border\n\nNEW DELHI, April 24 (Reuters) - India accused Pakistan of backing the militants."
        " Interior Minister Amit Shah said India would respond.\n\nIndia has closed its border crossing."
        " India's army was on alert.\n\nIn Islamabad, Pakistan denied any role."
        " Defence Minister Khawaja Asif called the charge baseless."
    )
    codes = {a["name"]: a.get("code") for a in analyse(text).actors}
    assert codes["Khawaja Asif"] == "PAKGOV"  # his paragraph names Pakistan only
    assert codes["Amit Shah"] is None  # his names India and Pakistan: neither


@pytest.mark.model
def test_organisations_are_coded_by_name_and_by_their_own_country_word():
    text = "Clashes\n\nThe Taliban attacked a police post. Palestinian Islamic Jihad condemned the raid."
    codes = {a["name"]: a["code"] for a in analyse(text).actors}
    assert codes["Taliban"] == "AFGREB"
    # the table's region (MEAREB) says less than the name's own country
    assert codes["Palestinian Islamic Jihad"][:3] == "PSE"


@pytest.mark.model
def test_a_country_s_own_body_is_an_organisation_and_the_story_names_it_by_a_word_of_it():
    text = (
        "Protests\n\nNAIROBI (AFP) - According to the Kenya National Commission on Human Rights, officers"
        " used live ammunition. The commission said it had documented 22 arrests."
    )
    document = analyse(text)
    bodies = [a for a in document.actors if a["type"] == "organisation"]
    # not the country Kenya: an organisation of it
    assert [(a["name"], a["code"]) for a in bodies] == [("Kenya National Commission on Human Rights", "KEN")]
    quote = next(q for q in document.quotes if "22 arrests" in text[q["start"] : q["end"]])
    assert quote["speaker_name"] == "Kenya National Commission on Human Rights"
    assert quote["actor_id"] == bodies[0]["id"]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("British Prime Minister", "GBRGOV"),
        ("US President", "USAGOV"),
        ("deputy U.S. Ambassador", "USAGOV"),  # a rank, not Phoenix's sheriff's deputy (COP)
        ("Russian President", "RUSGOV"),
        ("French Foreign Minister", "FRAGOV"),
        ("Israeli army chief", "ISRMIL"),
        ("Kenyan opposition leader", "KENOPP"),
        ("British shadow foreign secretary", "GBROPP"),  # the opposition's, not the government's
        ("a reluctant", None),
        ("President", None),
        # CountryInfo's nationality words: "Gambian", "Kyrgyz"; not a first name such as "Finn"
        ("Gambian President", "GMBGOV"),
        ("Kyrgyz Prime Minister", "KGZGOV"),
        ("spokesman Finn", None),
        # no country: the organisation the title names
        ("U.N. Secretary - General", "UNO"),
        ("NATO Secretary General", "NAT"),
        ("Taliban spokesman", "AFGREB"),
        ("Kremlin spokesman", "RUSGOV"),
        ("White House national security spokesman", "USAGOV"),
        ("State Department spokesman", "USAGOV"),
        ("U.S. Secretary of State", "USAGOV"),
        ("analyst at the Center for Strategic and International Studies", "USAELI"),
        # a capital stands for its government as a sentence's subject, not in a title
        ("London Mayor", None),
        ("Paris prosecutor", None),
    ],
)
def test_code_from_title(words, code):
    assert code_from_title(words.split()) == code


def test_country_and_name_codes():
    assert country_of(["New", "Zealand"]) == "NZL"
    assert country_of(["Germany"]) == "DEU"
    # a US state is not the country inside its name; a lower-case "new" is just a word
    assert country_of(["newspapers", "in", "New", "Jersey"]) is None
    assert country_of(["New", "Mexico", "officials"]) is None
    assert country_of(["the", "new", "Iraqi", "government"]) == "IRQ"
    assert code_for_name("the Kremlin") == "RUSGOV"
    assert code_for_name("NATO") == "NAT"
    assert code_for_name("United Nations") == "UNO"
    assert code_for_name("Acme Corp") is None


def test_yaml_dictionary_with_date_ranges(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(
        "- name: Jane Roe\n  aliases: [Roe, Madam Speaker]\n  codes:\n"
        "    - {code: XYZOPP, from: 2020-01-01, to: 2023-12-31}\n    - {code: XYZGOV, from: 2024-01-01}\n",
        encoding="utf-8",
    )
    dictionary = load_dictionary(str(path))
    entry = dictionary.lookup("madam speaker")
    assert entry is not None
    assert entry.name == "Jane Roe"
    assert entry.code_on(dt.date(2022, 5, 1)) == "XYZOPP"
    assert entry.code_on(dt.date(2025, 5, 1)) == "XYZGOV"
    assert entry.code_on(dt.date(2019, 5, 1)) is None
    assert entry.code_on(None) == "XYZGOV"


def test_csv_dictionary(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,code,from,to,aliases\nJohn Doe,ABCMIL,2021-01-01,,General Doe|Doe\n", encoding="utf-8")
    entry = load_dictionary(str(path)).lookup("General Doe")
    assert entry is not None
    assert entry.code_on(dt.date(2022, 1, 1)) == "ABCMIL"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- name: X\n  codes: [{code: ABC, from: soon}]\n", "bad date"),
        ("name: X\n", "list"),
        ("- {code: A}\n", "no name"),
    ],
)
def test_bad_dictionaries_are_clear_errors(tmp_path, content, message):
    path = tmp_path / f"bad{abs(hash(content))}.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DatelineError) as info:
        load_dictionary(str(path))
    assert info.value.code == "E029"
    assert message in info.value.message


STORY = (
    "Talks in Berlin\n\nBERLIN, March 3 (dpa) - German Chancellor Olaf Scholz met Kenyan President William Ruto "
    "on Monday.\n\nScholz said the talks had gone well. Ruto told reporters: “We agreed on trade.”\n\n"
    "Lindner did not comment.\n\ndpa"
)


def analyse(text: str, **kwargs):
    from dateline.pipeline import PipelineConfig, analyze_story, load_nlp
    from dateline.readers.wire import read_wire

    return analyze_story(read_wire(text, doc_id="t", year=2025), load_nlp(PipelineConfig(**kwargs)))


def people_in(text: str) -> dict[str, dict]:
    """The story's person records by name."""
    return {a["name"]: a for a in analyse(text).actors if a["type"] == "person"}


@pytest.mark.model
def test_people_countries_codes_and_mentions():
    document = analyse(STORY)
    people = {a["name"]: a for a in document.actors if a["type"] == "person"}
    assert people["Olaf Scholz"]["code"] == "DEUGOV"
    assert people["William Ruto"]["code"] == "KENGOV"
    texts = {STORY[m["start"] : m["end"]] for m in people["Olaf Scholz"]["mentions"]}
    assert {"Olaf Scholz", "Scholz"} <= texts
    # A surname nothing explains: an actor without a code, not a guess.
    assert people["Lindner"]["code"] is None
    assert people["Lindner"]["code_source"] is None
    countries = {a["code"] for a in document.actors if a["type"] == "country"}
    assert {"DEU", "KEN"} <= countries
    assert not any(a["name"] == "dpa" for a in document.actors)  # credit line is no actor


@pytest.mark.model
def test_quotes_link_to_actors():
    document = analyse(STORY)
    ids = {a["id"]: a["name"] for a in document.actors}
    speakers = {q["speaker_name"]: ids.get(q["actor_id"]) for q in document.quotes}
    assert speakers["William Ruto"] == "William Ruto"
    assert speakers["Olaf Scholz"] == "Olaf Scholz"


@pytest.mark.model
def test_dictionary_overrides_and_names_surname_only_actors(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text(
        "- name: Christian Lindner\n  codes: [{code: DEUGOV, from: 2021-12-08, to: 2024-11-07},"
        " {code: DEUPTY, from: 2024-11-08}]\n- name: Olaf Scholz\n  codes: [{code: DEUPTY, from: 2025-05-06}]\n",
        encoding="utf-8",
    )
    document = analyse(STORY, dictionary=str(path))
    people = {a["name"]: a for a in document.actors if a["type"] == "person"}
    assert people["Christian Lindner"]["code"] == "DEUPTY"  # story dated 2025-03-03
    assert people["Christian Lindner"]["code_source"] == "dictionary"
    assert people["Olaf Scholz"]["code"] == "DEUGOV"  # the entry's range does not cover the date: title code


@pytest.mark.model
def test_hyphenated_names_and_headline_verbs():
    text = (
        "Budget fight\n\nObama Says Deficit Will Shrink\n\n"
        "Economist Douglas Holtz-Eakin said the plan would fail. “It will not work,” Mr. Holtz-Eakin said.\n\n"
        "President Barack Obama said it would work."
    )
    document = analyse(text)
    people = sorted(a["name"] for a in document.actors if a["type"] == "person")
    assert people == ["Barack Obama", "Douglas Holtz-Eakin"]  # not "Holtz - Eakin", "Obama Says"
    q = find_quote(document.quotes, text, "It will not work")
    assert q["speaker_name"] == "Douglas Holtz-Eakin"


def find_quote(quotes: list[dict], text: str, fragment: str) -> dict:
    return next(q for q in quotes if fragment in text[q["start"] : q["end"]])


@pytest.mark.model
def test_same_surname_different_people_in_one_story():
    text = (
        "Clintons on the trail\n\nNEW YORK (AP) — Former President Bill Clinton campaigned for Hillary Clinton "
        "on Monday.\n\nHillary Clinton said the economy was her priority. Clinton supporters cheered.\n\n"
        "Bill Clinton told the crowd: “She is ready.”"
    )
    document = analyse(text)
    people = {a["name"] for a in document.actors if a["type"] == "person"}
    assert {"Bill Clinton", "Hillary Clinton"} <= people
    speakers = {text[q["start"] : q["end"]]: q["speaker_name"] for q in document.quotes}
    assert speakers["She is ready."] == "Bill Clinton"
    assert not any(
        q["speaker_name"] and "supporters" in text[q["speaker"]["start"] : q["speaker"]["end"]]
        for q in document.quotes
        if q["speaker"]
    )


@pytest.mark.model
def test_actors_cli_lists_registry(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    db = tmp_path / "a.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(story), "--db", str(db), "-q"]).exit_code == 0
    result = runner.invoke(app, ["actors", "--db", str(db), "-f", "csv"])
    assert result.exit_code == 0
    assert "Olaf Scholz" in result.stdout
    assert "DEUGOV" in result.stdout
    listed = runner.invoke(app, ["actors", str(story), "-f", "jsonl"])
    assert '"name": "William Ruto"' in listed.stdout
    assert runner.invoke(app, ["actors"]).exit_code == 2


@pytest.mark.model
def test_dictionary_polities_code_places_and_titles(tmp_path):
    path = tmp_path / "world.yaml"
    path.write_text(
        "- name: Gondor\n  aliases: [Minas Tirith]\n  codes: [{code: GON}]\n- name: Arnor\n  codes: [{code: ARN}]\n",
        encoding="utf-8",
    )
    text = "Talks\n\nMINAS TIRITH (AP) — Gondor's Prime Minister Denethor Steward met envoys from Arnor on Monday."
    document = analyse(text, dictionary=str(path))
    codes = {a["name"]: a["code"] for a in document.actors}
    assert codes.get("Denethor Steward") == "GONGOV"
    assert codes.get("Arnor") == "ARN"


@pytest.mark.model
def test_a_leader_named_without_country_gets_a_code_from_the_leaders_table():
    text = "Talks\n\nCAIRO, March 3, 2005 (AP) — President Hosni Mubarak met the envoy on Monday. Lindner said no."
    people = people_in(text)
    assert (people["Hosni Mubarak"]["code"], people["Hosni Mubarak"]["code_source"]) == ("EGYGOV", "leaders")
    assert people["Lindner"]["code"] is None
    # In 2015 Mubarak held no office; Obama's title gives his code.
    later = "Talks\n\nWASHINGTON, March 3, 2015 (AP) — President Barack Obama met Hosni Mubarak on Monday."
    people = {a["name"]: a for a in analyse(later).actors if a["type"] == "person"}
    assert (people["Barack Obama"]["code"], people["Hosni Mubarak"]["code"]) == ("USAGOV", None)
    # An undated story may be of any year: with no office-holder to date it, the tables give a
    # code only to a person the text gives a current office.
    for undated, code in (
        ("CAIRO (AP) — President Hosni Mubarak met the envoy on Monday.", "EGYGOV"),
        ("CAIRO (AP) — Hosni Mubarak met the envoy on Monday.", None),
        ("CAIRO (AP) — Former President Hosni Mubarak met the envoy on Monday.", None),
    ):
        people = {a["name"]: a for a in analyse("Talks\n\n" + undated).actors if a["type"] == "person"}
        assert people["Hosni Mubarak"]["code"] == code, undated


@pytest.mark.model
def test_an_undated_story_dated_by_its_office_holders_codes_a_leader_named_by_surname():
    text = (
        "Leaders meet\n\nBERLIN, March 3 (dpa) – US President Joe Biden and German Chancellor Olaf Scholz "
        "met in Berlin on Friday. Zelensky thanked both men for their help. Liz Truss did not attend."
    )
    story = read_wire_undated(text)
    people = {a["name"]: a for a in story.actors if a["type"] == "person"}
    # Biden and Scholz were in office together from December 2021 to January 2025: on every
    # March 3 in that time, Zelensky was Ukraine's president, Truss a minister only in 2022.
    assert (people["Volodymyr Zelensky"]["code"], people["Volodymyr Zelensky"]["code_source"]) == ("UKRGOV", "leaders")
    assert people["Liz Truss"]["code"] is None


@pytest.mark.model
def test_a_country_the_parser_tags_as_a_person_is_only_a_country():
    import dateline

    text = "Sri Lanka has opened an embassy in Oslo, the ministry said on Monday."
    actors = [(a["name"], a["type"]) for a in dateline.analyze(text).actors if a["name"] == "Sri Lanka"]
    assert actors == [("Sri Lanka", "country")]


@pytest.mark.model
def test_a_newspaper_named_after_a_capital_is_no_government():
    import dateline

    for paper in ("The Washington Post", "The Moscow Times"):
        actors = dateline.analyze(f"{paper} reported that the talks had failed.").actors
        assert [a["code"] for a in actors if a["name"] == paper.removeprefix("The ")] == [None], paper
    # the small model tags "Kyiv" here as a person: it is the seat of government acting
    actors = dateline.analyze("The Washington Post said Kyiv rejected the plan.").actors
    assert [(a["type"], a["code"]) for a in actors if a["name"] == "Kyiv"] == [("organisation", "UKRGOV")]


@pytest.mark.model
def test_a_portfolio_in_a_title_is_no_organisation():
    import dateline

    actors = dateline.analyze("Interior Minister John Doe resigned on Monday.").actors
    assert [a["name"] for a in actors] == ["John Doe"]


@pytest.mark.model
def test_a_story_after_the_tables_end_is_read_as_of_their_last_day():
    from dateline.actors.leaders import default_leaders

    year = default_leaders().known_until.year + 1
    text = f"Talks\n\nKYIV, March 3, {year} (Reuters) — Zelensky met Biden on Monday."
    people = {name: a["code"] for name, a in people_in(text).items()}
    # in office on the tables' last day, presumed still; out of office by then, no code
    assert people == {"Volodymyr Zelensky": "UKRGOV", "Biden": None}


@pytest.mark.model
def test_a_countrys_organisation_named_with_a_possessive_takes_its_code():
    import dateline

    actors = dateline.analyze("Japan's Defense Ministry said the missile landed outside its zone.").actors
    assert [(a["name"], a["code"]) for a in actors if a["type"] == "organisation"] == [("Defense Ministry", "JPNGOV")]


@pytest.mark.model
def test_a_name_the_parser_ends_on_a_particle_goes_on():
    import dateline

    text = "Commission President Ursula von der Leyen said the plan would work. Von der Leyen added that it was fair."
    people = [a for a in dateline.analyze(text).actors if a["type"] == "person"]
    assert [p["name"] for p in people] == ["Ursula von der Leyen"]
    # one mention per naming, not "Leyen" inside "Von der Leyen" as well
    assert [text[m["start"] : m["end"]] for m in people[0]["mentions"]] == ["Ursula von der Leyen", "Von der Leyen"]


def read_wire_undated(text: str):
    from dateline.pipeline import PipelineConfig, analyze_story, load_nlp
    from dateline.readers.wire import read_wire

    return analyze_story(read_wire(text, doc_id="t"), load_nlp(PipelineConfig()))


@pytest.mark.model
def test_a_city_the_text_puts_in_a_region_is_not_the_foreign_city():
    text = "Rally\n\nClinton spoke in Toledo, Ohio, on Monday. Later she flew to Toledo to meet Spanish officials."
    spain = next(a for a in analyse(text).actors if a["code"] == "ESP")
    assert text.index("Toledo, Ohio") not in [m["start"] for m in spain["mentions"]]


@pytest.mark.model
def test_a_city_stands_for_its_country():
    text = "Talks\n\nAMMAN (AP) — Iraq's foreign minister arrived in Baghdad after talks in Amman on Monday."
    codes = {a["code"]: a for a in analyse(text).actors if a["type"] == "country"}
    assert "IRQ" in codes
    assert "JOR" in codes  # the dateline's place is no actor, but "talks in Amman" names it
    assert text[codes["JOR"]["mentions"][0]["start"] : codes["JOR"]["mentions"][0]["end"]] == "Amman"


@pytest.mark.model
def test_a_state_or_province_stands_for_its_country():
    text = "Fires\n\nMexico sent firefighters to California, and Canada flew water bombers to Alberta."
    codes = {a["code"]: a for a in analyse(text).actors if a["type"] == "country"}
    assert {text[m["start"] : m["end"]] for m in codes["USA"]["mentions"]} == {"California"}
    assert "Alberta" in {text[m["start"] : m["end"]] for m in codes["CAN"]["mentions"]}


@pytest.mark.model
def test_dictionary_option_reaches_extract_and_ingest(tmp_path):
    import json

    import duckdb
    from typer.testing import CliRunner

    from dateline.cli import app

    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    path = tmp_path / "d.yaml"
    path.write_text("- name: Christian Lindner\n  codes: [{code: DEUPTY, from: 2024-11-08}]\n", encoding="utf-8")
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", str(story), "--dictionary", str(path), "-q"])
    assert extracted.exit_code == 0, extracted.stderr
    people = {a["name"]: a["code"] for a in json.loads(extracted.stdout)["actors"]}
    assert people["Christian Lindner"] == "DEUPTY"
    db = tmp_path / "d.duckdb"
    assert runner.invoke(app, ["ingest", str(story), "--db", str(db), "--dictionary", str(path), "-q"]).exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT code FROM actors WHERE name = 'Christian Lindner'").fetchone() == ("DEUPTY",)
    con.close()


AGENTS = """
<!-- a comment -->
!PERSON! = MAN, MEN, WOMAN
AMBASSADOR [~GOV]
FOREIGN_MINISTER [~GOVFRM]  # a longer phrase wins
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
BUSINESS!PERSON! [~BUS]
MSF {} [NGO~]
"""


def test_parse_petrarch_agents():
    from dateline.actors.agents import Role, parse_agents

    agents = parse_agents(AGENTS)
    assert agents.role(["the", "ambassadors"]) == Role("GOV")  # a regular plural
    assert agents.role(["Foreign", "Minister"]) == Role("GOVFRM")
    assert agents.role(["chambers", "of", "commerce"]) == Role("BUS")
    assert agents.role(["businessmen"]) == Role("BUS")  # the !PERSON! substitution
    assert agents.role(["MSF"]).apply("ARN") == "NGOARN"  # a role before the country
    assert agents.role(["backstop"]) is None


def test_agent_code_uses_the_table_then_title_words():
    from dateline.actors.agents import parse_agents
    from dateline.actors.codes import agent_code, code_from_title

    agents = parse_agents(AGENTS)
    assert agent_code("ARN", ["foreign", "minister"], agents) == "ARNGOVFRM"
    assert agent_code("ARN", ["general"], agents) == "ARNMIL"  # dateline's own title words
    assert agent_code("ARN", ["weather"], agents) is None
    assert code_from_title(["Russian", "Defence", "Ministry"]) == "RUSGOV"  # the shipped Phoenix table


def test_load_agents_errors(tmp_path):
    from dateline.actors.agents import load_agents

    with pytest.raises(DatelineError, match="E034"):
        load_agents(tmp_path / "missing.txt")
    empty = tmp_path / "agents.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(DatelineError, match="no agent lines"):
        load_agents(empty)


@pytest.mark.model
def test_an_acronym_in_brackets_is_the_organisation_it_follows():
    text = (
        "Aid for Liberia\n\nThe World Food Program (WFP) said on Monday it would fly food to Monrovia.\n\n"
        "WFP staff arrived in the city on Tuesday."
    )
    organisations = [a for a in analyse(text).actors if a["type"] == "organisation"]
    assert [a["name"] for a in organisations] == ["World Food Program"]
    mentions = {text[m["start"] : m["end"]] for m in organisations[0]["mentions"]}
    assert mentions == {"The World Food Program", "WFP"}
    assert len(organisations[0]["mentions"]) == 3


@pytest.mark.model
def test_an_acronym_joins_the_dictionary_entry_it_follows(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("- name: Northern Grain Board\n  codes: [{code: NGBBUS}]\n", encoding="utf-8")
    text = "Grain\n\nThe Northern Grain Board (NGB) raised prices on Monday.\n\nNGB traders sold wheat to Kenya."
    document = analyse(text, dictionary=str(path))
    board = [a for a in document.actors if a["name"] == "Northern Grain Board"]
    assert len(board) == 1
    assert board[0]["code"] == "NGBBUS"
    assert {text[m["start"] : m["end"]] for m in board[0]["mentions"]} >= {"NGB"}
    assert not any(a["name"] == "NGB" for a in document.actors)


def _wikidata(*rows):
    """Query results as the Wikidata service writes them (JSON)."""
    names = ("iso", "personLabel", "officeLabel", "kind", "start", "end")
    return {
        "head": {"vars": list(names)},
        "results": {
            "bindings": [
                {key: {"type": "literal", "value": value} for key, value in zip(names, row, strict=True) if value}
                for row in rows
            ]
        },
    }


def test_office_holders_from_wikidata_keep_the_tables_spellings():
    import datetime as dt

    from dateline.actors.leaders import keep_spellings, office_heading, rows_from_wikidata

    results = _wikidata(
        ("UKR", "Volodymyr Zelenskyy", "President of Ukraine", "head of state", "2019-05-20T00:00:00Z", None),
        (
            "GBR",
            "Theresa May",
            "Prime Minister of the United Kingdom",
            "head of government",
            "2016-07-13T00:00:00Z",
            "2019-07-24T00:00:00Z",
        ),
        (
            "GBR",
            "Gordon Brown",
            "Prime Minister of the United Kingdom",
            "head of government",
            "2007-06-27T00:00:00Z",
            "2010-05-11T00:00:00Z",
        ),  # ended before the table's start
        ("FRA", "Q123456", "President of France", "head of state", "2017-05-14T00:00:00Z", None),  # no label
        ("GBR", "David Lammy", "Secretary of State for Foreign Affairs", "minister", "2024-07-05T00:00:00Z", None),
    )
    rows = rows_from_wikidata(results, dt.date(2012, 1, 16))
    assert [(r["name"], r["code"], r["kind"], r["office"], r["to"]) for r in rows] == [
        ("Theresa May", "GBRGOV", "leader", "prime ministers", "2019-07-24"),
        ("David Lammy", "GBRGOV", "minister", "", ""),
        ("Volodymyr Zelenskyy", "UKRGOV", "leader", "presidents", ""),
    ]
    current = [{"name": "Volodymyr Zelensky|Volodymyr Zelenskyy", "code": "UKRGOV", "surname": ""}]
    kept = keep_spellings(rows, current)
    assert kept[-1]["name"] == "Volodymyr Zelensky|Volodymyr Zelenskyy"
    assert office_heading("Chancellor of Germany") == "chancellors"
    assert office_heading("Monarch of the United Kingdom") == "kings/queens"


def test_update_leaders_script_writes_a_table_the_loader_reads(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "update_leaders.py"
    results = tmp_path / "results.json"
    results.write_text(
        json.dumps(
            _wikidata(("GON", "Aragorn Elessar", "King of Gondor", "head of state", "2019-03-25T00:00:00Z", None))
        ),
        encoding="utf-8",
    )
    table = tmp_path / "leaders_recent.tsv"
    table.write_text(
        "# a note\n# known-until: 2020-01-01\nname\tcode\tfrom\tto\tkind\toffice\tsurname\n"
        "Denethor II\tGONGOV\t2012-01-16\t2019-03-15\tleader\tstewards\t\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(script), str(results), "--known-until", "2025-06-30", "--output", str(table)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "kept, not in the results: Denethor II" in run.stderr
    text = table.read_text(encoding="utf-8")
    assert text.startswith("# a note\n# known-until: 2025-06-30\nname\tcode")
    assert "Aragorn Elessar\tGONGOV\t2019-03-25\t\tleader\tkings\t" in text
    missing = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "nope.json"), "--known-until", "2025-06-30"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert missing.returncode != 0
    assert "no such file" in missing.stderr


@pytest.mark.model
def test_journalists_of_the_byline_and_credit_are_no_actors_and_an_early_acronym_is_its_name():
    text = (
        "EU agrees new sanctions on Russia\n\nBy Jane Doe and John Smith\n\n"
        "BRUSSELS, June 23 (Reuters) - European Union governments agreed new sanctions on Russia,"
        " after Slovakia dropped its veto. The Slovak government said the EU had met its demands.\n\n"
        "(Reporting by Jane Doe and John Smith; Editing by Alex Richardson)\n"
    )
    actors = analyse(text).actors
    names = [a["name"] for a in actors]
    assert not {"Jane Doe", "John Smith", "Alex Richardson"} & set(names)
    union = next(a for a in actors if a["name"] == "European Union")
    assert len(union["mentions"]) == 3  # the headline's "EU" too
    assert names.count("Slovakia") == 1  # a country the parser tags as an organisation is the country


@pytest.mark.model
def test_a_companys_legal_form_does_not_make_a_second_organisation():
    text = (
        "Apple shares fall\n\nNEW YORK, Jan. 31 (Reuters) - Apple Inc shares fell 4% on Friday."
        " Huawei said its shipments had doubled."
    )
    names = [a["name"] for a in analyse(text).actors]
    assert names.count("Apple") == 1
    assert "Apple Inc" not in names


@pytest.mark.model
def test_a_name_the_entity_cuts_before_its_head_is_whole():
    text = "Crisis\n\nSEOUL, Dec. 12 (Yonhap) - South Korean President Yoon Suk Yeol on Thursday defended his decree."
    names = {a["name"]: a["code"] for a in analyse(text).actors}
    assert names.get("Yoon Suk Yeol") == "KORGOV"


@pytest.mark.model
def test_a_states_people_and_institutions_with_no_country_are_of_the_storys_home_country():
    text = (
        "Crisis\n\nSEOUL, Dec. 12 (Yonhap) - South Korea's president accused the opposition-controlled"
        " National Assembly of paralysing the government. Defense Minister Kim Yong-hyun resigned."
        " South Korea's currency fell."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert (actors["National Assembly"]["code"], actors["National Assembly"]["code_source"]) == ("KORLEG", "dateline")
    assert actors["Kim Yong-hyun"]["code"] == "KORGOV"
    # a story from a place about another country more often named: no home country
    text = (
        "Talks\n\nDOHA, Jan. 12 (AFP) - Israel and Hamas met in Qatar. Israel sent its spy chief."
        " Defense Minister Dan Cohen said Israel would not yield."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert actors["Dan Cohen"]["code"] is None


@pytest.mark.model
def test_an_organisations_officer_is_not_the_home_countrys_government():
    # "UAW President", "Harvard President": the union's and the university's office, not the
    # state's; a state body in the title ("Homeland Security Secretary", "House Speaker") still is.
    text = (
        "Strike\n\nDETROIT, Sept. 15 (AP) - UAW President Shawn Fain said the strike would go on."
        " Ford Chief Executive Jim Farley said the offer was generous. Interior Secretary Deb Haaland"
        " visited the plant, and House Speaker Mike Johnson said Congress would not intervene."
    )
    codes = {name: a["code"] for name, a in people_in(text).items()}
    assert (codes["Shawn Fain"], codes["Jim Farley"]) == (None, None)
    assert (codes["Deb Haaland"], codes["Mike Johnson"]) == ("USAGOV", "USALEG")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a surname with an apostrophe is one word of the name
        (
            "Teamsters President Sean O'Brien said the deal was good. O’Neal disagreed, and O'Brien walked out.",
            "Sean O'Brien",
        ),
        # the parser makes two names of one: "Sheikh Mohammed bin Abdulrahman" and "Al Thani"
        (
            "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said talks would go on."
            " Al Thani added that the deal was close.",
            "Sheikh Mohammed bin Abdulrahman Al Thani",
        ),
        # the parser's entity is "Ursula von" (and "Leyen" a place): the name goes on through "der"
        (
            '"We have shown that Europe stands united," European Commission President Ursula von der Leyen told'
            " reporters after the summit. Von der Leyen added that talks would go on.",
            "Ursula von der Leyen",
        ),
    ],
)
def test_a_name_the_parser_cuts_short_is_whole_in_each_mention(text, name):
    people = people_in(text)
    assert name in people
    assert len(people[name]["mentions"]) == 2


@pytest.mark.model
def test_the_home_countrys_opposition():
    text = (
        "Protests\n\nNAIROBI, July 11 (Reuters) - Kenya's president fired his cabinet. The move was welcomed by"
        " opposition leader Raila Odinga, who called it a step in the right direction."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert actors["Raila Odinga"]["code"] == "KENOPP"


@pytest.mark.model
def test_one_word_institutions_of_the_home_country_and_plural_group_names():
    text = (
        "Strikes\n\nWASHINGTON, Jan. 17 (AP) - U.S. forces struck Houthi missile launchers in Yemen, the"
        " United States said. The Houthis threatened Navy ships. The United States said it would act."
    )
    actors = analyse(text).actors
    codes = {a["name"]: a["code"] for a in actors}
    assert codes["Navy"] == "USAMIL"
    assert [a["code"] for a in actors].count("YEMREB") == 1  # "Houthi" and "the Houthis": one group


@pytest.mark.model
def test_regions_are_actors_with_cameo_region_codes():
    text = (
        "Warning\n\nMOSCOW, Feb. 29 (Reuters) - Russian President Vladimir Putin warned the West on Thursday."
        " Macron said Europe must do more. Israeli settlers in the West Bank attacked a village."
    )
    actors = {a["name"]: a for a in analyse(text).actors}
    assert (actors["the West"]["type"], actors["the West"]["code"]) == ("region", "WST")
    assert actors["Europe"]["code"] == "EUR"
    assert [name for name, actor in actors.items() if actor["code"] == "WST"] == ["the West"]  # not the West Bank
