package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every named response example in the spec, served as the spec says (its status, its JSON), must
 * decode to the outcome it describes, carrying the example's own values.
 */
class SpecExampleDecodingTest {

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();
  private final PaynetClient client = paynet.client;

  static Stream<Spec.Example> saveCardResponseExamples() {
    return Spec.responseExamples("saveCard").stream();
  }

  static Stream<Spec.Example> createSessionResponseExamples() {
    return Spec.responseExamples("createSession").stream();
  }

  @Test
  void theSpecHasTheNamedExamplesTheIssueAsksFor() {
    List<String> names = saveCardResponseExamples().map(Spec.Example::name).toList();

    assertThat(names).contains("saved", "hostedPage", "savedWithGsm", "noSession", "usedSession",
        "badRequest", "unauthorized");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("saveCardResponseExamples")
  void decodesEveryNamedSaveCardExample(Spec.Example example) {
    paynet.answer(example);
    SaveCardRequest withDescription = SaveCardRequest.builder()
        .sessionId("js_request").cardDescription("onur ozdemir").build();

    SaveCardOutcome outcome = client.saveCard(withDescription);

    if (example.status() == 200 && example.integer("code") == 0) {
      assertThat(outcome).isEqualTo(new SaveCardOutcome.Acknowledged(
          example.string("session_id"), example.string("message"), "onur ozdemir"));
    } else if (example.status() == 200) {
      assertThat(outcome).isEqualTo(new SaveCardOutcome.Rejected(
          new PaynetCode(example.integer("code")), example.string("message"), 200, java.util.Optional.empty()));
    } else {
      assertThat(outcome).isEqualTo(new SaveCardOutcome.Rejected(
          new PaynetCode(example.integer("result_code")), example.string("message"), example.status(),
          java.util.Optional.of(example.string("type"))));
    }
  }

  @Test
  void theHostedPageExamplesOfTheSpecLeaveTheCardholderToNameTheCard() {
    Map<String, Object> hostedPage = Spec.map(Spec.operationNode("saveCard").get("x-paynet-hosted-page"));
    Spec.Example request = Spec.requestExample("saveCard", (String) hostedPage.get("requestExample"));
    Spec.Example response = Spec.responseExample("saveCard", (String) hostedPage.get("responseExample"));
    paynet.answer(response);

    SaveCardOutcome outcome = client.saveCard(SaveCardRequest.builder().sessionId(request.string("session_id")).build());

    assertThat(outcome).isEqualTo(new SaveCardOutcome.AwaitingCardholder(response.string("session_id"),
        response.string("message")));
  }

  @Test
  void namesTheRejectionCodesOfTheSpecExamplesWithTheSpecsEnum() {
    Spec.Example noSession = Spec.responseExample("saveCard", "noSession");
    paynet.answer(noSession);

    SaveCardOutcome outcome = client.saveCard(SaveCardRequest.builder().sessionId("js_1").build());

    List<?> codes = (List<?>) Spec.schema("PaynetReturnCode").get("enum");
    List<?> names = (List<?>) Spec.schema("PaynetReturnCode").get("x-enum-varnames");
    String expectedName = (String) names.get(codes.indexOf(noSession.integer("code")));
    assertThat(((SaveCardOutcome.Rejected) outcome).code().known()).hasValueSatisfying(
        known -> assertThat(known.name()).isEqualTo(expectedName));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createSessionResponseExamples")
  void decodesEveryNamedCreateSessionExample(Spec.Example example) {
    paynet.answer(example);

    PaynetSession session = client.createSession(CreateSessionRequest.builder().amount(1000).build());

    assertThat(session.httpStatus()).isEqualTo(example.status());
    assertThat(session.message()).isEqualTo(example.string("message"));
    if (example.status() == 200) {
      assertThat(session.sessionId()).contains(example.string("session_id"));
      assertThat(session.code()).isEqualTo(new PaynetCode(example.integer("code")));
      assertThat(session.requireSessionId()).isEqualTo(example.string("session_id"));
    } else {
      assertThat(session.sessionId()).isEmpty();
      assertThat(session.code()).isEqualTo(new PaynetCode(example.integer("result_code")));
      assertThat(session.started()).isFalse();
    }
  }
}
