package dev.tora.core.domain.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tora.core.domain.error.ToraException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparamsTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static Map<String, Object> flat(String text) {
        Map<String, ParamValue> params = Hyperparams.flatten(json(text), "hyperparams");
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.toJava()));
        return out;
    }

    @Test
    void nestedObjectsBecomeDottedKeysInOrder() {
        Map<String, Object> p = flat("{\"optim\": {\"lr\": 0.1, \"sched\": {\"kind\": \"cos\"}}, \"bs\": 32}");
        assertEquals(List.of("optim.lr", "optim.sched.kind", "bs"), List.copyOf(p.keySet()));
        assertEquals(0.1, p.get("optim.lr"));
        assertEquals("cos", p.get("optim.sched.kind"));
        assertEquals(32L, p.get("bs"));
    }

    @Test
    void scalarTypesAreKept() {
        Map<String, Object> p = flat("{\"i\": 3, \"f\": 3.0, \"big\": 1e30, \"t\": true, \"n\": null, \"s\": \"x\", "
                + "\"huge\": 123456789012345678901234567890}");
        assertEquals(3L, p.get("i"));
        assertEquals(3.0, p.get("f"));
        assertEquals(1e30, p.get("big"));
        assertEquals(true, p.get("t"));
        assertNull(p.get("n"));
        assertEquals("x", p.get("s"));
        assertEquals(1.2345678901234568e29, p.get("huge"));
    }

    @Test
    void listsAndEmptyObjectsAreKeptAsJsonText() {
        Map<String, Object> p = flat("{\"layers\": [64, 32], \"extra\": {}}");
        assertEquals("[64,32]", p.get("layers"));
        assertEquals("{}", p.get("extra"));
    }

    @Test
    void aListOfKeyValuePairsIsAccepted() {
        Map<String, Object> p = flat("[{\"key\": \"lr\", \"value\": 0.01}, {\"key\": \"opt\", \"value\": {\"m\": 0.9}}]");
        assertEquals(0.01, p.get("lr"));
        assertEquals(0.9, p.get("opt.m"));
    }

    @Test
    void errorsNameTheFieldAtFault() {
        assertEquals("hyperparams", field("5"));
        assertEquals("hyperparams[1]", field("[{\"key\": \"a\", \"value\": 1}, 7]"));
        assertEquals("hyperparams[0].key", field("[{\"value\": 1}]"));
        assertEquals("hyperparams.a\u0001b", field("{\"a\\u0001b\": 1}"));
        assertEquals("hyperparams." + "k".repeat(251), field("{\"" + "k".repeat(251) + "\": 1}"));
    }

    @Test
    void nullOrAbsentIsEmpty() {
        assertEquals(Map.of(), Hyperparams.flatten(null, "hyperparams"));
        assertEquals(Map.of(), Hyperparams.flatten(JsonValue.NULL, "hyperparams"));
    }

    private static String field(String text) {
        ToraException e = assertThrows(ToraException.class, () -> Hyperparams.flatten(json(text), "hyperparams"));
        assertEquals(ToraException.Kind.INVALID, e.kind());
        return (String) e.details().get("field");
    }
}
