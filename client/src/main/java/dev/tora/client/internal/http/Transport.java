package dev.tora.client.internal.http;

import dev.tora.client.Clock;
import dev.tora.client.internal.json.JsonException;
import dev.tora.client.internal.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Requests to one server through a shared keep-alive {@link HttpClient}: JSON bodies (gzip above
 * 64 KiB), the API key header, and answers parsed into {@link Response}s. Thread-safe.
 */
public final class Transport {

    /** Bodies larger than this are sent gzip-compressed. */
    public static final int GZIP_ABOVE = 64 * 1024;
    /** Sent as the User-Agent. */
    public static final String USER_AGENT = "tora-java/" + version();

    private final HttpClient http;
    private final String serverUrl;
    private final String apiKey;
    private final Duration timeout;
    private final Clock clock;

    /** A transport to {@code serverUrl} (the API base, such as {@code http://host:8080/api}). */
    public Transport(HttpClient http, String serverUrl, String apiKey, Duration timeout, Clock clock) {
        this.http = http;
        this.serverUrl = serverUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The server's API base URL. */
    public String serverUrl() {
        return serverUrl;
    }

    /** Sends one request and waits for the answer. */
    public Response send(String method, String path, byte[] body) throws TransportException {
        return send(method, path, body, timeout, null);
    }

    /**
     * Sends one request; {@code meanwhile} (if any) runs once on this thread after the request went
     * out, while the server works on it. A request that fails without an answer on the network
     * level is sent once more at once: a kept-alive connection the server closed looks like that,
     * and every request Tora sends is idempotent.
     */
    public Response send(String method, String path, byte[] body, Duration timeout, Runnable meanwhile)
            throws TransportException {
        HttpRequest request = request(method, path, body, timeout);
        try {
            CompletableFuture<HttpResponse<byte[]>> answer =
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            if (meanwhile != null) {
                meanwhile.run();
            }
            return response(answer.get());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException || cause instanceof ConnectException
                    || !(cause instanceof IOException)) {
                throw new TransportException(describe(cause), cause);
            }
            return sendAgain(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", e);
        } catch (RuntimeException e) { // e.g. the client's executor was shut down
            throw new TransportException(describe(e), e);
        }
    }

    private Response sendAgain(HttpRequest request) throws TransportException {
        try {
            return response(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new TransportException(describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted", e);
        } catch (RuntimeException e) {
            throw new TransportException(describe(e), e);
        }
    }

    private HttpRequest request(String method, String path, byte[] body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(serverUrl + path))
                .timeout(timeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json");
        if (apiKey != null) {
            b.header("x-api-key", apiKey);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            byte[] payload = body;
            if (body.length > GZIP_ABOVE) {
                payload = gzip(body);
                b.header("Content-Encoding", "gzip");
            }
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        }
        return b.build();
    }

    private Response response(HttpResponse<byte[]> r) {
        byte[] raw = r.body();
        Object parsed = null;
        if (raw != null && raw.length > 0) {
            try {
                parsed = JsonReader.parse(new String(raw, StandardCharsets.UTF_8));
            } catch (JsonException notJson) {
                if (r.statusCode() >= 400) {
                    String kind = r.headers().firstValue("Content-Type").orElse("no content type");
                    parsed = Map.of("error", Map.of("message",
                            "HTTP " + r.statusCode() + " (" + kind + "), not an answer of Tora's API"));
                }
            }
        }
        Double retryAfter = RetryAfter.seconds(r.headers().firstValue("Retry-After").orElse(null),
                Instant.ofEpochMilli(clock.currentTimeMillis()));
        return new Response(r.statusCode(), parsed, retryAfter);
    }

    /** {@code data} compressed with gzip (fastest level: the network, not the CPU, is the cost). */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gz = new FastGzip(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A short description of a network failure, for logs and the spool. */
    static String describe(Throwable e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.contains("header parser received no bytes") ? "connection closed without an answer" : message;
    }

    private static String version() {
        String v = Transport.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** gzip at the fastest level. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
