package dev.tora.client.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Tora server for the integration tests, started and stopped with the repository's
 * {@code ./tora} script on free ports, with a data directory of its own (H2, no auth).
 */
final class ToraServer {

    /** Where the tests look for free ports: below the ephemeral range, away from the fixed test ports. */
    private static final int LOW_PORT = 20000;
    private static final int HIGH_PORT = 23990;

    private final Path repo;
    private final Path dataDir;
    private final int port;
    private final int adminPort;
    private Map<String, String> env;

    /**
     * A server whose domain lives in {@code tora.it.server} and is kept between test runs (creating a
     * domain and deploying the EAR take most of a start): it is reused when its ports are still
     * free and the same Payara installation runs it, with a fresh database each time; otherwise a
     * new domain is made on new free ports.
     */
    ToraServer() throws IOException, InterruptedException {
        repo = Path.of(System.getProperty("tora.repo.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("tora.it.server", "target/it-server")).toAbsolutePath();
        Files.createDirectories(home);
        dataDir = home.resolve("data");
        Files.deleteIfExists(home.resolve("start.log"));
        Path stateFile = home.resolve("ports");
        String payara = payaraHome().toString();
        String[] state = readState(stateFile);
        int[] ports = state == null ? null : new int[] {Integer.parseInt(state[0]), Integer.parseInt(state[1])};
        if (ports != null) {
            stopLeftover(ports, state[2]); // a test JVM that died may have left its server running
        }
        // a domain is tied to the Payara that created it (its OSGi cache names that installation's files)
        if (ports == null || !payara.equals(state[2]) || !portFree(ports[0]) || !portRunFree(ports[1], 9)) {
            remove();
            int admin = freePortRun(9);
            int p;
            do {
                p = freePortRun(1);
            } while (p >= admin && p < admin + 9);
            ports = new int[] {p, admin};
            Files.writeString(stateFile, ports[0] + " " + ports[1] + " " + payara + "\n");
        }
        port = ports[0];
        adminPort = ports[1];
        env = environment(dataDir, port, adminPort, payara);
        deleteTree(dataDir.resolve("db")); // every run starts from an empty database
    }

    private Map<String, String> environment(Path data, int httpPort, int admin, String payara) {
        Map<String, String> e = new HashMap<>(System.getenv());
        for (String k : List.of("TORA_DATABASE_URL", "TORA_DATABASE_USER", "TORA_DATABASE_PASSWORD", "TORA_PUBLIC_URL",
                "TORA_PLUGINS_DIR", "TORA_PAYARA_HOME", "TORA_RUNTIME_DIR", "TORA_BASE_URL", "TORA_API_KEY")) {
            e.remove(k);
        }
        e.put("TORA_DATA_DIR", data.toString());
        e.put("TORA_PORT", Integer.toString(httpPort));
        e.put("TORA_ADMIN_PORT", Integer.toString(admin));
        e.put("TORA_HOST", "127.0.0.1");
        e.put("TORA_AUTH", "none");
        e.put("TORA_HEAP", "1g");
        e.put("TORA_PAYARA_HOME", payara);
        return e;
    }

    /**
     * The unpacked Payara the `it` module uses, when it exists, else the copy this module unpacks
     * (see the pom: it unpacks one only when the `it` module's is missing).
     */
    private Path payaraHome() {
        Path shared = repo.resolve("it/target/payara/payara6");
        if (Files.isExecutable(shared.resolve("bin/asadmin"))) {
            return shared;
        }
        return Path.of(System.getProperty("tora.it.payara", "target/payara/payara6")).toAbsolutePath();
    }

    private void stopLeftover(int[] ports, String payara) throws InterruptedException {
        if (pid() != null) {
            Map<String, String> saved = env;
            try {
                env = environment(dataDir, ports[0], ports[1], payara);
                stop();
            } finally {
                env = saved;
            }
        }
    }

    /** {@code <http port> <admin port> <Payara home>} of the kept domain, or null. */
    private static String[] readState(Path file) {
        try {
            String[] parts = Files.readString(file).strip().split(" ", 3);
            Integer.parseInt(parts[0]);
            Integer.parseInt(parts[1]);
            return parts.length == 3 ? parts : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The API's base URL. */
    String url() {
        return "http://127.0.0.1:" + port + "/api";
    }

    int port() {
        return port;
    }

    /** Starts (or restarts) the server and waits until it answers. */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path log = dataDir.getParent().resolve("start.log");
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("tora").toString(), "start", "--no-build")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().clear();
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("./tora start did not finish in 15 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException("./tora start failed (" + p.exitValue() + "):\n" + tail(log));
        }
        waitHealthy(Duration.ofSeconds(120));
        System.err.printf("[client IT] Tora server at %s started in %.1f s%n", url(), (System.nanoTime() - t0) / 1e9);
    }

    /** Stops the server the gentle way, then kills what is left. */
    void stop() {
        try {
            ProcessBuilder pb = new ProcessBuilder(repo.resolve("tora").toString(), "stop")
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // killed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Long pid = pid();
        if (pid != null) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** Kills the server process the hard way (SIGKILL) and waits until it is gone and its port closed. */
    void kill9() throws Exception {
        Long pid = pid();
        if (pid == null) {
            throw new IllegalStateException("no running server process");
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
        // with SO_REUSEADDR: the connections the kill left in TIME_WAIT do not count, a listener would
        Poll.until(Duration.ofSeconds(30), () -> portFree(port, true), "the killed server's port to close");
    }

    /** Starts the server unless it answers (after a test that stopped it failed half-way). */
    void ensureRunning() throws IOException, InterruptedException {
        try {
            waitHealthy(Duration.ofSeconds(2));
        } catch (IOException down) {
            start();
        }
    }

    /** Removes the data directory (domain and database). */
    void remove() {
        deleteTree(dataDir);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // under target/; the next run tries again
        }
    }

    private Long pid() {
        try {
            long pid = Long.parseLong(Files.readString(dataDir.resolve("domains/tora/config/pid")).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private void waitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"ok\"")) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        throw new IOException(url() + " is not healthy after " + timeout + ": " + last);
    }

    static boolean portFree(int port) {
        return portFree(port, false);
    }

    private static boolean portFree(int port, boolean reuse) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(reuse);
            s.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first of {@code count} consecutive free ports, picked at random. */
    static int freePortRun(int count) {
        for (int attempt = 0; attempt < 500; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOW_PORT, HIGH_PORT - count);
            if (portRunFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no run of " + count + " free ports found");
    }

    private static boolean portRunFree(int base, int count) {
        for (int i = 0; i < count; i++) {
            if (!portFree(base + i)) {
                return false;
            }
        }
        return true;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
