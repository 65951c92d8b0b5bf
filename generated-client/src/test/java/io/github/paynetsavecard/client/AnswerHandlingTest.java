package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.paynetsavecard.client.generated.model.PaynetReturnCode;
import java.io.IOException;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paynet's two error channels, lenient codes, unknown content, and answers that are not JSON. */
class AnswerHandlingTest {

  private static final SaveCardRequest REQUEST = SaveCardRequest.builder().sessionId("js_1").build();

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();
  private final PaynetClient client = paynet.client;

  @Test
  void bothErrorChannelsGiveTheSameRejection() {
    paynet.answer(200, "{\"session_id\":\"js_1\",\"code\":13,\"message\":\"Session bulunamadı\"}");
    paynet.answer(400, "{\"type\":\"invalid_request_error\",\"message\":\"Session bulunamadı\",\"code\":400,"
        + "\"result_code\":13}");

    SaveCardOutcome.Rejected onHttp200 = (SaveCardOutcome.Rejected) client.saveCard(REQUEST);
    SaveCardOutcome.Rejected onErrorObject = (SaveCardOutcome.Rejected) client.saveCard(REQUEST);

    assertThat(onHttp200.code()).isEqualTo(onErrorObject.code());
    assertThat(onHttp200.code().known()).contains(PaynetReturnCode.NO_SESSION);
    assertThat(onHttp200.message()).isEqualTo(onErrorObject.message());
    assertThat(onHttp200.httpStatus()).isEqualTo(200);
    assertThat(onHttp200.errorType()).isEmpty();
    assertThat(onErrorObject.httpStatus()).isEqualTo(400);
    assertThat(onErrorObject.errorType()).contains("invalid_request_error");
  }

  @Test
  void acceptsCodeAsANumberOrAsAString() {
    paynet.answer(200, "{\"session_id\":\"js_1\",\"code\":0,\"message\":\"Başarılı İşlem\"}");
    paynet.answer(200, "{\"session_id\":\"js_1\",\"code\":\"0\",\"message\":\"Başarılı İşlem\"}");

    SaveCardOutcome asNumber = client.saveCard(REQUEST);
    SaveCardOutcome asString = client.saveCard(REQUEST);

    assertThat(asNumber).isEqualTo(new SaveCardOutcome.AwaitingCardholder("js_1", "Başarılı İşlem"));
    assertThat(asString).isEqualTo(asNumber);
  }

  @Test
  void acceptsResultCodeAsAString() {
    paynet.answer(401, "{\"type\":\"authorization_error\",\"message\":\"Yetkisiz\",\"code\":\"401\",\"result_code\":\"7\"}");

    SaveCardOutcome outcome = client.saveCard(REQUEST);

    assertThat(outcome).isEqualTo(new SaveCardOutcome.Rejected(new PaynetCode(7), "Yetkisiz", 401,
        Optional.of("authorization_error")));
  }

  @Test
  void keepsUnknownCodesAsNumbers() {
    paynet.answer(200, "{\"code\":777,\"message\":\"?\"}");
    paynet.answer(403, "{\"type\":\"brand_new_error\",\"message\":\"?\",\"code\":403,\"result_code\":27}");

    SaveCardOutcome.Rejected unknownOn200 = (SaveCardOutcome.Rejected) client.saveCard(REQUEST);
    SaveCardOutcome.Rejected unknownOnError = (SaveCardOutcome.Rejected) client.saveCard(REQUEST);

    assertThat(unknownOn200.code().value()).isEqualTo(777);
    assertThat(unknownOn200.code().known()).isEmpty();
    assertThat(unknownOnError.code().value()).isEqualTo(27);
    assertThat(unknownOnError.errorType()).contains("brand_new_error");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"100, OLD_SUCCESSFUL", "23, RATIO_CODE_NOT_FOUND",
      "24, INVOICE_NO_NOT_FOUND", "25, CARD_NOT_FOUND", "26, CARD_KEY_UNDEFINED", "200, SUBSCRIPTION_ON",
      "201, SUBSCRIPTION_OFF"})
  void namesTheOldSuccessAndTheIntegrationKnownCodes(int value, String name) {
    paynet.answer(200, "{\"code\":" + value + ",\"message\":\"?\"}");

    SaveCardOutcome.Rejected rejected = (SaveCardOutcome.Rejected) client.saveCard(REQUEST);

    assertThat(rejected.code().known()).hasValueSatisfying(known -> assertThat(known.name()).isEqualTo(name));
    assertThat(rejected.code()).hasToString(value + " " + name);
  }

  @Test
  void ignoresUnknownFieldsOfAnyShape() {
    paynet.answer(200, "{\"is_new\":true,\"session_id\":\"js_1\",\"extra\":{\"nested\":[1,\"two\",null]},"
        + "\"object_name\":\"save_card\",\"code\":0,\"message\":\"ok\",\"trailing\":3.5}");

    SaveCardOutcome outcome = client.saveCard(REQUEST);

    assertThat(outcome).isEqualTo(new SaveCardOutcome.AwaitingCardholder("js_1", "ok"));
  }

  @Test
  void takesTheRequestsSessionWhenTheAnswerHasNone() {
    paynet.answer(200, "{\"code\":0,\"message\":\"ok\"}");

    SaveCardOutcome outcome = client.saveCard(SaveCardRequest.builder().sessionId("js_mine").cardDescription("x").build());

    assertThat(outcome).isEqualTo(new SaveCardOutcome.Acknowledged("js_mine", "ok", "x"));
  }

  @Test
  void reportsAnHtmlErrorPageWithItsStatusAndAShortExcerpt() {
    String page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
        + "<p>nginx</p>" + "x".repeat(5000) + "</body></html>";
    paynet.server.enqueue(new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html").setBody(page));

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.httpStatus()).hasValue(502);
    assertThat(failure.bodyExcerpt()).hasValueSatisfying(excerpt -> {
      assertThat(excerpt).startsWith("<html><head><title>502 Bad Gateway</title>");
      assertThat(excerpt.length()).isLessThanOrEqualTo(Redaction.EXCERPT_LENGTH + 1);
    });
    assertThat(failure).hasMessageContaining("is not JSON").hasMessageContaining("HTTP 502")
        .hasMessageContaining("/v1/paynetj/save_card");
  }

  @Test
  void reportsANonJsonBodyOnHttp200Too() {
    paynet.server.enqueue(new MockResponse().setResponseCode(200).setBody("OK"));

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.httpStatus()).hasValue(200);
    assertThat(failure.bodyExcerpt()).contains("OK");
    assertThat(failure).hasMessageContaining("is not JSON");
  }

  @Test
  void reportsAnEmptyBody() {
    paynet.server.enqueue(new MockResponse().setResponseCode(200));

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.httpStatus()).hasValue(200);
    assertThat(failure.bodyExcerpt()).contains("(empty)");
    assertThat(failure).hasMessageContaining("has no body");
  }

  @Test
  void reportsJsonOfTheWrongShapeWithItsPath() {
    paynet.answer(200, "{\"code\":\"zero\",\"message\":\"?\"}");

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.httpStatus()).hasValue(200);
    assertThat(failure).hasMessageContaining("$.code");
  }

  @Test
  void neverRepeatsAPhoneNumberSentInTheWrongFieldInTheMessage() {
    paynet.answer(200, "{\"code\":5321234567,\"message\":\"?\"}");

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure).hasMessageContaining("$.code").hasMessageNotContaining("5321234567");
    assertThat(failure.bodyExcerpt()).hasValueSatisfying(e -> assertThat(e).doesNotContain("5321234567"));
  }

  @Test
  void reportsAnErrorAnswerWithoutAPaynetResultCode() {
    paynet.answer(422, "{\"type\":\"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY\",\"title\":\"Invalid\"}");

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.httpStatus()).hasValue(422);
    assertThat(failure).hasMessageContaining("no result_code");
    assertThat(failure.bodyExcerpt()).hasValueSatisfying(e -> assertThat(e).contains("UNPROCESSABLE_ENTITY"));
  }

  @Test
  void reportsASuccessAnswerWithoutCode() {
    paynet.answer(200, "{\"session_id\":\"js_1\",\"message\":\"?\"}");

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure).hasMessageContaining("has no code");
    assertThat(failure.httpStatus()).hasValue(200);
  }

  @Test
  void neverPutsTheKeyOrAPhoneNumberInAnExcerpt() {
    paynet.server.enqueue(new MockResponse().setResponseCode(500)
        .setBody("<pre>Authorization: Basic " + MockPaynet.KEY + " user_gsm=5321234567</pre>"));

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.getMessage()).doesNotContain(MockPaynet.KEY).doesNotContain("5321234567")
        .contains("********67");
    assertThat(failure.bodyExcerpt()).hasValueSatisfying(
        e -> assertThat(e).doesNotContain(MockPaynet.KEY).doesNotContain("5321234567"));
  }

  @Test
  void reportsAConnectionClosedUnderTheRequestAsAnUnknownOutcomeWithoutStatus() {
    paynet.server.enqueue(new MockResponse().setSocketPolicy(okhttp3.mockwebserver.SocketPolicy.DISCONNECT_AT_START));
    paynet.answer(Spec.responseExample("saveCard", "saved"));

    PaynetTransportException failure = catchThrowableOfType(PaynetTransportException.OutcomeUnknown.class,
        () -> client.saveCard(REQUEST));

    assertThat(failure.httpStatus()).isEmpty();
    assertThat(failure.bodyExcerpt()).isEmpty();
    assertThat(failure).hasMessageContaining("The outcome is unknown")
        .hasMessageContaining("Do not send save_card again blindly")
        .hasMessageContaining("is_save_card_succeed");
    // The second answer stays queued: the request was not sent again on a fresh connection.
    assertThat(paynet.server.getRequestCount()).isLessThanOrEqualTo(1);
  }
}
