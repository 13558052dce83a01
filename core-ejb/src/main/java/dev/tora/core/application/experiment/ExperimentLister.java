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
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
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
        StringBuilder jpql = new StringBuilder("SELECT e FROM Experiment e WHERE e.workspaceId IN :ws");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("ws", workspaces);
        if (q.text() != null && !q.text().isEmpty()) {
            jpql.append(" AND (LOWER(e.name) LIKE :q ESCAPE '!' OR LOWER(e.description) LIKE :q ESCAPE '!'"
                    + " OR EXISTS (SELECT x FROM Experiment x JOIN x.tags t WHERE x = e AND LOWER(t) LIKE :q ESCAPE '!'))");
            params.put("q", "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (q.tag() != null) {
            jpql.append(" AND :tag MEMBER OF e.tags");
            params.put("tag", q.tag());
        }
        if (q.status() != null) {
            jpql.append(" AND e.status = :status");
            params.put("status", q.status().id());
        }
        String key = q.sort().path();
        String cmp = q.descending() ? "<" : ">";
        if (q.cursor() != null) {
            Cursor c = Cursor.decode(q.cursor(), q.sort());
            jpql.append(" AND (").append(key).append(' ').append(cmp).append(" :ck OR (")
                    .append(key).append(" = :ck AND e.id ").append(cmp).append(" :cid))");
            params.put("ck", c.key());
            params.put("cid", c.id());
        }
        String dir = q.descending() ? " DESC" : " ASC";
        jpql.append(" ORDER BY ").append(key).append(dir).append(", e.id").append(dir);

        TypedQuery<Experiment> query = em.createQuery(jpql.toString(), Experiment.class);
        params.forEach(query::setParameter);
        query.setMaxResults(q.limit() + 1);
        // Load the collections of the whole page in one query each instead of one per row.
        query.setHint("eclipselink.batch.type", "IN");
        query.setHint("eclipselink.batch", "e.tags");
        query.setHint("eclipselink.batch", "e.params");
        query.setHint("eclipselink.batch", "e.references");
        List<Experiment> rows = new ArrayList<>(query.getResultList());
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Experiment last = rows.get(rows.size() - 1);
            next = Cursor.of(q.sort(), last).encode();
        }
        return new Page<>(rows, next);
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
