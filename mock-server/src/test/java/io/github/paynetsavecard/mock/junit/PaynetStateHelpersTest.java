package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.paynet.ErrorChannel;
import io.github.paynetsavecard.mock.paynet.NewSession;
import io.github.paynetsavecard.mock.paynet.SessionState;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a test can do to Paynet mode's state through the extension, without sleeping or calling Auth. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaynetStateHelpersTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder()
            .server(settings -> settings.clock(Clock.fixed(START, ZoneOffset.UTC))
                    .sessionLifetime(Duration.ofMinutes(10))
                    .errorChannel(ErrorChannel.HTTP_200))
            .build();

    private static JsonNode saveCardFor(String session, String extraFields) {
        return json(send(saveCard(mock.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"session_id\":\"" + session + "\",\"card_desc\":\"kartim\"" + extraFields + "}"))).body());
    }

    @Test
    @Order(1)
    void aCreatedSessionIsAcceptedWithTheConfiguredLifetime() {
        String session = mock.paynet().createSession(NewSession.ofAmount(2500));

        assertThat(saveCardFor(session, "").path("code").asInt()).isZero();
        assertThat(mock.paynet().session(session)).hasValueSatisfying(view -> {
            assertThat(view.amount()).isEqualTo(2500);
            assertThat(view.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
            assertThat(view.cardDesc()).contains("kartim");
        });
    }

    @Test
    @Order(2)
    void anExpiredSessionIsRefusedAndShownAsExpired() {
        String session = mock.paynet().createSession();

        mock.paynet().expireSession(session);

        assertThat(saveCardFor(session, "").path("code").asInt()).isEqualTo(13);
        assertThat(mock.paynet().session(session).orElseThrow().state()).isEqualTo(SessionState.EXPIRED);
    }

    @Test
    @Order(3)
    void movingTheClockPastTheLifetimeExpiresASession() {
        String session = mock.paynet().createSession();

        mock.paynet().advanceClock(Duration.ofMinutes(10));

        assertThat(mock.paynet().session(session).orElseThrow().state()).isEqualTo(SessionState.EXPIRED);
    }

    @Test
    @Order(4)
    void theClockIsBackAtTheStartInTheNextTest() {
        String session = mock.paynet().createSession();

        assertThat(mock.paynet().session(session).orElseThrow().expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    @Order(5)
    void otpSwitchedOnNeedsAPhoneNumberUnlessAuthHadOne() {
        mock.paynet().otpRequired(true);
        String withoutGsm = mock.paynet().createSession();
        String withGsm = mock.paynet().createSession(NewSession.ofAmount(1000).withUserGsmNo("5321234567"));

        assertThat(saveCardFor(withoutGsm, "").path("code").asInt()).isNotZero();
        assertThat(saveCardFor(withoutGsm, ",\"user_gsm\":\"5321234567\"").path("code").asInt()).isZero();
        assertThat(saveCardFor(withGsm, "").path("code").asInt()).isZero();
    }

    @Test
    @Order(6)
    void otpIsOffAgainInTheNextTest() {
        assertThat(saveCardFor(mock.paynet().createSession(), "").path("code").asInt()).isZero();
    }

    @Test
    @Order(7)
    void resetForgetsEverySession() {
        String session = mock.paynet().createSession();

        mock.paynet().reset();

        assertThat(mock.paynet().session(session)).isEmpty();
        assertThat(mock.paynet().sessionCount()).isZero();
    }

    @Test
    @Order(8)
    void expiringAnUnknownSessionNamesTheProblemWithoutTheFullId() {
        String unknown = "js_EAAAAThisSessionNeverExistedAnywhereAtAllReally";

        assertThatThrownBy(() -> mock.paynet().expireSession(unknown))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("js_EAAAA")
                .hasMessageNotContaining(unknown);
    }
}
