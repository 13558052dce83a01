package dev.tora.core.application.experiment;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.experiment.ExperimentRules;
import dev.tora.core.domain.experiment.ParamValue;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.core.domain.metric.MetricStore;
import dev.tora.core.domain.metric.SeriesSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link ExperimentDetails} for one or many experiments with a fixed number of queries. */
@ApplicationScoped
class ExperimentAssembler {

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private MetricStore metrics;

    @Inject
    private AccessGuard access;

    ExperimentDetails details(Caller caller, Experiment e) {
        return details(caller, List.of(e)).get(0);
    }

    List<ExperimentDetails> details(Caller caller, List<Experiment> experiments) {
        if (experiments.isEmpty()) {
            return List.of();
        }
        List<String> ids = experiments.stream().map(Experiment::getId).toList();
        Map<String, List<SeriesSummary>> summaries = metrics.summaries(ids);
        Map<String, List<String>> referencedBy = referencedBy(caller, ids);
        List<ExperimentDetails> out = new ArrayList<>(experiments.size());
        for (Experiment e : experiments) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, ParamValue> p : e.getParams().entrySet()) {
                params.put(p.getKey(), p.getValue().toJava());
            }
            out.add(new ExperimentDetails(e.getId(), e.getWorkspaceId(), e.getName(), e.getDescription(),
                    e.getStatus(), e.getVisibility(), List.copyOf(e.getTags()), params,
                    ExperimentRules.parseMetadata(e.getMetadata()), List.copyOf(e.getReferences()),
                    referencedBy.getOrDefault(e.getId(), List.of()), e.getCreatedAt(), e.getUpdatedAt(),
                    e.getEndedAt(), summaries.getOrDefault(e.getId(), List.of())));
        }
        return out;
    }

    /** Who references each experiment, limited to experiments the caller may read. */
    private Map<String, List<String>> referencedBy(Caller caller, List<String> ids) {
        List<Object[]> rows = em.createQuery("SELECT r, x.id, x.workspaceId, x.visibility FROM Experiment x "
                        + "JOIN x.references r WHERE r IN :ids ORDER BY x.createdAt, x.id", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<String> member = new HashSet<>(access.memberWorkspaces(caller));
        Map<String, List<String>> out = new HashMap<>();
        for (Object[] row : rows) {
            boolean visible = member.contains((String) row[2]) || Visibility.PUBLIC.id().equals(row[3]);
            if (visible) {
                out.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((String) row[1]);
            }
        }
        return out;
    }
}
