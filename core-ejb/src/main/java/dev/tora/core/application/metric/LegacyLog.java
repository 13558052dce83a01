package dev.tora.core.application.metric;

/**
 * One entry of the original {@code tora} 0.0.12 SDK's {@code logs/batch} body.
 *
 * @param msgId   the entry's own idempotency id (null: always written)
 * @param step    {@code SeriesWrite.AUTO_STEP} when absent
 */
public record LegacyLog(String name, String msgId, double value, long step, String metadataJson) {
}
