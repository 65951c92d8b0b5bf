package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keys and phone numbers never reach logs or {@code toString()}. */
class RedactionTest {

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Test
  void logsNothingUnlessAskedTo() throws IOException {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynet.client()) {
      client.saveCard(SaveCardRequest.builder().sessionId("js_1").build());

      assertThat(client.toString()).contains("logging=off");
      assertThat(client.http().interceptors()).noneMatch(ExchangeLog.class::isInstance);
    }
  }

  @Test
  void logsBodiesWithTheAuthorizationHeaderRedactedAndThePhoneNumberMasked() throws IOException {
    paynet.answer(200, "{\"session_id\":\"js_1\",\"code\":0,\"message\":\"ok\",\"user_gsm\":\"5321234567\"}");
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.to(PaynetLogging.Level.BODY, lines::add)).build()) {

      client.saveCard(SaveCardRequest.builder().sessionId("js_1").cardDescription("d").userGsm("5321234567").build());
    }

    String log = String.join("\n", lines);
    assertThat(log).contains("--> POST " + paynet.server.url("/v1/paynetj/save_card"))
        .contains("<-- 200 POST")
        .contains("Authorization: Basic " + Redaction.MARKER)
        .contains("\"user_gsm\":\"********67\"")
        .contains("Content-Type: application/json; charset=UTF-8")
        .doesNotContain(MockPaynet.KEY)
        .doesNotContain("5321234567");
  }

  @Test
  void logsOnlyTheExchangeLineAtBasicLevel() throws IOException {
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.to(PaynetLogging.Level.BASIC, lines::add)).build()) {

      client.saveCard(SaveCardRequest.builder().sessionId("js_1").build());
    }

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("--> POST ");
    assertThat(lines.get(1)).startsWith("<-- 200 POST ");
  }

  @Test
  void logsAFailedExchangeWithoutTheKey() throws IOException {
    paynet.server.enqueue(new okhttp3.mockwebserver.MockResponse()
        .setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.to(PaynetLogging.Level.HEADERS, lines::add)).build()) {

      org.assertj.core.api.Assertions.catchThrowable(
          () -> client.saveCard(SaveCardRequest.builder().sessionId("js_1").build()));
    }

    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("<-- FAILED POST"));
    assertThat(String.join("\n", lines)).doesNotContain(MockPaynet.KEY);
  }

  @Test
  void canLogToTheSystemLoggerOfTheClientPackage() throws IOException {
    java.util.logging.Logger julLogger = java.util.logging.Logger.getLogger("io.github.paynetsavecard.client");
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    julLogger.addHandler(capture);
    paynet.answer(Spec.responseExample("saveCard", "saved"));
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.toSystemLogger(PaynetLogging.Level.HEADERS)).build()) {

      client.saveCard(SaveCardRequest.builder().sessionId("js_1").build());
    } finally {
      julLogger.removeHandler(capture);
    }

    assertThat(lines).contains("Authorization: Basic " + Redaction.MARKER);
    assertThat(String.join("\n", lines)).doesNotContain(MockPaynet.KEY);
  }

  @Test
  void clientToStringShowsNoKey() throws IOException {
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.to(PaynetLogging.Level.HEADERS, lines::add)).build()) {

      assertThat(client.toString())
          .doesNotContain(MockPaynet.KEY)
          .contains("apiKey=" + Redaction.MARKER)
          .contains(paynet.server.url("/").toString())
          .contains("readTimeout=PT30S")
          .contains("logging=HEADERS");
    }
  }

  @Test
  void requestToStringMasksThePhoneNumberAndShortensTheSession() {
    SaveCardRequest request = SaveCardRequest.builder()
        .sessionId("js_EAAAAMb2/RMGqozzIWMQWUTL5pJrdQvi/aD5qZ4A1LaDfo8g").userGsm("5321234567").build();

    assertThat(request.toString())
        .doesNotContain("5321234567")
        .contains("userGsm=********67")
        .contains("js_EAAAAMb…")
        .doesNotContain("RMGqozzIWMQWUTL5pJrdQvi")
        .contains("cardholder names the card");
  }

  @Test
  void generatedModelsToStringNamesFieldsButNoValues() {
    var wire = new io.github.paynetsavecard.client.generated.model.SaveCardRequest()
        .sessionId("js_1").userGsm("5321234567");

    assertThat(wire.toString()).isEqualTo("SaveCardRequest[set: session_id, user_gsm]");
  }

  @Test
  void removesTheKeyFromAnExcerptAlsoWhereJsonOrAUrlEscapesIt() {
    String key = "pbk_a/b+c";
    String body = "{\"echo\":\"Basic pbk_a\\/b\\u002bc\",\"url\":\"?k=pbk_a%2Fb%2Bc\",\"raw\":\"pbk_a/b+c\"}";

    String excerpt = Redaction.builder().secretValue(key).build().excerpt(body);

    assertThat(excerpt).isEqualTo("{\"echo\":\"Basic <redacted>\",\"url\":\"?k=<redacted>\",\"raw\":\"<redacted>\"}");
  }

  @Test
  void masksEveryLongDigitRunInFreeText() {
    assertThat(Redaction.builder().build().text("call 905321234567 or 5321234567, order 12345"))
        .isEqualTo("call **********67 or ********67, order 12345");
  }
}
