package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/** The request body after reading, before validation. */
sealed interface RequestBody {
    /** The request has no body bytes. */
    record Absent() implements RequestBody {
    }

    /** A JSON body ({@code application/json} or {@code application/*+json}), parsed. */
    record Json(JsonNode value) implements RequestBody {
        public Json {
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** Any other body, as text. */
    record Text(String value) implements RequestBody {
        public Text {
            Objects.requireNonNull(value, "value == null");
        }
    }

    /** A body that could not be read: the answer is Prism's HTTP-layer 400 {@code {"error":{code,message}}}. */
    record Unreadable(String code, String message) implements RequestBody {
    }

    /** The JSON value, when the body is JSON. */
    default Optional<JsonNode> json() {
        return this instanceof Json json ? Optional.of(json.value()) : Optional.empty();
    }
}
