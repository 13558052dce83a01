package dev.tora.client.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.client.ConflictException;
import dev.tora.client.NotFoundException;
import dev.tora.client.ToraServiceException;
import dev.tora.client.UnauthorizedException;
import dev.tora.client.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {

    private static Response tora(int status) {
        return new Response(status, Map.of("error", Map.of("code", "c", "message", "m", "details",
                Map.of("field", "f"))), null);
    }

    @Test
    void retriesWhatMayPassAndNotTorasRefusals() {
        for (int status : new int[] {408, 425, 429, 500, 502, 503, 504, 507}) {
            assertTrue(tora(status).retryable(), "status " + status);
        }
        for (int status : new int[] {400, 401, 403, 404, 409, 413, 422}) {
            assertFalse(tora(status).retryable(), "status " + status);
        }
        assertTrue(new Response(404, Map.of("error", Map.of("message", "HTTP 404 (text/html)")), null).retryable(),
                "an error page that is not Tora's (the application is still deploying)");
        assertTrue(new Response(400, null, null).retryable());
        assertTrue(new Response(201, null, null).ok());
        assertFalse(new Response(302, null, null).ok());
    }

    @Test
    void errorsAreKeyedByStatus() {
        assertInstanceOf(ValidationException.class, tora(400).error());
        assertInstanceOf(ValidationException.class, tora(413).error());
        assertInstanceOf(UnauthorizedException.class, tora(401).error());
        assertInstanceOf(UnauthorizedException.class, tora(403).error());
        assertInstanceOf(NotFoundException.class, tora(404).error());
        assertInstanceOf(ConflictException.class, tora(409).error());
        ToraServiceException e = tora(500).error();
        assertEquals(ToraServiceException.class, e.getClass());
        assertEquals(500, e.status());
        assertEquals("c", e.code());
        assertEquals("m", e.serverMessage());
        assertEquals(Map.of("field", "f"), e.details());
        assertEquals("500 c: m", e.getMessage());
        assertEquals("HTTP 502", new Response(502, null, null).error().serverMessage());
    }
}
