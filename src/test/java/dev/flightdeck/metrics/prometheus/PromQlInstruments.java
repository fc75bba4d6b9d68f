package dev.flightdeck.metrics.prometheus;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.AnalysisPause;
import dev.flightdeck.metrics.rules.ArmedRollback;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Instruments read from a real Prometheus as a session builds them: the inventory's {@code prometheus:} entry and the
 * runbook's triggers, both parsed from YAML, in an engine whose listener queues what the triggers say.
 */
final class PromQlInstruments implements AutoCloseable, TriggerListener {

    final BlockingQueue<Alarm> alarms = new LinkedBlockingQueue<>();
    final BlockingQueue<AnalysisPause> pauses = new LinkedBlockingQueue<>();
    final BlockingQueue<String> shadows = new LinkedBlockingQueue<>();
    final BlockingQueue<ArmedRollback> armed = new LinkedBlockingQueue<>();
    final MetricsEngine engine;
    final Inventory inventory;
    private final InventoryCollectors.SecretResolver secrets;

    /** @param inventoryYaml an inventory with a {@code prometheus:} entry; {@code triggersYaml} the runbook's rollback-triggers list */
    PromQlInstruments(String inventoryYaml, String triggersYaml) {
        this(inventoryYaml, triggersYaml, ref -> {
            throw new IllegalStateException("no credential in this test");
        });
    }

    /** As above, reading the {@code prometheus:} entry's credential with {@code secrets}. */
    PromQlInstruments(String inventoryYaml, String triggersYaml, InventoryCollectors.SecretResolver secrets) {
        this.secrets = secrets;
        Parsed<Inventory> parsedInventory = InventoryLoader.load(inventoryYaml, "test.inventory.yaml", Map.of());
        inventory = parsedInventory
                .value()
                .filter(i -> parsedInventory.problems().isEmpty())
                .orElseThrow(() -> new AssertionError("inventory: " + parsedInventory.problems()));
        String runbookYaml =
                "runbook: PromQL rules\nphases:\n  - id: p\n    steps:\n      - id: s\n        confirm: ok\n"
                        + "rollback:\n  - confirm: rolled back\nrollback-triggers:\n" + triggersYaml;
        Parsed<Runbook> runbook = RunbookLoader.load(runbookYaml, "test.runbook.yaml", "test");
        Runbook loaded = runbook.value()
                .filter(r -> runbook.problems().stream().noneMatch(p -> p.isError()))
                .orElseThrow(() -> new AssertionError("runbook: " + runbook.problems()));
        engine = new MetricsEngine(
                loaded.rollbackTriggers(), Clock.systemUTC(), MetricsEngine.Options.defaults(), this, minute -> {});
        engine.groups(inventory::groupsOf);
    }

    PromQlInstruments start() {
        engine.start(List.of(InventoryCollectors.prometheus(
                inventory.prometheus().orElseThrow(),
                secrets,
                inventory.prometheus().orElseThrow().every().orElse(Duration.ofSeconds(1)),
                Clock.systemUTC())));
        return this;
    }

    static <T> T next(BlockingQueue<T> queue, String what) throws InterruptedException {
        T item = queue.poll(60, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("no " + what + " within 60 s");
        }
        return item;
    }

    @Override
    public void alarmRaised(Alarm alarm) {
        alarms.add(alarm);
    }

    @Override
    public void analysisPaused(AnalysisPause pause) {
        pauses.add(pause);
    }

    @Override
    public void shadowFired(Alarm alarm, String wouldHave) {
        shadows.add(alarm.trigger() + " " + wouldHave + ": " + alarm.evidence().get(0));
    }

    @Override
    public void rollbackArmed(ArmedRollback rollback) {
        armed.add(rollback);
    }

    @Override
    public void close() {
        engine.close();
    }
}
