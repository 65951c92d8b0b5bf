package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.index.Parameter;
import io.github.paynetsavecard.spec.index.ParameterGroup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates the parameters of one location as Prism does ({@code prism-http}'s {@code validateParams}): names are
 * matched case-insensitively and reported in lower case ({@code ["path","petid"]}, see {@link ValidationSchemas}),
 * the values are deserialised
 * (form style for the query, simple style for path and headers), an empty value counts as absent (Prism's
 * {@code pickBy} drops it, so a required one is reported missing), the values are coerced to the schema's scalar
 * type as AJV's {@code coerceTypes} would, and validated together as one object.
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
    static List<Violation> check(ParameterGroup group, ValidationSchemas schemas,
                                 Function<String, List<String>> lookup, String side) {
        Optional<CompiledSchema> schema = schemas.parameters(group);
        if (schema.isEmpty()) {
            return List.of();
        }
        boolean form = "query".equals(group.location());
        ObjectNode values = JSON.objectNode();
        for (Parameter parameter : group.parameters()) {
            List<String> raw = lookup.apply(parameter.name());
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            JsonNode value = form ? formStyle(parameter, raw) : simpleStyle(parameter, raw);
            if (value != null) {
                values.set(parameter.name().toLowerCase(Locale.ROOT), value);
            }
        }
        return SchemaCheck.check(schema.get(), values, group.location(), side);
    }

    /** The values of a map whose keys are compared case-insensitively (headers, and in Prism also query and path). */
    static Function<String, List<String>> caseInsensitive(Map<String, List<String>> values) {
        return name -> {
            for (Map.Entry<String, List<String>> entry : values.entrySet()) {
                if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
            return List.of();
        };
    }

    // Prism's deserializeFormStyle: an empty value is absent; an exploded array is the repeated values, an
    // unexploded one the last value split at commas.
    private static JsonNode formStyle(Parameter parameter, List<String> raw) {
        boolean array = "array".equals(parameter.type());
        if (raw.size() == 1 && raw.get(0).isEmpty()) {
            return null;
        }
        if (!array) {
            return coerce(raw.get(0), parameter.type());
        }
        List<String> items = parameter.explode() ? raw : List.of(raw.get(raw.size() - 1).split(",", -1));
        return coerced(items, parameter.itemType());
    }

    // Prism's deserializeSimpleStyle: an array is the value split at commas (an empty value is an empty array);
    // any other empty value is absent. Repeated headers arrive joined with ", ", as Node joins them.
    private static JsonNode simpleStyle(Parameter parameter, List<String> raw) {
        String value = String.join(", ", raw);
        if ("array".equals(parameter.type())) {
            return coerced(value.isEmpty() ? List.of() : List.of(value.split(",", -1)), parameter.itemType());
        }
        return value.isEmpty() ? null : coerce(value, parameter.type());
    }

    private static ArrayNode coerced(List<String> items, String type) {
        ArrayNode array = JSON.arrayNode();
        items.forEach(item -> array.add(coerce(item, type)));
        return array;
    }

    /** {@code value} as the scalar {@code type} when it reads as one (AJV's {@code coerceTypes}), else as text. */
    static JsonNode coerce(String value, String type) {
        switch (type == null ? "" : type) {
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
