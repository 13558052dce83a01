package dev.tora.client.internal.http;

/** A request that got no answer: refused, reset, timed out, or a broken answer. */
public final class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with a short description for logs and the spool. */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
