package dev.tora.core.application.preference;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.user.UserPreference;
import dev.tora.core.domain.workspace.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/** The caller's own settings in a workspace, such as dashboard columns; small JSON documents. */
@Stateless
public class PreferenceService {

    /** Largest stored value, in UTF-8 bytes. */
    public static final int MAX_BYTES = 16 * 1024;

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private AccessGuard access;

    @Inject
    private Clock clock;

    /** The caller's value of {@code key} in the workspace, if set. */
    public Optional<JsonStructure> get(Caller caller, String workspaceId, PreferenceKey key) {
        access.requireWorkspace(caller, workspaceId, Permission.READ);
        UserPreference p = em.find(UserPreference.class, new UserPreference.Key(caller.userId(), workspaceId, key.id()));
        return Optional.ofNullable(p).map(v -> parse(v.getValue()));
    }

    /** Sets the caller's value of {@code key} in the workspace. */
    public void put(Caller caller, String workspaceId, PreferenceKey key, JsonStructure value) {
        access.requireWorkspace(caller, workspaceId, Permission.READ);
        String text = value.toString();
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ToraException.tooLarge(key.id(), key.id() + ": at most " + MAX_BYTES + " bytes", MAX_BYTES);
        }
        UserPreference p = em.find(UserPreference.class, new UserPreference.Key(caller.userId(), workspaceId, key.id()));
        if (p == null) {
            em.persist(new UserPreference(caller.userId(), workspaceId, key.id(), text, clock.millis()));
        } else {
            p.change(text, clock.millis());
        }
    }

    private static JsonStructure parse(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.read();
        } catch (JsonParsingException e) {
            throw new IllegalStateException("stored preference is not JSON", e);
        } catch (JsonException e) {
            throw new IllegalStateException("stored preference cannot be read", e);
        }
    }
}
