package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.spec.OpenApiDocument;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the tools built on the spec read from it, read once: the operations with their parameters, bodies,
 * responses, parsed media types, examples (named and plain) and compiled schemas, and the vendor extensions. The
 * lint, the mock engine, the conformance suite and the breaking-change rules all read the spec through this one
 * model, so they agree on what it says.
 *
 * <pre>{@code
 * SpecIndex index = SpecIndex.of(ApiSpec.bundled());
 * Operation saveCard = index.operation("saveCard").orElseThrow();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param document   the document it was read from
 * @param operations the operations, in the order the document lists them; empty when it has no paths
 * @param extensions the document's top-level {@code x-} keys, as written
 */
public record SpecIndex(OpenApiDocument document, List<Operation> operations, Map<String, JsonNode> extensions) {
    /** The HTTP methods an OpenAPI 3.0 path item can declare, in the order the specification lists them. */
    public static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param document   the document it was read from; not null
     * @param operations the operations in document order; not null, copied
     * @param extensions the top-level {@code x-} keys as written; not null, copied
     */
    public SpecIndex {
        Objects.requireNonNull(document, "document == null");
        operations = List.copyOf(operations);
        extensions = Map.copyOf(extensions);
    }

    /**
     * Reads {@code document}: follows every reference and compiles every schema, once.
     *
     * @param document a loaded document ({@code ApiSpec.bundled()} or {@code ApiSpec.load(...)}); not null
     * @return the index, to be kept and shared rather than built again per request
     */
    public static SpecIndex of(OpenApiDocument document) {
        Objects.requireNonNull(document, "document == null");
        return IndexReader.read(document);
    }

    /**
     * The operation whose {@code operationId} (or {@code METHOD path}, for one without) is {@code id}.
     *
     * @param id an {@code operationId} such as {@code saveCard}, or {@code METHOD path}; not null
     * @return the operation, or empty when the document has none with that id
     */
    public Optional<Operation> operation(String id) {
        Objects.requireNonNull(id, "id == null");
        return operations.stream().filter(operation -> operation.id().equals(id)).findFirst();
    }

    /**
     * The operation {@code id}, or an error naming the operations there are: for callers to whom a missing
     * operation is a mistake in their setup.
     *
     * @param id an {@code operationId} such as {@code saveCard}, or {@code METHOD path}; not null
     * @return the operation
     * @throws IllegalArgumentException when there is none, naming the document and the ids it has
     */
    public Operation requireOperation(String id) {
        return operation(id).orElseThrow(() -> new IllegalArgumentException("No operation " + id + " in "
                + document.source() + "; it has " + operations.stream().map(Operation::id).toList()));
    }

    /**
     * The operations on {@code path} (as written in the spec), in declaration order.
     *
     * @param path a path template exactly as written, e.g. {@code /v1/paynetj/save_card}; not a concrete request path
     * @return the operations on it, unmodifiable; empty when the document has no such path
     */
    public List<Operation> operationsOn(String path) {
        return operations.stream().filter(operation -> operation.path().equals(path)).toList();
    }

    /**
     * The top-level extension {@code name} ({@code x-...}), when the document has it.
     *
     * @param name the key with its {@code x-} prefix
     * @return its value as written, or empty when the document has no such key
     */
    public Optional<JsonNode> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }
}
