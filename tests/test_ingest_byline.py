"""Bylines as delivered by real pages become a clean list of person names, or none."""

import pytest

from pipelines.ingest.article import Article
from pipelines.ingest.byline import byline_text, clean_byline


@pytest.mark.parametrize("raw, names", [
    ("Mike Wuerthele; Malcolm Owen Monday; November", ["Mike Wuerthele", "Malcolm Owen"]),
    ("Condé Nast; Molly Wood", ["Molly Wood"]),
    ("Admin", []),
    ("By JANE DOE, Staff Writer", ["Jane Doe"]),
    ("Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
    ("Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ("The Diplomat", []),
    ("Reuters", []),
    ("Associated Press", []),
    ("Jane Doe | Jane Doe", ["Jane Doe"]),
    (None, []),
])
def test_bylines(raw, names):
    assert clean_byline(raw) == names


def test_articles_keep_the_clean_byline_and_the_given_one_aside():
    article = Article(source="a.html", text="T\n\nBody.", author="Mike Wuerthele; Malcolm Owen Monday; November")
    assert article.author == "Mike Wuerthele; Malcolm Owen"
    assert article.extra["byline_as_given"].startswith("Mike Wuerthele; Malcolm")
    assert Article(source="a.html", text="T\n\nBody.", author="Admin").author is None
    assert byline_text("Shannon Tiezzi") == "Shannon Tiezzi"


def test_a_place_after_the_name_is_not_part_of_it():
    assert clean_byline("David Smith in Washington") == ["David Smith"]


def test_a_publisher_run_into_the_name_drops_the_part():
    assert clean_byline("Finian Cunningham Sputnik International") == []
    assert clean_byline("Finian Cunningham; Sputnik International") == ["Finian Cunningham"]
