package dev.tora.api.http;

import dev.tora.core.application.security.AuthService;
import dev.tora.core.application.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller of the current request, authenticated on first use from the {@code x-api-key}
 * header, so routes that need no caller (health, the OpenAPI document) never check keys.
 */
@RequestScoped
public class CurrentCaller {

    /** The header API keys are sent in. */
    public static final String API_KEY_HEADER = "x-api-key";

    @Inject
    private HttpServletRequest request;

    @Inject
    private AuthService auth;

    private Caller caller;

    /** The caller; 401 when the credentials are missing (and required) or wrong. */
    public Caller get() {
        if (caller == null) {
            caller = auth.authenticate(request.getHeader(API_KEY_HEADER));
        }
        return caller;
    }
}
