package dev.flightdeck.ssh;

/** Identifies one command on one host within a run, so output lines and outcome can be tied to their intent. */
public record CommandId(String host, long number) {

    @Override
    public String toString() {
        return host + "#" + number;
    }
}
