package dev.tora.ui.keys;

import dev.tora.core.application.security.ApiKeyInfo;
import dev.tora.core.application.security.ApiKeyService;
import dev.tora.core.application.security.CreatedApiKey;
import dev.tora.core.domain.error.ToraException;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/** The caller's API keys: create one (shown once), list, revoke. */
@Named
@ViewScoped
public class ApiKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ApiKeyService keys;

    @Inject
    private UiCaller caller;

    private String newName;
    private transient String createdKey;
    private List<ApiKeyInfo> list;

    /** The caller's keys, newest first. */
    public List<ApiKeyInfo> getKeys() {
        if (list == null) {
            list = keys.list(caller.require());
        }
        return list;
    }

    /** Creates a key and opens the dialog that shows it once. */
    public void create() {
        try {
            CreatedApiKey created = keys.create(caller.require(), newName);
            createdKey = created.key();
            newName = null;
            list = null;
            PrimeFaces.current().executeScript("PF('createdKeyDialog').show()");
        } catch (ToraException e) {
            UiMessages.error(e, "create-form:key-name");
        }
    }

    /** Revokes one of the caller's keys. */
    public void revoke(String id) {
        ApiKeyInfo revoked = keys.revoke(caller.require(), id);
        list = null;
        UiMessages.info("Key \"" + revoked.name() + "\" revoked");
    }

    /** Forgets the key once its dialog is closed. */
    public void forgetCreated() {
        createdKey = null;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    /** The key just created, only until its dialog closes. */
    public String getCreatedKey() {
        return createdKey;
    }
}
