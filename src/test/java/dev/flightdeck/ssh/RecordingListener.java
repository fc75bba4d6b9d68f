package dev.flightdeck.ssh;

import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes every SSH event as one text line, in order, so tests can check what the journal would receive. */
final class RecordingListener implements SshEventListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void connectionOpened(SshTarget target, Duration took) {
        events.add("opened " + target.name());
    }

    @Override
    public void connectionClosed(SshTarget target) {
        events.add("closed " + target.name());
    }

    @Override
    public void connectionLost(SshTarget target, String reason) {
        events.add("lost " + target.name());
    }

    @Override
    public void hostKeyChecked(SshTarget target, HostKeyVerdict verdict) {
        events.add("hostkey " + target.name() + " " + verdict.getClass().getSimpleName() + " "
                + verdict.key().fingerprint());
    }

    @Override
    public void hostKeyTrustDecided(SshTarget target, String fingerprint, TrustResult result) {
        events.add("trust " + target.name() + " " + fingerprint + " " + result);
    }

    @Override
    public void commandIntent(CommandId id, SshTarget target, String command) {
        events.add("intent " + id + " " + command);
    }

    @Override
    public void outputLine(CommandId id, OutputStreamKind stream, String line) {
        events.add("line " + id + " " + stream + " " + line);
    }

    @Override
    public void commandOutcome(CommandId id, SshTarget target, CommandOutcome outcome, Duration duration) {
        events.add("outcome " + id + " " + outcome);
    }

    List<String> startingWith(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }
}
