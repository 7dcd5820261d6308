package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.MethodView;
import io.closewatch.agent.instrumentation.TypeView;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A type about to load, as its class file shows it. Its super types are read from the class files its loader
 * serves, header only, and remembered per loader (without keeping the loader alive), as Byte Buddy's type pool
 * would; a super type whose class file cannot be read matches nothing.
 */
final class ClassFileType implements TypeView {
    /** Per loader: internal name to its direct super types' internal names (empty when unreadable). */
    private static final PerLoader<List<String>> HEADERS = new PerLoader<>();

    private final ClassReader reader;
    private final ClassLoader loader;
    private Members members;

    /** What the type declares itself. */
    record Members(List<MethodView> methods, Map<String, FieldRef> fields) {
    }

    ClassFileType(ClassReader reader, ClassLoader loader) {
        this.reader = reader;
        this.loader = loader;
    }

    @Override
    public String name() {
        return reader.getClassName().replace('/', '.');
    }

    @Override
    public boolean isInterface() {
        return (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
    }

    @Override
    public boolean declaresMethod(String methodName) {
        for (MethodView method : members().methods()) {
            if (method.name().equals(methodName)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean holdsString(String constant) {
        return ClassStrings.holds(reader, constant);
    }

    /** Read once, without any code (which a {@link io.closewatch.agent.instrumentation.MethodCode} reads if asked). */
    Members members() {
        if (members == null) {
            List<MethodView> methods = new ArrayList<>();
            Map<String, FieldRef> fields = new HashMap<>();
            String owner = reader.getClassName();
            ClassStrings strings = new ClassStrings(reader);
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                                               Object value) {
                    fields.put(name, new FieldRef(owner, name, descriptor,
                            (access & Opcodes.ACC_STATIC) != 0));
                    return null;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    methods.add(new MethodView(name, descriptor, access, strings));
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            members = new Members(methods, fields);
        }
        return members;
    }

    @Override
    public boolean hasSuperType(String typeName) {
        String wanted = typeName.replace('.', '/');
        Deque<String> pending = new ArrayDeque<>(directSuperTypes(reader));
        if (reader.getClassName().equals(wanted)) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (next.equals(wanted)) {
                return true;
            }
            // The JDK's types extend only the JDK's: none of them leads to a library's type.
            if (!(next.startsWith("java/") && !wanted.startsWith("java/")) && seen.add(next)) {
                pending.addAll(header(next));
            }
        }
        return false;
    }

    private static List<String> directSuperTypes(ClassReader reader) {
        List<String> types = new ArrayList<>();
        if (reader.getSuperName() != null) {
            types.add(reader.getSuperName());
        }
        Collections.addAll(types, reader.getInterfaces());
        return types;
    }

    private List<String> header(String internalName) {
        Map<String, List<String>> known = HEADERS.of(loader);
        List<String> header = known.get(internalName);
        if (header == null) {
            header = readHeader(internalName);
            known.put(internalName, header);
        }
        return header;
    }

    private List<String> readHeader(String internalName) {
        ClassReader type = read(loader, internalName);
        return type == null ? List.of() : directSuperTypes(type); // unreadable: nothing above it is known
    }

    /** The class file {@code loader} (null: the bootstrap loader) serves for {@code internalName}, or null. */
    static ClassReader read(ClassLoader loader, String internalName) {
        ClassLoader source = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        try (InputStream in = source.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : new ClassReader(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
