package dev.flightdeck.db.sql;

import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.StepAction;
import java.util.List;

/**
 * One {@code sql} step, variables already resolved. Parameters fill the statement's {@code ?} placeholders and
 * are sent as bound values, typed by the server; they are never spliced into the text.
 *
 * @param keepRows whether the rows may be kept for the journal (off by default: rows may hold PHI)
 */
public record SqlRequest(String statement, List<String> parameters, Expectation expect, boolean keepRows) {

    public SqlRequest {
        parameters = List.copyOf(parameters);
    }

    public static SqlRequest of(StepAction.Sql action, Expectation expect) {
        return new SqlRequest(action.statement(), action.parameters(), expect, action.journalRows());
    }
}
