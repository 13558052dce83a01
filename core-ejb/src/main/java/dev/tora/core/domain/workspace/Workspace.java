package dev.tora.core.domain.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named group of experiments that a team shares. */
@Entity
@Table(name = "workspace")
public class Workspace {

    /** Id of the workspace every installation starts with. */
    public static final String DEFAULT_ID = "00000000-0000-0000-0000-000000000001";

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected Workspace() {
    }

    /** A new workspace. */
    public Workspace(String id, String name, String description, long createdAt) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public long getCreatedAt() {
        return createdAt;
    }
}
