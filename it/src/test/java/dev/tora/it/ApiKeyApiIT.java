package dev.tora.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API keys in local mode: a key is shown once, works until revoked, and a wrong key is refused. */
@ExtendWith(ArquillianExtension.class)
class ApiKeyApiIT {

    private final Api api = Api.local();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ToraDeployment.ear();
    }

    @Test
    void aKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        Api.Reply created = api.post("/keys", "{\"name\":\"laptop\"}");
        assertEquals(201, created.status(), created.toString());
        JsonObject key = created.data().asJsonObject();
        String secret = key.getString("key");
        assertTrue(secret.startsWith("tora_") && secret.length() >= 5 + 43, secret);
        assertTrue(secret.startsWith(key.getString("prefix")));

        Api withKey = api.withKey(secret);
        assertEquals(200, withKey.get("/experiments?limit=1").status());
        JsonObject listed = api.get("/keys").items().stream().filter(k -> k.getString("id").equals(key.getString("id")))
                .findFirst().orElseThrow();
        assertFalse(listed.containsKey("key"), "the secret is never listed");
        assertNotEquals(JsonValue.NULL, listed.get("last_used_at"), "use is recorded");
        assertFalse(api.get("/keys").body().contains(secret));

        assertEquals(200, api.delete("/keys/" + key.getString("id")).status());
        Api.Reply refused = withKey.get("/experiments?limit=1");
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("unauthenticated", refused.error().getString("code"));
    }

    @Test
    void aWrongKeyIsRefusedEvenInLocalMode() {
        assertEquals(401, api.withKey("tora_not-a-real-key").get("/experiments").status());
        assertEquals(401, api.withKey("tora_not-a-real-key").post("/experiments", "{\"name\":\"x\"}").status());
        assertEquals(200, api.withKey("tora_not-a-real-key").get("/health").status(), "health needs no key");
    }

    @Test
    void keysAreNamedAndOnlyTheirOwnerRevokesThem() {
        assertEquals(400, api.post("/keys", "{}").status());
        assertEquals(400, api.post("/keys", "{\"name\":\"\"}").status());
        assertEquals(404, api.delete("/keys/00000000-0000-0000-0000-00000000dead").status());
    }
}
