package dev.tora.client.internal.json;

/** A document that is not valid JSON, or not of the expected shape. */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An exception naming the problem and where it is. */
    public JsonException(String message) {
        super(message);
    }
}
