package dev.tora.core.application.experiment;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.workspace.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Keyset-paged listing of experiments: a page costs the same however deep it is. */
@ApplicationScoped
class ExperimentLister {

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private AccessGuard access;

    Page<Experiment> list(Caller caller, ExperimentQuery q) {
        List<String> workspaces;
        if (q.workspaceId() != null) {
            access.requireWorkspace(caller, q.workspaceId(), Permission.READ);
            workspaces = List.of(q.workspaceId());
        } else {
            workspaces = access.memberWorkspaces(caller);
            if (workspaces.isEmpty()) {
                return new Page<>(List.of(), null);
            }
        }
        // Native SQL for the id page (portable between H2 and PostgreSQL), then the entities.
        StringBuilder sql = new StringBuilder("SELECT e.id FROM experiment e WHERE e.workspace_id IN (")
                .append("?,".repeat(workspaces.size() - 1)).append("?)");
        List<Object> params = new ArrayList<>(workspaces);
        if (q.text() != null && !q.text().isEmpty()) {
            String like = "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%";
            sql.append(" AND (LOWER(e.name) LIKE ? ESCAPE '!' OR LOWER(e.description) LIKE ? ESCAPE '!'"
                    + " OR EXISTS (SELECT 1 FROM experiment_tag t WHERE t.experiment_id = e.id"
                    + " AND LOWER(t.tag) LIKE ? ESCAPE '!'))");
            params.addAll(List.of(like, like, like));
        }
        if (q.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM experiment_tag t WHERE t.experiment_id = e.id AND t.tag = ?)");
            params.add(q.tag());
        }
        if (q.status() != null) {
            sql.append(" AND e.status = ?");
            params.add(q.status().id());
        }
        String key = q.sort().column();
        String cmp = q.descending() ? "<" : ">";
        if (q.cursor() != null) {
            Cursor c = Cursor.decode(q.cursor(), q.sort());
            sql.append(" AND (").append(key).append(' ').append(cmp).append(" ? OR (")
                    .append(key).append(" = ? AND e.id ").append(cmp).append(" ?))");
            params.addAll(List.of(c.key(), c.key(), c.id()));
        }
        String dir = q.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(key).append(dir).append(", e.id").append(dir).append(" LIMIT ?");
        params.add(q.limit() + 1);

        Query idQuery = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            idQuery.setParameter(i + 1, params.get(i));
        }
        List<String> ids = new ArrayList<>();
        for (Object id : idQuery.getResultList()) {
            ids.add((String) id);
        }
        boolean more = ids.size() > q.limit();
        List<Experiment> rows = load(more ? ids.subList(0, q.limit()) : ids);
        String next = more && !rows.isEmpty() ? Cursor.of(q.sort(), rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows, next);
    }

    /** The experiments of {@code ids}, in that order, with their collections loaded in a few queries. */
    private List<Experiment> load(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        TypedQuery<Experiment> query = em.createQuery("SELECT e FROM Experiment e WHERE e.id IN :ids", Experiment.class)
                .setParameter("ids", ids);
        query.setHint("eclipselink.batch.type", "IN");
        query.setHint("eclipselink.batch", "e.tags");
        query.setHint("eclipselink.batch", "e.params");
        query.setHint("eclipselink.batch", "e.references");
        Map<String, Experiment> byId = new HashMap<>();
        query.getResultList().forEach(e -> byId.put(e.getId(), e));
        List<Experiment> ordered = new ArrayList<>(ids.size());
        ids.forEach(id -> {
            Experiment e = byId.get(id);
            if (e != null) {
                ordered.add(e);
            }
        });
        return ordered;
    }

    private static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** A position in the list: the sort key and id of the last row of a page. */
    record Cursor(ExperimentSort sort, Object key, String id) {

        static Cursor of(ExperimentSort sort, Experiment e) {
            Object key = switch (sort) {
                case CREATED_AT -> e.getCreatedAt();
                case UPDATED_AT -> e.getUpdatedAt();
                case NAME -> e.getName();
            };
            return new Cursor(sort, key, e.getId());
        }

        String encode() {
            String raw = sort.id() + "\n" + key + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text, ExperimentSort expected) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] parts = raw.split("\n", 3);
                if (parts.length != 3 || !parts[0].equals(expected.id())) {
                    throw new IllegalArgumentException("cursor of another listing");
                }
                Object key = expected == ExperimentSort.NAME ? parts[1] : (Object) Long.parseLong(parts[1]);
                return new Cursor(expected, key, parts[2]);
            } catch (IllegalArgumentException e) {
                throw ToraException.invalidField("cursor", "is not a cursor of this listing; start again without it");
            }
        }
    }
}
