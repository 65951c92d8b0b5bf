package io.github.paynetsavecard.mock.junit;

import io.github.paynetsavecard.mock.PaynetMockServer;
import io.github.paynetsavecard.mock.ReceivedRequest;
import java.util.List;
import java.util.Objects;

/** Assertions on the requests one mock received; see {@link PaynetMockAssertions}. Each returns this, to chain. */
public final class ReceivedRequestsAssert {
    private final PaynetMockServer mock;

    ReceivedRequestsAssert(PaynetMockServer mock) {
        this.mock = mock;
    }

    /**
     * Exactly {@code count} received requests match {@code pattern}.
     *
     * @param count   how many must match; 0 or more
     * @param pattern which requests count, e.g. {@code saveCard()}; not null
     * @return this, to chain
     * @throws AssertionError when another number matches; the message lists every request received
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public ReceivedRequestsAssert receivedExactly(int count, RequestPattern pattern) {
        nonNegative(count);
        List<ReceivedRequest> matching = matching(pattern);
        if (matching.size() != count) {
            throw failure("exactly " + count, pattern, matching);
        }
        return this;
    }

    /**
     * At least {@code count} received requests match {@code pattern}.
     *
     * @param count   how many must match at least; 0 or more
     * @param pattern which requests count, e.g. {@code auth()}; not null
     * @return this, to chain
     * @throws AssertionError when fewer match; the message lists every request received
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public ReceivedRequestsAssert receivedAtLeast(int count, RequestPattern pattern) {
        nonNegative(count);
        List<ReceivedRequest> matching = matching(pattern);
        if (matching.size() < count) {
            throw failure("at least " + count, pattern, matching);
        }
        return this;
    }

    /**
     * No received request matches {@code pattern}: {@code receivedNo(charge())}.
     *
     * @param pattern which requests must not have come; not null
     * @return this, to chain
     * @throws AssertionError when one or more match; the message lists every request received
     */
    public ReceivedRequestsAssert receivedNo(RequestPattern pattern) {
        return receivedExactly(0, pattern);
    }

    /**
     * No request broke the spec (see {@link PaynetMockServer#invalidRequests()}).
     *
     * @return this, to chain
     * @throws AssertionError when the mock refused a request for breaking the spec; the message lists each with its
     *                        violations
     */
    public ReceivedRequestsAssert receivedNoInvalidRequests() {
        List<ReceivedRequest> invalid = mock.invalidRequests();
        if (!invalid.isEmpty()) {
            StringBuilder message = new StringBuilder("Expected no request that breaks the spec, but the mock refused "
                    + invalid.size() + ":");
            for (ReceivedRequest request : invalid) {
                message.append("\n  ").append(firstLine(request));
                request.violations().forEach(violation -> message.append("\n    ").append(violation));
            }
            throw new AssertionError(message.toString());
        }
        return this;
    }

    private List<ReceivedRequest> matching(RequestPattern pattern) {
        Objects.requireNonNull(pattern, "pattern == null; e.g. saveCard() or anyRequest()");
        return mock.receivedRequests().stream().filter(pattern::matches).toList();
    }

    private AssertionError failure(String expected, RequestPattern pattern, List<ReceivedRequest> matching) {
        List<ReceivedRequest> received = mock.receivedRequests();
        StringBuilder message = new StringBuilder("Expected the mock to have received ").append(expected).append(' ')
                .append(pattern).append(", but it received ").append(matching.size()).append(" (")
                .append(received.size()).append(received.size() == 1 ? " request" : " requests").append(" in all)");
        for (ReceivedRequest request : received) {
            message.append("\n  ").append(matching.contains(request) ? "* " : "  ").append(firstLine(request))
                    .append(request.operationId().map(id -> " (" + id + ")").orElse(""));
        }
        return new AssertionError(message.toString());
    }

    /** Method, path (redacted) and status: the rest of {@link ReceivedRequest#toString()} is too long for a list. */
    private static String firstLine(ReceivedRequest request) {
        return request.toString().lines().findFirst().orElse("");
    }

    private static void nonNegative(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, but was " + count);
        }
    }
}
