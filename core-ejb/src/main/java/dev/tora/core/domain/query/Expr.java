package dev.tora.core.domain.query;

import java.util.List;
import java.util.Objects;

/** A parsed query: an immutable tree of conditions. */
public sealed interface Expr {

    /** All of the terms hold (two or more). */
    record And(List<Expr> terms) implements Expr {
        /** A conjunction of {@code terms}. */
        public And {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("AND needs two or more terms");
            }
        }
    }

    /** At least one of the terms holds (two or more). */
    record Or(List<Expr> terms) implements Expr {
        /** A disjunction of {@code terms}. */
        public Or {
            terms = List.copyOf(terms);
            if (terms.size() < 2) {
                throw new IllegalArgumentException("OR needs two or more terms");
            }
        }
    }

    /** The term does not hold. */
    record Not(Expr term) implements Expr {
        /** The negation of {@code term}. */
        public Not {
            Objects.requireNonNull(term, "term");
        }
    }

    /** {@code field op value}. */
    record Compare(Field field, Operator op, Value value) implements Expr {
        /** A comparison. */
        public Compare {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code field in (values)}: equal to one of them (one or more). */
    record In(Field field, List<Value> values) implements Expr {
        /** A membership test. */
        public In {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("in needs one or more values");
            }
        }
    }
}
