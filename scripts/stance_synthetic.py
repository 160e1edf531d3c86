"""Training sentences for the shipped stance model, generated from templates written for this
project (names, frames and fillers are invented here; no third-party text).

Each template marks the target with {T} and, where there is one, a second person {O} whose
polarity differs (so the model learns that stance is toward a target, not a sentence):
the label pair is (polarity toward T, polarity toward O). Deterministic for a given seed.
"""

import random

PEOPLE = [
    "Alvarez", "Brennan", "Castillo", "Dawson", "Ellison", "Fletcher", "Garrison", "Halvorsen",
    "Ibarra", "Jennings", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Pemberton",
    "Quinlan", "Rasmussen", "Sorensen", "Thornton", "Underwood", "Valdez", "Whitaker", "Yamada",
    "Maria Lopez", "John Harlow", "Sen. Mark Dwyer", "Gov. Ellen Price", "Rep. Tom Barker",
    "President Hale", "Mayor Ruth Caldwell", "Secretary Vance", "Judge Amelia Ross",
    "Chancellor Weber", "Prime Minister Osei", "Speaker Grant", "Attorney General Moss",
]
PRONOUNS_SUBJ = ["he", "she"]
GROUPS = ["Republicans", "Democrats", "critics", "supporters", "voters", "analysts", "lawmakers",
          "activists", "party leaders", "union officials", "campaign aides", "diplomats"]
ISSUES = ["the tax plan", "the health care bill", "the trade deal", "the border policy",
          "the climate agreement", "the budget proposal", "the immigration overhaul", "the sanctions"]
TIMES = ["", "On Tuesday, ", "Last week, ", "In a statement, ", "Earlier this year, ", "At a rally in Ohio, ",
         "During the debate, ", "In an interview, ", "On Friday, ", "Later that day, "]
TAILS = ["", " on Monday", " last month", " according to a person familiar with the matter",
         " in a televised address", " during a visit to the capital", " earlier this week",
         " in a written statement"]

POSITIVE = [
    "{T} was praised by {O} for handling the crisis calmly",
    "{O} praised {T} as a principled leader",
    "{O} said {T} had done an outstanding job",
    "{T} won broad support from {G} after the vote",
    "{T}'s approval rating climbed to its highest level",
    "{T} has earned respect on both sides of the aisle",
    "{T} helped secure a bipartisan agreement on {I}",
    "{T} is widely admired for {P} honesty",
    "{O} endorsed {T} ahead of the primary",
    "{T} delivered a powerful speech that energized the crowd",
    "{T} won the election by a comfortable margin",
    "{T} was credited with rescuing {I}",
    "{T} remains popular among {G}",
    "{O} thanked {T} for {P} courage",
    "{T} was hailed as a hero by {G}",
    "{O} defended {T} against the accusations",
    "{T} has been a tireless champion of working families",
    "{T} brokered a deal that both parties welcomed",
    "{O} described {T} as brilliant and fair",
    "{T} is a skilled negotiator who keeps {P} promises",
    "the reforms pushed by {T} have been a remarkable success",
    "{T} is by no means a weak candidate",
    "{O} said {T} was not to blame for the delays",
    "{T} was cleared of any wrongdoing",
    "{T} rose to prominence as a respected reformer",
    "{G} cheered as {T} took the stage",
    "{T} won praise for {P} response to the floods",
    "{O} called {T} a trusted friend and ally",
]
NEGATIVE = [
    "{O} accused {T} of lying about {I}",
    "{T} faced harsh criticism over {I}",
    "{T} was indicted on charges of fraud",
    "{O} blasted {T} for mishandling {I}",
    "{T}'s failed policies have hurt families",
    "{T} has been under fire for {P} comments",
    "{T} lied repeatedly to investigators",
    "{O} condemned {T} for the attack on the press",
    "{T} was forced to resign amid a scandal",
    "{T} lost the race after a disastrous campaign",
    "{G} protested against {T} outside the building",
    "{T} refused to answer questions about the payments",
    "{O} said {T} was unfit for office",
    "{T} is a dangerous demagogue, {O} said",
    "{T} dodged questions about {P} ties to lobbyists",
    "{T}'s campaign has been plagued by infighting",
    "{T} was booed by {G} at the rally",
    "{O} mocked {T} as weak and incompetent",
    "{T} has never been a credible leader",
    "{T} made false claims about {I}",
    "{T} came under scrutiny for misusing public funds",
    "{O} blamed {T} for the shutdown",
    "{T} broke {P} promise to protect {I}",
    "{T} was ridiculed for the gaffe",
    "{T}'s reckless remarks alarmed {G}",
    "{O} warned that {T} posed a threat to democracy",
    "{T} was sued by former employees",
    "{O} called {T} a liar and a fraud",
]
NEUTRAL = [
    "{T} said on Tuesday that the committee would meet again next week",
    "{T} will travel to Brussels for talks",
    "{T} met with {O} to discuss {I}",
    "{T}, who represents the district, spoke to reporters",
    "according to {T}, the vote is scheduled for Thursday",
    "{T} told reporters that the results would be announced later",
    "{T} is expected to announce {P} decision next month",
    "{T} served two terms in the state senate",
    "{T} declined to comment on {I}",
    "{T} and {O} are both running in the primary",
    "{T} was born in Chicago and studied law",
    "{T} spoke by phone with {O} on Monday",
    "{T} said the agency would review {I}",
    "{T} is scheduled to testify before the committee",
    "{T}'s office released the schedule for the week",
    "{O} asked {T} about {I}",
    "{T} was asked whether {P} position had changed",
    "{T} introduced the bill in March",
    "{T} has not yet said whether {P} will run",
    "{T} appeared on a Sunday talk show",
    "{T} is the ranking member of the committee",
    "{T} was among those who attended the meeting",
    "{T} said {I} would be debated in the fall",
    "a spokesperson for {T} confirmed the meeting",
    "{T} arrived in the capital late on Sunday",
    "{T} and {O} did not respond to requests for comment",
]
# The second person's polarity in the two-person templates: the author's judgment is on {T},
# while the other person is usually just the one who speaks or acts.
OTHER_POLARITY = "neutral"


def _fill(template: str, rng: random.Random) -> tuple[str, dict]:
    target, other = rng.sample(PEOPLE, 2)
    use_pronoun = "{O}" not in template and rng.random() < 0.15
    if use_pronoun:
        target = rng.choice(PRONOUNS_SUBJ)
    possessive = rng.choice(["his", "her"])
    values = {"T": target, "O": other, "G": rng.choice(GROUPS), "I": rng.choice(ISSUES), "P": possessive}
    positions = {}
    text = ""
    i = 0
    while i < len(template):
        if template[i] == "{":
            close = template.index("}", i)
            slot = template[i + 1 : close]
            value = values[slot]
            if slot in ("T", "O"):
                positions[slot] = (len(text), len(text) + len(value))
            text += value
            i = close + 1
        else:
            text += template[i]
            i += 1
    return text, positions


def _sentence(template: str, rng: random.Random) -> tuple[str, dict]:
    body, positions = _fill(template, rng)
    intro = rng.choice(TIMES)
    tail = rng.choice(TAILS) if not body.endswith("said") else ""
    if intro:
        body = body[0].lower() + body[1:] if body[:2] in ("a ", "ac", "th") else body
    else:
        body = body[0].upper() + body[1:]
    text = intro + body + tail + "."
    shift = len(intro)
    return text, {slot: (s + shift, e + shift) for slot, (s, e) in positions.items()}


def generate(per_template: int = 30, seed: int = 13) -> list[dict]:
    rng = random.Random(seed)
    examples = []
    for polarity, templates in (("favor", POSITIVE), ("against", NEGATIVE), ("neutral", NEUTRAL)):
        for template in templates:
            for _ in range(per_template):
                text, positions = _sentence(template, rng)
                targets = [{"target_start": positions["T"][0], "target_end": positions["T"][1],
                            "polarity": polarity}]
                if "O" in positions:
                    targets.append({"target_start": positions["O"][0], "target_end": positions["O"][1],
                                    "polarity": OTHER_POLARITY})
                examples.append({"text": text, "targets": targets})
    return examples
