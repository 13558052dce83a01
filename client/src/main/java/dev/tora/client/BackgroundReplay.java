package dev.tora.client;

import dev.tora.client.internal.http.Transport;
import dev.tora.client.internal.spool.ReplayReport;
import dev.tora.client.internal.spool.SpoolFiles;
import dev.tora.client.internal.spool.SpoolReplayer;
import java.lang.System.Logger.Level;
import java.util.function.BooleanSupplier;

/**
 * Sends what earlier runs left in the spool for this client's server, from a daemon thread: once per
 * client, when its first run opens. Streams of live runs (of this JVM or others) are skipped, and
 * files the server refused before are left for {@code sync}.
 */
final class BackgroundReplay {

    private static final System.Logger LOG = System.getLogger("dev.tora.client");

    private BackgroundReplay() {
    }

    static void start(ClientOptions options, Transport transport, BooleanSupplier stop) {
        if (SpoolFiles.streams(options.spoolDir()).isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> replay(options, transport, stop), "tora-spool-replay");
        t.setDaemon(true);
        t.start();
    }

    private static void replay(ClientOptions options, Transport transport, BooleanSupplier stop) {
        try {
            ReplayReport report = new SpoolReplayer(options.spoolDir(), url -> transport,
                    SpoolReplayer.Options.background(options.serverUrl(), options.clock(), options.sleeper(), stop)).run();
            if (report.sentRequests() > 0) {
                LOG.log(Level.INFO, "tora: sent {0} spooled requests ({1} points) left by earlier runs",
                        report.sentRequests(), report.sentPoints());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "tora: replaying the spool failed", e);
        }
    }
}
