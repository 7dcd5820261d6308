package io.closewatch.agent.weaving;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * One advice class's methods as private static methods of a hooked class ({@link HookWeaver}): the advice's code as
 * javac wrote it, plus, where the advice suppresses throwables, a handler around all of it that hands the throwable
 * to the bridge (its {@value #REPORT_NAME}, which counts and logs it, as Byte Buddy's
 * exception handler does in {@link ByteBuddyHooks}) and returns the default value, so that nothing the advice throws
 * (a library that changed, a bug of ours) reaches the host, and nothing is silent.
 */
final class AdviceCopy {
    static final String REPORT_NAME = "adviceFailed";
    static final String REPORT_DESCRIPTOR = "(Ljava/lang/Throwable;)V";

    final AdviceCode code;
    private final String prefix;
    private final String bridge;

    /**
     * @param webSocketNamespace the namespace the advice applies in, or null
     * @param bridge             the bridge's internal name, which the catch-all reports to
     */
    AdviceCopy(AdviceCode code, String webSocketNamespace, String bridge) {
        this.code = code;
        this.prefix = prefixOf(code.className, webSocketNamespace);
        this.bridge = bridge;
    }

    /**
     * The copies' names depend on the advice and nothing else, so that weaving a class again (a redefinition, as
     * HotSwap makes) adds the very methods it added the first time: the JVM refuses a redefinition that adds or
     * removes one.
     */
    static String prefixOf(String adviceClass, String webSocketNamespace) {
        String simpleName = adviceClass.substring(adviceClass.lastIndexOf('.') + 1).replace('$', '_');
        String key = adviceClass + '@' + webSocketNamespace;
        return "closewatch$" + simpleName + '$' + Integer.toHexString(key.hashCode());
    }

    /** The name of the copy of {@code method} in the hooked class. */
    String nameOf(AdviceCode.Method method) {
        return prefix + '$' + method.name();
    }

    void writeInto(ClassVisitor target, ClassShape shape) {
        if (shape.isInterface() && shape.version() < Opcodes.V1_8) {
            throw new IllegalStateException("an interface before Java 8 cannot hold the advice");
        }
        new ClassReader(code.classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                AdviceCode.Method method = code.enter != null && code.enter.name().equals(name)
                        && code.enter.descriptor().equals(descriptor) ? code.enter
                        : code.exit != null && code.exit.name().equals(name)
                        && code.exit.descriptor().equals(descriptor) ? code.exit : null;
                if (method == null) {
                    return null;
                }
                MethodVisitor copy = target.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC
                        | Opcodes.ACC_SYNTHETIC, nameOf(method), descriptor, null, null);
                return new Copy(copy, method, shape.hasFrames(), shape.version() >= Opcodes.V1_5, bridge);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.EXPAND_FRAMES);
    }

    /** The advice method's code, without its annotations, inside a catch-all when it suppresses throwables. */
    private static final class Copy extends MethodVisitor {
        private final AdviceCode.Method method;
        private final boolean frames;
        private final boolean classConstants;
        private final String bridge;
        private final Label start = new Label();

        Copy(MethodVisitor target, AdviceCode.Method method, boolean frames, boolean classConstants, String bridge) {
            super(Opcodes.ASM9, target);
            this.method = method;
            this.frames = frames;
            this.classConstants = classConstants;
            this.bridge = bridge;
        }

        /** A class literal in a class file older than Java 5, which has no class constants: looked up by name. */
        @Override
        public void visitLdcInsn(Object value) {
            if (!classConstants && value instanceof Type type && type.getSort() == Type.OBJECT) {
                super.visitLdcInsn(type.getClassName());
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                        "(Ljava/lang/String;)Ljava/lang/Class;", false);
            } else {
                super.visitLdcInsn(value);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return null;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return null;
        }

        @Override
        public void visitAnnotableParameterCount(int parameterCount, boolean visible) {
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            if (frames) {
                super.visitFrame(type, numLocal, local, numStack, stack);
            }
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitLabel(start);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            if (method.suppress()) {
                // Last in the exception table: the advice's own handlers come first.
                Label end = new Label();
                Label handler = new Label();
                Label reported = new Label();
                Label reportFailed = new Label();
                super.visitLabel(end);
                super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
                // Reporting may fail too (a class loader that cannot see the bridge): then the throwable is dropped.
                super.visitTryCatchBlock(handler, reported, reportFailed, "java/lang/Throwable");
                super.visitLabel(handler);
                throwableOnStack();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, bridge, REPORT_NAME, REPORT_DESCRIPTOR, false);
                super.visitLabel(reported);
                returnDefault();
                super.visitLabel(reportFailed);
                throwableOnStack();
                super.visitInsn(Opcodes.POP);
                returnDefault();
            }
            super.visitMaxs(Math.max(maxStack, 2), maxLocals);
        }

        private void throwableOnStack() {
            if (frames) {
                super.visitFrame(Opcodes.F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            }
        }

        private void returnDefault() {
            Type returned = Type.getReturnType(method.descriptor());
            HookedMethod.pushDefault(mv, returned);
            super.visitInsn(returned.getOpcode(Opcodes.IRETURN));
        }
    }
}
