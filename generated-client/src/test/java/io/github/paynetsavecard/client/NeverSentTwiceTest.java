package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that may have reached Paynet is never sent again: not by OkHttp after a dropped pooled
 * connection, a redirect or a 503, not on a client handed over with OkHttp's resending switched on,
 * not by an interceptor that calls {@code proceed()} twice.
 */
class NeverSentTwiceTest {

  private static final SaveCardRequest REQUEST = SaveCardRequest.builder().sessionId("js_1").cardDescription("d")
      .build();

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();

  /** Answers the first save_card, reads the second on the same connection and drops it; a resend would succeed. */
  private void answerThenDropTheReusedConnection() {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    paynet.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    paynet.answer(Spec.responseExample("saveCard", "saved"));
  }

  @Test
  void withOkHttpsDefaultsTheSameServerReceivesTheSecondRequestTwice() throws IOException {
    answerThenDropTheReusedConnection();
    OkHttpClient defaults = new OkHttpClient();
    RequestBody body = RequestBody.create("{\"session_id\":\"js_1\"}", MediaType.get("application/json"));
    Request post = new Request.Builder().url(paynet.server.url(Spec.path("saveCard"))).post(body).build();

    try (Response first = defaults.newCall(post).execute()) {
      first.body().string(); // read to the end: the connection goes back to the pool
    }
    try (Response second = defaults.newCall(post).execute()) {
      assertThat(second.code()).as("the resent request got the answer meant for no one").isEqualTo(200);
    }

    assertThat(paynet.server.getRequestCount()).as("OkHttp resent the dropped POST").isEqualTo(3);
  }

  @Test
  void aDroppedReusedConnectionReachesTheServerExactlyTwiceAndTheSecondCallsOutcomeIsUnknown() {
    answerThenDropTheReusedConnection();

    SaveCardOutcome first = paynet.client.saveCard(REQUEST);
    PaynetTransportException second = catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class,
        () -> paynet.client.saveCard(REQUEST));

    assertThat(first).isInstanceOf(SaveCardOutcome.Acknowledged.class);
    assertThat(paynet.server.getRequestCount()).isEqualTo(2);
    assertThat(paynet.takeRequest().getSequenceNumber()).isZero();
    assertThat(paynet.takeRequest().getSequenceNumber()).as("the second went over the reused connection")
        .isEqualTo(1);
    assertThat(second).hasMessageContaining("The outcome is unknown")
        .hasMessageContaining("the request went out")
        .hasMessageContaining("Do not send save_card again blindly")
        .hasMessageContaining("is_save_card_succeed")
        .hasMessageNotContaining(MockPaynet.KEY);
    assertThat(second.httpStatus()).isEmpty();
  }

  @Test
  void theAsynchronousCallFailsWithTheSameUnknownOutcome() {
    answerThenDropTheReusedConnection();

    paynet.client.saveCard(REQUEST);
    ExecutionException failure = catchThrowableOfType(ExecutionException.class,
        () -> paynet.client.saveCardAsync(REQUEST).get(5, TimeUnit.SECONDS));

    assertThat(failure).hasCauseInstanceOf(PaynetTransportException.OutcomeUnknown.class);
    assertThat(paynet.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aGivenClientThatResendsAndFollowsRedirectsStillSendsOnce() throws IOException {
    answerThenDropTheReusedConnection();
    OkHttpClient resending = new OkHttpClient.Builder()
        .retryOnConnectionFailure(true).followRedirects(true).followSslRedirects(true).build();
    try (PaynetClient client = paynet.clientBuilder().okHttpClient(resending).build()) {

      client.saveCard(REQUEST);
      catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class, () -> client.saveCard(REQUEST));
    }

    assertThat(paynet.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRedirectIsReportedNotFollowedEvenOnAGivenClientThatFollowsThem() throws IOException {
    paynet.server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "/elsewhere?api_key=sck_x"));
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    OkHttpClient following = new OkHttpClient.Builder().followRedirects(true).build();
    try (PaynetClient client = paynet.clientBuilder().okHttpClient(following).build()) {

      PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class,
          () -> client.saveCard(REQUEST));

      assertThat(failure.httpStatus()).hasValue(307);
      assertThat(failure).hasMessageContaining("redirect to /elsewhere")
          .hasMessageContaining("never follows one");
    }
    assertThat(paynet.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void a503WithRetryAfterZeroIsPaynetsAnswerNotAReasonToResend() {
    paynet.server.enqueue(MockPaynet.json(503, Spec.responseExample("saveCard", "timeout").json())
        .setHeader("Retry-After", "0"));
    paynet.answer(Spec.responseExample("saveCard", "saved"));

    SaveCardOutcome outcome = paynet.client.saveCard(REQUEST);

    assertThat(outcome).isInstanceOfSatisfying(SaveCardOutcome.Rejected.class,
        rejected -> assertThat(rejected.httpStatus()).isEqualTo(503));
    assertThat(paynet.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterceptorThatProceedsTwiceCannotResend() throws IOException {
    paynet.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynet.clientBuilder().addInterceptor(chain -> {
      try {
        return chain.proceed(chain.request());
      } catch (IOException firstTryFailed) {
        return chain.proceed(chain.request());
      }
    }).build()) {

      PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class,
          () -> client.saveCard(REQUEST));

      assertThat(failure).hasMessageContaining("refused to send the request a second time");
    }
    assertThat(paynet.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGivenClientsInterceptorsSeeThePaynetHeadersAndItsThreadsOutliveThePaynetClient() throws IOException {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    paynet.answer(200, "{}");
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.add(chain.request().header("Authorization") + " | " + chain.request().header("Accept"));
      return chain.proceed(chain.request());
    }).build();
    try (PaynetClient client = paynet.clientBuilder().okHttpClient(shared).build()) {
      client.saveCard(REQUEST);
    }

    try (Response afterClose = shared.newCall(new Request.Builder().url(paynet.server.url("/")).build()).execute()) {
      assertThat(afterClose.code()).isEqualTo(200);
    }
    assertThat(seen).first().isEqualTo("Basic " + MockPaynet.KEY + " | application/json; charset=UTF-8");
  }
}
