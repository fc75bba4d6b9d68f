package dev.flightdeck.db.sql;

import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.StepAction;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One {@code sql} step, variables already resolved. Parameters fill the statement's {@code ?} placeholders and
 * are sent as bound values, typed by the server; they are never spliced into the text.
 *
 * @param keepRows whether the rows may be kept for the journal (off by default: rows may hold PHI)
 * @param timeout  the step's {@code timeout:}, replacing the pool's statement timeout for this statement
 */
public record SqlRequest(
        String statement, List<String> parameters, Expectation expect, boolean keepRows, Optional<Duration> timeout) {

    public SqlRequest {
        parameters = List.copyOf(parameters);
    }

    public SqlRequest(String statement, List<String> parameters, Expectation expect, boolean keepRows) {
        this(statement, parameters, expect, keepRows, Optional.empty());
    }

    public SqlRequest withTimeout(Duration stepTimeout) {
        return new SqlRequest(statement, parameters, expect, keepRows, Optional.of(stepTimeout));
    }

    /** A step without variables in its statement (parameters already resolved). */
    public static SqlRequest of(StepAction.Sql action, Expectation expect) {
        return new SqlRequest(action.statement(), action.parameters(), expect, action.journalRows());
    }

    /**
     * A step whose statement may refer to variables ({@code ${steps.count.value}}): each reference becomes a bound
     * parameter, never SQL text. {@code parameters} are the step's own, already resolved.
     */
    public static SqlRequest binding(
            String statement,
            List<String> parameters,
            Function<String, Optional<String>> variables,
            Expectation expect,
            boolean keepRows) {
        StatementVariables.Bound bound = StatementVariables.bind(statement, parameters, variables);
        return new SqlRequest(bound.statement(), bound.parameters(), expect, keepRows);
    }
}
