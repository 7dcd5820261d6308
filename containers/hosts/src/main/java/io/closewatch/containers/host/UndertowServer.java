package io.closewatch.containers.host;

import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.websocket.server.ServerEndpointConfig;
import org.xnio.OptionMap;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

import java.net.InetSocketAddress;

/** Embedded Undertow 2.3 with its JSR (jakarta) WebSocket deployment. */
class UndertowServer implements ServerUnderTest {
    private XnioWorker worker;
    private DeploymentManager deployment;
    private Undertow undertow;

    @Override
    public int start() throws Exception {
        worker = Xnio.getInstance().createWorker(OptionMap.EMPTY);
        WebSocketDeploymentInfo webSockets = new WebSocketDeploymentInfo()
                .setWorker(worker)
                .setBuffers(new DefaultByteBufferPool(true, 8192));
        for (Class<?> annotated : annotatedEndpoints()) {
            webSockets.addEndpoint(annotated);
        }
        for (ServerEndpointConfig config : programmaticEndpoints()) {
            webSockets.addEndpoint(config);
        }
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(UndertowServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("closewatch-it")
                .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets);
        configure(info);
        deployment = Servlets.defaultContainer().addDeployment(info);
        deployment.deploy();
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(deployment.start()).build();
        undertow.start();
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** What a subclass deploys besides the plain endpoints. */
    void configure(DeploymentInfo info) {
    }

    @Override
    public void close() throws Exception {
        undertow.stop();
        deployment.stop();
        deployment.undeploy();
        worker.shutdown();
    }
}
