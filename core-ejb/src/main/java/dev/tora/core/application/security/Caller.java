package dev.tora.core.application.security;

import dev.tora.core.domain.user.User;

/** Who is calling a service: every service method that touches workspace data takes one. */
public record Caller(String userId, String name, Origin origin) {

    /** How the caller was identified. */
    public enum Origin {
        /** No credentials, accepted because the server runs in local mode on loopback. */
        LOCAL,
        /** An API key sent as {@code x-api-key}. */
        API_KEY
    }

    /** The implicit user of local mode. */
    public static Caller local() {
        return new Caller(User.LOCAL_ID, "local", Origin.LOCAL);
    }
}
