package dev.tora.core.application.security;

import dev.tora.core.domain.user.ApiKey;

/** What may be shown about a key after its creation: never the key itself. */
public record ApiKeyInfo(String id, String name, String prefix, long createdAt, Long lastUsedAt, Long revokedAt) {

    /** The info of a stored key. */
    public static ApiKeyInfo of(ApiKey key) {
        return new ApiKeyInfo(key.getId(), key.getName(), key.getPrefix(), key.getCreatedAt(),
                key.getLastUsedAt(), key.getRevokedAt());
    }
}
