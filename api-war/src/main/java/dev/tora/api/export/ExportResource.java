package dev.tora.api.export;

import dev.tora.api.http.CurrentCaller;
import dev.tora.core.application.export.ExportService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** Streams an experiment, every point of every series, in a format an exporter plugin provides. */
@Path("experiments/{id}/export")
@ApplicationScoped
public class ExportResource {

    @Inject
    private ExportService exports;

    @Inject
    private CurrentCaller caller;

    /** {@code ?format=csv|jsonl|...}; downloads as a file. */
    @GET
    public Response export(@PathParam("id") String id, @QueryParam("format") String format) {
        ExportService.PreparedExport export = exports.prepare(caller.get(), id, format == null ? "csv" : format);
        StreamingOutput body = export::writeTo;
        return Response.ok(body, export.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }
}
