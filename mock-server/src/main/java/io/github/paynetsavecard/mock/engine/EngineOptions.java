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
     */
    public EngineOptions {
        if (maxJsonNestingDepth < 1) {
            throw new IllegalArgumentException("maxJsonNestingDepth must be at least 1: " + maxJsonNestingDepth);
        }
        requestRules = List.copyOf(Objects.requireNonNull(requestRules, "requestRules == null"));
    }

    /** CORS on, JSON nesting limited to {@value #DEFAULT_MAX_JSON_NESTING_DEPTH}, no request rules. */
    public static EngineOptions defaults() {
        return new EngineOptions(true, DEFAULT_MAX_JSON_NESTING_DEPTH, List.of());
    }

    /** These options with CORS switched on or off. */
    public EngineOptions withCors(boolean enabled) {
        return new EngineOptions(enabled, maxJsonNestingDepth, requestRules);
    }

    /** These options with another JSON nesting limit. */
    public EngineOptions withMaxJsonNestingDepth(int depth) {
        return new EngineOptions(cors, depth, requestRules);
    }

    /** These options with {@code rules} consulted before example selection, in order. */
    public EngineOptions withRequestRules(List<RequestRule> rules) {
        return new EngineOptions(cors, maxJsonNestingDepth, rules);
    }
}
