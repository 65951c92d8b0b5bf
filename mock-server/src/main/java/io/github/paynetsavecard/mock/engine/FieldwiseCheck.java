package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Whether an answer still fits its schema after a rule replaced some of the example's top-level fields, checked
 * field by field rather than as a whole body. Only for a plain object schema, one whose only constraints are
 * {@code type: object}, {@code properties}, {@code required} and a boolean {@code additionalProperties}: there, each
 * property is validated on its own, so a clean example whose replaced fields are each valid (and whose removed
 * fields are not required) is a clean answer. Anything else, including any field that fails, is left to the whole
 * body's check, which also words and places the violations; this check never reports one.
 *
 * <p>Paynet mode replaces a field or two of every answer (the session id, a charge's card report). Checking the
 * whole body again took a fifth of its engine's work per request before the JIT compiles it (docs/bench.md).
 */
final class FieldwiseCheck {
    /** Keywords of an object schema that constrain nothing about its fields' values (or only what is checked here). */
    private static final Set<String> PLAIN_KEYWORDS = Set.of("type", "properties", "required",
            "additionalProperties", "title", "description", "example", "examples", "default", "deprecated",
            "readOnly", "writeOnly", "externalDocs", "xml", "$comment");

    private final Function<JsonNode, Optional<CompiledSchema>> compiler;
    private final JsonNode properties;
    private final Set<String> required;
    private final Map<String, Optional<CompiledSchema>> compiled = new ConcurrentHashMap<>();

    private FieldwiseCheck(Function<JsonNode, Optional<CompiledSchema>> compiler, JsonNode properties,
                           Set<String> required) {
        this.compiler = compiler;
        this.properties = properties;
        this.required = required;
    }

    /**
     * The check for {@code schema}, as the body is validated with it; empty when the schema is not a plain object
     * schema. Compiles nothing yet: each property's schema is compiled with {@code compiler} (empty when it cannot be)
     * the first time a field of it is replaced.
     */
    static Optional<FieldwiseCheck> of(JsonNode schema, Function<JsonNode, Optional<CompiledSchema>> compiler) {
        if (!schema.isObject() || !schema.path("type").asText("").equals("object")
                || !schema.path("properties").isObject()
                || schema.has("additionalProperties") && !schema.get("additionalProperties").isBoolean()
                || schema.has("required") && !schema.get("required").isArray()) {
            return Optional.empty();
        }
        for (var names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PLAIN_KEYWORDS.contains(name) && !name.startsWith("x-")) {
                return Optional.empty();
            }
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return Optional.of(new FieldwiseCheck(compiler, schema.get("properties"), Set.copyOf(required)));
    }

    /**
     * Whether the example, clean on its own, is still clean with {@code fields} in place.
     *
     * @param fields the replaced fields; a {@code MissingNode} value removes the field
     * @return true when every removed field is optional and every replaced one is declared and valid; false when
     *         the whole body has to be checked
     */
    boolean fits(Map<String, JsonNode> fields) {
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isMissingNode()) {
                if (required.contains(name)) {
                    return false;
                }
                continue;
            }
            if (!properties.has(name)) {
                return false; // additionalProperties decides; the whole check says how
            }
            Optional<CompiledSchema> schema = compiled.computeIfAbsent(name, property -> compiler.apply(
                    properties.get(property)));
            // The whole check words a failure; here it only sends the answer there.
            if (schema.isEmpty() || !SchemaCheck.check(schema.get(), value, name, "Response").isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
