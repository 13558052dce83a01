package dev.tora.core.application.experiment;

import static dev.tora.core.domain.json.JsonP.JSON;

import dev.tora.core.application.live.ExperimentChanged;
import dev.tora.core.application.security.AccessGuard;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Experiment;
import dev.tora.core.domain.experiment.ExperimentRules;
import dev.tora.core.domain.experiment.ExperimentStatus;
import dev.tora.core.domain.workspace.Permission;
import dev.tora.core.domain.workspace.Workspace;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Creating, reading, changing and deleting experiments. */
@Stateless
public class ExperimentService {

    /** Most experiments {@link #getAll} reads at once. */
    public static final int MAX_GET_ALL = 1000;

    @PersistenceContext(unitName = "tora")
    private EntityManager em;

    @Inject
    private AccessGuard access;

    @Inject
    private ExperimentAssembler assembler;

    @Inject
    private ExperimentLister lister;

    @Inject
    private ExperimentLoader loader;

    @Inject
    private Event<ExperimentChanged> changed;

    @Inject
    private Clock clock;

    /** The outcome of a create: the experiment and whether it was made now (false: it existed). */
    public record Created(ExperimentDetails experiment, boolean created) {
    }

    /**
     * Creates an experiment. Repeating a create with the same id and name returns the existing
     * one unchanged, so that an offline client can replay its creates.
     */
    public Created create(Caller caller, NewExperiment request) {
        String workspaceId = request.workspaceId() == null ? Workspace.DEFAULT_ID
                : ExperimentRules.uuid(request.workspaceId(), "workspaceId");
        String name = ExperimentRules.name(request.name(), "name");
        String id = request.id() == null ? UUID.randomUUID().toString() : ExperimentRules.uuid(request.id(), "id");
        access.requireWorkspace(caller, workspaceId, Permission.WRITE);

        Experiment existing = em.find(Experiment.class, id);
        if (existing != null) {
            if (existing.getName().equals(name) && existing.getWorkspaceId().equals(workspaceId)) {
                access.requireExperiment(caller, id, Permission.READ);
                return new Created(assembler.details(caller, existing), false);
            }
            throw ToraException.conflict("id_in_use", "experiment id " + id + " is already used by another experiment");
        }
        long now = clock.millis();
        Experiment e = new Experiment(id, workspaceId, name, now);
        e.describe(ExperimentRules.description(request.description(), "description"));
        if (request.tags() != null) {
            e.replaceTags(ExperimentRules.tags(request.tags(), "tags"));
        }
        if (request.hyperparams() != null) {
            e.mergeParams(request.hyperparams());
        }
        e.setMetadata(ExperimentRules.metadata(request.metadata(), "metadata"));
        if (request.visibility() != null) {
            e.setVisibility(request.visibility());
        }
        if (request.references() != null) {
            for (int i = 0; i < request.references().size(); i++) {
                String ref = checkReference(caller, e, request.references().get(i), "references[" + i + "]");
                e.addReference(ref);
            }
        }
        em.persist(e);
        return new Created(assembler.details(caller, e), true);
    }

    /** One experiment the caller may read. */
    public ExperimentDetails get(Caller caller, String id) {
        return assembler.details(caller, access.requireExperiment(caller, id, Permission.READ));
    }

    /**
     * The experiments of {@code ids} the caller may read, in that order, loaded in a few queries;
     * the others are left out (their existence is not revealed).
     */
    public List<ExperimentDetails> getAll(Caller caller, List<String> ids) {
        if (ids.size() > MAX_GET_ALL) {
            throw ToraException.invalidField("ids", "at most " + MAX_GET_ALL + " experiments at a time");
        }
        List<Experiment> readable = loader.load(ids).stream().filter(e -> access.canRead(caller, e)).toList();
        return assembler.details(caller, readable);
    }

    /** Applies the parts of {@code patch} that are present. */
    public ExperimentDetails update(Caller caller, String id, ExperimentPatch patch) {
        Experiment e = access.requireExperiment(caller, id, Permission.WRITE);
        if (patch.isEmpty()) {
            return assembler.details(caller, e);
        }
        long now = clock.millis();
        patch.name().ifPresent(n -> e.rename(ExperimentRules.name(n, "name")));
        patch.description().ifPresent(d -> e.describe(ExperimentRules.description(d.orElse(null), "description")));
        patch.status().ifPresent(s -> e.changeStatus(s, now));
        patch.visibility().ifPresent(e::setVisibility);
        patch.tags().ifPresent(t -> replaceTags(e, ExperimentRules.tags(t, "tags")));
        patch.hyperparams().ifPresent(e::mergeParams);
        patch.metadata().ifPresent(m -> {
            JsonValue merged = JSON.createMergePatch(m).apply(ExperimentRules.parseMetadata(e.getMetadata()));
            e.setMetadata(ExperimentRules.metadata(merged, "metadata"));
        });
        e.touch(now);
        changed.fire(new ExperimentChanged(id, e.getStatus().id(), false));
        return assembler.details(caller, e);
    }

    /**
     * Replaces the tags of a stored experiment. Clearing the list and adding a tag it held made
     * EclipseLink insert that tag's row at its position before deleting the old row there (a
     * primary-key violation on experiment_tag), so the old rows go in a flush of their own first.
     */
    private void replaceTags(Experiment e, List<String> tags) {
        if (e.getTags().equals(tags)) {
            return;
        }
        e.replaceTags(List.of());
        em.flush();
        e.replaceTags(tags);
    }

    /** Deletes the experiment with all its series and points. */
    public void delete(Caller caller, String id) {
        Experiment e = access.requireExperiment(caller, id, Permission.WRITE);
        em.remove(e);
        changed.fire(new ExperimentChanged(id, null, true));
    }

    /** Adds a reference to another experiment of the same workspace. */
    public ExperimentDetails addReference(Caller caller, String id, String referencedId) {
        Experiment e = access.requireExperiment(caller, id, Permission.WRITE);
        String ref = checkReference(caller, e, referencedId, "experimentId");
        if (e.addReference(ref)) {
            e.touch(clock.millis());
        }
        return assembler.details(caller, e);
    }

    /** Removes a reference; a reference that is not there is not found. */
    public ExperimentDetails removeReference(Caller caller, String id, String referencedId) {
        Experiment e = access.requireExperiment(caller, id, Permission.WRITE);
        if (!e.removeReference(referencedId)) {
            throw ToraException.notFound("reference", String.valueOf(referencedId));
        }
        e.touch(clock.millis());
        return assembler.details(caller, e);
    }

    /** A page of the experiments the caller may read, with their metric summaries. */
    public Page<ExperimentDetails> list(Caller caller, ExperimentQuery query) {
        Page<Experiment> page = lister.list(caller, query);
        return new Page<>(assembler.details(caller, page.items()), page.nextCursor());
    }

    private String checkReference(Caller caller, Experiment from, String referencedId, String field) {
        String ref = ExperimentRules.uuid(referencedId, field);
        if (ref.equals(from.getId())) {
            throw ToraException.invalidField(field, "an experiment cannot reference itself");
        }
        Experiment target;
        try {
            target = access.requireExperiment(caller, ref, Permission.READ);
        } catch (ToraException notVisible) {
            throw ToraException.invalidField(field, "experiment " + ref + " not found");
        }
        if (!target.getWorkspaceId().equals(from.getWorkspaceId())) {
            throw ToraException.invalidField(field, "must be an experiment of the same workspace");
        }
        return ref;
    }
}
