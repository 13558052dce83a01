package dev.tora.core.application.security;

import dev.tora.core.config.Setting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** Whether requests without an API key are accepted (local mode) or refused. */
public enum AuthMode {
    /** No key needed; allowed only when the server listens on loopback. */
    NONE,
    /** Every API request needs a valid key. */
    REQUIRED;

    /** The configured mode, refusing {@code none} on a non-loopback address with a clear message. */
    public static AuthMode fromSettings() {
        String raw = Setting.AUTH.require().toLowerCase(Locale.ROOT);
        AuthMode mode = switch (raw) {
            case "none" -> NONE;
            case "required" -> REQUIRED;
            default -> throw new IllegalStateException(
                    "TORA_AUTH must be 'none' or 'required', got '" + raw + "'");
        };
        String host = Setting.HOST.require();
        if (mode == NONE && !isLoopback(host)) {
            throw new IllegalStateException("TORA_AUTH=none is only allowed when TORA_HOST is a loopback address; "
                    + "TORA_HOST is " + host + ". Set TORA_AUTH=required to serve other machines.");
        }
        return mode;
    }

    /** Whether {@code host} names only this machine. */
    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        // Literal addresses only: a name is never resolved through DNS here.
        boolean literal = host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
