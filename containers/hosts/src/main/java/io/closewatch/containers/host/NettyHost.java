package io.closewatch.containers.host;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Netty's WebSocket codec (4.1 and 4.2) used directly, on 127.0.0.1: a server with
 * {@code WebSocketServerProtocolHandler} at {@code /chat} (and below), a server that drives a
 * {@code WebSocketServerHandshaker} itself, a client with {@code WebSocketClientProtocolHandler}, and raw-socket peers.
 * Both servers close with the code a "close:&lt;code&gt;" message asks for; the first answers "echo" with "echo". A
 * third, as the first, closes a session idle for a second with 1001 (or drops it: "drop-when-idle"). Reads one
 * scenario per line, plays it, answers "DONE" once every session it started has ended, and stops on "exit".
 */
public final class NettyHost {
    /** More than Netty's default frame limit, 65,536 bytes. */
    private static final int TOO_BIG = 70_000;

    private final EventLoopGroup group;
    private final int protocolHandlerPort;
    private final int handshakerPort;
    private final int idlePort;

    private NettyHost(EventLoopGroup group, int protocolHandlerPort, int handshakerPort, int idlePort) {
        this.group = group;
        this.protocolHandlerPort = protocolHandlerPort;
        this.handshakerPort = handshakerPort;
        this.idlePort = idlePort;
    }

    @SuppressWarnings("deprecation") // NioEventLoopGroup is the one group both Netty 4.1 and 4.2 have
    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(2);
        try {
            Channel protocolHandlerServer = server(group, pipeline -> pipeline.addLast(new HttpServerCodec(),
                    new HttpObjectAggregator(65536), new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig
                            .newBuilder().websocketPath("/chat").checkStartsWith(true).build()), new CloseAsAsked()));
            Channel handshakerServer = server(group, pipeline -> pipeline.addLast(new HttpServerCodec(),
                    new HttpObjectAggregator(65536), new OwnHandshake()));
            Channel idleServer = server(group, pipeline -> pipeline.addLast(new HttpServerCodec(),
                    new HttpObjectAggregator(65536), new IdleStateHandler(1, 0, 0, TimeUnit.SECONDS),
                    new GoingAwayWhenIdle(), new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig
                            .newBuilder().websocketPath("/chat").checkStartsWith(true).build())));
            NettyHost host = new NettyHost(group, port(protocolHandlerServer), port(handshakerServer),
                    port(idleServer));
            System.out.println("READY handler=" + host.protocolHandlerPort + " handshaker=" + host.handshakerPort
                    + " idle=" + host.idlePort + " raw=" + RawPeer.port());
            ((Scenarios) host::run).playFromStandardInput();
            protocolHandlerServer.close().sync();
            handshakerServer.close().sync();
            idleServer.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static Channel server(EventLoopGroup group, Consumer<io.netty.channel.ChannelPipeline> pipeline)
            throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        pipeline.accept(channel.pipeline());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    private static int port(Channel server) {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Behind {@code WebSocketServerProtocolHandler}, which answers the peer's close frame itself. Fails on "throw",
     * and then closes with 1011 from {@code exceptionCaught}, as careful Netty applications do.
     */
    private static final class CloseAsAsked extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
            String text = frame.text();
            if (text.equals("throw")) {
                throw new IllegalStateException("asked to throw");
            }
            if (text.startsWith("close:")) {
                context.writeAndFlush(new CloseWebSocketFrame(Integer.parseInt(text.substring(6)), "asked to"));
            } else if (text.equals("big")) {
                context.writeAndFlush(new TextWebSocketFrame("x".repeat(TOO_BIG)));
            } else if (text.equals("echo")) {
                context.writeAndFlush(new TextWebSocketFrame("echo"));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            if (cause instanceof IllegalStateException) {
                context.writeAndFlush(new CloseWebSocketFrame(1011, "failed"));
            } else {
                context.fireExceptionCaught(cause);
            }
        }
    }

    /**
     * Between Netty's idle timer (a second without a read) and the protocol handler: closes an idle session with 1001,
     * as servers do, or, once told "drop-when-idle", closes its channel without a frame (the protocol handler would
     * send a close frame for a close that passes it).
     */
    private static final class GoingAwayWhenIdle extends ChannelInboundHandlerAdapter {
        private boolean drop;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            drop |= message instanceof TextWebSocketFrame text && text.text().equals("drop-when-idle");
            context.fireChannelRead(message);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) {
            if (event instanceof IdleStateEvent) {
                if (drop) {
                    context.close();
                } else {
                    context.writeAndFlush(new CloseWebSocketFrame(1001, "idle"));
                }
            } else {
                context.fireUserEventTriggered(event);
            }
        }
    }

    /** A server that upgrades and answers close frames itself, with a {@code WebSocketServerHandshaker}. */
    private static final class OwnHandshake extends SimpleChannelInboundHandler<Object> {
        private WebSocketServerHandshaker handshaker;

        @Override
        protected void channelRead0(ChannelHandlerContext context, Object message) {
            if (message instanceof FullHttpRequest request) {
                handshaker = new WebSocketServerHandshakerFactory("ws://127.0.0.1" + request.uri(), null, false)
                        .newHandshaker(request);
                handshaker.handshake(context.channel(), request);
            } else if (message instanceof CloseWebSocketFrame close) {
                handshaker.close(context.channel(), close.retain());
            } else if (message instanceof TextWebSocketFrame text && text.text().startsWith("close:")) {
                handshaker.close(context.channel(),
                        new CloseWebSocketFrame(Integer.parseInt(text.text().substring(6)), "asked to"));
            }
        }
    }

    private void run(String[] command) throws Exception {
        switch (command[0]) {
            case "client-close": // <code> <path>: Netty's client closes
                session(serverOf(command[2]), command[2],
                        channel -> channel.writeAndFlush(new CloseWebSocketFrame(Integer.parseInt(command[1]), "bye")));
                break;
            case "server-close": // <code> <path>: the server closes the client's session
                session(serverOf(command[2]), command[2],
                        channel -> channel.writeAndFlush(new TextWebSocketFrame("close:" + command[1])));
                break;
            case "client-too-big": // <path>: the client sends more than the server takes
                session(serverOf(command[1]), command[1],
                        channel -> channel.writeAndFlush(new TextWebSocketFrame("x".repeat(TOO_BIG))));
                break;
            case "server-throws": // <path>: the server's handler fails, and closes with 1011
                session(serverOf(command[1]), command[1], channel -> channel.writeAndFlush(new TextWebSocketFrame("throw")));
                break;
            case "client-throws": // <path>: the client's handler fails on the server's message, and closes with 1011
                session(serverOf(command[1]), command[1],
                        channel -> channel.writeAndFlush(new TextWebSocketFrame("echo")), true);
                break;
            case "client-idle": // <path>: the client stays silent until the idle server's timer (1 s) ends it
                session(idlePort, command[1], channel -> { });
                break;
            case "client-idle-dropped": // <path>: the same, the server closing the channel without a frame
                session(idlePort, command[1],
                        channel -> channel.writeAndFlush(new TextWebSocketFrame("drop-when-idle")));
                break;
            case "server-too-big": // <path>: the server sends more than the client takes
                session(serverOf(command[1]), command[1],
                        channel -> channel.writeAndFlush(new TextWebSocketFrame("big")));
                break;
            case "raw-peer": // <action>: the raw server ends the client's session (see RawPeerServer)
                session(RawPeer.port(), "/" + command[1], channel -> { });
                break;
            case "raw-client": // <action> <path>: a raw client ends its session with the server of the path
                RawWebSocket.playClient(serverOf(command[2]), command[1], command[2]);
                break;
            case "concurrent": // <sessions> <path>: client closes 1000 and server closes 4001, in turn, at once
                List<CompletableFuture<Void>> sessions = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(command[1]); i++) {
                    Object frame = i % 2 == 0 ? new CloseWebSocketFrame(1000, "bye") : new TextWebSocketFrame("close:4001");
                    sessions.add(CompletableFuture.runAsync(() -> {
                        try {
                            session(serverOf(command[2]), command[2], channel -> channel.writeAndFlush(frame));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new))
                        .get(ItHost.TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + command[0]);
        }
    }

    private int serverOf(String path) {
        return path.startsWith("/own/") ? handshakerPort : protocolHandlerPort;
    }

    /**
     * A client session to {@code path}: once the handshake is complete, acts, then waits until the channel is closed
     * (the client's protocol handler closes it when the server's close frame arrives).
     */
    private void session(int port, String path, Consumer<Channel> action) throws Exception {
        session(port, path, action, false);
    }

    /** As above; when {@code failing}, the client's handler throws on a text message, and closes with 1011. */
    private void session(int port, String path, Consumer<Channel> action, boolean failing) throws Exception {
        CompletableFuture<Channel> open = new CompletableFuture<>();
        URI uri = URI.create("ws://127.0.0.1:" + port + path);
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).build()),
                                new SimpleChannelInboundHandler<WebSocketFrame>() {
                                    @Override
                                    public void userEventTriggered(ChannelHandlerContext context, Object event) {
                                        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent
                                                .HANDSHAKE_COMPLETE) {
                                            open.complete(context.channel());
                                        }
                                        context.fireUserEventTriggered(event);
                                    }

                                    @Override
                                    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
                                        if (failing && frame instanceof TextWebSocketFrame) {
                                            throw new IllegalStateException("the client fails, as asked");
                                        }
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
                                        if (failing && cause instanceof IllegalStateException) {
                                            context.writeAndFlush(new CloseWebSocketFrame(1011, "failed"));
                                        } else {
                                            context.fireExceptionCaught(cause);
                                        }
                                    }
                                });
                    }
                }).connect("127.0.0.1", port).sync().channel();
        channel.closeFuture().addListener(closed -> open.complete(channel));
        action.accept(open.get(ItHost.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        if (!channel.closeFuture().await(ItHost.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("the Netty client session to " + uri + " did not end");
        }
    }
}
