package dev.tora.it.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.it.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The start script as users run it: first start, a second start that reuses the domain, and the
 * loopback rule. The process tests share one data dir, so the domain is created once; each test
 * starts the server with the settings it needs and stops it.
 */
class ServerLifecycleProcessIT {

    private static final Path DATA = ToraServer.sharedDataDir();

    private final ToraServer server = new ToraServer(DATA);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aSecondStartReusesTheDomainAndDoesNotRedeployAnUnchangedEar() throws Exception {
        ToraServer.Result first = server.start();
        assertTrue(first.output().strip().endsWith(server.api().replace("/api", "/")), first.output());
        Api api = Api.at(server.api());
        String id = api.createExperiment("survives restarts");

        ToraServer.Result again = server.start();
        assertTrue(again.output().contains("already running"), again.output());
        assertTrue(again.output().contains("not redeploying"), again.output());

        assertEquals(0, server.run("status").exit());
        assertEquals(200, api.get("/experiments/" + id).status());

        Path password = DATA.resolve("admin-password");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(password));
        String domainXml = Files.readString(DATA.resolve("domains/tora/config/domain.xml"));
        java.util.regex.Matcher admin = java.util.regex.Pattern.compile("<network-listener[^>]*name=\"admin-listener\"[^>]*>")
                .matcher(domainXml);
        assertTrue(admin.find() && admin.group().contains("address=\"127.0.0.1\""),
                "the admin listener stays on loopback");
        // HTTP (loopback here), admin, JMX, ORB and the data grid: nothing listens beyond loopback
        java.util.List<String> sockets = server.listeningSockets();
        assertTrue(sockets.size() >= 3, sockets.toString());
        assertTrue(sockets.stream().allMatch(ToraServer::isLoopback), "every listener is on loopback: " + sockets);
    }

    @Test
    void authNoneIsRefusedOnANonLoopbackAddress() {
        ToraServer.Result r = new ToraServer(DATA).with("TORA_HOST", "0.0.0.0").run("start", "--no-build");
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("TORA_AUTH=none is only allowed when TORA_HOST is a loopback address"), r.output());
    }
}
