package dev.tora.ui.frame;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Serves the experiment page at {@code /experiments/<id>}, the link the API hands out. */
@WebFilter("/experiments/*")
public class ExperimentRouteFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String rest = request.getPathInfo() == null ? request.getRequestURI()
                .substring(request.getContextPath().length() + "/experiments".length()) : request.getPathInfo();
        String id = rest.startsWith("/") ? rest.substring(1) : rest;
        if (id.isEmpty() || id.contains("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.getRequestDispatcher("/experiment.xhtml?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
                .forward(request, response);
    }
}
