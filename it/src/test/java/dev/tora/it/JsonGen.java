package dev.tora.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** jqwik arbitraries of JSON text: values of every type, hostile strings, and mutations of a body. */
final class JsonGen {

    private JsonGen() {
    }

    /** Text that validation must cope with: control characters, lone surrogates, huge and odd numbers. */
    static Arbitrary<String> nastyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.of("", " ", "NaN", "Infinity", "-Infinity", "null", "\uD800", "\uDC00x", "%", "..", "/",
                        "a/b", "1e400", "-1", "9007199254740992", "00000000-0000-0000-0000-000000000001",
                        "x".repeat(300), "\u202e", "'; DROP TABLE experiment; --"));
    }

    /** A JSON string literal, escaped so that any content is valid JSON. */
    static Arbitrary<String> jsonString() {
        return nastyText().map(JsonGen::quote);
    }

    /** A JSON number literal, from ordinary to out of every range. */
    static Arbitrary<String> jsonNumber() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(l -> Long.toString(l)),
                Arbitraries.doubles().map(d -> Double.toString(d)).filter(s -> !s.contains("N") && !s.contains("I")),
                Arbitraries.of("1e400", "-1e400", "1.0", "0.5", "-0", "123456789012345678901234567890", "4.9e-324"));
    }

    /** Any JSON value, nested at most twice. */
    static Arbitrary<String> anyValue() {
        Arbitrary<String> scalar = Arbitraries.oneOf(jsonString(), jsonNumber(), Arbitraries.of("true", "false", "null"));
        Arbitrary<String> array = scalar.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Arbitraries.lazy(() -> jsonString()).list().ofMaxSize(3)
                .map(keys -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        b.append(i == 0 ? "" : ",").append(keys.get(i)).append(":").append(i % 2 == 0 ? "1" : "[\"x\"]");
                    }
                    return b.append('}').toString();
                });
        Arbitrary<String> nested = scalar.list().ofMaxSize(3).map(l -> "{\"a\":{\"b\":[" + String.join(",", l) + "]}}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(2, object), net.jqwik.api.Tuple.of(1, nested));
    }

    /** Random byte-level edits of a valid body: deletions, insertions, truncation, duplication. */
    static Arbitrary<String> mutationsOf(String valid) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length());
        Arbitrary<String> insert = Arbitraries.of("\"", "{", "}", "[", "]", ",", ":", "\\", "\u0000", "1e999", "null",
                "\uD800", "NaN", "-", ".", " ");
        return Arbitraries.oneOf(
                position.map(p -> valid.substring(0, p)),
                position.map(p -> valid.substring(0, p) + valid.substring(Math.min(valid.length(), p + 1))),
                net.jqwik.api.Combinators.combine(position, insert).as((p, s) -> valid.substring(0, p) + s + valid.substring(p)),
                position.map(p -> valid.substring(0, p) + valid.substring(p / 2)),
                Arbitraries.just(valid));
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
