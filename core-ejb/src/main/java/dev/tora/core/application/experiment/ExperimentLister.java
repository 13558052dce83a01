package dev.tora.core.application.experiment;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.query.Attribute;
import dev.tora.core.domain.query.Expr;
import dev.tora.core.domain.query.Operator;
import dev.tora.core.domain.query.QueryParser;
import dev.tora.core.domain.query.SortKey;
import dev.tora.core.domain.query.Value;
import dev.tora.core.domain.workspace.Permission;
import dev.tora.core.infrastructure.query.JdbcExperimentSearch;
import dev.tora.core.infrastructure.query.Selection;
import dev.tora.core.infrastructure.query.SortedRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Keyset-paged listing of experiments: a page costs the same however deep it is. */
@ApplicationScoped
class ExperimentLister {

    @Inject
    private AccessGuard access;

    @Inject
    private JdbcExperimentSearch search;

    @Inject
    private ExperimentLoader loader;

    @Inject
    private Clock clock;

    Page<Experiment> list(Caller caller, ExperimentQuery q) {
        Expr filter = filter(q);
        SortKey sort = SortKey.parse(q.sort(), "sort");
        ListingCursor after = q.cursor() == null ? null : ListingCursor.decode(q.cursor(), sort, q.descending());
        if (after != null && !search.fits(sort, after.position())) {
            throw ToraException.invalidField("cursor", "is not a cursor of this listing; start again without it");
        }
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
        // One clock reading for every page of a listing, so that durations do not move under the cursor.
        long now = after == null ? clock.millis() : after.now();
        List<SortedRow> rows = search.page(new Selection(workspaces, filter, now), sort, q.descending(),
                after == null ? null : after.position(), q.limit() + 1);
        boolean more = rows.size() > q.limit();
        List<SortedRow> page = more ? rows.subList(0, q.limit()) : rows;
        List<Experiment> experiments = loader.load(page.stream().map(SortedRow::id).toList());
        String next = more ? new ListingCursor(sort.text(), q.descending(), now,
                page.get(page.size() - 1).position()).encode() : null;
        return new Page<>(experiments, next);
    }

    /** The listing's filters as one condition: text, tag and status become query terms, ANDed with the query. */
    private static Expr filter(ExperimentQuery q) {
        List<Expr> terms = new ArrayList<>();
        if (q.text() != null && !q.text().isEmpty()) {
            Value text = new Value.Text(q.text());
            terms.add(new Expr.Or(List.of(new Expr.Compare(Attribute.NAME, Operator.CONTAINS, text),
                    new Expr.Compare(Attribute.DESCRIPTION, Operator.CONTAINS, text),
                    new Expr.Compare(Attribute.TAGS, Operator.CONTAINS, text))));
        }
        if (q.tag() != null) {
            terms.add(new Expr.Compare(Attribute.TAGS, Operator.EQ, new Value.Text(q.tag())));
        }
        if (q.status() != null) {
            terms.add(new Expr.Compare(Attribute.STATUS, Operator.EQ, new Value.Text(q.status().id())));
        }
        Expr query = QueryParser.parse(q.query());
        if (query != null) {
            terms.add(query);
        }
        return terms.isEmpty() ? null : terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }
}
