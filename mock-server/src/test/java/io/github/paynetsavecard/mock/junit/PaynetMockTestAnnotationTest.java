package io.github.paynetsavecard.mock.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.paynetsavecard.mock.SpecCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.mock.PaynetMockServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@PaynetMockTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaynetMockTestAnnotationTest {
    private static int firstPort;

    @Test
    @Order(1)
    void injectsARunningServerOnAFreePort(PaynetMockServer mock) {
        firstPort = mock.port();
        mock.wireMock().stubFor(post(SAVE_CARD).willReturn(aResponse().withStatus(503)));
        mock.paynet().createSession();

        assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(503);
        assertThat(mock.receivedRequests()).hasSize(1);
    }

    @Test
    @Order(2)
    void keepsTheServerForTheClassButResetsRequestsStubsAndSessionsBeforeEachTest(PaynetMockServer mock) {
        assertThat(mock.port()).isEqualTo(firstPort);
        assertThat(mock.receivedRequests()).isEmpty();
        assertThat(mock.paynet().sessionCount()).isZero();
        // No stub any more: the spec answers, in Paynet mode, 13 for a session that never came from Auth.
        assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void injectsAClientThatCallsTheMockWithTheDefaultKey(PaynetClient client, PaynetMockServer mock) {
        String session = mock.paynet().createSession();
        JsonNode example = ((ObjectNode) json(saveCardRequestExample("withDescription"))).put("session_id", session);

        SaveCardOutcome outcome = client.saveCard(SaveCardRequest.builder()
                .sessionId(session)
                .cardDescription(example.get("card_desc").asText())
                .build());

        assertThat(outcome).isInstanceOf(SaveCardOutcome.Acknowledged.class);
        assertThat(mock.receivedRequests()).singleElement().satisfies(sent -> {
            assertThat(sent.path()).isEqualTo(SAVE_CARD);
            assertThat(sent.header("Authorization")).contains("Basic " + PaynetMockExtension.DEFAULT_API_KEY);
            assertThat(json(sent.bodyAsString())).isEqualTo(example);
        });
    }

    @Nested
    class InANestedClass {
        @Test
        void theOuterClassesServerIsShared(PaynetMockServer mock) {
            assertThat(mock.port()).isEqualTo(firstPort);
            assertThat(mock.receivedRequests()).isEmpty();
        }
    }
}
