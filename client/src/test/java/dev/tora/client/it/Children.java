package dev.tora.client.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes of the tests: the sync command from the built jar, Java runs, the Python client. */
final class Children {

    /** What a finished child did. */
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private Children() {
    }

    static Path repo() {
        return Path.of(System.getProperty("tora.repo.root", "..")).toAbsolutePath().normalize();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java -jar tora-client.jar sync ...}. */
    static Result sync(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", System.getProperty("tora.client.jar"), "sync"));
        cmd.addAll(List.of(args));
        return run(cmd, env, 120);
    }

    /** A class of the test sources run in a JVM of its own. */
    static ProcessBuilder javaMain(Class<?> main, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", testClassPath(), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return pb;
    }

    /** {@code python3 -c code args...} with the repository's Python client importable. */
    static ProcessBuilder python(String code, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", code));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        pb.environment().put("PYTHONPATH", repo().resolve("client/python").toString());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return pb;
    }

    /** {@code python3 -m tora sync --spool DIR ...}. */
    static Result pythonSync(Path spool, Map<String, String> env, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-m", "tora", "sync", "--spool", spool.toString()));
        cmd.addAll(List.of(extra));
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("PYTHONPATH", repo().resolve("client/python").toString());
        e.put("PYTHONDONTWRITEBYTECODE", "1");
        return run(cmd, e, 120);
    }

    /** Starts a child that runs on while the test works; its standard error goes to a file, not into stdout. */
    static Process start(ProcessBuilder pb) throws IOException {
        Path err = Files.createTempFile("child-", ".err");
        err.toFile().deleteOnExit();
        return pb.redirectError(err.toFile()).start();
    }

    /** Runs a finished-in-time child and collects its output. */
    static Result run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("child-", ".out");
        Path err = Files.createTempFile("child-", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("child " + pb.command() + " did not end in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Result run(List<String> cmd, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        return run(pb, timeoutSeconds);
    }

    private static String testClassPath() {
        return String.join(File.pathSeparator, System.getProperty("tora.it.classes", "target/classes"),
                System.getProperty("tora.it.testClasses", "target/test-classes"));
    }
}
