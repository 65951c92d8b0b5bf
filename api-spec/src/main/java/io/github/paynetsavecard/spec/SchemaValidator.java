package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON values against the schemas of one OpenAPI 3.0 document, reporting violations in the
 * vocabulary Stoplight Prism uses (AJV's keywords and instance paths).
 *
 * <p>Schemas may {@code $ref} the document's {@code #/components/...}; OpenAPI's {@code nullable} is honoured.
 * Compiled schemas are cached, so validating the same schema again is cheap, and an instance is safe to share
 * between threads.
 *
 * <pre>{@code
 * SchemaValidator validator = SchemaValidator.of(ApiSpec.bundled());
 * JsonNode schema = spec.tree().at("/components/schemas/SaveCardRequest");
 * List<SchemaViolation> violations = validator.validate(schema, body);
 * }</pre>
 */
public final class SchemaValidator {
    // Resolves `#/components/...` references: every compiled schema is rooted in a node that carries them.
    private static final String COMPONENTS = "components";

    private final JsonNode components;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<JsonNode, CompiledSchema> cache = new ConcurrentHashMap<>();
    // A map of its own: compiling a model schema compiles its tree form, which computeIfAbsent on the same map
    // must not do ("Recursive update").
    private final Map<Schema<?>, CompiledSchema> modelCache = new ConcurrentHashMap<>();

    private SchemaValidator(JsonNode components) {
        this.components = components;
        // `components` (added by rooted()) and `x-` extensions are data, not keywords: ignore them silently
        // instead of letting networknt warn about an unknown keyword for every compiled schema.
        JsonMetaSchema openApi30 = JsonMetaSchema.builder(OpenApi30.getInstance())
                .unknownKeywordFactory((keyword, context) -> new NonValidationKeyword(keyword))
                .format(new Int32Format())
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(openApi30).defaultMetaSchemaIri(openApi30.getIri()));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .nullableKeywordEnabled(true)
                .typeLoose(false)
                .build();
    }

    /**
     * A validator for the schemas of {@code document}.
     *
     * @param document the document whose {@code #/components} the schemas may refer to; not null
     * @return a new validator with an empty cache
     */
    public static SchemaValidator of(OpenApiDocument document) {
        Objects.requireNonNull(document, "document == null");
        return new SchemaValidator(document.tree().path(COMPONENTS));
    }

    /**
     * Compiles {@code schema} (a schema node of the document, as written) once, for repeated validation.
     *
     * @param schema a schema node of this validator's document (its {@link OpenApiDocument#tree()} form); not null
     * @return the compiled schema; the same instance for the same node on later calls
     */
    public CompiledSchema compile(JsonNode schema) {
        Objects.requireNonNull(schema, "schema == null");
        return cache.computeIfAbsent(schema, key -> new CompiledSchema(factory.getSchema(
                SchemaLocation.DOCUMENT, rooted(schema), config)));
    }

    /**
     * Compiles a schema from swagger-parser's model once, for repeated validation.
     *
     * @param schema a schema of this validator's document's {@link OpenApiDocument#model()}; not null
     * @return the compiled schema; the same instance for the same schema on later calls
     */
    public CompiledSchema compile(Schema<?> schema) {
        Objects.requireNonNull(schema, "schema == null");
        return modelCache.computeIfAbsent(schema, key -> compile(Json.mapper().<JsonNode>valueToTree(schema)));
    }

    /**
     * Every way in which {@code value} breaks {@code schema}; empty when it conforms.
     *
     * @param schema a schema node of this validator's document, compiled on first use; not null
     * @param value  the JSON value to check (JSON {@code null} is a {@code NullNode}); not null
     * @return the violations in the validator's order, unmodifiable; empty when {@code value} conforms
     */
    public List<SchemaViolation> validate(JsonNode schema, JsonNode value) {
        return compile(schema).validate(value);
    }

    /**
     * Every way in which {@code value} breaks {@code schema}; empty when it conforms.
     *
     * @param schema a schema of this validator's document's model, compiled on first use; not null
     * @param value  the JSON value to check (JSON {@code null} is a {@code NullNode}); not null
     * @return the violations in the validator's order, unmodifiable; empty when {@code value} conforms
     */
    public List<SchemaViolation> validate(Schema<?> schema, JsonNode value) {
        return compile(schema).validate(value);
    }

    private JsonNode rooted(JsonNode schema) {
        if (!schema.isObject() || schema.has(COMPONENTS) || components.isMissingNode()) {
            return schema;
        }
        ObjectNode root = ((ObjectNode) schema).deepCopy();
        root.set(COMPONENTS, components);
        return root;
    }

    /**
     * AJV's {@code int32} format (ajv-formats), which Prism reports next to the range: a number that is an integer
     * within 32 bits. Other values are not numbers and left to {@code type}.
     */
    private static final class Int32Format implements Format {
        @Override
        public String getName() {
            return "int32";
        }

        @Override
        public boolean matches(ExecutionContext context, ValidationContext validationContext, JsonNode value) {
            if (!value.isNumber()) {
                return true;
            }
            BigDecimal number = value.decimalValue();
            return number.stripTrailingZeros().scale() <= 0
                    && number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
        }
    }

    /** A schema ready to validate values; thread-safe. */
    public static final class CompiledSchema {
        private final JsonSchema schema;

        private CompiledSchema(JsonSchema schema) {
            this.schema = schema;
        }

        /**
         * Every way in which {@code value} breaks this schema; empty when it conforms.
         *
         * @param value the JSON value to check (JSON {@code null} is a {@code NullNode}); not null
         * @return the violations in the validator's order, unmodifiable; empty when {@code value} conforms
         */
        public List<SchemaViolation> validate(JsonNode value) {
            Objects.requireNonNull(value, "value == null");
            List<SchemaViolation> violations = new ArrayList<>();
            for (ValidationMessage message : schema.validate(value)) {
                violations.add(new SchemaViolation(segments(message.getInstanceLocation()), message.getType(),
                        AjvMessages.of(message)));
            }
            return List.copyOf(violations);
        }

        private static List<String> segments(JsonNodePath path) {
            List<String> segments = new ArrayList<>(path.getNameCount());
            for (int i = 0; i < path.getNameCount(); i++) {
                segments.add(String.valueOf(path.getElement(i)));
            }
            return segments;
        }
    }
}
