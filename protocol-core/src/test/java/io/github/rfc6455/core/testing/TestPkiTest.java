package io.github.rfc6455.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/** The generated PKI: files load with the password, certificates carry what hostname checks need. */
class TestPkiTest {

    private static KeyStore load(Path path) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            keyStore.load(in, TestPki.PASSWORD.toCharArray());
        }
        return keyStore;
    }

    private static Set<String> altNames(X509Certificate certificate) throws Exception {
        Set<String> names = new HashSet<>();
        for (List<?> name : certificate.getSubjectAlternativeNames()) {
            names.add(name.get(0) + ":" + name.get(1));
        }
        return names;
    }

    @Test
    void serverKeyStoreHoldsTheLocalhostKeyAndItsChainSignedByTheCa() throws Exception {
        KeyStore keyStore = load(TestPki.serverKeyStore());
        assertTrue(keyStore.isKeyEntry("localhost"));
        assertTrue(keyStore.getKey("localhost", TestPki.PASSWORD.toCharArray()) instanceof PrivateKey);
        Certificate[] chain = keyStore.getCertificateChain("localhost");
        assertEquals(2, chain.length);
        X509Certificate server = (X509Certificate) chain[0];
        server.checkValidity();
        server.verify(TestPki.caCertificate().getPublicKey());
        assertEquals(TestPki.caCertificate(), chain[1]);
        assertEquals("CN=localhost", server.getSubjectX500Principal().getName());
        assertEquals(Set.of("2:localhost", "7:127.0.0.1"), altNames(server)); // dNSName, iPAddress
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(-1, server.getBasicConstraints(), "not a CA");
        assertTrue(server.getKeyUsage()[0], "digitalSignature");
    }

    @Test
    void otherKeyStoreIsForOtherExampleOnly() throws Exception {
        KeyStore keyStore = load(TestPki.otherKeyStore());
        X509Certificate other = (X509Certificate) keyStore.getCertificateChain("other.example")[0];
        other.verify(TestPki.caCertificate().getPublicKey());
        assertEquals(Set.of("2:other.example"), altNames(other));
    }

    @Test
    void trustStoreHoldsOnlyTheSelfSignedCa() throws Exception {
        KeyStore trust = load(TestPki.trustStore());
        assertEquals(1, trust.size());
        X509Certificate ca = (X509Certificate) trust.getCertificate(trust.aliases().nextElement());
        assertEquals(TestPki.caCertificate(), ca);
        ca.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0, "a CA");
        assertTrue(ca.getKeyUsage()[5], "keyCertSign");
        assertEquals(TestPki.directory(), TestPki.trustStore().getParent());
    }

    @Test
    void materialIsGeneratedOncePerJvm() {
        assertSame(TestPki.serverContext(), TestPki.serverContext());
        assertSame(TestPki.caCertificate(), TestPki.caCertificate());
        assertSame(TestPki.serverKeyStore(), TestPki.serverKeyStore());
    }

    @Test
    void clientEngineAsksForTheNameAndVerifiesIt() {
        SSLEngine engine = TestPki.clientEngine(TestPki.clientContext(), "localhost", 8443);
        assertTrue(engine.getUseClientMode());
        assertEquals("HTTPS", engine.getSSLParameters().getEndpointIdentificationAlgorithm());
        assertEquals(List.of(new SNIHostName("localhost")), engine.getSSLParameters().getServerNames());
        assertEquals("localhost", engine.getPeerHost());
        assertEquals(8443, engine.getPeerPort());
    }
}
