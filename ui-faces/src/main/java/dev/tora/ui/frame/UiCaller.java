package dev.tora.ui.frame;

import dev.tora.core.application.security.AuthMode;
import dev.tora.core.application.security.AuthPolicy;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
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

    /** The caller; a page reached without one answers as if the thing did not exist. */
    public Caller require() {
        return get().orElseThrow(() -> ToraException.unauthenticated("the web UI needs local mode (TORA_AUTH=none)"));
    }
}
