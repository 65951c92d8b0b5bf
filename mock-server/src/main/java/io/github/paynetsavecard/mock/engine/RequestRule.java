package io.github.paynetsavecard.mock.engine;

import java.util.Optional;

/**
 * A rule that sees every valid request before the engine picks the response, and may decide it.
 *
 * <p>The engine itself behaves like Prism and has no rules. A stateful mode (sessions, Paynet's codes 13, 17
 * and 22, the OTP rule) plugs in here: a rule can answer outright, or steer the normal selection towards a
 * status and a named example of the spec, which is then rendered, negotiated and self-validated as usual.
 * Validation always runs first, so rules never see an invalid request. Rules must be thread-safe.
 */
@FunctionalInterface
public interface RequestRule {
    /**
     * Decides the answer for {@code request}, or returns empty to leave the choice to the next rule and then
     * to the spec (the {@code Prefer} header, the lowest 2xx, the first example).
     *
     * @param request the valid request, with its operation, path parameters and parsed body; never null
     * @return the outcome, or empty to pass the request on
     */
    Optional<RuleOutcome> evaluate(RuleContext request);
}
