package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.MethodCode;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The string constants of one class file: whether it holds one at all (its constant pool, read without parsing any
 * code), and which of its methods load it ({@link MethodCode}: their code, parsed once, when first asked). A constant
 * counts as held and loaded inside a longer string too: javac 9 and later compile {@code key + GUID} to an
 * {@code invokedynamic} whose recipe (the GUID after a placeholder) is the only string that method refers to.
 */
final class ClassStrings implements MethodCode {
    private static final int CONSTANT_STRING = 8;

    private final ClassReader reader;
    /** Method name and descriptor to the string constants its code loads; null until asked. */
    private Map<String, Set<String>> loaded;

    ClassStrings(ClassReader reader) {
        this.reader = reader;
    }

    /** Whether the class file's constant pool holds a string (what {@code ldc} loads) with {@code constant} in it. */
    static boolean holds(ClassReader reader, String constant) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            // A long or double takes two entries, the second without an offset.
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_STRING
                    && reader.readUTF8(offset, buffer).contains(constant)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean loadsString(String methodName, String descriptor, String constant) {
        if (loaded == null) {
            loaded = read();
        }
        for (String loadedString : loaded.getOrDefault(methodName + descriptor, Set.of())) {
            if (loadedString.contains(constant)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each method's {@code ldc} strings and string concatenation recipes, and the strings of the static fields of this
     * class it reads whose initializer stored them (a constant kept as {@code static final byte[] KEY =
     * "...".getBytes()}).
     */
    private Map<String, Set<String>> read() {
        String owner = reader.getClassName();
        Map<String, Set<String>> constants = new HashMap<>();
        Map<String, Set<String>> staticsRead = new HashMap<>();
        Map<String, Set<String>> fieldStrings = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Set<String> own = new HashSet<>();
                Set<String> statics = new HashSet<>();
                constants.put(name + descriptor, own);
                staticsRead.put(name + descriptor, statics);
                boolean initializer = name.equals("<clinit>");
                return new MethodVisitor(Opcodes.ASM9) {
                    /** In the initializer: the strings loaded since the last static field was set. */
                    private final Set<String> unstored = new HashSet<>();

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof String string) {
                            own.add(string);
                            unstored.add(string);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                                                       Object... arguments) {
                        for (Object argument : arguments) {
                            visitLdcInsn(argument);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String fieldOwner, String field, String fieldDescriptor) {
                        if (!fieldOwner.equals(owner)) {
                            return;
                        }
                        if (opcode == Opcodes.GETSTATIC) {
                            statics.add(field);
                        } else if (opcode == Opcodes.PUTSTATIC && initializer) {
                            fieldStrings.computeIfAbsent(field, f -> new HashSet<>()).addAll(unstored);
                            unstored.clear();
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        for (Map.Entry<String, Set<String>> method : staticsRead.entrySet()) {
            for (String field : method.getValue()) {
                constants.get(method.getKey()).addAll(fieldStrings.getOrDefault(field, Set.of()));
            }
        }
        return constants;
    }
}
