package dev.tora.client;

/** A call that must answer could not reach the server (refused, reset, timed out). */
public class ToraConnectionException extends ToraException {

    private static final long serialVersionUID = 1L;

    /** An exception with the network error as its cause. */
    public ToraConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
