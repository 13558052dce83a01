package dev.tora.client;

import java.util.Map;

/** The request conflicts with the server's state (409), e.g. an experiment id used by another name. */
public class ConflictException extends ToraServiceException {

    private static final long serialVersionUID = 1L;

    /** The error answer of the server. */
    public ConflictException(int status, String code, String message, Map<String, Object> details) {
        super(status, code, message, details);
    }
}
