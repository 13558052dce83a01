package dev.tora.client;

import java.util.Map;

/** The server refused a field (400) or a size (413). */
public class ValidationException extends ToraServiceException {

    private static final long serialVersionUID = 1L;

    /** The error answer of the server. */
    public ValidationException(int status, String code, String message, Map<String, Object> details) {
        super(status, code, message, details);
    }
}
