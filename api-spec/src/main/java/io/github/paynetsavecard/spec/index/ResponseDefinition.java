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
     *
     * @param code        the key as written; not null
     * @param headers     the declared headers; not null, copied
     * @param headerCheck the validator of the headers sent; not null
     * @param contents    the media types in spec order; not null, copied
     */
    public ResponseDefinition {
        Objects.requireNonNull(code, "code == null");
        headers = List.copyOf(headers);
        Objects.requireNonNull(headerCheck, "headerCheck == null");
        contents = List.copyOf(contents);
    }

    /**
     * The same response served under another status, as Prism does for {@code default} and {@code 4XX}.
     *
     * @param newCode the status to serve it under, e.g. {@code 404} for a {@code 4XX} response; not null
     * @return a copy with {@code newCode} as its code and the same headers and contents
     */
    public ResponseDefinition withCode(String newCode) {
        return new ResponseDefinition(newCode, headers, headerCheck, contents);
    }

    /**
     * The first media type with examples, which Prism uses to answer an invalid request.
     *
     * @return the first content in spec order that has at least one example, or empty when none has
     */
    public Optional<Content> firstContentWithExamples() {
        return contents.stream().filter(content -> !content.examples().isEmpty()).findFirst();
    }
}
