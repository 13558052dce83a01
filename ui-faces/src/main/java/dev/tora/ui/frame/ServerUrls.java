package dev.tora.ui.frame;

import dev.tora.core.config.Setting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** This server's own addresses as users reach it, for the snippets the empty states show. */
@Named
@RequestScoped
public class ServerUrls {

    /** The UI's base URL without a trailing slash: {@code TORA_PUBLIC_URL}, else the request's scheme, host and port. */
    public String getBase() {
        String configured = Setting.PUBLIC_URL.value().orElse(null);
        if (configured != null) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        int port = ctx.getRequestServerPort();
        boolean defaultPort = ("http".equals(ctx.getRequestScheme()) && port == 80)
                || ("https".equals(ctx.getRequestScheme()) && port == 443);
        return ctx.getRequestScheme() + "://" + ctx.getRequestServerName() + (defaultPort ? "" : ":" + port)
                + ctx.getRequestContextPath();
    }

    /** The API's base URL, what clients take as {@code TORA_BASE_URL}. */
    public String getApi() {
        return getBase() + "/api";
    }
}
