package io.closewatch.agent.weaving;

import net.bytebuddy.jar.asm.ClassReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The string constants a class holds and its methods load, as javac of today writes them (indy concatenation). */
class ClassStringsTest {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String STRING_TO_STRING = "(Ljava/lang/String;)Ljava/lang/String;";

    private static ClassReader compiled(String simpleName, String source) {
        return new ClassReader(WeaverCorpusTest.compile(simpleName, source, "17").get(simpleName));
    }

    @Test
    void aConstantConcatenatedByInvokedynamicIsLoadedByTheMethodThatConcatenates() {
        ClassReader reader = compiled("Concatenating", """
                public class NAME {
                    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
                    String viaField(String key) { return key + GUID; }
                    String inline(String key) { return key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; }
                    String echo(String text) { return text + "!"; }
                }
                """);
        assertTrue(ClassStrings.holds(reader, GUID));
        ClassStrings strings = new ClassStrings(reader);
        assertTrue(strings.loadsString("viaField", STRING_TO_STRING, GUID));
        assertTrue(strings.loadsString("inline", STRING_TO_STRING, GUID));
        assertFalse(strings.loadsString("echo", STRING_TO_STRING, GUID));
    }

    @Test
    void aClassThatOnlyConcatenatesTheConstantHoldsIt() {
        ClassReader reader = compiled("OnlyARecipe", """
                public class NAME {
                    String accept(String key) { return key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; }
                }
                """);
        assertTrue(ClassStrings.holds(reader, GUID));
        assertFalse(ClassStrings.holds(reader, "something else"));
    }
}
