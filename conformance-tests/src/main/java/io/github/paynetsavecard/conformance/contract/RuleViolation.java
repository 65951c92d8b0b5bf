package io.github.paynetsavecard.conformance.contract;

import java.util.Objects;

/**
 * One rule of the spec that a target's answer broke.
 *
 * @param rule   the rule, worded as the spec states it, e.g. "the status is one the spec declares"
 * @param detail what the target did instead, e.g. "got 418; declared: 200, 400"
 */
public record RuleViolation(String rule, String detail) {
    /**
     * Checks the components: no component may be null.
     *
     * @param rule   the rule as the spec states it; not null
     * @param detail what the target did instead; not null
     */
    public RuleViolation {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(detail, "detail == null");
    }

    @Override
    public String toString() {
        return rule + ": " + detail;
    }
}
