package io.github.paynetsavecard.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the files a document reaches through external {@code $ref}s into the document itself, so that every
 * reader of the tree (the index, the schema validator, the mock's generators) only ever follows local references.
 *
 * <p>Each referenced file is copied whole under {@code components.x-bundled.<its path relative to the root
 * file>} — an extension key, so the result stays valid OpenAPI and the validator, which roots every schema in
 * {@code components}, resolves the rewritten references. A reference {@code schemas.yaml#/components/schemas/Pet}
 * becomes {@code #/components/x-bundled/schemas.yaml/components/schemas/Pet}; local references inside
 * {@code schemas.yaml} are rewritten the same way, and its own external references are followed relative to it.
 * Keeping references as references (rather than inlining them, as Prism's dereferencing does) keeps recursive
 * schemas finite; the answers and violations are the same.
 *
 * <p>Why not swagger-parser's resolver: it resolves into its own model only, renames components on collisions
 * and drops what its model does not know (vendor extensions in some places), while the tree must stay the
 * document as written.
 */
final class ReferenceBundler {
    /** Where the referenced files go inside {@code components}. */
    static final String BUNDLE_KEY = "x-bundled";
    // A spec reaching more files than this is a mistake (or a loop of generated files), not a contract.
    private static final int MAX_FILES = 500;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String source;
    private final URI rootFile;
    private final Map<URI, String> keys = new LinkedHashMap<>();
    private final Map<String, JsonNode> bundled = new LinkedHashMap<>();
    private final Deque<URI> pending = new ArrayDeque<>();
    private final List<String> problems = new ArrayList<>();

    private ReferenceBundler(String source, URI rootFile) {
        this.source = source;
        this.rootFile = rootFile;
    }

    /**
     * {@code tree} itself when it has no external reference, else a copy with every referenced file bundled in.
     *
     * @param source   names the document in messages
     * @param tree     the document as parsed
     * @param rootFile the document's own location, against which references are resolved; null when it has none
     *                 (text given directly), and then relative references resolve against the working directory
     * @throws InvalidSpecException naming every reference that cannot be followed and why
     */
    static JsonNode bundle(String source, JsonNode tree, URI rootFile) {
        if (!hasExternalReference(tree)) {
            return tree;
        }
        URI base = rootFile != null ? rootFile : Path.of("").toAbsolutePath().resolve("openapi.yaml").toUri();
        return new ReferenceBundler(source, base).run(tree.deepCopy());
    }

    private JsonNode run(JsonNode root) {
        rewrite(root, rootFile, null, "");
        while (!pending.isEmpty() && problems.isEmpty()) {
            URI file = pending.removeFirst();
            String key = keys.get(file);
            rewrite(bundled.get(key), file, key, key);
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        ObjectNode components = root.path("components").isObject() ? (ObjectNode) root.get("components")
                : ((ObjectNode) root).putObject("components");
        components.set(BUNDLE_KEY, YAML.valueToTree(bundled));
        return root;
    }

    // Rewrites every $ref below `node`, which belongs to `file` (bundled under `key`, or the root when null).
    private void rewrite(JsonNode node, URI file, String key, String where) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                ((ObjectNode) node).set("$ref", TextNode.valueOf(localised(ref.textValue(), file, key, where)));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getKey().equals("$ref")) {
                    rewrite(field.getValue(), file, key, where.isEmpty() ? field.getKey() : where + "." + field.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rewrite(node.get(i), file, key, where + "[" + i + "]");
            }
        }
    }

    private String localised(String ref, URI file, String key, String where) {
        int hash = ref.indexOf('#');
        String target = hash < 0 ? ref : ref.substring(0, hash);
        String pointer;
        try {
            pointer = hash < 0 ? "" : decode(ref.substring(hash + 1));
        } catch (IllegalArgumentException badEscape) {
            problems.add(where + ": $ref '" + ref + "' has a malformed %-escape in its fragment (write % as %25)");
            return ref;
        }
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            problems.add(where + ": $ref '" + ref + "' has a fragment that is not a JSON pointer (#/...)");
            return ref;
        }
        if (target.isEmpty()) {
            return key == null ? ref : "#" + bundlePointer(key) + pointer;
        }
        URI resolved;
        try {
            resolved = file.resolve(new URI(null, null, target, null)).normalize();
        } catch (java.net.URISyntaxException | IllegalArgumentException malformed) {
            problems.add(where + ": $ref '" + ref + "' is not a usable file reference: " + malformed.getMessage());
            return ref;
        }
        if (!"file".equals(resolved.getScheme())) {
            problems.add(where + ": $ref '" + ref + "' points outside the local files; remote references are not"
                    + " fetched (save the file beside the spec and refer to it by a relative path)");
            return ref;
        }
        String targetKey = keys.get(resolved);
        if (targetKey == null) {
            targetKey = load(resolved, ref, where);
            if (targetKey == null) {
                return ref;
            }
        }
        if (!pointer.isEmpty() && bundled.get(targetKey).at(pointer).isMissingNode()) {
            problems.add(where + ": $ref '" + ref + "' points to nothing: " + targetKey + " has no " + pointer);
        }
        return "#" + bundlePointer(targetKey) + pointer;
    }

    private String load(URI file, String ref, String where) {
        if (keys.size() >= MAX_FILES) {
            problems.add(where + ": $ref '" + ref + "' would bring in more than " + MAX_FILES + " files");
            return null;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            problems.add(where + ": $ref '" + ref + "' points to " + path + ", which is not a file");
            return null;
        }
        JsonNode document;
        try {
            document = YAML.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JsonProcessingException notYaml) {
            problems.add(where + ": $ref '" + ref + "': " + path + " is not YAML or JSON: "
                    + notYaml.getOriginalMessage());
            return null;
        } catch (IOException unreadable) {
            problems.add(where + ": $ref '" + ref + "': " + path + " cannot be read: " + unreadable.getMessage());
            return null;
        }
        if (document == null || document.isMissingNode()) {
            problems.add(where + ": $ref '" + ref + "': " + path + " is empty");
            return null;
        }
        String key = keyOf(file);
        keys.put(file, key);
        bundled.put(key, document);
        pending.addLast(file);
        return key;
    }

    // The file's path relative to the root file's folder: readable in violation messages and stable.
    private String keyOf(URI file) {
        Path folder = Path.of(rootFile).getParent();
        String relative = folder == null ? Path.of(file).toString() : folder.relativize(Path.of(file)).toString();
        String key = relative.replace('\\', '/');
        String unique = key;
        for (int n = 2; bundled.containsKey(unique); n++) {
            unique = key + "#" + n;
        }
        return unique;
    }

    private static String bundlePointer(String key) {
        return "/components/" + BUNDLE_KEY + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    private static String decode(String fragment) {
        return fragment.indexOf('%') < 0 ? fragment : URLDecoder.decode(fragment.replace("+", "%2B"),
                StandardCharsets.UTF_8);
    }

    private static boolean hasExternalReference(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.textValue().startsWith("#")) {
                return true;
            }
            for (JsonNode child : node) {
                if (hasExternalReference(child)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasExternalReference(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
