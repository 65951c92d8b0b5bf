package io.github.paynetsavecard.spec.gate;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the schemas of the baseline with those of the spec wherever both have them: the parameters, request bodies,
 * responses and response headers of every operation present in both, and, below them, properties, array items and
 * additional properties, following {@code $ref}s (a component is visited once per direction). On each pair it runs
 * the rules for what openapi-diff does not report at all ({@link PropertyTypeRule}, {@link ClosedObjectRule}).
 *
 * <p>Everything else comes from openapi-diff's own result; this walk exists only because those two kinds of change
 * never reach that result. It follows references in swagger-parser's model, the one openapi-diff compares (by
 * component name), not in the Jackson tree that {@code spec.index.References} resolves for every other reader.
 */
final class SchemaPairs {
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final OpenAPI before;
    private final OpenAPI after;
    private final Set<String> visited = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();

    private SchemaPairs(OpenAPI before, OpenAPI after) {
        this.before = before;
        this.after = after;
    }

    static List<Change> judge(OpenAPI before, OpenAPI after) {
        SchemaPairs pairs = new SchemaPairs(before, after);
        pairs.paths();
        return List.copyOf(pairs.changes);
    }

    private void paths() {
        Map<String, PathItem> old = orEmpty(before.getPaths());
        Map<String, PathItem> neu = orEmpty(after.getPaths());
        old.forEach((path, oldItem) -> {
            PathItem newItem = neu.get(path);
            if (newItem == null) {
                return;
            }
            Map<PathItem.HttpMethod, Operation> newOperations = newItem.readOperationsMap();
            oldItem.readOperationsMap().forEach((method, oldOperation) -> {
                Operation newOperation = newOperations.get(method);
                if (newOperation != null) {
                    operation(method + " " + path, oldItem, oldOperation, newItem, newOperation);
                }
            });
        });
    }

    private void operation(String location, PathItem oldItem, Operation oldOperation, PathItem newItem,
                           Operation newOperation) {
        Map<String, Parameter> oldParameters = parameters(before, oldItem, oldOperation);
        Map<String, Parameter> newParameters = parameters(after, newItem, newOperation);
        oldParameters.forEach((key, parameter) -> {
            Parameter other = newParameters.get(key);
            if (other != null) {
                schema(location + " " + parameter.getIn() + " parameter " + parameter.getName(), "",
                        parameter.getSchema(), other.getSchema(), Direction.REQUEST);
            }
        });
        RequestBody oldBody = resolve(before, oldOperation.getRequestBody());
        RequestBody newBody = resolve(after, newOperation.getRequestBody());
        if (oldBody != null && newBody != null) {
            content(location + " request body", oldBody.getContent(), newBody.getContent(), Direction.REQUEST);
        }
        Map<String, ApiResponse> newResponses = orEmpty(newOperation.getResponses());
        orEmpty(oldOperation.getResponses()).forEach((status, response) -> {
            ApiResponse oldResponse = resolve(before, response);
            ApiResponse newResponse = resolve(after, newResponses.get(status));
            if (oldResponse == null || newResponse == null) {
                return;
            }
            String where = location + " response " + status;
            content(where, oldResponse.getContent(), newResponse.getContent(), Direction.RESPONSE);
            Map<String, Header> newHeaders = orEmpty(newResponse.getHeaders());
            orEmpty(oldResponse.getHeaders()).forEach((name, header) -> {
                Header other = newHeaders.get(name);
                if (other != null) {
                    schema(where + " header " + name, "", header.getSchema(), other.getSchema(), Direction.RESPONSE);
                }
            });
        });
    }

    private void content(String location, Content old, Content neu, Direction direction) {
        Map<String, MediaType> newTypes = orEmpty(neu);
        orEmpty(old).forEach((type, media) -> {
            MediaType other = newTypes.get(type);
            if (other != null) {
                schema(location + " (" + type + ")", "", media.getSchema(), other.getSchema(), direction);
            }
        });
    }

    private void schema(String from, String pathFrom, Schema<?> oldSchema, Schema<?> newSchema,
                        Direction direction) {
        if (oldSchema == null || newSchema == null) {
            return;
        }
        String oldRef = oldSchema.get$ref();
        String newRef = newSchema.get$ref();
        if ((oldRef != null || newRef != null) && !visited.add(oldRef + "|" + newRef + "|" + direction)) {
            return;
        }
        boolean component = oldRef != null && oldRef.equals(newRef) && oldRef.startsWith(SCHEMA_REF);
        String place = component ? "schema " + oldRef.substring(SCHEMA_REF.length()) : from;
        String path = component ? "" : pathFrom;
        Schema<?> old = flatten(before, oldSchema);
        Schema<?> neu = flatten(after, newSchema);
        if (old == null || neu == null) {
            return;
        }
        String subject = place + (path.isEmpty() ? "" : "." + path);
        String prefix = path.isEmpty() ? "" : path + ": ";
        var typeChange = PropertyTypeRule.judge(old, neu, direction);
        if (typeChange.isPresent()) {
            add(typeChange.get(), place, prefix, subject);
            return;
        }
        ClosedObjectRule.judge(old, neu, direction).ifPresent(judgement -> add(judgement, place, prefix, subject));
        Map<String, Schema> newProperties = orEmpty(neu.getProperties());
        for (Map.Entry<String, Schema> property : orEmpty(old.getProperties()).entrySet()) {
            Schema<?> other = newProperties.get(property.getKey());
            if (other != null) {
                schema(place, join(path, property.getKey()), property.getValue(), other, direction);
            }
        }
        schema(place, path.isEmpty() ? "(items)" : path + "[]", old.getItems(), neu.getItems(), direction);
        if (old.getAdditionalProperties() instanceof Schema<?> oldValues
                && neu.getAdditionalProperties() instanceof Schema<?> newValues) {
            schema(place, join(path, "(additional properties)"), oldValues, newValues, direction);
        }
    }

    private void add(Judgement judgement, String place, String prefix, String subject) {
        changes.add(new Change(judgement.verdict(), place, prefix + judgement.words(), subject));
    }

    /** The schema a local {@code $ref} points to, with the members of an {@code allOf} merged in. */
    static Schema<?> flatten(OpenAPI spec, Schema<?> schema) {
        Schema<?> resolved = resolveSchema(spec, schema, 0);
        if (resolved == null || resolved.getAllOf() == null || resolved.getAllOf().isEmpty()) {
            return resolved;
        }
        Schema<Object> merged = new Schema<>();
        merged.setType(resolved.getType());
        merged.setFormat(resolved.getFormat());
        merged.setAdditionalProperties(resolved.getAdditionalProperties());
        Map<String, Schema> properties = new LinkedHashMap<>(orEmpty(resolved.getProperties()));
        for (Schema<?> member : resolved.getAllOf()) {
            Schema<?> part = flatten(spec, member);
            if (part == null) {
                continue;
            }
            properties.putAll(orEmpty(part.getProperties()));
            if (merged.getType() == null) {
                merged.setType(part.getType());
            }
            if (Boolean.FALSE.equals(part.getAdditionalProperties())) {
                merged.setAdditionalProperties(false);
            }
        }
        merged.setProperties(properties);
        return merged;
    }

    private static Schema<?> resolveSchema(OpenAPI spec, Schema<?> schema, int hops) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        String ref = schema.get$ref();
        if (!ref.startsWith(SCHEMA_REF) || hops > 32) {
            return null;
        }
        Components components = spec.getComponents();
        Schema<?> target = components == null || components.getSchemas() == null ? null
                : components.getSchemas().get(ref.substring(SCHEMA_REF.length()));
        return resolveSchema(spec, target, hops + 1);
    }

    /** The declared type; a schema with properties and no type counts as an object. */
    static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getProperties() != null ? "object" : null;
    }

    static boolean isObject(Schema<?> schema) {
        return "object".equals(type(schema));
    }

    private static Map<String, Parameter> parameters(OpenAPI spec, PathItem item, Operation operation) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        List<Parameter> all = new ArrayList<>(item.getParameters() == null ? List.of() : item.getParameters());
        all.addAll(operation.getParameters() == null ? List.of() : operation.getParameters());
        for (Parameter parameter : all) {
            Parameter resolved = resolve(spec, parameter);
            if (resolved != null && resolved.getName() != null) {
                parameters.put(resolved.getIn() + " " + resolved.getName(), resolved);
            }
        }
        return parameters;
    }

    private static Parameter resolve(OpenAPI spec, Parameter parameter) {
        if (parameter == null || parameter.get$ref() == null) {
            return parameter;
        }
        Components components = spec.getComponents();
        return components == null || components.getParameters() == null ? null
                : components.getParameters().get(last(parameter.get$ref()));
    }

    private static RequestBody resolve(OpenAPI spec, RequestBody body) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        Components components = spec.getComponents();
        return components == null || components.getRequestBodies() == null ? null
                : components.getRequestBodies().get(last(body.get$ref()));
    }

    private static ApiResponse resolve(OpenAPI spec, ApiResponse response) {
        if (response == null || response.get$ref() == null) {
            return response;
        }
        Components components = spec.getComponents();
        return components == null || components.getResponses() == null ? null
                : components.getResponses().get(last(response.get$ref()));
    }

    private static String last(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
