package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures where nothing was sent are told apart, and retried only when asked. */
class RetryWhenNothingWasSentTest {

  private static final SaveCardRequest REQUEST = SaveCardRequest.builder().sessionId("js_1").cardDescription("d")
      .build();

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();

  private final AtomicInteger lookups = new AtomicInteger();

  /** Resolves paynet.test to the mock, except for the first {@code failures} lookups. */
  private OkHttpClient resolvingAfter(int failures) {
    Dns flaky = host -> {
      if (lookups.incrementAndGet() <= failures) {
        throw new UnknownHostException(host + ": temporary failure in name resolution");
      }
      return List.of(InetAddress.getLoopbackAddress());
    };
    return new OkHttpClient.Builder().dns(flaky).build();
  }

  private PaynetClient.Builder viaPaynetTest(OkHttpClient http) {
    return PaynetClient.builder().environment(PaynetEnvironment.of("http://paynet.test:" + paynet.server.getPort()))
        .apiKey(MockPaynet.KEY).okHttpClient(http);
  }

  @Test
  void saysNothingWasSentWhenTheHostCannotBeResolvedAndDoesNotRetryByDefault() throws IOException {
    try (PaynetClient client = viaPaynetTest(resolvingAfter(1)).build()) {

      PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.NotSent.class,
          () -> client.saveCard(REQUEST));

      assertThat(failure).hasMessageContaining("Nothing was sent")
          .hasMessageContaining("the host name could not be resolved")
          .hasMessageContaining("sending it again is safe")
          .hasRootCauseInstanceOf(UnknownHostException.class);
    }
    assertThat(lookups).hasValue(1);
    assertThat(paynet.server.getRequestCount()).isZero();
  }

  @Test
  void retriesAFailedLookupWhenAskedAndSendsTheRequestOnce() throws IOException {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = viaPaynetTest(resolvingAfter(1)).retryIfNothingWasSent(1).build()) {

      SaveCardOutcome outcome = client.saveCard(REQUEST);

      assertThat(outcome).isInstanceOf(SaveCardOutcome.Acknowledged.class);
    }
    assertThat(lookups).hasValue(2);
    assertThat(paynet.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void givesUpAfterTheRetriesItWasGiven() throws IOException {
    try (PaynetClient client = viaPaynetTest(resolvingAfter(10)).retryIfNothingWasSent(2).build()) {

      catchThrowableOfType(PaynetTransportException.NotSent.class, () -> client.saveCard(REQUEST));
    }
    assertThat(lookups).as("one attempt and two retries").hasValue(3);
  }

  @Test
  void saysNothingWasSentWhenTheConnectionIsRefusedAlsoAsynchronously() throws IOException {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient counting = new OkHttpClient.Builder().eventListener(new EventListener() {
      @Override
      public void connectStart(Call call, java.net.InetSocketAddress address, java.net.Proxy proxy) {
        connects.incrementAndGet();
      }
    }).build();
    try (PaynetClient client = PaynetClient.builder()
        .environment(PaynetEnvironment.of("http://127.0.0.1:" + closedPort)).apiKey(MockPaynet.KEY)
        .okHttpClient(counting).retryIfNothingWasSent(2).build()) {

      ExecutionException failure = catchThrowableOfType(ExecutionException.class,
          () -> client.saveCardAsync(REQUEST).get(5, TimeUnit.SECONDS));

      assertThat(failure.getCause()).isInstanceOf(PaynetTransportException.NotSent.class)
          .hasMessageContaining("the connection was refused");
    }
    assertThat(connects).as("one attempt and two retries").hasValue(3);
  }

  @Test
  void neverRetriesOnceTheRequestWentOut() throws IOException {
    paynet.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynet.clientBuilder().retryIfNothingWasSent(PaynetClient.MAX_RETRIES_WHEN_NOTHING_WAS_SENT)
        .build()) {

      catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class, () -> client.saveCard(REQUEST));
    }
    assertThat(paynet.server.getRequestCount()).isEqualTo(1);
  }
}
