package dev.flightdeck.app;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.steps.AlarmWatch;
import dev.flightdeck.session.steps.HttpStepExecutor;
import dev.flightdeck.session.steps.LocalShell;
import dev.flightdeck.session.steps.NotifyStepExecutor;
import dev.flightdeck.session.steps.RunStepExecutor;
import dev.flightdeck.session.steps.StepExecutor;
import dev.flightdeck.session.steps.WaitStepExecutor;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshException;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshUserHome;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything a live session acts through, wired once: SSH sessions with the operator's host keys, target
 * resolution from the inventory and {@code ~/.ssh/config}, an HTTP client, and one executor per step kind.
 */
public final class SessionServices implements AutoCloseable {

    private final SshSessions ssh;
    private final TargetResolver targets;
    private final Map<StepKind, StepExecutor> executors = new EnumMap<>(StepKind.class);

    public SessionServices(AppContext context, Inventory inventory, Credentials credentials, SshEventListener sshEvents,
                           AlarmWatch alarms, Clock clock) throws IOException {
        SshUserHome userHome = SshUserHome.fromSystem(context.environment());
        SshConfigFile sshConfig = Files.isRegularFile(userHome.config()) ? SshConfigFile.read(userHome.config()) : SshConfigFile.parse("");
        HostKeyVerifier verifier = HostKeyVerifier.forOperator(userHome.knownHosts(), context.home().knownHosts());
        this.ssh = new SshSessions(SshSettings.defaults(), verifier, credentials, sshEvents);
        this.targets = new TargetResolver(inventory, sshConfig, userHome);
        HttpClient http = HttpStepExecutor.defaultClient();
        executors.put(StepKind.RUN, new RunStepExecutor(ssh, targets, new LocalShell()));
        executors.put(StepKind.HTTP, new HttpStepExecutor(http));
        executors.put(StepKind.NOTIFY, new NotifyStepExecutor(http));
        executors.put(StepKind.WAIT, new WaitStepExecutor(alarms, clock));
    }

    public Map<StepKind, StepExecutor> executors() {
        return Map.copyOf(executors);
    }

    /** Trusts exactly this key for this host, as the operator decided (e.g. {@code --trust-host app1=SHA256:...}). */
    public TrustResult trust(String host, String fingerprint) throws SshException {
        return ssh.trust(targets.target(host), fingerprint);
    }

    @Override
    public void close() {
        ssh.close();
    }
}
