package dev.tora.api.live;

import dev.tora.api.http.CurrentCaller;
import dev.tora.core.application.live.LiveService;
import dev.tora.core.domain.error.ToraException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Arrays;
import java.util.List;

/**
 * Live changes as Server-Sent Events: a {@code metrics} event after each committed batch, an
 * {@code experiment} event after updates, a comment heartbeat every 15 s. One stream per tab.
 */
@Path("events")
@ApplicationScoped
public class EventResource {

    @Inject
    private LiveService live;

    @Inject
    private EventStreams streams;

    @Inject
    private CurrentCaller caller;

    /** Opens a stream following {@code experiments} (comma-separated ids). */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@QueryParam("experiments") String experiments, @Context SseEventSink sink, @Context Sse sse) {
        if (experiments == null || experiments.isBlank()) {
            throw ToraException.invalidField("experiments", "is required: comma-separated experiment ids");
        }
        List<String> ids = Arrays.stream(experiments.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
        EventStream[] holder = new EventStream[1];
        EventStream stream = new EventStream(sink, sse, ids, () -> streams.remove(holder[0]));
        holder[0] = stream;
        live.subscribe(caller.get(), ids, stream);
        streams.add(stream);
        stream.open();
    }
}
