package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.Parameter;
import io.github.paynetsavecard.spec.index.ParameterGroup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates the parameters of one location as Prism does: the values are deserialised (form style for the query,
 * simple style for path and headers: arrays as repeated or comma-separated values), coerced to the schema's
 * scalar type as AJV's {@code coerceTypes} would, and validated together as one object.
 */
final class ParameterCheck {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ParameterCheck() {
    }

    /**
     * The violations of the values {@code lookup} gives for each parameter of {@code group}.
     *
     * @param side {@code Request} or {@code Response}
     */
    static List<Violation> check(ParameterGroup group, Function<String, List<String>> lookup, String side) {
        if (group.validator().isEmpty()) {
            return List.of();
        }
        ObjectNode values = JSON.objectNode();
        for (Parameter parameter : group.parameters()) {
            List<String> raw = lookup.apply(parameter.name());
            if (raw != null && !raw.isEmpty()) {
                values.set(parameter.name(), deserialize(parameter, raw));
            }
        }
        return SchemaCheck.check(group.validator().get(), values, group.location(), side);
    }

    /** The values of a map whose keys are compared case-insensitively (headers). */
    static Function<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        return name -> {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return List.of();
        };
    }

    private static JsonNode deserialize(Parameter parameter, List<String> raw) {
        if ("array".equals(parameter.type())) {
            List<String> items = parameter.explode() && raw.size() > 1 ? raw : List.of(raw.get(0).split(",", -1));
            ArrayNode array = JSON.arrayNode();
            items.forEach(item -> array.add(coerce(item, parameter.itemType())));
            return array;
        }
        return coerce(raw.get(0), parameter.type());
    }

    private static JsonNode coerce(String value, String type) {
        switch (type) {
            case "integer":
                if (INTEGER.matcher(value).matches()) {
                    return JSON.numberNode(new BigInteger(value));
                }
                break;
            case "number":
                if (NUMBER.matcher(value).matches()) {
                    return JSON.numberNode(new BigDecimal(value));
                }
                break;
            case "boolean":
                if (value.equals("true") || value.equals("false")) {
                    return JSON.booleanNode(Boolean.parseBoolean(value));
                }
                break;
            default:
                break;
        }
        return JSON.textNode(value);
    }
}
