package dev.tora.client.internal.delivery;

import java.nio.file.Path;

/**
 * What closing a sender left in the spool: every request not delivered (refused ones included) and
 * their points, and the stream directory that holds them (null when nothing was written).
 */
public record CloseReport(int spooledRequests, long spooledPoints, int rejectedRequests, long rejectedPoints,
                          Path spoolPath) {

    /** Nothing left behind. */
    static CloseReport empty() {
        return new CloseReport(0, 0, 0, 0, null);
    }
}
