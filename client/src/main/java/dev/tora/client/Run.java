package dev.tora.client;

import dev.tora.client.internal.convert.Checks;
import dev.tora.client.internal.convert.Hyperparams;
import dev.tora.client.internal.delivery.CloseReport;
import dev.tora.client.internal.delivery.Pending;
import dev.tora.client.internal.delivery.Requests;
import dev.tora.client.internal.delivery.Sender;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One run of an experiment: logs points and changes the experiment, delivering from a background
 * thread. {@code log()} only appends to an in-memory buffer and never waits for the network;
 * delivery problems are logged, retried and, when they last, spooled to disk for
 * {@code java -jar tora-client.jar sync}. Close it (try-with-resources) to mark it finished, or call
 * {@link #fail(Throwable)}; a run still open when the JVM exits is delivered by a shutdown hook and
 * marked {@code killed}. Thread-safe.
 */
public final class Run implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.tora.client");
    private static final int MAX_ERROR_TEXT = 1000;

    private final ToraClient client;
    private final String experimentId;
    private final String url;
    private final Sender sender;
    private final ClientOptions options;
    private volatile boolean closed;

    Run(ToraClient client, String experimentId, String url, Sender sender) {
        this.client = client;
        this.experimentId = experimentId;
        this.url = url;
        this.sender = sender;
        this.options = client.options();
    }

    /** The experiment's id (a UUID). */
    public String experimentId() {
        return experimentId;
    }

    /** The experiment's page in the web UI. */
    public String url() {
        return url;
    }

    /** Whether the run was closed. */
    public boolean isClosed() {
        return closed;
    }

    // --- logging -------------------------------------------------------------------------------

    /** Buffers a point at the series' last step + 1 (0 for a new series). NaN and infinities are kept. */
    public void log(String name, double value) {
        requireOpen();
        sender.submit(name, value, Sender.AUTO_STEP);
    }

    /** Buffers a point at {@code step} (0 to 2^53 - 1). NaN and infinities are kept. */
    public void log(String name, double value, long step) {
        if (step < 0 || step >= Checks.MAX_STEP_EXCLUSIVE) {
            Checks.step(step);
        }
        requireOpen();
        sender.submit(name, value, step);
    }

    /** Buffers one point per entry, all at the series' last step + 1 and the same time. */
    public void logMetrics(Map<String, ? extends Number> metrics) {
        logAll(metrics, Sender.AUTO_STEP);
    }

    /** Buffers one point per entry, all at {@code step} and the same time. */
    public void logMetrics(Map<String, ? extends Number> metrics, long step) {
        logAll(metrics, Checks.step(step));
    }

    private void logAll(Map<String, ? extends Number> metrics, long step) {
        Objects.requireNonNull(metrics, "metrics");
        requireOpen();
        String[] names = new String[metrics.size()];
        double[] values = new double[names.length];
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : metrics.entrySet()) {
            if (i == names.length) {
                break; // a map that grew meanwhile: the rest waits for the next call
            }
            names[i] = Checks.metricName(e.getKey());
            Number v = e.getValue();
            if (v == null) {
                throw new NullPointerException("the value of metric '" + e.getKey() + "' is null");
            }
            values[i++] = v.doubleValue();
        }
        if (i > 0) {
            sender.submitAll(i == names.length ? names : Arrays.copyOf(names, i), values, step);
        }
    }

    // --- changing the experiment ---------------------------------------------------------------

    /**
     * Adds or replaces hyperparameters (merged with those stored). Nested maps and records become
     * dotted keys ({@code optim.lr}); values that are not JSON scalars are sent as text.
     */
    public void logHyperparams(Map<String, ?> hyperparams) {
        patchHyperparams(Hyperparams.flatten(hyperparams));
    }

    /** Adds the components of a record as hyperparameters (nested records become dotted keys). */
    public void logHyperparams(Record hyperparams) {
        patchHyperparams(Hyperparams.flatten(hyperparams));
    }

    private void patchHyperparams(Map<String, Object> flat) {
        if (!flat.isEmpty()) {
            patch(Map.of("hyperparams", flat));
        }
    }

    /** Adds tags; those the experiment has are kept, duplicates are dropped. */
    public void addTags(String... tags) {
        addTags(Arrays.asList(tags));
    }

    /** Adds tags; those the experiment has are kept, duplicates are dropped. */
    public void addTags(Collection<String> tags) {
        List<String> checked = Checks.tags(tags);
        if (!checked.isEmpty()) {
            enqueue(Requests.addTags(experimentId, checked, now()));
        }
    }

    /** Replaces the description. */
    public void setDescription(String description) {
        patch(Map.of("description", Checks.description(description)));
    }

    /** Merges {@code metadata} into the experiment's (a JSON merge patch: a null value removes a key). */
    public void updateMetadata(Map<String, ?> metadata) {
        patch(Map.of("metadata", Checks.metadata(metadata)));
    }

    /** Records that this experiment derives from another one (e.g. the first run of a sweep). */
    public void addReference(String otherExperimentId) {
        enqueue(Requests.reference(experimentId, Checks.uuid(otherExperimentId, "experimentId"), now()));
    }

    private void patch(Map<String, Object> fields) {
        enqueue(Requests.update(experimentId, fields, now()));
    }

    private void enqueue(Pending request) {
        requireOpen();
        sender.enqueue(request);
    }

    // --- delivery ------------------------------------------------------------------------------

    /**
     * Sends what is buffered and waits for it, at most {@code timeout}. True when everything logged
     * so far was delivered; false on timeout, a refusal, or while the server is unreachable.
     */
    public boolean flush(Duration timeout) {
        if (closed) {
            return false;
        }
        return sender.flush(timeout);
    }

    /** {@link #flush(Duration)} with the shutdown timeout. */
    public boolean flush() {
        return flush(options.shutdownTimeout());
    }

    /**
     * Delivers everything and marks the run {@code finished}; waits at most the shutdown timeout,
     * then saves the rest to the spool and says so in one warning.
     */
    @Override
    public void close() {
        finish("finished", Map.of(), options.shutdownTimeout(), false);
    }

    /**
     * Delivers everything and marks the run {@code failed}, recording {@code cause} in the
     * experiment's metadata ({@code error}); then closes it like {@link #close()}.
     */
    public void fail(Throwable cause) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (cause != null) {
            String text = cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            if (text.length() > MAX_ERROR_TEXT) {
                text = text.substring(0, MAX_ERROR_TEXT - 3) + "...";
            }
            extra.put("metadata", Map.of("error", text));
        }
        finish("failed", extra, options.shutdownTimeout(), false);
    }

    /** The JVM is exiting with the run still open. */
    void closeAtExit() {
        finish("killed", Map.of(), options.shutdownTimeout(), true);
    }

    /** Where this run's undelivered requests are (null when none were written). */
    public Path spoolDirectory() {
        return sender.spoolDirectory();
    }

    private void finish(String status, Map<String, Object> extra, Duration timeout, boolean atExit) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        client.forget(this);
        LiveRuns.remove(this);
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        fields.put("status", status);
        CloseReport report = sender.close(Requests.update(experimentId, fields, now()), timeout);
        if (report.spooledRequests() > 0) {
            String refused = report.rejectedRequests() > 0
                    ? ", " + report.rejectedRequests() + " of them refused by the server" : "";
            String message = String.format(Locale.ROOT,
                    "tora: %s (%s%s) for experiment %s were not delivered to %s; they are saved in %s. Send them with: %s",
                    count(report.spooledPoints(), "point"), count(report.spooledRequests(), "request"), refused,
                    experimentId, options.serverUrl(), report.spoolPath(), options.syncCommand());
            if (atExit) {
                Diagnostics.warnAtExit(message);
            } else {
                LOG.log(Level.WARNING, message);
            }
        }
    }

    private long now() {
        return options.clock().currentTimeMillis();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("run " + experimentId + " is closed; create or attach a new one");
        }
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return "Run[" + experimentId + (closed ? ", closed" : "") + ", " + url + "]";
    }
}
