package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.SAVE_CARD;
import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.mock.SpecCalls;
import io.github.paynetsavecard.mock.paynet.SessionState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisterExtensionTest {
    private static final String KEY = "sck_register_extension_key";

    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder()
            .spec(specFile())
            .cors(false)
            .apiKey(KEY)
            .build();

    private static Path specFile() {
        try {
            Path directory = Files.createTempDirectory("paynet-mock-spec");
            directory.toFile().deleteOnExit();
            Path spec = SpecCalls.bundledSpecFile(directory);
            spec.toFile().deleteOnExit();
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theFieldGivesTheBaseUrlAndTheReceivedRequests() {
        String session = mock.paynet().createSession();
        HttpResponse<String> response = send(saveCard(mock.baseUrl()).header("Origin", "https://shop.example")
                .POST(HttpRequest.BodyPublishers.ofString(((ObjectNode) json(saveCardRequestExample("withDescription")))
                        .put("session_id", session).toString())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as("cors(false)").isEmpty();
        assertThat(mock.server().specSource()).endsWith("openapi.yaml").doesNotStartWith("classpath:");
        assertThat(mock.receivedRequests()).extracting(sent -> sent.path()).containsExactly(SAVE_CARD);
    }

    @Test
    void theInjectedClientSendsTheConfiguredKey(PaynetClient client) {
        String session = mock.paynet().createSession();

        SaveCardOutcome outcome = client.saveCard(SaveCardRequest.builder().sessionId(session).build());

        assertThat(outcome).isInstanceOf(SaveCardOutcome.AwaitingCardholder.class);
        assertThat(mock.paynet().session(session).orElseThrow().state()).isEqualTo(SessionState.AWAITING_CARDHOLDER);
        assertThat(mock.receivedRequests()).singleElement()
                .satisfies(sent -> assertThat(sent.header("Authorization")).contains("Basic " + KEY));
    }

    @Test
    void theBuilderRejectsABlankKeyNamingTheFix() {
        assertThatThrownBy(() -> PaynetMockExtension.builder().apiKey(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-blank");
    }
}
