package io.github.paynetsavecard.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.client.ChargeRequest;
import io.github.paynetsavecard.client.ChargeResult;
import io.github.paynetsavecard.client.CreateSessionRequest;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetEnvironment;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.paynet.SessionState;
import io.github.paynetsavecard.mock.paynet.SessionView;
import org.junit.jupiter.api.Test;

/**
 * The card-storage fields the client sends to Auth are the ones the mock's Paynet mode keeps with the
 * session: a first save for a customer (save_card, user_unique_id, user_gsm_no), then a later save with the
 * card_owner_id the first charge reported (save_card, card_desc, card_owner_id). Lives here because it needs
 * both the client and the mock, and the client must not depend on the mock.
 */
class CardStorageThroughAuthTest {

    @Test
    void aFirstSaveReportsACardOwnerIdThatALaterSaveThroughAuthKeeps() {
        // OTP on: save_card without user_gsm is then accepted only because Auth was given user_gsm_no.
        try (PaynetMockServer mock = PaynetMockServer.builder().port(0).otpRequired(true).build().start();
             PaynetClient client = PaynetClient.builder().environment(PaynetEnvironment.of(mock.baseUrl()))
                     .apiKey("sck_test_any").build()) {

            String first = client.createSession(CreateSessionRequest.builder().amount(1000)
                    .saveCard(true).userUniqueId("CUST-42").userGsmNo("0532 123 45 67").build()).requireSessionId();
            assertThat(mock.paynet().session(first)).map(SessionView::state).contains(SessionState.AWAITING_CARDHOLDER);
            SaveCardOutcome saved = client.saveCard(SaveCardRequest.builder().sessionId(first)
                    .cardDescription("İş kartım").build());
            ChargeResult firstCharge = client.charge(charge(first));

            assertThat(saved).isInstanceOf(SaveCardOutcome.Acknowledged.class);
            assertThat(firstCharge.cardStored()).as("first charge: %s", firstCharge).isTrue();
            assertThat(firstCharge.userUniqueId()).contains("CUST-42");
            String owner = firstCharge.cardOwnerId().orElseThrow();

            String later = client.createSession(CreateSessionRequest.builder().amount(2500)
                    .saveCard(true).cardDescription("Maaş kartım").cardOwnerId(owner).build()).requireSessionId();
            assertThat(mock.paynet().session(later)).hasValueSatisfying(session -> {
                assertThat(session.state()).isEqualTo(SessionState.CARD_DESCRIBED);
                assertThat(session.cardDesc()).contains("Maaş kartım");
            });
            ChargeResult laterCharge = client.charge(charge(later));

            assertThat(laterCharge.cardStored()).as("later charge: %s", laterCharge).isTrue();
            assertThat(laterCharge.cardOwnerId()).contains(owner);
            assertThat(mock.paynet().session(later).flatMap(SessionView::storedCard))
                    .hasValueSatisfying(card -> assertThat(card.cardDesc()).isEqualTo("Maaş kartım"));
        }
    }

    private static ChargeRequest charge(String sessionId) {
        return ChargeRequest.builder().sessionId(sessionId).tokenId("tok_test_1").transactionType(1).build();
    }
}
