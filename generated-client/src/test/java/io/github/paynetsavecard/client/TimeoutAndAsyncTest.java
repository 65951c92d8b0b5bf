package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimeoutAndAsyncTest {

  private static final SaveCardRequest REQUEST = SaveCardRequest.builder().sessionId("js_1").cardDescription("d").build();

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();

  @Test
  void givesUpReadingAfterTheReadTimeoutWithAnUnknownOutcome() throws IOException {
    paynet.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (PaynetClient client = paynet.clientBuilder().readTimeout(Duration.ofMillis(300)).build()) {
      long started = System.nanoTime();

      PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class,
          () -> client.saveCard(REQUEST));

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      assertThat(failure).hasMessageContaining("timed out waiting for the answer")
          .hasCauseInstanceOf(SocketTimeoutException.class);
      assertThat(paynet.server.getRequestCount()).isEqualTo(1);
      assertThat(failure.httpStatus()).isEmpty();
    }
  }

  @Test
  void givesUpConnectingAfterTheConnectTimeoutAndSaysNothingWasSent() throws IOException {
    // A listening socket whose accept queue is full: the kernel drops further SYNs, so connecting hangs.
    try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket socket = new Socket();
          socket.connect(new InetSocketAddress(full.getInetAddress(), full.getLocalPort()), 200);
          queued.add(socket);
        }
      } catch (IOException queueIsFull) {
        // expected once the backlog is exhausted
      }
      try (PaynetClient client = PaynetClient.builder()
          .environment(PaynetEnvironment.of("http://127.0.0.1:" + full.getLocalPort()))
          .apiKey(MockPaynet.KEY)
          .connectTimeout(Duration.ofMillis(300))
          .build()) {
        long started = System.nanoTime();

        PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.NotSent.class,
            () -> client.saveCard(REQUEST));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure).hasMessageContaining("Nothing was sent").hasMessageContaining("timed out connecting")
            .hasRootCauseInstanceOf(SocketTimeoutException.class);
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  @Test
  void givesUpTheWholeCallAfterTheCallTimeoutWithAnUnknownOutcome() throws IOException {
    paynet.server.enqueue(new MockResponse().setBody("{\"code\":0,\"message\":\"slow\"}")
        .throttleBody(1, 200, TimeUnit.MILLISECONDS));
    try (PaynetClient client = paynet.clientBuilder().callTimeout(Duration.ofMillis(500)).build()) {

      PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class,
          () -> client.saveCard(REQUEST));

      assertThat(failure).hasMessageContaining("call timeout");
    }
  }

  @Test
  void appliesTheConfiguredTimeoutsAndSafeDefaults() throws IOException {
    try (PaynetClient defaults = paynet.client();
        PaynetClient custom = paynet.clientBuilder().connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(3)).build()) {

      assertThat(defaults.http().connectTimeoutMillis()).isEqualTo(PaynetClient.DEFAULT_CONNECT_TIMEOUT.toMillis());
      assertThat(defaults.http().readTimeoutMillis()).isEqualTo(PaynetClient.DEFAULT_READ_TIMEOUT.toMillis());
      assertThat(defaults.http().callTimeoutMillis()).isEqualTo(PaynetClient.DEFAULT_CALL_TIMEOUT.toMillis());
      assertThat(custom.http().connectTimeoutMillis()).isEqualTo(1000);
      assertThat(custom.http().readTimeoutMillis()).isEqualTo(2000);
      assertThat(custom.http().callTimeoutMillis()).isEqualTo(3000);
    }
  }

  @Test
  void savesACardAsynchronously() throws Exception {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynet.client()) {

      CompletableFuture<SaveCardOutcome> future = client.saveCardAsync(REQUEST);

      assertThat(future.get(5, TimeUnit.SECONDS)).isInstanceOf(SaveCardOutcome.Acknowledged.class);
      assertThat(paynet.takeRequest().getPath()).isEqualTo(Spec.path("saveCard"));
    }
  }

  @Test
  void failsTheFutureWithTheSameTransportExceptionAsTheBlockingCall() throws IOException {
    paynet.server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad Gateway</html>"));
    try (PaynetClient client = paynet.client()) {

      ExecutionException failure = catchThrowableOfType(ExecutionException.class,
          () -> client.saveCardAsync(REQUEST).get(5, TimeUnit.SECONDS));

      assertThat(failure.getCause()).isInstanceOf(PaynetTransportException.class);
      assertThat(((PaynetTransportException) failure.getCause()).httpStatus()).hasValue(502);
    }
  }

  @Test
  void failsTheFutureWithWhatAnAddedInterceptorThrewAsTheBlockingCallDoes() throws IOException {
    IllegalStateException thrown = new IllegalStateException("the interceptor's own bug");
    try (PaynetClient client = paynet.clientBuilder().addInterceptor(chain -> {
      throw thrown;
    }).build()) {

      Throwable blocking = catchThrowable(() -> client.saveCard(REQUEST));
      ExecutionException async = catchThrowableOfType(ExecutionException.class,
          () -> client.saveCardAsync(REQUEST).get(5, TimeUnit.SECONDS));

      assertThat(blocking).isSameAs(thrown);
      assertThat(async.getCause()).isSameAs(thrown);
    }
  }

  @Test
  void givesRejectionsAsynchronouslyAsValues() throws Exception {
    paynet.answer(Spec.responseExample("saveCard", "unauthorized"));
    try (PaynetClient client = paynet.client()) {

      SaveCardOutcome outcome = client.saveCardAsync(REQUEST).get(5, TimeUnit.SECONDS);

      assertThat(outcome).isInstanceOf(SaveCardOutcome.Rejected.class);
      assertThat(((SaveCardOutcome.Rejected) outcome).httpStatus()).isEqualTo(401);
    }
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    paynet.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    try (PaynetClient client = paynet.client()) {
      CompletableFuture<SaveCardOutcome> future = client.saveCardAsync(REQUEST);
      paynet.takeRequest();

      future.cancel(true);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (client.http().dispatcher().runningCallsCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(client.http().dispatcher().runningCallsCount()).isZero();
    }
  }

  @Test
  void createsASessionAsynchronously() throws Exception {
    paynet.answer(Spec.responseExample("createSession", "started"));
    try (PaynetClient client = paynet.client()) {

      PaynetSession session = client.createSessionAsync(CreateSessionRequest.builder().amount(1000).build())
          .get(5, TimeUnit.SECONDS);

      assertThat(session.started()).isTrue();
    }
  }
}
