package dev.flightdeck.sandbox.database;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic clinic data for schema v1, the same for every sandbox (a seeded {@link Random}): invented names from
 * short word lists, 555-01xx phone numbers (reserved for fiction), insurance ids with a SBX prefix. No real person
 * is in it. A few thousand rows: enough for counts and content hashes to mean something, loaded in about a second.
 */
public final class ClinicData {

    public static final int USERS = 40;
    public static final int PATIENTS = 1200;
    public static final int VISITS = 3000;
    public static final int PRESCRIPTIONS = 1800;
    public static final int LAB_RESULTS = 2400;

    private static final String[] FIRST = {
        "Avery", "Blake", "Casey", "Dana", "Eden", "Finley", "Gray", "Harper", "Indy", "Jordan", "Kai", "Lee", "Morgan",
        "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Taylor"
    };
    private static final String[] LAST = {
        "Ashdown",
        "Birchley",
        "Colfax",
        "Dunmore",
        "Elmsworth",
        "Fairhurst",
        "Glenrow",
        "Hollin",
        "Ivesby",
        "Jarrow",
        "Kestle",
        "Linford",
        "Marlow",
        "Northam",
        "Orwell",
        "Penrith"
    };
    private static final String[] ROLES = {"physician", "nurse", "front_desk", "lab", "admin"};
    private static final String[] REASONS = {
        "annual check-up", "follow-up", "vaccination", "blood pressure review", "lab review", "minor injury"
    };
    private static final String[] MEDICATIONS = {
        "amoxicillin", "lisinopril", "metformin", "atorvastatin", "ibuprofen", "omeprazole"
    };
    private static final String[] TESTS = {"HbA1c", "LDL", "TSH", "hemoglobin", "creatinine"};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 5, 8, 0);

    private final Random random;

    public ClinicData(long seed) {
        this.random = new Random(seed);
    }

    /** Fills an empty v1 schema in one transaction of the caller's. */
    public void load(Connection connection) throws SQLException {
        users(connection);
        patients(connection);
        visits(connection);
        prescriptions(connection);
        labResults(connection);
    }

    private void users(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users VALUES (?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= USERS; id++) {
                String first = pick(FIRST);
                String last = pick(LAST);
                insert.setInt(1, id);
                insert.setString(2, (first.charAt(0) + last).toLowerCase(Locale.ROOT) + id);
                insert.setString(3, first + " " + last);
                insert.setString(4, id <= 10 ? "physician" : pick(ROLES));
                insert.setBoolean(5, random.nextInt(10) > 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void patients(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO clients_hipaa VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= PATIENTS; id++) {
                insert.setInt(1, id);
                insert.setString(2, pick(FIRST) + " " + pick(LAST));
                insert.setDate(3, Date.valueOf(LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80))));
                insert.setString(4, random.nextInt(5) == 0 ? null : String.format("555-01%02d", random.nextInt(100)));
                insert.setString(5, String.format("SBX-%06d", random.nextInt(1_000_000)));
                insert.setTimestamp(6, Timestamp.valueOf(EPOCH.minusDays(random.nextInt(2000))));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void visits(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= VISITS; id++) {
                insert.setInt(1, id);
                insert.setInt(2, 1 + random.nextInt(PATIENTS));
                insert.setInt(3, 1 + random.nextInt(10));
                insert.setTimestamp(4, Timestamp.valueOf(EPOCH.plusMinutes(15L * random.nextInt(40_000))));
                insert.setString(5, pick(REASONS));
                insert.setString(6, random.nextInt(10) == 0 ? "cancelled" : random.nextInt(4) == 0 ? "booked" : "done");
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void prescriptions(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO prescriptions VALUES (?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= PRESCRIPTIONS; id++) {
                insert.setInt(1, id);
                insert.setInt(2, 1 + random.nextInt(VISITS));
                insert.setString(3, pick(MEDICATIONS));
                insert.setString(4, (1 + random.nextInt(4)) * 250 + " mg");
                insert.setInt(5, random.nextInt(4));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void labResults(Connection connection) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO lab_results VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= LAB_RESULTS; id++) {
                double value = 1 + random.nextDouble() * 150;
                insert.setInt(1, id);
                insert.setInt(2, 1 + random.nextInt(VISITS));
                insert.setString(3, pick(TESTS));
                insert.setBigDecimal(4, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
                insert.setString(5, "mg/dL");
                insert.setBoolean(6, value > 120);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }
}
