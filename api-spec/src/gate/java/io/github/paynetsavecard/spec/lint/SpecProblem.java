package io.github.paynetsavecard.spec.lint;

import java.util.Objects;

/**
 * One thing wrong with an OpenAPI document that the parser accepts.
 *
 * @param location where in the document, as the dotted path of YAML keys, e.g.
 *                 {@code paths./v1/paynetj/save_card.post.responses.200.content.application/json.examples.saved}
 * @param message  what is wrong there, e.g. {@code $.code: must be integer}
 */
public record SpecProblem(String location, String message) {
    public SpecProblem {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
