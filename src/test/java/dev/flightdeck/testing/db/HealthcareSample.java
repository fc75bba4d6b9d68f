package dev.flightdeck.testing.db;

import dev.flightdeck.db.DatabaseSteps;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.place.LocalCommandPlace;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A small clinic schema (patients with phones, visits) for tests of the database steps. */
public final class HealthcareSample {

    public static final List<String> TABLES = List.of("patients", "visits");
    public static final Map<String, List<String>> KEYS =
            Map.of("patients", List.of("id", "name"), "visits", List.of("id", "patient_id", "status"));

    private HealthcareSample() {}

    public static void load(TestDatabase database, int patients) {
        database.execute("CREATE TABLE patients (id int PRIMARY KEY, name text NOT NULL, phone text);"
                + "CREATE TABLE visits (id int PRIMARY KEY, patient_id int REFERENCES patients, status text, at date);"
                + "CREATE INDEX visits_patient ON visits (patient_id);"
                + "INSERT INTO patients SELECT g, 'patient ' || g, '555-' || g FROM generate_series(1, " + patients
                + ") g;"
                + "INSERT INTO visits SELECT g, 1 + g % " + patients
                + ", CASE WHEN g % 7 = 0 THEN 'cancelled' ELSE 'done' END,"
                + " date '2026-01-01' + g % 300 FROM generate_series(1, " + patients * 5 + ") g;"
                + "ANALYZE");
    }

    public static DatabaseSteps steps(TestDatabase database, List<Object> events) {
        return DatabaseSteps.open(
                database.target(),
                PasswordSource.none(),
                PoolSettings.console(),
                new LocalCommandPlace(System.getenv()),
                Clock.systemUTC(),
                events::add);
    }
}
