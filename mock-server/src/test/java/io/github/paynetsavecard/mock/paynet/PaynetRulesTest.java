package io.github.paynetsavecard.mock.paynet;

import static io.github.paynetsavecard.mock.paynet.PaynetCalls.AUTH;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.CHARGE;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.requestExample;
import static io.github.paynetsavecard.mock.paynet.PaynetCalls.responseExample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.paynet.PaynetCalls.Answer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import io.github.paynetsavecard.mock.junit.ExpectsInvalidRequests;
import io.github.paynetsavecard.mock.junit.PaynetMockExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paynet mode's rules for Auth, save_card and charge, over HTTP against a running mock. */
class PaynetRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder()
            .server(settings -> settings.clock(Clock.fixed(NOW, ZoneOffset.UTC)))
            .build();
    private static PaynetCalls calls;

    @BeforeAll
    static void connect() {
        calls = new PaynetCalls(mock.baseUrl());
    }

    /** Every answer in Paynet mode passes the mock's own validation against the spec. */
    private static Answer valid(Answer answer) {
        assertThat(answer.header("sl-violations")).as("violations of %s", answer.body()).isEmpty();
        return answer;
    }

    @Test
    void authStartsAFreshSessionInPaynetsFormThatExpiresAfterTheLifetime() {
        Answer first = valid(calls.post(AUTH, requestExample(AUTH, "payment")));
        Answer second = valid(calls.post(AUTH, requestExample(AUTH, "payment")));

        String id = first.json().path("session_id").asText();
        assertThat(id).matches("js_[A-Za-z0-9/*]{48}").isNotEqualTo(second.json().path("session_id").asText());
        assertThat(id).isNotEqualTo(responseExample(AUTH, 200, "started").path("session_id").asText());
        // 09:00 UTC plus 30 minutes, in Turkey's time (UTC+3).
        assertThat(first.json().path("expire_date").asText()).isEqualTo("2026-12-01T12:30:00");
        assertThat(first.json().path("code").asInt()).isZero();
        assertThat(mock.paynet().session(id)).hasValueSatisfying(session -> {
            assertThat(session.state()).isEqualTo(SessionState.CREATED);
            assertThat(session.amount()).isEqualTo(requestExample(AUTH, "payment").path("amount").asLong());
        });
    }

    @Test
    void saveCardEchoesTheRealSessionAndKeepsTheDescriptionPending() {
        String id = calls.auth();

        Answer answer = valid(calls.saveCardWithDescription(id));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("session_id").asText()).isEqualTo(id);
        assertThat(answer.json().path("code").asInt()).isZero();
        assertThat(mock.paynet().session(id)).hasValueSatisfying(session -> {
            assertThat(session.state()).isEqualTo(SessionState.CARD_DESCRIBED);
            assertThat(session.cardDesc()).contains(requestExample(SAVE_CARD, "withDescription").path("card_desc").asText());
        });
    }

    @Test
    void saveCardWithoutDescriptionLeavesTheSessionWaitingForTheCardholder() {
        String id = calls.auth();

        Answer answer = valid(calls.saveCardWithoutDescription(id));

        assertThat(answer.json().path("session_id").asText()).isEqualTo(id);
        assertThat(answer.json().path("code").asInt()).isZero();
        assertThat(mock.paynet().session(id).orElseThrow().state()).isEqualTo(SessionState.AWAITING_CARDHOLDER);
        assertThat(mock.paynet().session(id).orElseThrow().cardDesc()).isEmpty();
    }

    @Test
    void anUnknownSessionGets13OnEitherErrorChannel() {
        Answer asError = valid(calls.saveCardWithDescription("js_neverCameFromAuth"));
        mock.paynet().errorChannel(ErrorChannel.HTTP_200);
        Answer as200 = valid(calls.saveCardWithDescription("js_neverCameFromAuth"));

        // The spec names the Error object as Paynet's rule, so that is the default.
        assertThat(asError.status()).isEqualTo(400);
        assertThat(asError.json().path("result_code").asInt()).isEqualTo(13);
        assertThat(asError.json().has("session_id")).isFalse();
        assertThat(as200.status()).isEqualTo(200);
        assertThat(as200.json().path("code").asInt()).isEqualTo(13);
        assertThat(as200.json().path("session_id").asText()).isEqualTo("js_neverCameFromAuth");
    }

    @Test
    void aChargedSessionGets17FromSaveCard() {
        String id = calls.auth();
        calls.saveCardWithDescription(id);
        valid(calls.charge(id));
        mock.paynet().errorChannel(ErrorChannel.HTTP_200);

        Answer answer = valid(calls.saveCardWithDescription(id));

        assertThat(answer.json().path("code").asInt()).isEqualTo(17);
        assertThat(answer.json().path("session_id").asText()).isEqualTo(id);
        assertThat(mock.paynet().session(id).orElseThrow().state()).isEqualTo(SessionState.CHARGED);
    }

    @Test
    void anExpiredSessionGetsTheSpecsDeclaredAnswerOrItsAlternative() {
        String id = calls.auth();
        mock.paynet().advanceClock(Duration.ofMinutes(30));
        mock.paynet().errorChannel(ErrorChannel.HTTP_200);

        Answer declared = valid(calls.saveCardWithDescription(id));
        mock.paynet().expiredSessionAnswer(ExpiredSessionAnswer.ALTERNATIVE);
        Answer alternative = valid(calls.saveCardWithDescription(id));

        assertThat(declared.json().path("code").asInt()).isEqualTo(13);
        assertThat(alternative.json().path("code").asInt()).isEqualTo(22);
        assertThat(alternative.json().path("session_id").asText()).isEqualTo(id);
        assertThat(mock.paynet().session(id).orElseThrow().state()).isEqualTo(SessionState.EXPIRED);
    }

    @Test
    void aSessionIsAliveUntilItsLifetimeHasPassed() {
        String id = calls.auth();
        mock.paynet().advanceClock(Duration.ofMinutes(29));

        assertThat(valid(calls.saveCardWithDescription(id)).json().path("code").asInt()).isZero();
    }

    @Test
    void withOtpOnSaveCardNeedsAPhoneNumberUnlessAuthHadOne() {
        mock.paynet().otpRequired(true);
        mock.paynet().errorChannel(ErrorChannel.HTTP_200);
        String withoutGsm = calls.auth();
        String withGsmAtAuth = calls.auth(requestExample(AUTH, "payment").put("user_gsm_no", "5321234567"));

        Answer rejected = valid(calls.saveCardWithDescription(withoutGsm));
        Answer withGsm = valid(calls.post(SAVE_CARD, requestExample(SAVE_CARD, "withGsmForOtp")
                .put("session_id", withoutGsm)));
        Answer knownGsm = valid(calls.saveCardWithDescription(withGsmAtAuth));

        JsonNode declared = responseExample(SAVE_CARD, 200, "otpGsmMissing");
        assertThat(rejected.json().path("code").asInt()).isEqualTo(declared.path("code").asInt()).isNotZero();
        assertThat(withGsm.json().path("code").asInt()).isZero();
        assertThat(knownGsm.json().path("code").asInt()).isZero();
    }

    @Test
    void withOtpOffNoPhoneNumberIsNeeded() {
        String id = calls.auth();

        assertThat(valid(calls.saveCardWithDescription(id)).json().path("code").asInt()).isZero();
    }

    @Test
    void chargeReportsTheSavedCardWithANewOwnerForAFirstSaveAndTheSameOneForTheSameCustomer() {
        String first = calls.auth(requestExample(AUTH, "payment").put("user_unique_id", "CUST-7"));
        String second = calls.auth(requestExample(AUTH, "payment").put("user_unique_id", "CUST-7"));
        String other = calls.auth(requestExample(AUTH, "payment").put("user_unique_id", "CUST-8"));
        for (String id : new String[] {first, second, other}) {
            calls.saveCardWithDescription(id);
        }

        JsonNode firstCharge = valid(calls.charge(first)).json();
        JsonNode secondCharge = valid(calls.charge(second)).json();
        JsonNode otherCharge = valid(calls.charge(other)).json();

        assertThat(firstCharge.path("code").asInt()).isZero();
        assertThat(firstCharge.path("is_save_card_succeed").asBoolean()).isTrue();
        assertThat(firstCharge.path("user_unique_id").asText()).isEqualTo("CUST-7");
        String owner = firstCharge.path("card_owner_id").asText();
        assertThat(owner).isNotBlank()
                .isNotEqualTo(responseExample(CHARGE, 200, "chargedCardSaved").path("card_owner_id").asText());
        assertThat(secondCharge.path("card_owner_id").asText()).isEqualTo(owner);
        assertThat(otherCharge.path("card_owner_id").asText()).isNotEqualTo(owner);
        assertThat(firstCharge.has("save_card_result_message")).isFalse();
        assertThat(mock.paynet().session(first).orElseThrow().storedCard()).hasValueSatisfying(card -> {
            assertThat(card.cardOwnerId()).isEqualTo(owner);
            assertThat(card.cardDesc()).isEqualTo(requestExample(SAVE_CARD, "withDescription").path("card_desc").asText());
        });
    }

    @Test
    void chargeKeepsTheOwnerIdAuthWasGivenForALaterSave() {
        String id = calls.auth(requestExample(AUTH, "payment").put("card_owner_id", "co_known_customer"));
        calls.saveCardWithDescription(id);

        JsonNode charge = valid(calls.charge(id)).json();

        assertThat(charge.path("card_owner_id").asText()).isEqualTo("co_known_customer");
        assertThat(charge.has("user_unique_id")).isFalse();
    }

    @Test
    void chargeStoresTheCardNamedAtAuthWithoutSaveCard() {
        String id = calls.auth(requestExample(AUTH, "payment").put("save_card", true).put("card_desc", "is kartim")
                .put("user_unique_id", "CUST-42"));

        JsonNode charge = valid(calls.charge(id)).json();

        assertThat(charge.path("is_save_card_succeed").asBoolean()).isTrue();
        assertThat(mock.paynet().session(id).orElseThrow().storedCard().orElseThrow().cardDesc()).isEqualTo("is kartim");
    }

    @Test
    void aCardDescriptionAtAuthCountsOnlyWithSaveCard() {
        String withoutFlag = calls.auth(requestExample(AUTH, "payment").put("card_desc", "is kartim"));
        String flagOnly = calls.auth(requestExample(AUTH, "payment").put("save_card", true));

        JsonNode notRequested = valid(calls.charge(withoutFlag)).json();

        assertThat(notRequested.has("is_save_card_succeed")).isFalse();
        assertThat(mock.paynet().session(flagOnly).orElseThrow().state()).isEqualTo(SessionState.AWAITING_CARDHOLDER);
        assertThat(valid(calls.charge(flagOnly)).json().path("is_save_card_succeed").asBoolean(true)).isFalse();
    }

    @Test
    void chargeReportsTheCardNotSavedWhenTheCardholderNeverCompletedThePage() {
        String id = calls.auth();
        calls.saveCardWithoutDescription(id);

        JsonNode charge = valid(calls.charge(id)).json();

        assertThat(charge.path("code").asInt()).isZero();
        assertThat(charge.path("is_save_card_succeed").asBoolean(true)).isFalse();
        assertThat(charge.path("save_card_result_message").asText()).isEqualTo(PaynetCalls.SPEC
                .at("/paths/~1v1~1paynetj~1save_card/post/x-paynet-hosted-page/saveCardResultMessages/notCompleted")
                .asText());
        assertThat(charge.has("card_owner_id")).isFalse();
        assertThat(mock.paynet().session(id).orElseThrow().storedCard()).isEmpty();
    }

    @Test
    void chargeOfASessionWithoutCardStorageCarriesNoCardSaveFields() {
        String id = calls.auth();

        JsonNode charge = valid(calls.charge(id)).json();

        assertThat(charge.path("code").asInt()).isZero();
        assertThat(charge.has("is_save_card_succeed")).isFalse();
        assertThat(charge.has("card_owner_id")).isFalse();
    }

    @Test
    void aSecondChargeAnswers100WithTheEarlierTransaction() {
        String id = calls.auth(requestExample(AUTH, "payment").put("user_unique_id", "CUST-9"));
        calls.saveCardWithDescription(id);
        JsonNode first = valid(calls.charge(id)).json();

        JsonNode again = valid(calls.charge(id)).json();

        assertThat(again.path("code").asInt()).isEqualTo(100);
        assertThat(again.path("message").asText())
                .isEqualTo(responseExample(CHARGE, 200, "repeatedCharge").path("message").asText());
        assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(again.path("card_owner_id").asText()).isEqualTo(first.path("card_owner_id").asText());
    }

    @Test
    void chargingAnUnknownSessionGets13() {
        Answer answer = valid(calls.charge("js_neverCameFromAuth"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("result_code").asInt()).isEqualTo(13);
    }

    @Test
    void aForcedAnswerStillWinsAndChangesNoSession() {
        String id = calls.auth();

        Answer forced = valid(calls.post(SAVE_CARD, requestExample(SAVE_CARD, "withDescription").put("session_id", id),
                "Prefer", "example=usedSession"));

        assertThat(forced.json()).isEqualTo(responseExample(SAVE_CARD, 200, "usedSession"));
        assertThat(mock.paynet().session(id).orElseThrow().state()).isEqualTo(SessionState.CREATED);
    }

    @Test
    @ExpectsInvalidRequests
    void invalidRequestsGetTheSameAnswerAsInPrismMode() {
        try (PaynetMockServer prism = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            JsonNode noSession = requestExample(SAVE_CARD, "withDescription").without("session_id");
            Answer ours = calls.post(SAVE_CARD, noSession);
            Answer prisms = new PaynetCalls(prism.baseUrl()).post(SAVE_CARD, noSession);

            assertThat(ours.status()).isEqualTo(prisms.status()).isBetween(400, 499);
            assertThat(ours.body()).isEqualTo(prisms.body());
            assertThat(ours.header("sl-violations")).isEqualTo(prisms.header("sl-violations"));
        }
    }

    @Test
    void prismModeKeepsNoSessionsAndAnswersTheFirstExample() {
        try (PaynetMockServer prism = PaynetMockServer.builder().mode(PaynetMockServer.Mode.PRISM).build().start()) {
            PaynetCalls prismCalls = new PaynetCalls(prism.baseUrl());

            Answer answer = prismCalls.saveCardWithDescription("js_neverCameFromAuth");

            assertThat(answer.json()).isEqualTo(responseExample(SAVE_CARD, 200, "saved"));
            assertThat(prismCalls.get("/__paynet/session?session_id=x").status()).isEqualTo(404);
            assertThat(prismCalls.get("/__paynet/session?session_id=x").header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
    }
}
