package dev.tora.core.infrastructure.metric;

/** A database failure inside the metric store; an internal error, never the caller's fault. */
public class MetricStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with its cause. */
    public MetricStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
