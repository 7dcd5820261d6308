package io.closewatch.containers.host;

import jakarta.servlet.http.HttpServlet;

/**
 * Spring Framework WebSocket on embedded Tomcat 11 ({@link SpringWebSockets}), beside the plain endpoints every
 * container serves (Tomcat upgrades those in its filter, before any servlet).
 */
final class SpringServer extends TomcatServer {
    /** Spring's DispatcherServlet as the default servlet, so that its mappings see the whole path. */
    @Override
    HttpServlet defaultServlet() {
        return SpringWebSockets.dispatcher();
    }
}
