"""Prints -D<property>=<version> for the newest release of each pinned line, read from Maven Central's metadata."""
import re
import sys
import urllib.request

CENTRAL = "https://repo.maven.apache.org/maven2"
# property: (group, artifact, line); the property is the POM's, the artifact one that every release of it has.
LINES = {
    "tomcat11.version": ("org.apache.tomcat.embed", "tomcat-embed-websocket", "11.0."),
    "tomcat10.version": ("org.apache.tomcat.embed", "tomcat-embed-websocket", "10.1."),
    "tomcat9.version": ("org.apache.tomcat.embed", "tomcat-embed-websocket", "9.0."),
    "jetty12.version": ("org.eclipse.jetty.websocket", "jetty-websocket-jetty-client", "12.1."),
    "jetty120.version": ("org.eclipse.jetty.ee10.websocket", "jetty-ee10-websocket-jakarta-server", "12.0."),
    "jetty120api.version": ("org.eclipse.jetty.websocket", "jetty-websocket-jetty-client", "12.0."),
    "undertow.version": ("io.undertow", "undertow-websockets-jsr", "2.3."),
    "tyrus.version": ("org.glassfish.tyrus", "tyrus-server", "2.2."),
    "spring.version": ("org.springframework", "spring-websocket", "6.2."),
    "spring7.version": ("org.springframework", "spring-websocket", "7.0."),
    "boot35.version": ("org.springframework.boot", "spring-boot-starter-jetty", "3.5."),
    "boot40.version": ("org.springframework.boot", "spring-boot-starter-jetty", "4.0."),
    "javalin.version": ("io.javalin", "javalin", "7."),
    "netty.version": ("io.netty", "netty-codec-http", "4.2."),
    "netty41.version": ("io.netty", "netty-codec-http", "4.1."),
    "okhttp.version": ("com.squareup.okhttp3", "okhttp-jvm", "5."),
    "okhttp4.version": ("com.squareup.okhttp3", "okhttp", "4.12."),
    "vertx.version": ("io.vertx", "vertx-core", "5.0."),
    "vertx45.version": ("io.vertx", "vertx-core", "4.5."),
    "reactor-netty.version": ("io.projectreactor.netty", "reactor-netty-http", "1.3."),
}
PRE_RELEASE = re.compile(r"(alpha|beta|milestone|-M\d|-RC|\.RC|-rc|\.CR|-SNAPSHOT)", re.IGNORECASE)


def key(version):
    return [int(part) if part.isdigit() else -1 for part in re.split(r"[.\-]", version)]


def newest(group, artifact, line):
    url = f"{CENTRAL}/{group.replace('.', '/')}/{artifact}/maven-metadata.xml"
    with urllib.request.urlopen(url, timeout=30) as response:
        listed = re.findall(r"<version>([^<]+)</version>", response.read().decode())
    candidates = [v for v in listed if v.startswith(line) and not PRE_RELEASE.search(v)]
    if not candidates:
        raise SystemExit(f"no release of {group}:{artifact} {line}x listed")
    return max(candidates, key=key)


print(" ".join(f"-D{prop}={newest(*where)}" for prop, where in LINES.items()))
