package io.github.paynetsavecard.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.wire.RawRequest;
import io.github.paynetsavecard.spec.SchemaViolation;
import java.util.List;
import java.util.Optional;

/**
 * A save_card request the spec forbids, sent raw (the generated client would refuse to send most of them). Each is
 * built from the spec's first request example, changed in one way.
 */
enum NegativeRequest {
    MISSING_SESSION_ID("a missing session_id", "required") {
        @Override
        String body(ObjectNode example) {
            example.remove("session_id");
            return example.toString();
        }
    },
    WRONG_TYPE("session_id of the wrong type (a number)", "type") {
        @Override
        String body(ObjectNode example) {
            example.put("session_id", 12345);
            return example.toString();
        }
    },
    USER_GSM_BREAKING_THE_PATTERN("a user_gsm that breaks the pattern (leading 0, sent past the client's check)",
            "pattern") {
        @Override
        String body(ObjectNode example) {
            example.put("user_gsm", "05321234567");
            return example.toString();
        }
    },
    WRONG_CONTENT_TYPE("a wrong Content-Type (text/plain)", null) {
        @Override
        String contentType() {
            return "text/plain";
        }
    },
    MALFORMED_JSON("malformed JSON (the example cut short)", null) {
        @Override
        String body(ObjectNode example) {
            String json = example.toString();
            return json.substring(0, json.length() - 1);
        }
    };

    private final String description;
    private final String brokenKeyword;

    NegativeRequest(String description, String brokenKeyword) {
        this.description = description;
        this.brokenKeyword = brokenKeyword;
    }

    /** The body to send, from a copy of the spec's first request example. */
    String body(ObjectNode example) {
        return example.toString();
    }

    String contentType() {
        return "application/json";
    }

    /** The JSON-Schema keyword the body breaks, for negatives the request schema itself rules out. */
    Optional<String> brokenKeyword() {
        return Optional.ofNullable(brokenKeyword);
    }

    RawRequest request(OperationContract saveCard, Target target) {
        ObjectNode example = ((ObjectNode) saveCard.requestExamples().get(0).value()).deepCopy();
        return RawRequest.method(saveCard.method(), saveCard.path())
                .header("Authorization", target.authorization())
                .body(contentType(), body(example))
                .build();
    }

    /**
     * Proves the request really is negative by the spec's own schema, so that a spec change cannot quietly turn a
     * negative check into a positive one.
     */
    void assertBreaksTheSchema(OperationContract saveCard, JsonNode body) {
        if (brokenKeyword == null) {
            return;
        }
        List<SchemaViolation> violations = saveCard.requestViolations(body);
        if (violations.stream().noneMatch(violation -> violation.keyword().equals(brokenKeyword))) {
            throw new AssertionError("The negative request \"" + description + "\" does not break `" + brokenKeyword
                    + "` of the spec's request schema (violations: " + violations + "); update the check");
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
