package dev.tora.api.metrics;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.CurrentCaller;
import dev.tora.core.application.metric.MetricService;
import dev.tora.core.application.metric.SeriesPage;
import dev.tora.core.domain.error.ToraException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import java.util.List;

/** One metric across several experiments in one call, for comparison charts. */
@Path("metrics/points")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComparisonResource {

    @Inject
    private MetricService metrics;

    @Inject
    private CurrentCaller caller;

    /** {@code {"data": [{experiment, name, mode, ...}]}} in the order of {@code experiments}. */
    @GET
    public StreamingOutput points(@QueryParam("experiments") String experiments, @QueryParam("name") String name,
                                  @QueryParam("x") String x, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("points") String points) {
        if (experiments == null || experiments.isBlank()) {
            throw ToraException.invalidField("experiments", "is required: comma-separated experiment ids");
        }
        if (name == null) {
            throw ToraException.invalidField("name", "is required");
        }
        List<String> ids = Arrays.stream(experiments.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        List<SeriesPage> pages = metrics.points(caller.get(), ids, name, PointsParams.parse(x, from, to, points));
        return out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject().writeStartArray("data");
                pages.forEach(p -> PointsJson.page(g, p));
                g.writeEnd().writeEnd();
            }
        };
    }
}
