package dev.tora.client;

import dev.tora.client.internal.convert.Checks;
import dev.tora.client.internal.convert.Hyperparams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create an experiment with: a name and, optionally, workspace, description,
 * hyperparameters, tags, metadata and references to the experiments it derives from. Immutable;
 * every value is checked when set, so a mistake shows on the line that made it.
 *
 * <pre>{@code
 * ExperimentSpec spec = ExperimentSpec.builder("resnet-baseline")
 *         .hyperparams(Map.of("lr", 3e-4, "optim", Map.of("name", "adam")))
 *         .tags("baseline")
 *         .build();
 * }</pre>
 */
public final class ExperimentSpec {

    private final String name;
    private final String workspaceId;
    private final String description;
    private final Map<String, Object> hyperparams;
    private final List<String> tags;
    private final Map<String, Object> metadata;
    private final List<String> references;

    private ExperimentSpec(Builder b) {
        this.name = b.name;
        this.workspaceId = b.workspaceId;
        this.description = b.description;
        this.hyperparams = b.hyperparams == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.hyperparams));
        this.tags = b.tags;
        this.metadata = b.metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.references = b.references == null ? null : List.copyOf(b.references);
    }

    /** A builder for an experiment named {@code name} (1 to 255 characters, not blank). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The name. */
    public String name() {
        return name;
    }

    /** The workspace id, or null for the caller's default workspace. */
    public String workspaceId() {
        return workspaceId;
    }

    /** The request body of {@code POST /experiments} with the id the client picked. */
    Map<String, Object> body(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        if (workspaceId != null) {
            body.put("workspaceId", workspaceId);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (hyperparams != null) {
            body.put("hyperparams", hyperparams);
        }
        if (tags != null) {
            body.put("tags", tags);
        }
        if (metadata != null) {
            body.put("metadata", metadata);
        }
        if (references != null) {
            body.put("references", references);
        }
        return body;
    }

    /** Builds an {@link ExperimentSpec}. */
    public static final class Builder {

        private final String name;
        private String workspaceId;
        private String description;
        private Map<String, Object> hyperparams;
        private List<String> tags;
        private Map<String, Object> metadata;
        private List<String> references;

        private Builder(String name) {
            this.name = Checks.experimentName(name);
        }

        /** The workspace (a UUID); the default workspace when not set. */
        public Builder workspaceId(String id) {
            this.workspaceId = Checks.uuid(id, "workspaceId");
            return this;
        }

        /** The description (line breaks allowed). */
        public Builder description(String text) {
            this.description = Checks.description(text);
            return this;
        }

        /** Hyperparameters; nested maps and records become dotted keys ({@code optim.lr}). */
        public Builder hyperparams(Map<String, ?> params) {
            this.hyperparams = new LinkedHashMap<>(Hyperparams.flatten(params));
            return this;
        }

        /** Hyperparameters from a record's components. */
        public Builder hyperparams(Record params) {
            this.hyperparams = new LinkedHashMap<>(Hyperparams.flatten(params));
            return this;
        }

        /** Tags (duplicates dropped, order kept). */
        public Builder tags(String... tags) {
            return tags(Arrays.asList(tags));
        }

        /** Tags (duplicates dropped, order kept). */
        public Builder tags(Collection<String> tags) {
            this.tags = Checks.tags(tags);
            return this;
        }

        /** Free-form JSON metadata (maps, lists, strings, finite numbers, booleans, nulls). */
        public Builder metadata(Map<String, ?> metadata) {
            this.metadata = Checks.metadata(metadata);
            return this;
        }

        /** Experiments this one derives from (UUIDs), e.g. the first run of a sweep. */
        public Builder references(String... experimentIds) {
            return references(Arrays.asList(experimentIds));
        }

        /** Experiments this one derives from (UUIDs). */
        public Builder references(Collection<String> experimentIds) {
            List<String> ids = new ArrayList<>();
            for (String id : Objects.requireNonNull(experimentIds, "experimentIds")) {
                ids.add(Checks.uuid(id, "references"));
            }
            this.references = ids;
            return this;
        }

        /** The spec. */
        public ExperimentSpec build() {
            return new ExperimentSpec(this);
        }
    }
}
