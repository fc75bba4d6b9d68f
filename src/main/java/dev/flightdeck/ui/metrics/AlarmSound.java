package dev.flightdeck.ui.metrics;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm's sound: three short 880 Hz beeps generated in memory and played through {@code javax.sound.sampled}
 * (JavaFX's media module is not part of Flightdeck, and AWT's beep is not used in JavaFX code). It plays on its
 * own daemon thread; a machine without an audio device (a server, a headless test) is told once in the log and the
 * alarm stays on screen only.
 */
public final class AlarmSound {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmSound.class);
    private static final float RATE = 22_050;
    private static final double FREQUENCY = 880;
    private static final int BEEPS = 3;
    private static final double BEEP_SECONDS = 0.18;
    private static final double PAUSE_SECONDS = 0.12;

    private final AtomicBoolean playing = new AtomicBoolean();
    private final AtomicBoolean toldUnavailable = new AtomicBoolean();

    /** Starts the tone unless one is still playing; returns at once. */
    public void play() {
        if (!playing.compareAndSet(false, true)) {
            return;
        }
        Thread player = new Thread(this::playNow, "flightdeck-alarm-sound");
        player.setDaemon(true);
        player.start();
    }

    private void playNow() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] tone = tone();
            line.write(tone, 0, tone.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            if (toldUnavailable.compareAndSet(false, true)) {
                LOG.info("No audio output for the alarm sound ({}); alarms are shown on screen only", e.getMessage());
            }
        } finally {
            playing.set(false);
        }
    }

    /** 16-bit little-endian mono samples: beeps with a short fade in and out so they do not click. */
    static byte[] tone() {
        int beep = (int) (RATE * BEEP_SECONDS);
        int pause = (int) (RATE * PAUSE_SECONDS);
        byte[] samples = new byte[(beep + pause) * BEEPS * 2];
        int fade = beep / 10;
        for (int b = 0; b < BEEPS; b++) {
            int offset = b * (beep + pause);
            for (int i = 0; i < beep; i++) {
                double envelope = Math.min(1, Math.min(i, beep - i) / (double) fade);
                short value = (short) (Math.sin(2 * Math.PI * FREQUENCY * i / RATE) * envelope * 0.4 * Short.MAX_VALUE);
                samples[(offset + i) * 2] = (byte) value;
                samples[(offset + i) * 2 + 1] = (byte) (value >> 8);
            }
        }
        return samples;
    }
}
