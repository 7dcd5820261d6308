package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.asm.Advice;

import java.util.Arrays;

/** Test advice for {@link HookWeaverTest}, one class per case; read as class files, never loaded. */
final class WeavingAdvice {
    private WeavingAdvice() {
    }

    /** Every binding the weaver knows, on {@code join(String, long)}. */
    static final class Bindings {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Object self, @Advice.Argument(0) String name, @Advice.Argument(1) long count,
                          @Advice.AllArguments Object[] all, @Advice.FieldValue("own") String own,
                          @Advice.FieldValue("inherited") int inherited, @Advice.Origin Class<?> type) {
            WeavingProbe.saw("enter", self == null, name, count, Arrays.asList(all), own, inherited,
                    type.getName());
            return count * 2;
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.Enter long entered, @Advice.Return String returned, @Advice.Argument(1) long count) {
            WeavingProbe.saw("exit", entered, returned, count);
        }
    }

    /** Enter advice that fails: suppressed, the method runs, and so does the exit advice. */
    static final class Throwing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) String name) {
            throw new IllegalStateException("advice failed on " + name);
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.Return String returned) {
            WeavingProbe.saw("exit", returned);
        }
    }

    /** Reads a field the class does not have. */
    static final class MissingField {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.FieldValue("absent") Object absent) {
            WeavingProbe.saw("enter", absent);
        }
    }

    /** Takes the String argument as an Integer: the class would not verify. */
    static final class WrongType {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) Integer name) {
            WeavingProbe.saw("enter", name);
        }
    }

    /** On a constructor's exit, the object is made. */
    static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object made, @Advice.FieldValue("own") String own) {
            WeavingProbe.saw("made", made.getClass().getName(), own);
        }
    }

    /** The WebSocket namespace the hooks apply in. */
    static final class Namespace {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@WebSocketApi String api) {
            WeavingProbe.saw("api", api);
        }
    }

    /** Calls a library method that the class loader of the hooked class may not have. */
    static final class CallsLibrary {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) String name) {
            WeavingProbe.saw("library", MuzzleLibrary.ping(name));
        }
    }

    /** Throws what a library that changed under an advice makes it throw. */
    static final class Linkage {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) String name) {
            throw new NoSuchMethodError("a method the advice was compiled against: " + name);
        }
    }
}
