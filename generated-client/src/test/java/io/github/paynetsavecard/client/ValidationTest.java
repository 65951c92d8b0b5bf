package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check the builders make before anything is sent, and what their messages say. */
class ValidationTest {

  private static PaynetClient.Builder valid() {
    return PaynetClient.builder().environment(PaynetEnvironment.of("http://127.0.0.1:4010")).apiKey("sck_key");
  }

  @Test
  void requiresAnEnvironment() {
    assertThatIllegalStateException().isThrownBy(() -> PaynetClient.builder().apiKey("sck_key").build())
        .withMessageContaining("environment is required")
        .withMessageContaining("PaynetEnvironment.TEST");
  }

  @Test
  void requiresAKey() {
    assertThatIllegalStateException()
        .isThrownBy(() -> PaynetClient.builder().environment(PaynetEnvironment.TEST).build())
        .withMessageContaining("apiKey is required");
    assertThatIllegalStateException().isThrownBy(() -> valid().apiKey("  ").build())
        .withMessageContaining("apiKey is required");
  }

  @Test
  void rejectsAKeyThatAlreadyCarriesBasicWithoutRepeatingIt() {
    assertThatIllegalStateException().isThrownBy(() -> valid().apiKey("Basic sck_secret").build())
        .withMessageContaining("raw key without 'Basic '")
        .withMessageNotContaining("sck_secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sck_key\n", "sck key", "sck_kéy"})
  void rejectsAKeyWithSpacesOrLineBreaksWithoutRepeatingIt(String key) {
    assertThatIllegalStateException().isThrownBy(() -> valid().apiKey(key).build())
        .withMessageContaining("must not contain spaces, line breaks or non-ASCII characters")
        .withMessageNotContaining("sck");
  }

  @Test
  void rejectsNullsAtTheDoor() {
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().apiKey(null))
        .withMessage("apiKey == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().environment(null))
        .withMessage("environment == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().readTimeout(null))
        .withMessage("readTimeout == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().addInterceptor(null))
        .withMessage("interceptor == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().connectTimeout(null))
        .withMessage("connectTimeout == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().callTimeout(null))
        .withMessage("callTimeout == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().logging(null))
        .withMessage("logging == null");
    assertThatNullPointerException().isThrownBy(() -> PaynetEnvironment.of(null))
        .withMessage("baseUrl == null");
  }

  @Test
  void rejectsTimeoutsThatAreNotPositive() {
    assertThatIllegalStateException().isThrownBy(() -> valid().connectTimeout(Duration.ZERO).build())
        .withMessage("connectTimeout must be positive (zero would mean wait forever); got PT0S");
    assertThatIllegalStateException().isThrownBy(() -> valid().readTimeout(Duration.ofSeconds(-1)).build())
        .withMessageStartingWith("readTimeout must be positive");
    assertThatIllegalStateException().isThrownBy(() -> valid().callTimeout(Duration.ZERO).build())
        .withMessageStartingWith("callTimeout must be positive");
  }

  @Test
  void rejectsARetryCountOutsideItsRangeAndNamesTheRange() {
    assertThatIllegalStateException().isThrownBy(() -> valid().retryIfNothingWasSent(-1).build())
        .withMessage("retryIfNothingWasSent takes 0 (no retries, the default) to 5 retries; got -1");
    assertThatIllegalStateException().isThrownBy(() -> valid().retryIfNothingWasSent(6).build())
        .withMessageEndingWith("got 6");
  }

  @Test
  void rejectsANullOkHttpClientAndSaysHowToDoWithoutOne() {
    assertThatNullPointerException().isThrownBy(() -> PaynetClient.builder().okHttpClient(null))
        .withMessage("okHttpClient == null; leave okHttpClient(...) out to let the client make its own");
  }

  @Test
  void requiresTheSessionAndTheCardTokenOfACharge() {
    assertThatIllegalArgumentException().isThrownBy(() -> ChargeRequest.builder().tokenId("t").build())
        .withMessageContaining("sessionId is required");
    assertThatIllegalArgumentException().isThrownBy(() -> ChargeRequest.builder().sessionId("js_1").build())
        .withMessageContaining("tokenId is required").withMessageContaining("create_token");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChargeRequest.builder().sessionId("js_1").tokenId("t").transactionType(0).build())
        .withMessage("transactionType must be positive (1 is a sale); got 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChargeRequest.builder().sessionId("js_1").tokenId("t").referenceNo(" ").build())
        .withMessageContaining("referenceNo must not be blank");
  }

  @Test
  void redactionBuilderRejectsBlankNamesAndAnApiKeySchemeWithoutALocation() {
    assertThatIllegalArgumentException().isThrownBy(() -> Redaction.builder().secretHeader(" "))
        .withMessage("secretHeader must name a header, cookie or parameter; got a blank name");
    assertThatIllegalArgumentException().isThrownBy(() -> Redaction.builder().securityScheme("apiKey", "body", "k"))
        .withMessageContaining("must be header, query or cookie; got \"body\"");
    assertThatIllegalArgumentException().isThrownBy(() -> Redaction.builder().secretValue(""))
        .withMessageContaining("secretValue must not be blank");
  }

  @Test
  void requiresASessionId() {
    assertThatIllegalArgumentException().isThrownBy(() -> SaveCardRequest.builder().build())
        .withMessageContaining("sessionId is required")
        .withMessageContaining("createSession");
    assertThatIllegalArgumentException().isThrownBy(() -> SaveCardRequest.builder().sessionId(" \t").build())
        .withMessageContaining("sessionId is required");
  }

  @Test
  void rejectsABlankCardDescriptionAndPointsToTheHostedPageBranch() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SaveCardRequest.builder().sessionId("js_1").cardDescription("").build())
        .withMessageContaining("cardDescription must not be blank")
        .withMessageContaining("leave cardDescription unset for the hosted-page branch");
  }

  @ParameterizedTest
  @CsvSource({
      "5321234567, 5321234567",
      "0532 123 45 67, 5321234567",
      "05321234567, 5321234567",
      "+905321234567, 5321234567",
      "+90 (532) 123-45-67, 5321234567",
      "905321234567, 5321234567",
      "00905321234567, 5321234567",
      "532.123.45.67, 5321234567",
      "0532\u00a0123\u00a045\u00a067, 5321234567"})
  void normalisesCommonWaysOfWritingATurkishMobileNumber(String written, String sent) {
    SaveCardRequest request = SaveCardRequest.builder().sessionId("js_1").userGsm(written).build();

    assertThat(request.userGsm()).contains(sent);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0212 123 45 67", "4321234567", "532123456", "53212345678", "+44 7911 123456", "abc", ""})
  void rejectsNumbersThatAreNotTurkishMobilesAndShowsTheExpectedForm(String written) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SaveCardRequest.builder().sessionId("js_1").userGsm(written).build())
        .withMessageContaining("5XXXXXXXXX")
        .withMessageContaining("e.g. 5321234567");
  }

  @Test
  void rejectsPhoneNumbersThatDoNotStartWith5WithoutRepeatingThem() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SaveCardRequest.builder().sessionId("js_1").userGsm("4321234567").build())
        .withMessageContaining("got \"********67\"")
        .withMessageNotContaining("4321234567");
  }

  @Test
  void theAcceptedPhoneNumbersMatchTheSpecsPattern() {
    Map<String, Object> properties = Spec.map(Spec.schema("SaveCardRequest").get("properties"));
    String pattern = (String) Spec.map(properties.get("user_gsm")).get("pattern");

    assertThat(MobileNumber.PAYNET_FORM.pattern()).isEqualTo(pattern);
    for (String written : List.of("0532 123 45 67", "+905321234567", "5551234567")) {
      String sent = SaveCardRequest.builder().sessionId("js_1").userGsm(written).build().userGsm().orElseThrow();
      assertThat(sent).matches(pattern);
    }
  }

  @Test
  void requiresAPositiveAmountForASession() {
    assertThatIllegalArgumentException().isThrownBy(() -> CreateSessionRequest.builder().build())
        .withMessageContaining("amount is required").withMessageContaining("amount(1000) for 10.00 TL");
    assertThatIllegalArgumentException().isThrownBy(() -> CreateSessionRequest.builder().amount(0).build())
        .withMessageContaining("amount must be between 1 and");
  }

  @Test
  void requireSessionIdNamesPaynetsCodeWhenNoSessionWasStarted() {
    PaynetSession refused = new PaynetSession(java.util.Optional.empty(), new PaynetCode(7), "Yetkisiz", 401);

    assertThatIllegalStateException().isThrownBy(refused::requireSessionId)
        .withMessageContaining("7 UNAUTHORIZED").withMessageContaining("HTTP 401");
  }
}
