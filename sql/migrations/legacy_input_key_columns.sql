-- Tables of a warehouse made before the inputs were told apart from the Dagster partitions
-- (issue 17): their input column is still called partition_key and is renamed to input_key.
SELECT table_name
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_catalog, table_schema, table_name)
WHERE c.column_name = 'partition_key' AND t.table_type = 'BASE TABLE' AND c.table_schema = current_schema()
ORDER BY table_name;
