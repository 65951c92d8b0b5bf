package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A mutable copy of the module's real spec, for tests that break it on purpose: load it, change the tree, write it
 * to a temporary directory, and run a check on the file.
 *
 * <pre>{@code
 * SpecCopy spec = SpecCopy.ofRealSpec();
 * spec.object(spec.operation("saveCard"), "responses", "200").remove("content");
 * Path broken = spec.writeTo(dir.resolve("openapi.yaml"));
 * }</pre>
 */
public final class SpecCopy {
    /** The spec file of this module; tests run in the module's directory. */
    public static final Path REAL_SPEC = Path.of("openapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectNode root;

    private SpecCopy(ObjectNode root) {
        this.root = root;
    }

    /** A fresh copy of the real spec, read by the loader every module uses. */
    public static SpecCopy ofRealSpec() {
        return new SpecCopy((ObjectNode) ApiSpec.load(REAL_SPEC).tree().deepCopy());
    }

    /** The whole document, to change as a test needs. */
    public ObjectNode root() {
        return root;
    }

    /** The operation with this operationId, found wherever it is in {@code paths}. */
    public ObjectNode operation(String operationId) {
        for (JsonNode path : root.path("paths")) {
            for (JsonNode operation : path) {
                if (operationId.equals(operation.path("operationId").asText(null))) {
                    return (ObjectNode) operation;
                }
            }
        }
        throw new IllegalArgumentException("No operation with operationId " + operationId + " in " + REAL_SPEC);
    }

    /** Where the operation with this operationId is, as {@code SpecLint} names it: {@code paths.<path>.<method>}. */
    public String locationOf(String operationId) {
        ObjectNode operation = operation(operationId);
        var paths = root.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            var methods = path.getValue().fields();
            while (methods.hasNext()) {
                var method = methods.next();
                if (method.getValue() == operation) {
                    return "paths." + path.getKey() + "." + method.getKey();
                }
            }
        }
        throw new IllegalStateException("unreachable: " + operationId + " was found before");
    }

    /** The node itself, or the object its local {@code $ref} (e.g. {@code #/components/schemas/Error}) points to. */
    public ObjectNode resolve(JsonNode node) {
        if (!node.has("$ref")) {
            return (ObjectNode) node;
        }
        JsonNode target = root.at(node.get("$ref").asText().substring(1));
        if (!target.isObject()) {
            throw new IllegalArgumentException("$ref points nowhere: " + node);
        }
        return (ObjectNode) target;
    }

    /** The object under {@code from} at these keys, e.g. {@code object(root(), "components", "schemas", "Error")}. */
    public ObjectNode object(JsonNode from, String... keys) {
        JsonNode node = from;
        for (String key : keys) {
            node = node.path(key);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("No object at " + String.join(".", keys));
        }
        return (ObjectNode) node;
    }

    /** The object at these keys from the document's root. */
    public ObjectNode object(String... keys) {
        return object(root, keys);
    }

    /** Writes the document, as changed so far, to {@code file}; returns the file. */
    public Path writeTo(Path file) {
        Objects.requireNonNull(file, "file == null");
        try {
            YAML.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
