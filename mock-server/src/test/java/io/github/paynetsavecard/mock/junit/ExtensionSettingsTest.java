package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardResponseExample;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension builder's own settings reach the server, and a bad one is refused as it is given. */
class ExtensionSettingsTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final int PORT = freePort();

    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder()
            .port(PORT)
            .otpRequired(true)
            .errorChannel(ErrorChannel.HTTP_200)
            .clock(Clock.fixed(START, ZoneOffset.UTC))
            .sessionLifetime(Duration.ofMinutes(5))
            .build();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> saveCardWithoutPhone(String baseUrl, String session) {
        ObjectNode body = ((ObjectNode) json(saveCardRequestExample("withDescription"))).put("session_id", session);
        body.remove("user_gsm");
        return send(saveCard(baseUrl).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void listensOnTheGivenPort() {
        assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + PORT);
    }

    @Test
    void otpAndTheErrorChannelDecideTheAnswer() {
        HttpResponse<String> answer = saveCardWithoutPhone(mock.baseUrl(), mock.paynet().createSession());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer.body()).path("code").asInt())
                .isEqualTo(saveCardResponseExample("otpGsmMissing").path("code").asInt()).isNotZero();
    }

    @Test
    void theClockAndTheSessionLifetimeSetTheExpiry() {
        String session = mock.paynet().createSession();

        assertThat(mock.paynet().session(session).orElseThrow().expiresAt()).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void aBadValueIsRefusedAsItIsGivenNamingTheSetting() {
        assertThatThrownBy(() -> PaynetMockExtension.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port must be between 0 and 65535");
        assertThatThrownBy(() -> PaynetMockExtension.builder().host(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host is blank");
        assertThatThrownBy(() -> PaynetMockExtension.builder().maxRequestBodyBytes(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRequestBodyBytes");
        assertThatThrownBy(() -> PaynetMockExtension.builder().recordedRequestLimit(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordedRequestLimit");
        assertThatThrownBy(() -> PaynetMockExtension.builder().clock(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("clock");
    }
}
