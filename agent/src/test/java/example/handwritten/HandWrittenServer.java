package example.handwritten;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A WebSocket server written by hand: it answers the opening handshake with the accept key (RFC 6455 4.2.2). */
public class HandWrittenServer {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public String accept(String key) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
    }

    /** A client's check of the server's answer: throws when it is wrong, so no handshake completed. */
    public void checkAccept(String key, String answer) throws NoSuchAlgorithmException {
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        if (!expected.equals(answer)) {
            throw new IllegalStateException("wrong accept key");
        }
    }

    /** What has nothing to do with the handshake. */
    public String echo(String text) {
        return text;
    }
}
