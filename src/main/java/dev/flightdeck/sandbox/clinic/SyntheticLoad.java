package dev.flightdeck.sandbox.clinic;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of clinic API requests (front desk looking up patients and their visits) spread over the app hosts,
 * so the error rate and latency the metrics panel and the rollback triggers read are live. Runs one request per call
 * of {@link #tick()}; the sandbox schedules it. Requests to an app that is down are counted as refused.
 */
public final class SyntheticLoad implements AutoCloseable {

    private final List<LoopbackHttpClient> clients;
    private final int patients;
    private final Random random = new Random(42);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private int next;

    public SyntheticLoad(List<ClinicApp> apps, int patients) {
        this.clients =
                apps.stream().map(app -> new LoopbackHttpClient(app.port())).toList();
        this.patients = patients;
    }

    public synchronized void tick() {
        LoopbackHttpClient client = clients.get(next++ % clients.size());
        int patient = 1 + random.nextInt(patients);
        String path = random.nextInt(3) == 0 ? "/api/patients/" + patient + "/visits" : "/api/patients/" + patient;
        try {
            client.get(path);
            answered.incrementAndGet();
        } catch (IOException | RuntimeException down) {
            client.close();
            refused.incrementAndGet();
        }
    }

    public long answered() {
        return answered.get();
    }

    public long refused() {
        return refused.get();
    }

    @Override
    public synchronized void close() {
        clients.forEach(LoopbackHttpClient::close);
    }
}
