import pytest

from pipelines.query import WriteRefused, check_read_only


@pytest.mark.parametrize("sql", ["SELECT 1", "select * from articles; select 2", "EXPLAIN SELECT 1"])
def test_reads_are_allowed(sql):
    check_read_only(sql)


@pytest.mark.parametrize("sql", ["DELETE FROM articles", "SELECT 1; DROP TABLE articles", "INSERT INTO t VALUES (1)",
                                 "COPY articles TO 'x.csv'", "ATTACH 'other.duckdb'", "UPDATE articles SET title = ''",
                                 "CREATE TABLE t AS SELECT 1"])
def test_writes_are_refused(sql):
    with pytest.raises(WriteRefused):
        check_read_only(sql)
