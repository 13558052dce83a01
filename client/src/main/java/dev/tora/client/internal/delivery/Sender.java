package dev.tora.client.internal.delivery;

import dev.tora.client.Clock;
import dev.tora.client.ToraServiceException;
import dev.tora.client.internal.http.Backoff;
import dev.tora.client.internal.http.Failure;
import dev.tora.client.internal.http.Response;
import dev.tora.client.internal.http.TagMerge;
import dev.tora.client.internal.http.Transport;
import dev.tora.client.internal.http.TransportException;
import dev.tora.client.internal.json.JsonException;
import dev.tora.client.internal.json.JsonReader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers one run's points and requests, in order, from a daemon thread.
 *
 * <p>{@link #submit} stores a point in the run's columnar buffer under the lock and returns: no
 * I/O, no allocation, no hand-off per point. The thread wakes when {@code wakeAt} points wait,
 * every flush interval, or when asked (flush, close); it encodes waiting points into columnar
 * batches and sends the queue head over the shared keep-alive client, encoding the next batch
 * while the server stores the current one. Failures that may pass (no answer, 408, 425, 429, 5xx,
 * error pages that are not Tora's) are retried with backoff and jitter, keeping each batch id.
 * After {@code spoolGrace} of outage, or above {@code maxBuffered} points in memory, the queue goes
 * to the disk spool, and sending goes on from there once the server answers. Other 4xx answers are
 * not retried: the request is spooled with the server's message and one warning names it.
 */
public final class Sender {

    /** In a step column: the server assigns the series' last step + 1. */
    public static final long AUTO_STEP = PointBuffer.AUTO_STEP;

    private static final System.Logger LOG = System.getLogger("dev.tora.client");
    private static final Object EXIT = new Object();
    private static final Object ENCODE_ALL = new Object();
    private static final Object ENCODE_ONE = new Object();
    private static final Pending STOP = new Pending("stop", "", "", "", null, 0, null, 0);

    private final SenderSettings settings;
    private final String experimentId;
    private final Transport transport;
    private final Clock clock;
    private final Backoff backoff;
    private final SpoolWriter stream;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition done = lock.newCondition();
    private final PointBuffer buffer = new PointBuffer();
    private final Staging staging = new Staging();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();

    // guarded by lock
    private long seq;
    private long completed;
    private long lastRejected;
    private long flushTickets;
    private long cutTicket;
    private long cutTarget;
    private long memoryPoints;
    private int memoryRequests;
    private long nextTick;
    private long retryAt;
    private int attempt;
    private Long downSince;
    private boolean offline;
    private boolean stopping;
    private boolean stopQueued;
    private Pending finalRequest;
    private volatile boolean abandoned;
    private boolean closed;
    private int rejectedRequests;
    private long rejectedPoints;
    private final Set<String> warned = new HashSet<>();
    private volatile boolean spoolFailed;

    private final Thread thread;

    /** A sender for one experiment; its thread starts at once. */
    public Sender(SenderSettings settings, String experimentId, Transport transport) {
        this.settings = settings;
        this.experimentId = experimentId;
        this.transport = transport;
        this.clock = settings.clock();
        this.backoff = Backoff.standard();
        this.stream = new SpoolWriter(settings.spoolDir(), settings.serverUrl());
        long now = clock.nanoTime();
        this.nextTick = now + settings.flushInterval().toNanos();
        this.retryAt = now;
        this.thread = new Thread(this::run, "tora-sender-" + experimentId.substring(0, Math.min(8, experimentId.length())));
        thread.setDaemon(true);
        thread.start();
    }

    // --- called by the run ---------------------------------------------------------------------

    /** Buffers one point ({@code step} {@link #AUTO_STEP} for the series' last step + 1). */
    public void submit(String name, double value, long step) {
        long now = clock.currentTimeMillis();
        ReentrantLock l = lock;
        l.lock();
        try {
            if (closed) {
                throw closedError();
            }
            PointBuffer b = buffer;
            b.add(name, value, step, now);
            if (b.count() == settings.wakeAt()) {
                work.signal();
            }
        } finally {
            l.unlock();
        }
    }

    /** Buffers several points with one step and one time. */
    public void submitAll(String[] names, double[] values, long step) {
        long now = clock.currentTimeMillis();
        lock.lock();
        try {
            if (closed) {
                throw closedError();
            }
            int before = buffer.count();
            for (int i = 0; i < names.length; i++) {
                buffer.add(names[i], values[i], step, now);
            }
            if (before < settings.wakeAt() && buffer.count() >= settings.wakeAt()) {
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Queues a request (create, update, tags, reference) after everything queued so far. */
    public void enqueue(Pending request) {
        lock.lock();
        try {
            if (closed) {
                throw closedError();
            }
            push(request);
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends what is buffered now and waits until it is delivered or {@code timeout} passes. True
     * when everything was delivered; false on timeout, a refusal, or an outage.
     */
    public boolean flush(Duration timeout) {
        long deadline = clock.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            long start = completed;
            long ticket = ++flushTickets;
            work.signal();
            while (cutTicket < ticket) {
                if (!await(done, deadline)) {
                    return false;
                }
            }
            long target = cutTarget;
            while (completed < target) {
                if (offline || !await(done, deadline)) {
                    return false;
                }
            }
            return lastRejected <= start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends everything, then {@code last} (the run's status), within {@code timeout}; stops the
     * thread and spools what is left.
     */
    public CloseReport close(Pending last, Duration timeout) {
        lock.lock();
        try {
            if (closed) {
                return CloseReport.empty();
            }
            closed = true;
            stopping = true;
            finalRequest = last;
            work.signal();
        } finally {
            lock.unlock();
        }
        try {
            long millis = timeout.toMillis();
            if (millis > 0) {
                thread.join(millis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop waiting; what is left goes to the spool
        }
        if (thread.isAlive()) {
            takeOver();
        }
        CloseReport report = report();
        stream.close();
        return report;
    }

    /** The spool stream's directory, or null when nothing was written. */
    public Path spoolDirectory() {
        return stream.directory();
    }

    /** Shutdown gave up waiting: the calling thread spools whatever is left. */
    private void takeOver() {
        List<Chunk> chunks;
        boolean finalPending;
        lock.lock();
        try {
            abandoned = true;
            work.signal();
            staging.addAll(buffer.take());
            chunks = staging.takeAll();
            finalPending = finalRequest != null && !stopQueued;
            stopQueued = true;
        } finally {
            lock.unlock();
        }
        List<Pending> requests = new ArrayList<>();
        List<Slice> slices = new ArrayList<>();
        for (Chunk c : chunks) {
            slices.add(new Slice(c, c.start, c.end));
        }
        long total = 0;
        for (Slice s : slices) {
            total += s.size();
        }
        long now = clock.currentTimeMillis();
        for (long from = 0; from < total; from += BatchEncoder.MAX_POINTS_PER_BATCH) {
            long to = Math.min(total, from + BatchEncoder.MAX_POINTS_PER_BATCH);
            requests.addAll(BatchEncoder.requests(experimentId, BatchEncoder.cut(slices, (int) from, (int) to), now));
        }
        if (finalPending) {
            requests.add(finalRequest);
        }
        lock.lock();
        try {
            for (Pending p : requests) {
                push(p);
            }
        } finally {
            lock.unlock();
        }
        spoolBacklog();
    }

    private CloseReport report() {
        List<Pending> left = new ArrayList<>();
        lock.lock();
        try {
            for (Pending p : queue) {
                if (p != STOP && !p.done) {
                    left.add(p);
                }
            }
        } finally {
            lock.unlock();
        }
        int requests = rejectedRequests;
        long points = rejectedPoints;
        for (Pending p : left) {
            if (p.spoolPath != null) {
                requests++;
                points += p.points;
            }
        }
        return new CloseReport(requests, points, rejectedRequests, rejectedPoints, stream.directory());
    }

    // --- the thread ----------------------------------------------------------------------------

    private void run() {
        while (true) {
            try {
                Object action = nextAction();
                if (action == EXIT) {
                    return;
                }
                if (action == ENCODE_ALL || action == ENCODE_ONE) {
                    encode(action == ENCODE_ALL);
                } else {
                    process((Pending) action);
                }
            } catch (InterruptedException e) {
                if (abandoned) {
                    return;
                }
            } catch (RuntimeException e) { // never die silently: keep the data and try again
                LOG.log(Level.ERROR, "tora: unexpected error in the sender; retrying in 1 s", e);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private Object nextAction() throws InterruptedException {
        // Sending comes before encoding: while the queue has work, points wait in their columns,
        // so that a fast training loop cannot starve the network (and the batches grow).
        lock.lock();
        try {
            while (true) {
                if (abandoned) {
                    return EXIT;
                }
                long now = clock.nanoTime();
                boolean tick = now - nextTick >= 0;
                if (tick) {
                    nextTick = now + settings.flushInterval().toNanos();
                }
                long waiting = buffer.count() + staging.count();
                boolean flushAsked = flushTickets != cutTicket;
                if (waiting > 0 && (flushAsked || stopping || memoryPoints + waiting > settings.maxBuffered()
                        // offline, points go to disk once a tick (or per full batch), not per wake-up
                        || (offline && (tick || waiting >= BatchEncoder.MAX_POINTS_PER_BATCH)))) {
                    return ENCODE_ALL;
                }
                if (flushAsked) {
                    serveFlush(flushTickets);
                }
                if (stopping && !stopQueued) {
                    if (finalRequest != null) {
                        push(finalRequest);
                    }
                    push(STOP);
                    stopQueued = true;
                }
                // offline, every request goes to disk, those without points too (a status, tags)
                if (!spoolFailed && (memoryPoints > settings.maxBuffered() || (offline && memoryRequests > 0))) {
                    lock.unlock();
                    try {
                        spoolBacklog();
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                long wake = nextTick;
                if (!queue.isEmpty()) {
                    Pending head = queue.peekFirst();
                    if (head == STOP) {
                        return EXIT;
                    }
                    if (stopping && offline && (memoryRequests == 0 || spoolFailed)) {
                        return EXIT; // everything is on disk; sync or the next run sends it
                    }
                    if (now - retryAt >= 0) {
                        return head;
                    }
                    if (retryAt - wake < 0) {
                        wake = retryAt;
                    }
                } else if (waiting > 0 && (tick || waiting >= settings.wakeAt())) {
                    return ENCODE_ONE;
                }
                work.awaitNanos(Math.max(wake - now, 1_000_000L));
            }
        } finally {
            lock.unlock();
        }
    }

    private void push(Pending p) {
        if (p != STOP) {
            p.seq = ++seq;
            if (p.body != null) {
                memoryPoints += p.points;
                memoryRequests++;
            }
        }
        queue.addLast(p);
    }

    private void serveFlush(long ticket) {
        cutTicket = ticket;
        cutTarget = seq;
        done.signalAll();
    }

    /** Encodes waiting points into batches: all of them, or the next full batch. */
    private void encode(boolean whole) {
        List<Slice> slices;
        long ticket;
        long count;
        lock.lock();
        try {
            staging.addAll(buffer.take());
            ticket = flushTickets;
            count = whole ? staging.count() : Math.min(staging.count(), BatchEncoder.MAX_POINTS_PER_BATCH);
            slices = staging.peek(count);
        } finally {
            lock.unlock();
        }
        List<Pending> requests = new ArrayList<>();
        long now = clock.currentTimeMillis();
        for (long from = 0; from < count; from += BatchEncoder.MAX_POINTS_PER_BATCH) {
            long to = Math.min(count, from + BatchEncoder.MAX_POINTS_PER_BATCH);
            requests.addAll(BatchEncoder.requests(experimentId, BatchEncoder.cut(slices, (int) from, (int) to), now));
        }
        lock.lock();
        try {
            if (abandoned) {
                return; // close() took these points over and spooled them itself
            }
            for (Chunk c : staging.drop(count)) {
                c.series.recycle(c);
            }
            for (Pending p : requests) {
                push(p);
            }
            if (whole && ticket != cutTicket) {
                serveFlush(ticket);
            }
        } finally {
            lock.unlock();
        }
    }

    private void process(Pending p) {
        byte[] body;
        try {
            body = p.body != null ? p.body : stream.readBody(p);
        } catch (IOException | JsonException e) { // someone removed or damaged the file
            LOG.log(Level.ERROR, "tora: the spooled request {0} cannot be read ({1}); it is lost", p.spoolPath, e);
            settle(p, true);
            return;
        }
        Response response = null;
        String error = null;
        try {
            if (Pending.ADD_TAGS.equals(p.kind)) {
                List<String> tags = TagMerge.tagsOf(JsonReader.parse(new String(body, StandardCharsets.UTF_8)));
                response = TagMerge.addTags(transport, p.experimentId, tags);
            } else {
                Runnable ahead = Pending.METRICS.equals(p.kind) ? this::encodeAhead : null;
                response = transport.send(p.method, p.path, body, settings.requestTimeout(), ahead);
            }
        } catch (TransportException e) {
            error = e.getMessage();
        }
        if (abandoned) {
            return; // close() gave up on this thread and spooled the request; a resend is a duplicate
        }
        if (response != null && response.ok()) {
            settle(p, false);
            return;
        }
        Instant at = Instant.ofEpochMilli(clock.currentTimeMillis());
        Failure failure = response != null ? Failure.of(response, at) : Failure.unreachable(error, at);
        p.attempts++;
        p.lastError = failure;
        if (response != null && !response.retryable()) {
            reject(p, response);
            return;
        }
        retryLater(response, failure);
    }

    /** While the server stores a batch, encode the next one, so that both sides work at once. */
    private void encodeAhead() {
        boolean worthIt;
        lock.lock();
        try {
            long waiting = buffer.count() + staging.count();
            worthIt = queue.size() == 1 && waiting >= settings.wakeAt() && !abandoned;
        } finally {
            lock.unlock();
        }
        if (worthIt) {
            try {
                encode(false);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "tora: encoding a batch failed", e);
            }
        }
    }

    /** Takes {@code p} off the queue: delivered (its spool file goes) or refused (the file stays). */
    private void settle(Pending p, boolean rejected) {
        if (!rejected) {
            stream.finish(p);
        }
        boolean recovered = false;
        boolean wasOffline = false;
        lock.lock();
        try {
            if (queue.peekFirst() == p) {
                queue.pollFirst();
            }
            if (p.body != null) {
                memoryPoints -= p.points;
                memoryRequests--;
                p.body = null;
            }
            p.done = true;
            completed = p.seq;
            if (!rejected) {
                recovered = downSince != null;
                wasOffline = offline;
                downSince = null;
                offline = false;
                attempt = 0;
                retryAt = clock.nanoTime();
            }
            done.signalAll();
        } finally {
            lock.unlock();
        }
        if (recovered) {
            LOG.log(wasOffline ? Level.WARNING : Level.INFO, "tora: the server at {0} answers again; sending",
                    settings.serverUrl());
        }
    }

    private void reject(Pending p, Response response) {
        ToraServiceException err = response.error();
        Path path = null;
        try {
            path = stream.write(p);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "tora: could not save a refused request to the spool: {0}", e.toString());
        }
        String what = Pending.METRICS.equals(p.kind) ? "a batch of " + p.points + " points" : "a " + p.kind + " request";
        boolean first;
        lock.lock();
        try {
            first = warned.add(response.status() + " " + err.code());
            rejectedRequests++;
            rejectedPoints += p.points;
            lastRejected = p.seq;
        } finally {
            lock.unlock();
        }
        if (first) {
            LOG.log(Level.WARNING, "tora: the server refused {0} for experiment {1} ({2}); it is saved in {3} and will "
                            + "not be retried automatically (`{4}` sends it again)", what, p.experimentId,
                    err.getMessage(), path == null ? "memory only" : path, settings.syncCommand());
        } else {
            LOG.log(Level.DEBUG, "tora: refused again ({0}): {1}", err.getMessage(), what);
        }
        settle(p, true);
    }

    private void retryLater(Response response, Failure failure) {
        long now = clock.nanoTime();
        boolean first;
        boolean goingOffline;
        Duration delay;
        long downFor;
        int retry;
        lock.lock();
        try {
            first = downSince == null;
            if (first) {
                downSince = now;
            }
            delay = backoff.delay(attempt, response);
            retry = ++attempt;
            retryAt = now + delay.toNanos();
            downFor = now - downSince;
            goingOffline = !offline && downFor >= settings.spoolGrace().toNanos();
            if (goingOffline) {
                offline = true;
            }
            work.signal();
        } finally {
            lock.unlock();
        }
        String reason = failure.describe();
        if (first) { // a blip is not worth a warning; an outage past the grace period is
            LOG.log(Level.INFO, "tora: cannot deliver to {0} ({1}); retrying, and keeping points on disk after {2} s",
                    settings.serverUrl(), reason, seconds(settings.spoolGrace()));
        } else {
            LOG.log(Level.DEBUG, "tora: retry {0} in {1} ms ({2})", retry, delay.toMillis(), reason);
        }
        if (goingOffline) {
            spoolBacklog();
            Path dir = stream.directory();
            LOG.log(Level.WARNING, "tora: {0} has not answered for {1} s; undelivered requests are saved in {2} and sent "
                    + "when it answers", settings.serverUrl(), Math.round(downFor / 1e9),
                    dir == null ? settings.spoolDir() : dir);
        }
    }

    /** Writes every queued request that is only in memory to the spool (any thread). */
    private void spoolBacklog() {
        List<Pending> items = new ArrayList<>();
        lock.lock();
        try {
            for (Pending p : queue) {
                if (p != STOP && p.spoolPath == null && !p.done) {
                    items.add(p);
                }
            }
        } finally {
            lock.unlock();
        }
        for (Pending p : items) {
            try {
                if (stream.write(p) == null) {
                    continue;
                }
            } catch (IOException e) {
                if (!spoolFailed) {
                    spoolFailed = true;
                    LOG.log(Level.ERROR, "tora: cannot write to the spool in {0}: {1}", settings.spoolDir(), e.toString());
                }
                break;
            }
            lock.lock();
            try {
                if (!p.done && p.body != null) {
                    p.body = null; // it lives on disk now
                    memoryPoints -= p.points;
                    memoryRequests--;
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean await(Condition condition, long deadline) throws InterruptedException {
        long remaining = deadline - clock.nanoTime();
        if (remaining <= 0) {
            return false;
        }
        condition.awaitNanos(remaining);
        return true;
    }

    /** A point or request that arrived after close() began (another thread closed the run). */
    private IllegalStateException closedError() {
        return new IllegalStateException("run " + experimentId + " is closed; create or attach a new one");
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
