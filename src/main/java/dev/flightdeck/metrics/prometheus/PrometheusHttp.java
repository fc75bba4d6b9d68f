package dev.flightdeck.metrics.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The HTTP client and credentials of a Prometheus server: its own certificate authority, and the Authorization header. */
public final class PrometheusHttp {

    private PrometheusHttp() {}

    /** A client that trusts the system's authorities, or only the PEM file {@code caCert}. */
    public static HttpClient client(Optional<Path> caCert) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (caCert.isPresent()) {
            builder.sslContext(trusting(caCert.get()));
        }
        return builder.build();
    }

    private static SSLContext trusting(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new IOException("ca-cert " + pem + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("ca-cert " + pem + " cannot be used: " + e.getMessage(), e);
        }
    }

    public static String bearer(char[] token) {
        return "Bearer " + new String(token);
    }

    public static String basic(String user, char[] password) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8));
    }
}
