package dev.tora.core.domain.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a query tree back as text in canonical form: keywords in upper case, strings in double
 * quotes, metric fields with their aggregate, and parentheses exactly where the tree needs them,
 * so that parsing the text gives the same tree.
 */
public final class QueryText {

    private QueryText() {
    }

    /** The canonical text of {@code e}. */
    public static String of(Expr e) {
        if (e instanceof Expr.Or or) {
            return join(or.terms(), " OR ", 1);
        }
        if (e instanceof Expr.And and) {
            return join(and.terms(), " AND ", 2);
        }
        if (e instanceof Expr.Not not) {
            return "NOT " + wrapped(not.term(), 2);
        }
        if (e instanceof Expr.Compare c) {
            return c.field().text() + " " + c.op().symbol() + " " + c.value().text();
        }
        Expr.In in = (Expr.In) e;
        return in.field().text() + " in (" + in.values().stream().map(Value::text)
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String join(List<Expr> terms, String keyword, int level) {
        return terms.stream().map(t -> wrapped(t, level)).collect(Collectors.joining(keyword));
    }

    /** {@code e}, in parentheses when it binds no tighter than {@code level} (1 = OR, 2 = AND). */
    private static String wrapped(Expr e, int level) {
        return precedence(e) <= level ? "(" + of(e) + ")" : of(e);
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Or) {
            return 1;
        }
        return e instanceof Expr.And ? 2 : 3;
    }
}
