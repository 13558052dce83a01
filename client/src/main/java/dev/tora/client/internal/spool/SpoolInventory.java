package dev.tora.client.internal.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What waits in a spool directory, counted without sending anything or holding a lock. */
public record SpoolInventory(int requests, long points, int rejected, int streams, int busyStreams,
                             TreeMap<String, Long> pointsByServer, Set<String> experiments) {

    /** Counts the requests of {@code spoolDir}. */
    public static SpoolInventory of(Path spoolDir) {
        int requests = 0;
        long points = 0;
        int rejected = 0;
        int streams = 0;
        int busy = 0;
        TreeMap<String, Long> byServer = new TreeMap<>();
        Set<String> experiments = new TreeSet<>();
        for (Path stream : SpoolFiles.streams(spoolDir)) {
            var files = SpoolFiles.requests(stream);
            if (files.isEmpty()) {
                continue;
            }
            streams++;
            if (!StreamLock.isFree(stream.resolve(SpoolFiles.LOCK_NAME))) {
                busy++;
            }
            for (Path f : files) {
                SpoolEntry e;
                try {
                    e = SpoolEntry.read(f);
                } catch (IOException | IllegalArgumentException unreadable) {
                    continue;
                }
                requests++;
                points += e.points();
                rejected += e.rejected() ? 1 : 0;
                byServer.merge(e.serverUrl(), e.points(), Long::sum);
                experiments.add(e.experimentId());
            }
        }
        return new SpoolInventory(requests, points, rejected, streams, busy, byServer, experiments);
    }
}
