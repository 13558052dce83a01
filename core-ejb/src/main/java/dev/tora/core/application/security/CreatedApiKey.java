package dev.tora.core.application.security;

/** A key just created: the only time its secret value is available. */
public record CreatedApiKey(ApiKeyInfo info, String key) {
}
