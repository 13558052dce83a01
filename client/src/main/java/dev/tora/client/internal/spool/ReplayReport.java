package dev.tora.client.internal.spool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a replay did: sent, refused, left behind, skipped, unreadable, and the servers that did not answer. */
public final class ReplayReport {

    int sentRequests;
    long sentPoints;
    int duplicateBatches;
    final List<SpoolEntry> rejected = new ArrayList<>();
    int leftRequests;
    long leftPoints;
    int busyStreams;
    final List<Path> unreadable = new ArrayList<>();
    final Map<String, String> unreachable = new LinkedHashMap<>();

    /** Requests delivered. */
    public int sentRequests() {
        return sentRequests;
    }

    /** Points in the delivered requests. */
    public long sentPoints() {
        return sentPoints;
    }

    /** Batches the server already had (a file sent before, or a batch delivered before it was spooled). */
    public int duplicateBatches() {
        return duplicateBatches;
    }

    /** Requests the server refused (4xx); their files stay with the error recorded. */
    public List<SpoolEntry> rejected() {
        return rejected;
    }

    /** Requests not sent (their server did not answer, or refused before and skipped). */
    public int leftRequests() {
        return leftRequests;
    }

    /** Points of the requests left. */
    public long leftPoints() {
        return leftPoints;
    }

    /** Streams skipped because a live run holds them. */
    public int busyStreams() {
        return busyStreams;
    }

    /** Files that could not be read, left in place. */
    public List<Path> unreadable() {
        return unreadable;
    }

    /** Servers that did not answer, with the last error. */
    public Map<String, String> unreachable() {
        return unreachable;
    }

    /** Whether everything found was delivered. */
    public boolean complete() {
        return rejected.isEmpty() && leftRequests == 0 && unreachable.isEmpty() && unreadable.isEmpty();
    }
}
