package dev.tora.core.infrastructure.plugin;

/**
 * Runs plugin code with the plugin's loader as the thread context class loader, as libraries
 * inside a plugin (ServiceLoader users, XML and JSON providers) expect, and restores it after.
 */
final class ContextClassLoader {

    /** A call into plugin code. */
    @FunctionalInterface
    interface PluginCall<T, E extends Exception> {
        /** Runs the call. */
        T call() throws E;
    }

    private ContextClassLoader() {
    }

    /** Runs {@code call} with {@code loader} as context class loader. */
    static <T, E extends Exception> T call(ClassLoader loader, PluginCall<T, E> call) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
