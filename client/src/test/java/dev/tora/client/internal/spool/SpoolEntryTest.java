package dev.tora.client.internal.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.internal.http.Failure;
import dev.tora.client.internal.json.JsonException;
import dev.tora.client.internal.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolEntryTest {

    private static final String BODY = "{\"batch_id\":\"b1\",\"series\":[{\"name\":\"loss\",\"steps\":[0,1,null],"
            + "\"values\":[0.5,\"NaN\",\"Infinity\"],\"timestamps\":[1700000000000,1700000000100,1700000000200]}]}";

    @TempDir
    Path dir;

    @Test
    void writtenAndReadBackWithTheBodyUnchanged() throws Exception {
        Path f = dir.resolve("0000000001.json");
        SpoolFiles.writeAtomically(f, SpoolEntry.bytes("metrics", "POST", "/experiments/e/metrics/batch",
                "http://h:1/api", "e", "b1", 3, 1700000000456L, 0, null, BODY.getBytes(StandardCharsets.UTF_8)));
        SpoolEntry e = SpoolEntry.read(f);
        assertEquals("metrics", e.kind());
        assertEquals("POST", e.method());
        assertEquals("/experiments/e/metrics/batch", e.requestPath());
        assertEquals("http://h:1/api", e.serverUrl());
        assertEquals("e", e.experimentId());
        assertEquals("b1", e.batchId());
        assertEquals(3, e.points());
        assertEquals(0, e.attempts());
        assertNull(e.lastError());
        assertFalse(e.rejected());
        assertEquals(BODY, e.bodyJson());
        Map<String, Object> head = JsonReader.parseObject(Files.readString(f));
        assertEquals(1L, head.get("format"));
        assertEquals("2023-11-14T22:13:20.456Z", head.get("created_at"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aRecordedFailureKeepsEverythingElse() throws Exception {
        Path f = dir.resolve("0000000002.json");
        SpoolFiles.writeAtomically(f, SpoolEntry.bytes("metrics", "POST", "/p", "http://h:1/api", "e", "b1", 3, 0, 0,
                null, BODY.getBytes(StandardCharsets.UTF_8)));
        SpoolEntry e = SpoolEntry.read(f);
        e.recordFailure(new Failure(Instant.parse("2026-11-28T01:02:09.750Z"), 400, "invalid_field", "bad", false));
        SpoolEntry again = SpoolEntry.read(f);
        assertEquals(1, again.attempts());
        assertTrue(again.rejected());
        assertEquals(400, again.lastError().status());
        assertEquals("bad", again.lastError().message());
        assertEquals(Instant.parse("2026-11-28T01:02:09Z"), again.lastError().at());
        assertEquals(BODY, again.bodyJson());
        again.recordFailure(Failure.unreachable("connection refused", Instant.EPOCH));
        SpoolEntry third = SpoolEntry.read(f);
        assertEquals(2, third.attempts());
        assertFalse(third.rejected());
        assertNull(third.lastError().status());
        assertEquals("unreachable", third.lastError().code());
    }

    @Test
    void readsTheExampleOfTheSpecification() throws Exception {
        // the example of client/SPOOL.md, as the Python client writes it (ASCII escapes, spaces)
        String python = "{\"format\": 1, \"kind\": \"metrics\", \"method\": \"POST\", \"path\": "
                + "\"/experiments/3f0c6a4e-2b7d-4c1e-9a55-0d2e6f1b7c90/metrics/batch\", \"server_url\": "
                + "\"http://localhost:8080/api\", \"experiment_id\": \"3f0c6a4e-2b7d-4c1e-9a55-0d2e6f1b7c90\", "
                + "\"batch_id\": \"b9a3e0a2-6f7c-4b1d-8e2f-5c4d3b2a1f00\", \"points\": 3, \"created_at\": "
                + "\"2026-11-28T01:02:03.456Z\", \"attempts\": 2, \"last_error\": {\"at\": \"2026-11-28T01:02:09Z\", "
                + "\"status\": null, \"code\": \"unreachable\", \"message\": \"connection refused\", \"retryable\": true},"
                + " \"body\": {\"batch_id\": \"b9a3e0a2-6f7c-4b1d-8e2f-5c4d3b2a1f00\", \"series\": [{\"name\": "
                + "\"l\\u00f6ss\", \"steps\": [0, 1, null], \"values\": [0.5, \"NaN\", \"Infinity\"], \"timestamps\": "
                + "[1700000000000, 1700000000100, 1700000000200]}]}}\n";
        Path f = dir.resolve("0000000007.json");
        Files.writeString(f, python);
        SpoolEntry e = SpoolEntry.read(f);
        assertEquals(2, e.attempts());
        assertEquals("connection refused", e.lastError().message());
        assertTrue(e.lastError().retryable());
        assertEquals("b9a3e0a2-6f7c-4b1d-8e2f-5c4d3b2a1f00", e.batchId());
        assertTrue(e.bodyJson().contains("\"l\\u00f6ss\""), "the body is sent exactly as written");
    }

    @Test
    void otherFormatsAreRefused() throws Exception {
        Path f = dir.resolve("0000000003.json");
        Files.writeString(f, "{\"format\":2,\"kind\":\"metrics\"}");
        assertThrows(JsonException.class, () -> SpoolEntry.read(f));
        Files.writeString(f, "not json");
        assertThrows(JsonException.class, () -> SpoolEntry.read(f));
    }

    @Test
    void streamsAndFilesAreListedInReplayOrder() throws Exception {
        Path b = Files.createDirectory(dir.resolve("20261128T020000Z-2-bbbbbbbb"));
        Path a = Files.createDirectory(dir.resolve("20261128T010203Z-1-aaaaaaaa"));
        Files.createDirectory(dir.resolve(".hidden"));
        for (String name : List.of("0000000010.json", "0000000002.json", ".0000000003.json.1.tmp", "lock", "x.txt")) {
            Files.writeString(a.resolve(name), "{}");
        }
        assertEquals(List.of(a, b), SpoolFiles.streams(dir));
        assertEquals(List.of(a.resolve("0000000002.json"), a.resolve("0000000010.json")), SpoolFiles.requests(a));
        assertFalse(SpoolFiles.hasRequests(b));
        assertEquals(List.of(), SpoolFiles.streams(dir.resolve("nothing-here")));
    }
}
