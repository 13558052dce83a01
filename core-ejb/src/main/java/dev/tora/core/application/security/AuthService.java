package dev.tora.core.application.security;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.user.ApiKey;
import dev.tora.core.domain.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** Turns the credentials of a request into a {@link Caller}. */
@Stateless
public class AuthService {

    /** {@code last_used_at} is written at most this often per key. */
    static final long LAST_USED_RESOLUTION_MS = 60_000;

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private AuthPolicy policy;

    @Inject
    private Clock clock;

    /**
     * The caller for an {@code x-api-key} value (null when the header is absent). A wrong or
     * revoked key is refused in every mode; no key is the local user only in local mode.
     */
    public Caller authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            if (policy.mode() == AuthMode.NONE) {
                return Caller.local();
            }
            throw ToraException.unauthenticated("an API key is required: send it in the x-api-key header");
        }
        List<ApiKey> found = em.createQuery("SELECT k FROM ApiKey k WHERE k.keyHash = :h", ApiKey.class)
                .setParameter("h", ApiKeySecrets.hash(presentedKey.trim()))
                .getResultList();
        if (found.isEmpty() || found.get(0).isRevoked()) {
            throw ToraException.unauthenticated("the API key is not valid or has been revoked");
        }
        ApiKey key = found.get(0);
        markUsed(key);
        User user = em.find(User.class, key.getUserId());
        return new Caller(key.getUserId(), user == null ? "unknown" : user.getName(), Caller.Origin.API_KEY);
    }

    private void markUsed(ApiKey key) {
        long now = clock.millis();
        Long last = key.getLastUsedAt();
        if (last == null || now - last >= LAST_USED_RESOLUTION_MS) {
            // Conditional update: concurrent requests write it once per minute, not once each.
            em.createQuery("UPDATE ApiKey k SET k.lastUsedAt = :now WHERE k.id = :id "
                            + "AND (k.lastUsedAt IS NULL OR k.lastUsedAt <= :cutoff)")
                    .setParameter("now", now)
                    .setParameter("id", key.getId())
                    .setParameter("cutoff", now - LAST_USED_RESOLUTION_MS)
                    .executeUpdate();
        }
    }
}
