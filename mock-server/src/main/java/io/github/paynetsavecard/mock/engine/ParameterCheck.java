package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.index.Parameter;
import io.github.paynetsavecard.spec.index.ParameterGroup;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates the parameters of one location as Prism does ({@code prism-http}'s {@code validateParams}): names are
 * matched case-insensitively and reported in lower case ({@code ["path","petid"]}, see {@link ValidationSchemas}),
 * each value is read by its style ({@link ParameterStyles}), an empty value counts as absent (Prism's
 * {@code pickBy} drops it, so a required one is reported missing), the values are coerced to the schema's types
 * as AJV's {@code coerceTypes} would, and validated together as one object. A {@code deprecated} parameter that
 * is sent adds a warning.
 */
final class ParameterCheck {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ParameterCheck() {
    }

    /**
     * The violations of the request's (or answer's) {@code values} of {@code group}'s location.
     *
     * @param values the values by name as sent (headers: several values of one name are joined with {@code ", "})
     * @param side   {@code Request} or {@code Response}
     */
    static List<Violation> check(ParameterGroup group, ValidationSchemas schemas, Map<String, List<String>> values,
                                 String side) {
        Optional<CompiledSchema> schema = schemas.parameters(group);
        if (schema.isEmpty()) {
            return List.of();
        }
        Function<String, List<String>> lookup = caseInsensitive(values);
        ObjectNode object = JSON.objectNode();
        for (Parameter parameter : group.parameters()) {
            ParameterStyles.read(parameter, group.location(), lookup, values).ifPresent(value -> object.set(
                    parameter.name().toLowerCase(Locale.ROOT), ParameterStyles.coerced(value, parameter.schema())));
        }
        List<Violation> violations = new ArrayList<>(SchemaCheck.check(schema.get(), object, group.location(),
                side));
        violations.addAll(deprecated(group, values));
        return violations;
    }

    /** The values of a map whose keys are compared case-insensitively (headers, and in Prism also query and path). */
    static Function<String, List<String>> caseInsensitive(Map<String, List<String>> values) {
        return name -> valuesIgnoringCase(values, name);
    }

    /**
     * The values of the first key of {@code values} equal to {@code name} ignoring case; empty when there is none. A
     * sorted map in {@link String#CASE_INSENSITIVE_ORDER} (the server's headers) holds one such key at most and is
     * asked directly; any other map is scanned.
     */
    static List<String> valuesIgnoringCase(Map<String, List<String>> values, String name) {
        if (values instanceof SortedMap<String, List<String>> sorted
                && sorted.comparator() == String.CASE_INSENSITIVE_ORDER) {
            List<String> found = sorted.get(name);
            return found == null ? List.of() : found;
        }
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
                return entry.getValue();
            }
        }
        return List.of();
    }

    // Prism looks a deprecated parameter up by its name as written, case-sensitively (header names arrive in
    // lower case, so only a lower-case header name is ever found), and warns at [location, name].
    private static List<Violation> deprecated(ParameterGroup group, Map<String, List<String>> values) {
        List<Violation> warnings = new ArrayList<>();
        for (Parameter parameter : group.parameters()) {
            if (!parameter.definition().path("deprecated").asBoolean(false)) {
                continue;
            }
            String name = parameter.definition().path("name").asText(parameter.name());
            boolean header = "header".equals(group.location());
            List<String> sent = header ? (name.equals(name.toLowerCase(Locale.ROOT))
                    ? caseInsensitive(values).apply(name) : List.of()) : values.getOrDefault(name, List.of());
            if (String.join("", sent).isEmpty()) {
                continue;
            }
            String location = group.location();
            warnings.add(new Violation(Optional.of(List.of(location, name)),
                    Optional.of(TextNode.valueOf("deprecated")), Severity.Warning,
                    Character.toUpperCase(location.charAt(0)) + location.substring(1) + " param " + name
                            + " is deprecated", List.of()));
        }
        return warnings;
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
