DO $migration$
BEGIN
    IF (SELECT version FROM schema_version) <> 1 THEN
        RAISE EXCEPTION 'the clinic schema is not at version 1; nothing was changed';
    END IF;
    ALTER TABLE clients_hipaa RENAME TO patients;
    ALTER TABLE patients RENAME COLUMN client_name TO full_name;
    -- Expand, do not contract: v1 keeps reading the old names through this view while the canary runs.
    CREATE VIEW clients_hipaa AS
        SELECT id, full_name AS client_name, date_of_birth, phone, insurance_id, created_at FROM patients;
    GRANT SELECT ON clients_hipaa TO clinic_app;
    UPDATE schema_version SET version = 2;
END
$migration$
