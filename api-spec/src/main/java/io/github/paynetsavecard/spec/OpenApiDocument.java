package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A loaded OpenAPI document, in the two forms its users need: the tree that every reader of this project works on,
 * and swagger-parser's model, which nothing at run time reads (parsing a given file is what checks it). The model of
 * the bundled spec is parsed on the first call of {@link #model()}, as the mock and the client never ask for it (it
 * costs about a quarter of a second in a fresh JVM).
 */
public final class OpenApiDocument {
    private final String source;
    private final JsonNode tree;
    private Supplier<OpenAPI> parser;
    private OpenAPI model;

    /**
     * A document whose model is already parsed.
     *
     * @param source where the document came from (a file path or a classpath location), for messages; not null
     * @param model  swagger-parser's model, with external {@code $ref}s resolved; not null
     * @param tree   the document as Jackson nodes, external references bundled in (see {@link #tree()}); not null
     */
    public OpenApiDocument(String source, OpenAPI model, JsonNode tree) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.model = Objects.requireNonNull(model, "model == null");
        this.tree = Objects.requireNonNull(tree, "tree == null");
    }

    /** A document whose model {@code parser} makes when it is first asked for. */
    OpenApiDocument(String source, JsonNode tree, Supplier<OpenAPI> parser) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.tree = Objects.requireNonNull(tree, "tree == null");
        this.parser = Objects.requireNonNull(parser, "parser == null");
    }

    /**
     * Where the document came from.
     *
     * @return a file path or a classpath location, for messages
     */
    public String source() {
        return source;
    }

    /**
     * swagger-parser's model of the document.
     *
     * @return the model, with external {@code $ref}s resolved; internal schema references stay {@code $ref}s, as in
     *         the file
     * @throws InvalidSpecException when swagger-parser cannot read a document that was not parsed at load (the
     *                              bundled spec, checked when this project is built)
     */
    public synchronized OpenAPI model() {
        if (model == null) {
            model = parser.get();
            parser = null;
        }
        return model;
    }

    /**
     * The document as written.
     *
     * @return the document as Jackson nodes, with the files that external {@code $ref}s reach bundled in under
     *         {@code components.x-bundled} and those references rewritten to local ones, so that every reader
     *         follows local references only; {@link SchemaValidator} works on this form
     */
    public JsonNode tree() {
        return tree;
    }

    @Override
    public String toString() {
        return "OpenApiDocument[" + source + "]";
    }
}
