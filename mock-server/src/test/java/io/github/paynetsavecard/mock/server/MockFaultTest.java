package io.github.paynetsavecard.mock.server;

import static io.github.paynetsavecard.mock.SpecCalls.json;
import static io.github.paynetsavecard.mock.SpecCalls.readUntilClosed;
import static io.github.paynetsavecard.mock.SpecCalls.saveCard;
import static io.github.paynetsavecard.mock.SpecCalls.saveCardRequestExample;
import static io.github.paynetsavecard.mock.SpecCalls.send;
import static io.github.paynetsavecard.mock.SpecCalls.validSaveCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.mock.BothModes;
import io.github.paynetsavecard.mock.PaynetMockServer.Mode;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.SpecCalls.Ending;
import io.github.paynetsavecard.mock.SpecCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mock-only header {@code X-Paynet-Mock-Fault}: each fault, in both modes, and the next request is served. */
class MockFaultTest {
    private static final BothModes MODES = new BothModes();
    private static final PaynetMockServer PAYNET = MODES.in(Mode.PAYNET);
    private static final PaynetMockServer PRISM = MODES.in(Mode.PRISM);

    @AfterAll
    static void stop() {
        MODES.close();
    }

    private static PaynetMockServer in(Mode mode) {
        return MODES.in(mode);
    }

    private static Ending rawSaveCard(PaynetMockServer mock, String fault) throws IOException {
        try (Socket socket = sendWithoutReading(mock, fault)) {
            return readUntilClosed(socket);
        }
    }

    private static HttpResponse<String> saveCardWith(PaynetMockServer mock, String fault) {
        return send(saveCard(mock.baseUrl()).header("X-Paynet-Mock-Fault", fault)
                .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void resetBreaksTheConnectionWithoutAnAnswerAndTheNextRequestIsServed(Mode mode) throws IOException {
        Ending ending = rawSaveCard(in(mode), "reset");

        assertThat(ending.received()).doesNotContain("HTTP/1.1");
        assertThat(ending.reset()).as("connection reset").isTrue();
        assertThat(validSaveCard(in(mode).baseUrl()).statusCode()).isIn(200, 400);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void emptyClosesTheConnectionWithoutAByte(Mode mode) throws IOException {
        Ending ending = rawSaveCard(in(mode), "empty");

        assertThat(ending.received()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void garbageSendsBytesThatAreNotHttpThenCloses(Mode mode) throws IOException {
        Ending ending = rawSaveCard(in(mode), "garbage");

        assertThat(ending.received()).isNotEmpty().doesNotStartWith("HTTP/");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void html502AnswersAProxysHtmlErrorPage(Mode mode) {
        HttpResponse<String> answer = saveCardWith(in(mode), "html502");

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(answer.body()).contains("<h1>502 Bad Gateway</h1>");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void delaySendsTheNormalAnswerLate(Mode mode) {
        HttpResponse<String> onTime = validSaveCard(in(mode).baseUrl());

        long start = System.nanoTime();
        HttpResponse<String> late = saveCardWith(in(mode), "delay=400");
        long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
        assertThat(late.statusCode()).isEqualTo(onTime.statusCode());
        assertThat(json(late.body())).isEqualTo(json(onTime.body()));
    }

    @Test
    void aFaultOtherThanDelayLeavesPaynetModesSessionsAsTheyWere() throws IOException {
        String session = PAYNET.paynet().createSession();
        String body = saveCardRequestExample("withDescription").replaceFirst("js_[^\"]*", session);

        for (String fault : List.of("reset", "empty", "garbage", "html502")) {
            sendIgnoringBrokenConnections(saveCard(PAYNET.baseUrl()).header("X-Paynet-Mock-Fault", fault)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        assertThat(PAYNET.paynet().session(session).orElseThrow().cardDesc()).isEmpty();
    }

    private static void sendIgnoringBrokenConnections(HttpRequest.Builder request) {
        try {
            send(request);
        } catch (UncheckedIOException expected) {
            // reset, empty and garbage break the connection on purpose
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void timeoutAnswersNothingUntilTheClientGivesUpAndTheMockKeepsServing(Mode mode) {
        HttpRequest.Builder request = saveCard(in(mode).baseUrl()).timeout(Duration.ofMillis(700))
                .header("X-Paynet-Mock-Fault", "timeout")
                .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription")));

        assertThatThrownBy(() -> send(request)).hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(validSaveCard(in(mode).baseUrl()).statusCode()).isIn(200, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"slow", "delay=", "delay=-5", "delay=1.5", "delay=25001", "reset,empty"})
    void anUnknownOrOutOfRangeValueGetsA400ProblemListingTheValidOnes(String value) {
        HttpResponse<String> answer = saveCardWith(PRISM, value);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asText()).contains("X-Paynet-Mock-Fault");
        if (!value.startsWith("delay=")) {
            assertThat(problem.path("detail").asText())
                    .contains("reset", "empty", "garbage", "delay=MS", "html502", "timeout");
        }
    }

    @Test
    void theHeaderGivenTwiceIsRefused() {
        HttpResponse<String> answer = send(saveCard(PRISM.baseUrl()).header("X-Paynet-Mock-Fault", "reset")
                .header("X-Paynet-Mock-Fault", "empty")
                .POST(HttpRequest.BodyPublishers.ofString(saveCardRequestExample("withDescription"))));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer.body()).path("detail").asText()).contains("given 2 times");
    }

    @Test
    void theValueIsReadWithoutRegardToCaseOrSurroundingSpace() {
        assertThat(saveCardWith(PRISM, " HTML502 ").statusCode()).isEqualTo(502);
    }

    @Test
    void heldRequestsAreBoundedAndTheMockKeepsAnsweringWhileTheyWait() throws IOException, InterruptedException {
        try (PaynetMockServer mock = PaynetMockServer.builder().mode(Mode.PRISM).build().start()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < HeldRequests.MAX_HELD; i++) {
                    held.add(sendWithoutReading(mock, "delay=25000"));
                    if (i == 0) {
                        // while a request waits, others are answered at once: it holds no request thread
                        assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
                    }
                }
                // A request is recorded once its answer is decided, so once all are recorded, all are held.
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (mock.receivedRequests().size() < 1 + HeldRequests.MAX_HELD && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(mock.receivedRequests()).hasSize(1 + HeldRequests.MAX_HELD);
                HttpResponse<String> refused = saveCardWith(mock, "delay=10");

                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(json(refused.body()).path("detail").asText())
                        .contains("holds " + HeldRequests.MAX_HELD + " requests");
                assertThat(validSaveCard(mock.baseUrl()).statusCode()).isEqualTo(200);
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static Socket sendWithoutReading(PaynetMockServer mock, String fault) throws IOException {
        String body = saveCardRequestExample("withDescription");
        String request = "POST " + SpecCalls.SAVE_CARD + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                + SpecCalls.TEST_KEY + "\r\nContent-Type: application/json\r\nX-Paynet-Mock-Fault: " + fault
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        Socket socket = new Socket("127.0.0.1", mock.port());
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        return socket;
    }
}
