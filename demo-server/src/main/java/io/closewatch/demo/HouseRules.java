package io.closewatch.demo;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;

/** What the service does with a message, shared by its endpoints: moderation, size limits, and its one bug. */
final class HouseRules {
    static final int MAX_MESSAGE_LENGTH = 512;
    static final CloseReason.CloseCode KICKED = CloseReason.CloseCodes.getCloseCode(4001);

    private HouseRules() {
    }

    /** @return true when the message may be delivered; false when the session was closed instead */
    static boolean admit(Session session, String message) throws IOException {
        if (message.length() > MAX_MESSAGE_LENGTH) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "message too long"));
            return false;
        }
        if (message.equals("/kick")) {
            session.close(new CloseReason(KICKED, "kicked by a moderator"));
            return false;
        }
        if (message.equals("/crash")) {
            throw new IllegalStateException("the handler failed on " + message); // becomes 1011 in onError
        }
        return true;
    }

    /**
     * A failure of the service's own code ends the session with 1011, as a careful service does. A failed read or
     * write means the connection is already gone: the container reports that as 1006 by itself.
     */
    static void failed(Session session, Throwable error) {
        if (session.isOpen() && !isConnectionFailure(error)) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "internal error"));
            } catch (IOException ignored) {
                // the connection is gone already; the container reports 1006
            }
        }
    }

    private static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
