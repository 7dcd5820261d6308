package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Labels;
import net.bytebuddy.asm.Advice;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.net.URI;

/**
 * {@code RealWebSocket.loopReader}: the session is open. A client's (it has a call) under its target, which OkHttp
 * keeps as an {@code http(s)} URL: labelled {@code ws(s)://host:port} as the application wrote it. A server's
 * (OkHttp's MockWebServer, a test tool) has no template to be labelled with.
 */
public final class OpenAdvice {
    private OpenAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void opened(@Advice.This Object webSocket, @Advice.FieldValue("call") Object call,
                       @Advice.FieldValue("originalRequest") Request request) throws Exception {
        if (call == null) {
            CloseWatchBridge.opened(webSocket, Api.OKHTTP, null, Labels.UNKNOWN, null);
            return;
        }
        HttpUrl url = request.url();
        CloseWatchBridge.opened(webSocket, Api.OKHTTP, null, null,
                new URI(url.isHttps() ? "wss" : "ws", null, url.host(), url.port(), null, null, null));
    }
}
