package example.handwritten;

/** The GUID as a constant for others (compiled into the classes that use it): no code of its own uses it. */
public interface GuidConstants {
    String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
}
