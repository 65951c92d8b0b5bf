package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.References;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generates a body from a schema exactly as Prism's static generator ({@code @stoplight/json-schema-sampler})
 * does: the {@code default}, {@code const}, first {@code enum} value or {@code example}; else the first branch of
 * {@code oneOf}/{@code anyOf}, merged {@code allOf}; else a fixed value per type and format: {@code "string"},
 * {@code 0} (or the minimum), {@code true}, one array item, every declared property; {@code "user@example.com"}
 * for {@code email}, {@code 2019-08-24T14:15:22Z} for {@code date-time}, a UUID derived from the property name...
 * A value that cannot be generated (a cycle) is left out, as JavaScript drops {@code undefined}.
 */
final class StaticSampler {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int TICKS = 2500;
    private static final int MAX_DEPTH = 15;

    private final References references;

    /** A sampler that resolves {@code $ref}s through {@code references}. */
    public StaticSampler(References references) {
        this.references = references;
    }

    /**
     * The sample of {@code schema}; empty when it has none (JavaScript's {@code undefined}).
     *
     * @throws SchemaTooComplexException when sampling takes more than Prism's 2500 steps
     */
    public Optional<JsonNode> sample(JsonNode schema) {
        Run run = new Run();
        return Optional.ofNullable(run.traverse(schema, 1, null, false).value());
    }

    private record Sample(JsonNode value, String type) {
    }

    /** One sampling run: its step budget and the schemas and references being expanded. */
    private final class Run {
        private int ticks = TICKS;
        private final Set<String> openReferences = new HashSet<>();
        private final Map<JsonNode, Boolean> openSchemas = new IdentityHashMap<>();

        Sample traverse(JsonNode schema, int depth, String propertyName, boolean nested) {
            if (--ticks == 0) {
                throw new SchemaTooComplexException(TICKS);
            }
            if (!schema.isObject()) {
                return new Sample(NullNode.getInstance(), null);
            }
            if (openSchemas.containsKey(schema) || (nested && depth > MAX_DEPTH)) {
                return circular(inferType(schema));
            }
            openSchemas.put(schema, Boolean.TRUE);
            try {
                return expand(schema, depth, propertyName, nested);
            } finally {
                openSchemas.remove(schema);
            }
        }

        private Sample expand(JsonNode schema, int depth, String propertyName, boolean nested) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                JsonNode target = references.resolve(schema);
                if (openReferences.contains(ref)) {
                    return circular(inferType(target));
                }
                openReferences.add(ref);
                try {
                    return traverse(target, depth, propertyName, nested);
                } finally {
                    openReferences.remove(ref);
                }
            }
            if (schema.has("allOf") && schema.get("allOf").isArray()) {
                return allOf(schema, depth, propertyName, nested);
            }
            for (String branch : List.of("oneOf", "anyOf")) {
                if (schema.path(branch).isArray() && !schema.get(branch).isEmpty()) {
                    return traverse(schema.get(branch).get(0), depth, propertyName, nested);
                }
            }
            // http-spec turns `example` into `examples: [example]`, so it ranks after default, const and enum.
            if (schema.has("default")) {
                return new Sample(schema.get("default"), null);
            }
            if (schema.has("const")) {
                return new Sample(schema.get("const"), null);
            }
            if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
                return new Sample(schema.get("enum").get(0), null);
            }
            if (schema.has("example")) {
                return new Sample(schema.get("example"), null);
            }
            if (schema.has("x-example")) {
                return new Sample(schema.get("x-example"), null);
            }
            if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
                return new Sample(schema.get("examples").get(0), null);
            }
            String type = inferType(schema);
            JsonNode value = switch (type == null ? "" : type) {
                case "object" -> object(schema, depth);
                case "array" -> array(schema, depth);
                case "string" -> JSON.textNode(Strings.sample(schema, propertyName));
                case "integer", "number" -> number(schema);
                case "boolean" -> JSON.booleanNode(true);
                default -> NullNode.getInstance();
            };
            return new Sample(value, type);
        }

        private JsonNode object(JsonNode schema, int depth) {
            ObjectNode object = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                 properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode value = traverse(property.getValue(), depth + 1, property.getKey(), true).value();
                if (value != null) {
                    object.set(property.getKey(), value);
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                for (String name : List.of("property1", "property2")) {
                    JsonNode value = traverse(additional, depth + 1, null, true).value();
                    if (value != null) {
                        object.set(name, value);
                    }
                }
            }
            return object;
        }

        private JsonNode array(JsonNode schema, int depth) {
            ArrayNode array = JSON.arrayNode();
            JsonNode items = schema.has("items") ? schema.get("items") : schema.get("contains");
            if (items == null) {
                return array;
            }
            int minItems = schema.path("minItems").asInt(0);
            long length = Math.min(schema.has("maxItems") ? schema.get("maxItems").asLong() : Long.MAX_VALUE,
                    minItems == 0 ? 1 : minItems);
            if (items.isArray()) {
                length = Math.max(length, items.size());
            }
            for (int i = 0; i < length; i++) {
                JsonNode itemSchema = items.isArray() ? (i < items.size() ? items.get(i) : JSON.objectNode()) : items;
                JsonNode value = traverse(itemSchema, depth + 1, null, true).value();
                array.add(value == null ? NullNode.getInstance() : value);
            }
            return array;
        }

        private Sample allOf(JsonNode schema, int depth, String propertyName, boolean nested) {
            ObjectNode base = ((ObjectNode) schema).deepCopy();
            base.remove("allOf");
            Sample result = traverse(base, depth, propertyName, false);
            String type = result.type();
            List<JsonNode> parts = new ArrayList<>();
            for (JsonNode child : schema.get("allOf")) {
                JsonNode resolved = references.resolve(child);
                ObjectNode typed = JSON.objectNode();
                if (type != null) {
                    typed.put("type", type);
                }
                if (resolved.isObject()) {
                    typed.setAll((ObjectNode) resolved);
                }
                Sample part = traverse(typed, depth, propertyName, nested);
                type = type == null ? part.type() : (part.type() != null ? part.type() : type);
                if (part.value() != null && !part.value().isNull()) {
                    parts.add(part.value());
                }
            }
            if ("object".equals(type)) {
                ObjectNode merged = result.value() instanceof ObjectNode object ? object.deepCopy() : JSON.objectNode();
                parts.stream().filter(JsonNode::isObject).forEach(part -> mergeDeep(merged, (ObjectNode) part));
                return new Sample(merged, type);
            }
            return new Sample(parts.isEmpty() ? result.value() : parts.get(parts.size() - 1), type);
        }
    }

    private static void mergeDeep(ObjectNode target, ObjectNode source) {
        source.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode sourceObject) {
                mergeDeep(existingObject, sourceObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private static Sample circular(String type) {
        if ("object".equals(type)) {
            return new Sample(JSON.objectNode(), type);
        }
        if ("array".equals(type)) {
            return new Sample(JSON.arrayNode(), type);
        }
        return new Sample(null, type);
    }

    /**
     * Prism's {@code sampleNumber} on the schema as http-spec leaves it: the format's range narrows
     * {@code minimum}/{@code maximum}, then OpenAPI 3.0's boolean {@code exclusiveMinimum: true} takes the
     * {@code minimum}'s value (and the {@code minimum} is dropped), likewise for the maximum.
     */
    private static JsonNode number(JsonNode schema) {
        Map<String, JsonNode> bounds = new HashMap<>();
        for (String keyword : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
            if (schema.has(keyword)) {
                bounds.put(keyword, schema.get(keyword));
            }
        }
        NumberFormats.narrow(schema, bounds);
        for (String side : List.of("Minimum", "Maximum")) {
            String exclusive = "exclusive" + side;
            String plain = side.toLowerCase(Locale.ROOT);
            JsonNode flag = bounds.get(exclusive);
            if (flag == null || flag.isNumber()) {
                continue;
            }
            bounds.remove(exclusive);
            if (flag.asBoolean(false) && bounds.containsKey(plain) && bounds.get(plain).isNumber()) {
                bounds.put(exclusive, bounds.remove(plain));
            }
        }
        if (bounds.containsKey("minimum")) {
            return bounds.get("minimum");
        }
        JsonNode exclusiveMinimum = bounds.get("exclusiveMinimum");
        JsonNode exclusiveMaximum = bounds.get("exclusiveMaximum");
        if (exclusiveMinimum != null) {
            BigDecimal result = exclusiveMinimum.decimalValue().add(BigDecimal.ONE);
            if (exclusiveMaximum != null && result.compareTo(exclusiveMaximum.decimalValue()) == 0) {
                result = result.add(exclusiveMaximum.decimalValue()).subtract(BigDecimal.ONE)
                        .divide(BigDecimal.valueOf(2));
            }
            return numeric(result);
        }
        if (exclusiveMaximum != null) {
            return numeric(exclusiveMaximum.decimalValue().subtract(BigDecimal.ONE));
        }
        if (bounds.containsKey("maximum")) {
            return bounds.get("maximum");
        }
        return JSON.numberNode(0);
    }

    private static JsonNode numeric(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() <= 0 ? JSON.numberNode(plain.toBigIntegerExact()) : JSON.numberNode(plain);
    }

    /** Prism's {@code inferType}: the first declared type, else a type implied by the keywords used. */
    static String inferType(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null) {
            return type.isArray() ? (type.isEmpty() ? null : type.get(0).asText()) : type.asText();
        }
        for (String keyword : List.of("multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum")) {
            if (schema.has(keyword)) {
                return "number";
            }
        }
        for (String keyword : List.of("maxLength", "minLength", "pattern")) {
            if (schema.has(keyword)) {
                return "string";
            }
        }
        for (String keyword : List.of("items", "maxItems", "minItems", "uniqueItems", "additionalItems")) {
            if (schema.has(keyword)) {
                return "array";
            }
        }
        for (String keyword : List.of("maxProperties", "minProperties", "required", "additionalProperties",
                "properties", "patternProperties", "dependencies")) {
            if (schema.has(keyword)) {
                return "object";
            }
        }
        return null;
    }
}
