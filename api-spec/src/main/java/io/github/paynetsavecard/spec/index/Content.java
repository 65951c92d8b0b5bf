package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.SchemaValidator.CompiledSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One media type of a request body or a response.
 *
 * @param mediaType the media type as written in the spec, e.g. {@code application/json}
 * @param type      the media type parsed, once; empty when what the spec wrote is not {@code type/subtype}
 * @param schema    its schema with references inlined, for generation
 * @param validator the schema compiled for validation (read-only properties stripped for requests,
 *                  write-only ones for responses, as Prism does)
 * @param examples  its examples in spec order, the {@code default} one first
 * @param schemaName the component the schema refers to ({@code SaveCardResponse} for
 *                  {@code $ref: '#/components/schemas/SaveCardResponse'}), for messages; empty for an inline schema
 */
public record Content(String mediaType, Optional<MediaType> type, Optional<JsonNode> schema, Optional<CompiledSchema> validator,
                      List<Example> examples, Optional<String> schemaName) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param mediaType  the media type as written; not null
     * @param type       the parsed media type, or empty; not null
     * @param schema     the schema with references inlined, or empty; not null
     * @param validator  the compiled schema, or empty; not null
     * @param examples   the examples, {@code default} first; not null, copied
     * @param schemaName the referenced component's name, or empty; not null
     */
    public Content {
        Objects.requireNonNull(mediaType, "mediaType == null");
        Objects.requireNonNull(type, "type == null");
        Objects.requireNonNull(schema, "schema == null");
        Objects.requireNonNull(validator, "validator == null");
        examples = List.copyOf(examples);
        Objects.requireNonNull(schemaName, "schemaName == null");
    }

    /**
     * Whether this is JSON: {@code application/json} or {@code application/*+json}.
     *
     * @return true for a JSON media type; false also when the spec's media type does not parse
     */
    public boolean isJson() {
        return type.map(MediaType::isJson).orElse(false);
    }

    /**
     * The example named {@code key}.
     *
     * @param key the example's name in the spec ({@code default} for a single {@code example}); not null
     * @return the example, or empty when this media type has none of that name
     */
    public Optional<Example> example(String key) {
        return examples.stream().filter(example -> example.key().equals(key)).findFirst();
    }

    /**
     * The first example, which Prism serves when nothing else is asked for.
     *
     * @return the first example in spec order, or empty when there are none
     */
    public Optional<Example> firstExample() {
        return examples.stream().findFirst();
    }
}
