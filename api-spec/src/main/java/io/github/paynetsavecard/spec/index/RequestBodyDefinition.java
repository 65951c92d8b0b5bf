package io.github.paynetsavecard.spec.index;

import java.util.List;

/**
 * An operation's request body.
 *
 * @param required whether a request without a body is invalid
 * @param contents the media types it accepts, in spec order
 */
public record RequestBodyDefinition(boolean required, List<Content> contents) {
    /**
     * Checks the components: collections are copied, so the value never changes under its user.
     *
     * @param required whether a request without a body is invalid
     * @param contents the media types it accepts, in spec order; not null, copied
     */
    public RequestBodyDefinition {
        contents = List.copyOf(contents);
    }
}
