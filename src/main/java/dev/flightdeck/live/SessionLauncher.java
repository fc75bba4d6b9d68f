package dev.flightdeck.live;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Settings;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.SecretNames;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalOptions;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.crypto.PassphrasePolicy;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.AnalysisPause;
import dev.flightdeck.metrics.rules.ArmedRollback;
import dev.flightdeck.metrics.rules.CountdownCancellation;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.notify.Notifications;
import dev.flightdeck.notify.Outbox;
import dev.flightdeck.notify.SecretSource;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.JournaledSources;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionAlarms;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.ssh.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** Starts or resumes a live session: the operator's signing key, the services, the journal. One place for the CLI and the console. */
public final class SessionLauncher {

    /**
     * The session's {@code ${ts}}: UTC, like every record's time, and marked so ({@code 20261202_103800Z}), so a file
     * named by it on a server in another time zone still says when it was made.
     */
    private static final DateTimeFormatter SESSION_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter JOURNAL_FOLDER_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * What the operator chose for the session. {@code passphrase} is wiped by the caller afterwards.
     *
     * @param roster      the team file the session's approvals are checked against (journaled at the start); none:
     *                    typed approvals, shown as unverified
     * @param operatorKey the operator's personal key, which then opens the session and signs its checkpoints instead
     *                    of the installation key
     */
    public record Choices(
            Runbook runbook,
            String runbookSha256,
            Inventory inventory,
            String inventoryName,
            Map<String, String> values,
            String operator,
            Path journal,
            char[] passphrase,
            PasswordSource databasePasswords,
            Credentials sshCredentials,
            SessionEvent.Mode mode,
            Optional<Roster> roster,
            Optional<PersonalKey> operatorKey) {

        /** With the installation key and no roster. */
        public Choices(
                Runbook runbook,
                String runbookSha256,
                Inventory inventory,
                String inventoryName,
                Map<String, String> values,
                String operator,
                Path journal,
                char[] passphrase,
                PasswordSource databasePasswords,
                Credentials sshCredentials,
                SessionEvent.Mode mode) {
            this(
                    runbook,
                    runbookSha256,
                    inventory,
                    inventoryName,
                    values,
                    operator,
                    journal,
                    passphrase,
                    databasePasswords,
                    sshCredentials,
                    mode,
                    Optional.empty(),
                    Optional.empty());
        }
    }

    private final AppContext context;
    private final JournalOptions journalOptions;
    private final KdfCost keyCost;

    public SessionLauncher(AppContext context, JournalOptions journalOptions, KdfCost keyCost) {
        this.context = context;
        this.journalOptions = journalOptions;
        this.keyCost = keyCost;
    }

    public static SessionLauncher forProduction(AppContext context) {
        return new SessionLauncher(context, JournalOptions.defaults(), KdfCost.production());
    }

    private Function<String, Optional<char[]>> secretPrompt = what -> Optional.empty();
    private Outbox.Policy notificationPolicy = Outbox.Policy.defaults();

    /** Asks a person for notification secrets declared as {@code prompt} (the text says which); without it they are unavailable. */
    public SessionLauncher withSecretPrompt(Function<String, Optional<char[]>> prompt) {
        this.secretPrompt = prompt;
        return this;
    }

    /** How notifications are retried (tests and benchmarks use short waits). */
    public SessionLauncher withNotificationPolicy(Outbox.Policy policy) {
        this.notificationPolicy = policy;
        return this;
    }

    public LiveSession start(Choices choices) throws IOException {
        Journal.requireNewDirectory(choices.journal());
        requireStrong(choices.passphrase(), "a new journal");
        return open(
                choices,
                (setup, runbook) -> SessionJournals.start(choices.journal(), opening(choices), runbook, setup),
                true);
    }

    public LiveSession resume(Choices choices, String reason) throws IOException {
        return open(
                choices,
                (setup, runbook) -> SessionJournals.resume(
                        choices.journal(),
                        runbook,
                        choices.runbookSha256(),
                        choices.operator().strip(),
                        setup,
                        reason),
                false);
    }

    private interface Opener {
        Session open(SessionJournals.Setup setup, Runbook runbook);
    }

    private LiveSession open(Choices choices, Opener opener, boolean starting) throws IOException {
        context.home().ensureExists();
        OperatorKey key = signingKey(choices);
        AtomicReference<Session> current = new AtomicReference<>();
        Notifications notifications = SessionNotifications.open(
                context,
                choices.inventory(),
                choices.runbook(),
                secretPrompt,
                notificationPolicy,
                () -> Optional.ofNullable(current.get()));
        SessionServices services = new SessionServices(
                context,
                choices.inventory(),
                choices.sshCredentials(),
                choices.databasePasswords(),
                new JournalingSshEvents(() -> Optional.ofNullable(current.get())),
                SessionAlarms.of(() -> Optional.ofNullable(current.get()).map(Session::state)),
                Clock.systemDefaultZone());
        // built before the session so baseline steps can read it, started after so everything it journals has a session
        MetricsEngine engine = instruments(choices, current::get);
        engine.groups(choices.inventory()::groupsOf);
        PrometheusSecret prometheusSecret =
                PrometheusSecret.resolve(choices.inventory(), new SecretSource(context.environment(), secretPrompt));
        try {
            Map<StepKind, StepExecutor> executors = new EnumMap<>(services.executors());
            executors.put(
                    StepKind.BASELINE,
                    new BaselineStepExecutor(engine, minute -> current.get().recordMetricsMinute(minute)));
            executors.put(
                    StepKind.NOTIFY,
                    notifications.notifyStep(services.executors().get(StepKind.NOTIFY)));
            List<char[]> secrets = new ArrayList<>(notifications.secrets());
            secrets.addAll(secretValues(choices.values()));
            secrets.addAll(prometheusSecret.values());
            SessionJournals.Setup setup = new SessionJournals.Setup(
                    choices.passphrase(),
                    key,
                    journalOptions.withOperator(choices.operator().strip()),
                    secrets,
                    choices.inventory(),
                    executors,
                    choices.roster());
            Session session = opener.open(setup, choices.runbook());
            // a resumed session's journal does not hold its secret variables: this start's values supply them again
            session.supplySecrets(choices.values());
            current.set(session);
            notifications.attach(session, starting);
            startInstruments(engine, choices, session, services, prometheusSecret);
            return new LiveSession(session, services, engine, notifications);
        } catch (RuntimeException e) {
            engine.close();
            notifications.outbox().close();
            services.close();
            throw e;
        }
    }

    /** The operator's personal key when one was given, else the installation's key (created on first use). */
    private OperatorKey signingKey(Choices choices) {
        if (choices.operatorKey().isPresent()) {
            return choices.operatorKey().get().key();
        }
        OperatorKeyStore keys = new OperatorKeyStore(context.home().keys());
        if (!Files.exists(keys.privateKeyFile())) {
            requireStrong(choices.passphrase(), "a new signing key");
        }
        return keys.loadOrCreate(choices.passphrase(), keyCost);
    }

    /** New journals and keys only: an existing one opens with the passphrase it was made with. */
    private static void requireStrong(char[] passphrase, String what) {
        PassphrasePolicy.weakness(passphrase).ifPresent(weakness -> {
            throw new IllegalArgumentException(
                    "the passphrase is too weak to protect " + what + ": " + weakness + ". Nothing was created.");
        });
    }

    /** Values of variables whose names say they are secrets: masked wherever the session's text goes (journal, terminal, console). */
    private static List<char[]> secretValues(Map<String, String> values) {
        return values.entrySet().stream()
                .filter(entry -> SecretNames.isSecret(entry.getKey()))
                .filter(entry -> entry.getValue() != null && !entry.getValue().isBlank())
                .map(entry -> entry.getValue().toCharArray())
                .toList();
    }

    /**
     * The live instruments: the runbook's rollback triggers evaluated on every sample; a firing trigger and each minute's
     * summary go into the journal of the session {@code session} gives (set before the instruments start).
     */
    private static MetricsEngine instruments(Choices choices, Supplier<Session> session) {
        return new MetricsEngine(
                choices.runbook().rollbackTriggers(),
                Clock.systemUTC(),
                MetricsEngine.Options.defaults(),
                new TriggerListener() {
                    @Override
                    public void alarmRaised(Alarm alarm) {
                        session.get().recordAlarm(alarm.trigger(), alarm.actionText(), alarm.evidence());
                    }

                    // the console and `run --auto-rollback` start the rollback when they see EXPIRED in the journal
                    @Override
                    public void rollbackArmed(ArmedRollback armed) {
                        session.get()
                                .recordCountdown(
                                        armed.alarm().trigger(),
                                        SessionEvent.CountdownState.ARMED,
                                        "rollback starts at " + armed.deadline());
                    }

                    @Override
                    public void countdownCancelled(CountdownCancellation cancelled) {
                        session.get()
                                .recordCountdown(
                                        cancelled.rollback().alarm().trigger(),
                                        SessionEvent.CountdownState.CANCELLED,
                                        "cancelled by " + cancelled.cancelledBy() + ": " + cancelled.reason());
                    }

                    @Override
                    public void analysisPaused(AnalysisPause pause) {
                        session.get()
                                .recordInconclusive(
                                        pause.trigger(),
                                        pause.kindText(),
                                        pause.series().map(SeriesId::toString).orElse(""),
                                        pause.evidence());
                    }

                    @Override
                    public void shadowFired(Alarm alarm, String wouldHave) {
                        session.get().recordShadowAlarm(alarm.trigger(), wouldHave, alarm.evidence());
                    }

                    @Override
                    public void countdownExpired(ArmedRollback armed) {
                        session.get()
                                .recordCountdown(
                                        armed.alarm().trigger(),
                                        SessionEvent.CountdownState.EXPIRED,
                                        "the countdown armed at " + armed.armedAt() + " ran out without a cancel");
                    }
                },
                minute -> session.get()
                        .recordMetricsMinute(new SessionEvent.MetricsMinute(
                                minute.id().toString(),
                                minute.minute().toString(),
                                minute.min(),
                                minute.max(),
                                minute.average(),
                                minute.count(),
                                minute.describe())));
    }

    /**
     * Starts collecting the inventory's endpoints, hosts and databases on their schedules, through the session's SSH pool
     * and database passwords; the baselines are captured just before the first step that changes something, unless a
     * baseline step took them first.
     */
    private static void startInstruments(
            MetricsEngine engine,
            Choices choices,
            Session session,
            SessionServices services,
            PrometheusSecret prometheusSecret) {
        engine.start(InventoryCollectors.forInventory(
                choices.inventory(),
                InventoryCollectors.defaultClient(),
                new InventoryCollectors.Connections(
                        services.ssh(), services.targets(), services.databasePasswords(), prometheusSecret),
                InventoryCollectors.Intervals.defaults(),
                Clock.systemUTC()));
        session.addListener(new BaselineOnFirstChange(
                engine, session, () -> SessionJournals.read(choices.journal(), choices.passphrase())));
    }

    private static SessionEvent.SessionOpened opening(Choices choices) {
        String timestamp = SESSION_TIMESTAMP.format(Instant.now());
        Runbook runbook = choices.runbook();
        String inventoryText = JournaledSources.inventoryText(choices.inventoryName());
        return new SessionEvent.SessionOpened(
                UUID.randomUUID().toString(),
                runbook.id(),
                runbook.title(),
                runbook.source(),
                choices.runbookSha256(),
                choices.operator().strip(),
                choices.inventoryName(),
                timestamp,
                choices.values(),
                choices.mode(),
                JournaledSources.runbookText(runbook, choices.runbookSha256()),
                inventoryText,
                JournaledSources.sha256(inventoryText));
    }

    /** Checks, before the session starts, that the inventory's hosts, databases and endpoints answer; close it after. */
    public ConnectionCheck connectionCheck(
            Inventory inventory, Credentials sshCredentials, PasswordSource databasePasswords) throws IOException {
        return ConnectionCheck.open(context, inventory, sshCredentials, databasePasswords);
    }

    /**
     * The runbook's variables at the start, for the command line and the console alike: their defaults, then the
     * inventory's vars, then the values the operator gave.
     */
    public static Map<String, String> startValues(Runbook runbook, Inventory inventory, Map<String, String> given) {
        Map<String, String> values = new HashMap<>();
        runbook.variables().forEach(v -> v.defaultValue().ifPresent(d -> values.put(v.name(), d)));
        runbook.variables().stream()
                .filter(v -> inventory.vars().containsKey(v.name()))
                .forEach(v -> values.put(v.name(), inventory.vars().get(v.name())));
        values.putAll(given);
        return values;
    }

    /** Where a new inventory for this runbook goes when the operator writes one in the console. */
    public Path suggestedInventory(Runbook runbook) {
        return context.home().inventories().resolve(runbook.id() + ".inventory.yaml");
    }

    /** The roster setting ({@code roster} in Flightdeck's settings), when one is set. */
    public Optional<Path> defaultRoster() {
        return Settings.load(context.home())
                .get(Settings.ROSTER)
                .filter(path -> !path.isBlank())
                .map(Path::of);
    }

    /** Where a new session's journal goes by default: Flightdeck's journals folder, named by runbook and time. */
    public Path defaultJournal(Runbook runbook) {
        String timestamp = JOURNAL_FOLDER_TIMESTAMP.format(Instant.now());
        return context.home().journals().resolve(runbook.id() + "-" + timestamp);
    }
}
