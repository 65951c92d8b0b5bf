package io.github.paynetsavecard.mock.engine;

import java.util.List;
import java.util.Objects;

/**
 * How the engine behaves beyond what the spec says.
 *
 * <pre>{@code
 * EngineOptions.defaults()                       // CORS on, no extra rules, JSON nested at most 512 deep
 * EngineOptions.defaults().withCors(false)       // like `prism mock --cors=false`
 * }</pre>
 *
 * @param cors               answer CORS preflights and add CORS headers to every response (Prism's default: on)
 * @param maxJsonNestingDepth the deepest JSON nesting accepted in a request body; deeper bodies get a 400
 * @param requestRules       rules consulted, in order, for each valid request before the example is chosen;
 *                           empty by default (Prism's behaviour)
 */
public record EngineOptions(boolean cors, int maxJsonNestingDepth, List<RequestRule> requestRules) {
    /** The default nesting limit: far beyond any real save_card body, far below a stack overflow. */
    public static final int DEFAULT_MAX_JSON_NESTING_DEPTH = 512;

    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param cors                whether CORS is on
     * @param maxJsonNestingDepth the deepest JSON nesting accepted; at least 1
     * @param requestRules        the rules in the order consulted; not null, copied
     * @throws IllegalArgumentException when {@code maxJsonNestingDepth} is below 1
     */
    public EngineOptions {
        if (maxJsonNestingDepth < 1) {
            throw new IllegalArgumentException("maxJsonNestingDepth must be at least 1: " + maxJsonNestingDepth);
        }
        requestRules = List.copyOf(Objects.requireNonNull(requestRules, "requestRules == null"));
    }

    /**
     * CORS on, JSON nesting limited to {@value #DEFAULT_MAX_JSON_NESTING_DEPTH}, no request rules.
     *
     * @return Prism's behaviour, with a nesting limit
     */
    public static EngineOptions defaults() {
        return new EngineOptions(true, DEFAULT_MAX_JSON_NESTING_DEPTH, List.of());
    }

    /**
     * These options with CORS switched on or off.
     *
     * @param enabled true to answer preflights and add CORS headers, false for {@code --cors=false}
     * @return new options; these are unchanged
     */
    public EngineOptions withCors(boolean enabled) {
        return new EngineOptions(enabled, maxJsonNestingDepth, requestRules);
    }

    /**
     * These options with another JSON nesting limit.
     *
     * @param depth the deepest JSON nesting accepted in a request body; at least 1
     * @return new options; these are unchanged
     * @throws IllegalArgumentException when {@code depth} is below 1
     */
    public EngineOptions withMaxJsonNestingDepth(int depth) {
        return new EngineOptions(cors, depth, requestRules);
    }

    /**
     * These options with {@code rules} consulted before example selection, in order.
     *
     * @param rules the rules, replacing any set before; not null, copied; empty for Prism's behaviour
     * @return new options; these are unchanged
     */
    public EngineOptions withRequestRules(List<RequestRule> rules) {
        return new EngineOptions(cors, maxJsonNestingDepth, rules);
    }
}
