package dev.tora.client.cli;

import dev.tora.client.ClientOptions;
import dev.tora.client.Clock;
import dev.tora.client.Sleeper;
import dev.tora.client.internal.http.HttpClients;
import dev.tora.client.internal.http.Retrier;
import dev.tora.client.internal.http.Transport;
import dev.tora.client.internal.spool.ReplayReport;
import dev.tora.client.internal.spool.SpoolEntry;
import dev.tora.client.internal.spool.SpoolInventory;
import dev.tora.client.internal.spool.SpoolReplayer;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** {@code sync}: shows what waits in the spool, then sends it with progress and a summary. */
public final class SyncCommand {

    /** The command's arguments. */
    public record Arguments(boolean dryRun, String spool, String serverUrl, boolean help) {

        /** Parses {@code [--dry-run] [--spool DIR] [--server-url URL]}. */
        public static Arguments parse(String[] args) {
            boolean dryRun = false;
            boolean help = false;
            String spool = null;
            String server = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--dry-run")) {
                    dryRun = true;
                } else if (a.equals("-h") || a.equals("--help")) {
                    help = true;
                } else if (a.equals("--spool") || a.equals("--server-url")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    if (a.equals("--spool")) {
                        spool = args[++i];
                    } else {
                        server = args[++i];
                    }
                } else if (a.startsWith("--spool=")) {
                    spool = a.substring("--spool=".length());
                } else if (a.startsWith("--server-url=")) {
                    server = a.substring("--server-url=".length());
                } else {
                    throw new IllegalArgumentException("unknown option: " + a);
                }
            }
            return new Arguments(dryRun, spool, server, help);
        }
    }

    private final Arguments args;
    private final Map<String, String> env;
    private final PrintStream out;
    private final boolean tty;

    /** A sync of the spool named by {@code args} (else {@code TORA_SPOOL_DIR}, else the default). */
    public SyncCommand(Arguments args, Map<String, String> env, PrintStream out, boolean tty) {
        this.args = args;
        this.env = env;
        this.out = out;
        this.tty = tty;
    }

    /** Runs it: 0 when everything was sent (or nothing waited), 1 when something is left. */
    public int run() {
        Path directory = ClientOptions.spoolDir(args.spool(), env);
        String target = args.serverUrl() == null ? null : ClientOptions.normalizeUrl(args.serverUrl());
        SpoolInventory found = SpoolInventory.of(directory);
        if (found.requests() == 0) {
            out.println("nothing to send in " + directory);
            return 0;
        }
        out.printf(Locale.ROOT, "%d requests (%,d points) for %d experiment(s) in %s%n", found.requests(),
                found.points(), found.experiments().size(), directory);
        found.pointsByServer().forEach((server, points) -> out.printf(Locale.ROOT, "  %s: %,d points%n", server, points));
        if (target != null) {
            out.println("  all of them go to " + target);
        }
        if (found.rejected() > 0) {
            out.println("  " + found.rejected() + " of them were refused by the server before and are tried again");
        }
        if (found.busyStreams() > 0) {
            out.println("  " + found.busyStreams() + " stream(s) belong to runs still in progress and are skipped");
        }
        if (args.dryRun()) {
            return 0;
        }

        int total = found.requests();
        int[] done = {0};
        String key = env.get("TORA_API_KEY");
        String apiKey = key == null || key.isBlank() ? null : key;
        HttpClient http = HttpClients.create(Duration.ofSeconds(10));
        SpoolReplayer.Options options = SpoolReplayer.Options.sync(Clock.system(), Sleeper.system())
                .onSent((SpoolEntry entry, Retrier.Outcome outcome) -> {
                    done[0]++;
                    if (!outcome.ok()) {
                        out.println((tty ? "\n" : "") + "  refused: " + entry.path() + " (" + entry.kind()
                                + ", experiment " + entry.experimentId() + "): " + outcome.failure().describe());
                    }
                    if (tty) {
                        out.print("\r  sent " + done[0] + "/" + total);
                        out.flush();
                    } else if (done[0] % 100 == 0) {
                        out.println("  sent " + done[0] + "/" + total);
                    }
                });
        if (target != null) {
            options = options.toServer(target);
        }
        ReplayReport report = new SpoolReplayer(directory,
                url -> new Transport(http, url, apiKey, Duration.ofSeconds(30), Clock.system()), options).run();
        if (tty) {
            out.println();
        }
        String duplicates = report.duplicateBatches() > 0
                ? "; " + report.duplicateBatches() + " batch(es) were already stored" : "";
        out.printf(Locale.ROOT, "sent %d requests (%,d points%s), %d refused, %d left (%,d points)%n",
                report.sentRequests(), report.sentPoints(), duplicates, report.rejected().size(),
                report.leftRequests(), report.leftPoints());
        report.unreachable().forEach((server, reason) -> out.println("  " + server + " did not answer: " + reason
                + "; run `java -jar tora-client.jar sync` again later"));
        if (report.busyStreams() > 0) {
            out.println("  " + report.busyStreams() + " stream(s) skipped: their runs are still in progress");
        }
        for (Path p : report.unreadable()) {
            out.println("  unreadable, left in place: " + p);
        }
        if (!report.rejected().isEmpty()) {
            out.println("  refused requests stay in the spool; fix the cause (API key, experiment) and sync again");
        }
        return report.complete() ? 0 : 1;
    }
}
