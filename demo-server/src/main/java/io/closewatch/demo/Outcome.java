package io.closewatch.demo;

/** How a simulated user's session ends, and the close code each side should then see. */
enum Outcome {
    /** The user leaves: the client closes with 1000. */
    NORMAL,
    /** The browser tab closes: the client closes with 1001. */
    GOING_AWAY,
    /** A moderator kicks the user: the server closes with 4001. */
    KICKED,
    /** The user sends a message over the size limit: the server closes with 1008. */
    POLICY_VIOLATION,
    /** The message handler fails: the server closes with 1011. */
    SERVER_ERROR,
    /** The client process gives up: {@code abort()}, no close frame (1006). */
    CLIENT_ABORT,
    /** The network between them drops the connection: no close frame on either side (1006). */
    NETWORK_CUT
}
