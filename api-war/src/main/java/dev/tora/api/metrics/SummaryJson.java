package dev.tora.api.metrics;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.JsonOut;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** JSON of series summaries. */
public final class SummaryJson {

    private SummaryJson() {
    }

    /** One summary. */
    public static JsonObject of(SeriesSummary s) {
        return JSON.createObjectBuilder()
                .add("name", s.name())
                .add("count", s.count())
                .add("first_step", JsonOut.integer(s.firstStep()))
                .add("last_step", JsonOut.integer(s.lastStep()))
                .add("last_value", JsonOut.number(s.lastValue()))
                .add("min", JsonOut.number(s.min()))
                .add("max", JsonOut.number(s.max()))
                .add("nonfinite_count", s.nonfiniteCount())
                .add("last_timestamp", JsonOut.integer(s.lastTimestamp()))
                .build();
    }

    /** A list of summaries. */
    public static JsonArrayBuilder list(List<SeriesSummary> summaries) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        summaries.forEach(s -> b.add(of(s)));
        return b;
    }
}
