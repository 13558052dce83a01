package dev.tora.core.application.experiment;

import dev.tora.core.domain.experiment.Experiment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads experiments by id, in the order given, with their collections in a few batched queries. */
@ApplicationScoped
class ExperimentLoader {

    /** Ids per IN list. */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    /** The experiments of {@code ids} that exist, in that order (managed). */
    List<Experiment> load(List<String> ids) {
        Map<String, Experiment> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            TypedQuery<Experiment> query = em.createQuery("SELECT e FROM Experiment e WHERE e.id IN :ids",
                            Experiment.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            query.setHint("eclipselink.batch.type", "IN");
            query.setHint("eclipselink.batch", "e.tags");
            query.setHint("eclipselink.batch", "e.params");
            query.setHint("eclipselink.batch", "e.references");
            query.getResultList().forEach(e -> byId.put(e.getId(), e));
        }
        List<Experiment> ordered = new ArrayList<>(ids.size());
        for (String id : ids) {
            Experiment e = byId.get(id);
            if (e != null) {
                ordered.add(e);
            }
        }
        return ordered;
    }
}
