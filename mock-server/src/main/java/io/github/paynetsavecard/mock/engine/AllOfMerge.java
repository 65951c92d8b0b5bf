package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges every {@code allOf} of a body schema into one schema, as Prism does before it validates a request or
 * response body ({@code @stoplight/json-schema-merge-allof} with {@code deep: true} and
 * {@code ignoreAdditionalProperties: true}): the members' properties are united, {@code required} lists joined,
 * bounds narrowed, and an {@code additionalProperties: false} of one member applies to the union. So
 * {@code allOf: [{properties: {id}, additionalProperties: false}, {properties: {name}}]} accepts
 * {@code {"id":1,"name":"x"}}, which plain JSON Schema would reject.
 *
 * <p>Like the library, a merge that meets incompatible members (two different types, two different values of a
 * keyword it has no rule for) gives up and the schema is validated as written. Keywords the library would merge
 * in ways this class does not ({@code oneOf}/{@code anyOf} on several members, tuple {@code items},
 * {@code multipleOf}, {@code dependencies}) give up too: rare in bodies, and safe.
 */
final class AllOfMerge {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> PROPERTY_KEYWORDS = List.of("properties", "patternProperties",
            "additionalProperties");
    private static final List<String> ANNOTATIONS = List.of("title", "description");
    private static final List<String> SCHEMA_VALUED = List.of("additionalItems", "contains", "propertyNames", "not");
    private static final List<String> SMALLEST = List.of("maximum", "exclusiveMaximum", "maxItems", "maxLength",
            "maxProperties");
    private static final List<String> LARGEST = List.of("minimum", "exclusiveMinimum", "minItems", "minLength",
            "minProperties");
    private static final Map<String, List<String>> IMPLIED_TYPES = Map.of(
            "object", List.of("properties", "patternProperties", "additionalProperties", "required"),
            "array", List.of("items", "additionalItems", "contains", "uniqueItems", "minContains", "maxContains"),
            "number", List.of("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
            "integer", List.of("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"),
            "string", List.of("pattern", "minLength", "maxLength"));

    private AllOfMerge() {
    }

    /** {@code schema} with every {@code allOf} merged away, or {@code schema} itself when it has none or they clash. */
    static JsonNode merged(JsonNode schema) {
        if (!contains(schema, "allOf")) {
            return schema;
        }
        try {
            JsonNode merged = mergeAll(flatten(schema));
            return merged == null ? schema : merged;
        } catch (Incompatible clash) {
            return schema;
        }
    }

    private static boolean contains(JsonNode node, String keyword) {
        if (node.isObject() && node.has(keyword)) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && contains(child, keyword)) {
                return true;
            }
        }
        return false;
    }

    // getAllOf: the schema without allOf, then each member (itself flattened), then the schema's title and
    // description again, so that they win as the last ones.
    private static List<JsonNode> flatten(JsonNode schema) {
        List<JsonNode> all = new ArrayList<>();
        if (!schema.isObject() || !schema.path("allOf").isArray()) {
            all.add(schema);
            return all;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        JsonNode members = copy.remove("allOf");
        all.add(copy);
        for (JsonNode member : members) {
            if (!member.isNull()) {
                all.addAll(flatten(member));
            }
        }
        ObjectNode annotations = JSON.objectNode();
        ANNOTATIONS.stream().filter(copy::has).forEach(name -> annotations.set(name, copy.get(name)));
        if (!annotations.isEmpty()) {
            all.add(annotations);
        }
        return all;
    }

    /** The merge of {@code schemas}; null for none (JavaScript's undefined). */
    private static JsonNode mergeAll(List<JsonNode> given) {
        List<JsonNode> schemas = given.stream().filter(schema -> schema != null && !schema.isMissingNode()).toList();
        if (schemas.isEmpty()) {
            return null;
        }
        if (schemas.stream().anyMatch(schema -> schema.isBoolean() && !schema.booleanValue())) {
            return BooleanNode.FALSE;
        }
        if (schemas.stream().allMatch(JsonNode::isBoolean)) {
            return BooleanNode.TRUE;
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode schema : schemas) {
            if (schema.isObject()) {
                objects.add(schema.has("$ref") ? JSON.objectNode().set("$ref", schema.get("$ref"))
                        : ((ObjectNode) schema).deepCopy());
            }
        }
        checkTypes(objects);
        Set<String> keys = new LinkedHashSet<>();
        objects.forEach(schema -> schema.fieldNames().forEachRemaining(keys::add));
        if (keys.contains("allOf")) {
            List<JsonNode> flattened = new ArrayList<>();
            objects.forEach(schema -> flattened.addAll(flatten(schema)));
            return mergeAll(flattened);
        }
        ObjectNode merged = JSON.objectNode();
        for (String key : keys) {
            if (PROPERTY_KEYWORDS.contains(key)) {
                continue;
            }
            List<JsonNode> values = distinct(objects.stream().map(schema -> schema.get(key))
                    .filter(value -> value != null).toList(), ANNOTATIONS.contains(key));
            JsonNode value = resolve(key, values);
            if (value != null) {
                merged.set(key, value);
            }
        }
        if (keys.stream().anyMatch(PROPERTY_KEYWORDS::contains)) {
            mergeProperties(objects, merged);
        }
        return merged;
    }

    private static JsonNode resolve(String key, List<JsonNode> values) {
        if (values.size() == 1 && (key.equals("oneOf") || key.equals("anyOf")) && values.get(0).isArray()) {
            ArrayNode branches = JSON.arrayNode();
            values.get(0).forEach(branch -> branches.add(orEmpty(mergeAll(List.of(branch)))));
            return branches;
        }
        if (values.size() == 1 && !SCHEMA_VALUED.contains(key) && !key.equals("items")
                && !key.equals("definitions") && !key.equals("dependencies")) {
            return values.get(0);
        }
        if (SCHEMA_VALUED.contains(key) || key.equals("items")) {
            if (values.stream().anyMatch(JsonNode::isArray)) {
                throw new Incompatible(key); // tuple items
            }
            return key.equals("not") && values.size() > 1 ? JSON.objectNode().set("anyOf", JSON.arrayNode()
                    .addAll(values)) : mergeAll(values);
        }
        if (SMALLEST.contains(key) || LARGEST.contains(key)) {
            if (!values.stream().allMatch(JsonNode::isNumber)) {
                throw new Incompatible(key);
            }
            boolean smallest = SMALLEST.contains(key);
            return values.stream().reduce((a, b) -> (a.decimalValue().compareTo(b.decimalValue()) <= 0) == smallest
                    ? a : b).orElseThrow();
        }
        return switch (key) {
            case "required" -> {
                Set<String> names = new TreeSet<>();
                values.forEach(list -> list.forEach(name -> names.add(name.asText())));
                ArrayNode sorted = JSON.arrayNode();
                names.forEach(sorted::add);
                yield sorted;
            }
            case "type" -> type(values);
            case "enum" -> enumeration(values);
            case "pattern" -> {
                StringBuilder lookaheads = new StringBuilder();
                values.forEach(pattern -> lookaheads.append("(?=").append(pattern.asText()).append(')'));
                yield JSON.textNode(lookaheads.toString());
            }
            case "uniqueItems" -> BooleanNode.valueOf(values.stream().anyMatch(JsonNode::asBoolean));
            case "examples" -> {
                ArrayNode all = JSON.arrayNode();
                values.forEach(list -> list.forEach(example -> {
                    if (!contains(all, example)) {
                        all.add(example);
                    }
                }));
                yield all;
            }
            case "$id", "$ref", "$schema" -> values.get(0);
            case "default", "title", "description" -> values.get(values.size() - 1);
            default -> throw new Incompatible(key); // no rule for two different values: the library gives up
        };
    }

    // The library's properties resolver with ignoreAdditionalProperties: the additionalProperties merged (false
    // wins), patternProperties and properties merged name by name; a property merged to false is dropped.
    private static void mergeProperties(List<ObjectNode> schemas, ObjectNode merged) {
        JsonNode additional = mergeAll(schemas.stream().map(schema -> schema.get("additionalProperties")).toList());
        ObjectNode patterns = mergeGroup(schemas, "patternProperties");
        ObjectNode properties = mergeGroup(schemas, "properties");
        if (additional != null && !isEmptySchema(additional)) {
            merged.set("additionalProperties", additional);
        }
        if (!patterns.isEmpty()) {
            merged.set("patternProperties", patterns);
        }
        if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
            for (Iterator<JsonNode> values = properties.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (value.isBoolean() && !value.booleanValue()) {
                    values.remove();
                }
            }
        }
        if (!properties.isEmpty()) {
            merged.set("properties", properties);
        }
    }

    private static ObjectNode mergeGroup(List<ObjectNode> schemas, String keyword) {
        Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
        for (ObjectNode schema : schemas) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path(keyword).fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                byName.computeIfAbsent(field.getKey(), name -> new ArrayList<>()).add(field.getValue());
            }
        }
        ObjectNode group = JSON.objectNode();
        byName.forEach((name, values) -> group.set(name, orEmpty(mergeAll(distinct(values, false)))));
        return group;
    }

    private static JsonNode type(List<JsonNode> values) {
        if (values.stream().noneMatch(JsonNode::isArray)) {
            throw new Incompatible("type");
        }
        Set<String> common = null;
        for (JsonNode value : values) {
            Set<String> types = new LinkedHashSet<>();
            if (value.isArray()) {
                value.forEach(type -> types.add(type.asText()));
            } else {
                types.add(value.asText());
            }
            if (common == null) {
                common = types;
            } else {
                common.retainAll(types);
            }
        }
        if (common == null || common.isEmpty()) {
            throw new Incompatible("type");
        }
        if (common.size() == 1) {
            return JSON.textNode(common.iterator().next());
        }
        ArrayNode types = JSON.arrayNode();
        common.forEach(types::add);
        return types;
    }

    private static JsonNode enumeration(List<JsonNode> values) {
        ArrayNode common = JSON.arrayNode();
        for (JsonNode candidate : values.get(0)) {
            if (values.stream().allMatch(list -> contains(list, candidate)) && !contains(common, candidate)) {
                common.add(candidate);
            }
        }
        if (common.isEmpty()) {
            throw new Incompatible("enum");
        }
        return common;
    }

    // The library refuses to merge members whose declared (or implied) types do not overlap.
    private static void checkTypes(List<ObjectNode> schemas) {
        Set<String> first = null;
        for (ObjectNode schema : schemas) {
            Optional<Set<String>> types = inferredTypes(schema);
            if (types.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = types.get();
            } else if (types.get().stream().noneMatch(first::contains)) {
                throw new Incompatible("type");
            }
        }
    }

    private static Optional<Set<String>> inferredTypes(ObjectNode schema) {
        if (schema.has("type")) {
            return schema.get("type").isTextual() ? Optional.of(Set.of(schema.get("type").asText())) : Optional.empty();
        }
        Set<String> types = new LinkedHashSet<>();
        IMPLIED_TYPES.forEach((type, keywords) -> {
            if (keywords.stream().anyMatch(schema::has)) {
                types.add(type);
            }
        });
        return types.isEmpty() ? Optional.empty() : Optional.of(types);
    }

    private static List<JsonNode> distinct(List<JsonNode> values, boolean keepAll) {
        if (keepAll) {
            return values;
        }
        List<JsonNode> distinct = new ArrayList<>();
        values.stream().filter(value -> !distinct.contains(value)).forEach(distinct::add);
        return distinct;
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmptySchema(JsonNode schema) {
        return schema.isObject() && schema.isEmpty();
    }

    private static JsonNode orEmpty(JsonNode schema) {
        return schema == null ? JSON.objectNode() : schema;
    }

    /** Members the library cannot merge: the schema is then validated as written. */
    private static final class Incompatible extends RuntimeException {
        Incompatible(String keyword) {
            super(keyword, null, false, false);
        }
    }
}
