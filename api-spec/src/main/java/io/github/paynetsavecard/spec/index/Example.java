package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A named example of a media type. A media type's single {@code example} (or its schema's) is named
 * {@code default}, as in Prism.
 *
 * @param key   the name {@code Prefer: example=} selects
 * @param value the example's value; empty for an example with only an {@code externalValue}
 */
public record Example(String key, Optional<JsonNode> value) {
    /**
     * Checks the components: no component may be null.
     *
     * @param key   the example's name; not null
     * @param value the example's value, or empty; not null
     */
    public Example {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(value, "value == null");
    }
}
