package dev.tora.core.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An API key: only its SHA-256 hash and a short prefix for recognising it are stored. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "prefix", nullable = false, length = 16)
    private String prefix;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    @Column(name = "revoked_at")
    private Long revokedAt;

    protected ApiKey() {
    }

    /** A new key for {@code userId}. */
    public ApiKey(String id, String userId, String name, String prefix, String keyHash, long createdAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public Long getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Marks the key revoked; it stops working at once. */
    public void revoke(long now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
