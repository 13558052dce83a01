package dev.tora.core.application.live;

import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.workspace.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** Subscriptions to live changes, allowed for experiments the caller may read. */
@Stateless
public class LiveService {

    /** Most experiments one stream may follow. */
    public static final int MAX_FOLLOWED = 100;

    @Inject
    private AccessGuard access;

    @Inject
    private LiveEventHub hub;

    /** Starts delivering the experiments' changes to {@code listener}. */
    public void subscribe(Caller caller, List<String> experimentIds, LiveListener listener) {
        if (experimentIds.isEmpty() || experimentIds.size() > MAX_FOLLOWED) {
            throw ToraException.invalidField("experiments", "must list 1 to " + MAX_FOLLOWED + " experiment ids");
        }
        for (String id : experimentIds) {
            access.checkExperiment(caller, id, Permission.READ);
        }
        hub.subscribe(experimentIds, listener);
    }

    /** Stops delivering to {@code listener}. */
    public void unsubscribe(List<String> experimentIds, LiveListener listener) {
        hub.unsubscribe(experimentIds, listener);
    }
}
