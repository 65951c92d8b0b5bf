package io.github.paynetsavecard.spec.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared response of an operation.
 *
 * @param code     the key as written: {@code 200}, {@code 4XX} or {@code default}
 * @param headers  the headers it declares
 * @param headerCheck validates the headers the engine sends with it
 * @param contents its media types, in spec order
 */
public record ResponseDefinition(String code, List<HeaderDefinition> headers, ParameterGroup headerCheck,
                                 List<Content> contents) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     */
    public ResponseDefinition {
        Objects.requireNonNull(code, "code == null");
        headers = List.copyOf(headers);
        Objects.requireNonNull(headerCheck, "headerCheck == null");
        contents = List.copyOf(contents);
    }

    /** The same response served under another status, as Prism does for {@code default} and {@code 4XX}. */
    public ResponseDefinition withCode(String newCode) {
        return new ResponseDefinition(newCode, headers, headerCheck, contents);
    }

    /** The first media type with examples, which Prism uses to answer an invalid request. */
    public Optional<Content> firstContentWithExamples() {
        return contents.stream().filter(content -> !content.examples().isEmpty()).findFirst();
    }
}
