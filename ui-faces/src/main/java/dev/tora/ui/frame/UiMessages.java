package dev.tora.ui.frame;

import dev.tora.core.domain.error.ToraException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** The one way pages report outcomes: a message in the growl (and next to a field when one is named). */
public final class UiMessages {

    private UiMessages() {
    }

    /** A confirmation. */
    public static void info(String summary) {
        add(null, FacesMessage.SEVERITY_INFO, summary, null);
    }

    /** The server's message for a refused request; {@code fieldClientId} places it by the input too. */
    public static void error(ToraException e, String fieldClientId) {
        add(fieldClientId, FacesMessage.SEVERITY_ERROR, "Not saved", e.getMessage());
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** The server's message for a refused request. */
    public static void error(ToraException e) {
        error(e, null);
    }

    /** An unexpected failure whose cause stays in the server log. */
    public static void unexpected() {
        add(null, FacesMessage.SEVERITY_FATAL, "Something went wrong",
                "The request failed on the server; its log has the details.");
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext ctx = FacesContext.getCurrentInstance();
        FacesMessage message = new FacesMessage(severity, summary, detail);
        if (clientId != null) {
            ctx.addMessage(clientId, message);
        } else {
            ctx.addMessage(null, message);
        }
    }
}
