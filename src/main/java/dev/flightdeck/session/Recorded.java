package dev.flightdeck.session;

import java.time.Instant;

/** An event as the journal holds it: with its sequence number, time and the person (or system) who caused it. */
public record Recorded(long sequence, Instant time, String actor, SessionEvent event) {}
