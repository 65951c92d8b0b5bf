package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's one JSON writer: every body and header value it writes as JSON goes through it. */
final class EngineJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private EngineJson() {
    }

    static byte[] write(JsonNode value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException impossible) {
            // A tree of Jackson nodes always serialises; this would be a bug in Jackson.
            throw new IllegalStateException("Cannot write JSON", impossible);
        }
    }
}
