package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A response header the spec declares; the engine fills it from its first example or its schema.
 *
 * @param name     the header name as written
 * @param schema   its schema with references inlined
 * @param examples its examples, in spec order
 */
public record HeaderDefinition(String name, Optional<JsonNode> schema, List<Example> examples) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param name     the header name as written; not null
     * @param schema   the schema with references inlined, or empty; not null
     * @param examples the examples in spec order; not null, copied
     */
    public HeaderDefinition {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(schema, "schema == null");
        examples = List.copyOf(examples);
    }
}
