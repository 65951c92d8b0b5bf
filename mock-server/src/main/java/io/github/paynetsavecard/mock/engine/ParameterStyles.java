package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.Parameter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a parameter's value from the request the way Prism's deserialisers do, by its {@code style}: {@code form}
 * (the query's default), {@code simple} (path and headers), {@code label} and {@code matrix} (path),
 * {@code deepObject} and the delimited styles (query). As in Prism, {@code explode} is what the spec writes
 * ({@code false} when it writes none), a style the location has no reader for gives no value, and the values stay
 * text: {@link #coerced} then converts them as AJV's {@code coerceTypes} does.
 *
 * <p>Where Prism throws (a {@code label} value without its leading {@code .}, a {@code matrix} value without
 * {@code ;name=}, a delimited style on a non-array), which kills the Prism process, the raw text is taken instead.
 */
final class ParameterStyles {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ParameterStyles() {
    }

    /**
     * The value of {@code parameter} in {@code location}, or empty when there is none.
     *
     * @param values the request's values of that location by name (case-insensitive); repeated query parameters
     *               have several values, headers arrive joined with {@code ", "}
     */
    static Optional<JsonNode> read(Parameter parameter, String location, Function<String, List<String>> values,
                                   Map<String, List<String>> all) {
        String style = style(parameter, location);
        boolean explode = parameter.definition().path("explode").asBoolean(false);
        String type = parameter.type();
        List<String> raw = values.apply(parameter.name());
        boolean present = raw != null && !raw.isEmpty();
        JsonNode value = switch (location + ":" + style) {
            case "query:form", "query:simple" -> form(parameter, raw, present, explode, all);
            case "query:spaceDelimited" -> delimited(raw, present, explode, type, " ");
            case "query:pipeDelimited" -> delimited(raw, present, explode, type, "\\|");
            case "query:commaDelimited" -> delimited(raw, present, explode, type, ",");
            case "query:deepObject" -> "object".equals(type) || "array".equals(type)
                    ? deepObject(parameter.name().toLowerCase(Locale.ROOT), parameter.schema(), all) : null;
            case "path:simple", "header:simple" -> present ? simple(String.join(", ", raw), type, explode) : null;
            case "path:label" -> present ? label(raw.get(0), type, explode) : null;
            case "path:matrix" -> present ? matrix(parameter.name().toLowerCase(Locale.ROOT), raw.get(0), type,
                    explode) : null;
            default -> null;
        };
        return truthy(value) ? Optional.of(value) : Optional.empty();
    }

    /** The style Prism uses: the one written, else {@code form} for the query and {@code simple} elsewhere. */
    static String style(Parameter parameter, String location) {
        String written = parameter.definition().path("style").asText("");
        return !written.isEmpty() ? written : "query".equals(location) ? "form" : "simple";
    }

    /** {@code value} (text, as read) converted to {@code schema}'s types where it reads as one, like AJV. */
    static JsonNode coerced(JsonNode value, JsonNode schema) {
        if (value.isTextual()) {
            return ParameterCheck.coerce(value.textValue(), StaticSampler.inferType(schema));
        }
        if (value.isArray()) {
            ArrayNode items = JSON.arrayNode();
            value.forEach(item -> items.add(coerced(item, schema.path("items"))));
            return items;
        }
        if (value.isObject()) {
            ObjectNode object = JSON.objectNode();
            value.fields().forEachRemaining(field -> object.set(field.getKey(),
                    coerced(field.getValue(), schema.path("properties").path(field.getKey()))));
            return object;
        }
        return value;
    }

    // deserializeFormStyle: absent is undefined, except an exploded object, which collects the query's keys that
    // are its properties; an exploded array is the repeated values, anything unexploded the last value.
    private static JsonNode form(Parameter parameter, List<String> raw, boolean present, boolean explode,
                                 Map<String, List<String>> all) {
        String type = parameter.type();
        if ("object".equals(type) && explode) {
            ObjectNode object = JSON.objectNode();
            JsonNode properties = parameter.schema().path("properties");
            all.forEach((name, values) -> {
                String key = name.toLowerCase(Locale.ROOT);
                if (properties.has(key) && !values.isEmpty()) {
                    object.set(key, values.size() == 1 ? JSON.textNode(values.get(0)) : texts(values));
                }
            });
            return object;
        }
        if (!present || (raw.size() == 1 && raw.get(0).isEmpty())) {
            return null;
        }
        String last = raw.get(raw.size() - 1);
        if ("array".equals(type)) {
            return explode ? texts(raw) : texts(List.of(last.split(",", -1)));
        }
        if ("object".equals(type)) {
            return keyValueList(List.of(last.split(",", -1)));
        }
        return raw.size() == 1 ? JSON.textNode(raw.get(0)) : texts(raw);
    }

    private static JsonNode delimited(List<String> raw, boolean present, boolean explode, String type,
                                      String separator) {
        if (!"array".equals(type) || !present) {
            return null;
        }
        if (explode) {
            return texts(raw);
        }
        String last = raw.get(raw.size() - 1);
        return last.isEmpty() ? null : texts(List.of(last.split(separator, -1)));
    }

    // deserializeSimpleStyle: an array split at commas (empty: no items), an object from k=v pairs (exploded) or
    // from a k,v,k,v list.
    private static JsonNode simple(String value, String type, boolean explode) {
        if ("array".equals(type)) {
            return value.isEmpty() ? JSON.arrayNode() : texts(List.of(value.split(",", -1)));
        }
        if ("object".equals(type)) {
            return explode ? pairs(List.of(value.split(",", -1))) : keyValueList(List.of(value.split(",", -1)));
        }
        return JSON.textNode(value);
    }

    private static JsonNode label(String value, String type, boolean explode) {
        if (!value.startsWith(".")) {
            return JSON.textNode(value);
        }
        String rest = value.substring(1);
        if ("array".equals(type)) {
            return rest.isEmpty() ? JSON.arrayNode() : texts(List.of(rest.split(explode ? "\\." : ",", -1)));
        }
        if ("object".equals(type)) {
            return explode ? pairs(List.of(rest.split(",", -1))) : keyValueList(List.of(rest.split(",", -1)));
        }
        return JSON.textNode(rest);
    }

    private static JsonNode matrix(String name, String value, String type, boolean explode) {
        String prefix = ";" + name + "=";
        if (!value.startsWith(";")) {
            return JSON.textNode(value);
        }
        if ("array".equals(type) && explode) {
            List<String> items = new ArrayList<>();
            for (String part : value.substring(1).split(";", -1)) {
                items.add(part.startsWith(name + "=") ? part.substring(name.length() + 1) : part);
            }
            return value.length() == 1 ? JSON.arrayNode() : texts(items);
        }
        if ("object".equals(type) && explode) {
            return pairs(List.of(value.substring(1).split(";", -1)));
        }
        if (!value.startsWith(prefix)) {
            return JSON.textNode(value);
        }
        String rest = value.substring(prefix.length());
        if ("array".equals(type)) {
            return rest.isEmpty() ? JSON.arrayNode() : texts(List.of(rest.split(",", -1)));
        }
        if ("object".equals(type)) {
            return keyValueList(List.of(rest.split(",", -1)));
        }
        return JSON.textNode(rest);
    }

    // deserializeDeepObjectStyle: the schema decides which keys are read: name[property], name[index].
    private static JsonNode deepObject(String path, JsonNode schema, Map<String, List<String>> all) {
        String type = StaticSampler.inferType(schema);
        if ("object".equals(type)) {
            ObjectNode object = JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                 properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode value = deepObject(path + "[" + property.getKey() + "]", property.getValue(), all);
                if (value != null) {
                    object.set(property.getKey(), value);
                }
            }
            return object;
        }
        if ("array".equals(type)) {
            Pattern index = Pattern.compile("^" + Pattern.quote(path) + "\\[([0-9]+)]");
            TreeSet<String> indexes = new TreeSet<>();
            all.keySet().forEach(key -> {
                Matcher matcher = index.matcher(key.toLowerCase(Locale.ROOT));
                if (matcher.find()) {
                    indexes.add(matcher.group(1));
                }
            });
            ArrayNode array = JSON.arrayNode();
            indexes.forEach(i -> {
                JsonNode item = deepObject(path + "[" + i + "]", schema.path("items"), all);
                array.add(item == null ? JSON.nullNode() : item);
            });
            return array;
        }
        for (Map.Entry<String, List<String>> entry : all.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(path) && !entry.getValue().isEmpty()) {
                return JSON.textNode(entry.getValue().get(entry.getValue().size() - 1));
            }
        }
        return null;
    }

    // createObjectFromKeyValList: k1,v1,k2,v2.
    private static ObjectNode keyValueList(List<String> items) {
        ObjectNode object = JSON.objectNode();
        for (int i = 0; i + 1 < items.size(); i += 2) {
            object.put(items.get(i), items.get(i + 1));
        }
        return object;
    }

    private static ObjectNode pairs(List<String> items) {
        ObjectNode object = JSON.objectNode();
        for (String pair : items) {
            String[] parts = pair.split("=", -1);
            if (parts.length > 1) {
                object.put(parts[0], parts[1]);
            }
        }
        return object;
    }

    private static ArrayNode texts(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    // Prism's pickBy: undefined and "" are dropped.
    private static boolean truthy(JsonNode value) {
        return value != null && !(value.isTextual() && value.textValue().isEmpty());
    }
}
