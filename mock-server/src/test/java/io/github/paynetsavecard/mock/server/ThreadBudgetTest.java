package io.github.paynetsavecard.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.paynetsavecard.mock.PaynetMockServer.Mode;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.SpecCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The mock's Jetty runs on the threads {@link GuardedJettyServerFactory.ThreadBudget} gives it, not WireMock's 25. */
class ThreadBudgetTest {
    @Test
    void manyConcurrentRequestsAreAllAnsweredWithinTheBudgetOfThreads() {
        int before = jettyThreads();
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(Mode.PRISM).build().start()) {
            assertThat(burstOfSaveCards(mock, 64)).allSatisfy(status -> assertThat(status).isEqualTo(200));
            assertThat(jettyThreads() - before)
                    .isLessThanOrEqualTo(GuardedJettyServerFactory.ThreadBudget.forThisMachine().maxThreads());
        }
    }

    @Test
    void noThreadIsKeptInReserveSoTheSelectorNeverHandsOverItsWork() {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(Mode.PRISM).build().start()) {
            assertThat(burstOfSaveCards(mock, 64)).allSatisfy(status -> assertThat(status).isEqualTo(200));

            // With a reserved thread, Jetty parks one in ReservedThread.run after a burst like this one.
            assertThat(Thread.getAllStackTraces().values())
                    .noneSatisfy(stack -> assertThat(stack).anySatisfy(frame -> assertThat(frame.getClassName())
                            .isEqualTo("org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread")));
        }
    }

    @Test
    void aStubsFixedDelayHoldsNoRequestThread() {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(Mode.PRISM).build().start()) {
            mock.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(SpecCalls.SAVE_CARD)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withStatus(200).withFixedDelay(3_000)));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int delayed = 2 * GuardedJettyServerFactory.ThreadBudget.forThisMachine().maxThreads();
            List<CompletableFuture<HttpResponse<String>>> late = IntStream.range(0, delayed)
                    .mapToObj(i -> client.sendAsync(SpecCalls.saveCard(mock.baseUrl())
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()))
                    .toList();
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (mock.receivedRequests().size() < delayed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // Recorded before their delay starts: every delayed request is in the server now.
            assertThat(mock.receivedRequests()).hasSize(delayed);

            long start = System.nanoTime();
            HttpResponse<String> health = SpecCalls.send(HttpRequest.newBuilder(
                    URI.create(mock.baseUrl() + "/__paynet/health")).GET());
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(health.statusCode()).isEqualTo(200);
            // Held threads would make it wait for the 3 s delays to end.
            assertThat(tookMs).as("answered while " + delayed + " answers wait").isLessThan(1_000);
            assertThat(late).allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(200));
        }
    }

    @Test
    void theRequestThreadsAreOnePerCorePlusOneUnlessThePropertySetsThem() {
        assertThat(GuardedJettyServerFactory.ThreadBudget.requestThreads(null, 2)).isEqualTo(3);
        assertThat(GuardedJettyServerFactory.ThreadBudget.requestThreads(null, 1)).isEqualTo(3);
        assertThat(GuardedJettyServerFactory.ThreadBudget.requestThreads(null, 8)).isEqualTo(9);
        assertThat(GuardedJettyServerFactory.ThreadBudget.requestThreads(" 8 ", 2)).isEqualTo(8);
        for (String bad : List.of("1", "0", "-3", "many", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> GuardedJettyServerFactory.ThreadBudget.requestThreads(bad, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("paynet.mock.requestThreads").hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void thereAreNoReservedThreadsUnlessThePropertySetsThem() {
        assertThat(GuardedJettyServerFactory.ThreadBudget.reservedThreads(null)).isZero();
        assertThat(GuardedJettyServerFactory.ThreadBudget.reservedThreads(" 1 ")).isEqualTo(1);
        for (String bad : List.of("-1", "one", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> GuardedJettyServerFactory.ThreadBudget.reservedThreads(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("paynet.mock.reservedThreads").hasMessageContaining("'" + bad + "'");
        }
    }

    /** {@code count} valid save_card calls sent at once; their statuses once all are answered. */
    private static List<Integer> burstOfSaveCards(PaynetMockServer mock, int count) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, count)
                .mapToObj(i -> client.sendAsync(SpecCalls.saveCard(mock.baseUrl())
                        .POST(HttpRequest.BodyPublishers.ofString(SpecCalls.saveCardRequestExample("withDescription")))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return answers.stream().map(answer -> answer.join().statusCode()).toList();
    }

    /** Jetty's QueuedThreadPool names its threads qtp<hash>-<n>. */
    private static int jettyThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("qtp"))
                .count();
    }
}
