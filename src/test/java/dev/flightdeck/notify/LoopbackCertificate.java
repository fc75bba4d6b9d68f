package dev.flightdeck.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 (subject alternative name ip:127.0.0.1), made with the JDK's keytool: the mail
 * servers present it, and the channel trusts it through {@code root-cert}, so the server's name is really checked.
 */
record LoopbackCertificate(Path keystore, Path pem, char[] password) {

    static LoopbackCertificate create(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("smtp.p12");
        Path pem = dir.resolve("smtp-ca.pem");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(
                keytool,
                "-genkeypair",
                "-alias",
                "smtp",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"));
        run(List.of(
                keytool,
                "-exportcert",
                "-rfc",
                "-alias",
                "smtp",
                "-keystore",
                keystore.toString(),
                "-storepass",
                "changeit",
                "-file",
                pem.toString()));
        return new LoopbackCertificate(keystore, pem, "changeit".toCharArray());
    }

    SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
