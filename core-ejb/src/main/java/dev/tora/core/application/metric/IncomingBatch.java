package dev.tora.core.application.metric;

import dev.tora.core.domain.metric.SeriesWrite;
import java.util.List;

/**
 * A parsed, validated batch of points.
 *
 * @param batchId  the client's idempotency id, or null when the client sent none
 * @param series   points grouped by series, each in arrival order, series in order of first appearance
 * @param points   total number of points
 */
public record IncomingBatch(String batchId, List<SeriesWrite> series, int points) {
}
