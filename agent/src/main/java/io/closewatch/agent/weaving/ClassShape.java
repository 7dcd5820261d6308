package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.MethodView;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.List;

/** What the weaver needs of the class being hooked: its methods, fields, version, and where to look further up. */
record ClassShape(ClassFileType type, ClassReader reader, ClassLoader loader) {
    String internalName() {
        return reader.getClassName();
    }

    boolean isInterface() {
        return type.isInterface();
    }

    List<MethodView> methods() {
        return type.members().methods();
    }

    int version() {
        return reader.readUnsignedShort(6);
    }

    /** The method's own locals, read from its code (the only member whose code is parsed). */
    int maxLocals(MethodView method) {
        int[] maxLocals = new int[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return !name.equals(method.name()) || !descriptor.equals(method.descriptor()) ? null
                        : new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitMaxs(int maxStack, int locals) {
                                maxLocals[0] = locals;
                            }
                        };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return maxLocals[0];
    }

    boolean hasFrames() {
        return version() >= Opcodes.V1_6;
    }

    /** The field {@code name} of this class or the nearest super class that declares it; null if none does. */
    FieldRef field(String name) {
        FieldRef own = type.members().fields().get(name);
        if (own != null) {
            return own;
        }
        String next = reader.getSuperName();
        while (next != null && !next.equals("java/lang/Object")) {
            ClassReader superClass = ClassFileType.read(loader, next);
            if (superClass == null) {
                return null;
            }
            FieldRef[] found = new FieldRef[1];
            String owner = next;
            superClass.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature,
                                               Object value) {
                    if (fieldName.equals(name) && (access & Opcodes.ACC_PRIVATE) == 0) {
                        found[0] = new FieldRef(owner, fieldName, descriptor, (access & Opcodes.ACC_STATIC) != 0);
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            if (found[0] != null) {
                return found[0];
            }
            next = superClass.getSuperName();
        }
        return null;
    }

    /** Whether a value of {@code from} (internal name) may be passed where {@code to} is expected. */
    boolean isAssignable(String from, String to) {
        if (from.equals(to) || to.equals("java/lang/Object")) {
            return true;
        }
        ClassReader type = from.equals(internalName()) ? reader : ClassFileType.read(loader, from);
        return type != null && new ClassFileType(type, loader).hasSuperType(to.replace('/', '.'));
    }
}
