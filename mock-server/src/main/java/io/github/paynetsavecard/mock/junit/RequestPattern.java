package io.github.paynetsavecard.mock.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.paynetsavecard.client.Redaction;
import io.github.paynetsavecard.mock.ReceivedRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which received requests an assertion counts: an operation of the spec, narrowed by body fields and headers.
 * Immutable; each {@code with...} returns a narrower pattern. Start one with {@link PaynetMockAssertions#saveCard()},
 * {@link PaynetMockAssertions#auth()}, {@link PaynetMockAssertions#charge()},
 * {@link PaynetMockAssertions#operation(String)} or {@link PaynetMockAssertions#anyRequest()}.
 *
 * <pre>{@code
 * saveCard().withSessionId(session).withCardDescription("onur ozdemir")
 * saveCard().withSessionId(session).withoutCardDescription()        // the hosted-page branch
 * anyRequest().withHeader("Authorization", "Basic sck_test")
 * }</pre>
 */
public final class RequestPattern {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Redaction REDACTION = Redaction.unknownSchemes();

    private final List<String> description;
    private final Predicate<ReceivedRequest> condition;

    private RequestPattern(List<String> description, Predicate<ReceivedRequest> condition) {
        this.description = List.copyOf(description);
        this.condition = condition;
    }

    /** Requests of the spec's operation with this {@code operationId}. */
    static RequestPattern ofOperation(String operationId) {
        Objects.requireNonNull(operationId, "operationId == null");
        return new RequestPattern(List.of(operationId + " requests"),
                request -> request.operationId().filter(operationId::equals).isPresent());
    }

    /** Requests of any kind, also to paths the spec does not have. */
    static RequestPattern any() {
        return new RequestPattern(List.of("requests"), request -> true);
    }

    /**
     * Those whose JSON body has {@code session_id} equal to {@code sessionId}.
     *
     * @param sessionId the session id, compared exactly; not null (shown shortened in messages)
     * @return a narrower pattern; this one is unchanged
     */
    public RequestPattern withSessionId(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId == null");
        return narrowed("with session_id " + Redaction.sessionId(sessionId),
                request -> sessionId.equals(textField(request, "session_id")));
    }

    /**
     * Those whose JSON body has {@code card_desc} equal to {@code cardDescription}.
     *
     * @param cardDescription the description, compared exactly; not null (never shown in messages)
     * @return a narrower pattern; this one is unchanged
     */
    public RequestPattern withCardDescription(String cardDescription) {
        Objects.requireNonNull(cardDescription, "cardDescription == null");
        return narrowed("with card_desc <redacted>",
                request -> cardDescription.equals(textField(request, "card_desc")));
    }

    /**
     * Those without {@code card_desc}: save_card's hosted-page branch.
     *
     * @return a narrower pattern; this one is unchanged
     */
    public RequestPattern withoutCardDescription() {
        return withoutBodyField("card_desc");
    }

    /**
     * Those whose JSON body has the top-level field {@code name} with a plain value whose text is {@code value}.
     *
     * @param name  a top-level field of the body, e.g. {@code amount}; not null
     * @param value its text, compared exactly ({@code "1000"} matches the number 1000 too); not null
     * @return a narrower pattern; this one is unchanged
     */
    public RequestPattern withBodyField(String name, String value) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null; for a field that must be absent use withoutBodyField");
        String shown = REDACTION.text(JSON.createObjectNode().put(name, value).toString());
        return narrowed("with body field " + shown, request -> value.equals(textField(request, name)));
    }

    /**
     * Those whose JSON body lacks the top-level field {@code name} (or has it as null).
     *
     * @param name a top-level field of the body; not null
     * @return a narrower pattern; this one is unchanged (a body that is not JSON lacks every field)
     */
    public RequestPattern withoutBodyField(String name) {
        Objects.requireNonNull(name, "name == null");
        return narrowed("without " + name, request -> {
            JsonNode field = body(request).path(name);
            return field.isMissingNode() || field.isNull();
        });
    }

    /**
     * Those with the header {@code name} (any case) whose first value is {@code value}.
     *
     * @param name  a header name, compared ignoring case; not null
     * @param value the first value, compared exactly; not null (redacted in messages when it is a credential)
     * @return a narrower pattern; this one is unchanged
     */
    public RequestPattern withHeader(String name, String value) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(value, "value == null");
        return narrowed("with header " + name + ": " + REDACTION.header(name, value),
                request -> request.header(name).filter(value::equals).isPresent());
    }

    /**
     * Those that satisfy {@code condition}, named {@code description} in a failure message.
     *
     * @param description what the condition checks, shown as written (never put a secret in it); not null
     * @param condition   tested on each received request; not null
     * @return a narrower pattern; this one is unchanged
     */
    public RequestPattern matching(String description, Predicate<ReceivedRequest> condition) {
        Objects.requireNonNull(description, "description == null");
        Objects.requireNonNull(condition, "condition == null");
        return narrowed(description, condition);
    }

    boolean matches(ReceivedRequest request) {
        return condition.test(request);
    }

    @Override
    public String toString() {
        return String.join(" ", description);
    }

    private RequestPattern narrowed(String step, Predicate<ReceivedRequest> more) {
        List<String> steps = new ArrayList<>(description);
        steps.add(step);
        return new RequestPattern(steps, condition.and(more));
    }

    /** The text of a plain top-level field, or null when it is absent or not a plain value. */
    private static String textField(ReceivedRequest request, String name) {
        JsonNode value = body(request).path(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static JsonNode body(ReceivedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body == null ? JSON.missingNode() : body;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }
}
