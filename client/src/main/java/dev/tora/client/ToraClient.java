package dev.tora.client;

import dev.tora.client.internal.convert.Checks;
import dev.tora.client.internal.delivery.Pending;
import dev.tora.client.internal.delivery.Requests;
import dev.tora.client.internal.delivery.Sender;
import dev.tora.client.internal.delivery.SenderSettings;
import dev.tora.client.internal.http.HttpClients;
import dev.tora.client.internal.http.Response;
import dev.tora.client.internal.http.Transport;
import dev.tora.client.internal.http.TransportException;
import dev.tora.client.internal.json.Json;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client of one Tora server: creates experiments or attaches to them, and owns the HTTP
 * connections and threads of its runs.
 *
 * <pre>{@code
 * try (ToraClient tora = ToraClient.builder().fromEnv().build();
 *      Run run = tora.createExperiment(ExperimentSpec.builder("resnet-baseline")
 *              .hyperparams(Map.of("lr", 3e-4)).build())) {
 *     run.log("loss", loss, step);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Closing the client closes its open runs (status {@code finished}).
 */
public final class ToraClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.tora.client");
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(10);

    private final ClientOptions options;
    private final HttpClient http;
    private final Transport transport;
    private final Set<Run> runs = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean replayStarted = new AtomicBoolean();
    private volatile boolean closed;

    private ToraClient(ClientOptions options) {
        this.options = options;
        this.http = HttpClients.create(min(options.requestTimeout(), SETUP_TIMEOUT));
        this.transport = new Transport(http, options.serverUrl(), options.apiKey(), options.requestTimeout(),
                options.clock());
    }

    /** A builder with the defaults; call {@link Builder#fromEnv()} to read the {@code TORA_*} variables. */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from the {@code TORA_*} variables and the defaults. */
    public static ToraClient fromEnv() {
        return builder().fromEnv().build();
    }

    /** The client's settings. */
    public ClientOptions options() {
        return options;
    }

    /**
     * Creates an experiment and returns its run, printing the run's URL. The client picks the
     * experiment's id, so this also works while the server is down: the creation is queued and sent
     * first when the server answers.
     *
     * @throws ToraServiceException when the server refuses (a bad field, a wrong API key, an unknown workspace)
     */
    public Run createExperiment(ExperimentSpec spec) {
        Objects.requireNonNull(spec, "spec");
        requireOpen();
        String id = UUID.randomUUID().toString();
        Pending create = Requests.create(id, spec.body(id), options.clock().currentTimeMillis());
        String url = options.experimentPage(id);
        boolean queued = true;
        try {
            Response r = transport.send("POST", "/experiments", create.body(), setupTimeout(), null);
            if (r.ok()) {
                queued = false;
                url = urlOf(r, url);
            } else if (!r.retryable()) {
                throw r.error();
            } else {
                LOG.log(Level.WARNING, "tora: {0} answered {1}; experiment {2} will be created when it recovers",
                        options.serverUrl(), r.status(), id);
            }
        } catch (TransportException e) {
            LOG.log(Level.WARNING, "tora: cannot reach {0} ({1}); experiment {2} will be created when it answers",
                    options.serverUrl(), e.getMessage(), id);
        }
        Run run = open(id, url, queued ? create : null);
        if (options.printUrl()) {
            System.out.println("Tora experiment: " + url);
        }
        return run;
    }

    /** Creates an experiment with only a name (see {@link #createExperiment(ExperimentSpec)}). */
    public Run createExperiment(String name) {
        return createExperiment(ExperimentSpec.builder(name).build());
    }

    /**
     * Attaches a run to an existing experiment. When the server cannot be reached the run starts
     * anyway and delivers once it answers.
     *
     * @throws NotFoundException when the server does not know the experiment
     * @throws UnauthorizedException when the API key is missing or wrong
     */
    public Run attach(String experimentId) {
        String id = Checks.uuid(experimentId, "experimentId");
        requireOpen();
        String url = options.experimentPage(id);
        try {
            Response r = transport.send("GET", "/experiments/" + id, null, setupTimeout(), null);
            if (r.ok()) {
                url = urlOf(r, url);
            } else if (!r.retryable()) {
                throw r.error();
            } else {
                LOG.log(Level.WARNING, "tora: {0} answered {1}; logging to {2} anyway", options.serverUrl(), r.status(),
                        id);
            }
        } catch (TransportException e) {
            LOG.log(Level.WARNING, "tora: cannot reach {0} ({1}); logging to {2} anyway", options.serverUrl(),
                    e.getMessage(), id);
        }
        return open(id, url, null);
    }

    /**
     * Reads an experiment as the server has it now.
     *
     * @throws ToraConnectionException when the server cannot be reached
     * @throws ToraServiceException when it answers with an error (e.g. {@link NotFoundException})
     */
    public Experiment getExperiment(String experimentId) {
        String id = Checks.uuid(experimentId, "experimentId");
        requireOpen();
        Response r;
        try {
            r = transport.send("GET", "/experiments/" + id, null, options.requestTimeout(), null);
        } catch (TransportException e) {
            throw new ToraConnectionException("cannot reach " + options.serverUrl() + ": " + e.getMessage(), e);
        }
        if (!r.ok()) {
            throw r.error();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = r.data() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        return Experiment.of(data);
    }

    /**
     * Closes the open runs (status {@code finished}, each delivered within the shutdown timeout);
     * their sender threads end. The JDK closes the idle keep-alive connection on its own.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        List<Run> open = new ArrayList<>(runs);
        for (Run run : open) {
            run.close();
        }
        closed = true;
    }

    private Run open(String id, String url, Pending create) {
        SenderSettings settings = new SenderSettings(options.serverUrl(), options.spoolDir(), options.spoolGrace(),
                options.maxBuffered(), options.flushInterval(), options.maxBufferLen(), options.requestTimeout(),
                options.clock(), options.syncCommand());
        Sender sender = new Sender(settings, id, transport);
        if (create != null) {
            sender.enqueue(create);
        }
        Run run = new Run(this, id, url, sender);
        runs.add(run);
        LiveRuns.add(run);
        if (replayStarted.compareAndSet(false, true)) {
            BackgroundReplay.start(options, transport, () -> closed);
        }
        return run;
    }

    void forget(Run run) {
        runs.remove(run);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this ToraClient is closed");
        }
    }

    private Duration setupTimeout() {
        return min(SETUP_TIMEOUT, options.requestTimeout());
    }

    private static String urlOf(Response r, String fallback) {
        String url = Json.string(r.data(), "url");
        return url == null || url.isBlank() ? fallback : url;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Builds a {@link ToraClient}; every setting has a default, so {@code build()} alone works. */
    public static final class Builder {

        private String serverUrl = ClientOptions.DEFAULT_SERVER_URL;
        private String apiKey;
        private Path spoolDir = ClientOptions.defaultSpoolDir();
        private Duration shutdownTimeout = Duration.ofSeconds(30);
        private Duration spoolGrace = Duration.ofSeconds(10);
        private long maxBuffered = 1_000_000;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration flushInterval = Duration.ofSeconds(1);
        private int maxBufferLen = 25;
        private boolean printUrl = true;
        private Clock clock = Clock.system();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /** Reads the {@code TORA_*} environment variables (settings made later win). */
        public Builder fromEnv() {
            return fromEnv(System.getenv());
        }

        /** Reads the {@code TORA_*} variables from {@code env} (settings made later win). */
        public Builder fromEnv(Map<String, String> env) {
            String url = env.get("TORA_BASE_URL");
            if (url != null && !url.isBlank()) {
                serverUrl = url;
            }
            String key = env.get("TORA_API_KEY");
            if (key != null && !key.isBlank()) {
                apiKey = key;
            }
            spoolDir = ClientOptions.spoolDir(null, env);
            shutdownTimeout = seconds(env, "TORA_SHUTDOWN_TIMEOUT", shutdownTimeout, 0);
            spoolGrace = seconds(env, "TORA_SPOOL_GRACE", spoolGrace, 0);
            maxBuffered = (long) number(env, "TORA_MAX_BUFFERED", maxBuffered, 1000);
            requestTimeout = seconds(env, "TORA_REQUEST_TIMEOUT", requestTimeout, 0.1);
            return this;
        }

        /** The API's base URL, such as {@code http://tora.example.org:8080/api}. */
        public Builder serverUrl(String url) {
            this.serverUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** The API key ({@code x-api-key}); null for none. */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /** Where undelivered requests wait. */
        public Builder spoolDir(Path dir) {
            this.spoolDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** How long closing a run waits for delivery before spooling the rest. */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        /** How long the server may be unreachable before requests go to the spool. */
        public Builder spoolGrace(Duration grace) {
            this.spoolGrace = grace;
            return this;
        }

        /** Points a run keeps in memory at most (at least 1,000); more go to the spool. */
        public Builder maxBuffered(long points) {
            this.maxBuffered = points;
            return this;
        }

        /** How long one HTTP request may take. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** How often the sender sends what is buffered, however little (default 1 s). */
        public Builder flushInterval(Duration interval) {
            this.flushInterval = interval;
            return this;
        }

        /** How many buffered points make the sender send at once (default 25). */
        public Builder maxBufferLen(int points) {
            this.maxBufferLen = points;
            return this;
        }

        /** Whether creating an experiment prints its URL (default true). */
        public Builder printUrl(boolean print) {
            this.printUrl = print;
            return this;
        }

        /** The clock (tests). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How blocking retries wait (tests). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The settings this builder holds, checked. */
        public ClientOptions options() {
            return new ClientOptions(serverUrl, apiKey, spoolDir, shutdownTimeout, spoolGrace, maxBuffered,
                    requestTimeout, flushInterval, maxBufferLen, printUrl, clock, sleeper);
        }

        /** The client. */
        public ToraClient build() {
            return new ToraClient(options());
        }

        private static Duration seconds(Map<String, String> env, String name, Duration fallback, double minimum) {
            double s = number(env, name, fallback.toNanos() / 1e9, minimum);
            return Duration.ofNanos(Math.round(s * 1e9));
        }

        private static double number(Map<String, String> env, String name, double fallback, double minimum) {
            String raw = env.get(name);
            if (raw == null || raw.isBlank()) {
                return fallback;
            }
            double v;
            try {
                v = Double.parseDouble(raw.strip());
            } catch (NumberFormatException e) {
                throw new ToraConfigurationException(name + " must be a number, got '" + raw + "'");
            }
            if (!(v >= minimum) || Double.isInfinite(v)) {
                throw new ToraConfigurationException(name + " must be at least " + trim(minimum) + ", got '" + raw + "'");
            }
            return v;
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
