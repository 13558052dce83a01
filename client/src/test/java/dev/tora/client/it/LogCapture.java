package dev.tora.client.it;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Records what the client logs (through System.Logger, which the JDK backs with java.util.logging). */
final class LogCapture extends Handler implements AutoCloseable {

    private static final Logger CLIENT = Logger.getLogger("dev.tora.client");

    private final List<LogRecord> records = new ArrayList<>();
    private final Level previous;
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture() {
        previous = CLIENT.getLevel();
        setLevel(Level.ALL);
        CLIENT.setLevel(Level.ALL);
        CLIENT.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The formatted messages at WARNING and above. */
    synchronized List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (LogRecord r : records) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                out.add(formatter.formatMessage(r));
            }
        }
        return out;
    }

    /** Warnings that contain {@code text}. */
    List<String> warningsWith(String text) {
        List<String> out = new ArrayList<>();
        for (String w : warnings()) {
            if (w.contains(text)) {
                out.add(w);
            }
        }
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        CLIENT.removeHandler(this);
        CLIENT.setLevel(previous);
    }
}
