package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.MethodView;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An advice class as the agent's weaver ({@link HookWeaver}) reads it: its class file and its enter and exit methods,
 * each with what its parameters are bound to. The advice is written for Byte Buddy ({@link Advice}), and this reads
 * the subset of its annotations the modules use; anything else is refused here, not woven wrongly.
 */
final class AdviceCode {
    private static final String ENTER = Advice.OnMethodEnter.class.descriptorString();
    private static final String EXIT = Advice.OnMethodExit.class.descriptorString();
    private static final String THIS = Advice.This.class.descriptorString();
    private static final String ARGUMENT = Advice.Argument.class.descriptorString();
    private static final String ALL_ARGUMENTS = Advice.AllArguments.class.descriptorString();
    private static final String FIELD_VALUE = Advice.FieldValue.class.descriptorString();
    private static final String RETURN = Advice.Return.class.descriptorString();
    private static final String ENTER_VALUE = Advice.Enter.class.descriptorString();
    private static final String ORIGIN = Advice.Origin.class.descriptorString();
    private static final String WEB_SOCKET_API = WebSocketApi.class.descriptorString();

    /** What an advice parameter receives. */
    enum Source { THIS, ARGUMENT, ALL_ARGUMENTS, FIELD, RETURN, ENTER, ORIGIN, WEB_SOCKET_API }

    /** @param index the argument's index ({@link Source#ARGUMENT}); @param field the field's name */
    record Binding(Source source, int index, String field) {
    }

    /**
     * @param suppress    whether a throwable escaping the advice is swallowed (as all of the agent's advice does)
     * @param onThrowable whether exit advice also runs when the method throws
     */
    record Method(String name, String descriptor, boolean suppress, boolean onThrowable, List<Binding> bindings) {
    }

    final String className;
    final byte[] classFile;
    final Method enter;
    final Method exit;
    /** What its woven methods refer to, checked against each hooked class's loader. */
    final AdviceReferences references;

    private AdviceCode(String className, byte[] classFile, Method enter, Method exit) {
        this.className = className;
        this.classFile = classFile;
        this.enter = enter;
        this.exit = exit;
        this.references = AdviceReferences.of(this);
    }

    /** The advice class {@code className}, read as a class file from {@code adviceLoader} (never loaded). */
    static AdviceCode load(ClassLoader adviceLoader, String className, String webSocketNamespace) {
        try (InputStream in = adviceLoader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalStateException("no class file for the advice " + className);
            }
            return read(className, in.readAllBytes(), webSocketNamespace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param webSocketNamespace null, or the namespace ({@code javax}, say) that the {@code jakarta.*} types in the
     *                           advice ({@code jakarta.websocket}, {@code jakarta.servlet}) are read in
     */
    static AdviceCode read(String className, byte[] classFile, String webSocketNamespace) {
        byte[] inNamespace = webSocketNamespace == null || webSocketNamespace.equals("jakarta") ? classFile
                : remap(classFile, "jakarta/", webSocketNamespace + "/");
        List<Method> enter = new ArrayList<>();
        List<Method> exit = new ArrayList<>();
        new ClassReader(inNamespace).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodReader(name, descriptor, enter, exit);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (enter.size() > 1 || exit.size() > 1 || enter.size() + exit.size() == 0) {
            throw new IllegalArgumentException(className + " needs one enter and/or one exit advice method");
        }
        return new AdviceCode(className, inNamespace, enter.isEmpty() ? null : enter.get(0),
                exit.isEmpty() ? null : exit.get(0));
    }

    /** The class file with the type names under {@code fromPrefix} (internal form) moved to {@code toPrefix}. */
    static byte[] remap(byte[] classFile, String fromPrefix, String toPrefix) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                return internalName.startsWith(fromPrefix)
                        ? toPrefix + internalName.substring(fromPrefix.length()) : internalName;
            }
        }), 0);
        return writer.toByteArray();
    }

    /** Collects one method's advice annotations; adds it to enter or exit if it has one. */
    private static final class MethodReader extends MethodVisitor {
        private final String name;
        private final String descriptor;
        private final List<Method> enter;
        private final List<Method> exit;
        private final Binding[] bindings;
        private String kind;
        private boolean suppress;
        private boolean onThrowable;

        MethodReader(String name, String descriptor, List<Method> enter, List<Method> exit) {
            super(Opcodes.ASM9);
            this.name = name;
            this.descriptor = descriptor;
            this.enter = enter;
            this.exit = exit;
            this.bindings = new Binding[new MethodView(name, descriptor, 0).parameterTypes().size()];
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
            if (!annotation.equals(ENTER) && !annotation.equals(EXIT)) {
                return null;
            }
            kind = annotation;
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String element, Object value) {
                    switch (element) {
                        case "suppress" -> suppress = true;
                        case "onThrowable" -> onThrowable = true;
                        default -> throw new IllegalArgumentException(name + ": @" + element + " is not supported");
                    }
                }
            };
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
            Source source = source(annotation);
            if (source == null) {
                return null;
            }
            bindings[parameter] = new Binding(source, 0, null);
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visit(String element, Object value) {
                    if (!element.equals("value")) {
                        throw new IllegalArgumentException(name + ": " + element + " is not supported");
                    }
                    bindings[parameter] = source == Source.ARGUMENT ? new Binding(source, (Integer) value, null)
                            : new Binding(source, 0, (String) value);
                }
            };
        }

        private static Source source(String annotation) {
            if (annotation.equals(THIS)) {
                return Source.THIS;
            } else if (annotation.equals(ARGUMENT)) {
                return Source.ARGUMENT;
            } else if (annotation.equals(ALL_ARGUMENTS)) {
                return Source.ALL_ARGUMENTS;
            } else if (annotation.equals(FIELD_VALUE)) {
                return Source.FIELD;
            } else if (annotation.equals(RETURN)) {
                return Source.RETURN;
            } else if (annotation.equals(ENTER_VALUE)) {
                return Source.ENTER;
            } else if (annotation.equals(ORIGIN)) {
                return Source.ORIGIN;
            } else if (annotation.equals(WEB_SOCKET_API)) {
                return Source.WEB_SOCKET_API;
            }
            return null;
        }

        @Override
        public void visitEnd() {
            if (kind == null) {
                return;
            }
            for (int i = 0; i < bindings.length; i++) {
                if (bindings[i] == null) {
                    throw new IllegalArgumentException(name + ": parameter " + i + " is bound to nothing");
                }
            }
            Method method = new Method(name, descriptor, suppress, onThrowable, List.of(bindings));
            (kind.equals(ENTER) ? enter : exit).add(method);
        }
    }
}
