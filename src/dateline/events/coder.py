"""Source–action–target events from the dependency parse, coded in CAMEO.

For every verb in a sentence the coder finds

- the **action**: the verb's CAMEO code from the verb dictionary (its patterns see the verb's
  objects and prepositional phrases: "freeze aid" is 162, "freeze relations" 160), or, for a
  light verb with no code, the action its object names ("mounted an invasion": invade);
- its **frame**: a negation ("would not provide aid": reject, 12x), an intent ("is prepared to
  commit troops", "said it would send troops": 03x; "threatened to attack": 13x), an appeal or
  a demand ("urged Trump to provide": 02x/10x; the one urged is the target; "said Sudan must
  return", "wants Putin to attack", "its demand that Israel ease": the clause's subject is) or
  a refusal ("refused to meet": 12x);
- the **source**: the subject, climbing through control verbs ("push X to provide": X; "is
  ready to": the subject of "is"), shared subjects of coordinated verbs, relative pronouns
  ("Trump, who has launched": Trump), passive agents ("was attacked by X"), he/she resolved
  with the quote speaker rules, and they/them by salience (``Coder._recent_collective``);
- the **target**: the preposition the matching pattern names, else the direct object, the
  dative, or the object of a relational preposition (to, with, against, on...).

Sources and targets are the story's actor records (with their codes), or noun phrases whose
modifiers name a country and a role ("British troops" → GBRMIL). Compound actors ("Gondor and
Arnor") give one event per actor.

Statements are events of their speakers: when a quote (or "called X a dictator") evaluates an
actor ("Putin was the aggressor", "Trump can be trusted"), the speaker criticises/accuses (111,
112) or praises (051) that actor; words saying an actor invaded or attacked accuse it of
aggression (1123).

An event needs a coded source and a coded target that differ; events inside one government
(both sides the same country, roles GOV/MIL or none) are dropped: dateline records relations
between actors, as the CAMEO-based datasets do.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actors.agents import Agents
from ..actors.codes import agent_code, code_for_name, country_of
from ..actors.component import HOME_ROLES, home_country
from ..actors.dictionary import ActorDictionary
from ..actors.places import is_country
from ..actors.resolve import PRONOUNS_FEMALE, PRONOUNS_MALE, Resolver
from ..syntax import subject_head
from . import cameo
from .verbs import NO_EVENT, Pattern, Verb, VerbDictionary, Word, match_reach, match_sequence

# The words that frame a verb's complement ("prepared to commit", "urged him to provide").
FRAME_HEADS = {
    "intent": {
        "prepare",
        "plan",
        "intend",
        "promise",
        "pledge",
        "vow",
        "offer",
        "agree",
        "want",
        "seek",
        "aim",
        "decide",
        "ready",
        "willing",
        "prepared",
        "vote",
        "commit",
        "move",
        "propose",
        "hope",
        "expect",
        "set",
        "determined",
        "eager",
        "keen",
    },
    "threat": {"threaten"},
    "appeal": {
        "urge",
        "ask",
        "push",
        "press",
        "encourage",
        "appeal",
        "invite",
        "implore",
        "beg",
        "lobby",
        "plead",
        "call",
        "persuade",
        "convince",
    },
    "demand": {"demand", "insist", "require", "order", "tell", "instruct", "force", "pressure"},
    "reject": {"refuse", "decline", "reject", "fail", "resist", "oppose"},
}
_FRAME_OF = {word: kind for kind, words in FRAME_HEADS.items() for word in words}

# Evaluations that make a statement about an actor an event of its speaker.
CRITICISM = {
    "aggressor",
    "dictator",
    "tyrant",
    "liar",
    "criminal",
    "terrorist",
    "murderer",
    "thug",
    "invader",
    "occupier",
    "enemy",
    "threat",
    "dangerous",
    "corrupt",
    "incompetent",
    "disgrace",
    "disgraceful",
    "shameful",
    "irresponsible",
    "reckless",
    "illegitimate",
    "fascist",
    "traitor",
    "puppet",
    "racist",
    "hypocrite",
    "hypocritical",
    "unacceptable",
    "provocative",
    "hostile",
    "untrustworthy",
    "unreliable",
    "butcher",
    "warmonger",
    "bully",
    "despot",
    "autocrat",
    "aggression",
    "menace",
    "villain",
    "coward",
}
ACCUSATION = {"blame", "responsible", "responsibility", "guilty", "culprit", "complicit", "accountable"}
_BEARING = {"bear", "carry", "shoulder"}  # "they bear full responsibility for the conflict"
PRAISE = {
    "trust",
    "trustworthy",
    "reliable",
    "right",
    "correct",
    "friend",
    "ally",
    "partner",
    "hero",
    "brave",
    "courageous",
    "honest",
    "wise",
    "admirable",
    "excellent",
    "wonderful",
    "fantastic",
    "great",
    "strong",
    "credible",
    "serious",
    "statesman",
}
# Heads that make a country-modified noun an actor without a role word ("Iraqi forces" has one).
_GROUP_NOUNS = {
    "people", "side", "delegation", "population", "citizen", "national", "team", "state", "country", "nation",
    "man", "woman", "person", "child", "prisoner", "activist", "worker", "tourist", "refugee", "migrant",
    "resident", "hostage", "missionary", "villager", "fighter", "community", "group", "coalition",
}  # fmt: skip
# "Iranian-backed militias", "US-funded rebels": the country that backs a group is not its own.
_BACKING = {"back", "sponsor", "support", "fund", "finance", "arm", "train", "equip", "supply", "bankroll"}
# Attacks that stand for whoever made them: "killed by a Russian airstrike" (RUS).
_ATTACK_NOUNS = {
    "airstrike", "strike", "shelling", "bombing", "bombardment", "raid", "attack", "offensive",
    "missile", "rocket", "fire", "gunfire",
}  # fmt: skip
# Words for people that no agent dictionary codes, so that "they" after them is not a country.
_PEOPLE = {
    "official", "leader", "member", "supporter", "critic", "opponent", "ally", "partner", "voter",
    "candidate", "lawmaker", "politician", "senator", "expert", "analyst", "authority", "force",
    "negotiator", "diplomat", "investigator", "prosecutor", "lawyer", "protester", "student",
    "family", "parent", "friend", "neighbor", "neighbour", "colleague", "employee", "staff", "aide",
    "adviser", "advisor", "spokesman", "spokeswoman", "representative", "party", "administration",
}  # fmt: skip
_ANIMATE_NOUNS = _GROUP_NOUNS | _PEOPLE
# Nouns an organisation's name can modify and still name only it: "the Hamas movement".
_ORG_NOUNS = {"movement", "group", "network", "organization", "organisation", "faction", "militia", "party", "front"}
# The organisation nouns a story calls an organisation it has named by ("the group", "the
# militia"); not "party" and "front", which name no one without their own words.
_ORG_ANAPHORS = _ORG_NOUNS - {"party", "front"}
_MUTUAL_ROOTS = {"03", "04", "05", "06", "19"}
# Diplomatic cooperation aimed at something: "Saudi Arabia and Oman welcomed the prospect of
# talks" is no praise of each other (praise, verbal defence, rallying support, recognition,
# apology, forgiveness), where "signed an agreement" (057) is mutual.
_DIRECTED = {"051", "052", "053", "054", "055", "056"}
# A joint subject offering something offers it together, not to each other ("Egypt and Saudi
# Arabia offered to host talks"), as "agreed to meet" is mutual.
#: What two sides fight with each other: "fought a war", "exchanged fire", "traded blows".
_FIGHTS = {"war", "battle", "fire", "gunfire", "clash", "fight", "skirmish", "firefight", "blow", "shot", "salvo"}
_OFFERING = {"offer", "propose", "volunteer"}
_SAYING = {"say", "tell", "add", "state", "note", "announce", "report", "declare", "write"}
# Complements of these are not events that happened: "prevent Putin launching an assault".
_NONFACTUAL = {"prevent", "stop", "deter", "avoid", "block", "halt", "fear", "deny", "forbid", "prohibit"}
# Claims these reject are not events: "dismissed reports that Russia had attacked Ukraine".
_DENYING = {"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contradict", "debunk"}
# Modals that make an action a possibility ("could strike"), not one that happened or is meant.
_POSSIBLE = {"could", "might", "may"}
_AGGRESSION_ROOTS = {"18", "19", "20"}  # assault, fight, mass violence
# "Russia said Sudan must return the helicopter": what someone says another must or should do
# is a demand on (appeal to) that other.
_OBLIGATION = {"must": "demand", "should": "appeal"}
# Nouns whose clause says what is asked of its subject ("its demand that Israel ease …").
_DEMAND_NOUNS = {"demand", "ultimatum", "insistence", "order"}
_APPEAL_NOUNS = {"call", "appeal", "plea", "request", "urging"}
_WARNING_NOUNS = {"warning", "reminder", "message", "statement", "notice"}
_WANTING = {"want", "wish", "like", "need", "prefer"}  # "wants Putin to attack": an appeal to Putin
_STATING = _SAYING | {
    "insist", "reiterate", "repeat", "stress", "warn", "believe", "think", "maintain", "argue", "remind",
}  # fmt: skip
# Pronoun subjects of a demand that stand for whom the demand is addressed to.
_ADDRESSEE_PRONOUNS = {"it", "they"}
_CALLING_VERBS = {"call", "describe", "label", "brand", "dub", "denounce", "term"}
# "Iraq said it would allow the inspectors back": what an actor announces it will do is a
# promise (intent, 03x) or a threat (13x), as CAMEO codes statements of future action.
_FUTURE = {"will", "would", "'ll", "shall", "wo"}
_ANNOUNCING = _SAYING | {
    "confirm", "warn", "insist", "reiterate", "repeat", "stress", "indicate", "signal", "pledge",
    "promise", "vow", "reply",
}  # fmt: skip
_PRONOUN_SUBJECTS = {"it", "they", "he", "she", "we", "i"}

# Verbs that take their meaning from their object ("mounted an invasion", "tightened the
# blockade"), and the actions such objects name, coded as that verb when the light verb has no
# code of its own.
_LIGHT_VERBS = {
    "mount", "launch", "conduct", "stage", "wage", "tighten", "intensify", "step", "begin", "start",
    "continue", "resume", "impose", "make", "hold", "pay", "undertake", "perform", "unleash",
    "escalate", "expand", "extend", "issue", "deliver", "lodge", "file", "give", "carry", "press",
}  # fmt: skip
# Refusals whose object no pattern of the dictionary names: CAMEO's REFUSE block has no code of
# its own ([---]), so "rejected an Australian ultimatum" would be no event; it is a rejection
# (120, "reject, not specified below") of the object's owner. Not "deny" ("denied the reports"
# is a denial, 016, and "denied entry" a refusal of another kind).
_REFUSING = {"reject", "refuse"}
REJECT_CODE = "120"
# Verbs that announce an action their object names ("announced a ban on imports").
_PROCLAIMING = {"announce", "declare", "order", "unveil"}
# Verbs of decision: what they decide on is the action ("agreed sanctions against Russia").
_DECIDING = {"agree", "approve", "adopt", "endorse", "finalise", "finalize"}
# Undertaking an effort names the action by its purpose: "launched efforts to find a peace
# deal" is seeking a deal (CAMEO.2.0 has only "LAUNCH * EFFORT", an unspecified appeal, 020).
_UNDERTAKING = {
    "launch", "lead", "begin", "start", "step", "intensify", "redouble", "continue", "pursue",
    "spearhead", "resume", "make", "mount", "renew", "head", "undertake", "join",
}  # fmt: skip
_EFFORTS = {"effort", "attempt", "bid", "drive", "campaign", "initiative", "push"}
# A pattern of these words alone says no more than the effort's purpose does ("LAUNCH * EFFORT",
# and "LEAD * TO", which the purpose's "to" matches).
_EFFORT_WORDS = {"EFFORT", "EFFORTS", "TO"}
# A story's theatre: the country its war is in ("the war in Ukraine", "an assault on Ukraine",
# "invaded Ukraine"), the recipient of aid and peacekeeping the text gives no recipient for.
_WAR_NOUNS = {
    "war", "conflict", "fighting", "invasion", "assault", "offensive", "attack", "occupation",
    "aggression", "bombardment", "siege", "shelling", "bombing", "airstrike", "incursion", "strike",
    "raid",
}  # fmt: skip
# War nouns that are other things too ("a general strike in France", "a police raid in Paris"):
# they count only when aimed at a place ("air strikes on Gaza", "a raid into Lebanon").
_AIMED_NOUNS = {"strike", "raid", "attack"}
_AIMED_PREPS = {"on", "against", "into"}
_WAR_VERBS = {
    "invade", "attack", "occupy", "bomb", "shell", "bombard", "besiege", "assault", "pound", "hit",
    "strike",
}  # fmt: skip
# Objects that make a war verb no attack: "struck a deal in Vienna", "hit a record".
_PEACEFUL_OBJECTS = {
    "deal", "agreement", "accord", "bargain", "pact", "compromise", "balance", "chord", "tone", "note",
    "record", "high", "low", "market", "target", "nerve", "button", "road", "headline",
}  # fmt: skip
#: Roles of a country's people, not its state: whom "the government" they act on is their own.
_PEOPLE_ROLES = {"CVL", "OPP", "EDU", "LAB", "REL", "MED", "BUS", "AGR", "HLH", "ELI"}
#: The two sides of a story's dispute: "both sides", "the two countries", "the two neighbours".
_SIDES = {"side", "country", "nation", "neighbour", "neighbor", "rival", "government", "adversary", "foe"}
# Prepositions that place a group where it acts ("protesters rallied in Belgrade").
_PLACING = ("in", "at", "across", "outside")
# A war in the past is background, not the story's theatre: "since the 2003 war in Iraq".
_PAST_PREPS = {"since", "during", "after", "before", "until"}
_THEATRE_PREPS = {"in", "on", "against", "of", "into", "inside", "between"}
#: Codes whose recipient, when the text names none, is the theatre: military and humanitarian
#: aid, peacekeeping and security guarantees provided, promised, asked for or refused ("would
#: not provide security guarantees", "is prepared to commit British troops to a peacekeeping
#: mission"). Not economic aid, which a story about a war can give to anyone.
_AID_PREFIXES = ("072", "073", "074", "0232", "0233", "0234", "0332", "0333", "0334", "1222", "1223", "1224")
#: What troops are committed to, which is no recipient: "to a peacekeeping force".
_MISSIONS = {"force", "mission", "operation", "contingent", "deployment"}
#: Recipients of aid no actor code names, which keep the theatre out: "aid to flood victims".
_RECIPIENTS = {"victim", "survivor", "civilian", "farmer", "family", "household", "patient", "community"}
NOMINALS = {
    "invasion": "invade", "occupation": "occupy", "attack": "attack", "assault": "assault",
    "raid": "raid", "airstrike": "bomb", "bombing": "bomb", "bombardment": "bombard",
    "shelling": "shell", "blockade": "blockade", "siege": "besiege", "sanction": "sanction",
    "embargo": "embargo", "boycott": "boycott", "withdrawal": "withdraw", "deployment": "deploy",
    "visit": "visit", "mediation": "mediate", "investigation": "investigate", "probe": "probe",
    "inquiry": "investigate", "arrest": "arrest", "expulsion": "expel", "evacuation": "evacuate",
    "protest": "protest", "demonstration": "demonstrate", "welcome": "welcome",
    "criticism": "criticize", "condemnation": "condemn", "warning": "warn", "threat": "threaten",
    "apology": "apologize", "accusation": "accuse", "invitation": "invite",
    "negotiation": "negotiate", "recognition": "recognize", "crackdown": "suppress",
    "offensive": "attack", "strike": "strike", "ban": "ban", "appeal": "appeal", "suspension": "suspend",
}  # fmt: skip

# Verbs of leaving a place: their object is where the journey starts, not whom it is to.
_DEPARTING = {"depart", "leave"}
# Prepositions whose object can be an event's target, in order of preference.
_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "at", "from", "over", "for", "upon")
# Prepositions that make a place of the country or city after them.
_LOCATIVE = {"in", "to", "at", "into", "near", "from", "across", "inside", "around", "through", "toward", "towards"}
#: Prepositions of time and circumstance: what follows them is no party to a joint subject's
#: mutual action ("agreed to cooperate following attacks by extremists").
_CIRCUMSTANCES = {"after", "following", "during", "amid", "amidst", "despite", "since", "until", "ahead"}
_CLAUSE_DEPS = {"ccomp", "advcl", "parataxis", "conj", "relcl", "punct", "cc", "mark", "csubj"}
_RELATIVE = {"who", "which", "that", "whom"}
_PERSONAL = PRONOUNS_MALE | PRONOUNS_FEMALE
_PLURAL = {"they", "them"}
_PLURAL_WINDOW = 2  # sentences before a plural pronoun searched for the country it stands for
_TELLING = {"tell", "brief", "inform", "assure", "warn", "remind", "address"}
_SALIENCE = {"nsubj": 80, "nsubjpass": 80, "expl": 70, "attr": 70, "dobj": 50, "dative": 40}
_PLURAL_CHAIN = 5  # "they … they … they": how many pronouns back a chain is followed


@dataclass(frozen=True)
class Party:
    code: str
    start: int
    end: int
    actor: str | None = None  # the actor record's id
    name: str | None = None

    @property
    def country(self) -> str:
        return self.code[:3]

    @property
    def role(self) -> str:
        return self.code[3:6]


@dataclass
class Action:
    code: str
    trigger: Token
    frame: str | None
    negated: bool
    pattern: Pattern | None
    target_from: Token  # the token whose arguments hold the target (the trigger's subject is the source)
    reverse: str | None = None  # the code of the target's side of a reciprocal event (043 for 042)
    swap: bool = False  # the code is the target's action on the source ("[:173]")
    target_is_subject: bool = False  # the target is target_from's subject ("said Sudan must return")


#: Prepositions a reciprocal pattern names its counterpart with ("- * WITH [190:190]": "clashed with").
_COUNTERPART_PREPS = frozenset({"with", "between", "among", "against"})


#: Verbs of CAMEO's DESTROY block (190) that news mostly uses of things, not of an enemy:
#: "overcame resistance from Hungary", "overshadowed the summit".
_FIGURATIVE = frozenset({"overcome", "surmount", "overshadow", "overtake", "dominate", "master", "best"})


def _figurative(action: Action, target: Token | None) -> bool:
    """Whether a force verb is used of a thing: its target is not its direct object (the one
    overcome, dominated), so no one is attacked ("overcame resistance from Hungary")."""
    if action.trigger.lemma_.lower() not in _FIGURATIVE or action.code[:2] not in ("18", "19", "20"):
        return False
    return target is None or target.dep_ != "dobj" or target.head.i != action.trigger.i


def _counterpart(action: Action, target: Token | None) -> bool:
    """Whether the target is the counterpart of a reciprocal pattern: when the pattern names it
    with a preposition ("clashed with police"), the target must be that preposition's object;
    "struck Russian refineries with drones" matches "* WITH" through the drones, and Russia
    strikes nothing back."""
    words = {w.lstrip("(").lower() for w in (action.pattern.post if action.pattern is not None else ())}
    preps = words & _COUNTERPART_PREPS
    if not preps:
        return True
    return target is not None and target.dep_ == "pobj" and target.head.lower_ in preps


class Coder:
    """Built once per Doc: finds and codes the events of that Doc."""

    def __init__(
        self,
        doc: Doc,
        actors: list[dict[str, Any]],
        quotes: list[dict[str, Any]],
        verbs: VerbDictionary,
        agents: Agents | None = None,
        dictionary: ActorDictionary | None = None,
    ) -> None:
        self.agents = agents
        self.dictionary = dictionary
        self.doc = doc
        self._text = doc.text  # once: Doc.text joins the whole Doc on every call
        self.quotes = quotes
        self.verbs = verbs
        self._resolver: Resolver | None = None  # built on the first pronoun
        self._sentences: list[Span] | None = None
        self._plural: dict[int, Party | None] = {}  # plural pronouns resolved so far
        self._consumed: set[int] = set()  # verbs whose frame already made them no event
        self._named: set[int] | None = None  # tokens of actor mentions, found on first use
        self._theatre: list[Party] | None = None  # the theatre's mentions, found on first use
        self._mentions = sorted(
            ((m["start"], m["end"], actor) for actor in actors for m in actor.get("mentions", ())),
            key=lambda item: (item[0], item[1]),
        )
        self._by_name = {a["name"]: a for a in actors}
        self._by_id = {a["id"]: a for a in actors}
        self.home = home_country(doc, actors)

    # -- actors -----------------------------------------------------------------------------

    @property
    def resolver(self) -> Resolver:
        if self._resolver is None:
            self._resolver = Resolver(self.doc, self.dictionary)  # as the quotes component resolves
        return self._resolver

    def _mention_at(self, start: int, end: int) -> tuple[int, int, dict[str, Any]] | None:
        for a, b, actor in self._mentions:
            if a <= start and end <= b:
                return a, b, actor
            if a > end:
                break
        return None

    def _actor_at(self, start: int, end: int) -> dict[str, Any] | None:
        found = self._mention_at(start, end)
        return found[2] if found else None

    def _recent_collective(self, token: Token, depth: int = 0) -> Party | None:
        """The country, organisation or group a plural pronoun stands for, or None.

        The candidates are the plural noun phrases, countries and organisations before the
        pronoun in its sentence and the two before, and earlier plural pronouns (what they
        stand for). Each is weighed as in Lappin and Leass's salience: subjects over objects
        over other places, halved for every sentence back. The most salient wins, and when it
        is not a coded actor ("his tax returns … they would reveal") the pronoun has no code,
        unless only an actor fits the pronoun's place (:meth:`_needs_actor`) and the plural
        names no people (:meth:`_animate`): efforts do not invade.
        (Lappin and Leass 1994, "An algorithm for pronominal anaphora resolution", with their
        weights for recency, subject, existential, object, indirect object and non-adverbial.)
        In a direct quote the speaker's side is "we" and the ones told are "you", so neither is
        a candidate there ("He told reporters: “They are the aggressor”"); nor are "no …"
        phrases.
        """
        if token.i in self._plural:
            return self._plural[token.i]
        # In progress: "each of them … they …" can lead back here through the candidates'
        # own phrases; such a loop finds nothing.
        self._plural[token.i] = None
        index = self._sentence_index(token)
        quote = next((q for q in self.quotes if q.get("kind") == "direct" and q["start"] <= token.idx < q["end"]), None)
        speaker = self._by_id.get(quote.get("actor_id") or "") if quote else None
        own_side = (speaker.get("code") or "")[:3] if speaker else ""
        agent = self._needs_actor(token)
        best: tuple[float, Party | None] = (0.0, None)
        for back in range(min(index, _PLURAL_WINDOW) + 1):
            sentence = self.sentences[index - back]
            for before in sentence if back else self.doc[sentence.start : token.i]:
                if before.dep_ in ("compound", "amod", "poss", "nmod") or (
                    before.dep_ == "conj" and before.head.pos_ in ("NOUN", "PROPN")
                ):
                    continue  # not a phrase's head, or a later conjunct of one already weighed
                party: Party | None
                if before.lower_ in _PLURAL:
                    party = self._recent_collective(before, depth + 1) if depth < _PLURAL_CHAIN else None
                elif before.pos_ in ("NOUN", "PROPN") and (before.tag_ in ("NNS", "NNPS") or before.conjuncts):
                    if _addressee(before, quote) or any(c.lower_ == "no" for c in before.children):
                        continue
                    party = None if before.conjuncts else self._group(before, 1)
                    if party is None and agent and not self._animate(before):
                        continue  # "efforts … They have invaded": only an actor invades
                else:
                    if before.dep_ == "pobj" and before.head.lower_ in _LOCATIVE:
                        continue  # "travelling to Washington", "talks in Amman": a place, not a party
                    actor = self._actor_at(before.idx, before.idx + len(before.text))
                    if actor is None or actor.get("type") == "person" or not actor.get("code"):
                        continue
                    party = Party(actor["code"], 0, 0, actor["id"], actor["name"])
                if party is not None and own_side and party.country == own_side:
                    continue
                adverbial = before.dep_ == "pobj"  # "In case of a war against Iran, they …"
                weight = (100 + _SALIENCE.get(before.dep_, 0) + (0 if adverbial else 50)) / 2**back
                if weight >= best[0]:
                    best = (weight, party)
        found = best[1]
        if found is not None:
            found = Party(found.code, token.idx, token.idx + len(token.text), found.actor, found.name)
        self._plural[token.i] = found
        return found

    def _coordinated_owners(self, noun: Token) -> list[Party]:
        """The groups of the later countries in "Indian and Pakistani troops" (PAKMIL; the
        phrase itself is the first's, INDMIL)."""
        found: list[Party] = []
        for first in (c for c in noun.children if c.dep_ == "amod" and c.conjuncts):
            for adjective in first.conjuncts:
                actor = self._actor_at(adjective.idx, adjective.idx + len(adjective.text))
                if actor is None or actor.get("type") != "country" or not actor.get("code"):
                    continue
                country = actor["code"][:3]
                code = agent_code(country, [noun.text], self.agents) or country
                found.append(Party(code, adjective.idx, noun.idx + len(noun.text), None, None))
        return found

    def _located(self, subject: list[Token], verb: Token) -> tuple[list[Party], Token | None]:
        """A civilian group the text gives no country, placed by where it acts: "Thousands of
        protesters rallied in Belgrade" are Serbian (SRBCVL). Not armed forces, which act
        abroad as often as at home ("troops in Afghanistan"). With the place that placed them."""
        places = [
            obj
            for v in (verb, *verb.ancestors)
            if v.pos_ in ("VERB", "AUX")
            for prep in v.children
            if prep.dep_ == "prep" and prep.lower_ in _PLACING
            for obj in prep.children
            if obj.dep_ == "pobj"
        ][:1]
        if not places:
            # "rallied against President William Ruto in Nairobi": the parser hangs the place
            # on the person; a person is in no place of that kind, the rally is
            places = [
                place
                for person in (o for p in verb.children if p.dep_ == "prep" for o in _objects(p))
                if person.ent_type_ == "PERSON"
                for prep in person.children
                if prep.dep_ == "prep" and prep.lower_ in _PLACING
                for place in prep.children
                if place.dep_ == "pobj" and place.ent_type_ in ("GPE", "LOC", "FAC")
            ][:1]
        found: list[Party] = []
        for token in (_counted(s) for s in subject):
            party = self._group(token, 0, place=places[0]) if places and token.pos_ == "NOUN" else None
            if party is not None and party.role not in ("MIL", "REB", "UAF", "SPY"):
                found.append(party)
        return found, places[0] if found else None

    @property
    def theatre(self) -> list[Party]:
        """The mentions of the story's theatre, the one country its war or attacks are in or on
        ("the war in Ukraine", "a fresh assault on Ukraine", "invaded Ukraine", "the Gaza
        war"); empty unless one country is named so more often than every other. A war in the
        past ("since the 2003 war in Iraq") does not count."""
        if self._theatre is None:
            seen: list[Party] = []
            counts: collections.Counter[str] = collections.Counter()
            for token in self.doc:
                lemma = token.lemma_.lower()
                if token.pos_ == "NOUN" and lemma in _WAR_NOUNS:
                    if token.head.dep_ == "prep" and token.head.lower_ in _PAST_PREPS:
                        continue
                    preps = _AIMED_PREPS if lemma in _AIMED_NOUNS else _THEATRE_PREPS
                    places = [o for p in token.children if p.dep_ == "prep" and p.lower_ in preps for o in _objects(p)]
                    places += [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
                elif token.pos_ == "VERB" and lemma in _WAR_VERBS:
                    # "invaded Ukraine", "pounded the power grid in Ukraine"
                    places = [c for c in token.children if c.dep_ == "dobj"]
                    if any(c.lemma_.lower() in _PEACEFUL_OBJECTS for c in places):
                        continue
                    places += [
                        o
                        for t in (token, *places)
                        for p in t.children
                        if p.dep_ == "prep" and p.lower_ in ("in", "on")
                        for o in _objects(p)
                    ]
                else:
                    continue
                # each country once per war: "the war between the army and the RSF" is Sudan's
                found = [
                    p
                    for place in places
                    for p in self.parties(place)
                    if not self._is_region(p) and is_country(p.country)
                ]
                counts.update({p.country for p in found})
                seen += found
            ranked = counts.most_common(2)
            if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
                self._theatre = []
            else:
                self._theatre = [dataclasses.replace(p, code=p.country) for p in seen if p.country == ranked[0][0]]
        return self._theatre

    def _theatre_for(self, action: Action, source: Party, candidates: list[Token]) -> Party | None:
        """The theatre as the recipient of aid or peacekeeping that names none: its mention
        nearest before the trigger (else the first after); never the source's own country, and
        not when the text names a recipient no code covers ("sent aid to flood victims")."""
        if not action.code.startswith(_AID_PREFIXES) or action.swap:
            return None
        for token in candidates:
            if token.dep_ == "dative" or (token.dep_ == "pobj" and token.head.lower_ in ("to", "for")):
                if token.lemma_.lower() in _MISSIONS or agent_code("", [token.text], self.agents) == "MIL":
                    continue  # "troops committed to a peacekeeping force": the force is no recipient
                if (
                    token.head.lower_ == "for"  # "security for the convention": what it is for
                    or token.pos_ in ("PROPN", "PRON")
                    or self._animate(token)
                    or token.lemma_.lower() in _RECIPIENTS
                ):
                    return None
        mentions = [p for p in self.theatre if p.country != source.country]
        if not mentions:
            return None
        before = [p for p in mentions if p.start < action.trigger.idx]
        return before[-1] if before else mentions[0]

    def _own_institution(self, sources: list[Party], candidates: list[Token]) -> Party | None:
        """A state institution the text gives no country ("the government", "the police"), as
        the target of a group of the people of one country ("Kenyans protested against the
        government", "students in Dhaka accused the police"): their own country's."""
        countries = {p.country for p in sources}
        if len(countries) != 1 or any(p.role not in _PEOPLE_ROLES for p in sources):
            return None
        country = countries.pop()
        for token in candidates:
            if token.pos_ != "NOUN" or self.parties(token):
                continue
            role = agent_code(country, [token.text], self.agents)
            if role is not None and role[3:6] in HOME_ROLES - {"OPP"}:
                return Party(role, token.left_edge.idx, token.idx + len(token.text), None, None)
        return None

    def _both_sides(self, token: Token) -> list[Party]:
        """ "Both sides", "the two countries": the two countries the story names most before the
        sentence of ``token``, when two stand out (each named twice or more, the second more
        often than any third): "China called on both sides to exercise restraint" after a
        story of India and Pakistan. Each party's span is the phrase's."""
        if token.lemma_.lower() not in _SIDES:
            return []  # parties() asks of every noun: the cheap test first
        words = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet", "preconj")}
        if not ("both" in words or {"the", "two"} <= words):
            return []  # "sanctioned two countries": not the story's two
        before = token.sent.start_char
        latest: dict[str, dict[str, Any]] = {}
        counts: collections.Counter[str] = collections.Counter()
        for start, _end, actor in self._mentions:
            code = actor.get("code") or ""
            if start >= before or len(code) < 3 or not is_country(code[:3]):
                continue
            counts[code[:3]] += 1
            latest[code[:3]] = actor
        ranked = counts.most_common(3)
        if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
            return []
        phrase = (token.left_edge.idx, token.idx + len(token.text))
        return [Party(country, *phrase, latest[country]["id"], latest[country]["name"]) for country, _ in ranked[:2]]

    def _is_region(self, party: Party) -> bool:
        return bool(party.actor) and self._by_id[party.actor].get("type") == "region"

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = list(self.doc.sents)  # on first use, by the pronoun and "the group" rules
        return self._sentences

    def _sentence_index(self, token: Token) -> int:
        return next(i for i, s in enumerate(self.sentences) if s.start <= token.i < s.end)

    def _recent_group(self, token: Token) -> Party | None:
        """The organisation "the group" stands for: the last one named before it, in its
        sentence or the two before ("Hezbollah … hours after the group fired rockets")."""
        index = self._sentence_index(token)
        window = self.sentences[max(0, index - _PLURAL_WINDOW)].start_char
        named = [
            actor
            for a, b, actor in self._mentions
            if window <= a and b <= token.idx and actor.get("type") == "organisation" and actor.get("code")
        ]
        if not named:
            return None
        return Party(named[-1]["code"], token.idx, token.idx + len(token.text), named[-1]["id"], named[-1]["name"])

    def _needs_actor(self, pronoun: Token) -> bool:
        """Whether only an actor fits the pronoun's place: the subject of an attack ("they have
        invaded") or of a charge ("they are the aggressor"). Elsewhere things can be subjects too
        ("his tax returns … they would reveal")."""
        if pronoun.dep_ != "nsubj":
            return False
        if _evaluation(pronoun.head) in ("111", "112"):
            return True
        code = self.code_verb(pronoun.head)[0]
        return code is not None and code[:2] in _AGGRESSION_ROOTS

    def _animate(self, noun: Token) -> bool:
        """Whether a noun with no code can still name people or an organisation ("protesters",
        "officials", "both sides"): a name, an agent word, or a word for a group of people."""
        if noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or noun.lemma_.lower() in _ANIMATE_NOUNS:
            return True
        return self.agents is not None and self.agents.role([noun.lower_]) is not None

    def _party_from_actor(self, actor: dict[str, Any] | None, token: Token) -> Party | None:
        if actor is None or not actor.get("code"):
            return None
        found = self._mention_at(token.idx, token.idx + len(token.text))
        start, end = (found[0], found[1]) if found else (token.idx, token.idx + len(token.text))
        return Party(actor["code"], start, end, actor["id"], actor["name"])

    def party(self, token: Token, depth: int = 0) -> Party | None:
        """The coded actor a noun (or pronoun) stands for, or None."""
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            token = token.head.head
        actor = self._actor_at(token.idx, token.idx + len(token.text))
        if actor is not None and actor.get("code"):
            return self._party_from_actor(actor, token)
        if token.lower_ in ("it", "they") and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ccomp":
            # "Ethiopia indicated it would act": the reporting clause's subject, when not a person
            for subject in self.subject(token.head.head)[0]:
                governing = self.party(subject, depth + 1) if depth < 2 else None
                if governing is not None and (
                    governing.actor is None or self._by_id[governing.actor].get("type") != "person"
                ):
                    return governing
            if token.lower_ == "it":
                return None
        if token.lower_ in _PLURAL:
            return self._recent_collective(token)
        if token.lower_ in _ORG_ANAPHORS and [c.lower_ for c in token.children] == ["the"]:
            return self._recent_group(token)
        if token.lower_ in _PERSONAL:
            person = self.resolver.resolve_person(self.doc[token.i : token.i + 1])
            named = self._by_name.get(person.name) if person is not None else None
            return self._party_from_actor(named, token)
        if token.pos_ not in ("NOUN", "PROPN") or depth > 2:
            return None
        counted = _counted(token)
        if counted is not token:
            return self.party(counted, depth + 1)  # "thousands of Serbians": the Serbians
        return self._group(token, depth)

    def _group(self, token: Token, depth: int, need_role: bool = True, place: Token | None = None) -> Party | None:
        """A group named by its country and role: "British troops", "lawmakers in Arnor",
        "the government of Gondor", "Danish media and government"."""
        modifiers = [c for c in token.lefts if c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
        country: str | None = None
        owners: set[int] = set()
        for mod in modifiers:
            owner = self._actor_at(mod.idx, mod.idx + len(mod.text))
            if owner is not None and owner.get("code") and country is None:
                if (
                    owner.get("type") == "organisation"
                    and mod.dep_ == "compound"
                    and token.lemma_.lower() in _ORG_NOUNS
                ):
                    # "the Hamas movement", "the al-Qaeda network": the organisation itself
                    return Party(
                        owner["code"], mod.left_edge.idx, token.idx + len(token.text), owner["id"], owner["name"]
                    )
                country = owner["code"][:3]
                owners.update(t.i for t in mod.subtree)
        # every word of the modifiers, nested ones too ("human rights activists"), but not
        # those of a backer ("Iranian-backed militias" are no Iranian group)
        backers = {t.i for m in modifiers if m.tag_ == "VBN" and m.lemma_.lower() in _BACKING for t in m.subtree}
        start = min((m.left_edge.i for m in modifiers), default=token.i)
        words = [
            t.text
            for t in self.doc[start : token.i]
            if t.i not in owners and t.i not in backers and t.dep_ not in ("det", "case", "punct", "cc", "conj")
        ]
        proper = " ".join(m.text for m in modifiers if m.pos_ == "PROPN")
        if country is None and proper:
            named = code_for_name(proper)  # "White House security officials": the metonym's country
            country = named[:3] if named else None
        role_words = [*words, token.text]
        has_role = agent_code("", role_words, self.agents) is not None
        if country is None:
            country = country_of(role_words)
        attack = not has_role and token.lemma_.lower() in _ATTACK_NOUNS
        if attack:
            # "a Russian airstrike" is Russia's; "an attack in Ithilen" is nobody's
            return (
                Party(country, (modifiers[0] if modifiers else token).idx, token.idx + len(token.text), None, None)
                if country
                else None
            )
        if need_role and not has_role and token.lemma_.lower() not in _GROUP_NOUNS:
            return None  # "a US backstop", "Russian gas": not an actor
        if country is None and place is not None:
            inner = self.party(place, depth + 1)
            country = inner.country if inner is not None else None
        if country is None:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from"):
                    for obj in prep.children:
                        if obj.dep_ != "pobj":
                            continue
                        # "the mayor of the West Bank city of Nablus": any place with a country
                        inner = self.party(obj, depth + 1) or (
                            self._group(obj, depth + 1, need_role=False) if depth < 2 else None
                        )
                        if inner is not None and not (prep.lower_ == "in" and self._is_region(inner)):
                            country = inner.country  # not "a country in Africa": no country is a region
        if country is None and token.dep_ == "conj":
            inner = self.party(token.head, depth + 1)  # "Danish media and government"
            country = inner.country if inner is not None else None
        if country is None and has_role and self.home is not None:
            # "the army" in a story from Khartoum about Sudan: the state's, as the actors have it
            role = agent_code(self.home, role_words, self.agents)
            country = self.home if role is not None and role[3:6] in HOME_ROLES else None
        if country is None:
            return None
        first = modifiers[0] if modifiers else token
        code = agent_code(country, role_words, self.agents) or country
        return Party(code, first.idx, token.idx + len(token.text), None, None)

    def parties(self, token: Token) -> list[Party]:
        """The parties of a noun phrase, one per conjunct ("Gondor and Arnor"; "the ambassadors
        of Arnor, Osgiliath and Gondor")."""
        pair = self._both_sides(token)
        if pair:
            return pair
        found: list[Party | None] = []
        members = [token, *token.conjuncts]
        # "The US, Russia, and Switzerland met": the parser can make a list's second member an
        # apposition of the first, with the rest its conjuncts; a named apposition with
        # conjuncts of its own is no description but the list going on.
        for appos in (c for c in token.children if c.dep_ == "appos" and c.conjuncts and c.pos_ == "PROPN"):
            if self._actor_at(appos.idx, appos.idx + len(appos.text)) is not None:
                members += [appos, *appos.conjuncts]
        for t in members:
            own = self.party(t)
            if own is None:
                # "The lions and the evil awful Gondor": an apposition names the actor
                appositions = [c for c in t.children if c.dep_ == "appos"]
                if appositions:
                    found += [self.party(a) for a in appositions]
                    continue
            places = [
                obj
                for prep in t.children
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "from")
                for obj in prep.children
                if obj.dep_ == "pobj" and obj.conjuncts
            ]
            if places and self._actor_at(t.idx, t.idx + len(t.text)) is None and t.pos_ == "NOUN":
                found += [self._group(t, 0, place=place) for place in (places[0], *places[0].conjuncts)]
            else:
                found.append(own)
                if own is not None and t.pos_ == "NOUN":
                    found += self._coordinated_owners(t)
        return [p for p in found if p is not None]

    # -- arguments ---------------------------------------------------------------------------

    def subject(self, verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
        """The tokens that are ``verb``'s agent, and whether they came from a passive's "by"."""
        for child in verb.children:
            if child.dep_ == "nsubj":
                # one phrase the parser split into sibling subjects: its head, when that names a
                # party ("The opposition Greens"), else the first ("Somali militant group al-Shabab")
                head = subject_head(child)
                subject = head if head == child or self.parties(head) else child
                # a headline's list of subjects, which the parser leaves as an adverb:
                # "Ghana, Togo agree to boost border security cooperation"
                listed = [
                    c
                    for c in verb.children
                    if c.dep_ in ("npadvmod", "dep")
                    and c.pos_ == "PROPN"
                    and c.i + 2 == subject.left_edge.i
                    and self.doc[c.i + 1].text == ","
                ]
                return [*listed, subject], False
        if _FRAME_OF.get(verb.lemma_.lower()) == "intent" or _FRAME_OF.get(verb.lower_) == "intent":
            # "Berlin was prepared to provide": a frame of intent read as a passive
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if passive:
                return passive, False
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects, True
        if depth > 4 or verb.head.i == verb.i:
            return [], False
        head = verb.head
        if _complement(verb) and _FRAME_OF.get(head.lemma_.lower()) in ("appeal", "demand"):
            objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objects:
                return objects, False
        purpose = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if purpose:
            return [], False  # "… to prevent X": whose purpose is not clear enough for an event
        if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "acl", "pcomp") or (
            verb.dep_ == "ccomp" and verb.tag_ == "VBG"
        ):
            return self.subject(head, depth + 1)
        return [], False

    def targets(self, verb: Token, pattern: Pattern | None) -> list[Token]:
        """Candidate target tokens of ``verb``, best first."""
        out: list[Token] = []
        lemma = verb.lemma_.lower()
        if lemma == "leave" and any(c.lower_ == "behind" for c in verb.children):
            return out  # "leaves behind a wife and four children in France": no journey at all
        departing = lemma in _DEPARTING
        preps = [c for c in verb.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ not in ("by",)]
        if pattern is not None and pattern.target_prep:
            want = pattern.target_prep.lower()
            for prep in preps:
                if prep.lower_ == want:
                    out.extend(_objects(prep))
        for child in verb.children:
            if child.dep_ == "dobj" and departing:
                # "departs the UK for Germany": the place left is no target, where to is
                out.extend(o for p in child.children if p.lower_ in ("for", "to") for o in _objects(p))
                continue
            if child.dep_ in ("dobj", "dative", "nsubjpass") and child.pos_ != "ADP":
                out.append(child)
                if child.dep_ == "dobj":
                    # "impose new sanctions on Iran over its supply of drones to Russia": whom
                    # the object is aimed at, before the verb's own phrases (the parser may hang
                    # a later "to Russia" on the verb)
                    out.extend(o for p in child.children if p.lower_ in ("on", "against") for o in _objects(p))
        for name in _TARGET_PREPS:
            for prep in preps:
                if prep.lower_ == name:
                    out.extend(_objects(prep))
        # An object that is an actor the text does not place ("backing the government") is the
        # target, even uncoded: no other noun of the phrase stands in for it. Not forces the
        # subject moves ("mobilized troops against Iraq", "massed its army on the border with
        # Ukraine"): they are the subject's own, and the phrase names whom they are against.
        if any(
            c.dep_ in ("dobj", "dative")
            and self.party(c) is None
            and agent_code("", [c.text], self.agents) not in (None, "MIL")
            for c in verb.children
        ):
            return out
        # Then any noun of the verb's own phrase, in text order: "welcomed a resumption of ties
        # with Osgiliath", "condemned an attack by Osgiliath soldiers".
        # A passive's subject is the target, and so is an actor in its phrase ("a camp for
        # Congolese refugees was attacked"); not the agent ("by Burundian militiamen"), which is
        # the source, though a place after it may be ("killed by a Russian airstrike in Syria").
        starts = [
            c
            for c in verb.children
            if c.dep_ not in (*_CLAUSE_DEPS, "nsubj", "aux", "neg", "auxpass") and not (c.dep_ == "dobj" and departing)
        ]
        excluded = {
            t.i
            for by in verb.children
            if by.dep_ == "agent"
            for o in by.children
            if o.dep_ == "pobj"
            for t in (o, *(w for left in o.lefts for w in left.subtree))
        }
        phrase = [
            t
            for t in _descendants(starts, _CLAUSE_DEPS)
            # heads only: "an attack by Osgiliath soldiers" is the soldiers
            if t.pos_ in ("NOUN", "PROPN", "PRON")
            and t.dep_ not in ("compound", "amod", "nmod", "poss")
            and t.i not in excluded
        ]
        for head in phrase:
            # the head, then its owner: "Ithilen's president" is the president (ITHGOV), but
            # "Gondor's proposals" is Gondor's, and so is "a Gondorian proposal" (the PETRARCH
            # convention: "rejected an Indian proposal" rejects India)
            out.append(head)
            out.extend(
                c
                for c in head.children
                if (c.dep_ in ("poss", "compound") and c.pos_ == "PROPN")
                or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
            )
        # Last, the objects of a purpose clause: "signed an accord to supply Gondor with wheat".
        for child in verb.children:
            if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                out.extend(c for c in child.children if c.dep_ in ("dobj", "dative"))
        # "Arnor believes Dagolath can cope": the reported clause's subject (not for a bare
        # "said": that is the speaker's statement, coded by what was said).
        for child in verb.children if verb.lemma_.lower() not in _SAYING else ():
            if child.dep_ == "ccomp":
                out.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
        return out

    # -- actions -----------------------------------------------------------------------------

    def _words(self, verb: Token) -> tuple[list[Word], list[Word], dict[int, int]]:
        """The subject's words before the verb, the words of its phrase after it, and the
        compounds among those: the position of each modifier's head ("border" and "security" of
        "border security cooperation" → "cooperation")."""
        starts = [c for c in verb.rights if c.dep_ not in _CLAUSE_DEPS]
        after = _descendants(starts, {"relcl", "punct", "ccomp", "advcl"})
        post = [self._pattern_word(t) for t in after]
        at = {t.i: n for n, t in enumerate(after)}
        modifiers: dict[int, int] = {}
        for n, t in enumerate(after):
            head = t
            while head.dep_ == "compound" and head.head.i > head.i:
                head = head.head
            if head is not t and head.i in at:
                modifiers[n] = at[head.i]
        pre: list[Word] = []
        subject, _ = self.subject(verb)
        for s in subject:
            pre.extend(self._pattern_word(t) for t in s.subtree if t.i < verb.i)
        for t in verb.lefts:
            if t.dep_ in ("aux", "neg", "advmod", "auxpass"):
                pre.append(self._pattern_word(t))
        return pre, post, modifiers

    def _pattern_word(self, token: Token) -> Word:
        """The token as a verb pattern sees it. A proper noun in an actor's name is the actor, not
        a word: "demanded a meeting of the Security Council" is a demand for a meeting (106), not
        an appeal about security (&SECURITY, 0212), as PETRARCH reads the sentence once it has
        put the actor's code in place of its name."""
        if self._named is None:
            self._named = {
                t.i for a, b, _ in self._mentions for t in self.doc.char_span(a, b, alignment_mode="expand") or ()
            }
        return _ACTOR_WORD if token.pos_ == "PROPN" and token.i in self._named else _word(token)

    def code_verb(self, verb: Token) -> tuple[str | None, Pattern | None]:
        code, pattern = self._code_verb(verb)
        if pattern is None or all(w.strip("{}()") in _EFFORT_WORDS for w in pattern.post):
            purpose = self._purpose(verb)
            if purpose is not None:
                return purpose
        if verb.lemma_.lower() in _DECIDING and pattern is None:
            # "agreed a new package of sanctions against Russia": the action decided on, when
            # no pattern of the verb's own names it
            nominal = self._code_nominal(verb)
            if nominal[0] is not None:
                return nominal
        if verb.lemma_.lower() in _PROCLAIMING and (code is None or code[:2] == "01"):
            # "announced a suspension of air links with Serbia": the action announced, as a
            # light verb's object names it ("announced sanctions" has a pattern of its own)
            nominal = self._code_nominal(verb)
            if nominal[0] is not None:
                return nominal
        if code is None and pattern is None:
            if verb.lemma_.lower() in _LIGHT_VERBS:
                return self._code_nominal(verb)
            if _refusal(verb):
                return REJECT_CODE, None
        return code, pattern

    def _purpose(self, verb: Token) -> tuple[str, Pattern | None] | None:
        """The code of the purpose of an effort ``verb`` undertakes ("launched efforts with Russia
        to find a peace deal": finding a deal, 030), when that purpose has a code; the purpose
        verb is then no event of its own."""
        if verb.lemma_.lower() not in _UNDERTAKING:
            return None
        for noun in verb.children:
            if noun.dep_ != "dobj" or noun.lemma_.lower() not in _EFFORTS:
                continue
            for inner in noun.children:
                if inner.dep_ != "acl" or inner.pos_ != "VERB":
                    continue
                if not any(c.dep_ == "aux" and c.lower_ == "to" for c in inner.children):
                    continue
                code, pattern = self.code_verb(inner)
                if code and code.partition(":")[0] not in ("", NO_EVENT):
                    self._consumed.add(inner.i)
                    return code, pattern
        return None

    def _code_nominal(self, verb: Token) -> tuple[str | None, Pattern | None]:
        """The code of a light verb's object that names the action: "mounted an invasion of
        Lebanon" is coded as "invade" with the noun's own words ("of Lebanon")."""
        pre: list[Word] | None = None
        for noun in (_contained(c) for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            action = NOMINALS.get(noun.lemma_.lower())
            if action is None:
                continue
            entries = [e for e in self.verbs.lookup((action,)) if not e.particle]
            if pre is None:
                pre = self._words(verb)[0]  # the subject's words, the same for every object
            post = [
                self._pattern_word(t)
                for t in _descendants(list(noun.rights), {"relcl", "punct", "ccomp", "advcl", "acl"})
            ]
            code, pattern = self._match(entries, pre, post)
            if code is not None:
                return code, pattern
        return None, None

    def _code_verb(self, verb: Token) -> tuple[str | None, Pattern | None]:
        entries = self.verbs.lookup((verb.lemma_, verb.lower_))
        if not entries:
            return None, None
        pre, post, modifiers = self._words(verb)
        children = {c.text.upper() for c in verb.children if c.dep_ in ("prt", "prep", "dobj", "advmod")}
        entries = [
            e
            for e in entries
            if not e.particle or all(p in children or any(w[0] == p for w in post) for p in e.particle)
        ]
        return self._match(entries, pre, post, modifiers)

    def _match(
        self, entries: list[Verb], pre: list[Word], post: list[Word], modifiers: dict[int, int] | None = None
    ) -> tuple[str | None, Pattern | None]:
        """The code of the first entry: its longest pattern that matches, else its default. Of
        two patterns as long, one that ends on a compound's head beats one that ends on its
        modifier ("boost border security cooperation" is cooperation, 050, not security, 150);
        else the one whose words are nearer the verb wins: "issued an ultimatum to Ecuador to
        withdraw its troops" is an ultimatum (139), not troops given (072). PETRARCH took the
        one listed first. ``modifiers`` maps positions in ``post`` of compound modifiers to
        their heads'."""
        modifiers = modifiers or {}
        for entry in entries:
            default, patterns = self.verbs.blocks[entry.block]
            best: Pattern | None = None
            best_reach = 0
            for pattern in patterns:
                if best is not None and pattern.size < best.size:
                    continue
                reach = match_reach(pattern.post, post, self.verbs.synsets)
                if reach is None or not match_sequence(pattern.pre, pre, self.verbs.synsets):
                    continue
                if best is not None and pattern.size == best.size:
                    if modifiers.get(reach - 1) == best_reach - 1:
                        continue  # ends on the modifier of the best's last word
                    if modifiers.get(best_reach - 1) != reach - 1 and reach >= best_reach:
                        continue  # of two as long, the one whose words are nearer the verb
                best, best_reach = pattern, reach
            code = best.code if best is not None else (entry.code or default)
            if code and code != NO_EVENT:
                return code, best
            return None, best
        return None, None

    def actions(self, sentence: Span) -> Iterator[Action]:
        # Complements first: "push Trump to provide" is an appeal to provide, and "push" is then
        # not coded again on its own.
        framed: set[int] = set()
        found: list[Action] = []
        verbs = [t for t in sentence if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
        obligations = {verb.i: _obligation(verb) for verb in verbs}
        for verb in sorted(verbs, key=lambda t: not _complement(t) and obligations[t.i] is None):
            if verb.i in framed or verb.i in self._consumed or _under_nonfactual(verb):
                continue
            kind = obligations[verb.i]
            action = self._obliged(verb, kind) if kind else self.action_for(verb)
            if action is None:
                continue
            if action.trigger.i != verb.i:
                framed.add(action.trigger.i)
            found.append(action)
        yield from sorted(found, key=lambda a: a.trigger.i)

    def _obliged(self, verb: Token, kind: str) -> Action:
        """A demand (must) or appeal (should, wants … to) on the subject of a clause: "Russia said
        Sudan must return the helicopter" is Russia demanding of Sudan (10x, the action framed as
        a demand, or 100), "Obama wants Putin to attack" an appeal to Putin (02x, or 020); the
        saying or wanting is then no event of its own. ``kind`` is :func:`_obligation`'s."""
        code, _ = self.code_verb(verb)
        inner = (code or "").partition(":")[0]
        framed = cameo.frame(inner, kind) if inner and inner != NO_EVENT else None
        fallback = "100" if kind == "demand" else "020"
        # "reiterated its demand that …": the one who reiterated demands
        trigger = verb.head.head if verb.head.pos_ == "NOUN" else verb.head
        return Action(framed or fallback, trigger, kind, False, None, verb, target_is_subject=True)

    def _bare_appeal(self, verb: Token) -> Action | None:
        """An appeal or demand whose wish has no code of its own: "China urged Japan to stop the
        drills" is an appeal all the same (020; a demand, 100), to the one urged. Not when the
        urging verb has a code of its own ("called on", coded as itself) or is negated."""
        head = verb.head
        kind = _FRAME_OF.get(head.lemma_.lower()) if _complement(verb) and head.i != verb.i else None
        if kind not in ("appeal", "demand") or head.pos_ != "VERB" or any(c.dep_ == "neg" for c in head.children):
            return None
        if self.code_verb(head)[0] is not None or _possible(head):
            return None
        return Action("020" if kind == "appeal" else "100", head, kind, False, None, head)

    def action_for(self, verb: Token) -> Action | None:
        """The coded, framed action of ``verb``, or None when it is no event."""
        if _pays_a_price(verb):
            return None  # "will pay a heavy price": a threat in a speaker's words, no payment
        both, pattern = self.code_verb(verb)
        named = verb.lemma_.lower() in _CALLING_VERBS and any(c.dep_ in ("oprd", "attr") for c in verb.children)
        if named and (pattern is None or (both or "")[:2] == "04"):
            # "what he called “intolerable violence”": a name given, not a phone call; a name
            # a pattern codes stays ("called Zelensky a dictator", CALL * DICTATOR, 111)
            return None
        if both is None:
            return self._bare_appeal(verb)
        code, _, reverse = both.partition(":")
        if not code or code == NO_EVENT:
            # "- * TRIAL [:173]": only the reverse event ("stand trial": the target tries the source)
            if not reverse or reverse == NO_EVENT:
                return None
            return Action(reverse, verb, None, False, pattern, verb, None, swap=True)
        negated = any(c.dep_ == "neg" for c in verb.children)
        if not negated and _possible(verb):
            return None  # "Israel could strike Iran": a possibility, not an event
        head = verb.head
        kind = _FRAME_OF.get(head.lemma_.lower()) if _complement(verb) and head.i != verb.i else None
        head_negated = kind is not None and any(c.dep_ == "neg" for c in head.children)
        frame_kind = _frame_kind(kind, negated, head_negated)
        if frame_kind == "":
            # "did not urge them to", "refused to attack": no event, and the refusing is none of
            # its own either
            self._consumed.add(head.i)
            return None
        if frame_kind is not None:
            framed_code = cameo.frame(code, frame_kind)
            if framed_code is None:
                if kind == "reject" and self.code_verb(head)[1] is not None:
                    # "refused to attack India": not "refuse * ATTACK" (deny responsibility for
                    # an attack, 016); a refusal with a code of its own stays ("declined", 120)
                    self._consumed.add(head.i)
                return None
            code, reverse = framed_code, ""
        elif not negated and self._announced(verb):
            # "Iraq said it would allow …" (promise, 03x); "said they would boycott …" (threat, 13x)
            framed_code = cameo.frame(code, "intent")
            if framed_code is not None:
                code, reverse, frame_kind = framed_code, "", "intent"
        if kind is None:
            return Action(code, verb, frame_kind, negated, pattern, verb, reverse or None)
        # The one who intends, urges or refuses is the source; the one urged is the target.
        target_from = head if kind in ("appeal", "demand") else verb
        return Action(code, head, frame_kind, negated or head_negated, pattern, target_from)

    def _announced(self, verb: Token) -> bool:
        """Whether ``verb`` is what its subject is reported to say it will do: future (will,
        would) and the complement of a saying verb ("Iraq said it would allow", "Portugal will
        support …, Portugal's president said"), with the subject a pronoun or an actor of the
        speaker's country: the actor announces it. "Iran said Israel would pay" is a prediction,
        and "Arnor will contribute …, an official said" does not say whose official."""
        if not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
            return False
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _ANNOUNCING:
            saying: Token | None = verb.head
        else:
            saying = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ in ("ccomp", "parataxis") and c.i > verb.i and c.lemma_.lower() in _ANNOUNCING
                ),
                None,
            )
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if saying is None or not subjects:
            return False
        if subjects[0].lower_ in _PRONOUN_SUBJECTS:
            return True
        speakers = {p.country for s in self.subject(saying)[0] for p in self.parties(s)}
        actors = {p.country for p in self.parties(subjects[0])}
        return bool(speakers & actors)

    # -- events ------------------------------------------------------------------------------

    def events(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        seen: set[tuple[int, str, str, str]] = set()
        verb_events = (record for sentence in self.doc.sents for record in self._sentence_events(sentence))
        for record in itertools.chain(verb_events, self._statement_events()):
            key = (record["start"], record["source_code"], record["target_code"], record["cameo"][:2])
            if key not in seen:
                seen.add(key)
                out.append(record)
        out.sort(key=lambda r: (r["start"], r["trigger"]["start"]))
        return out

    def _sentence_events(self, sentence: Span) -> Iterator[dict[str, Any]]:
        for action in self.actions(sentence):
            subject, _ = self.subject(action.trigger)
            sources = [p for s in subject for p in self.parties(s)]
            place: Token | None = None
            if not sources:
                sources, place = self._located(subject, action.trigger)
            if not sources:
                continue
            if action.code[:2] == "14" and any(s.ent_type_ == "NORP" and s.tag_ in ("NNS", "NNPS") for s in subject):
                # "Kenyans protested": a nation's people protest, not its state (KENCVL)
                sources = [dataclasses.replace(p, code=p.code + "CVL") if len(p.code) == 3 else p for p in sources]
            if action.target_is_subject:
                candidates = [c for c in action.target_from.children if c.dep_ == "nsubj"]
                if candidates and candidates[0].lower_ in _ADDRESSEE_PRONOUNS:
                    # "warned Iran that it must stop", "issued a reminder to Iraq that it must
                    # cooperate": the one told what it must do is the one addressed
                    candidates = _addressed_by(action.trigger) + candidates
            else:
                candidates = self.targets(action.target_from, action.pattern)
                if action.target_from.i != action.trigger.i:
                    candidates += self.targets(action.trigger, action.pattern)
                if action.code[:2] == "13":
                    # "threatened to halt the talks if the United States goes ahead": the one
                    # the condition is on is the one threatened
                    verbs = {action.target_from, action.trigger}
                    verbs |= {c for v in list(verbs) for c in v.children if c.dep_ == "xcomp"}
                    candidates += [
                        subject
                        for verb in sorted(verbs, key=lambda t: t.i)
                        for clause in verb.children
                        if clause.dep_ == "advcl"
                        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)
                        for subject in clause.children
                        if subject.dep_ == "nsubj"
                    ]
            target = None
            joint = len(sources) > 1 and action.code[:2] in _MUTUAL_ROOTS
            via: Token | None = None
            for token in candidates:
                if token == place:
                    continue  # where a group the text gives no country acts places it, no target
                if action.code[:2] == "01" and _venue(token, action.target_from):
                    continue  # "speaking in Warsaw": where the words were said, not to whom
                if joint and token.dep_ == "pobj" and token.head.lower_ in ("in", "at"):
                    continue  # "Israel and Hamas agreed to extend their truce in Gaza": each other
                if joint and _in_circumstance(token, action.target_from):
                    # "Ghana and Togo agreed to strengthen cooperation following attacks by
                    # extremists": each other, not the extremists
                    continue
                found = [p for p in self.parties(token) if _related(sources[0], p)]
                if token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "across", "inside", "around", "near"):
                    # "occupied a sovereign country in Europe": a region is where, not whom
                    found = [p for p in found if not self._is_region(p)]
                if found:
                    target, via = found, token
                    break
            if not target:
                own = self._own_institution(sources, candidates)
                if own is not None:
                    # "Kenyans protested against the government": their own government
                    for source in sources:
                        yield self._record(sentence, action.trigger, action.code, source, own, action)
                    continue
            if not target:
                # "The Philippines and France agree …": a joint subject of a mutual action
                # (agreeing, meeting, cooperating, fighting) acts towards each other.
                # Not when the action's object is an actor the text does not place: "China and
                # Russia support the government" is not China supporting Russia ("signed an
                # agreement" still is mutual).
                reciprocal = any(c.lower_ in ("their", "each", "one") for t in candidates for c in t.children)
                own_object = any(
                    c.dep_ in ("dobj", "dative") and agent_code("", [c.text], self.agents) is not None
                    for c in action.target_from.children
                )
                offered = action.trigger.lemma_.lower() in _OFFERING  # "offered to host talks": no pair
                # "The US and UK struck Houthi targets": fighting with an object is fighting it,
                # together ("fought a war", "exchanged fire" are with each other)
                aimed = action.code[:2] in ("18", "19", "20") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() not in _FIGHTS for c in action.target_from.children
                )
                directed = action.code[:3] in _DIRECTED
                mutual = reciprocal or (
                    action.code[:2] in _MUTUAL_ROOTS and not directed and not own_object and not offered and not aimed
                )
                # Aid with no recipient named goes to the theatre, not to a joint subject's
                # other member ("Germany and France pledged more air defence").
                implicit = [] if reciprocal else [(s, self._theatre_for(action, s, candidates)) for s in sources]
                for source, theatre in implicit:
                    if theatre is not None:
                        yield self._record(sentence, action.trigger, action.code, source, theatre, action, "theatre")
                if not mutual or any(theatre is not None for _, theatre in implicit):
                    continue
                for source in sources:
                    for other in sources:
                        if other is not source and _related(source, other):
                            yield self._record(sentence, action.trigger, action.code, source, other, action)
                continue
            if _figurative(action, via):
                continue
            for source in sources:
                for t in target:
                    if _related(source, t):
                        first, second = (t, source) if action.swap else (source, t)
                        yield self._record(sentence, action.trigger, action.code, first, second, action)
                        if action.reverse and action.reverse != NO_EVENT and _counterpart(action, via):
                            yield self._record(sentence, action.trigger, action.reverse, t, source, action)

    def _statement_events(self) -> Iterator[dict[str, Any]]:
        """Evaluations of an actor in a speaker's words, and "called X a dictator"."""
        for quote in self.quotes:
            speaker = self._by_id.get(quote.get("actor_id") or "")
            if speaker is None or not speaker.get("code"):
                continue
            content = self.doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
            if content is None:
                continue
            anchor = content[0]
            source = Party(speaker["code"], anchor.idx, anchor.idx, speaker["id"], speaker["name"])
            for token in content:
                if token.dep_ == "appos" and token.head.i < token.i:
                    # "appeasing Vladimir Putin, a lying, murderous dictator": a label in apposition
                    code = _label_code([token])
                    evaluated, trigger = token.head, token
                elif token.dep_ == "nsubj" and _pays_a_price(token.head):
                    # "America and Britain will pay a heavy price for this aggression"
                    code, evaluated, trigger = "130", token, token.head
                elif token.dep_ in ("nsubj", "nsubjpass"):
                    code = _evaluation(token.head) or (self._aggression(token.head) if token.dep_ == "nsubj" else None)
                    evaluated, trigger = token, token.head
                else:
                    continue
                if code is None:
                    continue
                for target in self.parties(evaluated):
                    if _related(source, target):
                        yield self._record(token.sent, trigger, code, source, target, None, "statement")
        for token in self.doc:
            if token.lemma_.lower() not in _CALLING_VERBS or token.pos_ != "VERB":
                continue
            objects = [c for c in token.children if c.dep_ == "dobj"]
            label = [c for c in token.children if c.dep_ in ("oprd", "attr", "xcomp", "acomp")]
            label += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children]
            if not objects:
                continue
            code = _label_code([*label, *objects])
            if code is None:
                continue
            subject, _ = self.subject(token)
            for s in subject:
                for source in self.parties(s):
                    for obj in objects:
                        for target in self.parties(obj):
                            if _related(source, target):
                                yield self._record(token.sent, token, code, source, target, None, "statement")

    def _aggression(self, verb: Token) -> str | None:
        """1123 (accuse of aggression) when a speaker's words say that their subject attacked,
        invaded or fought (CAMEO 18–20): "They have invaded and occupied a sovereign country"."""
        if verb.pos_ != "VERB" or _under_nonfactual(verb) or verb.dep_ == "xcomp":
            return None
        if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in verb.children):
            return None  # "wants Putin to attack", "could invade": not a claim that they did
        if any(m.dep_ == "mark" and m.lower_ == "as" and m.i > 0 and m.doc[m.i - 1].text == "," for m in verb.children):
            # "said Kyiv was ready to talk, as Russian drones pounded the grid": the reporter's
            # circumstance, not the speaker's words
            return None
        for head in (verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            code, _ = self.code_verb(head)
            if code and code[:2] in _AGGRESSION_ROOTS and not any(c.dep_ == "neg" for c in head.children):
                return "1123"
        return None

    def _record(
        self,
        sentence: Span,
        trigger: Token,
        code: str,
        source: Party,
        target: Party,
        action: Action | None,
        rule: str = "verb",
    ) -> dict[str, Any]:
        info = cameo.lookup(code)
        return {
            "start": sentence.start_char,
            "end": sentence.end_char,
            "source_code": source.code,
            "target_code": target.code,
            "cameo": code,
            "cameo_name": info.name if info else None,
            "plover": info.plover if info else None,
            "plover_mode": info.plover_mode if info else None,
            "goldstein": info.goldstein if info else None,
            "quad_class": info.quad_class if info else None,
            "source_actor": source.actor,
            "target_actor": target.actor,
            "source_name": source.name or self._text[source.start : source.end],
            "target_name": target.name or self._text[target.start : target.end],
            "source": {"start": source.start, "end": source.end},
            "target": {"start": target.start, "end": target.end},
            "trigger": {"start": trigger.idx, "end": trigger.idx + len(trigger.text)},
            "negated": bool(action and action.negated),
            "frame": action.frame if action else None,
            "rule": rule,
        }


def _refusal(verb: Token) -> bool:
    """Whether ``verb`` refuses something it names as its object: "rejected an Australian
    ultimatum", "ruled out talks" (the dictionary's own patterns come first)."""
    lemma = verb.lemma_.lower()
    ruling_out = lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    refusing = lemma in _REFUSING or ruling_out
    return refusing and any(c.dep_ == "dobj" for c in verb.children)


def _obligation(verb: Token) -> str | None:
    """``demand`` or ``appeal`` for the verb of a clause with its own active subject that says
    what that subject must or should do ("said Sudan must return …"), or that someone wants or
    urges it to do, parsed as a clause ("wants Putin to attack …"); else None."""
    head = verb.head
    if verb.dep_ in ("acl", "advcl") and head.pos_ == "NOUN" and head.dep_ == "dobj":
        return _demanded(verb, head)
    if verb.dep_ != "ccomp" or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None
    lemma = head.lemma_.lower()
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "to" in auxiliaries:
        if lemma in _WANTING:
            return "appeal"
        kind = _FRAME_OF.get(lemma)
        return kind if kind in ("appeal", "demand") else None
    # "issued a reminder to Iraq that it must cooperate": the clause parsed as the verb's
    # own, its object a warning or a demand
    delivered = any(c.dep_ == "dobj" and c.lemma_.lower() in _WARNING_NOUNS | _DEMAND_NOUNS for c in head.children)
    if lemma not in _STATING and not delivered:
        return None
    modal = next((a for a in auxiliaries if a in _OBLIGATION), None)
    return _OBLIGATION[modal] if modal else None


def _demanded(verb: Token, noun: Token) -> str | None:
    """``demand`` or ``appeal`` for the verb of a clause that says what a demand, call or
    warning asks of the clause's subject: "reiterated its demand that Israel ease the
    restrictions", "repeated its call for Kenya to reopen the border", "issued a warning that
    Russia must withdraw"."""
    if not any(c.dep_ == "nsubj" for c in verb.children) or verb.lemma_.lower() in _STATING:
        return None
    lemma = noun.lemma_.lower()
    modal = next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION), None)
    if lemma in _DEMAND_NOUNS:
        return _OBLIGATION[modal] if modal else "demand"
    if lemma in _APPEAL_NOUNS:
        return "appeal"
    if lemma in _WARNING_NOUNS and modal:
        return _OBLIGATION[modal]
    return None


def _addressed_by(verb: Token) -> list[Token]:
    """Whom ``verb`` addresses: its object ("warned Iran") or its "to" ("a reminder to Iraq")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")]
    return found + [o for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to" for o in _objects(p)]


def _objects(prep: Token) -> list[Token]:
    """The objects of a preposition. When a participle follows the object, the parser can make
    the object that participle's subject and leave the preposition without one ("granted asylum
    to five officers holed up in a residence"): that subject is then the object."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if objects or prep.i + 1 >= len(prep.doc):
        return objects
    noun = prep.doc[prep.i + 1]
    while noun.head.i > noun.i and noun.dep_ not in ("nsubj", "nsubjpass") and noun.head.i > prep.i:
        noun = noun.head  # "five Panamanian army officers": from the first word to the head
    participle = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass")
        and noun.left_edge.i == prep.i + 1
        and participle.tag_ in ("VBN", "VBG", "VBD")  # a preposition takes no finite clause
        and participle.head.i == prep.head.i
    ):
        return [noun]
    return []


def _addressee(noun: Token, quote: dict[str, Any] | None) -> bool:
    """Whether ``noun`` is who the direct ``quote`` is told to ("He told reporters: “…”")."""
    if quote is None or noun.dep_ not in ("dobj", "dative") or noun.head.lemma_.lower() not in _TELLING:
        return False
    return noun.idx < int(quote["start"])


def _venue(token: Token, verb: Token) -> bool:
    """Whether ``token`` is the place of ``verb`` ("spoke in Warsaw", "said at the UN")."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at") and token.head.head.i == verb.i


def _under_nonfactual(verb: Token) -> bool:
    """Inside a conditional ("if X attacks Y") or under "prevent", "deter", "deny"..."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return True
    if (
        any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.head.children)
    ):
        return True  # "it was for Europeans to protect Ukraine": what should be, not what is
    head = verb
    for _ in range(3):
        noun = head.head
        if head.dep_ == "acl" and noun.pos_ == "NOUN" and noun.dep_ == "dobj":
            parent = noun.head  # "rejected the claim that Russia attacked"
            if parent.lemma_.lower() in _DENYING:
                return True
        if head.dep_ not in ("ccomp", "xcomp", "pcomp", "advcl") or head.head.i == head.i:
            return False
        parent = head.head
        if parent.dep_ == "prep" and parent.head.i != parent.i:
            parent = parent.head  # "prevent X from launching"
        if parent.lemma_.lower() in _NONFACTUAL:
            return True
        head = parent
    return False


def _possible(verb: Token) -> bool:
    """Whether ``verb`` is only a possibility: under "could", "might" or "may", its own or that of
    the verb whose purpose it is ("they could use its territory to bomb Iran")."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _POSSIBLE for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _frame_kind(kind: str | None, negated: bool, head_negated: bool) -> str | None:
    """The frame of an action: None (plain), "intent", "appeal", "demand", "reject", or "" (no event)."""
    if kind is None:
        return "reject" if negated else None
    if kind == "reject":
        return "" if negated or head_negated else "reject"
    if negated or head_negated:
        return "reject" if kind == "intent" else ""
    return kind


#: Nouns that hold actions: "a package of sanctions", "a new sanctions package".
_CONTAINERS = {"package", "round", "set", "wave", "series", "raft", "batch", "slew", "string"}


def _contained(noun: Token) -> Token:
    """The action a container noun holds ("sanctions" of "a package of sanctions" and of "a
    sanctions package"); else ``noun``."""
    if noun.lemma_.lower() not in _CONTAINERS:
        return noun
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((o for o in child.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), noun)
    return noun


#: Numbers of people: "thousands of protesters" are the protesters.
_COUNTS = {"thousands", "hundreds", "dozens", "tens", "millions", "scores", "crowds", "crowd", "number", "handful"}


def _counted(token: Token) -> Token:
    """What a count counts: "protesters" of "Tens of thousands of protesters"; else ``token``."""
    for _ in range(3):
        if token.lower_ not in _COUNTS:
            break
        objects = [
            o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        if not objects:
            break
        token = objects[0]
    return token


def _pays_a_price(verb: Token) -> bool:
    """ "Will pay a (heavy) price": the idiom of a threat, not a payment."""
    return verb.lemma_.lower() == "pay" and any(c.dep_ == "dobj" and c.lemma_.lower() == "price" for c in verb.children)


def _complement(verb: Token) -> bool:
    """Whether ``verb`` is the complement of the verb above it: "agreed to talk", and "pressed
    Israel on Sunday to accept", which the parser can read as a purpose (advcl) once something
    comes between the object and the infinitive."""
    if verb.dep_ == "xcomp":
        return True
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and _FRAME_OF.get(head.lemma_.lower()) in ("appeal", "demand")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ in ("dobj", "dative") and c.i < verb.i for c in head.children)
    )


def _in_circumstance(token: Token, verb: Token) -> bool:
    """Whether ``token`` is in a phrase of time or circumstance ("following attacks") under ``verb``."""
    for ancestor in token.ancestors:
        if ancestor == verb:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in _CIRCUMSTANCES:
            return True
    return False


def _descendants(starts: list[Token], skip: set[str]) -> list[Token]:
    """``starts`` and everything below them, not through arcs in ``skip``, in text order."""
    stack = list(starts)
    found: list[Token] = []
    while stack:
        t = stack.pop()
        found.append(t)
        stack.extend(c for c in t.children if c.dep_ not in skip)
    return sorted(found, key=lambda t: t.i)


#: What a pattern sees in place of a word of an actor's name: it matches no pattern word.
_ACTOR_WORD: Word = ("", "", False)


def _word(token: Token) -> Word:
    return (token.text.upper(), token.lemma_.upper(), token.pos_ == "ADP" or token.dep_ in ("prep", "agent"))


def _related(source: Party, target: Party) -> bool:
    """Whether source → target is an event between two actors (not within one government)."""
    if source.code == target.code or (source.actor and source.actor == target.actor):
        return False
    return not (source.country == target.country and {source.role, target.role} <= {"GOV", "MIL", ""})


def _evaluation(predicate: Token) -> str | None:
    """111/112/051 when ``predicate`` (a clause head) criticises, blames or praises its subject."""
    deps = (
        ("attr", "acomp", "oprd", "xcomp", "dobj")
        if predicate.lemma_.lower() in _BEARING
        else ("attr", "acomp", "oprd", "xcomp")
    )
    words = [predicate] + [c for c in predicate.children if c.dep_ in deps]
    return _label_code(words)


def _label_code(words: list[Token]) -> str | None:
    """111 (criticism), 112 (blame) or 051 (praise) for the words of a label. Denied praise is
    criticism ("Kyiv was “not serious” about peace"); denied criticism or blame is no event."""
    lemmas = set()
    for w in words:
        lemmas.add(w.lemma_.lower())
        lemmas.update(c.lemma_.lower() for c in w.children if c.dep_ in ("amod", "compound", "aux"))
    if any(c.dep_ == "neg" for w in words for c in w.children):
        return "111" if lemmas & PRAISE and not lemmas & (CRITICISM | ACCUSATION) else None
    if lemmas & ACCUSATION:
        return "112"
    if lemmas & CRITICISM:
        return "111"
    if lemmas & PRAISE:
        return "051"
    return None
