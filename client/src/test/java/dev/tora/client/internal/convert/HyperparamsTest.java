package dev.tora.client.internal.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HyperparamsTest {

    record Optim(String name, double lr, Schedule schedule) {
    }

    record Schedule(String kind, int warmup) {
    }

    enum Mode { FAST }

    @Test
    void nestedMapsAndRecordsBecomeDottedKeys() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("optim", Map.of("lr", 0.1));
        nested.put("model", new LinkedHashMap<>(Map.of("depth", 18)));
        nested.put("run", new Optim("adam", 3e-4, new Schedule("cosine", 100)));
        Map<String, Object> flat = Hyperparams.flatten(nested);
        assertEquals(Map.of("optim.lr", 0.1, "model.depth", 18L, "run.name", "adam", "run.lr", 3e-4,
                "run.schedule.kind", "cosine", "run.schedule.warmup", 100L), flat);
        assertEquals(List.of("optim.lr", "model.depth", "run.name", "run.lr", "run.schedule.kind", "run.schedule.warmup"),
                List.copyOf(flat.keySet()), "order kept");
        assertEquals(Map.of("name", "sgd", "lr", 0.5, "schedule.kind", "step", "schedule.warmup", 0L),
                Hyperparams.flatten(new Optim("sgd", 0.5, new Schedule("step", 0))));
    }

    @Test
    void valuesBecomeJsonScalars() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("none", null);
        in.put("flag", true);
        in.put("int", 3);
        in.put("float", 0.25f);
        in.put("nan", Double.NaN);
        in.put("inf", Double.NEGATIVE_INFINITY);
        in.put("big", new BigDecimal("1.00000000000000000001"));
        in.put("list", List.of(1, 2));
        in.put("mode", Mode.FAST);
        in.put("empty", Map.of());
        in.put("opt", Optional.of("x"));
        in.put("long", "y".repeat(20_000).chars().mapToObj(c -> "y").toList());
        Map<String, Object> out = Hyperparams.flatten(in);
        assertEquals(null, out.get("none"));
        assertEquals(true, out.get("flag"));
        assertEquals(3L, out.get("int"));
        assertEquals(0.25, out.get("float"));
        assertEquals("NaN", out.get("nan"));
        assertEquals("-Infinity", out.get("inf"));
        assertEquals(new BigDecimal("1.00000000000000000001"), out.get("big"));
        assertEquals("[1, 2]", out.get("list"));
        assertEquals("FAST", out.get("mode"));
        assertEquals("{}", out.get("empty"));
        assertEquals("x", out.get("opt"));
        assertEquals(Hyperparams.MAX_VALUE, ((String) out.get("long")).length(), "long text of an object is cut");
    }

    @Test
    void refusesWhatTheServerWould() {
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten("not a map"));
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten(Map.of(" ", 1)));
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten(Map.of("k".repeat(251), 1)));
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten(Map.of("s", "x".repeat(8193))));
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten(Map.of("s", "a\u0000b")));
        Map<String, Object> cycle = new HashMap<>();
        cycle.put("self", cycle);
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten(cycle));
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i <= Hyperparams.MAX_KEYS; i++) {
            many.put("k" + i, i);
        }
        assertThrows(IllegalArgumentException.class, () -> Hyperparams.flatten(many));
    }
}
