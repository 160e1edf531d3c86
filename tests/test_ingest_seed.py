"""The seed article shipped in raw/ comes out as exactly its title and its 7 body paragraphs."""

import re
from pathlib import Path

from pipelines.ingest.files import discover, read_input
from pipelines.ingest.text_reader import split_front_matter

RAW_DIR = Path(__file__).resolve().parents[1] / "raw"
SEED = RAW_DIR / "thediplomat" / "putins-grand-plan-for-asia.md"
BANNED = ("Image Credit", "Enjoying this article?", "Sign up for our weekly newsletter", "The Diplomat Brief",
          "Click here to subscribe")


def _expected_paragraph_openings() -> list[str]:
    """First five words of each long paragraph of the shipped file (boilerplate lines are short)."""
    _, body, _ = split_front_matter(SEED.read_text(encoding="utf-8"))
    blocks = [block.strip() for block in re.split(r"\n\s*\n", body) if block.strip()]
    long_blocks = [block for block in blocks if len(block) > 300]
    return [" ".join(block.split()[:5]) for block in long_blocks]


def test_seed_is_discovered_and_readme_is_not():
    keys = [item.input_key for item in discover(RAW_DIR)]
    assert "thediplomat/putins-grand-plan-for-asia.md" in keys
    assert not any(Path(key).name.lower().startswith("readme") for key in keys)


def test_seed_clean_text_is_title_and_seven_paragraphs():
    result = read_input(SEED, RAW_DIR)
    assert result.rejections == []
    [article] = result.articles
    blocks = article.text.split("\n\n")
    assert len(blocks) == 8
    assert blocks[0] == "Putin’s Grand Plan for Asia" == article.title
    assert blocks.count(article.title) == 1
    openings = _expected_paragraph_openings()
    assert len(openings) == 7
    for block, opening in zip(blocks[1:], openings):
        assert " ".join(block.split()[:5]) == opening
    for banned in BANNED:
        assert banned not in article.text
    assert "\n\n\n" not in article.text and not re.search(r" \n|\n |  ", article.text)
    assert blocks[-1].endswith("better protect Russian property rights and trademarks.")


def test_seed_metadata_from_front_matter():
    [article] = read_input(SEED, RAW_DIR).articles
    assert article.source == "thediplomat/putins-grand-plan-for-asia.md"
    assert article.publisher == "The Diplomat"
    assert article.language == "en"
    # Month precision only, inferred from the content (see the front matter's note).
    assert (article.published_at.year, article.published_at.month) == (2012, 3)
    assert article.published_source == "front_matter"
    assert article.extra.get("published_precision") == "month"
    assert "source_note" in article.extra
