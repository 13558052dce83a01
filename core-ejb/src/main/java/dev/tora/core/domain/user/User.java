package dev.tora.core.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone who owns API keys and belongs to workspaces. */
@Entity
@Table(name = "tora_user")
public class User {

    /** The implicit user of local mode, who owns the default workspace. */
    public static final String LOCAL_ID = "00000000-0000-0000-0000-000000000001";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected User() {
    }

    /** A new user. */
    public User(String id, String name, long createdAt) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
