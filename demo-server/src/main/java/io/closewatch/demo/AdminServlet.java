package io.closewatch.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /admin/burst-1006?sessions=N} drops N connections at once, to show the 1006 alert firing;
 * {@code GET /admin/status} prints how many sessions the traffic generator has ended, by outcome.
 */
final class AdminServlet extends HttpServlet {
    static final int DEFAULT_BURST = 200;

    private final Profile profile;
    /** Tomcat must be up (and this servlet registered) before the generator can know its port. */
    private volatile TrafficGenerator traffic;

    AdminServlet(Profile profile) {
        this.profile = profile;
    }

    void serve(TrafficGenerator generator) {
        this.traffic = generator;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws jakarta.servlet.ServletException, IOException {
        if (traffic == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "starting");
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/burst-1006".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "try POST /admin/burst-1006?sessions=200");
            return;
        }
        int sessions;
        try {
            String asked = request.getParameter("sessions");
            sessions = asked == null ? DEFAULT_BURST : Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "sessions must be a whole number");
            return;
        }
        int started = traffic.burst(sessions);
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("dropping " + started + " connections");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/status".equals(request.getPathInfo())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "try GET /admin/status");
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("profile " + profile.name().toLowerCase(Locale.ROOT));
        for (Map.Entry<Outcome, Long> ended : traffic.endedSoFar().entrySet()) {
            response.getWriter().println(ended.getKey().name().toLowerCase() + " " + ended.getValue());
        }
    }
}
