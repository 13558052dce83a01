package dev.tora.core.application.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

/** The authentication mode, read once at start-up. */
@ApplicationScoped
public class AuthPolicy {

    private AuthMode mode;

    @PostConstruct
    void read() {
        mode = AuthMode.fromSettings();
    }

    /** The mode in force. */
    public AuthMode mode() {
        return mode;
    }
}
