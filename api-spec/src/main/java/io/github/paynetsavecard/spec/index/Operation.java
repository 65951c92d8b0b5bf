package io.github.paynetsavecard.spec.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of the spec, read once when the engine is created.
 *
 * @param method         the HTTP method in lower case
 * @param path           the path template as written, e.g. {@code /users/{id}}
 * @param id             the {@code operationId}, or {@code METHOD path} when the spec gives none
 * @param deprecated     whether the operation is deprecated (Prism then adds {@code Deprecation: true})
 * @param security       the alternatives of security requirements; each alternative lists schemes that must all
 *                       be satisfied; empty when the operation is open
 * @param requestBody    the request body, if the operation declares one
 * @param pathParameters the path parameters
 * @param query          the query parameters
 * @param headers        the header parameters
 * @param responses      the declared responses, in spec order
 * @param extensions     the operation's {@code x-} keys, as written
 */
public record Operation(String method, String path, String id, boolean deprecated,
                        List<List<SecurityScheme>> security, Optional<RequestBodyDefinition> requestBody,
                        ParameterGroup pathParameters, ParameterGroup query, ParameterGroup headers,
                        List<ResponseDefinition> responses, Map<String, JsonNode> extensions) {
    /**
     * Checks the components: no component may be null; collections are copied, so the value never changes under its
     * user.
     *
     * @param method         the HTTP method in lower case; not null
     * @param path           the path template as written; not null
     * @param id             the {@code operationId} or {@code METHOD path}; not null
     * @param deprecated     whether the operation is deprecated
     * @param security       the alternatives of security requirements, empty when open; not null, copied
     * @param requestBody    the request body, or empty; not null
     * @param pathParameters the path parameters; not null
     * @param query          the query parameters; not null
     * @param headers        the header parameters; not null
     * @param responses      the declared responses in spec order; not null, copied
     * @param extensions     the {@code x-} keys as written; not null, copied
     */
    public Operation {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(id, "id == null");
        security = security.stream().map(List::copyOf).toList();
        Objects.requireNonNull(requestBody, "requestBody == null");
        Objects.requireNonNull(pathParameters, "pathParameters == null");
        Objects.requireNonNull(query, "query == null");
        Objects.requireNonNull(headers, "headers == null");
        responses = List.copyOf(responses);
        extensions = Map.copyOf(extensions);
    }

    /**
     * The declared response for {@code code} as written ({@code 200}, {@code 4XX}, {@code default}).
     *
     * @param code a response key, compared exactly as written ({@code 4XX}, not {@code 4xx}); not null
     * @return the response declared under that key, or empty; no range or {@code default} is tried
     */
    public Optional<ResponseDefinition> response(String code) {
        return responses.stream().filter(response -> response.code().equals(code)).findFirst();
    }

    /**
     * The response that applies to an answer with {@code status}: the exact code, else its range ({@code 4XX}),
     * else {@code default}.
     *
     * @param status an HTTP status code, 100 to 599
     * @return the most specific declared response, or empty when none of the three is declared
     */
    public Optional<ResponseDefinition> responseFor(int status) {
        String code = String.valueOf(status);
        return response(code).or(() -> response(code.charAt(0) + "XX")).or(() -> response("default"));
    }

    /**
     * The extension {@code name} ({@code x-...}) of this operation, when it has it.
     *
     * @param name the key with its {@code x-} prefix, e.g. {@code x-paynet-session-source}
     * @return its value as written, or empty when the operation has no such key
     */
    public Optional<JsonNode> extension(String name) {
        return Optional.ofNullable(extensions.get(name));
    }
}
