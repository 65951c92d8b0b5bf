package io.github.paynetsavecard.mock.engine;

import io.github.paynetsavecard.spec.index.ResponseDefinition;
import java.util.Objects;
import java.util.Optional;

/** The outcome of choosing a response: a declared response to render, or a Prism problem. */
sealed interface Selection {
    /**
     * Render {@code response} with {@code status}.
     *
     * @param mediaType the {@code Content-Type} to send; empty to send none
     * @param body      where the body comes from
     */
    record Chosen(int status, ResponseDefinition response, Optional<String> mediaType, BodyChoice body)
            implements Selection {
        public Chosen {
            Objects.requireNonNull(response, "response == null");
            Objects.requireNonNull(mediaType, "mediaType == null");
            Objects.requireNonNull(body, "body == null");
        }

        /** This choice with another body. */
        public Chosen withBody(BodyChoice other) {
            return new Chosen(status, response, mediaType, other);
        }
    }

    /** Answer with Prism's problem instead. */
    record Failed(Problem problem) implements Selection {
        public Failed {
            Objects.requireNonNull(problem, "problem == null");
        }
    }
}
