package dev.tora.plugins.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only view of an experiment that the host gives to plugins. */
public interface ExperimentView {

    /** The experiment's id (a UUID). */
    String id();

    /** Id of the workspace it belongs to. */
    String workspaceId();

    /** Name of the experiment. */
    String name();

    /** Description, empty when none. */
    String description();

    /** Tags in the order they were added. */
    List<String> tags();

    /** Flat hyperparameters: values are String, Long, Double, Boolean or null. */
    Map<String, Object> hyperparams();

    /** Metadata as a JSON object text ({@code {}} when none). */
    String metadataJson();

    /** One of {@code running}, {@code finished}, {@code failed}, {@code killed}. */
    String status();

    /** {@code private} or {@code public}. */
    String visibility();

    /** When the experiment was created. */
    Instant createdAt();

    /** When the experiment last changed. */
    Instant updatedAt();

    /** When the run ended, if it has. */
    Optional<Instant> endedAt();

    /** Ids of the experiments this one derives from. */
    List<String> references();

    /** The metric series, ordered by name. */
    List<SeriesView> series();
}
