package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.index.References;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Generates random values that satisfy a schema, for {@code Prefer: dynamic=true}, in the spirit of Prism's
 * json-schema-faker setup: every property is filled, keys come out in alphabetical order, {@code example} and
 * {@code default} are ignored, a nullable value may be {@code null}, and strings honour length, format, enum and
 * (common) patterns. The same {@code seed} gives the same value; the values themselves differ from Prism's.
 */
final class DynamicSampler {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final long UNBOUNDED = 100_000_000L;
    private static final String[] WORDS = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
        "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua"};

    private final References references;
    private final StaticSampler fallback;

    /** A sampler that resolves {@code $ref}s through {@code references}. */
    public DynamicSampler(References references) {
        this.references = references;
        this.fallback = new StaticSampler(references);
    }

    /** A random value of {@code schema}; repeatable when {@code seed} is given. */
    public Optional<JsonNode> sample(JsonNode schema, Optional<String> seed) {
        RandomGenerator random = seed
                .map(text -> (RandomGenerator) new SplittableRandom(seedOf(text)))
                .orElseGet(SplittableRandom::new);
        return Optional.ofNullable(generate(schema, random, 0, new HashSet<>()));
    }

    private static long seedOf(String text) {
        long seed = 1125899906842597L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            seed = 31 * seed + b;
        }
        return seed;
    }

    private JsonNode generate(JsonNode schema, RandomGenerator random, int depth, Set<String> open) {
        if (!schema.isObject() || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!open.add(ref)) {
                return null;
            }
            try {
                return generate(references.resolve(schema), random, depth, open);
            } finally {
                open.remove(ref);
            }
        }
        if (schema.path("allOf").isArray() && !schema.get("allOf").isEmpty()) {
            ObjectNode merged = JSON.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode value = generate(part, random, depth, open);
                if (value instanceof ObjectNode object) {
                    merged.setAll(object);
                } else if (value != null) {
                    return value;
                }
            }
            return sorted(merged);
        }
        for (String branches : List.of("oneOf", "anyOf")) {
            JsonNode options = schema.path(branches);
            if (options.isArray() && !options.isEmpty()) {
                return generate(options.get(random.nextInt(options.size())), random, depth, open);
            }
        }
        if (schema.path("nullable").asBoolean(false) && random.nextBoolean()) {
            return NullNode.getInstance();
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        JsonNode values = schema.path("enum");
        if (values.isArray() && !values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        String type = StaticSampler.inferType(schema);
        if (type == null) {
            return NullNode.getInstance();
        }
        return switch (type) {
            case "object" -> object(schema, random, depth, open);
            case "array" -> array(schema, random, depth, open);
            case "string" -> JSON.textNode(string(schema, random));
            case "integer" -> JSON.numberNode(integer(schema, random));
            case "number" -> number(schema, random);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            default -> NullNode.getInstance();
        };
    }

    private JsonNode object(JsonNode schema, RandomGenerator random, int depth, Set<String> open) {
        ObjectNode object = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
             properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (property.getValue().path("writeOnly").asBoolean(false)) {
                continue; // Prism strips writeOnly properties from generated responses
            }
            JsonNode value = generate(property.getValue(), random, depth + 1, open);
            if (value != null) {
                object.set(property.getKey(), value);
            }
        }
        return sorted(object);
    }

    private static ObjectNode sorted(ObjectNode object) {
        TreeMap<String, JsonNode> byName = new TreeMap<>();
        object.fields().forEachRemaining(field -> byName.put(field.getKey(), field.getValue()));
        ObjectNode sorted = JSON.objectNode();
        byName.forEach(sorted::set);
        return sorted;
    }

    private JsonNode array(JsonNode schema, RandomGenerator random, int depth, Set<String> open) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.has("maxItems") ? schema.get("maxItems").asInt() : min + 3;
        int length = min + (max > min ? random.nextInt(max - min + 1) : 0);
        ArrayNode array = JSON.arrayNode();
        JsonNode items = schema.path("items");
        List<JsonNode> seen = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            JsonNode value = generate(items, random, depth + 1, open);
            JsonNode item = value == null ? NullNode.getInstance() : value;
            if (schema.path("uniqueItems").asBoolean(false) && seen.contains(item)) {
                continue;
            }
            seen.add(item);
            array.add(item);
        }
        return array;
    }

    private String string(JsonNode schema, RandomGenerator random) {
        int min = schema.path("minLength").asInt(0);
        int max = schema.has("maxLength") ? schema.get("maxLength").asInt() : Math.max(min, 24);
        if (schema.has("pattern")) {
            Optional<String> matching = RegexSampler.sample(schema.get("pattern").asText(), random);
            if (matching.isPresent()) {
                return matching.get();
            }
        }
        String format = schema.path("format").asText("");
        switch (format) {
            case "uuid":
                return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time":
                return java.time.Instant.ofEpochSecond(1_500_000_000L + random.nextLong(300_000_000L)).toString();
            case "date":
                return java.time.LocalDate.ofEpochDay(17_000 + random.nextInt(4_000)).toString();
            case "email":
                return word(random) + "." + word(random) + "@example.com";
            case "":
                break;
            default:
                return fallback.sample(schema).map(JsonNode::asText).orElse("string");
        }
        StringBuilder text = new StringBuilder(word(random));
        int target = min + (max > min ? random.nextInt(Math.min(max, min + 24) - min + 1) : 0);
        while (text.length() < target) {
            text.append(' ').append(word(random));
        }
        String result = text.toString();
        if (result.length() > max) {
            result = result.substring(0, max).stripTrailing();
        }
        while (result.length() < min) {
            result += "x";
        }
        return result;
    }

    private static String word(RandomGenerator random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static long integer(JsonNode schema, RandomGenerator random) {
        Map<String, JsonNode> bounds = bounds(schema);
        long min = bounds.containsKey("minimum")
                ? (long) Math.ceil(Math.max(bounds.get("minimum").asDouble(), Long.MIN_VALUE / 4)) : -UNBOUNDED;
        long max = bounds.containsKey("maximum")
                ? (long) Math.floor(Math.min(bounds.get("maximum").asDouble(), Long.MAX_VALUE / 4)) : UNBOUNDED;
        if (schema.path("exclusiveMinimum").asBoolean(false)) {
            min++;
        }
        if (schema.path("exclusiveMaximum").asBoolean(false)) {
            max--;
        }
        if (max < min) {
            return min;
        }
        long value = min + random.nextLong(max - min + 1);
        long multipleOf = schema.path("multipleOf").asLong(0);
        if (multipleOf > 0) {
            value = value - Math.floorMod(value, multipleOf);
            if (value < min) {
                value += multipleOf;
            }
        }
        return value;
    }

    private static JsonNode number(JsonNode schema, RandomGenerator random) {
        double min = schema.path("minimum").asDouble(-UNBOUNDED);
        double max = schema.path("maximum").asDouble(UNBOUNDED);
        double value = max > min ? min + random.nextDouble() * (max - min) : min;
        return JSON.numberNode(BigDecimal.valueOf(value).setScale(4, RoundingMode.DOWN).stripTrailingZeros());
    }

    // The schema's bounds narrowed by its integer format (int32, int64), as Prism's http-spec narrows them.
    private static Map<String, JsonNode> bounds(JsonNode schema) {
        Map<String, JsonNode> bounds = new HashMap<>();
        for (String keyword : List.of("minimum", "maximum")) {
            if (schema.has(keyword)) {
                bounds.put(keyword, schema.get(keyword));
            }
        }
        NumberFormats.narrow(schema, bounds);
        return bounds;
    }
}
