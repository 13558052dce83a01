package dev.tora.client;

import java.util.Map;

/** The server answered a request with an error: HTTP status plus Tora's error code and message. */
public class ToraServiceException extends ToraException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String serverMessage;
    private final transient Map<String, Object> details;

    /** An error answer; {@code code} may be null when the answer was not Tora's JSON. */
    public ToraServiceException(int status, String code, String message, Map<String, Object> details) {
        super(status + (code == null ? "" : " " + code) + ": " + message);
        this.status = status;
        this.code = code;
        this.serverMessage = message;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The server's machine-readable code, such as {@code invalid_field}, or null. */
    public String code() {
        return code;
    }

    /** The server's message, for people. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The server's details, such as {@code field}; empty when there are none. */
    public Map<String, Object> details() {
        return details;
    }

    /** The exception for an error answer, keyed by status. */
    public static ToraServiceException of(int status, String code, String message, Map<String, Object> details) {
        return switch (status) {
            case 400, 413, 422 -> new ValidationException(status, code, message, details);
            case 401, 403 -> new UnauthorizedException(status, code, message, details);
            case 404 -> new NotFoundException(status, code, message, details);
            case 409 -> new ConflictException(status, code, message, details);
            default -> new ToraServiceException(status, code, message, details);
        };
    }
}
