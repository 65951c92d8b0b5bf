package io.github.paynetsavecard.mock.engine;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What a {@link RequestRule} decided. */
public sealed interface RuleOutcome {
    /** Answer with exactly this response (CORS headers are still added). */
    record Respond(MockResponse response) implements RuleOutcome {
        public Respond {
            Objects.requireNonNull(response, "response == null");
        }
    }

    /**
     * Answer from the spec as if the client had sent {@code Prefer: code=..., example=...}: the named example of
     * that status, negotiated and validated like any other. An empty part keeps the client's own preference.
     */
    record Select(OptionalInt status, Optional<String> example) implements RuleOutcome {
        public Select {
            Objects.requireNonNull(status, "status == null");
            Objects.requireNonNull(example, "example == null");
        }
    }

    /** Answer with the example {@code example} of the response for {@code status}. */
    static RuleOutcome select(int status, String example) {
        return new Select(OptionalInt.of(status), Optional.of(example));
    }

    /** Answer with exactly {@code response}. */
    static RuleOutcome respond(MockResponse response) {
        return new Respond(response);
    }
}
