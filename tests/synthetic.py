"""Synthetic news articles written for the tests (no third-party text)."""

import json
import random

PEOPLE = ["Maria Lopez", "Tom Becker", "Aiko Tanaka", "Samuel Okafor", "Elena Petrova", "David Chen"]
PLACES = ["Harborview", "Northfield", "Lakeside", "Port Alder", "Greenhill"]
TOPICS = ["the ferry line", "the new bridge", "the school budget", "the water tariff", "the stadium plan"]
VERBS = ["said", "told reporters", "warned", "insisted", "wrote"]


def article(i: int, rng: random.Random) -> dict:
    person, other = rng.sample(PEOPLE, 2)
    place, topic, verb = rng.choice(PLACES), rng.choice(TOPICS), rng.choice(VERBS)
    n = rng.randint(2, 900)
    year = rng.randint(2015, 2024)
    paragraphs = [
        f"{place} council debates {topic}",
        f"The {place} council voted on Monday to spend {n} million dollars on {topic}, its largest outlay since {year}.",
        f"\u201cThis is the right decision for {place},\u201d {person} {verb}. \u201cWe waited too long.\u201d",
        f"{other} said that {topic} would cost twice as much by next year and opposed the plan.",
        f"According to {person}, work will start in March and finish within two years.",
    ]
    return {"id": f"syn-{i}", "title": paragraphs[0], "published": f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "text": "\n\n".join(paragraphs[1:]), "url": f"https://news.example/{i}"}


def write_corpus(path, n: int, seed: int = 7, start: int = 0) -> list[dict]:
    rng = random.Random(seed)
    records = [article(i, rng) for i in range(start, start + n)]
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    return records
