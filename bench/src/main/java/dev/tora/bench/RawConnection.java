package dev.tora.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A keep-alive HTTP/1.1 connection that sends pre-built request bytes and reads the answers,
 * costing the load generator almost no CPU (as wrk would), so that the server's share of the two
 * cores is what gets measured.
 */
final class RawConnection implements AutoCloseable {

    private final URI uri;
    private final String hostHeader;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    RawConnection(String api) {
        uri = URI.create(api);
        hostHeader = uri.getHost() + ":" + uri.getPort();
    }

    private void connect() throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    /** The complete bytes of a JSON POST to {@code path} (an absolute path such as /api/...). */
    byte[] post(String path, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * Sends a request and returns the status of its answer, whose body is read and dropped. A
     * connection the server closed while idle is reopened and the request sent again (batches
     * carry their batch_id, so a repeat is harmless).
     */
    int exchange(byte[] request) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return send(request);
        } catch (IOException closed) {
            socket.close();
            connect();
            return send(request);
        }
    }

    private int send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        if (close) {
            socket.close();
            connect();
        }
        return code;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
