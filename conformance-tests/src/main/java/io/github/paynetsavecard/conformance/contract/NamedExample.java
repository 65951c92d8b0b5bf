package io.github.paynetsavecard.conformance.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A named example of the spec.
 *
 * @param status the response status it belongs to ({@code "200"}, {@code "400"}, ...); empty for a request example
 * @param name   its key in the spec's {@code examples} map
 * @param value  its value
 */
public record NamedExample(String status, String name, JsonNode value) {
    /**
     * Checks the components: no component may be null.
     *
     * @param status the response status, empty for a request example; not null
     * @param name   the example's key; not null
     * @param value  the example's value; not null
     */
    public NamedExample {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
    }

    @Override
    public String toString() {
        return status.isEmpty() ? name : status + " " + name;
    }
}
