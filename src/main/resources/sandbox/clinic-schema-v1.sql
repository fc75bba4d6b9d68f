-- Clinic schema v1: the layout before the HIPAA refactor (seed 004 calls the patient table clients_hipaa).
CREATE TABLE users (
    id          integer PRIMARY KEY,
    username    text NOT NULL UNIQUE,
    full_name   text NOT NULL,
    role        text NOT NULL CHECK (role IN ('physician', 'nurse', 'front_desk', 'lab', 'admin')),
    active      boolean NOT NULL DEFAULT true
);
CREATE TABLE clients_hipaa (
    id              integer PRIMARY KEY,
    client_name     text NOT NULL,
    date_of_birth   date NOT NULL,
    phone           text,
    insurance_id    text,
    created_at      timestamp NOT NULL
);
CREATE TABLE visits (
    id              integer PRIMARY KEY,
    client_id       integer NOT NULL REFERENCES clients_hipaa (id),
    physician_id    integer NOT NULL REFERENCES users (id),
    visited_at      timestamp NOT NULL,
    reason          text NOT NULL,
    status          text NOT NULL CHECK (status IN ('booked', 'done', 'cancelled'))
);
CREATE INDEX visits_client ON visits (client_id);
CREATE TABLE prescriptions (
    id              integer PRIMARY KEY,
    visit_id        integer NOT NULL REFERENCES visits (id),
    medication      text NOT NULL,
    dose            text NOT NULL,
    refills         integer NOT NULL
);
CREATE TABLE lab_results (
    id              integer PRIMARY KEY,
    visit_id        integer NOT NULL REFERENCES visits (id),
    test_name       text NOT NULL,
    value           numeric(8, 2) NOT NULL,
    unit            text NOT NULL,
    flagged         boolean NOT NULL
);
CREATE TABLE schema_version (
    version         integer NOT NULL
);
INSERT INTO schema_version VALUES (1);
