package dev.tora.api.http;

import dev.tora.core.config.Setting;
import jakarta.ws.rs.core.UriInfo;

/** Links to pages of the web UI, on TORA_PUBLIC_URL or else the host the request came to. */
public final class UiLinks {

    private UiLinks() {
    }

    /** The UI's base URL without a trailing slash. */
    public static String base(UriInfo uri) {
        String configured = Setting.PUBLIC_URL.value().orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String api = uri.getBaseUri().toString();
        String trimmed = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        return trimmed.endsWith("/api") ? trimmed.substring(0, trimmed.length() - 4) : trimmed;
    }

    /** The page of an experiment. */
    public static String experiment(UriInfo uri, String experimentId) {
        return base(uri) + "/experiments/" + experimentId;
    }
}
