package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.paynetsavecard.client.generated.model.PaynetReturnCode;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The charge call: what goes on the wire, and the card-save report of every example of the spec. */
class ChargeTest {

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();
  private final PaynetClient client = paynet.client;

  private static ChargeRequest requestOf(Spec.Example example) {
    return ChargeRequest.builder()
        .sessionId(example.string("session_id"))
        .tokenId(example.string("token_id"))
        .referenceNo(example.string("reference_no"))
        .transactionType(example.integer("transaction_type"))
        .build();
  }

  static Stream<Spec.Example> chargeResponseExamples() {
    return Spec.responseExamples("charge").stream();
  }

  @Test
  void sendsTheSpecsChargeExampleWithTheKeyAndTheJsonHeaders() {
    Spec.Example example = Spec.requestExample("charge", "charge");
    paynet.answer(Spec.responseExample("charge", "chargedCardSaved"));

    client.charge(requestOf(example));

    RecordedRequest sent = paynet.takeRequest();
    assertThat(sent.getMethod()).isEqualTo("POST");
    assertThat(sent.getPath()).isEqualTo(Spec.path("charge"));
    assertThat(sent.getHeader("Authorization")).isEqualTo("Basic " + MockPaynet.KEY);
    assertThat(sent.getHeader("Accept")).isEqualTo("application/json; charset=UTF-8");
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(Spec.parseObject(sent.getBody().readUtf8())).isEqualTo(Spec.parseObject(example.json()));
  }

  @Test
  void readsTheCardSaveReportOfAFirstCharge() {
    Spec.Example saved = Spec.responseExample("charge", "chargedCardSaved");
    paynet.answer(saved);

    ChargeResult result = client.charge(requestOf(Spec.requestExample("charge", "charge")));

    assertThat(result.paid()).isTrue();
    assertThat(result.repeated()).isFalse();
    assertThat(result.cardStored()).isTrue();
    assertThat(result.code()).isEqualTo(new PaynetCode(0));
    assertThat(result.message()).isEqualTo(saved.string("message"));
    assertThat(result.id()).contains(saved.string("id"));
    assertThat(result.xactId()).contains(saved.string("xact_id"));
    assertThat(result.saveCardSucceeded()).contains(true);
    assertThat(result.cardOwnerId()).contains(saved.string("card_owner_id"));
    assertThat(result.userUniqueId()).contains(saved.string("user_unique_id"));
    assertThat(result.cardHash()).contains(saved.string("card_hash"));
    assertThat(result.toString()).doesNotContain(saved.string("card_owner_id"), saved.string("card_hash"));
  }

  @Test
  void aRepeatedChargeIsTheEarlierPaymentWithCode100() {
    paynet.answer(Spec.responseExample("charge", "repeatedCharge"));

    ChargeResult result = client.charge(requestOf(Spec.requestExample("charge", "charge")));

    assertThat(result.code().known()).contains(PaynetReturnCode.OLD_SUCCESSFUL);
    assertThat(result.paid()).isTrue();
    assertThat(result.repeated()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chargeResponseExamples")
  void decodesEveryNamedChargeExample(Spec.Example example) {
    paynet.answer(example);

    ChargeResult result = client.charge(requestOf(Spec.requestExample("charge", "charge")));

    assertThat(result.httpStatus()).isEqualTo(example.status());
    assertThat(result.message()).isEqualTo(example.string("message"));
    if (example.status() == 200) {
      assertThat(result.code()).isEqualTo(new PaynetCode(example.integer("code")));
      assertThat(result.saveCardSucceeded()).isEqualTo(Optional.ofNullable((Boolean) example.field("is_save_card_succeed")));
      assertThat(result.saveCardResultMessage()).isEqualTo(Optional.ofNullable(example.string("save_card_result_message")));
      assertThat(result.errorType()).isEmpty();
    } else {
      assertThat(result.code()).isEqualTo(new PaynetCode(example.integer("result_code")));
      assertThat(result.errorType()).contains(example.string("type"));
      assertThat(result.paid()).isFalse();
    }
  }

  @Test
  void aChargeWhoseAnswerIsLostHasAnUnknownOutcomeAndIsNotResent() throws Exception {
    paynet.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    paynet.answer(Spec.responseExample("charge", "repeatedCharge"));

    Throwable failure = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
        () -> client.chargeAsync(requestOf(Spec.requestExample("charge", "charge"))).get(5, TimeUnit.SECONDS))
        .getCause();

    assertThat(failure).isInstanceOf(PaynetTransportException.OutcomeUnknown.class)
        .hasMessageContaining("code 100, OLD_SUCCESSFUL");
    assertThat(paynet.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void chargeRequestToStringShowsNeitherTheFullSessionNorTheCardToken() {
    ChargeRequest request = ChargeRequest.builder().sessionId("js_EAAAAJq7/Yc3LmN8pRt2WvX5zB9dF4hK6sQ1uE0aG7iO3yTb")
        .tokenId("7c1f4b2e9d0a4e55b93c7a8e6f1d2c30").build();

    assertThat(request.toString()).contains("js_EAAAAJq…", "tokenId=<redacted>")
        .doesNotContain("Yc3LmN8pRt2WvX5zB9dF4hK6sQ1uE0aG7iO3yTb", "7c1f4b2e9d0a4e55b93c7a8e6f1d2c30");
  }
}
