package dev.tora.client.internal.http;

import dev.tora.client.ToraServiceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a request failed, in the shape of a spool file's {@code last_error}: when, the HTTP status
 * (null without an answer), the server's code (or {@code unreachable}), the message, and whether
 * sending again may help.
 */
public record Failure(Instant at, Integer status, String code, String message, boolean retryable) {

    /** The failure an answer describes. */
    public static Failure of(Response response, Instant now) {
        ToraServiceException e = response.error();
        return new Failure(now, response.status(), e.code(), e.serverMessage(), response.retryable());
    }

    /** A request that got no answer. */
    public static Failure unreachable(String message, Instant now) {
        return new Failure(now, null, "unreachable", message, true);
    }

    /** The JSON form ({@code at} in whole seconds, as the Python client writes it). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", at.truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("status", status == null ? null : (long) status);
        m.put("code", code);
        m.put("message", message);
        m.put("retryable", retryable);
        return m;
    }

    /** A failure read back from a spool file (missing fields become nulls). */
    public static Failure fromJson(Map<String, Object> m) {
        Instant at;
        try {
            at = Instant.parse(String.valueOf(m.get("at")));
        } catch (RuntimeException unreadable) {
            at = Instant.EPOCH;
        }
        Object status = m.get("status");
        Object message = m.get("message");
        return new Failure(at, status instanceof Number n ? n.intValue() : null,
                m.get("code") instanceof String s ? s : null, message == null ? null : message.toString(),
                !Boolean.FALSE.equals(m.get("retryable")));
    }

    /** For messages: {@code 503 injected 503} or {@code connection refused}. */
    public String describe() {
        return (status == null ? "" : status + " ") + message;
    }
}
