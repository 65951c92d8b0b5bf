package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.paynetsavecard.client.CreateSessionRequest.PosType;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Auth request with card storage: what build() accepts, the exact JSON sent, and what toString shows. */
class CreateSessionRequestTest {

  private static final String OWNER = "co_3f9a6d2e71b84c05";

  @RegisterExtension
  final MockPaynet paynet = new MockPaynet();

  private String sentFor(CreateSessionRequest request) {
    paynet.answer(Spec.responseExample("createSession", "started"));
    paynet.client.createSession(request);
    RecordedRequest sent = paynet.takeRequest();
    assertThat(sent.getPath()).isEqualTo(Spec.path("createSession"));
    return sent.getBody().readUtf8();
  }

  @Test
  void sendsAFirstSaveWithTheCustomersOwnIdAndTheNormalisedPhone() {
    String sent = sentFor(CreateSessionRequest.builder().amount(1000).referenceNo("ORDER-1")
        .posType(PosType.PAYNET).ratioCode("R6")
        .saveCard(true).cardDescription("İş kartım").userUniqueId("CUST-42").userGsmNo("0532 123 45 67")
        .build());

    assertThat(sent).isEqualTo("{\"amount\":1000,\"card_desc\":\"İş kartım\",\"pos_type\":\"\",\"ratio_code\":\"R6\","
        + "\"reference_no\":\"ORDER-1\",\"save_card\":true,\"user_gsm_no\":\"5321234567\","
        + "\"user_unique_id\":\"CUST-42\"}");
  }

  @Test
  void sendsALaterSaveWithTheCardOwnerIdAnEarlierChargeReported() {
    String sent = sentFor(CreateSessionRequest.builder().amount(2500).agentId("AG-7").addCommission(true)
        .posType(PosType.OWN).saveCard(true).cardDescription("Maaş kartım").cardOwnerId(OWNER).build());

    assertThat(sent).isEqualTo("{\"add_commission\":true,\"agent_id\":\"AG-7\",\"amount\":2500,"
        + "\"card_desc\":\"Maaş kartım\",\"card_owner_id\":\"" + OWNER + "\",\"pos_type\":\"1\",\"save_card\":true}");
  }

  @Test
  void sendsTheSpecsPaymentSavingTheCardExampleByteForByte() {
    Spec.Example example = Spec.requestExample("createSession", "paymentSavingTheCard");

    String sent = sentFor(CreateSessionRequest.builder()
        .amount(example.integer("amount"))
        .referenceNo(example.string("reference_no"))
        .saveCard((Boolean) example.field("save_card"))
        .cardDescription(example.string("card_desc"))
        .userUniqueId(example.string("user_unique_id"))
        .userGsmNo(example.string("user_gsm_no"))
        .build());

    assertThat(sent).isEqualTo(example.jsonAsSent());
  }

  @Test
  void sendsNothingThatWasNotGiven() {
    assertThat(sentFor(CreateSessionRequest.builder().amount(1000).build())).isEqualTo("{\"amount\":1000}");
  }

  @Test
  void sendsTheCustomerAndPhoneWithoutSaveCardForASaveCardCallLater() {
    String sent = sentFor(CreateSessionRequest.builder().amount(1000).userUniqueId("CUST-42")
        .userGsmNo("+90 532 123 45 67").build());

    assertThat(sent).isEqualTo("{\"amount\":1000,\"user_gsm_no\":\"5321234567\",\"user_unique_id\":\"CUST-42\"}");
  }

  @Test
  void sendsSaveCardFalseWhenAskedTo() {
    assertThat(sentFor(CreateSessionRequest.builder().amount(1000).saveCard(false).build()))
        .isEqualTo("{\"amount\":1000,\"save_card\":false}");
  }

  @Test
  void theTwoPosTypesAreTheValuesTheSpecAllows() {
    Map<String, Object> properties = Spec.map(Spec.schema("AuthRequest").get("properties"));
    String pattern = (String) Spec.map(properties.get("pos_type")).get("pattern");

    assertThat(PosType.values()).extracting(PosType::wireValue).containsExactly("", "1")
        .allSatisfy(value -> assertThat(value).matches(pattern));
  }

  @Test
  void rejectsACardDescriptionWithoutSaveCardAndNamesBothWaysOut() {
    for (CreateSessionRequest.Builder request : List.of(
        CreateSessionRequest.builder().amount(1000).cardDescription("İş kartım").userUniqueId("CUST-42"),
        CreateSessionRequest.builder().amount(1000).saveCard(false).cardDescription("İş kartım"))) {
      assertThatIllegalArgumentException().isThrownBy(request::build)
          .withMessageContaining("add saveCard(true)")
          .withMessageContaining("give it to save_card")
          .withMessageNotContaining("İş kartım");
    }
  }

  @Test
  void rejectsSaveCardWithoutTheCustomerAndNamesTheFirstAndTheLaterSave() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreateSessionRequest.builder().amount(1000).saveCard(true).cardDescription("x").build())
        .withMessageContaining("userUniqueId(yourCustomerId) for the customer's first saved card")
        .withMessageContaining("cardOwnerId(...)")
        .withMessageContaining("ChargeResult.cardOwnerId()");
  }

  @Test
  void acceptsBothCustomerIdsAndASaveWhoseNameTheCardholderGives() {
    CreateSessionRequest both = CreateSessionRequest.builder().amount(1000).saveCard(true)
        .userUniqueId("CUST-42").cardOwnerId(OWNER).build();
    CreateSessionRequest unnamed = CreateSessionRequest.builder().amount(1000).saveCard(true)
        .userUniqueId("CUST-42").build();

    assertThat(both.cardOwnerId()).contains(OWNER);
    assertThat(both.userUniqueId()).contains("CUST-42");
    assertThat(unnamed.cardDescription()).isEmpty();
    assertThat(unnamed.saveCard()).contains(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"referenceNo", "agentId", "ratioCode", "cardDescription", "userUniqueId", "cardOwnerId"})
  void rejectsABlankTextValueAndSaysToLeaveItUnset(String option) {
    CreateSessionRequest.Builder request = CreateSessionRequest.builder().amount(1000).saveCard(true)
        .userUniqueId("CUST-42");
    switch (option) {
      case "referenceNo" -> request.referenceNo("");
      case "agentId" -> request.agentId(" ");
      case "ratioCode" -> request.ratioCode(" ");
      case "cardDescription" -> request.cardDescription("");
      case "userUniqueId" -> request.userUniqueId("\t");
      default -> request.cardOwnerId("");
    }

    assertThatIllegalArgumentException().isThrownBy(request::build)
        .withMessage(option + " must not be blank: give a value, or leave " + option + " unset");
  }

  @ParameterizedTest
  @CsvSource({"0532 123 45 67, 5321234567", "+90 (532) 123-45-67, 5321234567", "00905321234567, 5321234567"})
  void normalisesThePhoneNumberAsSaveCardDoesToTheSpecsPattern(String written, String sent) {
    Map<String, Object> properties = Spec.map(Spec.schema("AuthRequest").get("properties"));
    String pattern = (String) Spec.map(properties.get("user_gsm_no")).get("pattern");

    String normalised = CreateSessionRequest.builder().amount(1000).userGsmNo(written).build().userGsmNo().orElseThrow();

    assertThat(normalised).isEqualTo(sent).matches(pattern)
        .isEqualTo(SaveCardRequest.builder().sessionId("js_1").userGsm(written).build().userGsm().orElseThrow());
  }

  @Test
  void rejectsANumberThatIsNotATurkishMobileNamingUserGsmNoWithoutRepeatingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CreateSessionRequest.builder().amount(1000).userGsmNo("0212 123 45 67").build())
        .withMessageStartingWith("userGsmNo must be a Turkish mobile number written as 5XXXXXXXXX")
        .withMessageContaining("got \"**** *** ** 67\"")
        .withMessageNotContaining("212 123");
  }

  @Test
  void toStringMasksThePhoneShortensTheOwnerAndLeavesTheCardDescriptionOut() {
    CreateSessionRequest request = CreateSessionRequest.builder().amount(1000).posType(PosType.OWN)
        .saveCard(true).cardDescription("onur ozdemir").cardOwnerId(OWNER).userGsmNo("5321234567").build();

    assertThat(request.toString())
        .isEqualTo("CreateSessionRequest[amount=1000, posType=OWN, saveCard=true, cardDescription=<redacted>,"
            + " cardOwnerId=co_3f9a6d2\u2026, userGsmNo=********67]")
        .doesNotContain("5321234567").doesNotContain("onur ozdemir").doesNotContain(OWNER);
  }

  @Test
  void theLoggedExchangeShowsNoPhoneNumberOrCardDescription() throws IOException {
    List<String> lines = new CopyOnWriteArrayList<>();
    paynet.answer(Spec.responseExample("createSession", "started"));
    try (PaynetClient client = paynet.clientBuilder()
        .logging(PaynetLogging.to(PaynetLogging.Level.BODY, lines::add)).build()) {

      client.createSession(CreateSessionRequest.builder().amount(1000).saveCard(true)
          .cardDescription("onur ozdemir").userUniqueId("CUST-42").userGsmNo("5321234567").build());
    }

    assertThat(paynet.takeRequest().getBody().readUtf8()).contains("5321234567").contains("onur ozdemir");
    assertThat(String.join("\n", lines)).contains("\"user_gsm_no\":\"********67\"")
        .contains("\"card_desc\":\"<redacted>\"")
        .doesNotContain("5321234567").doesNotContain("onur ozdemir");
  }

  @Test
  void equalRequestsAreEqualAndADifferentCardStorageFieldIsNot() {
    CreateSessionRequest.Builder first = CreateSessionRequest.builder().amount(1000).saveCard(true)
        .userUniqueId("CUST-42").userGsmNo("0532 123 45 67");

    assertThat(first.build()).isEqualTo(CreateSessionRequest.builder().amount(1000).saveCard(true)
        .userUniqueId("CUST-42").userGsmNo("5321234567").build())
        .hasSameHashCodeAs(first.build())
        .isNotEqualTo(first.cardOwnerId(OWNER).build());
  }
}
