package dev.tora.client.internal.spool;

import dev.tora.client.Clock;
import dev.tora.client.Sleeper;
import dev.tora.client.internal.http.Backoff;
import dev.tora.client.internal.http.Retrier;
import dev.tora.client.internal.http.TagMerge;
import dev.tora.client.internal.http.Transport;
import dev.tora.client.internal.json.Json;
import dev.tora.client.internal.json.JsonReader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Sends the files of unlocked streams, stream by stream and file by file, in name order. A file
 * whose server does not answer stops its stream (later files must not overtake it) and the other
 * streams of that server; a refused file is marked and the stream goes on.
 */
public final class SpoolReplayer {

    private static final System.Logger LOG = System.getLogger("dev.tora.client");

    /** How a replay is done. */
    public record Options(String onlyServer, String targetServer, boolean includeRejected, int attempts,
                          BiConsumer<SpoolEntry, Retrier.Outcome> onSent, BooleanSupplier shouldStop,
                          Backoff backoff, Sleeper sleeper, Clock clock) {

        /** Every file, to the server each names, 5 attempts each (what {@code sync} does). */
        public static Options sync(Clock clock, Sleeper sleeper) {
            return new Options(null, null, true, 5, (e, o) -> { }, () -> false, Backoff.standard(), sleeper, clock);
        }

        /** The same, sending every file to {@code url} instead of the server it names. */
        public Options toServer(String url) {
            return new Options(onlyServer, url, includeRejected, attempts, onSent, shouldStop, backoff, sleeper, clock);
        }

        /** The same, calling {@code callback} after each file that got an answer. */
        public Options onSent(BiConsumer<SpoolEntry, Retrier.Outcome> callback) {
            return new Options(onlyServer, targetServer, includeRejected, attempts, callback, shouldStop, backoff,
                    sleeper, clock);
        }

        /** What a client starting up does: only files of its server, not refused ones, 3 attempts. */
        public static Options background(String server, Clock clock, Sleeper sleeper, BooleanSupplier shouldStop) {
            return new Options(server, null, false, 3, (e, o) -> { }, shouldStop, Backoff.standard(), sleeper, clock);
        }
    }

    private final Path spoolDir;
    private final Function<String, Transport> transports;
    private final Options options;
    private final Map<String, Transport> byServer = new HashMap<>();
    private final ReplayReport report = new ReplayReport();

    /** A replayer of {@code spoolDir}; {@code transports} gives the transport of a server URL. */
    public SpoolReplayer(Path spoolDir, Function<String, Transport> transports, Options options) {
        this.spoolDir = spoolDir;
        this.transports = transports;
        this.options = options;
    }

    /** Replays every stream it can lock. */
    public ReplayReport run() {
        for (Path stream : SpoolFiles.streams(spoolDir)) {
            if (options.shouldStop().getAsBoolean()) {
                break;
            }
            stream(stream);
        }
        return report;
    }

    private void stream(Path directory) {
        boolean hadFiles = SpoolFiles.hasRequests(directory);
        StreamLock lock;
        try {
            lock = StreamLock.tryAcquire(directory.resolve(SpoolFiles.LOCK_NAME), true);
        } catch (IOException e) {
            return;
        }
        if (lock == null) {
            if (hadFiles) {
                report.busyStreams++;
            }
            return;
        }
        try {
            List<Path> files = SpoolFiles.requests(directory); // now that it is ours
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                SpoolEntry entry;
                try {
                    entry = SpoolEntry.read(f);
                } catch (IOException | IllegalArgumentException e) {
                    LOG.log(Level.WARNING, "tora: cannot read spool file {0} ({1}); left in place", f, e.getMessage());
                    report.unreadable.add(f);
                    continue;
                }
                if (options.onlyServer() != null && !entry.serverUrl().equals(options.onlyServer())) {
                    return; // a stream belongs to one server; another client's concern
                }
                if (entry.rejected() && !options.includeRejected()) {
                    report.leftRequests++;
                    report.leftPoints += entry.points();
                    continue; // refused before: only sync tries it again
                }
                if (report.unreachable.containsKey(target(entry)) || options.shouldStop().getAsBoolean()) {
                    countLeft(files.subList(i, files.size()));
                    return;
                }
                if (!send(entry)) {
                    countLeft(files.subList(i, files.size()));
                    return;
                }
            }
        } finally {
            boolean empty = !SpoolFiles.hasRequests(directory);
            lock.release(empty);
            if (empty) {
                try {
                    Files.deleteIfExists(directory);
                } catch (IOException notEmpty) {
                    // a temporary file of a writer that died; left for people to look at
                }
            }
        }
    }

    private String target(SpoolEntry entry) {
        return options.targetServer() != null ? options.targetServer() : entry.serverUrl();
    }

    private void countLeft(List<Path> files) {
        for (Path f : files) {
            try {
                SpoolEntry e = SpoolEntry.read(f);
                report.leftRequests++;
                report.leftPoints += e.points();
            } catch (IOException | IllegalArgumentException unreadable) {
                // counted as unreadable when its turn comes
            }
        }
    }

    /** Delivers one file; false when its server does not answer (the stream stops there). */
    private boolean send(SpoolEntry entry) {
        String server = target(entry);
        Transport transport = byServer.computeIfAbsent(server, transports);
        Retrier retrier = new Retrier(options.backoff(), options.sleeper(), options.clock(), options.attempts(),
                options.shouldStop());
        Retrier.Outcome outcome = retrier.run(() -> {
            if ("add_tags".equals(entry.kind())) {
                return TagMerge.addTags(transport, entry.experimentId(), TagMerge.tagsOf(JsonReader.parse(entry.bodyJson())));
            }
            return transport.send(entry.method(), entry.requestPath(), entry.bodyBytes());
        });
        if (outcome.ok()) {
            SpoolFiles.deleteQuietly(entry.path());
            report.sentRequests++;
            report.sentPoints += entry.points();
            Map<String, Object> data = Json.object(outcome.response().body(), "data");
            if ("metrics".equals(entry.kind()) && data != null && Boolean.TRUE.equals(data.get("duplicate"))) {
                report.duplicateBatches++;
            }
            options.onSent().accept(entry, outcome);
            return true;
        }
        record(entry, outcome);
        if (outcome.refused()) {
            report.rejected.add(entry);
            options.onSent().accept(entry, outcome);
            return true;
        }
        report.unreachable.put(server, outcome.failure().message());
        return false;
    }

    private void record(SpoolEntry entry, Retrier.Outcome outcome) {
        try {
            entry.recordFailure(outcome.failure());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "tora: cannot record the failure in {0}: {1}", entry.path(), e.toString());
        }
    }
}
