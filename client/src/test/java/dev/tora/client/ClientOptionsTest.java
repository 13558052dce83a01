package dev.tora.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void theDefaultsAreThePythonClients() {
        ClientOptions o = ToraClient.builder().fromEnv(Map.of()).options();
        assertEquals("http://localhost:8080/api", o.serverUrl());
        assertNull(o.apiKey());
        assertEquals(Path.of(System.getProperty("user.home"), ".tora", "spool"), o.spoolDir());
        assertEquals(Duration.ofSeconds(30), o.shutdownTimeout());
        assertEquals(Duration.ofSeconds(10), o.spoolGrace());
        assertEquals(1_000_000, o.maxBuffered());
        assertEquals(Duration.ofSeconds(30), o.requestTimeout());
        assertEquals(Duration.ofSeconds(1), o.flushInterval());
        assertEquals(25, o.maxBufferLen());
        assertTrue(o.printUrl());
        assertEquals("java -jar tora-client.jar sync", o.syncCommand());
    }

    @Test
    void theEnvironmentThenTheBuilder() {
        Map<String, String> env = Map.of("TORA_BASE_URL", "https://tora.example.org:8443/api/", "TORA_API_KEY", "k1",
                "TORA_SPOOL_DIR", "/var/spool/tora", "TORA_SHUTDOWN_TIMEOUT", "2.5", "TORA_SPOOL_GRACE", "0",
                "TORA_MAX_BUFFERED", "5000", "TORA_REQUEST_TIMEOUT", "0.5");
        ClientOptions o = ToraClient.builder().fromEnv(env).options();
        assertEquals("https://tora.example.org:8443/api", o.serverUrl());
        assertEquals("k1", o.apiKey());
        assertEquals(Path.of("/var/spool/tora"), o.spoolDir());
        assertEquals(Duration.ofMillis(2500), o.shutdownTimeout());
        assertEquals(Duration.ZERO, o.spoolGrace());
        assertEquals(5000, o.maxBuffered());
        assertEquals(Duration.ofMillis(500), o.requestTimeout());
        assertEquals("java -jar tora-client.jar sync --spool /var/spool/tora", o.syncCommand());
        ClientOptions later = ToraClient.builder().fromEnv(env).serverUrl("http://other:1/api").apiKey(null).options();
        assertEquals("http://other:1/api", later.serverUrl());
        assertNull(later.apiKey());
        assertEquals("https://tora.example.org:8443/experiments/abc", o.experimentPage("abc"));
    }

    @Test
    void badSettingsNameTheirSource() {
        ToraConfigurationException e = assertThrows(ToraConfigurationException.class,
                () -> ToraClient.builder().fromEnv(Map.of("TORA_SHUTDOWN_TIMEOUT", "soon")));
        assertTrue(e.getMessage().contains("TORA_SHUTDOWN_TIMEOUT"), e.getMessage());
        assertThrows(ToraConfigurationException.class,
                () -> ToraClient.builder().fromEnv(Map.of("TORA_MAX_BUFFERED", "10")));
        assertThrows(ToraConfigurationException.class,
                () -> ToraClient.builder().fromEnv(Map.of("TORA_REQUEST_TIMEOUT", "-1")));
        ToraConfigurationException url = assertThrows(ToraConfigurationException.class,
                () -> ToraClient.builder().serverUrl("localhost:8080").options());
        assertTrue(url.getMessage().contains("TORA_BASE_URL"), url.getMessage());
        assertThrows(ToraConfigurationException.class, () -> ToraClient.builder().serverUrl("ftp://h/api").options());
        assertThrows(ToraConfigurationException.class, () -> ToraClient.builder().apiKey(" ").options());
        assertThrows(IllegalArgumentException.class, () -> ToraClient.builder().maxBufferLen(0).options());
        assertThrows(IllegalArgumentException.class, () -> ToraClient.builder().flushInterval(Duration.ZERO).options());
        assertThrows(IllegalArgumentException.class,
                () -> ToraClient.builder().shutdownTimeout(Duration.ofSeconds(-1)).options());
    }

    @Test
    void urlsAreNormalized() {
        assertEquals("http://h:1/api", ClientOptions.normalizeUrl(" http://h:1/api// "));
        assertEquals("http://h", ClientOptions.normalizeUrl("HTTP://h/"));
        assertEquals("http://[::1]:8080/api", ClientOptions.normalizeUrl("http://[::1]:8080/api?x=1#f"));
    }

    @Test
    void theSpoolDirectoryExpandsTheHome() {
        assertEquals(Path.of(System.getProperty("user.home"), "sp"), ClientOptions.spoolDir("~/sp", Map.of()));
        assertEquals(Path.of("/a"), ClientOptions.spoolDir(null, Map.of("TORA_SPOOL_DIR", "/a")));
        assertEquals(Path.of("/b"), ClientOptions.spoolDir("/b", Map.of("TORA_SPOOL_DIR", "/a")));
    }
}
