package dev.tora.client.internal.delivery;

import dev.tora.client.Clock;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a sender needs to know: where to send and spool, when to send ({@code wakeAt} waiting
 * points or every {@code flushInterval}), when to give up on memory ({@code spoolGrace} of outage,
 * {@code maxBuffered} points), and the command that sends a spool (for messages).
 */
public record SenderSettings(String serverUrl, Path spoolDir, Duration spoolGrace, long maxBuffered,
                             Duration flushInterval, int wakeAt, Duration requestTimeout, Clock clock,
                             String syncCommand) {
}
