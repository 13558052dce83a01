package dev.tora.core.domain.experiment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One run: its identity, hyperparameters, tags, metadata and lifecycle. */
@Entity
@Table(name = "experiment")
public class Experiment {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "workspace_id", nullable = false, length = 36)
    private String workspaceId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description")
    private String description;

    @Column(name = "status", nullable = false, length = 16)
    private String status;

    @Column(name = "visibility", nullable = false, length = 16)
    private String visibility;

    @Column(name = "metadata")
    private String metadata;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Column(name = "ended_at")
    private Long endedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "experiment_tag", joinColumns = @JoinColumn(name = "experiment_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag", nullable = false, length = 64)
    private List<String> tags = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "experiment_param", joinColumns = @JoinColumn(name = "experiment_id"))
    @MapKeyColumn(name = "param_key", length = 250)
    private Map<String, ParamValue> params = new LinkedHashMap<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "experiment_reference", joinColumns = @JoinColumn(name = "experiment_id"))
    @Column(name = "referenced_id", nullable = false, length = 36)
    private Set<String> references = new LinkedHashSet<>();

    protected Experiment() {
    }

    /** A new running experiment. */
    public Experiment(String id, String workspaceId, String name, long now) {
        this.id = id;
        this.workspaceId = workspaceId;
        this.name = name;
        this.status = ExperimentStatus.RUNNING.id();
        this.visibility = Visibility.PRIVATE.id();
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public ExperimentStatus getStatus() {
        return ExperimentStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
    }

    public Visibility getVisibility() {
        return Visibility.valueOf(visibility.toUpperCase(java.util.Locale.ROOT));
    }

    /** Metadata as JSON object text, or null. */
    public String getMetadata() {
        return metadata;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public Long getEndedAt() {
        return endedAt;
    }

    public List<String> getTags() {
        return Collections.unmodifiableList(tags);
    }

    public Map<String, ParamValue> getParams() {
        return Collections.unmodifiableMap(params);
    }

    public Set<String> getReferences() {
        return Collections.unmodifiableSet(references);
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    public void setVisibility(Visibility v) {
        this.visibility = v.id();
    }

    public void setMetadata(String json) {
        this.metadata = json;
    }

    /** Changes the status; entering a terminal status stamps {@code ended_at}, re-opening clears it. */
    public void changeStatus(ExperimentStatus newStatus, long now) {
        this.status = newStatus.id();
        this.endedAt = newStatus.isTerminal() ? Long.valueOf(endedAt == null ? now : endedAt) : null;
    }

    /** Replaces the tag list (already validated and deduplicated). */
    public void replaceTags(List<String> newTags) {
        tags.clear();
        tags.addAll(newTags);
    }

    /**
     * Adds one (already validated) tag at the end; false when it was there already.
     *
     * @throws IllegalStateException when the experiment has {@link ExperimentRules#MAX_TAGS} tags
     */
    public boolean addTag(String tag) {
        if (tags.contains(tag)) {
            return false;
        }
        if (tags.size() >= ExperimentRules.MAX_TAGS) {
            throw new IllegalStateException("experiment " + id + " has " + ExperimentRules.MAX_TAGS + " tags already");
        }
        return tags.add(tag);
    }

    /** Removes one tag; false when it was not there. */
    public boolean removeTag(String tag) {
        return tags.remove(tag);
    }

    /** Merges hyperparameters: new keys are added, existing ones overwritten. */
    public void mergeParams(Map<String, ParamValue> more) {
        params.putAll(more);
    }

    /** Adds a reference; returns false when it was already there. */
    public boolean addReference(String experimentId) {
        return references.add(experimentId);
    }

    /** Removes a reference; returns false when there was none. */
    public boolean removeReference(String experimentId) {
        return references.remove(experimentId);
    }

    /** Marks a change. */
    public void touch(long now) {
        this.updatedAt = Math.max(now, updatedAt);
    }
}
