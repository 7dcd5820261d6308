package io.closewatch.agent.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import javax.net.ssl.SSLServerSocket;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in the Prometheus text format, or OpenMetrics when the scraper asks for it, and
 * {@code GET /-/healthy}; every other path is 404 and every other method 405. Optionally behind HTTP Basic
 * authentication (the health path stays open, it says nothing) and TLS.
 * <p>
 * Its own small HTTP/1.1 server rather than the JDK's, whose limits are JVM-wide system properties the host may
 * rely on: a client can neither stall nor flood it. Each connection has a thread of its own, and
 * {@link ConnectionTable} holds at most {@value #MAX_CONNECTIONS} (so a flood costs the host that many file
 * descriptors); a new one over that closes the oldest still waiting for its request. A request (with a TLS
 * handshake) must be complete within the request timeout, and its response written within {@value
 * #RESPONSE_SECONDS} s, or the connection is closed. All threads are daemons: the agent never keeps the host alive.
 */
public final class MetricsHttpServer implements AutoCloseable {
    static final String OPENMETRICS = "application/openmetrics-text";
    static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    static final String METRICS = "/metrics";
    static final String HEALTH = "/-/healthy";
    /**
     * Connections held at once: scrapers, health checks and a person with curl need a few; the rest is room for
     * clients that stall (each held until the request timeout) before a new connection has to close an old one.
     */
    static final int MAX_CONNECTIONS = 128;
    static final int RESPONSE_SECONDS = 30;
    /**
     * Connections the kernel completes and holds until they are accepted (no descriptor of the host's until then):
     * room for a burst, so that a scraper caught in a flood waits in line rather than for its SYN to be retried.
     */
    private static final int BACKLOG = 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** How often the acceptor looks for connections past their deadline when no connection arrives. */
    private static final int SWEEP_MILLIS = 100;

    private final ServerSocket listener;
    /** The registry; it may still be being built, and then the first scrape waits for it (null: it never will be). */
    private final Supplier<PrometheusMeterRegistry> registry;
    private final EndpointSecurity security;
    private final long requestTimeoutNanos;
    private final ConnectionTable<Socket> connections = new ConnectionTable<>(MAX_CONNECTIONS);
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private MetricsHttpServer(ServerSocket listener, Supplier<PrometheusMeterRegistry> registry,
                              EndpointSecurity security, Duration requestTimeout) {
        this.listener = listener;
        this.registry = registry;
        this.security = security;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        // Room for the connections held and for those closed to make room whose thread has not yet noticed.
        workers = new ThreadPoolExecutor(0, 2 * MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, "closewatch-metrics-http"));
        acceptor = daemon(this::accept, "closewatch-metrics-accept");
    }

    /** Binds and starts serving; throws when the address cannot be bound (the caller logs and carries on). */
    public static MetricsHttpServer start(String host, int port, PrometheusMeterRegistry registry,
                                          EndpointSecurity security) throws IOException {
        return start(host, port, registry, security, DEFAULT_REQUEST_TIMEOUT);
    }

    public static MetricsHttpServer start(String host, int port, PrometheusMeterRegistry registry,
                                          EndpointSecurity security, Duration requestTimeout) throws IOException {
        return start(host, port, new Supplier<>() {
            @Override
            public PrometheusMeterRegistry get() {
                return registry;
            }
        }, security, requestTimeout);
    }

    /**
     * @param registry gives the registry to scrape, waiting for it if it is still being built; null if it never
     *                 will be (the scrape is answered 503)
     */
    public static MetricsHttpServer start(String host, int port, Supplier<PrometheusMeterRegistry> registry,
                                          EndpointSecurity security, Duration requestTimeout) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve host '" + host + "'");
        }
        ServerSocket listener = security.tls() != null
                ? security.tls().getServerSocketFactory().createServerSocket()
                : new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, BACKLOG);
            listener.setSoTimeout(SWEEP_MILLIS);
            if (listener instanceof SSLServerSocket tls) {
                tls.setUseClientMode(false);
            }
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        MetricsHttpServer server = new MetricsHttpServer(listener, registry, security, requestTimeout);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections open at this moment. */
    int heldConnections() {
        return connections.size();
    }

    /** Connections whose response is being written at this moment. */
    int respondingConnections() {
        return connections.size(ConnectionTable.Stage.RESPONDING);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.add(socket, System.nanoTime() + requestTimeoutNanos);
                try {
                    workers.execute(() -> serve(socket));
                } catch (RejectedExecutionException full) {
                    connections.remove(socket);
                    socket.close();
                }
            } catch (SocketTimeoutException quiet) {
                // time to sweep
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                // One bad connection (a reset during accept, a descriptor limit) must not end the endpoint.
                pause();
            }
            connections.expire(System.nanoTime());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(SWEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers the connection's requests until it closes, errs, keeps none alive or is closed by a deadline. */
    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            while (true) {
                RequestHead request;
                try {
                    request = RequestHead.read(in);
                } catch (RequestHead.Malformed malformed) {
                    write(out, malformed.status, PLAIN_TEXT, null, malformed.getMessage() + "\n", false, false);
                    return;
                }
                if (request == null || !connections.update(socket, ConnectionTable.Stage.RESPONDING,
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(RESPONSE_SECONDS))) {
                    return;
                }
                boolean keepAlive = request.keepsAlive();
                respond(request, out, keepAlive);
                if (!keepAlive || !connections.update(socket, ConnectionTable.Stage.WAITING_FOR_REQUEST,
                        System.nanoTime() + requestTimeoutNanos)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The client went away or was closed by a deadline: nothing to answer.
        } finally {
            connections.remove(socket);
        }
    }

    private void respond(RequestHead request, OutputStream out, boolean keepAlive) throws IOException {
        boolean head = "HEAD".equals(request.method());
        String path = request.path();
        if (!METRICS.equals(path) && !HEALTH.equals(path)) {
            write(out, 404, PLAIN_TEXT, null, "Not found: try /metrics\n", head, keepAlive);
        } else if (!"GET".equals(request.method()) && !head) {
            write(out, 405, PLAIN_TEXT, "Allow: GET, HEAD", "Method not allowed\n", false, keepAlive);
        } else if (HEALTH.equals(path)) {
            write(out, 200, PLAIN_TEXT, null, "OK\n", head, keepAlive);
        } else if (!security.authorizes(request.header("Authorization"))) {
            write(out, 401, PLAIN_TEXT, "WWW-Authenticate: Basic realm=\"closewatch\", charset=\"UTF-8\"",
                    "Authentication required\n", head, keepAlive);
        } else {
            String accept = request.header("Accept");
            String contentType = accept != null && accept.contains(OPENMETRICS) ? OPENMETRICS_CONTENT_TYPE
                    : TEXT_CONTENT_TYPE;
            PrometheusMeterRegistry meters = registry.get();
            if (meters == null) {
                write(out, 503, PLAIN_TEXT, null, "The agent's meters are unavailable\n", head, keepAlive);
            } else {
                write(out, 200, contentType, null, meters.scrape(contentType), head, keepAlive);
            }
        }
    }

    /** @param header one more header line, or null */
    private static void write(OutputStream out, int status, String contentType, String header, String body,
                              boolean head, boolean keepAlive) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String headers = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
                + (header == null ? "" : "\r\n" + header) + "\r\nContent-Length: " + bytes.length
                + (keepAlive ? "" : "\r\nConnection: close") + "\r\n\r\n";
        out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(bytes);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all that is wanted
        }
        connections.closeAll();
        workers.shutdownNow();
    }
}
