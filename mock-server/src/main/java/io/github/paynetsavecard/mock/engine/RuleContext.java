package io.github.paynetsavecard.mock.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.client.Redaction;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RequestRule} knows about a valid request. {@link #toString()} redacts as {@link MockRequest} does.
 *
 * @param request     the request as received
 * @param operationId the matched operation's {@code operationId}, or {@code METHOD path} when it has none
 * @param pathParameters the values of the path template's parameters, by name
 * @param body        the parsed JSON body, when the request has one
 * @param explicitPreference whether the client asked for a status or a named example itself ({@code Prefer:
 *                    code=}/{@code example=} or their {@code __} query forms); a stateful rule leaves such a
 *                    request to the spec, so that a test can force any answer
 */
public record RuleContext(MockRequest request, String operationId, Map<String, String> pathParameters,
                          Optional<JsonNode> body, boolean explicitPreference) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param request            the request as received; not null
     * @param operationId        the matched operation's id; not null
     * @param pathParameters     the path parameters by name; not null, copied
     * @param body               the parsed JSON body, or empty; not null
     * @param explicitPreference whether the client asked for a status or an example itself
     */
    public RuleContext {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(operationId, "operationId == null");
        pathParameters = Map.copyOf(pathParameters);
        Objects.requireNonNull(body, "body == null");
    }

    @Override
    public String toString() {
        Redaction redaction = Redaction.unknownSchemes();
        StringBuilder parameters = new StringBuilder();
        pathParameters.forEach((name, value) -> parameters.append(parameters.length() == 0 ? "" : ", ")
                .append(name).append('=').append(redaction.text(value)));
        return "RuleContext[operationId=" + operationId + ", pathParameters={" + parameters + "}, body="
                + body.map(json -> redaction.text(json.toString())).orElse("(none)") + ", request=" + request + "]";
    }
}
