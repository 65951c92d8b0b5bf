package io.github.paynetsavecard.conformance.differential;

import io.github.paynetsavecard.conformance.wire.Exchange;
import java.util.Objects;
import java.util.Optional;

/**
 * A deliberate difference between our mock and Prism, as the differential test asserts it: the status each side
 * answers and a text each answer shows (in its body or its {@code sl-violations} header). The test fails when the
 * difference disappears (Prism changed, or our mock started copying it) or changes shape, so that
 * docs/mock-behaviour.md, which lists each one with its reason, stays true.
 *
 * @param ourStatus   the status our mock answers
 * @param ourMarker   a text our answer shows, e.g. {@code NOT_FOUND}; empty for any
 * @param prismStatus the status Prism answers, or {@link #NO_ANSWER} when Prism dies on the request
 * @param prismMarker a text Prism's answer shows, e.g. {@code #UNKNOWN}; empty for any
 * @param reason      why we differ, as docs/mock-behaviour.md gives it
 */
public record ExpectedDifference(int ourStatus, String ourMarker, int prismStatus, String prismMarker,
                                 String reason) {
    /** Prism's "status" when it closes the connection without an answer and stops listening. */
    public static final int NO_ANSWER = -1;

    public ExpectedDifference {
        Objects.requireNonNull(ourMarker, "ourMarker == null");
        Objects.requireNonNull(prismMarker, "prismMarker == null");
        Objects.requireNonNull(reason, "reason == null");
    }

    /**
     * What the two answers show that does not match this difference; empty when it holds.
     *
     * @param prism Prism's answer, empty when it gave none
     */
    public Optional<String> unmet(Exchange.WireResponse ours, Optional<Exchange.WireResponse> prism) {
        StringBuilder unmet = new StringBuilder();
        if (ours.status() != ourStatus) {
            unmet.append("our status is ").append(ours.status()).append(", expected ").append(ourStatus).append("; ");
        }
        if (!shows(ours, ourMarker)) {
            unmet.append("our answer does not show `").append(ourMarker).append("`; ");
        }
        int prismGot = prism.map(Exchange.WireResponse::status).orElse(NO_ANSWER);
        if (prismGot != prismStatus) {
            unmet.append("Prism's status is ").append(prismGot == NO_ANSWER ? "no answer" : prismGot)
                    .append(", expected ").append(prismStatus == NO_ANSWER ? "no answer" : prismStatus).append("; ");
        }
        if (prism.isPresent() && !shows(prism.get(), prismMarker)) {
            unmet.append("Prism's answer does not show `").append(prismMarker).append("`; ");
        }
        return unmet.length() == 0 ? Optional.empty() : Optional.of(unmet.substring(0, unmet.length() - 2));
    }

    private static boolean shows(Exchange.WireResponse response, String marker) {
        return marker.isEmpty() || response.body().contains(marker)
                || response.header("sl-violations").orElse("").contains(marker);
    }
}
