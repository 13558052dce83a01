package dev.tora.client.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A fault-injecting HTTP/1.1 proxy in front of the test server. Each request takes the next action
 * of a script (then the default):
 *
 * <ul>
 * <li>{@code pass}: forward and answer with the server's response;</li>
 * <li>{@code drop}: reset the connection without forwarding (nothing reached the server);</li>
 * <li>{@code drop_after}: forward, then reset without answering (the server did the work);</li>
 * <li>{@code status:503}: answer 503 with Tora's error body, without forwarding;
 *     {@code status:429:1} adds {@code Retry-After: 1};</li>
 * <li>{@code delay:4}: wait 4 s, then forward.</li>
 * </ul>
 *
 * <p>{@link #stopListening()} closes the port and every connection, so that clients see "connection
 * refused" until {@link #startListening()}.
 */
final class FaultProxy implements AutoCloseable {

    /** One request the proxy saw. */
    record Seen(long nanos, String method, String path, String action, String batchId, String contentEncoding) {
    }

    private static final Pattern BATCH_ID = Pattern.compile("\"batch_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");

    private final URI upstream;
    private final String basePath;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Deque<String> script = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private String fallback = "pass";
    private int forwarded;
    private volatile ServerSocket listener;

    /** A proxy to {@code upstreamApi} (a base URL such as {@code http://127.0.0.1:8080/api}), listening at once. */
    FaultProxy(String upstreamApi) throws IOException {
        URI u = URI.create(upstreamApi);
        this.upstream = URI.create(u.getScheme() + "://" + u.getRawAuthority());
        this.basePath = u.getRawPath() == null ? "" : u.getRawPath();
        this.port = ToraServer.freePortRun(1);
        startListening();
    }

    /** The proxy's API URL. */
    String url() {
        return "http://127.0.0.1:" + port + basePath;
    }

    synchronized void push(String... actions) {
        script.addAll(List.of(actions));
    }

    synchronized void setDefault(String action) {
        fallback = action;
    }

    synchronized List<Seen> seen() {
        return new ArrayList<>(seen);
    }

    /** How many requests got an action of this kind ({@code drop}, {@code status}, ...). */
    synchronized int count(String kind) {
        int n = 0;
        for (Seen s : seen) {
            if (s.action().split(":")[0].equals(kind)) {
                n++;
            }
        }
        return n;
    }

    synchronized int forwarded() {
        return forwarded;
    }

    private synchronized String next(String method, String path, String batchId, String encoding) {
        String action = script.isEmpty() ? fallback : script.pollFirst();
        seen.add(new Seen(System.nanoTime(), method, path, action, batchId, encoding));
        return action;
    }

    /** Listens (again) on the proxy's port. */
    void startListening() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = s;
        Thread t = new Thread(() -> accept(s), "fault-proxy-" + port);
        t.setDaemon(true);
        t.start();
    }

    /** Closes the listening socket and every open connection: new connections are refused. */
    void stopListening() {
        ServerSocket s = listener;
        listener = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed anyway
            }
        }
        for (Socket c : connections) {
            reset(c);
        }
        connections.clear();
    }

    @Override
    public void close() {
        stopListening();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                connections.add(c);
                Thread t = new Thread(() -> serve(c), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                String path = parts[1];
                Map<String, String> headers = new LinkedHashMap<>();
                String h;
                while ((h = line(in)) != null && !h.isEmpty()) {
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                byte[] body = in.readNBytes(Integer.parseInt(header(headers, "content-length", "0")));
                String encoding = header(headers, "content-encoding", null);
                String action = next(method, path, batchId(body, encoding), encoding);
                if (action.equals("drop")) {
                    reset(socket);
                    return;
                }
                if (action.startsWith("status:")) {
                    String[] a = action.split(":");
                    int status = Integer.parseInt(a[1]);
                    byte[] payload = ("{\"error\":{\"code\":\"injected\",\"message\":\"injected " + status
                            + "\",\"details\":{}}}").getBytes(StandardCharsets.UTF_8);
                    String extra = a.length > 2 ? "Retry-After: " + a[2] + "\r\n" : "";
                    write(out, status, "Content-Type: application/json\r\n" + extra, payload);
                    continue;
                }
                if (action.startsWith("delay:")) {
                    TimeUnit.MILLISECONDS.sleep((long) (Double.parseDouble(action.split(":")[1]) * 1000));
                }
                HttpResponse<byte[]> answer = forward(method, path, headers, body);
                if (action.equals("drop_after")) {
                    reset(socket);
                    return;
                }
                StringBuilder copied = new StringBuilder();
                answer.headers().map().forEach((k, values) -> {
                    if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                        for (String v : values) {
                            copied.append(k).append(": ").append(v).append("\r\n");
                        }
                    }
                });
                write(out, answer.statusCode(), copied.toString(), answer.body());
            }
        } catch (IOException | RuntimeException gone) {
            // the client hung up, or the proxy stopped listening
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
        }
    }

    private HttpResponse<byte[]> forward(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(path)).timeout(Duration.ofSeconds(60));
        headers.forEach((k, v) -> {
            if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                b.header(k, v);
            }
        });
        b.method(method, body.length == 0 && !method.equals("POST") && !method.equals("PATCH")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        synchronized (this) {
            forwarded++;
        }
        return r;
    }

    private static void write(OutputStream out, int status, String headers, byte[] body) throws IOException {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\n" + headers + "Content-Length: " + body.length
                + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0); // RST, like a crashed server or a dropped link
            s.close();
        } catch (SocketException ignored) {
            // already gone
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static String header(Map<String, String> headers, String name, String fallback) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return fallback;
    }

    private static String batchId(byte[] body, String encoding) {
        if (body.length == 0) {
            return null;
        }
        try {
            byte[] plain = "gzip".equalsIgnoreCase(encoding)
                    ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
            String text = new String(plain, 0, Math.min(plain.length, 200), StandardCharsets.UTF_8);
            Matcher m = BATCH_ID.matcher(text);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = buf.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            buf.write(c);
        }
        return buf.size() == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
    }
}
