package dev.flightdeck.sandbox.clinic;

/**
 * Where the clinic app's pool connects: the sandbox database as its own least-privilege role. The password is the
 * sandbox's throwaway one for that role; it lives as long as the sandbox and is never written anywhere.
 */
public record AppDatabase(String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "AppDatabase[" + jdbcUrl + " as " + user + "]";
    }
}
