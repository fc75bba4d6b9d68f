package dev.flightdeck.ssh.config;

/** {@code ~/.ssh/config} asks for something Flightdeck refuses to guess at ({@code Match exec}); the message says where and why. */
public final class SshConfigException extends RuntimeException {

    public SshConfigException(String message) {
        super(message);
    }
}
