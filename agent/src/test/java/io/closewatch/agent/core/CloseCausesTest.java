package io.closewatch.agent.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloseCausesTest {
    @Test
    void aThrowableIsItsClassName() {
        assertEquals("java.lang.IllegalStateException", CloseCauses.of(new IllegalStateException("secret 42")));
        assertEquals("java.io.EOFException", CloseCauses.of(new java.io.EOFException()));
    }

    @Test
    void wrappersGiveWayToWhatTheyCarry() {
        Throwable handler = new IllegalStateException();
        assertEquals("java.lang.IllegalStateException", CloseCauses.of(new InvocationTargetException(handler)));
        assertEquals("java.lang.IllegalStateException",
                CloseCauses.of(new CompletionException(new ExecutionException(handler))));
        // Tomcat rethrows a handler's checked exception in a bare RuntimeException.
        assertEquals("java.io.IOException", CloseCauses.of(new RuntimeException("x", new IOException())));
        // Jetty hands an endpoint what its handler threw in a CloseException (1011).
        assertEquals("java.lang.IllegalStateException", CloseCauses.of(
                new org.eclipse.jetty.websocket.core.exception.CloseException(1011, handler)));
        assertEquals("org.eclipse.jetty.websocket.core.exception.CloseException", CloseCauses.of(
                new org.eclipse.jetty.websocket.core.exception.CloseException(1002, "bad frame")),
                "without a cause it is the cause");
    }

    @Test
    void whatIsNoMereWrapperStaysWhatItIsEvenWithACause() {
        assertEquals("java.io.UncheckedIOException", CloseCauses.of(new UncheckedIOException(new IOException())));
        assertEquals("java.lang.RuntimeException", CloseCauses.of(new RuntimeException("no cause")));
    }

    @Test
    void aStacksIdleTimeoutIsNamedSo() {
        assertEquals(CloseCauses.IDLE_TIMEOUT, CloseCauses.of(
                new org.eclipse.jetty.websocket.core.exception.WebSocketTimeoutException("idle")));
        assertEquals(CloseCauses.IDLE_TIMEOUT, CloseCauses.of(new CompletionException(
                new org.eclipse.jetty.websocket.core.exception.WebSocketTimeoutException("idle"))));
    }

    @Test
    void aChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException();
        RuntimeException second = new RuntimeException(first);
        first.initCause(second);
        assertEquals("java.lang.RuntimeException", CloseCauses.of(first));
    }
}
