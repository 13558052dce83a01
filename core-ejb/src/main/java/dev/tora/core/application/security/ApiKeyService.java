package dev.tora.core.application.security;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.text.TextRules;
import dev.tora.core.domain.user.ApiKey;
import dev.tora.core.domain.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Creates, lists and revokes the caller's own API keys. */
@Stateless
public class ApiKeyService {

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Creates a key for the caller; the returned value is the only copy of the secret. */
    public CreatedApiKey create(Caller caller, String name) {
        String checked = TextRules.requireName(name, "name", 255);
        return issue(caller.userId(), checked);
    }

    /** The caller's keys, newest first, revoked ones included. */
    public List<ApiKeyInfo> list(Caller caller) {
        return em.createQuery("SELECT k FROM ApiKey k WHERE k.userId = :u ORDER BY k.createdAt DESC, k.id",
                        ApiKey.class)
                .setParameter("u", caller.userId())
                .getResultStream().map(ApiKeyInfo::of).toList();
    }

    /** Revokes one of the caller's keys; someone else's key is not found. */
    public ApiKeyInfo revoke(Caller caller, String keyId) {
        ApiKey key = keyId == null ? null : em.find(ApiKey.class, keyId);
        if (key == null || !key.getUserId().equals(caller.userId())) {
            throw ToraException.notFound("api key", String.valueOf(keyId));
        }
        key.revoke(clock.millis());
        return ApiKeyInfo.of(key);
    }

    /** Whether any key that still works exists. */
    public boolean anyActiveKey() {
        return em.createQuery("SELECT COUNT(k) FROM ApiKey k WHERE k.revokedAt IS NULL", Long.class)
                .getSingleResult() > 0;
    }

    /** Issues the installation's first key, owned by the initial user; for start-up only. */
    public CreatedApiKey issueInitialKey() {
        return issue(User.LOCAL_ID, "initial key");
    }

    private CreatedApiKey issue(String userId, String name) {
        String secret = ApiKeySecrets.newKey();
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), userId, name, ApiKeySecrets.displayPrefix(secret),
                ApiKeySecrets.hash(secret), clock.millis());
        em.persist(key);
        return new CreatedApiKey(ApiKeyInfo.of(key), secret);
    }
}
