package dev.tora.bench.client;

import dev.tora.client.Run;
import dev.tora.client.ToraClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of {@code run.log(name, value, step)} while the run's sender delivers to a live server
 * (JMH samples single calls, so the percentiles include the timer's own cost). Each iteration is
 * short and followed by a flush outside the measurement: the calls outpace the server's ingest
 * by far, and the buffer must not grow without end across iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 50, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 50, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class LogBenchmark {

    /** The server's API URL. */
    @Param("http://127.0.0.1:8080/api")
    public String serverUrl;

    private final ReentrantLock bareLock = new ReentrantLock();
    private final double[] bareValues = new double[1 << 16];
    private final long[] bareSteps = new long[1 << 16];
    private Path spool;
    private ToraClient tora;
    private Run run;
    private long step;
    private int bare;

    /** One run for the whole trial; the buffer may hold all of an iteration's points. */
    @Setup(Level.Trial)
    public void open() throws IOException {
        spool = Files.createTempDirectory("tora-bench-spool");
        tora = ToraClient.builder().serverUrl(serverUrl).spoolDir(spool).printUrl(false)
                .maxBuffered(50_000_000).build();
        run = tora.createExperiment("bench-java-log");
    }

    /** Delivers what the iteration logged before the next one starts. */
    @TearDown(Level.Iteration)
    public void deliver() {
        if (!run.flush(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the server did not take an iteration's points");
        }
    }

    /** Closes the run. */
    @TearDown(Level.Trial)
    public void close() {
        run.close();
        tora.close();
    }

    /** One point. */
    @Benchmark
    public void log() {
        run.log("loss", 0.5, step++);
    }

    /** The floor to compare with: two array stores under an uncontended lock, timed the same way. */
    @Benchmark
    public void bareAppendUnderLock() {
        bareLock.lock();
        try {
            int i = bare++ & (bareValues.length - 1);
            bareValues[i] = 0.5;
            bareSteps[i] = i;
        } finally {
            bareLock.unlock();
        }
    }
}
