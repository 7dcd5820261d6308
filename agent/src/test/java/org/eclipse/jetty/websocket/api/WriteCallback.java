package org.eclipse.jetty.websocket.api;

/**
 * Stands in for Jetty 10's and 11's write callback, which Jetty 12's API on the test class path no longer has: the
 * agent tells those versions by it. Tests of Jetty 12's behaviour hide it ({@code HookHarness}'s hidden resources).
 */
public interface WriteCallback {
}
