package dev.tora.ui.frame;

import dev.tora.core.domain.error.ToraException;
import jakarta.ejb.EJBException;
import jakarta.faces.FacesException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a failure during an ajax request into a growl message instead of a blank page or a stack
 * trace: the domain's message for a {@link ToraException}, a generic one (cause logged) otherwise.
 * Full-page requests keep the container's error pages.
 */
public class UiExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(UiExceptionHandler.class.getName());

    /** Wraps the runtime's handler. */
    public UiExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext ctx = FacesContext.getCurrentInstance();
        if (ctx != null && ctx.getPartialViewContext().isAjaxRequest()) {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                ToraException domain = domainCause(t);
                if (domain != null) {
                    UiMessages.error(domain);
                } else {
                    LOG.log(Level.SEVERE, "web UI request failed", t);
                    UiMessages.unexpected();
                }
                events.remove();
                ctx.getPartialViewContext().getRenderIds().add("messages");
                ctx.renderResponse();
            }
        }
        getWrapped().handle();
    }

    private static ToraException domainCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ToraException e) {
                return e;
            }
            if (!(c instanceof FacesException || c instanceof EJBException || c instanceof jakarta.el.ELException)) {
                return null;
            }
        }
        return null;
    }
}
