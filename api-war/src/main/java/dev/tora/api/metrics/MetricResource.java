package dev.tora.api.metrics;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.api.http.CurrentCaller;
import dev.tora.api.http.JsonOut;
import dev.tora.core.application.metric.IngestResult;
import dev.tora.core.application.metric.MetricService;
import dev.tora.core.application.metric.SeriesPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/** Logging points to an experiment and reading its series: {@code /experiments/{id}/metrics...}. */
@Path("experiments/{id}/metrics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class MetricResource {

    @Inject
    private MetricService metrics;

    @Inject
    private CurrentCaller caller;

    /** Writes a batch of points in one transaction; a repeated batch_id is acknowledged, not rewritten. */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject batch(@PathParam("id") String id, InputStream body) {
        return ingestResult(metrics.ingest(caller.get(), id, MetricBatchReader.read(body)));
    }

    /** The experiment's series with their summaries. */
    @GET
    public JsonObject series(@PathParam("id") String id) {
        return JsonOut.page(SummaryJson.list(metrics.series(caller.get(), id)), null);
    }

    /** One series, raw when the range holds at most {@code points} points, else downsampled to buckets. */
    @GET
    @Path("{name: .+}/points")
    public StreamingOutput points(@PathParam("id") String id, @PathParam("name") String name,
                                  @QueryParam("x") String x, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("points") String points) {
        SeriesPage page = metrics.points(caller.get(), id, name, PointsParams.parse(x, from, to, points));
        return out -> {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject().writeStartObject("data");
                PointsJson.members(g, page.points());
                g.writeEnd().writeEnd();
            }
        };
    }

    static JsonObject ingestResult(IngestResult r) {
        return JsonOut.data(JSON.createObjectBuilder()
                .add("accepted", r.accepted())
                .add("duplicate", r.duplicate())
                .build());
    }
}
