package dev.tora.plugins.spi.testing;

import dev.tora.plugins.spi.ExperimentView;
import dev.tora.plugins.spi.SeriesView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A hand-made experiment; record accessors implement the view. */
public record TestExperiment(
        String id,
        String workspaceId,
        String name,
        String description,
        List<String> tags,
        Map<String, Object> hyperparams,
        String metadataJson,
        String status,
        String visibility,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> endedAt,
        List<String> references,
        List<SeriesView> series) implements ExperimentView {

    /** An experiment with plain fields and the given name and series. */
    public static TestExperiment of(String name, SeriesView... series) {
        return new TestExperiment("0b6f3c2e-8d41-4f0a-9c3e-2a7d5e1f6b90",
                "5d0e9a7c-1b2f-4c3d-8e4f-6a7b8c9d0e1f", name, "", List.of(), Map.of(), "{}",
                "finished", "private", Instant.parse("2025-01-02T03:04:05Z"),
                Instant.parse("2025-01-02T04:00:00Z"), Optional.empty(), List.of(),
                List.of(series));
    }
}
