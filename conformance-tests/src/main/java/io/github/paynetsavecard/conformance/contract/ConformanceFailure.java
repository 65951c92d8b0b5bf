package io.github.paynetsavecard.conformance.contract;

import io.github.paynetsavecard.conformance.wire.Exchange;
import java.util.List;

/**
 * A target broke rules of the spec. The message is written for the person who must fix the target or the spec:
 * the rules broken, then the request and the response (with the key and phone numbers masked).
 */
public final class ConformanceFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** The rules the exchange broke. */
    private final List<RuleViolation> violations;

    /**
     * A failure listing the rules {@code exchange} broke, with the exchange in the message.
     *
     * @param violations the rules broken; not null, at least one
     * @param exchange   the request and answer that broke them, shown masked in the message; not null
     */
    public ConformanceFailure(List<RuleViolation> violations, Exchange exchange) {
        super(message(violations, exchange));
        this.violations = List.copyOf(violations);
    }

    /**
     * Throws a {@link ConformanceFailure} when {@code violations} is not empty.
     *
     * @param violations the rules {@code exchange} broke, possibly none; not null
     * @param exchange   the request and answer they are about; not null
     * @throws ConformanceFailure when {@code violations} is not empty
     */
    public static void throwIfAny(List<RuleViolation> violations, Exchange exchange) {
        if (!violations.isEmpty()) {
            throw new ConformanceFailure(violations, exchange);
        }
    }

    /**
     * The rules broken.
     *
     * @return the rules in the order found, at least one; unmodifiable
     */
    public List<RuleViolation> violations() {
        return violations;
    }

    private static String message(List<RuleViolation> violations, Exchange exchange) {
        StringBuilder text = new StringBuilder();
        if (violations.size() == 1) {
            text.append("broke a rule of the spec: ").append(violations.get(0)).append('\n');
        } else {
            text.append("broke ").append(violations.size()).append(" rules of the spec: ")
                    .append(violations.get(0)).append('\n');
            violations.forEach(violation -> text.append("- ").append(violation).append('\n'));
        }
        // The violations may quote values of the body; the policy shows them as the exchange shows its own.
        return Exchange.REDACTION.text(text.toString()) + exchange.describe();
    }
}
