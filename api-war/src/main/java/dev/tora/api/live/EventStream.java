package dev.tora.api.live;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.live.ExperimentChanged;
import dev.tora.core.application.live.LiveListener;
import dev.tora.core.application.live.MetricsAppended;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;

/** One open event stream (one browser tab): sends are serialised, a failed send closes it. */
final class EventStream implements LiveListener {

    private final SseEventSink sink;
    private final Sse sse;
    private final List<String> experiments;
    private final Runnable onClose;
    private volatile boolean closed;

    EventStream(SseEventSink sink, Sse sse, List<String> experiments, Runnable onClose) {
        this.sink = sink;
        this.sse = sse;
        this.experiments = experiments;
        this.onClose = onClose;
    }

    List<String> experiments() {
        return experiments;
    }

    boolean isClosed() {
        return closed || sink.isClosed();
    }

    @Override
    public void metricsAppended(MetricsAppended event) {
        JsonArrayBuilder series = JSON.createArrayBuilder();
        for (MetricsAppended.SeriesTick t : event.series()) {
            JsonObjectBuilder b = JSON.createObjectBuilder().add("name", t.name()).add("count", t.count());
            if (t.lastStep() == null) {
                b.addNull("last_step");
            } else {
                b.add("last_step", t.lastStep());
            }
            series.add(b);
        }
        send(sse.newEventBuilder().name("metrics").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(JSON.createObjectBuilder().add("experiment", event.experimentId()).add("series", series)
                        .build().toString())
                .build());
    }

    @Override
    public void experimentChanged(ExperimentChanged event) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("experiment", event.experimentId())
                .add("deleted", event.deleted());
        if (event.status() != null) {
            b.add("status", event.status());
        }
        send(sse.newEventBuilder().name("experiment").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(b.build().toString()).build());
    }

    /** A comment line that keeps proxies from closing an idle stream. */
    void heartbeat() {
        send(sse.newEventBuilder().comment("heartbeat").build());
    }

    /** Sends the opening comment so the client sees the stream is live. */
    void open() {
        send(sse.newEventBuilder().comment("connected").build());
    }

    private synchronized void send(OutboundSseEvent event) {
        if (isClosed()) {
            close();
            return;
        }
        sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                close();
            }
        });
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
            onClose.run();
        }
    }
}
