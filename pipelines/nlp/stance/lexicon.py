"""Word lists for stance: who favors or opposes what, negation, hedges, and place names of states.

The stance lists are written for this project. General word valence comes from the VADER
lexicon (MIT licence, shipped by the `vaderSentiment` package) and is read from its file,
scaled to -1..1; nothing of it is copied here.
"""

import csv
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources"

# Verbs whose object (or prepositional object) is what the subject favors (+) or opposes (-).
STANCE_VERBS = {
    # favor
    "support": 0.8, "back": 0.7, "endorse": 0.9, "praise": 0.9, "welcome": 0.8, "applaud": 0.9,
    "hail": 0.8, "commend": 0.9, "laud": 0.9, "champion": 0.8, "defend": 0.6, "favor": 0.7,
    "favour": 0.7, "embrace": 0.7, "admire": 0.8, "trust": 0.6, "thank": 0.7, "congratulate": 0.8,
    "celebrate": 0.6, "like": 0.5, "love": 0.8, "appreciate": 0.7, "approve": 0.6, "recommend": 0.5,
    "salute": 0.8, "honor": 0.7, "honour": 0.7, "respect": 0.6, "value": 0.6, "cherish": 0.8,
    "credit": 0.6, "vindicate": 0.6, "exonerate": 0.6, "rally": 0.4, "promote": 0.5, "advocate": 0.7,
    "elect": 0.4, "reelect": 0.5, "acclaim": 0.8, "need": 0.5, "extol": 0.9, "compliment": 0.8, "befriend": 0.6,
    "tout": 0.6, "hearten": 0.5,
    # against
    "oppose": -0.8, "condemn": -0.9, "criticize": -0.8, "criticise": -0.8, "denounce": -0.9,
    "reject": -0.6, "attack": -0.7, "blame": -0.8, "accuse": -0.8, "slam": -0.8, "fear": -0.6,
    "distrust": -0.7, "mistrust": -0.7, "resist": -0.6, "fight": -0.5, "protest": -0.6,
    "decry": -0.9, "deplore": -0.9, "sanction": -0.6, "boycott": -0.7, "veto": -0.5, "block": -0.4,
    "challenge": -0.4, "mock": -0.8, "ridicule": -0.8, "dismiss": -0.5, "disparage": -0.9,
    "lambast": -0.9, "assail": -0.9, "berate": -0.9, "castigate": -0.9, "rebuke": -0.8,
    "scold": -0.8, "chastise": -0.8, "hate": -0.9, "dislike": -0.7, "despise": -0.9,
    "undermine": -0.6, "snub": -0.6, "insult": -0.8, "doubt": -0.4, "question": -0.3,
    "threaten": -0.5, "bash": -0.8, "blast": -0.8, "fault": -0.7, "smear": -0.8, "vilify": -0.9,
    "demonize": -0.9, "impeach": -0.6, "sue": -0.5, "indict": -0.6, "investigate": -0.3,
    "disavow": -0.7, "repudiate": -0.8, "resent": -0.7, "loathe": -0.9, "dread": -0.6,
    "slander": -0.8, "undercut": -0.6, "sabotage": -0.8, "betray": -0.8, "humiliate": -0.8,
    "deride": -0.8, "scorn": -0.8, "shun": -0.6, "ostracize": -0.7, "lament": -0.5, "warn": -0.3,
    "needle": -0.6, "rip": -0.7, "excoriate": -0.9, "pillory": -0.9, "savage": -0.8, "taunt": -0.7,
}

# Verb + preposition pairs where the preposition carries the stance ("vote against X").
PREP_VERBS = {
    ("vote", "for"): 0.7, ("vote", "against"): -0.7, ("campaign", "for"): 0.6,
    ("campaign", "against"): -0.7, ("speak", "against"): -0.7, ("speak", "for"): 0.4,
    ("argue", "against"): -0.6, ("argue", "for"): 0.5, ("fight", "for"): 0.6,
    ("fight", "against"): -0.7, ("stand", "with"): 0.7, ("stand", "behind"): 0.7,
    ("side", "with"): 0.7, ("side", "against"): -0.7, ("rail", "against"): -0.8,
    ("lash", "at"): -0.8, ("warn", "against"): -0.6, ("call", "for"): 0.5,
    ("protest", "against"): -0.7, ("push", "for"): 0.5, ("push", "back"): -0.5,
    ("turn", "against"): -0.7, ("work", "with"): 0.3, ("cooperate", "with"): 0.4,
    ("break", "with"): -0.6, ("lobby", "for"): 0.5, ("lobby", "against"): -0.6,
    ("align", "with"): 0.5, ("believe", "in"): 0.6, ("side", "by"): 0.5,
    ("agree", "with"): 0.6, ("disagree", "with"): -0.6, ("unload", "on"): -0.8, ("lash", "out"): -0.8, ("hit", "out"): -0.7, ("go", "after"): -0.6,
}

# Nouns whose complement ("aversion to X", "support for X") or possessor is the target.
STANCE_NOUNS = {
    "support": 0.8, "backing": 0.7, "praise": 0.9, "admiration": 0.8, "trust": 0.6,
    "sympathy": 0.6, "enthusiasm": 0.7, "endorsement": 0.9, "approval": 0.7, "affection": 0.8,
    "respect": 0.6, "loyalty": 0.6, "solidarity": 0.7, "friendship": 0.6, "faith": 0.6,
    "confidence": 0.5, "gratitude": 0.7, "welcome": 0.6, "partnership": 0.4, "cooperation": 0.4,
    "opposition": -0.8, "aversion": -0.8, "hostility": -0.8, "criticism": -0.8, "condemnation": -0.9,
    "fear": -0.6, "fears": -0.6, "distrust": -0.7, "mistrust": -0.7, "suspicion": -0.6,
    "contempt": -0.9, "resistance": -0.6, "objection": -0.7, "skepticism": -0.5,
    "scepticism": -0.5, "disdain": -0.8, "hatred": -0.9, "animosity": -0.8, "antipathy": -0.8,
    "anger": -0.6, "outrage": -0.7, "disapproval": -0.7, "attack": -0.7, "attacks": -0.7,
    "complaint": -0.5, "grievance": -0.5, "rejection": -0.6, "resentment": -0.7, "concern": -0.3,
    "concerns": -0.3, "worry": -0.4, "worries": -0.4, "boycott": -0.7, "sanctions": -0.5,
    "protest": -0.6, "protests": -0.6, "backlash": -0.7, "rebuke": -0.8, "dislike": -0.7,
    "moratorium": -0.7, "ban": -0.7, "repeal": -0.7,
}

# Roles a person takes toward someone or something ("a supporter of X", "an X fan", "a critic of X").
ROLE_NOUNS = {
    "supporter": 0.8, "backer": 0.7, "fan": 0.7, "admirer": 0.8, "defender": 0.6, "champion": 0.6,
    "ally": 0.6, "loyalist": 0.7, "critic": -0.8, "detractor": -0.8, "enemy": -0.8,
}

# Predicate nouns and adjectives that evaluate their subject ("X is a threat", "X is reliable").
EVALUATIVE = {
    "threat": -0.8, "danger": -0.8, "menace": -0.9, "enemy": -0.9, "adversary": -0.7,
    "foe": -0.8, "rival": -0.3, "problem": -0.5, "disaster": -0.9, "failure": -0.8, "liar": -0.9,
    "criminal": -0.9, "dangerous": -0.8, "hostile": -0.7, "corrupt": -0.9, "incompetent": -0.9,
    "wrong": -0.6, "unfit": -0.8, "aggressive": -0.5, "irresponsible": -0.8, "reckless": -0.8,
    "dishonest": -0.9, "unacceptable": -0.8, "dominance": -0.4,
    "disgrace": -0.9, "fraud": -0.9, "joke": -0.6, "clown": -0.7, "hypocrite": -0.9, "traitor": -0.9,
    "puppet": -0.7, "embarrassment": -0.8, "patriot": 0.7,
    "partner": 0.4, "friend": 0.8, "ally": 0.7, "hero": 0.9, "success": 0.7, "opportunity": 0.6,
    "chance": 0.4, "model": 0.4, "asset": 0.7, "reliable": 0.7, "trustworthy": 0.8,
    "honest": 0.8, "right": 0.4, "qualified": 0.6, "competent": 0.7, "strong": 0.3,
    "successful": 0.6, "prosperous": 0.5, "stable": 0.4, "important": 0.3, "solid": 0.4,
    "potential": 0.4, "challenge": 0.0,
}

# Adjectives of feeling: "X is frightened / pleased / worried" says how X feels, so X is the
# holder, never the target, of the sentiment.
EXPERIENCER_ADJECTIVES = {
    "afraid", "frightened", "scared", "terrified", "worried", "concerned", "anxious", "nervous", "fearful",
    "happy", "glad", "pleased", "delighted", "thrilled", "excited", "proud", "grateful", "thankful", "relieved",
    "hopeful", "confident", "optimistic", "pessimistic", "satisfied", "content", "sad", "upset", "angry",
    "furious", "disappointed", "frustrated", "annoyed", "sorry", "ashamed", "embarrassed", "jealous",
    "sceptical", "skeptical", "surprised", "shocked", "horrified", "outraged", "unhappy", "eager", "keen",
}

NEGATORS = {"not", "n't", "n’t", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without",
            "hardly", "barely", "scarcely", "cannot"}
# Phrases that negate a predicate as a whole ("by no means a threat").
NEGATING_PHRASES = ("by no means", "in no way", "far from", "no longer", "not at all", "anything but",
                    "not a", "nothing but")
HEDGES = {"may", "might", "could", "perhaps", "possibly", "reportedly", "allegedly", "apparently",
          "seem", "seemingly", "appear", "likely", "probably", "suggest", "arguably", "supposedly",
          "unlikely", "maybe"}

# Pronouns a NewsMTSC-style target can be; they are kept as mentions with a null entity key.
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "we", "us",
                   "our", "i", "me", "my", "you", "your", "himself", "herself", "themselves"}
PLURAL_PRONOUNS = {"they", "them", "their"}
PLURAL_STATE_PHRASES = ("the two countries", "both countries", "the two sides", "the two nations",
                        "both sides", "the two powers", "the two neighbors", "the two neighbours")


@lru_cache(maxsize=1)
def vader_valence() -> dict[str, float]:
    """Word -> mean valence / 4 (so -1..1). Empty when the package is missing."""
    try:
        import vaderSentiment
    except ImportError:
        return {}
    path = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    table = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                try:
                    table[parts[0]] = max(-1.0, min(1.0, float(parts[1]) / 4.0))
                except ValueError:
                    continue
    return table


@lru_cache(maxsize=50_000)  # asked once per token of every sentence with a target; tables are fixed
def word_valence(lemma: str, lower: str | None = None) -> float:
    """Prior valence of a word: stance lists first, then VADER on the form and the lemma."""
    lemma = lemma.lower()
    for table in (EVALUATIVE, STANCE_VERBS, STANCE_NOUNS):
        if lemma in table:
            return table[lemma]
    vader = vader_valence()
    if lower and lower in vader:
        return vader[lower]
    return vader.get(lemma, 0.0)


def _read_csv(name: str) -> list[dict]:
    with open(RESOURCES / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def seats_of_government() -> dict[str, str]:
    """Lower-cased capital or seat name ("the kremlin", "kremlin") -> state name."""
    return {row["name"].strip().lower(): row["state"].strip() for row in _read_csv("seats_of_government.csv")}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Lower-cased demonym ("russians") -> state name."""
    return {row["demonym"].strip().lower(): row["state"].strip() for row in _read_csv("state_demonyms.csv")}


def state_for_name(text: str) -> str | None:
    """The state a capital, seat of government or demonym stands for, else None."""
    key = " ".join(text.split()).lower()
    if key.endswith("'s") or key.endswith("’s"):
        key = key[:-2]
    seats = seats_of_government()
    if key in seats:
        return seats[key]
    if key.startswith("the ") and key[4:] in seats:
        return seats[key[4:]]
    return demonyms().get(key)
