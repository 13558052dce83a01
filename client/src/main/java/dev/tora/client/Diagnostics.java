package dev.tora.client;

import java.lang.System.Logger.Level;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * Messages written while the JVM exits. java.util.logging resets itself in a shutdown hook of its
 * own, which can run before ours: its handlers are gone by the time a run reports what it spooled.
 * That one warning (how many points, and the command that sends them) must not be lost, so when the
 * JDK's own logging backend has no handler left it goes to standard error instead.
 */
final class Diagnostics {

    private static final System.Logger LOG = System.getLogger("dev.tora.client");
    private static final String JUL_BACKEND = "sun.util.logging.internal.LoggingProviderImpl";

    private Diagnostics() {
    }

    static void warnAtExit(String message) {
        if (julBackend() && !julHasHandler()) {
            System.err.println("WARNING: " + message);
        } else {
            LOG.log(Level.WARNING, message);
        }
    }

    private static boolean julBackend() {
        try {
            return System.LoggerFinder.getLoggerFinder().getClass().getName().equals(JUL_BACKEND);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean julHasHandler() {
        for (Logger l = Logger.getLogger("dev.tora.client"); l != null; l = l.getUseParentHandlers() ? l.getParent() : null) {
            Handler[] handlers = l.getHandlers();
            if (handlers.length > 0) {
                return true;
            }
        }
        return false;
    }
}
