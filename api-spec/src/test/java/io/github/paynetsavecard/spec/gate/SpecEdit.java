package io.github.paynetsavecard.spec.gate;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One edit of the gate's corpus (src/test/resources/gate-corpus/edits): a JSON Patch (RFC 6902: add, remove,
 * replace, move, copy) on the corpus's frozen copy of the spec, the verdict it must get, and words its line must
 * contain. The copy is frozen so that the corpus does not move when the real spec does.
 *
 * @param name     the file name without {@code .yaml}
 * @param edit     what the edit is, in words
 * @param expect   {@code wire}, {@code client API}, {@code compatible} or {@code none}
 * @param version  the {@code info.version} the edited spec gets, or null to keep the base's
 * @param mentions words the deciding line contains
 * @param patch    the operations
 */
record SpecEdit(String name, String edit, String expect, String version, List<String> mentions, JsonNode patch) {
    static final Path CORPUS = Path.of("src/test/resources/gate-corpus");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<SpecEdit> all() {
        try (Stream<Path> files = Files.list(CORPUS.resolve("edits"))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().map(SpecEdit::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpecEdit read(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            List<String> mentions = new ArrayList<>();
            node.path("mentions").forEach(mention -> mentions.add(mention.asText()));
            String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
            return new SpecEdit(name, node.path("edit").asText(), node.path("expect").asText(),
                    node.hasNonNull("version") ? node.get("version").asText() : null, List.copyOf(mentions),
                    node.path("patch"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode base() {
        try {
            return (ObjectNode) YAML.readTree(CORPUS.resolve("base.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base with this edit applied. */
    ObjectNode apply() {
        ObjectNode root = base();
        for (JsonNode operation : patch) {
            String op = operation.path("op").asText();
            JsonPointer path = JsonPointer.compile(operation.path("path").asText());
            switch (op) {
                case "add" -> add(root, path, operation.get("value").deepCopy());
                case "remove" -> remove(root, path);
                case "replace" -> {
                    remove(root, path);
                    add(root, path, operation.get("value").deepCopy());
                }
                case "move", "copy" -> {
                    JsonPointer from = JsonPointer.compile(operation.path("from").asText());
                    JsonNode value = root.at(from).deepCopy();
                    if (value.isMissingNode()) {
                        throw new IllegalArgumentException(name + ": nothing at " + from);
                    }
                    if (op.equals("move")) {
                        remove(root, from);
                    }
                    add(root, path, value);
                }
                default -> throw new IllegalArgumentException(name + ": unknown patch op " + op);
            }
        }
        if (version != null) {
            ((ObjectNode) root.path("info")).put("version", version);
        }
        return root;
    }

    private void add(ObjectNode root, JsonPointer path, JsonNode value) {
        JsonNode parent = root.at(path.head());
        String key = path.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            if (key.equals("-")) {
                array.add(value);
            } else {
                array.insert(Integer.parseInt(key), value);
            }
        } else if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else {
            throw new IllegalArgumentException(name + ": no object or array at " + path.head());
        }
    }

    private void remove(ObjectNode root, JsonPointer path) {
        JsonNode parent = root.at(path.head());
        String key = path.last().getMatchingProperty();
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(key));
        } else if (parent instanceof ObjectNode object && object.has(key)) {
            object.remove(key);
        } else {
            throw new IllegalArgumentException(name + ": nothing at " + path);
        }
    }

    static Path write(JsonNode root, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            YAML.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
