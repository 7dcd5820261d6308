package example.handwritten;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The GUID kept as bytes by the class initializer (as Tomcat does): the method reads the field, not the constant. */
public class KeptAsBytes {
    private static final byte[] MAGIC = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "not the GUID".getBytes(StandardCharsets.US_ASCII);

    public String accept(String key) throws NoSuchAlgorithmException {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(key.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1.digest(MAGIC));
    }

    public int other() {
        return OTHER.length;
    }
}
