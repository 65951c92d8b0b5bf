package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the client puts on the wire: path, headers and the exact JSON bytes. */
class SaveCardWireTest {

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();
  private final PaynetClient client = paynet.client;

  static Stream<Spec.Example> saveCardRequestExamples() {
    return Spec.requestExamples("saveCard").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("saveCardRequestExamples")
  void sendsEachNamedRequestExampleOfTheSpecByteForByte(Spec.Example example) {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    SaveCardRequest request = SaveCardRequest.builder()
        .sessionId(example.string("session_id"))
        .cardDescription(example.string("card_desc"))
        .userGsm(example.string("user_gsm"))
        .build();

    client.saveCard(request);

    RecordedRequest sent = paynet.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo(Spec.path("saveCard"));
    assertThat(sent.getHeader("Authorization")).isEqualTo("Basic " + MockPaynet.KEY);
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json; charset=UTF-8");
    assertThat(sent.getBody().readUtf8()).isEqualTo(example.jsonAsSent());
  }

  @Test
  void leavesCardDescOutOfTheBodyForTheHostedPageBranch() {
    paynet.answer(Spec.responseExample("saveCard", "hostedPage"));

    client.saveCard(SaveCardRequest.builder().sessionId("js_hosted").build());

    assertThat(paynet.takeRequest().getBody().readUtf8()).isEqualTo("{\"session_id\":\"js_hosted\"}");
  }

  @Test
  void sendsTheNormalisedPhoneNumber() {
    paynet.answer(Spec.responseExample("saveCard", "savedWithGsm"));

    client.saveCard(SaveCardRequest.builder().sessionId("js_1").cardDescription("is").userGsm("+90 532 123 45 67")
        .build());

    assertThat(paynet.takeRequest().getBody().readUtf8())
        .isEqualTo("{\"card_desc\":\"is\",\"session_id\":\"js_1\",\"user_gsm\":\"5321234567\"}");
  }

  @Test
  void sendsTurkishCharactersAsUtf8() {
    paynet.answer(Spec.responseExample("saveCard", "saved"));

    client.saveCard(SaveCardRequest.builder().sessionId("js_1").cardDescription("İş kartım").build());

    RecordedRequest sent = paynet.takeRequest();
    assertThat(sent.getBody().readByteArray())
        .isEqualTo("{\"card_desc\":\"İş kartım\",\"session_id\":\"js_1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void resolvesTheSpecPathAgainstABaseUrlWithAPathPrefix() throws IOException {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient prefixed = PaynetClient.builder()
        .environment(PaynetEnvironment.of(paynet.server.url("/paynet").toString()))
        .apiKey(MockPaynet.KEY)
        .build()) {

      prefixed.saveCard(SaveCardRequest.builder().sessionId("js_1").build());
    }

    assertThat(paynet.takeRequest().getPath()).isEqualTo("/paynet" + Spec.path("saveCard"));
  }

  @Test
  void runsAddedInterceptorsSoATestCanAskPrismForAnExample() throws IOException {
    paynet.answer(Spec.responseExample("saveCard", "noSession"));
    try (PaynetClient preferring = paynet.clientBuilder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Prefer", "example=noSession").build()))
        .build()) {

      preferring.saveCard(SaveCardRequest.builder().sessionId("js_1").build());
    }

    RecordedRequest sent = paynet.takeRequest();
    assertThat(sent.getHeader("Prefer")).isEqualTo("example=noSession");
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json; charset=UTF-8");
    assertThat(sent.getHeader("Authorization")).isEqualTo("Basic " + MockPaynet.KEY);
  }

  @Test
  void sendsCreateSessionAsTheSpecsAuthOperation() {
    Spec.Example payment = Spec.requestExample("createSession", "payment");
    paynet.answer(Spec.responseExample("createSession", "started"));

    client.createSession(CreateSessionRequest.builder()
        .amount(payment.integer("amount"))
        .referenceNo(payment.string("reference_no"))
        .addCommission((Boolean) payment.field("add_commission"))
        .build());

    RecordedRequest sent = paynet.takeRequest();
    assertThat(sent.getPath()).isEqualTo(Spec.path("createSession"));
    assertThat(sent.getHeader("Authorization")).isEqualTo("Basic " + MockPaynet.KEY);
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json; charset=UTF-8");
    assertThat(Spec.parseObject(sent.getBody().readUtf8())).isEqualTo(Spec.parseObject(payment.json()));
  }
}
