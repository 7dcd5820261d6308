package io.closewatch.containers.host;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Vert.x (5, and 4.5) on both sides: an {@code HttpServer} (and one with an idle timeout of a second) whose WebSocket
 * handler closes with the code a "close:&lt;code&gt;" message asks for, throws on "throw" and answers "echo" with
 * "echo", its {@code WebSocketClient}, and raw-socket peers, on 127.0.0.1. Reads one scenario per line, plays it, answers "DONE" once every session it started has ended
 * (as ItHost does), and stops on "exit".
 */
public final class VertxHost {
    /** More than a Vert.x server takes in one message by default (4 frames of 65,536 bytes). */
    private static final int TOO_BIG = 300_000;

    private final Vertx vertx = Vertx.vertx();
    private final WebSocketClient client = vertx.createWebSocketClient();
    private final int serverPort;
    private final int idleServerPort;

    private VertxHost(int serverPort, int idleServerPort) {
        this.serverPort = serverPort;
        this.idleServerPort = idleServerPort;
    }

    public static void main(String[] args) throws Exception {
        Vertx serverVertx = Vertx.vertx();
        HttpServer server = get(serverVertx.createHttpServer().webSocketHandler(ws -> serve(ws)).listen(0, "127.0.0.1"));
        HttpServer idleServer = get(serverVertx.createHttpServer(new HttpServerOptions().setIdleTimeout(1)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)).webSocketHandler(ws -> serve(ws)).listen(0, "127.0.0.1"));
        VertxHost host = new VertxHost(server.actualPort(), idleServer.actualPort());
        System.out.println("READY server=" + server.actualPort() + " idle=" + idleServer.actualPort() + " raw="
                + RawPeer.port());
        ((Scenarios) host::run).playFromStandardInput();
        get(host.vertx.close());
        get(serverVertx.close());
    }

    /**
     * The server's handler. Through {@code WebSocketBase}, whose methods have the same signature in Vert.x 4.5 and 5
     * (the server's own differ), so that one host runs on both.
     */
    private static void serve(WebSocketBase ws) {
        ws.textMessageHandler(text -> {
            if (text.startsWith("close:")) {
                ws.close(Short.parseShort(text.substring("close:".length())), "asked to");
            }
            if (text.equals("throw")) {
                throw new IllegalStateException("the handler fails, as asked");
            }
            if (text.equals("echo")) {
                ws.writeTextMessage("echo");
            }
        });
    }

    private void run(String[] command) throws Exception {
        switch (command[0]) {
            case "client-close": // <code> <path>: Vert.x's client closes
                session(serverPort, command[2], ws -> ws.close(Short.parseShort(command[1]), "bye"));
                break;
            case "server-close": // <code> <path>: the server closes Vert.x's client's session
                session(serverPort, command[2], ws -> ws.writeTextMessage("close:" + command[1]));
                break;
            case "server-throws": // <path>: the server's handler throws on the client's message, then the client closes
                session(serverPort, command[1], ws -> {
                    ws.writeTextMessage("throw");
                    ws.close((short) 1000, "bye");
                });
                break;
            case "client-throws": // <path>: the client's handler throws on the server's message, then the client closes
                session(serverPort, command[1], ws -> {
                    CountDownLatch threw = new CountDownLatch(1);
                    ws.textMessageHandler(text -> {
                        threw.countDown();
                        throw new IllegalStateException("the client's handler fails, as asked");
                    });
                    ws.writeTextMessage("echo");
                    try {
                        ItHost.await(threw, "the Vert.x client's handler");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ws.close((short) 1000, "bye"); // on the event loop, after the handler's throw
                });
                break;
            case "client-idle": // <path>: the client stays silent until the idle server's timeout (1 s) ends it
                session(idleServerPort, command[1], ws -> { });
                break;
            case "client-too-big": // <path>: the client sends a message over the server's limit, then closes 1000
                session(serverPort, command[1], ws -> {
                    ws.writeTextMessage("x".repeat(TOO_BIG));
                    ws.close((short) 1000, "bye");
                });
                break;
            case "raw-peer": // <action>: the raw server ends Vert.x's client's session (see RawPeerServer)
                session(RawPeer.port(), "/" + command[1], ws -> { });
                break;
            case "raw-client": // <action> <path>: a raw client ends its session with Vert.x's server
                RawWebSocket.playClient(serverPort, command[1], command[2]);
                break;
            case "concurrent": // <sessions> <path>: client closes 1000 and server closes 4001, in turn, at once
                AtOnce.play(Integer.parseInt(command[1]), i -> session(serverPort, command[2], ws -> {
                    if (i % 2 == 0) {
                        ws.close((short) 1000, "bye");
                    } else {
                        ws.writeTextMessage("close:4001");
                    }
                }));
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + command[0]);
        }
    }

    /**
     * Opens a client session to {@code path}, acts on it, and waits until its close handler ran (set before the
     * connect: a peer may close at once).
     */
    private void session(int port, String path, Consumer<WebSocketBase> action) throws Exception {
        ClientWebSocket webSocket = client.webSocket();
        CountDownLatch closed = new CountDownLatch(1);
        ((WebSocketBase) webSocket).closeHandler(ignored -> closed.countDown());
        get(webSocket.connect(port, "127.0.0.1", path));
        action.accept(webSocket);
        ItHost.await(closed, "Vert.x client session to " + port + path);
    }

    private static <T> T get(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(ItHost.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
