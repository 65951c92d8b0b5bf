package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Objects;

/**
 * A loaded OpenAPI document, in the two forms its users need.
 *
 * @param source where it came from (a file path or a classpath location), for messages
 * @param model  swagger-parser's model, with external {@code $ref}s resolved; internal schema references stay
 *               {@code $ref}s, as in the file
 * @param tree   the document as written, as Jackson nodes, with the files that external {@code $ref}s reach
 *               bundled in under {@code components.x-bundled} and those references rewritten to local ones, so
 *               that every reader follows local references only; {@link SchemaValidator} works on this form
 */
public record OpenApiDocument(String source, OpenAPI model, JsonNode tree) {
    /**
     * Checks the components: no component may be null.
     *
     * @param source where the document came from, for messages; not null
     * @param model  swagger-parser's model; not null
     * @param tree   the document as Jackson nodes, external references bundled in; not null
     */
    public OpenApiDocument {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(tree, "tree == null");
    }
}
