package dev.tora.core.application.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fans committed changes out to the listeners that follow each experiment. Events arrive after
 * the transaction commits, so a rolled-back batch is never announced.
 */
@ApplicationScoped
public class LiveEventHub {

    private static final System.Logger LOG = System.getLogger(LiveEventHub.class.getName());

    private final Map<String, Set<LiveListener>> byExperiment = new ConcurrentHashMap<>();

    /** Starts delivering events of {@code experimentIds} to {@code listener}. */
    public void subscribe(Collection<String> experimentIds, LiveListener listener) {
        for (String id : experimentIds) {
            byExperiment.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(listener);
        }
    }

    /** Stops delivering to {@code listener}. */
    public void unsubscribe(Collection<String> experimentIds, LiveListener listener) {
        for (String id : experimentIds) {
            byExperiment.computeIfPresent(id, (k, set) -> {
                set.remove(listener);
                return set.isEmpty() ? null : set;
            });
        }
    }

    void onMetrics(@Observes(during = TransactionPhase.AFTER_SUCCESS) MetricsAppended event) {
        deliver(event.experimentId(), l -> l.metricsAppended(event));
    }

    void onExperiment(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExperimentChanged event) {
        deliver(event.experimentId(), l -> l.experimentChanged(event));
    }

    private void deliver(String experimentId, Consumer<LiveListener> action) {
        Set<LiveListener> listeners = byExperiment.get(experimentId);
        if (listeners == null) {
            return;
        }
        for (LiveListener listener : listeners) {
            try {
                action.accept(listener);
            } catch (RuntimeException e) {
                // One broken stream must not stop the others.
                LOG.log(System.Logger.Level.DEBUG, "live listener failed", e);
            }
        }
    }
}
