package io.closewatch.agent.weaving;

/** A library type an advice calls ({@link WeavingAdvice.CallsLibrary}); tests hide it, or serve it without it. */
public final class MuzzleLibrary {
    private MuzzleLibrary() {
    }

    public static String ping(String name) {
        return "pong " + name;
    }
}
