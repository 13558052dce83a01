package dev.tora.it.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A Tora server driven through the start script, as a user would run it. */
final class ToraServer {

    private final Path root = Path.of(System.getProperty("tora.it.root", "..")).toAbsolutePath().normalize();
    private final Path dataDir;
    private final Map<String, String> env = new LinkedHashMap<>();

    ToraServer(Path dataDir) {
        this.dataDir = dataDir;
        env.put("TORA_DATA_DIR", dataDir.toString());
        env.put("TORA_PORT", System.getProperty("tora.it.processHttpPort", "25880"));
        env.put("TORA_ADMIN_PORT", System.getProperty("tora.it.processAdminPort", "25848"));
        env.put("TORA_HOST", "127.0.0.1");
        env.put("TORA_AUTH", "none");
        env.put("TORA_PAYARA_HOME", System.getProperty("tora.it.payaraHome"));
        env.put("TORA_HEAP", "1g");
        env.put("TORA_DATABASE_URL", "");
        env.put("TORA_DATABASE_USER", "");
        env.put("TORA_DATABASE_PASSWORD", "");
    }

    /**
     * The data dir the process tests share, so that the Payara domain is created once; each test
     * starts the server with the settings it needs and stops it.
     */
    static Path sharedDataDir() {
        return Path.of(System.getProperty("tora.it.processData", "target/process-data")).toAbsolutePath().normalize();
    }

    /** Sets an environment variable for the next start. */
    ToraServer with(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The API base URL. */
    String api() {
        return "http://127.0.0.1:" + env.get("TORA_PORT") + "/api";
    }

    Path dataDir() {
        return dataDir;
    }

    /** {@code ./tora start --no-build}; returns its output, failing the test when it fails. */
    Result start() {
        Result r = run("start", "--no-build");
        if (r.exit() != 0) {
            throw new AssertionError("start failed (" + r.exit() + "):\n" + r.output() + "\n" + serverLogTail());
        }
        return r;
    }

    /** Runs {@code ./tora <args>}. */
    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("tora").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                pb.environment().remove(k);
            }
        });
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("./tora " + String.join(" ", args) + " timed out:\n" + out);
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server (no-op when it is not running). */
    void stop() {
        run("stop");
    }

    private long pid() throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("domains/tora/config/pid")).trim());
    }

    /**
     * The local addresses of the TCP sockets the server's JVM listens on, as the kernel lists them
     * in /proc/net/tcp and tcp6 (hexadecimal address:port).
     */
    List<String> listeningSockets() throws IOException {
        long pid = pid();
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if ("0A".equals(f[3]) && inodes.contains(f[9])) { // 0A: LISTEN
                    out.add(f[1]);
                }
            }
        }
        return out;
    }

    /** Whether a socket address from {@link #listeningSockets()} is on loopback (127.x or ::1, also IPv4-mapped). */
    static boolean isLoopback(String hexAddressAndPort) {
        String address = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        if (address.length() == 8) {
            return address.endsWith("7F"); // little-endian: the first byte is last
        }
        return address.equals("00000000000000000000000001000000")
                || (address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F"));
    }

    /** Kills the server's JVM with SIGKILL, as a crash or the OOM killer would. */
    void kill9() throws IOException, InterruptedException {
        long pid = pid();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start();
        kill.waitFor();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("server " + pid + " survived kill -9");
            }
            Thread.sleep(100);
        }
    }

    String serverLogTail() {
        Path log = dataDir.resolve("domains/tora/logs/server.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no server log: " + e + ")";
        }
    }

    /** Exit code and combined output of a script run. */
    record Result(int exit, String output) {
    }
}
