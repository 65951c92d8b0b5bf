package io.github.paynetsavecard.mock.junit;

import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.paynetsavecard.mock.ReceivedRequest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code takeRequest(Duration)}: the next request, in order, waiting for code that calls from another thread. */
class TakeRequestTest {
    @RegisterExtension
    static PaynetMockExtension mock = PaynetMockExtension.builder().build();

    private static void saveCardWithSession(String session) {
        send(saveCard(mock.baseUrl()).POST(HttpRequest.BodyPublishers.ofString(
                "{\"session_id\":\"" + session + "\",\"card_desc\":\"onur ozdemir\"}")));
    }

    @Test
    void waitsForARequestSentLaterFromAnotherThread() {
        String session = mock.paynet().createSession();
        CompletableFuture.runAsync(() -> saveCardWithSession(session),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        ReceivedRequest sent = mock.takeRequest(Duration.ofSeconds(10));

        assertThat(sent.operationId()).hasValue("saveCard");
        assertThat(sent.bodyAsString()).contains(session);
        assertThat(sent.status()).isEqualTo(200);
    }

    @Test
    void handsOutEachRequestOnceInTheOrderTheyCame() {
        String first = mock.paynet().createSession();
        String second = mock.paynet().createSession();
        saveCardWithSession(first);
        saveCardWithSession(second);

        assertThat(mock.takeRequest(Duration.ZERO).bodyAsString()).contains(first);
        assertThat(mock.takeRequest(Duration.ZERO).bodyAsString()).contains(second);
        assertThat(mock.receivedRequests()).hasSize(2);
    }

    @Test
    void failsAfterTheTimeoutSayingHowLongItWaited() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> mock.takeRequest(Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No request reached the mock")
                .hasMessageContaining("within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aNegativeTimeoutIsRefused() {
        assertThatThrownBy(() -> mock.takeRequest(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
