package dev.flightdeck.ui.rollback;

/** One entry of the rollback checklist as the screen shows it: number, kind, title, why, status. */
public record RollbackRow(String number, String kind, String title, String why, String status) {}
