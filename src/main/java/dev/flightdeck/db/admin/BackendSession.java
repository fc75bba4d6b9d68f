package dev.flightdeck.db.admin;

/** A session connected to a database, as the operator needs to see it before ending it. */
public record BackendSession(int processId, String user, String application, String clientAddress, String state) {

    public String describe() {
        String app = application.isBlank() ? "no application name" : application;
        return "pid " + processId + " (" + user + ", " + app
                + (clientAddress.isBlank() ? "" : ", from " + clientAddress) + ", " + state + ")";
    }
}
