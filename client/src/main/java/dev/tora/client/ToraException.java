package dev.tora.client;

/**
 * The base of every exception the Tora client throws on purpose.
 *
 * <pre>
 * ToraException
 *  +-- ToraConfigurationException   a bad server URL or TORA_* variable
 *  +-- ToraConnectionException      the server could not be reached for a call that must answer
 *  +-- ToraServiceException         the server answered with an error (status, code, message)
 *       +-- ValidationException     400, 413, 422: a field or a size was refused
 *       +-- UnauthorizedException   401, 403: missing, wrong or insufficient API key
 *       +-- NotFoundException       404: no such experiment or workspace (or not visible)
 *       +-- ConflictException       409: e.g. an experiment id already used by another name
 * </pre>
 *
 * <p>Only the calls that set a run up or read from the server throw these. Delivery of points
 * never throws into the caller: failures are logged, retried and spooled to disk.
 */
public class ToraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public ToraException(String message) {
        super(message);
    }

    /** An exception with a message and a cause. */
    public ToraException(String message, Throwable cause) {
        super(message, cause);
    }
}
