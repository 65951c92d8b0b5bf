package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
  private static final String SESSION = "js_EAAAAMb2/RMGqozzIWMQWUTL5pJrdQvi/aD5qZ4A1LaDfo8g";

  @Test
  void everyPersonalFieldOfTheSpecsRequestsIsCoveredByThePolicy() {
    java.util.Set<String> covered = new java.util.HashSet<>(Redaction.SHORTENED_FIELDS);
    covered.addAll(Redaction.REDACTED_FIELDS);
    covered.addAll(Redaction.PHONE_FIELDS);
    Map<String, List<String>> personal = Map.of(
        "SaveCardRequest", List.of("session_id", "card_desc", "user_gsm"),
        "AuthRequest", List.of("card_desc", "card_owner_id", "user_gsm_no", "token"),
        "ChargeRequest", List.of("session_id", "token_id"),
        "ChargeResponse", List.of("card_owner_id"));

    personal.forEach((schema, fields) -> {
      Map<String, Object> properties = Spec.map(Spec.schema(schema).get("properties"));
      assertThat(properties).as(schema).containsKeys(fields.toArray(String[]::new));
      assertThat(covered).as(schema).containsAll(fields);
    });
  }

  @Test
  void logsAFullExchangeWithoutTheSessionIdOrTheCardDescription() throws IOException {
    paynet.answer(200, "{\"session_id\":\"" + SESSION + "\",\"code\":0,\"message\":\"ok\"}");
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.to(PaynetLogging.Level.BODY, lines::add)).build()) {

      SaveCardOutcome outcome = client.saveCard(
          SaveCardRequest.builder().sessionId(SESSION).cardDescription("onur ozdemir").build());
      lines.add(outcome.toString());
    }

    assertThat(String.join("\n", lines)).contains("\"session_id\":\"js_EAAAAMb\u2026\"")
        .contains("\"card_desc\":\"<redacted>\"")
        .doesNotContain(SESSION).doesNotContain("onur ozdemir");
  }

  @Test
  void valueTypesShortenTheSessionAndLeaveTheCardDescriptionOut() {
    List<Object> values = List.of(
        new SaveCardOutcome.Acknowledged(SESSION, "ok", "onur ozdemir"),
        new SaveCardOutcome.AwaitingCardholder(SESSION, "ok"),
        new PaynetSession(java.util.Optional.of(SESSION), new PaynetCode(0), "ok", 200),
        SaveCardRequest.builder().sessionId(SESSION).cardDescription("onur ozdemir").build());

    assertThat(values).allSatisfy(value -> assertThat(value.toString()).contains("js_EAAAAMb\u2026")
        .doesNotContain(SESSION).doesNotContain("onur ozdemir"));
  }

  @Test
  void redactsTheKeyInEveryPlaceASchemeNames() {
    Redaction policy = Redaction.builder().securityScheme("apiKey", "header", "X-Merchant-Key")
        .securityScheme("apiKey", "query", "api_key").securityScheme("apiKey", "cookie", "merchant")
        .securityScheme("http", null, null).build();

    assertThat(policy.header("x-merchant-key", "sck_1")).isEqualTo(Redaction.MARKER);
    assertThat(policy.header("Authorization", "Bearer sck_1")).isEqualTo("Bearer <redacted>");
    assertThat(policy.header("Authorization", "sck_1 sck_2")).isEqualTo(Redaction.MARKER);
    assertThat(policy.header("Cookie", "merchant=sck_1; theme=dark")).isEqualTo("merchant=<redacted>; theme=dark");
    assertThat(policy.header("Set-Cookie", "merchant=sck_1; Path=/")).isEqualTo("merchant=<redacted>; Path=/");
    assertThat(policy.url("http://u:p@h/v1/x?api_key=sck_1&session_id=" + SESSION + "&page=2"))
        .isEqualTo("http://<redacted>@h/v1/x?api_key=<redacted>&session_id=js_EAAAAMb\u2026&page=2");
    assertThat(policy.header("Accept", "application/json")).isEqualTo("application/json");
  }

  @Test
  void withoutTheSpecsSchemesShowsOnlyHeadersThatNeverCarryACredential() {
    Redaction unknown = Redaction.unknownSchemes();

    assertThat(unknown.header("X-Anything", "sck_1")).isEqualTo(Redaction.MARKER);
    assertThat(unknown.header("Content-Type", "application/json")).isEqualTo("application/json");
    assertThat(unknown.header("Cookie", "a=1; b=2")).isEqualTo("a=<redacted>; b=<redacted>");
    assertThat(unknown.url("/x?page=2")).isEqualTo("/x?page=<redacted>");
  }

  @Test
  void masksPhonesShortensSessionsAndRedactsDescriptionsAndTokensInJsonAndForms() {
    Redaction policy = Redaction.builder().build();

    assertThat(policy.text("{\"user_gsm_no\": \"5321234567\", \"card_owner_id\":\"co_3f9a6d2e71b84c05\","
        + " \"token\":\"pbk_1\", \"token_id\":\"7c1f\"}"))
        .isEqualTo("{\"user_gsm_no\": \"********67\", \"card_owner_id\":\"co_3f9a6d2\u2026\","
            + " \"token\":\"<redacted>\", \"token_id\":\"<redacted>\"}");
    assertThat(policy.text("card_desc=onur+ozdemir&user_gsm=5321234567"))
        .isEqualTo("card_desc=<redacted>&user_gsm=********67");
  }
}
