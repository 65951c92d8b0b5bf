package io.github.paynetsavecard.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import io.github.paynetsavecard.conformance.contract.RuleViolation;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.spec.index.Content;
import java.util.List;
import java.util.Optional;

/**
 * What kind of server a target is, which decides what "an error body that follows the spec" means and which
 * checks apply.
 */
public enum TargetKind {
    /**
     * Our mock or Stoplight Prism serving the spec. An error body follows the spec when it is the spec's declared
     * response for that status (valid against its schema), or when it is one of Prism's own documented answers to
     * what the spec cannot express: an RFC 7807 {@code application/problem+json} whose {@code type} is under
     * {@value #PRISM_ERRORS} and whose {@code status} is the HTTP status (unknown path, wrong method, undefined
     * {@code Prefer} code), or Prism's {@code {"error":{"code":"invalid_json"}}} answer to malformed JSON. The
     * {@code Authorization} check is presence only (Prism's apiKey rule), and {@code Prefer} picks responses.
     */
    PRISM_COMPATIBLE,

    /**
     * Paynet itself (or a proxy in front of it). An error body follows the spec when it is the declared response
     * for that status, or, for a status the spec does not declare, when it validates against the schema of the
     * spec's first declared 4xx response (Paynet's rule: "any other status carries an Error object").
     */
    PAYNET;

    /** Where Prism's problem types live; every Prism-generated error's {@code type} starts with it. */
    public static final String PRISM_ERRORS = "https://stoplight.io/prism/errors#";

    /**
     * Every rule the error answer of {@code exchange} breaks, judged as this kind of target.
     *
     * @param contract the operation the request was sent to; not null
     * @param exchange the request and the error answer it got; not null
     * @return the rules broken, empty when the answer follows the spec for this kind of target (for
     *         {@link #PRISM_COMPATIBLE}, also when it is one of Prism's own error forms)
     */
    public List<RuleViolation> errorViolations(OperationContract contract, Exchange exchange) {
        Exchange.WireResponse response = exchange.answer();
        if (this == PRISM_COMPATIBLE && isPrismOwnError(response)) {
            return List.of();
        }
        List<RuleViolation> declared = contract.violations(exchange);
        boolean undeclaredStatus = declared.size() == 1 && declared.get(0).rule().startsWith("the status is one");
        if (this == PAYNET && undeclaredStatus) {
            Optional<Content> errorContent = contract.errorContent();
            if (errorContent.isPresent()) {
                return contract.bodyViolations("Paynet's Error object (the spec's rule for a status it does not "
                        + "declare, here " + response.status() + ")", errorContent.get(), response);
            }
        }
        return declared;
    }

    /** Whether the answer is one of Prism's own error forms (see {@link #PRISM_COMPATIBLE}). */
    static boolean isPrismOwnError(Exchange.WireResponse response) {
        Optional<JsonNode> body = response.json();
        if (body.isEmpty()) {
            return false;
        }
        String mediaType = response.contentType().map(OperationContract::mediaType).orElse("");
        if (mediaType.equals("application/problem+json")) {
            return body.get().path("type").asText("").startsWith(PRISM_ERRORS)
                    && body.get().path("status").asInt(-1) == response.status();
        }
        return response.status() == 400 && body.get().path("error").path("code").asText("").equals("invalid_json");
    }
}
