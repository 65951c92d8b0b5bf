package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real TLS handshakes with a local HTTPS server whose certificate is made at test time. The test JVM
 * allows TLS 1.1 (generated-client/pom.xml, src/test/resources/tls-1.1-allowed.security), so a
 * refusal is the client's own policy: a permissive OkHttp client completes the same TLS 1.1
 * handshake.
 */
class TlsHandshakeTest {

  // RSA: the CBC cipher suites a TLS 1.1 handshake needs exist for RSA certificates in OkHttp's lists.
  private static final HeldCertificate LOCALHOST = new HeldCertificate.Builder()
      .rsa2048()
      .addSubjectAlternativeName("localhost")
      .addSubjectAlternativeName(InetAddress.getLoopbackAddress().getHostAddress())
      .build();
  private static final HandshakeCertificates SERVER_CERTIFICATES = new HandshakeCertificates.Builder()
      .heldCertificate(LOCALHOST).build();
  private static final HandshakeCertificates TRUSTING_THE_TEST_CERTIFICATE = new HandshakeCertificates.Builder()
      .addTrustedCertificate(LOCALHOST.certificate()).build();
  private static final SaveCardRequest REQUEST = SaveCardRequest.builder().sessionId("js_1").cardDescription("d")
      .build();

  private final MockWebServer server = new MockWebServer();

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void refusesAServerThatOffersOnlyTls11WhileAPermissiveClientConnects() throws IOException {
    startHttps("TLSv1.1");
    MockPaynet.enqueue(server, Spec.responseExample("saveCard", "saved"));
    MockPaynet.enqueue(server, Spec.responseExample("saveCard", "saved"));

    OkHttpClient permissive = trustingClient().newBuilder()
        .connectionSpecs(List.of(new ConnectionSpec.Builder(true).allEnabledTlsVersions().allEnabledCipherSuites()
            .build()))
        .build();
    try (Response control = permissive.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
      assertThat(control.handshake().tlsVersion()).as("the JVM itself allows TLS 1.1")
          .isEqualTo(TlsVersion.TLS_1_1);
    }
    try (PaynetClient client = paynetClient()) {

      PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.NotSent.class,
          () -> client.saveCard(REQUEST));

      assertThat(failure).hasMessageContaining("Nothing was sent")
          .hasMessageContaining("the TLS handshake failed")
          .hasMessageContaining("TLS 1.2 and 1.3 only")
          .hasRootCauseInstanceOf(SSLHandshakeException.class);
    }
    assertThat(server.getRequestCount()).as("only the permissive client's request arrived").isEqualTo(1);
  }

  @Test
  void acceptsAServerThatOffersTls12() throws Exception {
    startHttps("TLSv1.2");
    MockPaynet.enqueue(server, Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynetClient()) {

      SaveCardOutcome outcome = client.saveCard(REQUEST);

      assertThat(outcome).isInstanceOf(SaveCardOutcome.Acknowledged.class);
    }
    RecordedRequest received = server.takeRequest();
    assertThat(received.getHandshake()).isNotNull();
    assertThat(received.getHandshake().tlsVersion()).isEqualTo(TlsVersion.TLS_1_2);
  }

  private void startHttps(String onlyProtocol) throws IOException {
    server.useHttps(new OfferingOnly(SERVER_CERTIFICATES.sslSocketFactory(), onlyProtocol), false);
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  private PaynetClient paynetClient() {
    return PaynetClient.builder()
        .environment(PaynetEnvironment.of(server.url("/").toString()))
        .apiKey(MockPaynet.KEY)
        .okHttpClient(trustingClient())
        .build();
  }

  private static OkHttpClient trustingClient() {
    return new OkHttpClient.Builder()
        .sslSocketFactory(TRUSTING_THE_TEST_CERTIFICATE.sslSocketFactory(),
            TRUSTING_THE_TEST_CERTIFICATE.trustManager())
        .build();
  }

  /** The server's sockets offer exactly one TLS version. */
  private static final class OfferingOnly extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final String protocol;

    OfferingOnly(SSLSocketFactory delegate, String protocol) {
      this.delegate = delegate;
      this.protocol = protocol;
    }

    private Socket limited(Socket socket) {
      ((SSLSocket) socket).setEnabledProtocols(new String[] {protocol});
      return socket;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
      return limited(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return limited(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return limited(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return limited(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return limited(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }
  }
}
