package io.closewatch.containers.host;


import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The JVM the integration tests attach the agent to: a container (see {@link ServerUnderTest}) serving the
 * endpoints of {@link ServerEndpoints}, a raw-socket peer, the JDK client and the container's own client.
 * It reads one scenario per line on stdin ({@link Scenarios}),
 * plays it on loopback, and answers "DONE" once every client it started has seen its session end; the test then
 * reads the agent's /metrics. It knows nothing of the agent.
 */
public final class ItHost {
    static final long TIMEOUT_SECONDS = 20;

    private final int serverPort;
    private final HttpClient httpClient = HttpClient.newHttpClient();
    /** Sessions kept open by "hold" until "release", with the latch each one's listener counts down. */
    private final List<WebSocket> held = new ArrayList<>();
    private final List<CountDownLatch> heldEnded = new ArrayList<>();

    private final ServerUnderTest server;
    private final ContainerClient client;
    /** Made on first use: only some runtimes have OkHttp. */
    private OkHttpSessions okHttp;
    private WeakReference<ClassLoader> webappLoader;

    private ItHost(ServerUnderTest server, ContainerClient client, int serverPort) {
        this.server = server;
        this.client = client;
        this.serverPort = serverPort;
    }

    /** @param args the container to serve the endpoints on, as {@link ServerUnderTest#named} knows it */
    public static void main(String[] args) throws Exception {
        try (ServerUnderTest server = ServerUnderTest.named(args[0]); ContainerClient client = server.client()) {
            ItHost host = new ItHost(server, client, server.start());
            System.out.println("READY container=" + args[0] + " server=" + host.serverPort + " raw=" + RawPeer.port());
            ((Scenarios) host::run).playFromStandardInput();
            if (host.okHttp != null) {
                host.okHttp.close();
            }
        }
    }

    private void run(String[] command) throws Exception {
        switch (command[0]) {
            case "jdk-client-close": // <code> <path>: the JDK client closes
                jdk(command[2], (ws, ended) -> ws.sendClose(Integer.parseInt(command[1]), "bye"));
                break;
            case "jdk-server-close": // <code> <path>: the server closes the JDK client's session
                jdk(command[2], (ws, ended) -> ws.sendText("close:" + command[1], true));
                break;
            case "jdk-abort": // <path>
                jdk(command[1], (ws, ended) -> {
                    ws.abort();
                    ended.countDown(); // abort() calls no listener method
                });
                break;
            case "jdk-idle": // <path>: the JDK client stays silent until the server's idle timeout ends the session
                jdk(command[1], (ws, ended) -> { });
                break;
            case "jdk-throw": // <path>: the server's message handler throws; the container ends the session
                jdk(command[1], (ws, ended) -> ws.sendText("throw", true));
                break;
            case "jdk-throw-kinds": // <count> <path>: one session per kind of exception its handler throws
                for (int i = 0; i < Integer.parseInt(command[1]); i++) {
                    String message = "throw:" + i;
                    jdk(command[2], (ws, ended) -> ws.sendText(message, true));
                }
                break;
            case "jdk-send-text": // <length> <path>: the JDK client sends one text message, the server closes
                jdk(command[2], (ws, ended) -> ws.sendText("x".repeat(Integer.parseInt(command[1])), true));
                break;
            case "jdk-raw-peer": // <action>: the raw server ends the JDK client's session (see RawPeerServer)
                jdkSession(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/" + command[1]), (ws, ended) -> { });
                break;
            case "jdk-listener-throws": // the JDK client's listener throws on the raw server's message
                CountDownLatch failed = new CountDownLatch(1);
                open(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/text"), new EndListener(failed, true));
                await(failed, "JDK client session whose listener throws");
                break;
            case "container-client-close": // <code> <path>: the container's own client closes
                client.close(serverUri(command[2]), Integer.parseInt(command[1]));
                break;
            case "container-server-close": // <code> <path>: the server closes the container's client's session
                client.askServerToClose(serverUri(command[2]), Integer.parseInt(command[1]));
                break;
            case "container-client-fails": // <path>: the container's client's handler throws on the server's message
                client.failOnMessage(serverUri(command[1]));
                break;
            case "container-client-too-big": // <path>: the server sends more than the client takes; it closes (1009)
                client.receiveTooBig(serverUri(command[1]));
                break;
            case "raw-client": // <action> <path>: a raw client ends its session with the container
                rawClient(command[1], command[2]);
                break;
            case "raw-client-codes": // <first code> <count> <path>: one raw session per code, one after the other
                for (int i = 0; i < Integer.parseInt(command[2]); i++) {
                    rawClient("close/" + (Integer.parseInt(command[1]) + i), command[3]);
                }
                break;
            case "hold": // <sessions> <path>: open JDK client sessions and keep them open
                for (int i = 0; i < Integer.parseInt(command[1]); i++) {
                    CountDownLatch ended = new CountDownLatch(1);
                    held.add(open(serverUri(command[2]), ended));
                    heldEnded.add(ended);
                }
                break;
            case "release": // <code>: close every held session from the client side
                for (int i = 0; i < held.size(); i++) {
                    held.get(i).sendClose(Integer.parseInt(command[1]), "bye");
                    await(heldEnded.get(i), "held session " + i);
                }
                held.clear();
                heldEnded.clear();
                break;
            case "okhttp-client-close": // <code> <path>: OkHttp's client closes
                okHttp().clientCloses(serverUri(command[2]), Integer.parseInt(command[1]));
                break;
            case "okhttp-server-close": // <code> <path>: the server closes OkHttp's session
                okHttp().askServerToClose(serverUri(command[2]), Integer.parseInt(command[1]));
                break;
            case "okhttp-cancel": // <path>
                okHttp().cancel(serverUri(command[1]));
                break;
            case "okhttp-raw-peer": // <action>: the raw server ends OkHttp's session (see RawPeerServer)
                okHttp().peerEnds(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/" + command[1]));
                break;
            case "okhttp-listener-throws": // OkHttp's listener throws on the raw server's message
                okHttp().listenerThrows(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/text"));
                break;
            case "okhttp-ping-timeout": // the raw server answers no ping: OkHttp's ping timeout fails the session
                okHttp().pingTimesOut(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/silent"));
                break;
            case "okhttp-concurrent": // <sessions> <path>: OkHttp's client closes 1000, server closes 4001, cancel
                URI target = serverUri(command[2]);
                concurrent(Integer.parseInt(command[1]), kind -> {
                    if (kind == 0) {
                        okHttp().clientCloses(target, 1000);
                    } else if (kind == 1) {
                        okHttp().askServerToClose(target, 4001);
                    } else {
                        okHttp().cancel(target);
                    }
                });
                break;
            case "webapp-deploy": // Tomcat only: a web application with its own class loader at /app
                webappLoader = ((TomcatServer) server).deployWebapp("/app");
                break;
            case "webapp-undeploy": // Tomcat only: remove it; fails unless its class loader can be collected
                ((TomcatServer) server).undeployWebapp("/app");
                for (int i = 0; i < 100 && webappLoader.get() != null; i++) {
                    System.gc();
                    Thread.sleep(100);
                }
                if (webappLoader.get() != null) {
                    throw new AssertionError("the web application's class loader is still reachable after undeploy");
                }
                break;
            case "redefine": // <marker>: ProgrammaticEndpoint redefined, its onClose saying <marker> (compiled: onClose-v1)
                Redefiner.redefine(ServerEndpoints.ProgrammaticEndpoint.class, "onClose-v1", command[1]);
                break;
            case "on-close-said": // <path>: prints which version of ProgrammaticEndpoint.onClose ran for <path>'s session
                System.out.println("ON_CLOSE_SAID " + command[1] + " " + ServerEndpoints.ON_CLOSE_SAID.get(command[1]));
                break;
            case "concurrent": // <sessions> <path>: mixed endings, all at once
                concurrent(Integer.parseInt(command[1]), command[2]);
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + command[0]);
        }
    }

    private interface JdkAction {
        void act(WebSocket webSocket, CountDownLatch ended) throws Exception;
    }

    private void jdk(String path, JdkAction action) throws Exception {
        jdkSession(serverUri(path), action);
    }

    /** Opens a JDK client session, acts, and waits for the listener (or the action) to see the end. */
    private void jdkSession(URI uri, JdkAction action) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        action.act(open(uri, ended), ended);
        await(ended, "JDK client session to " + uri);
    }

    /** Opens a JDK client session whose listener counts {@code ended} down when the session ends. */
    private WebSocket open(URI uri, CountDownLatch ended) throws Exception {
        return open(uri, new EndListener(ended));
    }

    private WebSocket open(URI uri, WebSocket.Listener listener) throws Exception {
        return httpClient.newWebSocketBuilder().buildAsync(uri, listener).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private synchronized OkHttpSessions okHttp() {
        if (okHttp == null) {
            okHttp = new OkHttpSessions();
        }
        return okHttp;
    }

    private URI serverUri(String path) {
        return URI.create("ws://127.0.0.1:" + serverPort + path);
    }

    private void rawClient(String action, String path) throws IOException {
        RawWebSocket.playClient(serverPort, action, path);
    }

    /** How the {@code kind}th of three kinds of session ends. */
    private interface Ending {
        void end(int kind) throws Exception;
    }

    /** Every third session: client closes 1000, server closes 4001, client aborts. */
    private void concurrent(int sessions, String path) throws Exception {
        concurrent(sessions, kind -> {
            if (kind == 0) {
                jdk(path, (ws, ended) -> ws.sendClose(1000, "bye"));
            } else if (kind == 1) {
                jdk(path, (ws, ended) -> ws.sendText("close:4001", true));
            } else {
                jdk(path, (ws, ended) -> {
                    ws.abort();
                    ended.countDown();
                });
            }
        });
    }

    /** {@code sessions} sessions at once, 16 at a time, the ith ending as {@code ending} does for i % 3. */
    private static void concurrent(int sessions, Ending ending) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                int kind = i % 3;
                results.add(pool.submit(() -> {
                    ending.end(kind);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError(what + " did not end within " + TIMEOUT_SECONDS + " s");
        }
    }
}
