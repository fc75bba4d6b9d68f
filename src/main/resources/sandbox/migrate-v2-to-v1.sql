DO $reverse$
BEGIN
    IF (SELECT version FROM schema_version) <> 2 THEN
        RAISE EXCEPTION 'the clinic schema is not at version 2; nothing was changed';
    END IF;
    DROP VIEW clients_hipaa;
    ALTER TABLE patients RENAME COLUMN full_name TO client_name;
    ALTER TABLE patients RENAME TO clients_hipaa;
    UPDATE schema_version SET version = 1;
END
$reverse$
