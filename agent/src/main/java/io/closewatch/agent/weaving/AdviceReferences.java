package io.closewatch.agent.weaving;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * What an advice's code refers to (types, methods and fields of the hooked library, the bridge), checked against
 * the class loader of the class it is about to go into, before that class is changed: the agent's muzzle, after
 * OpenTelemetry's. A library version whose types or members differ from those the advice was written against would
 * otherwise throw a {@link LinkageError} inside the advice on every call; refused here, the class loads unchanged
 * and the stack is reported as not counted. Class files are read through the loader, as the weaver's type matching
 * reads them, and remembered per loader (weakly). The JDK's own types ({@code java/}) are taken as they are: the
 * agent needs Java 17, and their members do not disappear. Both weavers run it ({@link HookWeaver},
 * {@link ByteBuddyHooks}).
 */
final class AdviceReferences {
    /** The bridge's package: in the bootstrap loader, which every class loader must reach for the advice to work. */
    private static final String BRIDGE_PACKAGE = "io/closewatch/agent/bootstrap/";

    /** Per loader: a type's members as read, or {@link #MISSING}. */
    private static final PerLoader<Members> TYPES = new PerLoader<>();
    /** Per loader: whether it resolves the bridge to the agent's own. */
    private static final Map<ClassLoader, Boolean> SEES_BRIDGE = new WeakHashMap<>();
    private static final Members MISSING = new Members(null, List.of(), Set.of(), Set.of());

    /** A type's super types and own members, {@code name + descriptor} for methods, the name for fields. */
    private record Members(String superName, List<String> interfaces, Set<String> methods, Set<String> fields) {
    }

    /** What one advice class refers to, read once from its code. */
    private final Set<String> types = new LinkedHashSet<>();
    private final Set<List<String>> methods = new LinkedHashSet<>();
    private final Set<List<String>> fields = new LinkedHashSet<>();
    /** The class file version the advice's code needs at least (invokedynamic, interface static calls, ...). */
    private int versionNeeded;

    private AdviceReferences() {
    }

    /** The references of the methods {@code code} weaves. */
    static AdviceReferences of(AdviceCode code) {
        AdviceReferences references = new AdviceReferences();
        new ClassReader(code.classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                boolean woven = code.enter != null && code.enter.name().equals(name)
                        && code.enter.descriptor().equals(descriptor)
                        || code.exit != null && code.exit.name().equals(name)
                        && code.exit.descriptor().equals(descriptor);
                if (!woven) {
                    return null;
                }
                references.descriptorTypes(descriptor);
                return references.new Reader();
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return references;
    }

    /**
     * @param hookedName   the internal name of the class being woven
     * @param hookedClass  its class file (it may not be readable through its loader yet), or null: read through it
     * @param loader       its class loader, null for the bootstrap loader
     * @param version      its class file version
     * @param bridge       the bridge as the agent defined it
     * @throws IllegalStateException naming the first reference that does not hold
     */
    void check(String hookedName, ClassReader hookedClass, ClassLoader loader, int version, Class<?> bridge) {
        Members hooked = hookedClass == null ? null : read(hookedClass); // once, however often the advice names it
        if (version < versionNeeded) {
            throw new IllegalStateException("the advice needs class file version " + versionNeeded
                    + " (Java " + (versionNeeded - 44) + ") features; the class has " + version);
        }
        // Every advice reaches the bridge: what it reports, and what its catch-all hands a throwable to.
        if (!seesBridge(loader, bridge)) {
            throw new IllegalStateException("its class loader does not see the agent's bridge " + bridge.getName()
                    + " (a loader that does not delegate to the bootstrap loader)");
        }
        for (String type : types) {
            if (!type.startsWith(BRIDGE_PACKAGE) && members(type, hookedName, hooked, loader) == MISSING) {
                throw new IllegalStateException("the advice refers to " + type.replace('/', '.')
                        + ", which its class loader does not have");
            }
        }
        for (List<String> method : methods) {
            if (!has(method.get(0), method.get(1) + method.get(2), true, hookedName, hooked, loader, new HashSet<>())) {
                throw new IllegalStateException("the advice calls " + method.get(0).replace('/', '.') + "."
                        + method.get(1) + method.get(2) + ", which does not exist in the version loaded");
            }
        }
        for (List<String> field : fields) {
            if (!has(field.get(0), field.get(1), false, hookedName, hooked, loader, new HashSet<>())) {
                throw new IllegalStateException("the advice reads " + field.get(0).replace('/', '.') + "."
                        + field.get(1) + ", which does not exist in the version loaded");
            }
        }
    }

    /** Whether {@code owner} or one of its super types declares the member; the JDK's own types are not in question. */
    private static boolean has(String owner, String member, boolean method, String hookedName, Members hooked,
                               ClassLoader loader, Set<String> seen) {
        if (isJdk(owner) || owner.startsWith(BRIDGE_PACKAGE) || owner.startsWith("[")) {
            return true; // the JDK's members, the bridge's and arrays' (clone, length)
        }
        return declares(owner, member, method, hookedName, hooked, loader, seen);
    }

    /** Whether {@code type} or one of its super types (the JDK's included: they are read too) declares the member. */
    private static boolean declares(String type, String member, boolean method, String hookedName,
                                    Members hooked, ClassLoader loader, Set<String> seen) {
        if (!seen.add(type)) {
            return false;
        }
        // The JDK's types are the bootstrap loader's, whatever loader asks.
        Members members = isJdk(type) ? members(type, hookedName, hooked, null) : members(type, hookedName, hooked,
                loader);
        if (members == MISSING) {
            return false;
        }
        if ((method ? members.methods() : members.fields()).contains(member)) {
            return true;
        }
        List<String> up = new ArrayList<>(members.interfaces());
        if (members.superName() != null) {
            up.add(0, members.superName());
        }
        for (String superType : up) {
            if (declares(superType, member, method, hookedName, hooked, loader, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(String internalName) {
        return internalName.startsWith("java/");
    }

    /** {@code type}'s members: the class being woven's as given, any other's as its loader serves it. */
    private static Members members(String type, String hookedName, Members hooked, ClassLoader loader) {
        if (type.equals(hookedName) && hooked != null) {
            return hooked;
        }
        Map<String, Members> known = TYPES.of(loader);
        Members members = known.get(type);
        if (members == null) {
            // Read outside any lock of ours: the loader's own code runs here.
            ClassReader reader = ClassFileType.read(loader, type);
            members = reader == null ? MISSING : read(reader);
            known.put(type, members);
        }
        return members;
    }

    private static Members read(ClassReader reader) {
        Set<String> methods = new HashSet<>();
        Set<String> fields = new HashSet<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                           Object value) {
                fields.add(name);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                methods.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        List<String> interfaces = new ArrayList<>();
        Collections.addAll(interfaces, reader.getInterfaces());
        return new Members(reader.getSuperName(), interfaces, methods, fields);
    }

    /** Outside any lock of ours: the loader's own code runs here. */
    private static boolean seesBridge(ClassLoader loader, Class<?> bridge) {
        if (loader == null) {
            return bridge.getClassLoader() == null;
        }
        Boolean known;
        synchronized (SEES_BRIDGE) {
            known = SEES_BRIDGE.get(loader);
        }
        if (known == null) {
            try {
                known = Class.forName(bridge.getName(), false, loader) == bridge;
            } catch (ClassNotFoundException | LinkageError e) {
                known = false;
            }
            synchronized (SEES_BRIDGE) {
                SEES_BRIDGE.put(loader, known);
            }
        }
        return known;
    }

    private void type(String internalName) {
        if (internalName.startsWith("[")) {
            descriptorTypes(internalName);
        } else if (!isJdk(internalName)) {
            types.add(internalName);
        }
    }

    /** The object types a descriptor (of a method, a field or an array) names. */
    private void descriptorTypes(String descriptor) {
        Type type = Type.getType(descriptor);
        Type[] all = type.getSort() == Type.METHOD ? concat(type.getArgumentTypes(), type.getReturnType())
                : new Type[] {type};
        for (Type t : all) {
            Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
            if (element.getSort() == Type.OBJECT) {
                type(element.getInternalName());
            }
        }
    }

    private static Type[] concat(Type[] arguments, Type returned) {
        Type[] all = new Type[arguments.length + 1];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = returned;
        return all;
    }

    private void needs(int version) {
        versionNeeded = Math.max(versionNeeded, version);
    }

    /** Collects one advice method's references. */
    private final class Reader extends MethodVisitor {
        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            type(type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            type(owner);
            fields.add(List.of(owner, name));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            type(owner);
            descriptorTypes(descriptor);
            methods.add(List.of(owner, name, descriptor));
            if (isInterface && opcode != Opcodes.INVOKEINTERFACE) {
                needs(Opcodes.V1_8); // a static or private method of an interface
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            needs(Opcodes.V1_7);
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Type type) {
                if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                    type(type.getInternalName());
                } else {
                    needs(Opcodes.V1_7); // a method type
                }
            } else if (value instanceof Handle) {
                needs(Opcodes.V1_7);
            } else if (value instanceof ConstantDynamic) {
                needs(Opcodes.V11);
            }
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            descriptorTypes(descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                type(type);
            }
        }
    }
}
