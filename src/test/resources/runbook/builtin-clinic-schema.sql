-- The clinic database the seed documents describe, as far as the built-in runbooks' SQL touches it:
-- the clinic tables of seeds 001/002/003, the HIPAA tables of seed 004 before its migration, the
-- application's format_phone() that seed 001's data migration calls, and the extensions they use.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

CREATE TABLE patients (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    name VARCHAR(200) NOT NULL,
    phone VARCHAR(30)
);
CREATE TABLE visits (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    patient_id UUID NOT NULL REFERENCES patients(id),
    visited_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE documents (
    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
    patient_id UUID NOT NULL REFERENCES patients(id),
    title VARCHAR(200) NOT NULL
);
CREATE TABLE clients_hipaa (id SERIAL PRIMARY KEY, name_encrypted BYTEA NOT NULL);
CREATE TABLE sessions_hipaa (id SERIAL PRIMARY KEY, client_id INT NOT NULL REFERENCES clients_hipaa(id));
CREATE TABLE treatment_plans_hipaa (id SERIAL PRIMARY KEY, client_id INT NOT NULL REFERENCES clients_hipaa(id));

CREATE FUNCTION format_phone(raw TEXT) RETURNS VARCHAR(20) LANGUAGE sql IMMUTABLE
    AS $$ SELECT left(regexp_replace(raw, '[^0-9+]', '', 'g'), 20) $$;

INSERT INTO patients (name, phone) VALUES ('A. Patient', '+254 (700) 000-001'), ('B. Patient', '0700 000 002'), ('C. Patient', NULL);
INSERT INTO visits (patient_id) SELECT id FROM patients;
INSERT INTO documents (patient_id, title) SELECT id, 'intake form' FROM patients;
INSERT INTO clients_hipaa (name_encrypted) VALUES ('\x01'), ('\x02');
INSERT INTO sessions_hipaa (client_id) SELECT id FROM clients_hipaa;
INSERT INTO treatment_plans_hipaa (client_id) SELECT id FROM clients_hipaa;
