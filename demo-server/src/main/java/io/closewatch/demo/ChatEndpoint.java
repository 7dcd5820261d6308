package io.closewatch.demo;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Chat rooms: what one member says, the others in the room hear. */
@ServerEndpoint("/chat/{room}")
public final class ChatEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);
    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();

    @OnOpen
    public void join(Session session, @PathParam("room") String room) {
        ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
    }

    @OnMessage
    public void say(String message, Session session, @PathParam("room") String room) throws IOException {
        if (HouseRules.admit(session, message)) {
            for (Session member : ROOMS.getOrDefault(room, Set.of())) {
                if (member != session && member.isOpen()) {
                    member.getAsyncRemote().sendText(message);
                }
            }
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.debug("chat session {} failed: {}", session.getId(), error.toString());
        HouseRules.failed(session, error);
    }

    @OnClose
    public void leave(Session session, @PathParam("room") String room) {
        Set<Session> members = ROOMS.get(room);
        if (members != null) {
            members.remove(session);
        }
    }
}
