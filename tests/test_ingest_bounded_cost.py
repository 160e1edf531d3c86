"""Tiny or huge hostile inputs cost bounded time and memory (issue 15, finding 6)."""

import subprocess
import sys
import time

from tests.conftest import REPO_ROOT

BOMB_LEVELS = 8


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, BOMB_LEVELS + 1):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return "---\ntitle: Bomb\n" + "\n".join(lines) + "\n---\nThe mayor said the budget would pass.\n"


def test_a_yaml_alias_bomb_in_front_matter_is_quarantined_at_once():
    from pipelines.ingest.text_reader import read_text

    started = time.monotonic()
    result = read_text(_alias_bomb(), "bomb.md")
    assert time.monotonic() - started < 1.0
    assert not result.articles
    assert [r.reason for r in result.rejections] == ["malformed_front_matter"]
    assert "aliases" in result.rejections[0].detail


def test_a_few_aliases_are_still_fine():
    from pipelines.ingest.text_reader import read_text

    text = "---\ntitle: &t Budget vote\nsubtitle: *t\n---\nThe mayor said the budget would pass.\n"
    assert read_text(text, "ok.md").articles


def test_an_alias_bomb_in_sources_yaml_is_a_config_error(tmp_path):
    import pytest

    from pipelines.ingest.remote import SourcesConfigError, load_sources

    path = tmp_path / "sources.yaml"
    path.write_text(_alias_bomb().split("---")[1])
    with pytest.raises(SourcesConfigError):
        load_sources(path)


def test_an_oversized_file_is_rejected_by_its_size_without_reading_it(tmp_path):
    """A 300 MB (sparse) file against a 64 MB cap: quarantined as too_large, and the process never
    holds the file in memory (peak RSS grows by far less than the file)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(raw / "huge.txt", "wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    script = (
        "import resource, sys\n"
        "import duckdb\n"
        "from pipelines.config import Settings\n"
        "from pipelines.store import db\n"
        "from pipelines.steps.ingest import ingest_input\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "con = duckdb.connect()\n"
        "db.apply_sql(con)\n"
        "stats = ingest_input(con, Settings.from_env(), 'huge.txt')\n"
        "grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024\n"
        "print(stats.reasons, grown)\n"
    )
    env = {"CLAIMS_RAW_DIR": str(raw), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    reasons, grown_mb = done.stdout.strip().rsplit(" ", 1)
    assert "too_large" in reasons
    assert int(grown_mb) < 150, f"peak memory grew by {grown_mb} MB while rejecting a 300 MB file"


def test_a_symlink_loop_in_the_inbox_does_not_stop_discovery(tmp_path):
    from pipelines.ingest.files import discover

    (tmp_path / "good.txt").write_text("Title\n\nThe mayor said the budget would pass.\n")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert [(item.input_key, item.problem) for item in discover(tmp_path)] == [
        ("good.txt", None), ("loop.txt", "broken_symlink")]


def test_a_lone_surrogate_in_json_is_replaced_not_fatal():
    from pipelines.ingest.json_reader import read_jsonl

    line = '{"title": "Bad \\ud800 title", "text": "The mayor said \\ud800 the budget would pass on Monday."}'
    [article] = read_jsonl(line, "bad.jsonl").articles
    assert "\ufffd" in article.text and "\ud800" not in article.text
    article.text.encode("utf-8")  # would raise UnicodeEncodeError with the surrogate


def test_one_bad_byte_in_utf8_is_replaced_not_a_reason_for_a_legacy_codepage():
    from pipelines.ingest.sniff import decode_text

    data = "He said \u201cthe budget will pass\u201d \u2014 and left.".encode() + b"\xff" + " Caf\u00e9.".encode()
    text = decode_text(data)
    assert "\u201cthe budget will pass\u201d" in text and "\ufffd" in text and "Caf\u00e9" in text


def test_a_short_latin1_file_is_read_as_latin1():
    from pipelines.ingest.sniff import decode_text

    assert decode_text("La cr\u00e8me br\u00fbl\u00e9e du chef.".encode("latin-1")) == "La cr\u00e8me br\u00fbl\u00e9e du chef."
