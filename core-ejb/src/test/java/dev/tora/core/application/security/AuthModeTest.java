package dev.tora.core.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.config.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthModeTest {

    private Function<String, Optional<String>> previous;

    private void settings(Map<String, String> values) {
        previous = Setting.useSource(key -> Optional.ofNullable(values.get(key)));
    }

    @AfterEach
    void restore() {
        if (previous != null) {
            Setting.useSource(previous);
        }
    }

    @Test
    void localModeIsTheDefaultOnLoopback() {
        settings(Map.of());
        assertEquals(AuthMode.NONE, AuthMode.fromSettings());
    }

    @Test
    void localModeIsRefusedOnAnyOtherAddressWithAClearMessage() {
        settings(Map.of("tora.host", "0.0.0.0"));
        IllegalStateException e = assertThrows(IllegalStateException.class, AuthMode::fromSettings);
        assertTrue(e.getMessage().contains("TORA_AUTH=none is only allowed when TORA_HOST is a loopback address"));
        assertTrue(e.getMessage().contains("0.0.0.0"));
    }

    @Test
    void requiredWorksOnAnyAddress() {
        settings(Map.of("tora.host", "0.0.0.0", "tora.auth", "required"));
        assertEquals(AuthMode.REQUIRED, AuthMode.fromSettings());
    }

    @Test
    void anUnknownModeIsRefused() {
        settings(Map.of("tora.auth", "maybe"));
        assertThrows(IllegalStateException.class, AuthMode::fromSettings);
    }

    @Test
    void loopbackMeansLocalhostOrALoopbackLiteral() {
        assertTrue(AuthMode.isLoopback("localhost"));
        assertTrue(AuthMode.isLoopback("127.0.0.1"));
        assertTrue(AuthMode.isLoopback("127.1.2.3"));
        assertTrue(AuthMode.isLoopback("::1"));
        assertFalse(AuthMode.isLoopback("10.0.0.1"));
        assertFalse(AuthMode.isLoopback("example.org"));
        assertFalse(AuthMode.isLoopback("0.0.0.0"));
    }

    @Test
    void keysAreLongRandomAndStoredOnlyAsTheirHash() {
        String a = ApiKeySecrets.newKey();
        String b = ApiKeySecrets.newKey();
        assertTrue(a.startsWith("tora_") && a.length() == 5 + 43, a);
        assertFalse(a.equals(b));
        assertEquals(64, ApiKeySecrets.hash(a).length());
        assertEquals(ApiKeySecrets.hash(a), ApiKeySecrets.hash(a));
        assertFalse(ApiKeySecrets.hash(a).contains(a.substring(5, 15)));
        assertEquals(a.substring(0, 11), ApiKeySecrets.displayPrefix(a));
    }
}
