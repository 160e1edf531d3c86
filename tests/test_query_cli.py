"""`claims query` must not write, read files, reach the network, or run forever."""

import duckdb
import pytest

from pipelines.cli.main import main
from pipelines.cli.query import QueryTimeout, WriteRefused, check_read_only, read_only_connection, run_query


@pytest.mark.parametrize("sql", ["SELECT 1", "select * from articles; select 2", "EXPLAIN SELECT 1",
                                 "WITH a AS (SELECT 1) SELECT * FROM a", "DESCRIBE articles", "SHOW TABLES",
                                 "SUMMARIZE articles", "FROM articles", "-- a comment\nSELECT 1"])
def test_reads_are_allowed(sql):
    check_read_only(sql)


@pytest.mark.parametrize("sql", ["DELETE FROM articles", "SELECT 1; DROP TABLE articles", "INSERT INTO t VALUES (1)",
                                 "COPY articles TO 'x.csv'", "ATTACH 'other.duckdb'", "UPDATE articles SET title = ''",
                                 "CREATE TABLE t AS SELECT 1", "SET enable_external_access = true",
                                 "PRAGMA import_database('/tmp')", "CALL pragma_version()",
                                 "WITH a AS (SELECT 1) INSERT INTO t SELECT * FROM a",
                                 "EXPLAIN ANALYZE COPY (SELECT 'CREATE TABLE pwned AS SELECT 42' AS s) "
                                 "TO 'sql/views/zz.sql' (HEADER false, QUOTE '')",
                                 "EXPLAIN /* hidden */ analyse SELECT 1", "EXPLAIN COPY articles TO 'x.csv'",
                                 "INSTALL httpfs", "LOAD httpfs"])
def test_writes_and_side_effects_are_refused(sql):
    with pytest.raises(WriteRefused):
        check_read_only(sql)


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "w.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles AS SELECT 1 AS id, 'x' AS title")
    con.close()
    return path


@pytest.mark.parametrize("sql", ["SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM read_csv('/etc/passwd')",
                                 "SELECT * FROM glob('/root/*')",
                                 "SELECT * FROM read_parquet('https://example.invalid/a.parquet')"])
def test_the_connection_reaches_no_file_and_no_url(warehouse, sql):
    with read_only_connection(warehouse) as con:
        with pytest.raises(duckdb.PermissionException):
            run_query(con, sql)


def test_the_connection_cannot_be_reconfigured(warehouse):
    with read_only_connection(warehouse) as con:
        with pytest.raises(duckdb.Error):
            con.execute("SET enable_external_access = true")
        assert run_query(con, "SELECT count(*) AS n FROM articles")["n"].tolist() == [1]


def test_a_long_query_is_stopped(warehouse):
    slow = "SELECT sum(hash(a.range * b.range)) FROM range(200000) a, range(200000) b"
    with read_only_connection(warehouse) as con:
        with pytest.raises(QueryTimeout):
            run_query(con, slow, timeout_seconds=0.5)


def test_the_explain_analyze_attack_writes_nothing(warehouse, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(warehouse))
    target = tmp_path / "zz.sql"
    attack = (f"EXPLAIN ANALYZE COPY (SELECT 'CREATE TABLE pwned AS SELECT 42' AS s) TO '{target}' "
              "(HEADER false, QUOTE '')")
    assert main(["query", attack]) == 2
    assert not target.exists()
    assert "EXPLAIN ANALYZE" in capsys.readouterr().err


def test_a_sql_typo_is_one_line_with_duckdbs_hint(warehouse, monkeypatch, capsys):
    monkeypatch.setenv("CLAIMS_WAREHOUSE", str(warehouse))
    assert main(["query", "SELECT * FROM articels"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Did you mean" in err and "Traceback" not in err
