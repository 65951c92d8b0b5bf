package io.github.paynetsavecard.mock.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.mock.engine.MockResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The RFC 7807 body of the server's own problem answers: the HTTP layer's before a request reaches the engine (body
 * too large, headers too large, malformed HTTP), the contract pages' and the fault header's refusals. The engine's
 * own problems look the same, so a client sees one error format.
 */
final class HttpProblem {
    static final String CONTENT_TYPE = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblem() {
    }

    /** The problem as an answer of the mock's own: {@code extraHeaders} first, then problem+json, never cached. */
    static MockResponse response(int status, String detail, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("Cache-Control", "no-store");
        return new MockResponse(status, headers, json(status, detail));
    }

    static byte[] json(int status, String detail) {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", HttpStatus.getMessage(status))
                .put("status", status)
                .put("detail", detail);
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON object node", e);
        }
    }
}
