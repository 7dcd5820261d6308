package io.closewatch.agent.weaving;

import net.bytebuddy.asm.Advice;

import java.util.Arrays;

/**
 * The advice {@link WeaverCorpusTest} weaves into every shape of its corpus with both weavers, reporting what each
 * binding shows it; read as class files, never loaded by the test itself.
 */
final class CorpusAdvice {
    private CorpusAdvice() {
    }

    /** On {@code int run(int code, String name)} of an object. */
    static final class OnInstance {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Object self, @Advice.Argument(0) int code, @Advice.Argument(1) String name,
                          @Advice.AllArguments Object[] all, @Advice.Origin Class<?> type) {
            WeavingProbe.saw("enter", self.getClass().getName(), code, name, Arrays.asList(all), type.getName());
            return code * 3L;
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.Enter long entered, @Advice.This Object self, @Advice.Argument(0) int code,
                         @Advice.Argument(1) String name, @Advice.AllArguments Object[] all,
                         @Advice.Return int returned) {
            WeavingProbe.saw("exit", entered, self.getClass().getName(), code, name, Arrays.asList(all), returned);
        }
    }

    /** On {@code static int run(int code, String name)}. */
    static final class OnStatic {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) int code, @Advice.Origin Class<?> type) {
            WeavingProbe.saw("enter", code, type.getName());
        }

        @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
        static void exit(@Advice.Argument(0) int code, @Advice.Argument(1) String name, @Advice.Return int returned) {
            WeavingProbe.saw("exit", code, name, returned);
        }
    }

    /** On a constructor {@code (int code, String name)}: the object exists at the exit only. */
    static final class OnConstructor {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(0) int code, @Advice.Origin Class<?> type) {
            WeavingProbe.saw("enter", code, type.getName());
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object self, @Advice.Argument(0) int code, @Advice.Argument(1) String name) {
            WeavingProbe.saw("made", self.getClass().getName(), code, name);
        }
    }

    /** Fails as advice does on a library that changed under it: the throwable must reach the bridge, not the host. */
    static final class Failing {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.Argument(1) String name) {
            throw new NoSuchMethodError("gone in this version: " + name);
        }
    }
}
