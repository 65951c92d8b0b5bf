package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What a {@link RequestRule} decided. */
public sealed interface RuleOutcome {
    /**
     * Answer with exactly this response (CORS headers are still added).
     *
     * @param response the answer, sent as it is: not validated against the spec
     */
    record Respond(MockResponse response) implements RuleOutcome {
        /**
         * Checks the components: no component may be null.
         *
         * @param response the answer; not null
         */
        public Respond {
            Objects.requireNonNull(response, "response == null");
        }
    }

    /**
     * Answer from the spec as if the client had sent {@code Prefer: code=..., example=...}: the named example of
     * that status, negotiated and validated like any other. An empty part keeps the client's own preference.
     *
     * @param status  the status whose response to answer with
     * @param example the name of the example to answer with
     * @param fields  top-level fields that replace (or add to) the chosen example's, when its body is a JSON object:
     *                how a stateful rule echoes a session id or fills in a value it made, while the shape stays the
     *                spec's; a {@code MissingNode} value removes the field ({@link #withoutField}). The answer is
     *                validated against the spec after the replacement, like any other.
     */
    record Select(OptionalInt status, Optional<String> example, Map<String, JsonNode> fields) implements RuleOutcome {
        /**
         * Checks the components: no component may be null; collections are copied, so the value never changes under its
         * user.
         *
         * @param status  the status, or empty to keep the client's preference; not null
         * @param example the example's name, or empty to keep the client's preference; not null
         * @param fields  the top-level fields to replace, add or (as {@code MissingNode}) remove; not null, copied
         */
        public Select {
            Objects.requireNonNull(status, "status == null");
            Objects.requireNonNull(example, "example == null");
            fields = Map.copyOf(Objects.requireNonNull(fields, "fields == null"));
        }

        /**
         * A selection that keeps the example's fields as they are.
         *
         * @param status  the status, or empty to keep the client's preference; not null
         * @param example the example's name, or empty to keep the client's preference; not null
         */
        public Select(OptionalInt status, Optional<String> example) {
            this(status, example, Map.of());
        }

        /**
         * This selection without the field {@code name} in the answer's body, e.g. an example's
         * {@code card_owner_id} when no card was stored.
         *
         * @param name a top-level field of the example's body, e.g. {@code card_owner_id}; not null
         * @return a new selection; this one is unchanged
         */
        public Select withoutField(String name) {
            return withField(name, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }

        /**
         * This selection with {@code name} set to {@code value} in the answer's body.
         *
         * @param name  a top-level field of the answer's body; not null
         * @param value its new value, which must still fit the response's schema; not null
         * @return a new selection; this one is unchanged
         */
        public Select withField(String name, JsonNode value) {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(value, "value == null");
            Map<String, JsonNode> more = new java.util.LinkedHashMap<>(fields);
            more.put(name, value);
            return new Select(status, example, more);
        }
    }

    /**
     * Answer with the example {@code example} of the response for {@code status}.
     *
     * @param status  a status the operation declares (or a range or {@code default} covers), e.g. {@code 400}
     * @param example the name of one of that response's examples; not null
     * @return the selection, keeping the example's fields
     */
    static Select select(int status, String example) {
        return new Select(OptionalInt.of(status), Optional.of(example));
    }

    /**
     * Answer with exactly {@code response}.
     *
     * @param response the answer, sent without validation; not null
     * @return the outcome
     */
    static RuleOutcome respond(MockResponse response) {
        return new Respond(response);
    }
}
