package dev.flightdeck.notify;

import dev.flightdeck.inventory.NotificationChannel;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * E-mail over SMTP through Eclipse Angus Mail (Jakarta Mail): STARTTLS required by default (the session refuses to
 * send in the clear if the server does not offer it), or implicit TLS; the server's name is checked against its
 * certificate. Plain text, one message per notification, the subject prefixed with [Flightdeck].
 */
final class EmailSender implements Sender {

    private final NotificationChannel.Email channel;
    private final char[] password;
    private final Properties properties;
    private final String protocol;

    EmailSender(NotificationChannel.Email channel, char[] password, Duration timeout) throws NotificationException {
        this.channel = channel;
        this.password = password;
        this.properties = properties(channel, timeout);
        this.protocol = channel.tls() == NotificationChannel.Email.Tls.IMPLICIT ? "smtps" : "smtp";
    }

    private static Properties properties(NotificationChannel.Email channel, Duration timeout)
            throws NotificationException {
        String protocol = channel.tls() == NotificationChannel.Email.Tls.IMPLICIT ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put(prefix + "host", channel.host());
        p.put(prefix + "port", String.valueOf(channel.port()));
        p.put(prefix + "auth", String.valueOf(channel.user().isPresent()));
        String millis = String.valueOf(timeout.toMillis());
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
        if (channel.tls() == NotificationChannel.Email.Tls.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (channel.tls() != NotificationChannel.Email.Tls.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
            p.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
            if (channel.rootCert().isPresent()) {
                p.put(
                        prefix + "ssl.socketFactory",
                        trusting(Path.of(channel.rootCert().get())));
            }
        }
        return p;
    }

    /** TLS that trusts the given certificate authority (a company's own relay) instead of the system's. */
    private static SSLSocketFactory trusting(Path pem) throws NotificationException {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int index = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new NotificationException("root-cert " + pem + " cannot be used: " + e.getMessage(), true);
        }
    }

    @Override
    public String send(Notification notification) throws NotificationException {
        jakarta.mail.Session mail = jakarta.mail.Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setFrom(new InternetAddress(channel.from(), true));
            Address[] recipients = new Address[channel.to().size()];
            for (int i = 0; i < recipients.length; i++) {
                recipients[i] = new InternetAddress(channel.to().get(i), true);
            }
            message.setRecipients(MimeMessage.RecipientType.TO, recipients);
            message.setSubject("[Flightdeck] " + notification.fallback(), "UTF-8");
            message.setText(notification.plainText(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("X-Flightdeck-Notification", notification.id());
            message.saveChanges();
            // the protocol by name: Transport.send would map an e-mail address to plain "smtp" and ignore implicit TLS
            try (Transport transport = mail.getTransport(protocol)) {
                transport.connect(
                        channel.host(),
                        channel.port(),
                        channel.user().orElse(null),
                        channel.user().isPresent() ? new String(password) : null);
                transport.sendMessage(message, message.getAllRecipients());
            }
            return "accepted by " + channel.host() + ":" + channel.port() + " for " + String.join(", ", channel.to());
        } catch (AddressException e) {
            throw new NotificationException(
                    "an address of channel '" + channel.name() + "' is malformed: " + e.getMessage(), true);
        } catch (AuthenticationFailedException e) {
            throw new NotificationException(
                    "the SMTP server refused the login of " + channel.user().orElse("?") + " (not retried)", true);
        } catch (MessagingException e) {
            throw new NotificationException(
                    "not sent through " + channel.host() + ":" + channel.port() + ": " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(")");
        }
        return text.toString();
    }
}
