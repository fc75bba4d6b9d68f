package dev.flightdeck.live;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.steps.LocalShell;
import dev.flightdeck.session.steps.RunStepExecutor;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sessions with instruments beside them, for the baseline tests: local run steps, a fast journal, an engine without triggers. */
final class InstrumentedSessions {

    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    private final Path kit;
    private final OperatorKey key = JournalFixture.newOperatorKey();

    /** @param kit where the SSH test kit keeps its user home (run steps here are {@code on: local}) */
    InstrumentedSessions(Path kit) {
        this.kit = kit;
    }

    static MetricsEngine engine(Clock clock) {
        return new MetricsEngine(
                List.of(), clock, MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {});
    }

    /** Run steps, plus the given executors. */
    SessionJournals.Setup setup(SshSessions ssh, Map<StepKind, StepExecutor> more) {
        Map<StepKind, StepExecutor> executors = new EnumMap<>(StepKind.class);
        executors.put(
                StepKind.RUN,
                new RunStepExecutor(
                        ssh,
                        new TargetResolver(Inventory.empty(), SshConfigFile.parse(""), new SshTestKit(kit).userHome()),
                        new LocalShell()));
        executors.putAll(more);
        return new SessionJournals.Setup(
                JournalFixture.PASSPHRASE.clone(),
                key,
                JournalFixture.fastOptions(),
                List.of(),
                Inventory.empty(),
                executors);
    }
}
