package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** Where the chosen response's body comes from. */
sealed interface BodyChoice {
    /** An example's value, served as written in the spec. */
    record FromExample(JsonNode value) implements BodyChoice {
    }

    /** Generated from the schema: statically like Prism's sampler, or randomly for {@code dynamic=true}. */
    record FromSchema(JsonNode schema) implements BodyChoice {
    }

    /** No body at all. */
    record Empty() implements BodyChoice {
    }
}
