package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ranges Prism's {@code http-spec} gives the number formats before it samples or validates anything:
 * {@code int32}, {@code int64} (JavaScript's safe integers), {@code float} and {@code double} narrow the
 * schema's {@code minimum} and {@code maximum}. So {@code format: int64} alone samples as -9007199254740991, and
 * a larger value is reported as breaking {@code maximum}.
 */
final class NumberFormats {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;
    private static final Map<String, double[]> RANGES = Map.of(
            "int32", new double[] {-Math.pow(2, 31), Math.pow(2, 31) - 1},
            "int64", new double[] {-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER},
            "float", new double[] {-Math.pow(2, 128), Math.pow(2, 128) - 1},
            "double", new double[] {-Double.MAX_VALUE, Double.MAX_VALUE});
    private static final List<String> SCHEMA_MAPS = List.of("properties", "patternProperties");
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SCHEMAS = List.of("items", "additionalProperties", "additionalItems", "not");

    private NumberFormats() {
    }

    /**
     * {@code schema}'s {@code minimum} and {@code maximum} as http-spec sets them for its {@code format}
     * ({@code Math.max(minimum, formatMinimum)}, {@code Math.min(maximum, formatMaximum)}); the schema's own
     * bounds when it has no number format.
     */
    static void narrow(JsonNode schema, Map<String, JsonNode> bounds) {
        double[] range = RANGES.get(schema.path("format").asText(""));
        if (range == null) {
            return;
        }
        bounds.put("minimum", narrowed(bounds.get("minimum"), range[0], true));
        bounds.put("maximum", narrowed(bounds.get("maximum"), range[1], false));
    }

    /** A copy of {@code schema} in which every (nested) schema with a number format carries its range. */
    static JsonNode bounded(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        boundInPlace(copy);
        return copy;
    }

    private static void boundInPlace(ObjectNode schema) {
        if (RANGES.containsKey(schema.path("format").asText(""))) {
            Map<String, JsonNode> bounds = new HashMap<>();
            for (String keyword : List.of("minimum", "maximum")) {
                if (schema.has(keyword)) {
                    bounds.put(keyword, schema.get(keyword));
                }
            }
            narrow(schema, bounds);
            bounds.forEach(schema::set);
        }
        for (String keyword : SCHEMA_MAPS) {
            for (Iterator<JsonNode> values = schema.path(keyword).elements(); values.hasNext(); ) {
                boundChild(values.next());
            }
        }
        for (String keyword : SCHEMA_LISTS) {
            schema.path(keyword).forEach(NumberFormats::boundChild);
        }
        for (String keyword : SCHEMAS) {
            JsonNode child = schema.get(keyword);
            if (child != null && child.isArray()) {
                child.forEach(NumberFormats::boundChild);
            } else if (child != null) {
                boundChild(child);
            }
        }
    }

    private static void boundChild(JsonNode child) {
        if (child instanceof ObjectNode object) {
            boundInPlace(object);
        }
    }

    private static JsonNode narrowed(JsonNode declared, double limit, boolean lower) {
        if (declared != null && declared.isNumber()
                && (lower ? declared.doubleValue() >= limit : declared.doubleValue() <= limit)) {
            return declared;
        }
        return Math.rint(limit) == limit && Math.abs(limit) <= MAX_SAFE_INTEGER
                ? JSON.numberNode((long) limit) : JSON.numberNode(limit);
    }
}
