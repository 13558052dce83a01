package dev.tora.ui.experiment;

import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Names for experiment ids shown as links (references), as far as the caller may see them. */
@ApplicationScoped
public class ExperimentLinks {

    /** Links resolved at most; more are listed by id. */
    static final int MAX_RESOLVED = 50;

    @Inject
    private ExperimentService experiments;

    /** A link to an experiment page. */
    public record Link(String id, String name) implements Serializable {
    }

    /** Links to {@code ids}, named where the caller may read the experiment. */
    public List<Link> of(Caller caller, List<String> ids) {
        List<Link> out = new ArrayList<>(ids.size());
        for (String ref : ids) {
            String name = ref;
            if (out.size() < MAX_RESOLVED) {
                try {
                    name = experiments.get(caller, ref).name();
                } catch (ToraException hidden) {
                    name = ref;
                }
            }
            out.add(new Link(ref, name));
        }
        return out;
    }
}
