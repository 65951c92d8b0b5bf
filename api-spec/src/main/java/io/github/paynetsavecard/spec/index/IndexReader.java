package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.OpenApiDocument;
import io.github.paynetsavecard.spec.SchemaValidator;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an OpenAPI 3 document into its {@link SpecIndex}: operations, parameters, bodies, responses,
 * examples and security, with every local reference followed and every schema compiled once.
 */
final class IndexReader {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OpenApiDocument document;
    private final JsonNode tree;
    private final References references;
    private final SchemaValidator validator;

    private IndexReader(OpenApiDocument document) {
        this.document = document;
        this.tree = document.tree();
        this.references = new References(tree);
        this.validator = SchemaValidator.of(document);
    }

    static SpecIndex read(OpenApiDocument document) {
        return new IndexReader(document).read();
    }

    private SpecIndex read() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : fields(tree.path("paths"))) {
            JsonNode pathItem = references.resolve(path.getValue());
            for (String method : SpecIndex.METHODS) {
                JsonNode operation = pathItem.path(method);
                if (operation.isObject()) {
                    operations.add(operation(method, path.getKey(), pathItem, operation));
                }
            }
        }
        return new SpecIndex(document, operations, extensions(tree));
    }

    private static Map<String, JsonNode> extensions(JsonNode holder) {
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : fields(holder)) {
            if (field.getKey().startsWith("x-")) {
                extensions.put(field.getKey(), field.getValue());
            }
        }
        return extensions;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        Map<String, JsonNode> parameters = parameters(pathItem.path("parameters"), operation.path("parameters"));
        return new Operation(method, path,
                operation.path("operationId").asText(method.toUpperCase(Locale.ROOT) + " " + path),
                operation.path("deprecated").asBoolean(false),
                security(operation.has("security") ? operation.get("security") : tree.path("security")),
                requestBody(operation.path("requestBody")),
                parameterGroup("path", parameters),
                parameterGroup("query", parameters),
                parameterGroup("header", parameters),
                responses(operation.path("responses")),
                extensions(operation));
    }

    // Operation parameters override path-item parameters with the same name and location.
    private Map<String, JsonNode> parameters(JsonNode pathLevel, JsonNode operationLevel) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathLevel, operationLevel)) {
            for (JsonNode reference : list) {
                JsonNode parameter = references.resolve(reference);
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                byKey.put(in + ":" + ("header".equals(in) ? name.toLowerCase(Locale.ROOT) : name), parameter);
            }
        }
        return byKey;
    }

    private ParameterGroup parameterGroup(String location, Map<String, JsonNode> all) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : all.values()) {
            if (!location.equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.path("name").asText();
            parameters.add(new Parameter("header".equals(location) ? name.toLowerCase(Locale.ROOT) : name,
                    parameter.path("required").asBoolean("path".equals(location)),
                    schemaOf(parameter).orElseGet(JSON::objectNode), parameter));
        }
        return group(location, parameters);
    }

    private ParameterGroup group(String location, List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return ParameterGroup.empty(location);
        }
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Parameter parameter : parameters) {
            properties.set(parameter.name(), parameter.schema());
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return new ParameterGroup(location, parameters, compile(schema));
    }

    private List<List<SecurityScheme>> security(JsonNode requirements) {
        List<List<SecurityScheme>> alternatives = new ArrayList<>();
        for (JsonNode requirement : requirements) {
            List<SecurityScheme> schemes = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : fields(requirement)) {
                JsonNode scheme = references.resolve(tree.path("components").path("securitySchemes")
                        .path(entry.getKey()));
                if (scheme.isObject()) {
                    schemes.add(new SecurityScheme(scheme.path("type").asText(),
                            scheme.path("scheme").asText("").toLowerCase(Locale.ROOT),
                            scheme.path("in").asText(""), scheme.path("name").asText("")));
                }
            }
            alternatives.add(schemes);
        }
        return alternatives;
    }

    private Optional<RequestBodyDefinition> requestBody(JsonNode reference) {
        JsonNode body = references.resolve(reference);
        if (!body.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new RequestBodyDefinition(body.path("required").asBoolean(false),
                contents(body.path("content"), false)));
    }

    private List<ResponseDefinition> responses(JsonNode responses) {
        List<ResponseDefinition> definitions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(responses)) {
            JsonNode response = references.resolve(entry.getValue());
            List<HeaderDefinition> headers = new ArrayList<>();
            List<Parameter> headerParameters = new ArrayList<>();
            for (Map.Entry<String, JsonNode> header : fields(response.path("headers"))) {
                JsonNode definition = references.resolve(header.getValue());
                Optional<JsonNode> schema = schemaOf(definition);
                headers.add(new HeaderDefinition(header.getKey(), schema, examples(definition, schema)));
                headerParameters.add(new Parameter(header.getKey().toLowerCase(Locale.ROOT),
                        definition.path("required").asBoolean(false), schema.orElseGet(JSON::objectNode), definition));
            }
            definitions.add(new ResponseDefinition(entry.getKey(), headers,
                    group("header", headerParameters), contents(response.path("content"), true)));
        }
        return definitions;
    }

    private List<Content> contents(JsonNode content, boolean response) {
        List<Content> contents = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : fields(content)) {
            JsonNode mediaType = entry.getValue();
            Optional<JsonNode> schema = schemaOf(mediaType);
            Optional<CompiledSchema> compiled = schema.flatMap(s -> compile(
                    AccessModes.strip(s, response ? "writeOnly" : "readOnly")));
            String ref = mediaType.path("schema").path("$ref").asText("");
            contents.add(new Content(entry.getKey(), MediaType.parse(entry.getKey()), schema, compiled,
                    examples(mediaType, schema),
                    ref.isEmpty() ? Optional.empty() : Optional.of(ref.substring(ref.lastIndexOf('/') + 1))));
        }
        return contents;
    }

    // As Prism (http-spec): the media type's `example`, else its schema's `example`, is the example "default",
    // listed before the named `examples`.
    private List<Example> examples(JsonNode holder, Optional<JsonNode> schema) {
        List<Example> examples = new ArrayList<>();
        if (holder.has("example")) {
            examples.add(new Example("default", Optional.of(holder.get("example"))));
        } else if (schema.isPresent() && schema.get().has("example")) {
            examples.add(new Example("default", Optional.of(schema.get().get("example"))));
        }
        for (Map.Entry<String, JsonNode> entry : fields(holder.path("examples"))) {
            JsonNode example = references.resolve(entry.getValue());
            examples.add(new Example(entry.getKey(), Optional.ofNullable(example.get("value"))));
        }
        return examples;
    }

    private Optional<JsonNode> schemaOf(JsonNode holder) {
        JsonNode schema = holder.get("schema");
        return schema == null || !schema.isObject() ? Optional.empty() : Optional.of(references.inline(schema));
    }

    private Optional<CompiledSchema> compile(JsonNode schema) {
        try {
            return Optional.of(validator.compile(schema));
        } catch (RuntimeException unusable) {
            // A schema the validator cannot compile is not checked, as Prism skips schemas AJV cannot compile.
            return Optional.empty();
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        if (!node.isObject()) {
            return List.of();
        }
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            return fields;
        };
    }
}
