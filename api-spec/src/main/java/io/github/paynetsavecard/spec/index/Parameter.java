package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A path, query or header parameter (or a response header, when checking the engine's own answers).
 *
 * @param name     the name; lower case for headers, whose names are case-insensitive
 * @param required whether it must be present
 * @param schema   its schema with references inlined; an empty object when the spec gives none
 * @param definition the parameter (or header) object as written, references followed: for readers that need what
 *                 this record does not say ({@code style}, {@code explode}, {@code deprecated});
 *                 an empty object when there is none
 */
public record Parameter(String name, boolean required, JsonNode schema, JsonNode definition) {
    /**
     * Checks the components: no component may be null.
     *
     * @param name       the name, lower case for headers; not null
     * @param required   whether it must be present
     * @param schema     its schema with references inlined, an empty object when none; not null
     * @param definition the parameter object as written, an empty object when none; not null
     */
    public Parameter {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(definition, "definition == null");
    }

    /**
     * The first type the schema names, or empty when it names none.
     *
     * @return the schema's {@code type} ({@code string}, {@code integer}, ...), the first one when it lists several;
     *         an empty string when it has none
     */
    public String type() {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.path(0).asText("") : type.asText("");
    }
}
