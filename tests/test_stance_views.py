"""The stance views over an in-memory warehouse: sql/schema/*.sql, then sql/views/*.sql."""

from pathlib import Path

import duckdb
import pytest

SQL = Path(__file__).resolve().parents[1] / "sql"
PUTIN, CHINA, NATO = "e-putin", "e-china", "e-nato"


def _article(con, article_id, published, version=1, is_current=True):
    con.execute(
        """INSERT INTO articles (article_id, version, is_current, input_key, source, published_at,
               published_source, text, char_length, content_hash, first_seen, last_seen)
           VALUES (?, ?, ?, 'inbox/a.txt', 'inbox/a.txt', ?, 'metadata', 'text', 4, 'h', now(), now())""",
        [article_id, version, is_current, published],
    )


def _entity(con, entity_id, name, kind):
    con.execute(
        "INSERT INTO entities VALUES (?, ?, ?, ?, [], now(), now())", [entity_id, name.lower(), name, kind]
    )


def _stance(con, stance_id, article_id, holder_id, target_id, score, evidence, holder_text=None,
            target_text="China", stated_at=None, version=1):
    polarity = "favor" if score > 0 else "against" if score < 0 else "neutral"
    con.execute(
        """INSERT INTO stances (stance_id, article_id, article_version, holder_text, holder_entity_id,
               target_text, target_entity_id, polarity, score, confidence, method, evidence_start,
               evidence_end, evidence_text, source_kind, stated_at, extractor_version)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0.8, 'rule', 0, 10, ?, 'quote', ?, 'stance-test')""",
        [stance_id, article_id, version, holder_text, holder_id, target_text, target_id, polarity, score,
         evidence, stated_at],
    )


@pytest.fixture()
def con():
    connection = duckdb.connect()
    for path in sorted((SQL / "schema").glob("*.sql")):
        connection.execute(path.read_text())
    for name in ("stance_timeline", "stance_changes", "speaker_activity", "stance_rows"):
        connection.execute((SQL / "views" / f"{name}.sql").read_text())
    _entity(connection, PUTIN, "Vladimir Putin", "PERSON")
    _entity(connection, CHINA, "China", "GPE")
    _entity(connection, NATO, "NATO", "ORG")
    _article(connection, "a1", "2012-01-10 09:00")
    _article(connection, "a2", "2012-01-25 09:00")
    _article(connection, "a3", "2012-03-02 09:00")
    _article(connection, "a4", "2012-04-15 09:00")
    yield connection
    connection.close()


def test_timeline_groups_by_holder_target_and_month(con):
    _stance(con, "s1", "a1", PUTIN, CHINA, 0.8, "welcome the rise of China")
    _stance(con, "s2", "a2", PUTIN, CHINA, 0.4, "by no means a threat")
    _stance(con, "s3", "a3", PUTIN, CHINA, -0.6, "fear becoming a junior partner")
    rows = con.execute(
        "SELECT holder, target, period, n, round(mean_score, 3), n_favor, n_against, first_seen, last_seen "
        "FROM stance_timeline ORDER BY period"
    ).fetchall()
    assert [(r[0], r[1], str(r[2]), r[3], r[4], r[5], r[6]) for r in rows] == [
        ("Vladimir Putin", "China", "2012-01-01", 2, 0.6, 2, 0),
        ("Vladimir Putin", "China", "2012-03-01", 1, -0.6, 0, 1),
    ]
    assert str(rows[0][7]) == "2012-01-10 09:00:00" and str(rows[0][8]) == "2012-01-25 09:00:00"


def test_timeline_prefers_stated_at_and_skips_undated_and_old_versions(con):
    _article(con, "a5", None)
    _article(con, "a1", "2012-01-10 09:00", version=2, is_current=False)
    _stance(con, "s1", "a5", PUTIN, CHINA, 0.5, "dated by the statement", stated_at="2012-05-05 10:00")
    _stance(con, "s2", "a5", PUTIN, NATO, -0.5, "no date anywhere", target_text="NATO")
    _stance(con, "s3", "a1", PUTIN, NATO, -0.5, "superseded version", target_text="NATO", version=2)
    rows = con.execute("SELECT target, CAST(period AS VARCHAR), n FROM stance_timeline").fetchall()
    assert rows == [("China", "2012-05-01", 1)]


def test_unresolved_holders_group_by_text_not_by_guess(con):
    _stance(con, "s1", "a1", None, CHINA, -0.5, "critics said", holder_text="Critics")
    _stance(con, "s2", "a2", None, CHINA, -0.7, "critics again", holder_text="critics")
    _stance(con, "s3", "a2", PUTIN, CHINA, 0.7, "Putin welcomed")
    rows = con.execute(
        "SELECT holder_group, holder_entity_id, n FROM stance_timeline ORDER BY holder_group"
    ).fetchall()
    assert rows == [(PUTIN, PUTIN, 1), ("text:critics", None, 2)]


def test_changes_report_sign_flips_between_consecutive_periods_with_evidence(con):
    _stance(con, "s1", "a1", PUTIN, CHINA, 0.8, "welcome the rise of China")
    _stance(con, "s2", "a1", PUTIN, CHINA, 0.2, "weak favor")
    _stance(con, "s3", "a3", PUTIN, CHINA, -0.9, "fear becoming a junior partner")
    _stance(con, "s4", "a4", PUTIN, CHINA, -0.3, "still wary")  # same sign: no change
    _stance(con, "s5", "a1", PUTIN, NATO, -0.5, "aversion to interventions", target_text="NATO")
    _stance(con, "s6", "a3", PUTIN, NATO, -0.4, "still against", target_text="NATO")
    rows = con.execute(
        "SELECT holder, target, CAST(from_period AS VARCHAR), from_evidence_text, from_article_id, "
        "CAST(to_period AS VARCHAR), to_evidence_text, to_article_id, change FROM stance_changes"
    ).fetchall()
    assert rows == [
        ("Vladimir Putin", "China", "2012-01-01", "welcome the rise of China", "a1",
         "2012-03-01", "fear becoming a junior partner", "a3", "favor->against"),
    ]


def test_changes_skip_neutral_months(con):
    _stance(con, "s1", "a1", PUTIN, CHINA, -0.5, "against first")
    _stance(con, "s2", "a3", PUTIN, CHINA, 0.0, "neutral in between")
    _stance(con, "s3", "a4", PUTIN, CHINA, 0.6, "favor later")
    rows = con.execute("SELECT CAST(from_period AS VARCHAR), CAST(to_period AS VARCHAR), change FROM stance_changes").fetchall()
    assert rows == [("2012-01-01", "2012-04-01", "against->favor")]


def test_speaker_activity_counts_quotations_stances_and_claims(con):
    con.execute(
        """INSERT INTO quotations (quote_id, article_id, article_version, content_text, content_start,
               content_end, kind, speaker_text, speaker_entity_id, speaker_name, confidence, extractor_version)
           VALUES ('q1', 'a1', 1, 'x', 0, 1, 'direct', 'Putin', ?, 'Vladimir Putin', 0.9, 't'),
                  ('q2', 'a3', 1, 'y', 0, 1, 'direct', 'an official', NULL, NULL, 0.5, 't')""",
        [PUTIN],
    )
    con.execute(
        """INSERT INTO claims (claim_id, article_id, article_version, text, start_offset, end_offset,
               claimer, claimer_entity_id, claimer_source, about_source, modality, checkworthy,
               extractor_version)
           VALUES ('c1', 'a4', 1, 'z', 0, 1, 'Vladimir Putin', ?, 'quote', 'published', 'asserted', 0.5, 't')""",
        [PUTIN],
    )
    _stance(con, "s1", "a1", PUTIN, CHINA, 0.8, "welcome")
    rows = con.execute(
        "SELECT name, entity_id, n_quotations, n_stances, n_claims, n_articles, "
        "CAST(first_seen AS VARCHAR), CAST(last_seen AS VARCHAR) FROM speaker_activity ORDER BY holder_group"
    ).fetchall()
    assert rows == [
        ("Vladimir Putin", PUTIN, 1, 1, 1, 2, "2012-01-10 09:00:00", "2012-04-15 09:00:00"),
        ("an official", None, 1, 0, 0, 1, "2012-03-02 09:00:00", "2012-03-02 09:00:00"),
    ]


def test_stance_rows_show_resolved_names_beside_the_mentions(con):
    _stance(con, "s1", "a1", PUTIN, CHINA, 0.8, "He welcomed the rise of Beijing.", holder_text="He",
            target_text="Beijing")
    _stance(con, "s2", "a2", None, CHINA, -0.5, "A critic attacked China.", holder_text="a critic")
    _article(con, "a1", "2012-01-10 09:00", version=2, is_current=True)
    con.execute("UPDATE articles SET is_current = false WHERE article_id = 'a1' AND version = 1")
    rows = con.execute("SELECT holder, target, polarity, holder_mention, target_mention FROM stance_rows "
                       "ORDER BY stance_id").fetchall()
    assert rows == [("a critic", "China", "against", "a critic", "China")]  # s1's version is superseded
    con.execute("UPDATE articles SET is_current = true WHERE article_id = 'a1' AND version = 1")
    con.execute("DELETE FROM articles WHERE article_id = 'a1' AND version = 2")
    first = con.execute("SELECT holder, target, holder_mention, target_mention FROM stance_rows "
                        "WHERE stance_id = 's1'").fetchone()
    assert first == ("Vladimir Putin", "China", "He", "Beijing")
