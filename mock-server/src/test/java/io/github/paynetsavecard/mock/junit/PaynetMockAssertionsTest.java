package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.junit.PaynetMockAssertions.anyRequest;
import static io.github.paynetsavecard.mock.junit.PaynetMockAssertions.assertThat;
import static io.github.paynetsavecard.mock.junit.PaynetMockAssertions.auth;
import static io.github.paynetsavecard.mock.junit.PaynetMockAssertions.charge;
import static io.github.paynetsavecard.mock.junit.PaynetMockAssertions.saveCard;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.SpecCalls;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

@PaynetMockTest
class PaynetMockAssertionsTest {
    @Test
    void passWhenTheRequestsMatch(PaynetClient client, PaynetMockServer mock) {
        String first = mock.paynet().createSession();
        String second = mock.paynet().createSession();
        client.saveCard(SaveCardRequest.builder().sessionId(first).cardDescription("onur ozdemir").build());
        client.saveCard(SaveCardRequest.builder().sessionId(second).build());

        assertThat(mock).receivedExactly(2, saveCard())
                .receivedExactly(1, saveCard().withSessionId(first).withCardDescription("onur ozdemir"))
                .receivedExactly(1, saveCard().withSessionId(second).withoutCardDescription())
                .receivedExactly(1, saveCard().withBodyField("session_id", first))
                .receivedAtLeast(2, anyRequest().withHeader("Authorization",
                        "Basic " + PaynetMockExtension.DEFAULT_API_KEY))
                .receivedNo(charge())
                .receivedNo(auth())
                .receivedNoInvalidRequests();
    }

    @Test
    void failWithWhatWasExpectedAndEveryRequestReceivedWithoutTheFullSessionId(PaynetClient client,
                                                                              PaynetMockServer mock) {
        String session = mock.paynet().createSession();
        client.saveCard(SaveCardRequest.builder().sessionId(session).cardDescription("onur ozdemir").build());

        assertThatThrownBy(() -> assertThat(mock)
                .receivedExactly(1, saveCard().withSessionId(session).withCardDescription("another name")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("exactly 1 saveCard requests with session_id")
                .hasMessageContaining("with card_desc <redacted>, but it received 0 (1 request in all)")
                .hasMessageContaining("POST /v1/paynetj/save_card -> 200 (saveCard)")
                .hasMessageNotContaining(session)
                .hasMessageNotContaining("onur ozdemir");
        assertThatThrownBy(() -> assertThat(mock).receivedAtLeast(1, charge()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("at least 1 charge requests");
        assertThatThrownBy(() -> assertThat(mock).receivedNo(saveCard()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("* POST /v1/paynetj/save_card");
    }

    @Test
    @ExpectsInvalidRequests
    void receivedNoInvalidRequestsNamesTheViolations(PaynetMockServer mock) {
        SpecCalls.send(SpecCalls.saveCard(mock.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"card_desc\":\"x\"}")));

        assertThatThrownBy(() -> assertThat(mock).receivedNoInvalidRequests())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("refused 1:")
                .hasMessageContaining("session_id");
    }

    @Test
    void aNegativeCountIsRefused(PaynetMockServer mock) {
        assertThatThrownBy(() -> assertThat(mock).receivedExactly(-1, saveCard()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    }
}
