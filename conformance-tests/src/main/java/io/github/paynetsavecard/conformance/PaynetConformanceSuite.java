package io.github.paynetsavecard.conformance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.paynetsavecard.conformance.ConformanceTargets.CREATE_SESSION;
import static io.github.paynetsavecard.conformance.ConformanceTargets.SAVE_CARD;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.paynetsavecard.client.CreateSessionRequest;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetSession;
import io.github.paynetsavecard.client.PaynetTransportException;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.conformance.contract.ConformanceFailure;
import io.github.paynetsavecard.conformance.contract.NamedExample;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.contract.RuleViolation;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.conformance.wire.ExchangeRecorder;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import io.github.paynetsavecard.conformance.wire.WireClient;
import io.github.paynetsavecard.mock.PaynetMockServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The conformance suite, as a test kit: every check runs against every configured target (mock, prism,
 * paynet-test, url) and becomes a row of {@code target/conformance-report.md}.
 *
 * <p>Run it from your own build against your own URL: depend on {@code paynet-save-card-conformance} in test
 * scope, extend this class with an empty test class, and say where to point it:
 *
 * <pre>{@code
 * class PaynetConformanceTest extends PaynetConformanceSuite {
 * }
 * // mvn verify -Dconformance.targets=url -Dconformance.url=https://staging.example.com
 * //   (or PAYNET_CONFORMANCE_URL / PAYNET_CONFORMANCE_KEY in the environment; PAYNET_TEST_KEY for paynet-test)
 * }</pre>
 *
 * Settings are JUnit configuration parameters or {@code -D} system properties; keys come from the environment
 * only. See {@code docs/conformance.md}.
 */
@ExtendWith(ConformanceReporting.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("save_card conformance")
public abstract class PaynetConformanceSuite {
    /** A session id no server has issued: the shape of the answer is checked, and Paynet must reject it. */
    private static final String UNKNOWN_SESSION = "js_conformance-suite-session-that-was-never-issued";
    private static final String MOCK_ONLY = "runs on the mock only: it needs WireMock faults and stubs that the "
            + "spec cannot express";
    private static final String PRESENCE_ONLY = "not applicable: a Prism-compatible mock checks only that the "
            + "Authorization header is present (the spec's apiKey scheme), not its form";
    private static final String PREFER_ON_MOCKS = "not applicable: Prefer picks responses on mocks only; on Paynet, "
            + "rejections are checked by \"an unknown session\"";

    // ---- every named request example, sent by the generated client --------------------------------------------

    /**
     * The client sends the spec's save_card request example; status, Content-Type, body and typed outcome follow the
     * spec.
     *
     * @param handle the target the check runs against
     * @param exampleName the name of the spec's request example
     */
    @Order(1)
    @ParameterizedTest(name = "{0} | {1}")
    @ArgumentsSource(ConformanceTargets.WithRequestExamples.class)
    @DisplayName("the client sends the spec's save_card request example; status, Content-Type, body and typed outcome follow the spec")
    public void requestExampleIsAnsweredAsTheSpecDeclares(TargetHandle handle, String exampleName) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        SaveCardRequest request = Clients.saveCardRequest(saveCard.requestExample(exampleName).value());
        ExchangeRecorder recorder = new ExchangeRecorder();

        SaveCardOutcome outcome = Clients.saveCard(target, recorder, request);

        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        assertOutcome(Clients.expectedOutcome(request, exchange.answer()), outcome, exchange);
    }

    /**
     * The client sends the spec's Auth request example; status, Content-Type, body and session follow the spec.
     *
     * @param handle the target the check runs against
     * @param exampleName the name of the spec's request example
     */
    @Order(2)
    @ParameterizedTest(name = "{0} | {1}")
    @ArgumentsSource(ConformanceTargets.WithSessionExamples.class)
    @DisplayName("the client sends the spec's Auth request example; status, Content-Type, body and session follow the spec")
    public void sessionExampleIsAnsweredAsTheSpecDeclares(TargetHandle handle, String exampleName) {
        Target target = handle.acquire();
        OperationContract createSession = handle.pool().contract(CREATE_SESSION);
        CreateSessionRequest request = Clients.createSessionRequest(
                createSession.requestExample(exampleName).value());
        ExchangeRecorder recorder = new ExchangeRecorder();

        PaynetSession session;
        try (PaynetClient client = Clients.of(target, recorder)) {
            session = client.createSession(request);
        }

        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(createSession.violations(exchange), exchange);
        String expected = Clients.expectedSession(exchange.answer());
        if (!Clients.describe(session).equals(expected)) {
            throw new ConformanceFailure(List.of(new RuleViolation("the client's session matches the answer",
                    "expected " + expected + ", the client reported " + Clients.describe(session))), exchange);
        }
    }

    // ---- both branches, with a real session from Auth (the paynet-test path, run on every target) -------------

    /**
     * A session from Auth, then save_card with card_desc: acknowledged.
     *
     * @param handle the target the check runs against
     */
    @Order(3)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("a session from Auth, then save_card with card_desc: acknowledged")
    public void describedCardIsAcknowledged(TargetHandle handle) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        ExchangeRecorder recorder = new ExchangeRecorder();
        String cardDescription = exampleWithField(saveCard, "card_desc").path("card_desc").asText();

        SaveCardOutcome outcome;
        try (PaynetClient client = Clients.of(target, recorder)) {
            outcome = client.saveCard(SaveCardRequest.builder().sessionId(startSession(handle, client, recorder))
                    .cardDescription(cardDescription).build());
        }

        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        assertOutcome("acknowledged", outcome, exchange);
    }

    /**
     * A session from Auth, then save_card without card_desc: hosted-page branch, described by the spec.
     *
     * @param handle the target the check runs against
     */
    @Order(4)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("a session from Auth, then save_card without card_desc: hosted-page branch, described by the spec")
    public void requestWithoutDescriptionTakesTheHostedPageBranch(TargetHandle handle) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        assertHostedPageIsDescribed(saveCard);
        ExchangeRecorder recorder = new ExchangeRecorder();

        SaveCardOutcome outcome;
        try (PaynetClient client = Clients.of(target, recorder)) {
            outcome = client.saveCard(SaveCardRequest.builder().sessionId(startSession(handle, client, recorder))
                    .build());
        }

        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        assertOutcome("awaiting the cardholder", outcome, exchange);
    }

    /**
     * An unknown session is answered in the spec's shape (and rejected, on Paynet).
     *
     * @param handle the target the check runs against
     */
    @Order(5)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("an unknown session is answered in the spec's shape (and rejected, on Paynet)")
    public void unknownSessionIsAnsweredInTheSpecShape(TargetHandle handle) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        ExchangeRecorder recorder = new ExchangeRecorder();
        SaveCardRequest request = SaveCardRequest.builder().sessionId(UNKNOWN_SESSION)
                .cardDescription(exampleWithField(saveCard, "card_desc").path("card_desc").asText()).build();

        SaveCardOutcome outcome = Clients.saveCard(target, recorder, request);

        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        assertOutcome(Clients.expectedOutcome(request, exchange.answer()), outcome, exchange);
        // The mocks are stateless: they cannot know which sessions exist, so only Paynet must reject it.
        if (target.kind() == TargetKind.PAYNET && !(outcome instanceof SaveCardOutcome.Rejected)) {
            throw new ConformanceFailure(List.of(new RuleViolation("a session Auth never issued is rejected",
                    "the client reported " + Clients.describe(outcome))), exchange);
        }
    }

    // ---- negative data, sent raw ------------------------------------------------------------------------------

    /**
     * A request the spec forbids is rejected with a 4xx and an error body that follows the spec.
     *
     * @param handle the target the check runs against
     * @param negative the forbidden request
     */
    @Order(6)
    @ParameterizedTest(name = "{0} | {1}")
    @ArgumentsSource(ConformanceTargets.WithNegatives.class)
    @DisplayName("a request the spec forbids is rejected with a 4xx and an error body that follows the spec")
    public void forbiddenRequestIsRejected(TargetHandle handle, NegativeRequest negative) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        RawRequest request = negative.request(saveCard, target);
        parsed(request.body()).ifPresent(body -> negative.assertBreaksTheSchema(saveCard, body));

        Exchange exchange = new WireClient(target.baseUrl()).send(request);

        assertErrorAnswer(target, saveCard, exchange, status -> status / 100 == 4, "a 4xx");
    }

    /**
     * A missing Authorization header is answered 401 with an error body that follows the spec.
     *
     * @param handle the target the check runs against
     */
    @Order(7)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("a missing Authorization header is answered 401 with an error body that follows the spec")
    public void missingAuthorizationIsUnauthorized(TargetHandle handle) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);

        Exchange exchange = new WireClient(target.baseUrl()).send(validRequest(saveCard, Optional.empty()));

        assertErrorAnswer(target, saveCard, exchange, status -> status == 401, "401");
    }

    /**
     * A malformed Authorization header (no Basic scheme) is answered 401 with Paynet's Error object.
     *
     * @param handle the target the check runs against
     */
    @Order(8)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("a malformed Authorization header (no Basic scheme) is answered 401 with Paynet's Error object")
    public void malformedAuthorizationIsUnauthorized(TargetHandle handle) {
        Target target = handle.acquire();
        Assumptions.assumeTrue(target.kind() == TargetKind.PAYNET, PRESENCE_ONLY);
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);

        Exchange exchange = new WireClient(target.baseUrl())
                .send(validRequest(saveCard, Optional.of(target.apiKey())));

        assertErrorAnswer(target, saveCard, exchange, status -> status == 401, "401");
    }

    /**
     * A method the spec does not declare on the path is answered 405.
     *
     * @param handle the target the check runs against
     */
    @Order(9)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("a method the spec does not declare on the path is answered 405")
    public void undeclaredMethodIsNotAllowed(TargetHandle handle) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        String method = saveCard.undeclaredMethods().stream()
                .filter(candidate -> List.of("GET", "PUT", "DELETE", "PATCH").contains(candidate))
                .findFirst().orElseThrow(() -> new AssertionError("the spec declares every method on "
                        + saveCard.path()));
        RawRequest request = RawRequest.method(method, saveCard.path())
                .header("Authorization", target.authorization()).build();

        Exchange exchange = new WireClient(target.baseUrl()).send(request);

        assertErrorAnswer(target, saveCard, exchange, status -> status == 405, "405");
    }

    /**
     * A path the spec does not declare is answered 404.
     *
     * @param handle the target the check runs against
     */
    @Order(10)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("a path the spec does not declare is answered 404")
    public void unknownPathIsNotFound(TargetHandle handle) {
        Target target = handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        String unknownPath = saveCard.path() + "_conformance_unknown_path";
        RawRequest request = RawRequest.method(saveCard.method(), unknownPath)
                .header("Authorization", target.authorization())
                .body("application/json", saveCard.requestExamples().get(0).value().toString()).build();

        Exchange exchange = new WireClient(target.baseUrl()).send(request);

        assertErrorAnswer(target, saveCard, exchange, status -> status == 404, "404");
    }

    // ---- rejected outcomes, triggered with Prefer -------------------------------------------------------------

    /**
     * A rejecting example of the spec, picked with Prefer, decodes to its Paynet code.
     *
     * @param handle the target the check runs against
     * @param rejection the spec's rejecting example
     */
    @Order(11)
    @ParameterizedTest(name = "{0} | {1}")
    @ArgumentsSource(ConformanceTargets.WithRejections.class)
    @DisplayName("a rejecting example of the spec, picked with Prefer, decodes to its Paynet code")
    public void rejectionDecodesToItsPaynetCode(TargetHandle handle, NamedExample rejection) {
        Target target = handle.acquire();
        Assumptions.assumeTrue(target.kind() == TargetKind.PRISM_COMPATIBLE, PREFER_ON_MOCKS);
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        ExchangeRecorder recorder = new ExchangeRecorder();
        SaveCardRequest request = Clients.saveCardRequest(saveCard.requestExamples().get(0).value());

        SaveCardOutcome outcome;
        try (PaynetClient client = Clients.of(target, recorder, Clients.READ_TIMEOUT,
                Optional.of(Rejections.prefer(rejection)))) {
            outcome = client.saveCard(request);
        }

        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        int expected = Rejections.expectedCode(rejection);
        assertOutcome("rejected with code " + expected + " (HTTP " + rejection.status() + ")", outcome, exchange);
        if (((SaveCardOutcome.Rejected) outcome).code().known().isEmpty()) {
            throw new AssertionError("code " + expected + " of example " + rejection
                    + " is missing from the client's PaynetReturnCode");
        }
    }

    // ---- the client survives what real servers do (mock only: WireMock stubs and faults) ---------------------

    /**
     * The client survives an unknown extra field in the answer.
     *
     * @param handle the target the check runs against
     */
    @Order(12)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("the client survives an unknown extra field in the answer")
    public void clientSurvivesAnUnknownField(TargetHandle handle) {
        SaveCardOutcome outcome = saveAgainstStub(handle, Clients.READ_TIMEOUT, saved -> aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(saved.put("conformance_unknown_field", "ignore me").toString()));
        assertReported(outcome instanceof SaveCardOutcome.Acknowledged, "acknowledged", outcome);
    }

    /**
     * The client survives `code` sent as a string.
     *
     * @param handle the target the check runs against
     */
    @Order(13)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("the client survives `code` sent as a string")
    public void clientSurvivesCodeAsAString(TargetHandle handle) {
        SaveCardOutcome outcome = saveAgainstStub(handle, Clients.READ_TIMEOUT, saved -> aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(saved.put("code", saved.path("code").asText()).toString()));
        assertReported(outcome instanceof SaveCardOutcome.Acknowledged, "acknowledged", outcome);
    }

    /**
     * The client reports a proxy's HTML 502 page as a transport failure with the status.
     *
     * @param handle the target the check runs against
     */
    @Order(14)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("the client reports a proxy's HTML 502 page as a transport failure with the status")
    public void clientSurvivesAnHtml502Page(TargetHandle handle) {
        PaynetTransportException failure = transportFailure(handle, Clients.READ_TIMEOUT, saved -> aResponse()
                .withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"));
        if (failure.httpStatus().isEmpty() || failure.httpStatus().getAsInt() != 502) {
            throw new AssertionError("expected HTTP 502 in the transport failure, got " + failure.httpStatus(), failure);
        }
    }

    /**
     * The client reports a connection reset as a transport failure.
     *
     * @param handle the target the check runs against
     */
    @Order(15)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("the client reports a connection reset as a transport failure")
    public void clientSurvivesAConnectionReset(TargetHandle handle) {
        transportFailure(handle, Clients.READ_TIMEOUT, saved -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    /**
     * The client gives up on a response slower than its read timeout.
     *
     * @param handle the target the check runs against
     */
    @Order(16)
    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(ConformanceTargets.Each.class)
    @DisplayName("the client gives up on a response slower than its read timeout")
    public void clientGivesUpOnASlowResponse(TargetHandle handle) {
        Duration readTimeout = Duration.ofMillis(300);
        Duration delay = Duration.ofSeconds(3);
        long start = System.nanoTime();
        transportFailure(handle, readTimeout, saved -> aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(saved.toString())
                .withFixedDelay((int) delay.toMillis()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (took.compareTo(delay) >= 0) {
            throw new AssertionError("the client waited " + took.toMillis() + " ms, past the " + delay.toMillis()
                    + " ms delay, despite a read timeout of " + readTimeout.toMillis() + " ms");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Gets a session from the Auth operation, checking that answer against the spec as well. */
    private static String startSession(TargetHandle handle, PaynetClient client, ExchangeRecorder recorder) {
        OperationContract createSession = handle.pool().contract(CREATE_SESSION);
        JsonNode example = createSession.requestExamples().get(0).value();
        CreateSessionRequest.Builder request = CreateSessionRequest.builder().amount(example.path("amount").asLong());
        if (example.hasNonNull("reference_no")) {
            // Unique per run: a live system may refuse a reference it has already seen.
            request.referenceNo(example.path("reference_no").asText() + "-" + System.currentTimeMillis());
        }
        PaynetSession session = client.createSession(request.build());
        Exchange exchange = recorder.last();
        ConformanceFailure.throwIfAny(createSession.violations(exchange), exchange);
        if (!session.started()) {
            throw new ConformanceFailure(List.of(new RuleViolation("Auth starts a session for the spec's example",
                    "code " + session.code() + ", message \"" + session.message() + "\"")), exchange);
        }
        return session.requireSessionId();
    }

    /** The spec must describe the hosted-page branch: what triggers it and which examples show it. */
    private static void assertHostedPageIsDescribed(OperationContract saveCard) {
        JsonNode hostedPage = saveCard.extension("x-paynet-hosted-page");
        List<String> missing = new ArrayList<>();
        for (String field : List.of("triggeredWhenAbsent", "requestExample", "responseExample", "screen")) {
            if (!hostedPage.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("the spec's x-paynet-hosted-page on " + saveCard.operationId()
                    + " is missing " + missing + ": " + hostedPage);
        }
        String trigger = hostedPage.path("triggeredWhenAbsent").asText();
        JsonNode requestExample = saveCard.requestExample(hostedPage.path("requestExample").asText()).value();
        if (requestExample.has(trigger)) {
            throw new AssertionError("x-paynet-hosted-page names request example " + hostedPage.path("requestExample")
                    + ", which carries " + trigger + " although the branch is taken when it is absent");
        }
        saveCard.responseExample(hostedPage.path("responseExample").asText());
    }

    private static JsonNode exampleWithField(OperationContract contract, String field) {
        return contract.requestExamples().stream().map(NamedExample::value).filter(value -> value.hasNonNull(field))
                .findFirst().orElseThrow(() -> new AssertionError("no request example of " + contract.operationId()
                        + " has " + field));
    }

    /** The spec's first request example, with the given key (raw, no scheme added) or without Authorization. */
    private static RawRequest validRequest(OperationContract saveCard, Optional<String> rawAuthorization) {
        RawRequest.Builder request = RawRequest.method(saveCard.method(), saveCard.path());
        rawAuthorization.ifPresent(value -> request.header("Authorization", value));
        return request.body("application/json", saveCard.requestExamples().get(0).value().toString()).build();
    }

    private static void assertErrorAnswer(Target target, OperationContract saveCard, Exchange exchange,
                                          IntPredicate statusOk, String expectedStatus) {
        List<RuleViolation> broken = new ArrayList<>();
        int status = exchange.answer().status();
        if (!statusOk.test(status)) {
            broken.add(new RuleViolation("the answer's status is " + expectedStatus, "got " + status));
        }
        broken.addAll(target.kind().errorViolations(saveCard, exchange));
        ConformanceFailure.throwIfAny(broken, exchange);
    }

    private static void assertOutcome(String expected, SaveCardOutcome outcome, Exchange exchange) {
        String reported = Clients.describe(outcome);
        if (!reported.equals(expected)) {
            throw new ConformanceFailure(List.of(new RuleViolation("the client's typed outcome matches the answer",
                    "expected " + expected + ", the client reported " + reported)), exchange);
        }
    }

    private static void assertReported(boolean holds, String expected, SaveCardOutcome outcome) {
        if (!holds) {
            throw new AssertionError("expected " + expected + ", the client reported " + Clients.describe(outcome));
        }
    }

    /**
     * Runs save_card against a private mock whose save_card path answers with {@code answer}, given the spec's
     * first code-0 response example.
     */
    private static SaveCardOutcome saveAgainstStub(TargetHandle handle, Duration readTimeout,
                                                   Function<ObjectNode, ResponseDefinitionBuilder> answer) {
        Assumptions.assumeTrue(handle.name().equals(TargetPool.MOCK), MOCK_ONLY);
        handle.acquire();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        ObjectNode saved = (ObjectNode) saveCard.responseExamples().stream()
                .filter(example -> example.status().startsWith("2") && example.value().path("code").asInt(-1) == 0)
                .findFirst().orElseThrow(() -> new AssertionError("the spec has no accepting response example"))
                .value().deepCopy();
        PaynetMockServer mock = handle.pool().privateMock();
        mock.wireMock().stubFor(request(saveCard.method(), urlPathEqualTo(saveCard.path())).atPriority(1)
                .willReturn(answer.apply(saved)));
        Target stubbed = new Target("mock (stubbed)", URI.create(String.valueOf(mock.baseUrl())), "conformance-key",
                TargetKind.PRISM_COMPATIBLE);
        SaveCardRequest request = SaveCardRequest.builder()
                .sessionId(saveCard.requestExamples().get(0).value().path("session_id").asText())
                .cardDescription(exampleWithField(saveCard, "card_desc").path("card_desc").asText()).build();
        try (PaynetClient client = Clients.of(stubbed, new ExchangeRecorder(), readTimeout, Optional.empty())) {
            return client.saveCard(request);
        }
    }

    private static PaynetTransportException transportFailure(TargetHandle handle, Duration readTimeout,
                                                             Function<ObjectNode, ResponseDefinitionBuilder> answer) {
        try {
            SaveCardOutcome outcome = saveAgainstStub(handle, readTimeout, answer);
            throw new AssertionError("expected a PaynetTransportException, the client reported "
                    + Clients.describe(outcome));
        } catch (PaynetTransportException expected) {
            return expected;
        }
    }

    private static Optional<JsonNode> parsed(String body) {
        try {
            return Optional.of(new ObjectMapper().readTree(body));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
