package dev.tora.client;

import java.util.Map;

/** The API key is missing, wrong or lacks the permission (401, 403). */
public class UnauthorizedException extends ToraServiceException {

    private static final long serialVersionUID = 1L;

    /** The error answer of the server. */
    public UnauthorizedException(int status, String code, String message, Map<String, Object> details) {
        super(status, code, message, details);
    }
}
