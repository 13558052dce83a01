package dev.tora.ui;

import dev.tora.core.application.security.AuthMode;
import dev.tora.core.application.security.AuthPolicy;
import dev.tora.core.application.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who the web UI acts for. The UI has no sign-in yet, so it serves the local user in local mode
 * and nobody when the server requires API keys.
 */
@ApplicationScoped
public class UiCaller {

    @Inject
    private AuthPolicy policy;

    /** The caller, or empty when the server requires credentials the UI cannot ask for. */
    public Optional<Caller> get() {
        return policy.mode() == AuthMode.NONE ? Optional.of(Caller.local()) : Optional.empty();
    }
}
