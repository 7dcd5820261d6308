package org.eclipse.jetty.websocket.core.server.internal;

import org.eclipse.jetty.server.Request;

/** Stands in for Jetty 12's negotiator in the fast hook tests: it makes the frame handler an upgrade gets. */
public class CreatorNegotiator {
    private final Object frameHandler;

    public CreatorNegotiator(Object frameHandler) {
        this.frameHandler = frameHandler;
    }

    public Object negotiate(Request request, Object response, Object callback) {
        return frameHandler;
    }
}
