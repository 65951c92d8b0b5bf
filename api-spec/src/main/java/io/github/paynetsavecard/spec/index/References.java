package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Follows the document's local {@code $ref}s ({@code #/components/...}), as Prism does when it dereferences the
 * document before serving it. References to other files were already brought into the tree, as local ones, when
 * the document was loaded ({@code ReferenceBundler}): this is the project's one resolver of {@code $ref}s.
 */
public final class References {
    private static final int MAX_HOPS = 64;

    private final JsonNode root;

    /**
     * Resolves local references against {@code root}, the whole document.
     *
     * @param root the document's tree ({@code OpenApiDocument.tree()}), against which {@code #/...} pointers are
     *             followed; not null
     */
    public References(JsonNode root) {
        this.root = root;
    }

    /**
     * {@code node} itself, or what its {@code $ref} chain points to; a missing node when the chain is broken.
     *
     * @param node any node of the document; not null
     * @return {@code node} when it is no reference; else the end of its chain, or a {@code MissingNode} when the
     *         chain leaves the document, points nowhere or is longer than 64 hops (a cycle)
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hop = 0; hop < MAX_HOPS && current != null && isReference(current); hop++) {
            current = target(current.get("$ref").asText());
        }
        return current == null || isReference(current) ? MissingNode.getInstance() : current;
    }

    /**
     * A copy of {@code schema} with every reference replaced by its target, except a reference back into a schema
     * that is being copied (a cycle), which stays a {@code $ref}.
     *
     * @param schema a schema node of the document; not null, and never changed
     * @return a deep copy without references, except cyclic ones and ones that cannot be followed, which stay
     *         {@code $ref}s
     */
    public JsonNode inline(JsonNode schema) {
        return inline(schema, new ArrayDeque<>());
    }

    private JsonNode inline(JsonNode node, Deque<String> open) {
        if (isReference(node)) {
            String ref = node.get("$ref").asText();
            if (open.contains(ref)) {
                return node.deepCopy();
            }
            JsonNode target = target(ref);
            if (target == null) {
                return node.deepCopy();
            }
            open.push(ref);
            JsonNode copy = inline(target, open);
            open.pop();
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), inline(field.getValue(), open));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(inline(element, open)));
            return copy;
        }
        return node;
    }

    private static boolean isReference(JsonNode node) {
        return node.isObject() && node.has("$ref") && node.get("$ref").isTextual();
    }

    private JsonNode target(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        JsonNode target = root.at(ref.substring(1));
        return target.isMissingNode() ? null : target;
    }
}
