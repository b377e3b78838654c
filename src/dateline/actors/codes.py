"""CAMEO-style actor codes from the words around a name: country (ISO3) + role.

"British Prime Minister Keir Starmer" → ``GBR`` + ``GOV``; "US President Donald Trump" →
``USAGOV``; "the Kremlin" → ``RUSGOV``. Country names come from pycountry (every ISO 3166
country, official and common names); demonyms and government metonyms, which pycountry
lacks, are listed here for the countries that news mentions most. International
organisations get CAMEO's IGO codes (``UNO``, ``NAT``, ``EUR``...).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from ..tables import shipped_tsv
from .agents import Agents, default_agents
from .organisations import organisation_code

# Demonyms and short forms pycountry does not carry (lower case → ISO3).
DEMONYMS = {
    "american": "USA",
    "us": "USA",
    "u.s.": "USA",
    "u.s": "USA",
    "usa": "USA",
    "america": "USA",
    "british": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "uk": "GBR",
    "u.k.": "GBR",
    "english": "GBR",
    "scottish": "GBR",
    "welsh": "GBR",
    "russian": "RUS",
    "ukrainian": "UKR",
    "chinese": "CHN",
    "french": "FRA",
    "german": "DEU",
    "italian": "ITA",
    "spanish": "ESP",
    "portuguese": "PRT",
    "dutch": "NLD",
    "belgian": "BEL",
    "swiss": "CHE",
    "austrian": "AUT",
    "polish": "POL",
    "czech": "CZE",
    "slovak": "SVK",
    "hungarian": "HUN",
    "romanian": "ROU",
    "bulgarian": "BGR",
    "greek": "GRC",
    "turkish": "TUR",
    "swedish": "SWE",
    "norwegian": "NOR",
    "danish": "DNK",
    "finnish": "FIN",
    "irish": "IRL",
    "icelandic": "ISL",
    "estonian": "EST",
    "latvian": "LVA",
    "lithuanian": "LTU",
    "belarusian": "BLR",
    "moldovan": "MDA",
    "georgian": "GEO",
    "armenian": "ARM",
    "azerbaijani": "AZE",
    "serbian": "SRB",
    "croatian": "HRV",
    "bosnian": "BIH",
    "slovenian": "SVN",
    "albanian": "ALB",
    "kosovar": "XKX",
    "japanese": "JPN",
    "korean": "KOR",
    "south korean": "KOR",
    "north korean": "PRK",
    "taiwanese": "TWN",
    "indian": "IND",
    "pakistani": "PAK",
    "afghan": "AFG",
    "bangladeshi": "BGD",
    "sri lankan": "LKA",
    "nepalese": "NPL",
    "burmese": "MMR",
    "thai": "THA",
    "vietnamese": "VNM",
    "cambodian": "KHM",
    "malaysian": "MYS",
    "singaporean": "SGP",
    "indonesian": "IDN",
    "filipino": "PHL",
    "philippine": "PHL",
    "australian": "AUS",
    "new zealand": "NZL",
    "canadian": "CAN",
    "mexican": "MEX",
    "brazilian": "BRA",
    "argentine": "ARG",
    "argentinian": "ARG",
    "chilean": "CHL",
    "colombian": "COL",
    "venezuelan": "VEN",
    "peruvian": "PER",
    "bolivian": "BOL",
    "ecuadorian": "ECU",
    "cuban": "CUB",
    "haitian": "HTI",
    "israeli": "ISR",
    "palestinian": "PSE",
    "lebanese": "LBN",
    "syrian": "SYR",
    "iraqi": "IRQ",
    "iranian": "IRN",
    "saudi": "SAU",
    "emirati": "ARE",
    "qatari": "QAT",
    "kuwaiti": "KWT",
    "jordanian": "JOR",
    "yemeni": "YEM",
    "omani": "OMN",
    "egyptian": "EGY",
    "libyan": "LBY",
    "tunisian": "TUN",
    "algerian": "DZA",
    "moroccan": "MAR",
    "sudanese": "SDN",
    "ethiopian": "ETH",
    "somali": "SOM",
    "kenyan": "KEN",
    "ugandan": "UGA",
    "rwandan": "RWA",
    "congolese": "COD",
    "nigerian": "NGA",
    "ghanaian": "GHA",
    "senegalese": "SEN",
    "malian": "MLI",
    "south african": "ZAF",
    "zimbabwean": "ZWE",
    "mozambican": "MOZ",
    "angolan": "AGO",
    "kazakh": "KAZ",
    "uzbek": "UZB",
    "mongolian": "MNG",
    "russia": "RUS",
    "south korea": "KOR",
    "north korea": "PRK",
    "iran": "IRN",
    "syria": "SYR",
    "venezuela": "VEN",
    "bolivia": "BOL",
    "taiwan": "TWN",
    "vietnam": "VNM",
    "laos": "LAO",
    "moldova": "MDA",
    "tanzania": "TZA",
    "palestine": "PSE",
    "czech republic": "CZE",
    "turkey": "TUR",
    "the netherlands": "NLD",
    "holland": "NLD",
    "ivory coast": "CIV",
    "congo": "COD",
    "gaza": "PSE",
    "gaza strip": "PSE",
    "west bank": "PSE",
    "east jerusalem": "PSE",
    "bosnia": "BIH",
    "herzegovina": "BIH",
    "macedonia": "MKD",
    "macedonian": "MKD",
    "kosovo": "XKX",
    "serb": "SRB",
    "croat": "HRV",
    "emirates": "ARE",
    "uae": "ARE",
    "prc": "CHN",
    "dprk": "PRK",
    "burma": "MMR",
    "east timor": "TLS",
}
# Seats and buildings that stand for a government in news copy.
METONYMS = {
    "kremlin": "RUS",
    "white house": "USA",
    "washington": "USA",
    "downing street": "GBR",
    "whitehall": "GBR",
    "westminster": "GBR",
    "elysee": "FRA",
    "élysée": "FRA",
    "beijing": "CHN",
    "moscow": "RUS",
    "kyiv": "UKR",
    "kiev": "UKR",
    "pentagon": "USA",
    "state department": "USA",
    "tehran": "IRN",
    "pyongyang": "PRK",
    "seoul": "KOR",
    "tokyo": "JPN",
    "berlin": "DEU",
    "paris": "FRA",
    "london": "GBR",
    "ankara": "TUR",
    "jerusalem": "ISR",
    "riyadh": "SAU",
}
IGOS = {
    "united nations": "UNO",
    "un": "UNO",
    "u.n.": "UNO",
    "security council": "UNO",
    "nato": "NAT",
    "european union": "EUR",
    "eu": "EUR",
    "european commission": "EUR",
    "european community": "EUR",
    "european council": "EUR",
    "european parliament": "EUR",
    "african union": "AFR",
    "world bank": "WBK",
    "imf": "IMF",
    "international monetary fund": "IMF",
    "opec": "OPC",
    "who": "WHO",
    "world health organization": "WHO",
    "red cross": "IRC",
    "icrc": "IRC",
    "asean": "SEA",
    "arab league": "ARL",
    "u.n. security council": "UNO",
    "un security council": "UNO",
    "united nations security council": "UNO",
    "interpol": "ITP",
    "international criminal court": "ICC",
    "icc": "ICC",
    "world food programme": "WFP",
    "world food program": "WFP",
    "unicef": "UNO",
    "unhcr": "UNO",
    "iaea": "UNO",
    "international atomic energy agency": "UNO",
    "osce": "OSC",
    "gulf cooperation council": "GCC",
    "organization of american states": "OAS",
    "african development bank": "ADB",
    "wto": "WTO",
    "world trade organization": "WTO",
}
# Regions CAMEO codes as actors, by their names and their peoples' ("the West" → WST). Used for
# entities the parser tags as places or nationalities only, never inside titles ("West Bank").
REGIONS = {
    "europe": "EUR", "europeans": "EUR", "west": "WST", "western": "WST",
    "westerners": "WST", "africa": "AFR", "africans": "AFR", "asia": "ASA", "asians": "ASA",
    "middle east": "MEA", "latin america": "LAM", "latin americans": "LAM", "southeast asia": "SEA",
    "central asia": "CAS", "east africa": "EAF", "west africa": "WAF", "north africa": "NAF",
    "southern africa": "SAF", "south asia": "SAS", "eastern europe": "EEU", "western europe": "WEU",
    "balkans": "BLK", "caribbean": "CRB",
}  # fmt: skip
_REGION_NAMES = {
    "EUR": "Europe", "WST": "the West", "AFR": "Africa", "ASA": "Asia", "MEA": "Middle East",
    "LAM": "Latin America", "SEA": "Southeast Asia", "CAS": "Central Asia", "EAF": "East Africa",
    "WAF": "West Africa", "NAF": "North Africa", "SAF": "Southern Africa", "SAS": "South Asia",
    "EEU": "Eastern Europe", "WEU": "Western Europe", "BLK": "the Balkans", "CRB": "the Caribbean",
}  # fmt: skip


def region_code(name: str) -> str | None:
    """The CAMEO code of a region named by ``name`` ("the Middle East" → MEA), else None."""
    return REGIONS.get(" ".join(name.lower().split()).removeprefix("the "))


def region_name(code: str) -> str:
    return _REGION_NAMES.get(code, code)


# Title words → CAMEO role codes (longest match first when several apply).
ROLES = {
    "prime minister": "GOV",
    "president": "GOV",
    "vice president": "GOV",
    "chancellor": "GOV",
    "minister": "GOV",
    "secretary": "GOV",
    "premier": "GOV",
    "king": "GOV",
    "queen": "GOV",
    "emir": "GOV",
    "sultan": "GOV",
    "governor": "GOV",
    "mayor": "GOV",
    "ambassador": "GOV",
    "envoy": "GOV",
    "spokesman": "GOV",
    "spokeswoman": "GOV",
    "spokesperson": "GOV",
    "diplomat": "GOV",
    "counterpart": "GOV",
    "mediator": "GOV",
    "negotiator": "GOV",  # "his Russian counterpart, Sergei Lavrov": officials meet officials
    "official": "GOV",
    "government": "GOV",
    "senator": "LEG",
    "congressman": "LEG",
    "congresswoman": "LEG",
    "lawmaker": "LEG",
    "legislator": "LEG",
    "mp": "LEG",
    "parliament": "LEG",
    "general": "MIL",
    "gen.": "MIL",
    "lt.": "MIL",
    "col.": "MIL",
    "maj.": "MIL",
    "adm.": "MIL",
    "brig.": "MIL",
    "sen.": "LEG",
    "rep.": "LEG",
    "gov.": "GOV",
    "commander": "MIL",
    "admiral": "MIL",
    "colonel": "MIL",
    "army": "MIL",
    "military": "MIL",
    "troops": "MIL",
    "soldiers": "MIL",
    "judge": "JUD",
    "justice": "JUD",
    "court": "JUD",
    "police": "COP",
    "opposition": "OPP",
    "rebel": "REB",
    "rebels": "REB",
    "militant": "REB",
    "insurgent": "REB",
    "party": "PTY",
    "ceo": "BUS",
    "executive": "BUS",
    "company": "BUS",
    "chairman": "BUS",
    "journalist": "MED",
    "reporter": "MED",
    "editor": "MED",
    "media": "MED",
    "newspaper": "MED",
    "leader": "GOV",
    "leadership": "GOV",
    "authorities": "GOV",
    "administration": "GOV",
    "cabinet": "GOV",
    "ministry": "GOV",
    "forces": "MIL",
    # the weapons of a military stand for it: "Israeli helicopters and tanks shelled …"
    "helicopter": "MIL",
    "gunship": "MIL",
    "aircraft": "MIL",
    "jet": "MIL",
    "drone": "MIL",
    "airliner": "CVL",
    "jetliner": "CVL",
    "warplane": "MIL",
    "fighter jet": "MIL",
    "bomber": "MIL",
    "warship": "MIL",
    "gunboat": "MIL",
    "frigate": "MIL",
    "submarine": "MIL",
    "tank": "MIL",
    "think tank": "NGO",
    "artillery": "MIL",
    "navy": "MIL",
    "air force": "MIL",
    "militia": "REB",
    "student": "EDU",
    "university": "EDU",
    "protester": "CVL",
    "demonstrator": "CVL",
    "civilian": "CVL",
    "businessman": "BUS",
    "congress": "LEG",
    "congressmen": "LEG",
    "senate": "LEG",
    "cleric": "REL",
    "imam": "REL",
    "bishop": "REL",
    "priest": "REL",
    "rabbi": "REL",
    "church": "REL",
}


@functools.cache
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_3
    # CountryInfo's nationality words the two tables above lack ("Gambian", "Tanzanian",
    # "Beninese", "Burkinabe"): demonym endings only, not its misspellings and first names
    # ("Finn").
    for row in shipped_tsv("dateline.actors", "data/places.tsv"):
        name = row["name"]
        if row["kind"] == "name" and " " not in name and len(name) > 4 and name.endswith(_DEMONYM_ENDINGS):
            names.setdefault(name, row["iso3"])
    names.update({"kyrgyz": "KGZ", "tajik": "TJK", "turkmen": "TKM", "lao": "LAO", "laotian": "LAO"})
    names.update(DEMONYMS)
    return names


_DEMONYM_ENDINGS = ("an", "ian", "ese", "ish", "ean", "ic", "be", "ois", "ais")


def country_name(code: str) -> str:
    """A short English name for an ISO3 code ("Russia", not "Russian Federation")."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(_SHORT_NAMES.get(code) or getattr(country, "common_name", None) or country.name)


_SHORT_NAMES = {
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "SYR": "Syria",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "PSE": "Palestine",
    "COD": "DR Congo",
    "TWN": "Taiwan",
}


def country_of(words: Iterable[str], extra: dict[str, str] | None = None) -> str | None:
    """ISO3 of the first country named in ``words`` (a phrase's tokens), trying longer names first.

    ``extra`` adds names (lower case → code), e.g. polities from a user dictionary.
    """
    kept = [w for w in words if w not in ("'s", "’s")]
    tokens = [w.lower().removesuffix("’s").removesuffix("'s") for w in kept]
    names = {**_country_names(), **extra} if extra else _country_names()
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            if i and kept[i - 1] == "New":
                continue  # "New Jersey", "New Mexico": not Jersey, Mexico ("the new Iraqi cabinet" is)
            code = names.get(" ".join(tokens[i : i + size]))
            if code:
                return code
    return None


def country_named(name: str) -> str | None:
    """ISO3 when the whole of ``name`` names a country ("Russia", "the UK", "Russian"), else None.

    Unlike :func:`country_of` it does not look inside the name: "New Jersey", "British Columbia"
    and "African-American" are not countries.
    """
    key = " ".join(name.lower().replace("’s", "").replace("'s", "").split()).removeprefix("the ")
    names = _country_names()
    return names.get(key) or (names.get(key[:-1]) if key.endswith("s") else None)  # "Palestinians"


def role_of(words: Iterable[str]) -> str | None:
    """The role code of the first role word in ``words`` ("opposition", "lawmakers", "police")."""
    tokens = [w.lower() for w in words]
    for size in (2, 1):
        for i in range(len(tokens) - size + 1):
            phrase = " ".join(tokens[i : i + size])
            role = ROLES.get(phrase) or (ROLES.get(phrase[:-1]) if phrase.endswith("s") and len(phrase) > 3 else None)
            if role:
                return role
    return None


def agent_code(country: str, words: Iterable[str], agents: Agents | None = None) -> str | None:
    """``country`` with the role ``words`` give it ("foreign minister" → GOVFRM, "MSF" → NGO+ARN,
    "shadow chancellor" → OPP).

    The agents table (the shipped Phoenix one unless ``agents`` is given) comes first, then
    dateline's own title words; None when no word gives a role.
    """
    tokens = list(words)
    if any(token.lower() == "shadow" for token in tokens):
        return f"{country}OPP"  # "shadow foreign secretary": the opposition's spokesperson for the office
    found = (agents or default_agents()).role(tokens)
    if found is not None:
        return found.apply(country)
    role = role_of(tokens)
    return f"{country}{role}" if role else None


def code_from_title(
    words: Iterable[str], extra: dict[str, str] | None = None, agents: Agents | None = None
) -> str | None:
    """``GBRGOV`` from "British Prime Minister": a country and a role. Without a country, the
    organisation the title names: "U.N. Secretary-General" → UNO, "Taliban spokesman" → AFGREB,
    "Pentagon spokesman" → USAGOV. None when the title names neither."""
    tokens = list(words)
    country = country_of(tokens, extra)
    if country:
        return agent_code(country, tokens, agents)
    return organisation_in(tokens)


#: Seats of government that stand for it in a title ("Kremlin spokesman"); capitals do not
#: ("London Mayor", "Paris prosecutor" are no national government).
_SEATS = ("kremlin", "white house", "downing street", "whitehall", "élysée", "elysee", "pentagon", "state department")


def organisation_in(words: Sequence[str]) -> str | None:
    """The code of the first organisation named in ``words`` (longer names first): an IGO, a
    seat of government or an organisation of the shipped table; None when there is none."""
    tokens = [w.removesuffix("’s").removesuffix("'s") for w in words]
    for size in range(min(len(tokens), 7), 0, -1):
        for i in range(len(tokens) - size + 1):
            name = " ".join(tokens[i : i + size])
            key = name.lower().removeprefix("the ")  # "The Washington" of "The Washington Post"
            if key in METONYMS and key not in _SEATS:
                continue
            if size == 1 and not name[:1].isupper():
                continue  # "who" is the WHO only when written as a name
            code = code_for_name(name)
            if code:
                return code
    return None


def capital_code(name: str) -> str | None:
    """``RUSGOV`` for "Moscow" or "the Kremlin": a seat of government standing for it."""
    country = METONYMS.get(name.lower().removeprefix("the "))
    return f"{country}GOV" if country else None


def code_for_name(name: str) -> str | None:
    """Codes for names that are actors by themselves: countries, metonyms, IGOs, and the
    organisations of the shipped table (:mod:`dateline.actors.organisations`)."""
    key = name.lower().removeprefix("the ")
    if key in IGOS:
        return IGOS[key]
    if key in METONYMS:
        return f"{METONYMS[key]}GOV"
    return _country_names().get(key) or organisation_code(key)
