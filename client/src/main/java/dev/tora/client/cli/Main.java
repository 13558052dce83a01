package dev.tora.client.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar tora-client.jar sync [--dry-run] [--spool DIR] [--server-url URL]}: sends what
 * runs left in the spool.
 */
public final class Main {

    private Main() {
    }

    /** The command line entry point; exits with the command's status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; 0 when it did everything, 1 when something is left, 2 for a usage error. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("sync")) {
            err.println("unknown command: " + args[0]);
            usage(err);
            return 2;
        }
        SyncCommand.Arguments parsed;
        try {
            parsed = SyncCommand.Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            usage(err);
            return 2;
        }
        if (parsed.help()) {
            usage(out);
            return 0;
        }
        return new SyncCommand(parsed, System.getenv(), out, System.console() != null).run();
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar tora-client.jar sync [--dry-run] [--spool DIR] [--server-url URL]");
        out.println();
        out.println("Sends, in order, every request that runs saved in the spool because the server could not");
        out.println("be reached. Each file names its server; --server-url sends them all to another one.");
        out.println("TORA_API_KEY is sent as the API key. Metric batches carry ids, so a batch already stored");
        out.println("is acknowledged, not stored twice.");
        out.println();
        out.println("  --dry-run          only show what would be sent");
        out.println("  --spool DIR        spool directory (default: TORA_SPOOL_DIR or ~/.tora/spool)");
        out.println("  --server-url URL   send every file to this API URL instead of the one it names");
    }
}
