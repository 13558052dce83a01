package dev.tora.ui.dashboard;

import dev.tora.core.application.experiment.ExperimentBulkService;
import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.Visibility;
import dev.tora.ui.frame.UiCaller;
import dev.tora.ui.frame.UiMessages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** What the dashboard does to the selected experiments: delete, tag, untag, publish, compare. */
@Named
@ViewScoped
public class DashboardBulk implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Most experiments the compare page takes. */
    static final int MAX_COMPARE = 100;

    @Inject
    private ExperimentBulkService bulk;

    @Inject
    private DashboardPage page;

    @Inject
    private UiCaller caller;

    private String tag;

    /** Deletes the selection (the button asks first, naming how many). */
    public void delete() {
        int n = bulk.delete(caller.require(), ids());
        page.setSelected(List.of());
        UiMessages.info("Deleted " + plural(n));
    }

    /** Adds the typed tag to the selection. */
    public void addTag() {
        try {
            int n = bulk.addTag(caller.require(), ids(), tag);
            UiMessages.info("Tagged " + plural(n) + " \"" + tag + "\"");
            tag = null;
        } catch (ToraException e) {
            UiMessages.error(e, "bulk-form:bulk-tag");
        }
    }

    /** Removes the typed tag from the selection. */
    public void removeTag() {
        try {
            int n = bulk.removeTag(caller.require(), ids(), tag);
            UiMessages.info("Removed \"" + tag + "\" from " + plural(n));
            tag = null;
        } catch (ToraException e) {
            UiMessages.error(e, "bulk-form:bulk-tag");
        }
    }

    /** Makes the selection public or private. */
    public void visibility(String value) {
        int n = bulk.setVisibility(caller.require(), ids(), Visibility.parse(value, "visibility"));
        UiMessages.info("Made " + plural(n) + " " + value);
    }

    /** Opens the compare page with the selection. */
    public void compare() throws IOException {
        List<String> ids = ids();
        if (ids.size() > MAX_COMPARE) {
            throw ToraException.invalidField("ids", "compare at most " + MAX_COMPARE + " experiments at a time");
        }
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        ctx.redirect(ctx.getRequestContextPath() + "/compare?ids=" + String.join(",", ids));
    }

    /** "1 experiment", "3 experiments". */
    public String plural(int n) {
        return n + (n == 1 ? " experiment" : " experiments");
    }

    private List<String> ids() {
        return page.getSelected().stream().map(ExperimentDetails::id).toList();
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }
}
