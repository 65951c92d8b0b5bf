package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Removes {@code readOnly} properties from request schemas and {@code writeOnly} ones from response schemas,
 * together with their {@code required} entries, as Prism does before validating.
 */
public final class AccessModes {
    private static final List<String> NESTED = List.of("items", "additionalProperties", "not");
    private static final List<String> COMBINED = List.of("allOf", "anyOf", "oneOf");

    private AccessModes() {
    }

    /**
     * A copy of {@code schema} without the properties marked {@code flag} ({@code readOnly} or {@code writeOnly}).
     *
     * @param schema a schema node with references inlined; not null, and never changed
     * @param flag   {@code readOnly} (for a request schema) or {@code writeOnly} (for a response schema)
     * @return a deep copy without those properties and their {@code required} entries, searched through
     *         {@code items}, {@code additionalProperties}, {@code not} and the combiners; {@code schema} itself
     *         when it is not an object
     */
    public static JsonNode strip(JsonNode schema, String flag) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        stripInPlace(copy, flag);
        return copy;
    }

    private static void stripInPlace(ObjectNode schema, String flag) {
        JsonNode properties = schema.get("properties");
        if (properties instanceof ObjectNode props) {
            List<String> removed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = props.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> property = fields.next();
                if (property.getValue().path(flag).asBoolean(false)) {
                    removed.add(property.getKey());
                    fields.remove();
                } else if (property.getValue() instanceof ObjectNode nested) {
                    stripInPlace(nested, flag);
                }
            }
            if (schema.get("required") instanceof ArrayNode required && !removed.isEmpty()) {
                for (Iterator<JsonNode> names = required.elements(); names.hasNext(); ) {
                    if (removed.contains(names.next().asText())) {
                        names.remove();
                    }
                }
            }
        }
        for (String keyword : NESTED) {
            if (schema.get(keyword) instanceof ObjectNode nested) {
                stripInPlace(nested, flag);
            }
        }
        for (String keyword : COMBINED) {
            if (schema.get(keyword) instanceof ArrayNode branches) {
                branches.forEach(branch -> {
                    if (branch instanceof ObjectNode object) {
                        stripInPlace(object, flag);
                    }
                });
            }
        }
    }
}
