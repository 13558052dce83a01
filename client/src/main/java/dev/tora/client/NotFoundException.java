package dev.tora.client;

import java.util.Map;

/** The experiment or workspace does not exist or is not visible to this key (404). */
public class NotFoundException extends ToraServiceException {

    private static final long serialVersionUID = 1L;

    /** The error answer of the server. */
    public NotFoundException(int status, String code, String message, Map<String, Object> details) {
        super(status, code, message, details);
    }
}
