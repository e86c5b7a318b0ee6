package io.github.rfc6455.core.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away public-key infrastructure for TLS tests, generated once per JVM with nothing but the JDK (EC P-256 keys,
 * certificates DER-encoded here and signed with {@code SHA256withECDSA}, so it works the same on JDK 17 and 25 and
 * takes milliseconds instead of a {@code keytool} process per step):
 * <ul>
 *   <li>a test CA, {@code CN=rfc6455 Test CA};</li>
 *   <li>a server certificate for {@code localhost}, SANs {@code DNS:localhost, IP:127.0.0.1}, signed by the CA, in
 *       {@link #serverKeyStore()};</li>
 *   <li>a certificate for {@code other.example} (SAN {@code DNS:other.example}), signed by the CA, in
 *       {@link #otherKeyStore()}, for hostname-mismatch tests;</li>
 *   <li>{@link #trustStore()}, holding only the CA certificate.</li>
 * </ul>
 * The key stores are PKCS12 files protected by {@link #PASSWORD} (the same password for the store and the key), written
 * on first request into a temporary directory deleted when the JVM exits; {@code --tls-keystore FILE.p12
 * --tls-password PW} accepts them.
 * Ready {@link SSLContext}s: {@link #serverContext()}, {@link #otherServerContext()}, {@link #clientContext()} (trusts
 * the test CA) and {@link #untrustingClientContext()} (trusts only the JDK's default CAs, so none of ours).
 *
 * <p>Thread-safe: everything is generated once per JVM, lazily, under class initialisation (keys and contexts on
 * first use of any of them, files on first request of a path); the results are immutable or thread-safe JDK objects
 * (the key stores are never handed out).
 */
public final class TestPki {
    /** The password of every key store and key written by this class. */
    public static final String PASSWORD = "rfc6455-test";

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private TestPki() {
    }

    /** Generated on first use: the class-initialisation lock makes it once per JVM. */
    private static final class Material {
        static final Material INSTANCE = new Material();

        final X509Certificate ca;
        final KeyStore serverKeys;
        final KeyStore otherKeys;
        final KeyStore trust;
        final SSLContext serverContext;
        final SSLContext otherServerContext;
        final SSLContext clientContext;
        final SSLContext untrustingClientContext;

        private Material() {
            try {
                SecureRandom random = new SecureRandom();
                KeyPair caKeys = newKeyPair();
                ca = certificate("rfc6455 Test CA", caKeys, "rfc6455 Test CA", caKeys, true, random);
                KeyPair serverPair = newKeyPair();
                X509Certificate server = certificate("localhost", serverPair, "rfc6455 Test CA", caKeys, false,
                        random, "localhost", "127.0.0.1");
                KeyPair otherPair = newKeyPair();
                X509Certificate other = certificate("other.example", otherPair, "rfc6455 Test CA", caKeys, false,
                        random, "other.example");
                serverKeys = keyStore("localhost", serverPair.getPrivate(), server);
                otherKeys = keyStore("other.example", otherPair.getPrivate(), other);
                trust = emptyKeyStore();
                trust.setCertificateEntry("rfc6455-test-ca", ca);
                serverContext = context(serverKeys, trust);
                otherServerContext = context(otherKeys, trust);
                clientContext = context(null, trust);
                untrustingClientContext = context(null, null);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate the test PKI", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the test PKI", e);
            }
        }

        private X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
                boolean isCa, SecureRandom random, String... altNames) throws GeneralSecurityException {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            byte[] algorithm = seq(oid(ECDSA_WITH_SHA256));
            byte[] extensions = isCa
                    ? seq(extension(BASIC_CONSTRAINTS, true, seq(bool(true))),
                            extension(KEY_USAGE, true, bits(1, 0x06)), // keyCertSign, cRLSign
                            extension(SUBJECT_KEY_ID, false, octets(keyId(subjectKeys))))
                    : seq(extension(BASIC_CONSTRAINTS, true, seq()),
                            extension(KEY_USAGE, true, bits(7, 0x80)), // digitalSignature
                            extension(EXT_KEY_USAGE, false, seq(oid(SERVER_AUTH), oid(CLIENT_AUTH))),
                            extension(SUBJECT_ALT_NAME, false, altNames(altNames)),
                            extension(SUBJECT_KEY_ID, false, octets(keyId(subjectKeys))),
                            extension(AUTHORITY_KEY_ID, false, seq(der(0x80, keyId(issuerKeys)))));
            byte[] tbs = seq(
                    der(0xA0, integer(BigInteger.valueOf(2))), // v3
                    integer(new BigInteger(63, random).add(BigInteger.ONE)),
                    algorithm,
                    name(issuer),
                    seq(time(now.minus(1, ChronoUnit.DAYS)), time(now.plus(3650, ChronoUnit.DAYS))),
                    name(subject),
                    subjectKeys.getPublic().getEncoded(), // SubjectPublicKeyInfo
                    der(0xA3, extensions));
            Signature signer = Signature.getInstance(SIGNATURE);
            signer.initSign(issuerKeys.getPrivate());
            signer.update(tbs);
            byte[] certificate = seq(tbs, algorithm, bits(0, signer.sign()));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate));
        }

        private KeyStore keyStore(String alias, PrivateKey key, X509Certificate certificate)
                throws GeneralSecurityException, IOException {
            KeyStore keyStore = emptyKeyStore();
            keyStore.setKeyEntry(alias, key, PASSWORD.toCharArray(), new Certificate[] {certificate, ca});
            return keyStore;
        }
    }

    /** The PKCS12 files, written on first use (PBKDF2 makes each store cost a few hundred ms on a cold JVM). */
    private static final class KeyStoreFiles {
        static final KeyStoreFiles INSTANCE = new KeyStoreFiles();

        final Path directory;
        final Path serverKeyStore;
        final Path otherKeyStore;
        final Path trustStore;

        private KeyStoreFiles() {
            try {
                directory = Files.createTempDirectory("rfc6455-pki-");
                directory.toFile().deleteOnExit();
                serverKeyStore = store(Material.INSTANCE.serverKeys, "server.p12");
                otherKeyStore = store(Material.INSTANCE.otherKeys, "other.p12");
                trustStore = store(Material.INSTANCE.trust, "truststore.p12");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot write the test PKI", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the test PKI", e);
            }
        }

        private Path store(KeyStore keyStore, String file) throws GeneralSecurityException, IOException {
            Path path = directory.resolve(file);
            path.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(path)) {
                keyStore.store(out, PASSWORD.toCharArray());
            }
            return path;
        }
    }

    /** @return the directory holding the generated files */
    public static Path directory() {
        return KeyStoreFiles.INSTANCE.directory;
    }

    /** @return the test CA's certificate */
    public static X509Certificate caCertificate() {
        return Material.INSTANCE.ca;
    }

    /** @return a PKCS12 key store with the {@code localhost} key and its chain (server, CA), password PASSWORD */
    public static Path serverKeyStore() {
        return KeyStoreFiles.INSTANCE.serverKeyStore;
    }

    /** @return a PKCS12 key store with the {@code other.example} key and its chain, password {@link #PASSWORD} */
    public static Path otherKeyStore() {
        return KeyStoreFiles.INSTANCE.otherKeyStore;
    }

    /** @return a PKCS12 trust store holding only the test CA, password {@link #PASSWORD} */
    public static Path trustStore() {
        return KeyStoreFiles.INSTANCE.trustStore;
    }

    /** @return a server context presenting the {@code localhost} certificate */
    public static SSLContext serverContext() {
        return Material.INSTANCE.serverContext;
    }

    /** @return a server context presenting the {@code other.example} certificate (for hostname-mismatch tests) */
    public static SSLContext otherServerContext() {
        return Material.INSTANCE.otherServerContext;
    }

    /** @return a client context that trusts the test CA */
    public static SSLContext clientContext() {
        return Material.INSTANCE.clientContext;
    }

    /** @return a client context trusting only the JDK's default CAs, none of ours (for untrusted-certificate tests) */
    public static SSLContext untrustingClientContext() {
        return Material.INSTANCE.untrustingClientContext;
    }

    /**
     * A client engine as a {@code wss} client builds it: client mode, SNI for {@code host}, and endpoint
     * identification {@code HTTPS} (RFC 2818 hostname verification).
     *
     * @param context the client context
     * @param host the server name to ask for and to verify
     * @param port the server port (a session-cache hint)
     * @return a new engine
     */
    public static SSLEngine clientEngine(SSLContext context, String host, int port) {
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!Character.isDigit(host.charAt(0)) && host.indexOf(':') < 0) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /**
     * @param context the server context
     * @return a new server-mode engine
     */
    public static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException, IOException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        return keyStore;
    }

    /** A TLS context; null key store: no key; null trust store: the JDK's default CAs. */
    private static SSLContext context(KeyStore keys, KeyStore trust) throws GeneralSecurityException {
        KeyManagerFactory keyManagers = null;
        if (keys != null) {
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static byte[] keyId(KeyPair keys) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(keys.getPublic().getEncoded());
    }

    // ---- a minimal DER encoder (ITU-T X.690), enough for X.509 v3 (RFC 5280) ----

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical ? seq(oid(id), bool(true), octets(value)) : seq(oid(id), octets(value));
    }

    private static byte[] altNames(String... names) {
        byte[][] general = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            general[i] = Character.isDigit(name.charAt(0))
                    ? der(0x87, ipv4(name)) // iPAddress [7]
                    : der(0x82, name.getBytes(StandardCharsets.US_ASCII)); // dNSName [2]
        }
        return seq(general);
    }

    private static byte[] ipv4(String address) {
        String[] parts = address.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        return bytes;
    }

    private static byte[] name(String commonName) {
        return seq(der(0x31, seq(oid(COMMON_NAME), der(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] time(Instant instant) {
        String utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(instant);
        return der(0x17, utc.getBytes(StandardCharsets.US_ASCII)); // UTCTime, valid until 2049 (RFC 5280 4.1.2.5)
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return der(0x06, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            out.write((int) ((value >>> (7 * i)) & 0x7F) | (i > 0 ? 0x80 : 0));
        }
    }

    private static byte[] integer(BigInteger value) {
        return der(0x02, value.toByteArray());
    }

    private static byte[] bool(boolean value) {
        return der(0x01, new byte[] {(byte) (value ? 0xFF : 0)});
    }

    private static byte[] octets(byte[] value) {
        return der(0x04, value);
    }

    private static byte[] bits(int unusedBits, int singleByte) {
        return der(0x03, new byte[] {(byte) unusedBits, (byte) singleByte});
    }

    private static byte[] bits(int unusedBits, byte[] value) {
        byte[] content = new byte[value.length + 1];
        content[0] = (byte) unusedBits;
        System.arraycopy(value, 0, content, 1, value.length);
        return der(0x03, content);
    }

    private static byte[] seq(byte[]... parts) {
        return der(0x30, parts);
    }

    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
