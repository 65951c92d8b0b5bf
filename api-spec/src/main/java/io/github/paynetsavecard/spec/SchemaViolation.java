package io.github.paynetsavecard.spec;

import java.util.List;
import java.util.Objects;

/**
 * One way in which a value breaks a schema, in the vocabulary Stoplight Prism reports (AJV's).
 *
 * @param path    the instance path segments where the error is, e.g. {@code ["user_gsm"]}; empty for the root.
 *                As in AJV, a missing required property is reported at the object that lacks it.
 * @param keyword the JSON-Schema keyword that failed: {@code required}, {@code pattern}, {@code type},
 *                {@code minLength}, {@code enum}, ... (Prism's {@code code})
 * @param message a human-readable sentence, worded like AJV's where the keyword is common
 */
public record SchemaViolation(List<String> path, String keyword, String message) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param path    the instance path segments, empty for the root; not null, copied
     * @param keyword the JSON-Schema keyword that failed; not null
     * @param message the human-readable sentence; not null
     */
    public SchemaViolation {
        path = List.copyOf(path);
        Objects.requireNonNull(keyword, "keyword == null");
        Objects.requireNonNull(message, "message == null");
    }

    /**
     * The path as a JSON pointer, e.g. {@code /user_gsm}; empty for the root.
     *
     * @return the RFC 6901 pointer, {@code ~} and {@code /} in segments escaped as {@code ~0} and {@code ~1}
     */
    public String pointer() {
        StringBuilder pointer = new StringBuilder();
        for (String segment : path) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "$" : "$." + String.join(".", path)) + ": " + message;
    }
}
