package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import java.util.Objects;

/**
 * Assertions on the requests the mock received, that read like AssertJ but need nothing beyond the JDK: a failed
 * one throws {@link AssertionError} with what was expected and every request received (printed by the project's
 * redaction policy: no key, full phone number, full session id or card description).
 *
 * <pre>{@code
 * import static io.github.paynetsavecard.mock.junit.PaynetMockAssertions.*;
 *
 * assertThat(mock).receivedExactly(1, saveCard().withSessionId(session).withCardDescription("onur ozdemir"))
 *         .receivedAtLeast(1, auth())
 *         .receivedNo(charge())
 *         .receivedNoInvalidRequests();
 * }</pre>
 *
 * Java picks this {@code assertThat} over AssertJ's for a mock, so both static imports live side by side. The
 * operations are the spec's {@code operationId}s ({@link io.github.paynetsavecard.mock.ReceivedRequest#operationId()}).
 */
public final class PaynetMockAssertions {
    private PaynetMockAssertions() {
    }

    /**
     * Assertions on the requests {@code mock} received so far (since the last reset).
     *
     * @param mock a running server; not null
     * @return assertions to chain, each reading the server's requests when it runs
     */
    public static ReceivedRequestsAssert assertThat(PaynetMockServer mock) {
        return new ReceivedRequestsAssert(Objects.requireNonNull(mock, "mock == null"));
    }

    /**
     * Assertions on the requests the extension's running mock received during the current test.
     *
     * @param mock the extension, its mock running; not null
     * @return assertions to chain, each reading the server's requests when it runs
     * @throws IllegalStateException when the extension's mock is not running
     */
    public static ReceivedRequestsAssert assertThat(PaynetMockExtension mock) {
        return assertThat(Objects.requireNonNull(mock, "mock == null").server());
    }

    /**
     * save_card requests ({@code operationId: saveCard}).
     *
     * @return a pattern to narrow with {@code with...}
     */
    public static RequestPattern saveCard() {
        return RequestPattern.ofOperation("saveCard");
    }

    /**
     * Auth requests, which start a session ({@code operationId: createSession}).
     *
     * @return a pattern to narrow with {@code with...}
     */
    public static RequestPattern auth() {
        return RequestPattern.ofOperation("createSession");
    }

    /**
     * Charge requests ({@code operationId: charge}).
     *
     * @return a pattern to narrow with {@code with...}
     */
    public static RequestPattern charge() {
        return RequestPattern.ofOperation("charge");
    }

    /**
     * Requests of the spec's operation with this {@code operationId}, for a spec of your own.
     *
     * @param operationId an {@code operationId} of the served spec; not null (an unknown one matches nothing)
     * @return a pattern to narrow with {@code with...}
     */
    public static RequestPattern operation(String operationId) {
        return RequestPattern.ofOperation(operationId);
    }

    /**
     * Requests of any kind, also to paths the spec does not have.
     *
     * @return a pattern to narrow with {@code with...}
     */
    public static RequestPattern anyRequest() {
        return RequestPattern.any();
    }
}
