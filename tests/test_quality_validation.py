"""The suites on a real DuckDB file: a clean batch passes, injected faults fail the right rules
and land in the rejects tables, and the remaining rows pass afterwards."""

import pytest

from pipelines.quality.suites import SUITES, VALIDATED_TABLES
from pipelines.quality.validate import validate_table
from pipelines.store import db
from tests import quality_batch as qb


@pytest.fixture
def con(tmp_path):
    with db.connect(tmp_path / "warehouse.duckdb") as connection:
        qb.build_clean_warehouse(connection)
        yield connection


def failed_rules(validation) -> set[str]:
    return {o.rule.name for o in validation.outcomes if not o.success}


def rejects(con, table: str) -> list[tuple]:
    key = SUITES[table].key
    return con.execute(f"SELECT {key}, expectation FROM {table}_rejects ORDER BY {key}").fetchall()


def test_clean_batch_passes_every_rule(con):
    for table in VALIDATED_TABLES:
        validation = validate_table(con, table, [qb.INPUT])
        assert validation.n_rows > 0, table
        assert failed_rules(validation) == set(), (table, [(o.rule.name, o.sample, o.error)
                                                            for o in validation.outcomes if not o.success])
        assert validation.n_rejected == 0
        assert rejects(con, table) == []


def test_injected_faults_fail_the_right_rules_and_are_quarantined(con):
    faults = qb.inject_all_faults(con)
    expected = {
        "articles": set(),
        "entities": set(),
        "quotations": {"text_matches_article", "quotation_span_unique"},
        "time_expressions": {"interval_within_horizon"},
        "claims": {"about_within_horizon"},
        "stances": {"polarity_in_set"},
    }
    # Plausibility (a date in 3020) warns and keeps the row; integrity blocks and quarantines.
    warnings_only = {"time_expressions", "claims"}
    for table in VALIDATED_TABLES:
        validation = validate_table(con, table, [qb.INPUT])
        assert failed_rules(validation) == expected[table], table
        assert validation.passed == (not expected[table] or table in warnings_only)

    assert rejects(con, "quotations") == sorted([
        (faults["quotations_shifted"], "text_matches_article"),
        (faults["quotations_duplicate"], "quotation_span_unique"),  # the first copy stays
    ])
    assert rejects(con, "time_expressions") == [] and rejects(con, "claims") == []
    assert qb.one(con, "SELECT count(*) FROM claims WHERE claim_id = ?", [faults["claims_3020"]])[0] == 1
    assert rejects(con, "stances") == [(faults["stances_polarity"], "polarity_in_set")]
    # The rejected rows keep their values, and left the table.
    assert con.execute("SELECT polarity FROM stances_rejects").fetchone()[0] == "supportive"
    assert qb.one(con, "SELECT count(*) FROM stances WHERE stance_id = ?", [faults["stances_polarity"]])[0] == 0

    # The duplicate's original survives; the remaining rows pass every blocking rule.
    for table in VALIDATED_TABLES:
        assert failed_rules(validate_table(con, table, [qb.INPUT])) == (expected[table] if table in warnings_only
                                                                            else set()), table


def test_validation_is_limited_to_the_checked_partitions(con):
    con.execute("UPDATE stances SET score = -3.5 WHERE article_id = 'art-c'")  # art-c is in OTHER_INPUT
    assert failed_rules(validate_table(con, "stances", [qb.INPUT], quarantine=False)) == set()
    assert failed_rules(validate_table(con, "stances", [qb.OTHER_INPUT], quarantine=False)) == {"score_in_range"}
    assert failed_rules(validate_table(con, "stances", None, quarantine=False)) == {"score_in_range"}
    assert rejects(con, "stances") == []  # quarantine=False moves nothing


def test_offsets_are_code_points_not_bytes_or_graphemes(con):
    """The clean batch's spans follow an emoji ZWJ sequence and a combining accent; shifting one
    span by a single code point must break the text match."""
    quote_id = qb.one(con, "SELECT quote_id FROM quotations WHERE content_text LIKE 'the café%'")[0]
    assert validate_table(con, "quotations", [qb.INPUT], quarantine=False).passed
    con.execute("UPDATE quotations SET content_start = content_start - 1, content_end = content_end - 1 "
                "WHERE quote_id = ?", [quote_id])
    validation = validate_table(con, "quotations", [qb.INPUT])
    assert failed_rules(validation) == {"text_matches_article"}
    assert validation.outcome("text_matches_article").sample[0]["quote_id"] == quote_id


def test_two_current_versions_keep_the_newest(con):
    article_id, old_version = qb.second_current_version(con)
    validation = validate_table(con, "articles", [qb.INPUT])
    assert failed_rules(validation) == {"one_current_version"}
    assert con.execute("SELECT article_id, version, expectation FROM articles_rejects").fetchall() == [
        (article_id, old_version, "one_current_version")]
    assert qb.one(con, "SELECT list(version) FROM articles WHERE article_id = ?", [article_id])[0] == [2]


def test_orphan_rows_fail_the_foreign_key(con):
    con.execute("DELETE FROM articles WHERE article_id = 'art-b'")  # its extraction rows stay
    validation = validate_table(con, "claims", [qb.INPUT])
    assert failed_rules(validation) == {"article_exists"}
    assert {r[1] for r in rejects(con, "claims")} == {"article_exists"}
    assert qb.one(con, "SELECT count(*) FROM claims WHERE article_id = 'art-b'")[0] == 0


def test_entity_name_key_duplicate_and_bad_type(con):
    con.execute("INSERT INTO entities SELECT * REPLACE ('zz-dup' AS entity_id) FROM entities "
                "WHERE name_key = 'anna kovac'")
    con.execute("INSERT INTO entity_mentions SELECT * REPLACE ('m-dup' AS mention_id, 'zz-dup' AS entity_id) "
                "FROM entity_mentions WHERE article_id = 'art-b' LIMIT 1")
    con.execute("UPDATE entities SET type = 'ALIEN' WHERE name_key = 'jurgen muller'")
    validation = validate_table(con, "entities", [qb.INPUT])
    assert failed_rules(validation) == {"name_key_unique", "type_in_set"}
    assert sorted(r[1] for r in rejects(con, "entities")) == ["name_key_unique", "type_in_set"]


def test_warnings_report_but_do_not_quarantine(con):
    con.execute("UPDATE quotations SET speaker_entity_id = NULL")  # no speaker resolved at all
    con.execute("DELETE FROM stances")
    validation = validate_table(con, "quotations", [qb.INPUT])
    assert failed_rules(validation) == {"speaker_resolved_share"}
    assert validation.passed and validation.n_rejected == 0
    stances = validate_table(con, "stances", [qb.INPUT])
    assert failed_rules(stances) == {"stances_rows_for_articles"}
    assert stances.passed


def _summary(validation):
    return ({o.rule.name: (o.success, o.element_count, o.unexpected_count, sorted(o.failing_rowids))
             for o in validation.outcomes}, validation.n_rows, validation.n_rejected)


@pytest.mark.parametrize("table", ["quotations", "time_expressions", "claims", "stances"])
def test_a_batch_checked_in_chunks_gives_the_outcome_of_one_pass(tmp_path, monkeypatch, table):
    from pipelines.quality import validate

    summaries = []
    for chunk_articles in (10_000, 1):  # one pass, then one article per chunk
        monkeypatch.setattr(validate, "CHUNK_ARTICLES", chunk_articles)
        with db.connect(tmp_path / f"w{chunk_articles}.duckdb") as connection:
            qb.build_clean_warehouse(connection)
            qb.inject_all_faults(connection)
            summaries.append(_summary(validate_table(connection, table, [qb.INPUT])))
    assert summaries[0] == summaries[1]
    assert summaries[0][1] > 0
