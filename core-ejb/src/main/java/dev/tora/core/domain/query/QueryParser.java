package dev.tora.core.domain.query;

import dev.tora.core.domain.error.ToraException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the query language. Grammar (keywords in any case):
 * <pre>
 *   query      = or
 *   or         = and { "OR" and }
 *   and        = unary { "AND" unary }
 *   unary      = "NOT" unary | "(" or ")" | comparison
 *   comparison = field operator value | field "in" "(" value { "," value } ")"
 *   operator   = "=" | "!=" | "<" | "<=" | ">" | ">=" | "~"
 *   value      = number | string | "true" | "false" | "null" | relative time | bare word (a string)
 * </pre>
 * A malformed query is a 400 naming the field ({@code query}) and the 0-based position.
 */
public final class QueryParser {

    /** The field that errors name. */
    public static final String FIELD = "query";

    private final String text;
    private final QueryLexer lexer;
    private final ComparisonRules rules;
    private Token peeked;
    private Token previous;
    private int depth;
    private int terms;

    private QueryParser(String text) {
        this.text = text;
        this.lexer = new QueryLexer(text, FIELD);
        this.rules = new ComparisonRules(FIELD);
    }

    /** The query as a tree; null when {@code query} is null or blank (no condition). */
    public static Expr parse(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        if (query.length() > QueryLimits.MAX_LENGTH) {
            throw QueryErrors.at(FIELD, QueryLimits.MAX_LENGTH, "is longer than " + QueryLimits.MAX_LENGTH
                    + " characters");
        }
        return new QueryParser(query).whole();
    }

    private Expr whole() {
        Expr e = or();
        Token t = peek();
        if (t.kind() == Token.Kind.RPAREN) {
            throw error(t, "')' without a matching '('");
        }
        if (t.kind() != Token.Kind.END) {
            throw error(t, "expected AND or OR before " + t.shown());
        }
        return e;
    }

    private Expr or() {
        List<Expr> terms = new ArrayList<>();
        terms.add(and());
        while (peek().isKeyword("or")) {
            next();
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(terms);
    }

    private Expr and() {
        List<Expr> terms = new ArrayList<>();
        terms.add(unary());
        while (peek().isKeyword("and")) {
            next();
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.And(terms);
    }

    private Expr unary() {
        Token t = peek();
        if (t.isKeyword("not")) {
            next();
            enter(t);
            Expr e = new Expr.Not(unary());
            depth--;
            return e;
        }
        if (t.kind() == Token.Kind.LPAREN) {
            next();
            enter(t);
            Expr e = or();
            Token close = peek();
            if (close.kind() != Token.Kind.RPAREN) {
                throw error(close, close.kind() == Token.Kind.END
                        ? "expected ')' to close the '(' at offset " + t.start()
                        : "expected AND, OR or ')' before " + close.shown());
            }
            next();
            depth--;
            return e;
        }
        return comparison();
    }

    private Expr comparison() {
        Token word = peek();
        if (word.kind() != Token.Kind.WORD || word.isReserved()) {
            throw error(word, "expected a field" + (previous == null ? "" : " after " + previous.shown())
                    + ", such as name, tags, params.<key> or metrics.<name>");
        }
        next();
        count(word);
        Field field = FieldNames.forQuery(word, FIELD);
        Token op = peek();
        if (op.isKeyword("in")) {
            next();
            return in(field, op);
        }
        Operator operator = op.kind() == Token.Kind.OPERATOR ? Operator.of(op.text()) : null;
        if (operator == null) {
            throw error(op, "expected an operator (=, !=, <, <=, >, >=, ~ or in) after "
                    + text.substring(word.start(), word.end()));
        }
        next();
        Token valueToken = peek();
        Value value = value("after '" + op.text() + "'");
        return new Expr.Compare(field, operator, rules.check(field, operator, op, value, valueToken));
    }

    private Expr in(Field field, Token inToken) {
        Token open = peek();
        if (open.kind() != Token.Kind.LPAREN) {
            throw error(open, "expected '(' after 'in'");
        }
        next();
        List<Value> values = new ArrayList<>();
        while (true) {
            Token valueToken = peek();
            if (!values.isEmpty()) {
                count(valueToken);
            }
            Value v = value(values.isEmpty() ? "after 'in ('" : "after ','");
            values.add(rules.check(field, Operator.EQ, inToken, v, valueToken));
            Token t = peek();
            if (t.kind() == Token.Kind.RPAREN) {
                next();
                return new Expr.In(field, values);
            }
            if (t.kind() != Token.Kind.COMMA) {
                throw error(t, "expected ',' or ')' in the list of 'in'");
            }
            next();
        }
    }

    private Value value(String where) {
        Token t = peek();
        Value v = switch (t.kind()) {
            case STRING, NUMBER, AGO -> t.value();
            case WORD -> word(t);
            default -> null;
        };
        if (v == null) {
            throw error(t, "expected a value " + where);
        }
        next();
        return v;
    }

    /** true, false, null, or a bare word read as a string (so that {@code status = running} works). */
    private static Value word(Token t) {
        if (!t.segments().isEmpty() || t.isReserved()) {
            return null;
        }
        if (t.isKeyword("true") || t.isKeyword("false")) {
            return new Value.Bool(t.isKeyword("true"));
        }
        if (t.isKeyword("null")) {
            return new Value.Null();
        }
        return new Value.Text(t.text());
    }

    private void enter(Token t) {
        if (++depth > QueryLimits.MAX_DEPTH) {
            throw error(t, "nests deeper than " + QueryLimits.MAX_DEPTH + " levels of parentheses and NOT");
        }
    }

    private void count(Token t) {
        if (++terms > QueryLimits.MAX_TERMS) {
            throw error(t, "has more than " + QueryLimits.MAX_TERMS + " conditions");
        }
    }

    private Token peek() {
        if (peeked == null) {
            peeked = lexer.next();
        }
        return peeked;
    }

    private void next() {
        previous = peek();
        peeked = null;
    }

    private static ToraException error(Token at, String problem) {
        return QueryErrors.at(FIELD, at.start(), problem);
    }
}
