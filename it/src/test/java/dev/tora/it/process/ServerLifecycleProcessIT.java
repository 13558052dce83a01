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
 * The start script as users run it: first start, second start reusing the domain, stop, the
 * loopback rule, and a server that requires API keys. All tests share one data dir (so the
 * domain is created once) and each starts and stops the server itself.
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

        server.stop();
        assertNotEquals(0, server.run("status").exit());
        ToraServer.Result restarted = server.start();
        assertTrue(restarted.output().contains("not redeploying"), restarted.output());
        assertEquals(200, api.get("/experiments/" + id).status(), "data lives in the data dir");

        Path password = DATA.resolve("admin-password");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(password));
        String domainXml = Files.readString(DATA.resolve("domains/tora/config/domain.xml"));
        assertTrue(domainXml.contains("address=\"127.0.0.1\" port=\"" + System.getProperty("tora.it.processAdminPort", "25848")
                + "\" protocol=\"admin-listener\""), "the admin listener stays on loopback");
    }

    @Test
    void authNoneIsRefusedOnANonLoopbackAddress() {
        ToraServer.Result r = new ToraServer(DATA).with("TORA_HOST", "0.0.0.0").run("start", "--no-build");
        assertNotEquals(0, r.exit());
        assertTrue(r.output().contains("TORA_AUTH=none is only allowed when TORA_HOST is a loopback address"), r.output());
    }

    @Test
    void requiredAuthRefusesRequestsWithoutAKeyAndIssuesAFirstKey() throws Exception {
        server.with("TORA_AUTH", "required").start();
        Api anonymous = Api.at(server.api());
        assertEquals(401, anonymous.get("/experiments").status());
        assertEquals(401, anonymous.post("/experiments", "{\"name\":\"x\"}").status());
        assertEquals(200, anonymous.get("/health").status());

        Path keyFile = DATA.resolve("initial-api-key");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));
        Api owner = anonymous.withKey(Files.readString(keyFile).trim());
        assertEquals(200, owner.get("/experiments").status());
        Api.Reply key = owner.post("/keys", "{\"name\":\"ci\"}");
        assertEquals(201, key.status(), key.toString());
        Api personal = anonymous.withKey(key.data().asJsonObject().getString("key"));
        assertEquals(201, personal.post("/experiments", "{\"name\":\"with a key\"}").status());
        assertEquals(401, anonymous.withKey("tora_wrong").get("/experiments").status());
    }
}
