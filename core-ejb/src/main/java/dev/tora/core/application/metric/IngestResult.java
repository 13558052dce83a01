package dev.tora.core.application.metric;

/** What a batch write did: how many points were written, and whether the batch was a repeat. */
public record IngestResult(int accepted, boolean duplicate) {
}
