package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.spec.SchemaValidator;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import io.github.paynetsavecard.spec.index.AccessModes;
import io.github.paynetsavecard.spec.index.Content;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.Parameter;
import io.github.paynetsavecard.spec.index.ParameterGroup;
import io.github.paynetsavecard.spec.index.RequestBodyDefinition;
import io.github.paynetsavecard.spec.index.ResponseDefinition;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas the engine validates with, as Prism sees them rather than as written:
 * <ul>
 *   <li>every number format carries its range ({@link NumberFormats}), so an {@code int64} above
 *       9007199254740991 breaks {@code maximum};</li>
 *   <li>a body's {@code allOf}s are merged ({@link AllOfMerge}) before {@code readOnly} properties are stripped
 *       from request bodies and {@code writeOnly} ones from responses;</li>
 *   <li>the parameters of one location form one object keyed by their lower-cased names, which is why Prism
 *       reports {@code ["path","petid"]} for {@code {petId}}.</li>
 * </ul>
 * Compiled once, when the engine is created, and read-only afterwards, so safe to share between threads; only the
 * property schemas of {@link #stillFits} are compiled when first needed, into a concurrent map. A schema
 * the validator cannot compile is not checked, as in the index (and as Prism skips what AJV cannot compile).
 */
final class ValidationSchemas {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaValidator validator;
    private final Map<Content, Optional<CompiledSchema>> bodies = new IdentityHashMap<>();
    private final Map<ParameterGroup, Optional<CompiledSchema>> parameters = new IdentityHashMap<>();
    /** The response contents whose schema is a plain object schema, with their field checks. */
    private final Map<Content, FieldwiseCheck> fieldwise = new IdentityHashMap<>();

    ValidationSchemas(SpecIndex index) {
        this.validator = SchemaValidator.of(index.document());
        for (Operation operation : index.operations()) {
            operation.requestBody().map(RequestBodyDefinition::contents).orElse(List.of())
                    .forEach(content -> bodies.computeIfAbsent(content, c -> body(c, "readOnly")));
            for (ParameterGroup group : List.of(operation.pathParameters(), operation.query(), operation.headers())) {
                parameters.computeIfAbsent(group, this::compileGroup);
            }
            for (ResponseDefinition response : operation.responses()) {
                for (Content content : response.contents()) {
                    if (!bodies.containsKey(content)) {
                        Optional<JsonNode> schema = validated(content, "writeOnly");
                        bodies.put(content, schema.flatMap(this::compile));
                        schema.flatMap(json -> FieldwiseCheck.of(json, this::compile))
                                .ifPresent(check -> fieldwise.put(content, check));
                    }
                }
                parameters.computeIfAbsent(response.headerCheck(), this::compileGroup);
            }
        }
    }

    /** The schema a body of {@code content} is validated with; empty when it is not validated. */
    Optional<CompiledSchema> body(Content content) {
        return bodies.getOrDefault(content, content.validator());
    }

    /** The object schema the values of {@code group}, keyed by lower-cased name, are validated with. */
    Optional<CompiledSchema> parameters(ParameterGroup group) {
        Optional<CompiledSchema> compiled = parameters.get(group);
        return compiled != null ? compiled : compileGroup(group);
    }

    /**
     * Whether an answer of {@code content} whose example was clean is still clean with {@code fields} replaced, as
     * far as a check field by field can tell ({@link FieldwiseCheck}); false means: check the whole body.
     */
    boolean stillFits(Content content, Map<String, JsonNode> fields) {
        if (body(content).isEmpty()) {
            return true; // the body is not validated at all
        }
        FieldwiseCheck check = fieldwise.get(content);
        return check != null && check.fits(fields);
    }

    private Optional<CompiledSchema> body(Content content, String stripped) {
        return validated(content, stripped).flatMap(this::compile);
    }

    /** The schema a body of {@code content} is validated with, before compiling. */
    private static Optional<JsonNode> validated(Content content, String stripped) {
        return content.schema().map(schema -> AccessModes.strip(AllOfMerge.merged(NumberFormats.bounded(schema)),
                stripped));
    }

    private Optional<CompiledSchema> compileGroup(ParameterGroup group) {
        return group.parameters().isEmpty() ? Optional.empty() : compile(parameterObject(group));
    }

    // Prism's createJsonSchemaFromParams.
    private static JsonNode parameterObject(ParameterGroup group) {
        ObjectNode schema = JSON.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (Parameter parameter : group.parameters()) {
            String name = parameter.name().toLowerCase(Locale.ROOT);
            properties.set(name, NumberFormats.bounded(parameter.schema()));
            if (parameter.required()) {
                required.add(name);
            }
        }
        return schema;
    }

    private Optional<CompiledSchema> compile(JsonNode schema) {
        try {
            return Optional.of(validator.compile(schema));
        } catch (RuntimeException unusable) {
            return Optional.empty();
        }
    }
}
