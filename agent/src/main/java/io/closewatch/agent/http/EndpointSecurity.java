package io.closewatch.agent.http;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may scrape: optional HTTP Basic credentials, and optional TLS from a key store (PKCS12 or JKS).
 */
public final class EndpointSecurity {
    /** Anyone may scrape, over plain HTTP. */
    public static final EndpointSecurity NONE = new EndpointSecurity(null, null);

    private final byte[] expectedAuthorization;
    private final SSLContext tls;

    private EndpointSecurity(byte[] expectedAuthorization, SSLContext tls) {
        this.expectedAuthorization = expectedAuthorization;
        this.tls = tls;
    }

    /**
     * @param username  null for no authentication; then {@code password} must be null too
     * @param keyStore  null for plain HTTP; then {@code keyStorePassword} is ignored
     * @throws IllegalArgumentException naming what is wrong: half of a credential pair, an unreadable key store
     */
    public static EndpointSecurity of(String username, String password, String keyStore, String keyStorePassword) {
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("auth.username and auth.password must be set together");
        }
        byte[] authorization = username == null ? null : ("Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        SSLContext tls = keyStore == null ? null : loadTls(Path.of(keyStore), keyStorePassword);
        return new EndpointSecurity(authorization, tls);
    }

    SSLContext tls() {
        return tls;
    }

    public boolean usesTls() {
        return tls != null;
    }

    /** Compares in constant time, so that response times give nothing away. */
    boolean authorizes(String authorizationHeader) {
        return expectedAuthorization == null || (authorizationHeader != null && MessageDigest.isEqual(
                expectedAuthorization, authorizationHeader.getBytes(StandardCharsets.UTF_8)));
    }

    private static SSLContext loadTls(Path keyStore, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("tls.keystore " + keyStore + " cannot be used: " + e.getMessage(), e);
        }
    }
}
