package io.github.paynetsavecard.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.paynetsavecard.client.ChargeRequest;
import io.github.paynetsavecard.client.ChargeResult;
import io.github.paynetsavecard.client.CreateSessionRequest;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetEnvironment;
import io.github.paynetsavecard.client.PaynetLogging;
import io.github.paynetsavecard.client.PaynetSession;
import io.github.paynetsavecard.client.PaynetTransportException;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.conformance.contract.ConformanceFailure;
import io.github.paynetsavecard.conformance.contract.RuleViolation;
import io.github.paynetsavecard.conformance.report.ConformanceReport;
import io.github.paynetsavecard.conformance.report.ReportRow;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.conformance.wire.ExchangeRecorder;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import io.github.paynetsavecard.mock.engine.MockRequest;
import io.github.paynetsavecard.mock.engine.RuleContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A full exchange, with every trace it leaves captured: the client's log at BODY level, the mock's
 * per-request log (what {@code --verbose} prints), everything written to System.out, System.err and
 * java.util.logging, every exception message, the {@code toString()} of every value, and the
 * conformance records and report. None of it may show the key, a full phone number, a full session
 * id or the card description.
 */
class NoSecretInAnyTraceTest {

    private static final String KEY = "sck_live_Zq8Xk2Lm9Pw4Rt7Vb1Nc";
    private static final String PHONE_AS_TYPED = "0532 987 65 43";
    private static final String PHONE_AS_SENT = "5329876543";
    private static final String CARD_DESCRIPTION = "Ayşe Yılmaz maaş kartı";
    private static final String SAVE_CARD = "/v1/paynetj/save_card";

    private final List<String> traces = new CopyOnWriteArrayList<>();
    private final List<String> sessionIds = new ArrayList<>();

    @Test
    void noKeyPhoneNumberSessionIdOrCardDescriptionLeavesAFullExchange() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Handler julCapture = julCapture();
        Logger root = Logger.getLogger("");
        root.addHandler(julCapture);
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
        try {
            runTheExchange();
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(julCapture);
        }
        traces.add(console.toString(StandardCharsets.UTF_8));

        String everything = String.join("\n", traces);
        assertThat(everything).as("the capture saw the exchange")
                .contains("--> POST ", "POST " + SAVE_CARD + " -> 200", "Authorization: Basic <redacted>",
                        "\"card_desc\":\"<redacted>\"", "<redacted>");
        assertThat(sessionIds).as("sessions seen").isNotEmpty().allSatisfy(id -> assertThat(id).hasSizeGreaterThan(10));
        for (String trace : traces) {
            assertThat(trace).doesNotContain(KEY, PHONE_AS_SENT, PHONE_AS_TYPED, "90" + PHONE_AS_SENT, CARD_DESCRIPTION);
            for (String sessionId : sessionIds) {
                assertThat(trace).doesNotContain(sessionId);
            }
        }
    }

    private void runTheExchange() throws Exception {
        List<String> mockLog = new CopyOnWriteArrayList<>();
        List<String> clientLog = new CopyOnWriteArrayList<>();
        ExchangeRecorder recorder = new ExchangeRecorder();
        try (PaynetMockServer mock = PaynetMockServer.builder().requestLog(mockLog::add).build().start();
             PaynetClient client = PaynetClient.builder()
                     .environment(PaynetEnvironment.of(mock.baseUrl()))
                     .apiKey(KEY)
                     .logging(PaynetLogging.to(PaynetLogging.Level.BODY, clientLog::add))
                     .addInterceptor(recorder)
                     .build()) {
            traces.add(client.toString());

            CreateSessionRequest auth = CreateSessionRequest.builder().amount(1000).referenceNo("ORDER-1").build();
            PaynetSession session = client.createSession(auth);
            String sessionId = session.requireSessionId();
            sessionIds.add(sessionId);
            SaveCardRequest described = SaveCardRequest.builder().sessionId(sessionId)
                    .cardDescription(CARD_DESCRIPTION).userGsm(PHONE_AS_TYPED).build();
            SaveCardOutcome acknowledged = client.saveCard(described);
            ChargeRequest charge = ChargeRequest.builder().sessionId(sessionId).tokenId("7c1f4b2e9d0a4e55b93c7a8e")
                    .referenceNo("ORDER-1").transactionType(1).build();
            ChargeResult charged = client.charge(charge);

            String second = client.createSession(auth).requireSessionId();
            sessionIds.add(second);
            SaveCardRequest hosted = SaveCardRequest.builder().sessionId(second).userGsm(PHONE_AS_TYPED).build();
            SaveCardOutcome awaiting = client.saveCard(hosted);
            traces.addAll(List.of(String.valueOf(auth), String.valueOf(session), String.valueOf(described),
                    String.valueOf(acknowledged), String.valueOf(charge), String.valueOf(charged),
                    String.valueOf(hosted), String.valueOf(awaiting)));

            traces.add(failureOf(() -> client.saveCard(described), mock, aResponse().withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><h1>502 Bad Gateway</h1><pre>Authorization: Basic " + KEY + "\n{\"card_desc\":\""
                            + CARD_DESCRIPTION + "\",\"session_id\":\"" + sessionId + "\",\"user_gsm\":\""
                            + PHONE_AS_SENT + "\"}</pre></html>")));
            traces.add(failureOf(() -> client.saveCard(described), mock,
                    aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            traces.add(notSent(described));

            for (ReceivedRequest received : mock.receivedRequests()) {
                traces.add(received.toString());
                MockRequest engineView = new MockRequest(received.method(), received.path(), received.query(),
                        received.headers(), received.body());
                traces.add(engineView.toString());
                traces.add(new RuleContext(engineView, "saveCard", Map.of(), Optional.empty(), false).toString());
            }
            traces.addAll(mockLog);
            traces.addAll(clientLog);
            traces.addAll(conformanceRecords(recorder, described));
        }
    }

    /** What the client throws when save_card meets {@code answer}, and everything it shows. */
    private String failureOf(Runnable call, PaynetMockServer mock,
                             com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        mock.wireMock().stubFor(post(urlPathEqualTo(SAVE_CARD)).willReturn(answer));
        try {
            Throwable failure = catchThrowable(call::run);
            assertThat(failure).isInstanceOf(PaynetTransportException.OutcomeUnknown.class);
            PaynetTransportException transport = (PaynetTransportException) failure;
            return transport + "\n" + transport.bodyExcerpt().orElse("") + "\n" + stackTrace(failure);
        } finally {
            mock.resetStubs();
        }
    }

    private String notSent(SaveCardRequest request) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (PaynetClient unreachable = PaynetClient.builder()
                .environment(PaynetEnvironment.of("http://127.0.0.1:" + closedPort)).apiKey(KEY).build()) {
            Throwable failure = catchThrowable(() -> unreachable.saveCard(request));
            assertThat(failure).isInstanceOf(PaynetTransportException.NotSent.class);
            return stackTrace(failure) + unreachable;
        }
    }

    /** The conformance suite's records of the same exchanges, a failure built from one, and the report. */
    private List<String> conformanceRecords(ExchangeRecorder recorder, SaveCardRequest described) {
        List<String> records = new ArrayList<>();
        ConformanceReport report = new ConformanceReport("no secret in any trace");
        for (Exchange exchange : recorder.all()) {
            records.add(exchange.describe());
            records.add(exchange.toString());
            records.add(exchange.request().toString());
            exchange.response().ifPresent(response -> records.add(response.toString()));
            ConformanceFailure failure = new ConformanceFailure(List.of(new RuleViolation("a rule",
                    "the request body was " + exchange.request().body())), exchange);
            records.add(failure.getMessage());
            report.add(new ReportRow("save_card " + exchange.request().body(), "mock", ReportRow.Result.FAIL,
                    failure.getMessage()));
        }
        records.add(RawRequest.post(SAVE_CARD).header("Authorization", "Basic " + KEY)
                .body("application/json", "{\"session_id\":\"" + described.sessionId() + "\",\"card_desc\":\""
                        + CARD_DESCRIPTION + "\",\"user_gsm\":\"" + PHONE_AS_SENT + "\"}").build().toString());
        records.add(report.toMarkdown());
        return records;
    }

    private Handler julCapture() {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                traces.add(record.getLoggerName() + " " + record.getMessage() + " "
                        + (record.getThrown() == null ? "" : stackTrace(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    /** Writes to the console as usual and into the capture. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        Tee(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
