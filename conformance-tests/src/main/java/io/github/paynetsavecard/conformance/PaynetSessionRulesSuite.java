package io.github.paynetsavecard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.conformance.contract.ConformanceFailure;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import io.github.paynetsavecard.conformance.wire.WireClient;
import io.github.paynetsavecard.mock.PaynetMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * The checks of Paynet's session rules, which a stateless mock cannot pass: against our mock in Paynet mode
 * ({@code mock-paynet}, when the run includes {@code mock}) and, with credentials, against Paynet's test system.
 * Every answer is also checked against the spec. The requests are the spec's own examples with a real session put
 * in. Part of the test kit, beside {@link PaynetConformanceSuite}: extend it with an empty class in your own build.
 *
 * <pre>{@code
 * class PaynetSessionRulesTest extends PaynetSessionRulesSuite {
 * }
 * }</pre>
 */
@ExtendWith(ConformanceReporting.class)
@DisplayName("Paynet mode: sessions")
public abstract class PaynetSessionRulesSuite {
    static final String MOCK_PAYNET = "mock-paynet";
    private static final String CREATE_SESSION = ConformanceTargets.CREATE_SESSION;
    private static final String SAVE_CARD = ConformanceTargets.SAVE_CARD;
    private static final String CHARGE = "charge";
    private static final String UNKNOWN_SESSION = "js_conformance-paynet-mode-session-never-issued";
    private static final String NEEDS_A_CARD = "cannot run against Paynet here: a charge needs a token_id from"
            + " create_token, i.e. real card data, which this suite never handles";
    private static final String NEEDS_A_CARDHOLDER = "cannot run against Paynet: the hosted page is Paynet's own"
            + " payment screen and needs a cardholder in a browser; only the mock serves a page at a known address";

    /** A target of these checks: its name in the report, how to reach it, and whether it is our mock. */
    record PaynetTarget(String name, Supplier<Target> open, boolean mock, TargetPool pool) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Our mock in Paynet mode (when the run includes {@code mock}), and paynet-test (when the run includes it); none
     * for a run of other targets only, which these checks then leave out.
     */
    static final class Targets implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            TargetPool pool = TargetPool.of(context);
            List<PaynetTarget> targets = new ArrayList<>();
            if (pool.settings().targets().contains(TargetPool.MOCK)) {
                targets.add(new PaynetTarget(MOCK_PAYNET, () -> paynetMock(context, pool), true, pool));
            }
            if (pool.settings().targets().contains(TargetPool.PAYNET_TEST)) {
                targets.add(new PaynetTarget(TargetPool.PAYNET_TEST, () -> pool.acquire(TargetPool.PAYNET_TEST),
                        false, pool));
            }
            return targets.stream().map(Arguments::of);
        }

        /** One Paynet-mode mock for the run, closed with the run's root store. */
        private static Target paynetMock(ExtensionContext context, TargetPool pool) {
            PaynetMockServer mock = context.getRoot().getStore(ExtensionContext.Namespace.create(
                    PaynetSessionRulesSuite.class)).getOrComputeIfAbsent(PaynetMockServer.class,
                    key -> PaynetMockServer.builder().spec(pool.settings().spec()).port(0).build().start(),
                    PaynetMockServer.class);
            return new Target(MOCK_PAYNET, URI.create(mock.baseUrl()), TargetPool.MOCK_KEY, TargetKind.PAYNET);
        }
    }

    /**
     * A session that never came from Auth is rejected with 13 (paynetjnosession).
     *
     * @param handle the target the check runs against
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @ArgumentsSource(Targets.class)
    @DisplayName("Paynet mode: a session that never came from Auth is rejected with 13 (paynetjnosession)")
    public void anUnknownSessionIsRejectedWith13(PaynetTarget handle) {
        Target target = handle.open().get();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);

        Exchange exchange = send(target, saveCard, withSession(saveCard, "withDescription", UNKNOWN_SESSION));

        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        assertEquals(13, paynetCode(exchange), () -> "the Paynet code of " + exchange.describe());
    }

    /**
     * save_card acknowledges a session from Auth and echoes its session_id.
     *
     * @param handle the target the check runs against
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @ArgumentsSource(Targets.class)
    @DisplayName("Paynet mode: save_card acknowledges a session from Auth and echoes its session_id")
    public void saveCardEchoesTheSessionFromAuth(PaynetTarget handle) {
        Target target = handle.open().get();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        String session = auth(target, handle.pool());

        Exchange exchange = send(target, saveCard, withSession(saveCard, "withDescription", session));

        ConformanceFailure.throwIfAny(saveCard.violations(exchange), exchange);
        JsonNode body = exchange.answer().json().orElseThrow(() -> new AssertionError("no JSON: " + exchange.describe()));
        assertEquals(200, exchange.answer().status(), exchange::describe);
        assertEquals(0, body.path("code").asInt(-1), exchange::describe);
        assertEquals(session, body.path("session_id").asText(), "the echoed session_id");
    }

    /**
     * After a charge, save_card on the same session is rejected with 17 (paynetjusedsession).
     *
     * @param handle the target the check runs against
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @ArgumentsSource(Targets.class)
    @DisplayName("Paynet mode: after a charge, save_card on the same session is rejected with 17 (paynetjusedsession)")
    public void aChargedSessionIsRejectedWith17(PaynetTarget handle) {
        Assumptions.assumeTrue(handle.mock(), NEEDS_A_CARD);
        Target target = handle.open().get();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        OperationContract charge = handle.pool().contract(CHARGE);
        String session = auth(target, handle.pool());
        send(target, saveCard, withSession(saveCard, "withDescription", session));

        Exchange charged = send(target, charge, withSession(charge, "charge", session));
        Exchange again = send(target, saveCard, withSession(saveCard, "withDescription", session));

        ConformanceFailure.throwIfAny(charge.violations(charged), charged);
        ConformanceFailure.throwIfAny(saveCard.violations(again), again);
        assertTrue(charged.answer().json().orElseThrow().path("is_save_card_succeed").asBoolean(),
                () -> "the charge reports the card saved: " + charged.describe());
        assertEquals(17, paynetCode(again), () -> "the Paynet code of " + again.describe());
    }

    /**
     * The hosted page asks for the card name and shows the agreement and the box.
     *
     * @param handle the target the check runs against
     */
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @ArgumentsSource(Targets.class)
    @DisplayName("Paynet mode: the hosted page asks for the card name, shows the agreement and the box")
    public void theHostedPageShowsTheNameFieldTheAgreementAndTheBox(PaynetTarget handle) {
        Assumptions.assumeTrue(handle.mock(), NEEDS_A_CARDHOLDER);
        Target target = handle.open().get();
        OperationContract saveCard = handle.pool().contract(SAVE_CARD);
        String session = auth(target, handle.pool());
        send(target, saveCard, withSession(saveCard, "hostedPage", session));

        Exchange page = new WireClient(target.baseUrl()).send(RawRequest.method("GET", "/__paynet/hosted-page?session_id="
                + URLEncoder.encode(session, StandardCharsets.UTF_8)).build());

        JsonNode screen = saveCard.extension("x-paynet-hosted-page").path("screen");
        assertEquals(200, page.answer().status(), page::describe);
        for (String expected : List.of(screen.at("/cardNameField/label").asText(),
                screen.at("/agreement/title").asText(), screen.at("/confirmation/label").asText(),
                "type=\"checkbox\"")) {
            assertTrue(page.answer().body().contains(expected), () -> "the hosted page shows " + expected);
        }
    }

    private static String auth(Target target, TargetPool pool) {
        OperationContract auth = pool.contract(CREATE_SESSION);
        Exchange exchange = send(target, auth, auth.requestExamples().get(0).value().deepCopy());
        ConformanceFailure.throwIfAny(auth.violations(exchange), exchange);
        String session = exchange.answer().json().map(body -> body.path("session_id").asText("")).orElse("");
        if (session.isEmpty()) {
            throw new AssertionError("Auth gave no session_id: " + exchange.describe());
        }
        return session;
    }

    private static ObjectNode withSession(OperationContract operation, String example, String session) {
        return ((ObjectNode) operation.requestExample(example).value().deepCopy()).put("session_id", session);
    }

    private static Exchange send(Target target, OperationContract operation, JsonNode body) {
        return new WireClient(target.baseUrl()).send(RawRequest.method(operation.method(), operation.path())
                .header("Authorization", target.authorization())
                .body("application/json", body.toString()).build());
    }

    /** The Paynet code of an answer on either channel: {@code code} of a 200, {@code result_code} of an Error. */
    private static int paynetCode(Exchange exchange) {
        JsonNode body = exchange.answer().json().orElseThrow(() -> new AssertionError("no JSON: "
                + exchange.describe()));
        return exchange.answer().status() == 200 ? body.path("code").asInt(-1) : body.path("result_code").asInt(-1);
    }
}
