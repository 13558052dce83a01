package dev.tora.core.application.experiment;

import dev.tora.core.application.live.ExperimentChanged;
import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.experiment.ExperimentRules;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.core.domain.workspace.Permission;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Changes to many experiments at once (the dashboard's multi-select). Each call is one
 * transaction: every id must name an experiment the caller may change, or nothing changes. Each
 * changed experiment fires the same after-commit {@link ExperimentChanged} as a single update.
 */
@Stateless
public class ExperimentBulkService {

    /** Most ids per call. */
    public static final int MAX_IDS = 1000;

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private AccessGuard access;

    @Inject
    private ExperimentLoader loader;

    @Inject
    private Event<ExperimentChanged> changed;

    @Inject
    private Clock clock;

    /** Deletes the experiments with all their points; returns how many were deleted. */
    public int delete(Caller caller, Collection<String> ids) {
        List<Experiment> experiments = writable(caller, ids);
        for (Experiment e : experiments) {
            em.remove(e);
            changed.fire(new ExperimentChanged(e.getId(), null, true));
        }
        return experiments.size();
    }

    /** Adds {@code tag}; returns how many experiments did not have it yet. */
    public int addTag(Caller caller, Collection<String> ids, String tag) {
        String valid = ExperimentRules.tag(tag, "tag");
        List<Experiment> experiments = writable(caller, ids);
        for (Experiment e : experiments) {
            if (!e.getTags().contains(valid) && e.getTags().size() >= ExperimentRules.MAX_TAGS) {
                throw ToraException.invalidField("tag", "experiment " + e.getId() + " has "
                        + ExperimentRules.MAX_TAGS + " tags already; at most " + ExperimentRules.MAX_TAGS);
            }
        }
        return change(experiments, e -> e.addTag(valid));
    }

    /** Removes {@code tag}; returns how many experiments had it. */
    public int removeTag(Caller caller, Collection<String> ids, String tag) {
        String valid = ExperimentRules.tag(tag, "tag");
        return change(writable(caller, ids), e -> e.removeTag(valid));
    }

    /** Sets the visibility; returns how many experiments had another one. */
    public int setVisibility(Caller caller, Collection<String> ids, Visibility visibility) {
        if (visibility == null) {
            throw ToraException.invalidField("visibility", "is required");
        }
        return change(writable(caller, ids), e -> {
            if (e.getVisibility() == visibility) {
                return false;
            }
            e.setVisibility(visibility);
            return true;
        });
    }

    /** Applies {@code change} to each; those it changed are touched and announced. */
    private int change(List<Experiment> experiments, Predicate<Experiment> change) {
        long now = clock.millis();
        int changedCount = 0;
        for (Experiment e : experiments) {
            if (change.test(e)) {
                e.touch(now);
                changed.fire(new ExperimentChanged(e.getId(), e.getStatus().id(), false));
                changedCount++;
            }
        }
        return changedCount;
    }

    /** The experiments of {@code ids} (duplicates once), each checked for WRITE; any failure fails the call. */
    private List<Experiment> writable(Caller caller, Collection<String> ids) {
        if (ids == null) {
            throw ToraException.invalidField("ids", "is required");
        }
        if (ids.size() > MAX_IDS) {
            throw ToraException.invalidField("ids", "has " + ids.size() + " ids; at most " + MAX_IDS);
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        int i = 0;
        for (String id : ids) {
            unique.add(ExperimentRules.uuid(id, "ids[" + i++ + "]"));
        }
        // One query loads them all; each check below then finds its experiment in the persistence context.
        loader.load(new ArrayList<>(unique));
        List<Experiment> out = new ArrayList<>(unique.size());
        for (String id : unique) {
            out.add(access.requireExperiment(caller, id, Permission.WRITE));
        }
        return out;
    }
}
