package dev.tora.core.infrastructure.plugin;

/**
 * A plugin, or a part of one, that was not loaded.
 *
 * @param source  {@value PluginLoader#BUILTIN} or the plugin's folder
 * @param message what failed and why, for the administrator
 */
public record PluginFailure(String source, String message) {

    /** A failure whose message is {@code what} followed by the cause chain's messages. */
    static PluginFailure of(String source, String what, Throwable cause) {
        StringBuilder message = new StringBuilder(what);
        String separator = ": ";
        // Bounded: a plugin's exception could form a cycle of causes.
        for (Throwable t = cause; t != null && message.length() < 2000; t = t.getCause()) {
            message.append(separator).append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                message.append(": ").append(t.getMessage());
            }
            separator = "; caused by ";
            if (t.getCause() == t) {
                break;
            }
        }
        return new PluginFailure(source, message.toString());
    }
}
