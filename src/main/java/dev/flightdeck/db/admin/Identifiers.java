package dev.flightdeck.db.admin;

import java.nio.charset.StandardCharsets;

/**
 * Quoting for names in statements that cannot take bound parameters (CREATE/ALTER DATABASE, table names).
 * Values are always bound; only names known to the inventory, the catalog or Flightdeck itself are quoted here.
 */
public final class Identifiers {

    /** PostgreSQL truncates longer names (NAMEDATALEN - 1). */
    public static final int MAX_LENGTH = 63;

    private Identifiers() {}

    /** {@code "name"} with embedded quotes doubled; refuses names PostgreSQL would silently truncate or reject. */
    public static String quote(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0 || name.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new IllegalArgumentException("not a usable PostgreSQL name: " + name);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A possibly schema-qualified table name ({@code public.visits}) quoted part by part. */
    public static String quoteQualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }
}
