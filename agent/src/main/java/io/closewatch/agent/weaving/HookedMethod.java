package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.MethodView;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hooked method as {@link HookWeaver} rewrites it: calls to the copied enter advice first, to the exit advice before
 * every return and, for exit advice that runs {@code onThrowable}, from a handler around the whole original code that
 * rethrows. Enter advice reads the method's locals and fields as they are. Exit advice sees what Byte Buddy shows it
 * ({@code backupArguments}): the arguments, and {@code this}, as they were on entry, copied into new locals before
 * the original code runs, so a method that reassigns a parameter, or reuses its slot for another type, changes
 * nothing the advice reads and no frame the handler needs. Those copies and an enter advice's value (kept for its
 * exit advice) live in new locals that every stack map frame is told of; otherwise no frame changes.
 */
final class HookedMethod extends MethodVisitor {
    /** One advice class's calls in this method. */
    record Call(AdviceCopy copy, String webSocketNamespace) {
    }

    private enum At { ENTRY, RETURN, THROW }

    private final ClassShape shape;
    private final MethodView method;
    private final List<Call> calls;
    private final Type[] arguments;
    private final Type returned;
    private final int[] enterSlots;
    /** Where exit advice reads {@code this} and each argument from: copies made on entry, or -1 (the live slot). */
    private final int thisCopy;
    private final int[] argumentCopies;
    private final int returnSlot;
    private final int throwableSlot;
    private final int locals;
    private final boolean catchesThrowable;
    private final Label tryStart = new Label();

    HookedMethod(MethodVisitor target, ClassShape shape, MethodView method, List<Call> calls) {
        super(Opcodes.ASM9, target);
        this.shape = shape;
        this.method = method;
        this.calls = calls;
        this.arguments = Type.getArgumentTypes(method.descriptor());
        this.returned = Type.getReturnType(method.descriptor());
        enterSlots = new int[calls.size()];
        boolean returnNeeded = false;
        boolean throwable = false;
        boolean enterKept = false;
        boolean exitReadsArguments = false;
        boolean exitReadsThis = false;
        for (Call call : calls) {
            AdviceCode code = call.copy().code;
            if (code.exit != null) {
                enterKept |= code.enter != null && binds(code.exit, AdviceCode.Source.ENTER);
                exitReadsArguments |= binds(code.exit, AdviceCode.Source.ARGUMENT)
                        || binds(code.exit, AdviceCode.Source.ALL_ARGUMENTS);
                exitReadsThis |= binds(code.exit, AdviceCode.Source.THIS) || binds(code.exit, AdviceCode.Source.FIELD);
                returnNeeded |= binds(code.exit, AdviceCode.Source.RETURN);
                throwable |= code.exit.onThrowable();
            }
            if (code.enter != null && method.name().equals("<init>") && (binds(code.enter, AdviceCode.Source.THIS)
                    || binds(code.enter, AdviceCode.Source.FIELD))) {
                throw new IllegalStateException(code.className + " reads the object before its constructor ran");
            }
        }
        if (throwable && method.name().equals("<init>")) {
            throw new IllegalStateException("exit advice on a throwable is not woven into constructors");
        }
        // A constructor's this is not an object before its super constructor ran: not copied (javac never reassigns
        // it, and no handler of ours spans a constructor).
        exitReadsThis &= !method.isStatic() && !method.name().equals("<init>");
        // New locals go after the method's own; reading how many it has means reading its code.
        boolean newLocals = enterKept || returnNeeded || throwable || exitReadsArguments || exitReadsThis;
        int next = newLocals ? shape.maxLocals(method) : 0;
        thisCopy = exitReadsThis ? next++ : -1;
        argumentCopies = new int[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            argumentCopies[a] = exitReadsArguments ? next : -1;
            next += exitReadsArguments ? arguments[a].getSize() : 0;
        }
        for (int i = 0; i < calls.size(); i++) {
            AdviceCode code = calls.get(i).copy().code;
            enterSlots[i] = -1;
            if (code.enter != null && code.exit != null && binds(code.exit, AdviceCode.Source.ENTER)) {
                enterSlots[i] = next;
                next += Type.getReturnType(code.enter.descriptor()).getSize();
            }
        }
        returnSlot = returnNeeded && returned.getSort() != Type.VOID ? next : -1;
        next += returnSlot >= 0 ? returned.getSize() : 0;
        throwableSlot = throwable ? next++ : -1;
        locals = next;
        catchesThrowable = throwable;
    }

    private static boolean binds(AdviceCode.Method advice, AdviceCode.Source source) {
        for (AdviceCode.Binding binding : advice.bindings()) {
            if (binding.source() == source) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (thisCopy >= 0) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ASTORE, thisCopy);
        }
        for (int a = 0; a < arguments.length; a++) {
            if (argumentCopies[a] >= 0) {
                super.visitVarInsn(arguments[a].getOpcode(Opcodes.ILOAD), argumentSlot(a));
                super.visitVarInsn(arguments[a].getOpcode(Opcodes.ISTORE), argumentCopies[a]);
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            AdviceCode.Method enter = calls.get(i).copy().code.enter;
            if (enter != null) {
                invoke(calls.get(i), enter, At.ENTRY, i);
                Type value = Type.getReturnType(enter.descriptor());
                if (enterSlots[i] >= 0) {
                    super.visitVarInsn(value.getOpcode(Opcodes.ISTORE), enterSlots[i]);
                } else if (value.getSort() != Type.VOID) {
                    super.visitInsn(value.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
                }
            }
        }
        if (catchesThrowable) {
            super.visitLabel(tryStart);
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        List<Object> frameLocals = new ArrayList<>(Arrays.asList(local).subList(0, numLocal));
        declareNewLocals(frameLocals);
        super.visitFrame(type, frameLocals.size(), frameLocals.toArray(), numStack, stack);
    }

    /** The copies made on entry and the enter advice's values: set before the original code, never written by it. */
    private void declareNewLocals(List<Object> frame) {
        if (thisCopy >= 0) {
            declare(frame, thisCopy, shape.internalName());
        }
        for (int a = 0; a < arguments.length; a++) {
            if (argumentCopies[a] >= 0) {
                declare(frame, argumentCopies[a], frameType(arguments[a]));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            if (enterSlots[i] >= 0) {
                declare(frame, enterSlots[i], frameType(Type.getReturnType(calls.get(i).copy().code.enter
                        .descriptor())));
            }
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (returnSlot >= 0) {
                super.visitInsn(returned.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
                super.visitVarInsn(returned.getOpcode(Opcodes.ISTORE), returnSlot);
            }
            exits(At.RETURN);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (catchesThrowable) {
            Label tryEnd = new Label();
            Label handler = new Label();
            super.visitLabel(tryEnd);
            // Last in the exception table, so the method's own handlers keep their turn.
            super.visitTryCatchBlock(tryStart, tryEnd, handler, "java/lang/Throwable");
            super.visitLabel(handler);
            if (shape.hasFrames()) {
                // Only the new locals are known everywhere in the original code: the method's own may change type.
                List<Object> handlerLocals = new ArrayList<>();
                declareNewLocals(handlerLocals);
                super.visitFrame(Opcodes.F_NEW, handlerLocals.size(), handlerLocals.toArray(), 1,
                        new Object[] {"java/lang/Throwable"});
            }
            super.visitVarInsn(Opcodes.ASTORE, throwableSlot);
            exits(At.THROW);
            super.visitVarInsn(Opcodes.ALOAD, throwableSlot);
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack + extraStack(), Math.max(maxLocals, locals));
    }

    private void exits(At at) {
        for (int i = 0; i < calls.size(); i++) {
            AdviceCode.Method exit = calls.get(i).copy().code.exit;
            if (exit != null && (at == At.RETURN || exit.onThrowable())) {
                invoke(calls.get(i), exit, at, i);
                Type value = Type.getReturnType(exit.descriptor());
                if (value.getSort() != Type.VOID) {
                    super.visitInsn(value.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
                }
            }
        }
    }

    /** Loads what each of the advice's parameters is bound to, then calls its copy. */
    private void invoke(Call call, AdviceCode.Method advice, At at, int callIndex) {
        Type[] parameters = Type.getArgumentTypes(advice.descriptor());
        for (int p = 0; p < parameters.length; p++) {
            AdviceCode.Binding binding = advice.bindings().get(p);
            Type wanted = parameters[p];
            switch (binding.source()) {
                case THIS -> {
                    requireInstance(call);
                    check(call, Type.getObjectType(shape.internalName()), wanted);
                    loadThis(at);
                }
                case ARGUMENT -> {
                    if (binding.index() >= arguments.length) {
                        throw fail(call, "argument " + binding.index() + " does not exist");
                    }
                    check(call, arguments[binding.index()], wanted);
                    loadArgument(binding.index(), at);
                }
                case ALL_ARGUMENTS -> loadAllArguments(at);
                case FIELD -> {
                    FieldRef field = shape.field(binding.field());
                    if (field == null) {
                        throw fail(call, "no field " + binding.field());
                    }
                    check(call, Type.getType(field.descriptor()), wanted);
                    if (field.isStatic()) {
                        super.visitFieldInsn(Opcodes.GETSTATIC, field.owner(), field.name(), field.descriptor());
                    } else {
                        requireInstance(call);
                        loadThis(at);
                        super.visitFieldInsn(Opcodes.GETFIELD, field.owner(), field.name(), field.descriptor());
                    }
                }
                case RETURN -> {
                    if (at == At.ENTRY) {
                        throw fail(call, "the return value is read on entry");
                    }
                    if (returnSlot >= 0 && at == At.RETURN) {
                        check(call, returned, wanted);
                        super.visitVarInsn(returned.getOpcode(Opcodes.ILOAD), returnSlot);
                    } else {
                        pushDefault(mv, wanted);
                    }
                }
                case ENTER -> {
                    int slot = enterSlots[callIndex];
                    if (slot < 0 || at == At.ENTRY) {
                        pushDefault(mv, wanted);
                    } else {
                        super.visitVarInsn(wanted.getOpcode(Opcodes.ILOAD), slot);
                    }
                }
                case ORIGIN -> {
                    if (!wanted.getDescriptor().equals("Ljava/lang/Class;")) {
                        throw fail(call, "@Origin is only woven as a Class");
                    }
                    loadOwnClass();
                }
                case WEB_SOCKET_API -> {
                    if (call.webSocketNamespace() == null) {
                        throw fail(call, "@WebSocketApi outside a WebSocket namespace");
                    }
                    super.visitLdcInsn(call.webSocketNamespace());
                }
                default -> throw fail(call, "unknown binding " + binding.source());
            }
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, shape.internalName(), call.copy().nameOf(advice),
                advice.descriptor(), shape.isInterface());
    }

    private void loadThis(At at) {
        super.visitVarInsn(Opcodes.ALOAD, at != At.ENTRY && thisCopy >= 0 ? thisCopy : 0);
    }

    private void loadArgument(int index, At at) {
        int slot = at != At.ENTRY && argumentCopies[index] >= 0 ? argumentCopies[index] : argumentSlot(index);
        super.visitVarInsn(arguments[index].getOpcode(Opcodes.ILOAD), slot);
    }

    /** The hooked class: a class constant where the class file version has them (49, Java 5), else by name. */
    private void loadOwnClass() {
        if (shape.version() >= Opcodes.V1_5) {
            super.visitLdcInsn(Type.getObjectType(shape.internalName()));
        } else {
            super.visitLdcInsn(Type.getObjectType(shape.internalName()).getClassName());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                    "(Ljava/lang/String;)Ljava/lang/Class;", false);
        }
    }

    private void loadAllArguments(At at) {
        super.visitLdcInsn(arguments.length);
        super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < arguments.length; i++) {
            super.visitInsn(Opcodes.DUP);
            super.visitLdcInsn(i);
            loadArgument(i, at);
            box(arguments[i]);
            super.visitInsn(Opcodes.AASTORE);
        }
    }

    private void box(Type type) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            return;
        }
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.BYTE -> "java/lang/Byte";
            case Type.CHAR -> "java/lang/Character";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            default -> "java/lang/Double";
        };
        super.visitMethodInsn(Opcodes.INVOKESTATIC, boxed, "valueOf",
                "(" + type.getDescriptor() + ")L" + boxed + ";", false);
    }

    private int argumentSlot(int index) {
        int slot = method.isStatic() ? 0 : 1;
        for (int i = 0; i < index; i++) {
            slot += arguments[i].getSize();
        }
        return slot;
    }

    private void requireInstance(Call call) {
        if (method.isStatic()) {
            throw fail(call, "a static method has no this");
        }
    }

    /** A value of {@code from} must be a valid argument for {@code to}, or the class would not verify. */
    private void check(Call call, Type from, Type to) {
        boolean references = (from.getSort() == Type.OBJECT || from.getSort() == Type.ARRAY)
                && (to.getSort() == Type.OBJECT || to.getSort() == Type.ARRAY);
        boolean assignable = references ? shape.isAssignable(from.getInternalName(), to.getInternalName())
                : from.equals(to);
        if (!assignable) {
            throw fail(call, from.getClassName() + " is not a " + to.getClassName());
        }
    }

    private IllegalStateException fail(Call call, String why) {
        return new IllegalStateException(call.copy().code.className + " in " + method.name() + ": " + why);
    }

    /**
     * Sets local {@code slot} of a frame in ASM's expanded form, where a long or a double is one entry for two
     * slots, padding with unknown (top) locals as needed.
     */
    private static void declare(List<Object> frame, int slot, Object type) {
        List<Object> slots = new ArrayList<>(); // one per slot: null for the second half of a long or double
        for (Object entry : frame) {
            slots.add(entry);
            if (entry == Opcodes.LONG || entry == Opcodes.DOUBLE) {
                slots.add(null);
            }
        }
        boolean wide = type == Opcodes.LONG || type == Opcodes.DOUBLE;
        while (slots.size() < slot + (wide ? 2 : 1)) {
            slots.add(Opcodes.TOP);
        }
        if (slots.get(slot) == null) {
            slots.set(slot - 1, Opcodes.TOP); // the long or double this slot was half of is gone
        }
        Object replaced = slots.get(slot);
        slots.set(slot, type);
        if (wide) {
            Object second = slots.get(slot + 1);
            if (second == Opcodes.LONG || second == Opcodes.DOUBLE) {
                slots.set(slot + 2, Opcodes.TOP);
            }
            slots.set(slot + 1, null);
        } else if (replaced == Opcodes.LONG || replaced == Opcodes.DOUBLE) {
            slots.set(slot + 1, Opcodes.TOP);
        }
        frame.clear();
        for (Object entry : slots) {
            if (entry != null) {
                frame.add(entry);
            }
        }
    }

    private static Object frameType(Type type) {
        return switch (type.getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.LONG -> Opcodes.LONG;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> type.getInternalName();
        };
    }

    /** Room for the most any call loads: every parameter, an array being filled, a return value kept. */
    private int extraStack() {
        int most = 0;
        for (Call call : calls) {
            for (AdviceCode.Method advice : new AdviceCode.Method[] {call.copy().code.enter, call.copy().code.exit}) {
                if (advice != null) {
                    most = Math.max(most, (Type.getArgumentsAndReturnSizes(advice.descriptor()) >> 2) + 5);
                }
            }
        }
        return most + 2;
    }

    /** The default value of {@code type}: what suppressed advice returns, and what {@code @Return} reads on a throw. */
    static void pushDefault(MethodVisitor visitor, Type type) {
        switch (type.getSort()) {
            case Type.VOID -> {
            }
            case Type.LONG -> visitor.visitInsn(Opcodes.LCONST_0);
            case Type.FLOAT -> visitor.visitInsn(Opcodes.FCONST_0);
            case Type.DOUBLE -> visitor.visitInsn(Opcodes.DCONST_0);
            case Type.OBJECT, Type.ARRAY -> visitor.visitInsn(Opcodes.ACONST_NULL);
            default -> visitor.visitInsn(Opcodes.ICONST_0);
        }
    }
}
