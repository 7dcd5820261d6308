#!/usr/bin/env python3
"""Breaks each hook once, in a copy of the repository, and checks that the fast hook tests then fail.

    python3 agent/src/test/mutations/hook-mutations.py      # from the repository root; about 20 s a mutation
    python3 agent/src/test/mutations/hook-mutations.py netty/    # only the mutations of files whose path has this

Each mutation is one edit of an advice or a module's matcher: the hook's effect is gone or wrong. A mutation the
hook tests do not notice is printed as SURVIVED, and the script exits 1.
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile

I = "agent/src/main/java/io/closewatch/agent/instrumentation/"
MUTATIONS = [
    # (file, text, replacement): every advice, then the matchers that pick the hooked methods
    (I + "websocket/ConnectAdvice.java", "clientConnecting((URI) arguments[arguments.length - 1])", "clientConnecting(null)"),
    (I + "websocket/ConnectAdvice.java", "    static void connected() {\n        CloseWatchBridge.clientConnecting(null);", "    static void connected() {"),
    (I + "websocket/EndpointCloseAdvice.java", "reason.getCloseCode().getCode()", "1000"),
    (I + "websocket/EndpointOpenAdvice.java", "((ServerEndpointConfig) config).getPath()", "\"/\""),
    (I + "websocket/EndpointOpenAdvice.java", "server ? null : session.getRequestURI()", "null"),
    (I + "websocket/SessionCloseAdvice.java", "CloseWatchBridge.closeSent(session, api, -1);", ""),
    (I + "websocket/EndpointErrorAdvice.java", "CloseWatchBridge.errorReported(session, error);", ""),
    (I + "tomcat/FailSessionAdvice.java", "if (code != 1006)", "if (code == 1006)"),
    (I + "tomcat/LocalCloseAdvice.java", "CloseWatchBridge.closeSent(session, api, code);", ""),
    (I + "tomcat/LocalCloseAdvice.java", "CloseWatchBridge.idleTimedOut(session);", ""),
    (I + "tomcat/ClientFailSessionAdvice.java", "\"org.apache.tomcat.websocket.WsIOException\"", "\"java.io.IOException\""),
    (I + "jetty/FrameHandlerOpenAdvice.java", "@Advice.OnMethodExit", "@Advice.OnMethodEnter"),
    (I + "jetty/FrameHandlerCloseReceivedAdvice.java", "CloseWatchBridge.closeReceived(", "CloseWatchBridge.closeSent("),
    (I + "jetty/FrameHandlerCloseAdvice.java", "status.getCode(),\n                true)", "status.getCode(),\n                false)"),
    (I + "spring/UpgradeAdvice.java", "pattern.toString()", "\"/\""),
    (I + "spring/UpgradeAdvice.java", "config != null && config.getClass().getName()\n                .equals(", "config != null && !config.getClass().getName()\n                .equals("),
    (I + "jdk/OpenedAdvice.java", "CloseWatchBridge.opened(webSocket, Api.JDK, null, null, target);", ""),
    (I + "jdk/CloseSentAdvice.java", "CloseWatchBridge.closeSent(webSocket, Api.JDK, code);", ""),
    (I + "jdk/CloseReceivedAdvice.java", "CloseWatchBridge.closeReceived(webSocket, Api.JDK, code);", ""),
    (I + "jdk/AbortAdvice.java", "CloseWatchBridge.aborted(webSocket, Api.JDK);", ""),
    (I + "jdk/ClosedAdvice.java", "CloseWatchBridge.ended(webSocket, Api.JDK, -1);", ""),
    (I + "jdk/FailedAdvice.java", "CloseWatchBridge.ended(webSocket, Api.JDK, -1);", ""),
    (I + "undertow/SessionAdvice.java", "CloseWatchBridge.sameSession(connection, session);", ""),
    (I + "undertow/FrameSentAdvice.java", "\"CLOSE\".equals(", "\"TEXT\".equals("),
    (I + "undertow/FrameSentAdvice.java", "|| (connection instanceof Channel && !((Channel) connection).isOpen())", ""),
    (I + "undertow/FrameSentAdvice.java", "if (code != 1006)", "if (code != 1005)"),
    (I + "undertow/PeerCloseAdvice.java", "CloseWatchBridge.closeReceived(", "CloseWatchBridge.closeSent("),
    ("agent/src/main/java/io/closewatch/agent/recording/CloseRecorder.java",
     "return target == null ? null : sessions.get(target);",
     "return state(connection, \"jakarta\");"),
    (I + "jettyapi/NegotiateAdvice.java", "pattern != null ? pattern.toString()", "pattern == null ? \"/\""),
    (I + "jettyapi/NegotiateAdvice.java", "((PathSpec) pathSpec).getDeclaration()", "pathSpec.toString()"),
    (I + "jettyapi/OpenAdvice.java", "endsWith(\"WebSocketClient\")", "endsWith(\"Client\") && false"),
    (I + "jettyapi/OpenAdvice.java", "client && request != null ? request.getRequestURI() : null", "null"),
    (I + "jettyapi/SessionCreatedAdvice.java", "CloseWatchBridge.opened(session, Api.JETTY, frameHandler, Labels.UNKNOWN, null);", ""),
    (I + "jettyapi/PeerCloseAdvice.java", "CloseWatchBridge.closeReceived(", "CloseWatchBridge.closeSent("),
    (I + "javalin/OpenAdvice.java", "route.getPath()", "Labels.UNKNOWN"),
    (I + "okhttp/OpenAdvice.java", "url.isHttps() ? \"wss\" : \"ws\"", "\"ws\""),
    (I + "okhttp/OpenAdvice.java", "if (call == null) {", "if (call != null) {"),
    (I + "okhttp/PeerCloseAdvice.java", "CloseWatchBridge.closeReceived(webSocket, Api.OKHTTP, code);", ""),
    (I + "okhttp/CloseAdvice.java", "if (queued) {", "if (true) {"),
    (I + "okhttp/CancelAdvice.java", "CloseWatchBridge.aborted(webSocket, Api.OKHTTP);", ""),
    (I + "okhttp/FailureAdvice.java", "if (reader != null) {", "if (true) {"),
    (I + "javawebsocket/OpenAdvice.java", "query < 0 ? path : path.substring(0, query)", "path"),
    (I + "javawebsocket/OpenAdvice.java", "handshake instanceof ServerHandshake", "handshake == null"),
    (I + "javawebsocket/CloseAdvice.java", "CloseWatchBridge.aborted(session, Api.JAVA_WEBSOCKET);", ""),
    (I + "javawebsocket/PeerCloseAdvice.java", "CloseWatchBridge.closeReceived(", "CloseWatchBridge.closeSent("),
    (I + "javawebsocket/EndAdvice.java", "session.isOpen() || session.isClosing()", "true"),
    (I + "jetty/SessionCreatedAdvice.java", "CloseWatchBridge.opened(session, api, null,", "CloseWatchBridge.opened(null, api, null,"),
    (I + "micronaut/HandshakeAdvice.java", "CloseWatchBridge.pathTemplate(context.channel(), template);", ""),
    (I + "netty/ServerOpenAdvice.java", "Api.NETTY, channel, query", "Api.NETTY, null, query"),
    (I + "handshake/HandshakeAdvice.java", "@Advice.OnMethodExit(suppress = Throwable.class)", "@Advice.OnMethodEnter(suppress = Throwable.class)"),
    (I + "handshake/UncountedHandshakes.java", "TypeMatch.nameStartsWithNone(covered).and(", "("),
    (I + "vertx/ServerOpenAdvice.java", "Api.VERTX, connection, path, null)", "Api.VERTX, connection, \"/\", null)"),
    (I + "vertx/ClientOpenAdvice.java", "webSocket.isSsl() ? \"wss\" : \"ws\"", "\"wss\""),
    (I + "vertx/PeerCloseAdvice.java", "CloseWatchBridge.closeReceived(", "CloseWatchBridge.closeSent("),
    (I + "vertx/CloseAdvice.java", "CloseWatchBridge.closeSent(webSocket, Api.VERTX, code);", ""),
    (I + "vertx/EndAdvice.java", "peerCode == null ? CloseCodes.ABNORMAL_CLOSURE : peerCode", "-1"),
    (I + "jettyapi/CloseAdvice.java", "status.getCode(), true)", "status.getCode(), false)"),
    (I + "jettyapi/SessionCloseAdvice.java", "CloseWatchBridge.closeSent(session, Api.JETTY, -1);", ""),
    (I + "jettyapi/DisconnectAdvice.java", "CloseWatchBridge.aborted(session, Api.JETTY);", ""),
    (I + "websocket/WebSocketApiInstrumentation.java", "named(\"onClose\").notAbstract()", "named(\"onClosed\").notAbstract()"),
    (I + "websocket/WebSocketApiInstrumentation.java", "takesArguments(0)\n", "takesArguments(1)\n"),
    (I + "websocket/WebSocketApiInstrumentation.java", ".takesArgument(1, \"java.net.URI\")", ".takesArgument(0, \"java.net.URI\")"),
    (I + "tomcat/TomcatWebSocketInstrumentation.java", "String closeReason = namespace + \".websocket.CloseReason\";", "String closeReason = \"jakarta.websocket.CloseReason\";"),
    (I + "jetty/JettyWebSocketInstrumentation.java", "named(\"onClose\")", "named(\"onClosed\")"),
    (I + "jdk/JdkWebSocketInstrumentation.java", "named(\"signalClose\")", "named(\"signalClosed\")"),
    (I + "jdk/JdkWebSocketInstrumentation.java", "named(\"processError\")", "named(\"processErrors\")"),
    (I + "spring/SpringWebSocketInstrumentation.java", "hasSuperType(SERVER_CONTAINER)",
     "hasSuperType(SERVER_CONTAINER + \"X\")"),
    (I + "spring/SpringWebSocketInstrumentation.java", "hasSuperType(UPGRADE_STRATEGY)",
     "hasSuperType(UPGRADE_STRATEGY + \"X\")"),
    (I + "undertow/UndertowWebSocketInstrumentation.java", "named(\"sendInternal\", \"sendBlockingInternal\")",
     "named(\"sendInternal\")"),
    (I + "netty/ServerOpenAdvice.java", "query < 0 ? uri : uri.substring(0, query)", "uri"),
    (I + "netty/ServerOpenAdvice.java", "if (!handshake.isDone() || handshake.isSuccess()) {", "if (false) {"),
    (I + "netty/CloseSentAdvice.java", "CloseWatchBridge.closeSent(", "CloseWatchBridge.closeReceived("),
    (I + "netty/CloseReceivedAdvice.java", "if (!closedBefore && received", "if (closedBefore && received"),
    (I + "netty/CloseReceivedAdvice.java", "code == -1 ? CloseCodes.NO_STATUS : code", "code"),
    (I + "netty/EndAdvice.java", "CloseWatchBridge.endedIfSeen(pipeline.channel(), Api.NETTY, true);", ""),
]


def main():
    root = pathlib.Path(__file__).resolve().parents[4]
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    mutations = [mutation for mutation in MUTATIONS if only in mutation[0]]
    survived = 0
    with tempfile.TemporaryDirectory(prefix="closewatch-mutations-") as work:
        copy = pathlib.Path(work) / "repo"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("target", ".git"))
        for path, text, replacement in mutations:
            source = copy / path
            original = source.read_text()
            if original.count(text) != 1:
                print(f"STALE     {path}: the text to mutate is not there once; update this script")
                survived += 1
                continue
            source.write_text(original.replace(text, replacement))
            run = subprocess.run(["mvn", "-B", "-q", "-o", "test", "-pl", "agent", "-Dtest=*HooksTest",
                                  "-Dsurefire.failIfNoSpecifiedTests=false"], cwd=copy, capture_output=True, text=True)
            source.write_text(original)
            failed = [line.split("<<<")[0].strip() for line in run.stdout.splitlines() if "<<< FAILURE" in line
                      or "<<< ERROR" in line]
            verdict = "killed   " if run.returncode != 0 else "SURVIVED "
            survived += run.returncode == 0
            print(f"{verdict} {path.removeprefix(I)}: {text.strip()[:60]!r} -> {failed[-1] if failed else ''}",
                  flush=True)
    print(f"{len(mutations) - survived} of {len(mutations)} mutations killed")
    sys.exit(1 if survived else 0)


if __name__ == "__main__":
    main()
