package dev.tora.core.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid query trees from a seed: every field kind, operator and value the rules accept,
 * keys and strings with dots, spaces, quotes, backslashes, aggregate words and non-ASCII letters.
 */
final class RandomQueries {

    private static final String[] KEY_PARTS = {"lr", "optim", "min", "last", "COUNT", "a b", "x\"y", "back\\slash",
        "train/loss", "acc@1", "lr-sched", "0", "é", "", "key.with.dots", "'", "Δt"};
    private static final String[] TEXTS = {"", "resnet", "50%", "a_b", "it's", "say \"hi\"", "c:\\dir", "NaN",
        "Infinity", "2026-11-01", "tab\there", "ünï", "AND", "null"};
    private static final String[] TIMES = {"2026-11-01", "2026-11", "2026-11-01T10:00:00Z", "2026-11-01 10:00",
        "2026-11-01T10:00:00.123+02:00", "1999-12-31T23:59:59"};

    private final Random random;

    RandomQueries(long seed) {
        random = new Random(seed);
    }

    /** A tree of at most {@code depth} levels. */
    Expr expr(int depth) {
        int pick = depth <= 0 ? 3 + random.nextInt(2) : random.nextInt(5);
        return switch (pick) {
            case 0 -> new Expr.And(terms(depth));
            case 1 -> new Expr.Or(terms(depth));
            case 2 -> new Expr.Not(expr(depth - 1));
            case 3 -> compare();
            default -> in();
        };
    }

    private List<Expr> terms(int depth) {
        List<Expr> out = new ArrayList<>();
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(expr(depth - 1));
        }
        return out;
    }

    private Expr compare() {
        Field f = field();
        while (true) {
            Operator op = Operator.values()[random.nextInt(Operator.values().length)];
            Value v = value(f, op);
            if (v != null) {
                return new Expr.Compare(f, op, v);
            }
        }
    }

    private Expr in() {
        Field f = field();
        List<Value> values = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        while (values.size() < n) {
            Value v = value(f, Operator.EQ);
            if (v != null) {
                values.add(v);
            }
        }
        return new Expr.In(f, values);
    }

    private Field field() {
        return switch (random.nextInt(4)) {
            case 0 -> new Param(key());
            case 1 -> new Metric(key(), Aggregate.values()[random.nextInt(Aggregate.values().length)]);
            default -> {
                List<Attribute> filterable = new ArrayList<>();
                for (Attribute a : Attribute.values()) {
                    if (a.filterable()) {
                        filterable.add(a);
                    }
                }
                yield filterable.get(random.nextInt(filterable.size()));
            }
        };
    }

    /** A non-empty key of one to three parts. */
    String key() {
        StringBuilder k = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            k.append(i == 0 ? "" : ".").append(KEY_PARTS[random.nextInt(KEY_PARTS.length)]);
        }
        return k.isEmpty() ? "k" : k.toString();
    }

    /** A value that fits {@code f} and {@code op}, or null when the pick does not. */
    private Value value(Field f, Operator op) {
        if (f instanceof Metric m) {
            if (op == Operator.CONTAINS) {
                return null;
            }
            double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            double v = random.nextInt(5) == 0 ? special[random.nextInt(3)] : number();
            if (Double.isNaN(v) && (op.isOrdering() || m.aggregate() != Aggregate.LAST)) {
                return null;
            }
            return new Value.Num(v);
        }
        if (f instanceof Param) {
            return switch (random.nextInt(4)) {
                case 0 -> op == Operator.CONTAINS ? null : new Value.Num(number());
                case 1 -> op.isOrdering() ? null : text();
                case 2 -> op.isOrdering() || op == Operator.CONTAINS ? null : new Value.Bool(random.nextBoolean());
                default -> op.isOrdering() || op == Operator.CONTAINS ? null : new Value.Null();
            };
        }
        Attribute a = (Attribute) f;
        if (a.isTime()) {
            if (op == Operator.CONTAINS) {
                return null;
            }
            return switch (random.nextInt(4)) {
                case 0 -> new Value.Text(TIMES[random.nextInt(TIMES.length)]);
                case 1 -> new Value.Ago(random.nextInt(1000),
                        Value.TimeUnit.values()[random.nextInt(Value.TimeUnit.values().length)]);
                case 2 -> new Value.Num(Math.floor(random.nextDouble() * 2e12));
                default -> a.optional() && !op.isOrdering() ? new Value.Null() : null;
            };
        }
        if (a == Attribute.STATUS) {
            String[] statuses = {"running", "finished", "failed", "killed"};
            return op == Operator.EQ || op == Operator.NE ? new Value.Text(statuses[random.nextInt(4)]) : null;
        }
        if (op.isOrdering()) {
            return null;
        }
        if (a.optional() && op != Operator.CONTAINS && random.nextInt(5) == 0) {
            return new Value.Null();
        }
        return text();
    }

    private Value text() {
        return new Value.Text(TEXTS[random.nextInt(TEXTS.length)]);
    }

    private double number() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(2001) - 1000;
            case 1 -> random.nextGaussian();
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> -0.0;
            default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL) * (random.nextBoolean() ? 1 : -1);
        };
    }
}
