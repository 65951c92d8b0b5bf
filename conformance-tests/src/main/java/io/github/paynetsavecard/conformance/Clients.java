package io.github.paynetsavecard.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.paynetsavecard.client.CreateSessionRequest;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetEnvironment;
import io.github.paynetsavecard.client.PaynetSession;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import io.github.paynetsavecard.conformance.wire.Exchange;
import io.github.paynetsavecard.conformance.wire.ExchangeRecorder;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;

/** The generated client pointed at a target, and what its typed outcomes should be for a given answer. */
final class Clients {
    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private Clients() {
    }

    /** A client for {@code target} whose every exchange {@code recorder} keeps. */
    static PaynetClient of(Target target, ExchangeRecorder recorder) {
        return of(target, recorder, READ_TIMEOUT, Optional.empty());
    }

    /**
     * A client for {@code target} with the given read timeout; {@code prefer}, when present, is sent as the
     * {@code Prefer} header on every request (how a Prism-compatible mock is asked for a response).
     */
    static PaynetClient of(Target target, ExchangeRecorder recorder, Duration readTimeout, Optional<String> prefer) {
        PaynetClient.Builder builder = PaynetClient.builder()
                .environment(PaynetEnvironment.of(target.baseUrl().toString()))
                .apiKey(target.apiKey())
                .readTimeout(readTimeout);
        prefer.ifPresent(value -> builder.addInterceptor(withHeader("Prefer", value)));
        return builder.addInterceptor(recorder).build();
    }

    /** Sends one save_card request with a client used for that request only. */
    static SaveCardOutcome saveCard(Target target, ExchangeRecorder recorder, SaveCardRequest request) {
        try (PaynetClient client = of(target, recorder)) {
            return client.saveCard(request);
        }
    }

    /** The request the spec's example describes. */
    static SaveCardRequest saveCardRequest(JsonNode example) {
        SaveCardRequest.Builder request = SaveCardRequest.builder().sessionId(example.path("session_id").asText());
        if (example.hasNonNull("card_desc")) {
            request.cardDescription(example.path("card_desc").asText());
        }
        if (example.hasNonNull("user_gsm")) {
            request.userGsm(example.path("user_gsm").asText());
        }
        return request.build();
    }

    /**
     * The Auth request the spec's example describes; an error naming the field when the example has one the
     * client cannot send (the check would no longer send the example).
     */
    static CreateSessionRequest createSessionRequest(JsonNode example) {
        CreateSessionRequest.Builder request = CreateSessionRequest.builder();
        example.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "amount" -> request.amount(value.asLong());
                case "reference_no" -> request.referenceNo(value.asText());
                case "agent_id" -> request.agentId(value.asText());
                case "add_commission" -> request.addCommission(value.asBoolean());
                case "pos_type" -> request.posType(posType(value.asText()));
                case "ratio_code" -> request.ratioCode(value.asText());
                case "save_card" -> request.saveCard(value.asBoolean());
                case "card_desc" -> request.cardDescription(value.asText());
                case "user_unique_id" -> request.userUniqueId(value.asText());
                case "card_owner_id" -> request.cardOwnerId(value.asText());
                case "user_gsm_no" -> request.userGsmNo(value.asText());
                default -> throw new AssertionError("the client's CreateSessionRequest cannot send `"
                        + field.getKey() + "` of the spec's example " + example);
            }
        });
        return request.build();
    }

    private static CreateSessionRequest.PosType posType(String wire) {
        for (CreateSessionRequest.PosType posType : CreateSessionRequest.PosType.values()) {
            if (posType.wireValue().equals(wire)) {
                return posType;
            }
        }
        throw new AssertionError("the client's CreateSessionRequest cannot send pos_type \"" + wire + "\"");
    }

    /** What the client must report for an Auth answer, in {@link #describe(PaynetSession)} form. */
    static String expectedSession(Exchange.WireResponse response) {
        JsonNode body = response.json().orElseGet(MissingNode::getInstance);
        int code = response.status() / 100 == 2 ? body.path("code").asInt(0) : body.path("result_code").asInt(-1);
        String sessionId = body.path("session_id").isTextual() ? body.path("session_id").asText() : "none";
        // "session_id=..." so that the redaction policy shortens the id wherever this text is shown.
        return "code " + code + ", session_id=" + sessionId + " (HTTP " + response.status() + ")";
    }

    /** An Auth outcome in words, comparable with {@link #expectedSession}. */
    static String describe(PaynetSession session) {
        return "code " + session.code().value() + ", session_id=" + session.sessionId().orElse("none") + " (HTTP "
                + session.httpStatus() + ")";
    }

    /**
     * The outcome the client must report for {@code response} to {@code request}, in {@link #describe} form:
     * code 0 is acknowledged (with card_desc) or awaiting the cardholder (without); any other 200 code, or an error's
     * {@code result_code}, is rejected with that code.
     */
    static String expectedOutcome(SaveCardRequest request, Exchange.WireResponse response) {
        JsonNode body = response.json().orElseGet(() -> MissingNode.getInstance());
        if (response.status() / 100 == 2) {
            int code = body.path("code").asInt(-1);
            if (code == 0) {
                return request.isHostedPage() ? "awaiting the cardholder" : "acknowledged";
            }
            return "rejected with code " + code + " (HTTP " + response.status() + ")";
        }
        return "rejected with code " + body.path("result_code").asInt(-1) + " (HTTP " + response.status() + ")";
    }

    /** An outcome in words, comparable with {@link #expectedOutcome}. */
    static String describe(SaveCardOutcome outcome) {
        if (outcome instanceof SaveCardOutcome.Acknowledged) {
            return "acknowledged";
        }
        if (outcome instanceof SaveCardOutcome.AwaitingCardholder) {
            return "awaiting the cardholder";
        }
        SaveCardOutcome.Rejected rejected = (SaveCardOutcome.Rejected) outcome;
        return "rejected with code " + rejected.code().value() + " (HTTP " + rejected.httpStatus() + ")";
    }

    private static Interceptor withHeader(String name, String value) {
        return chain -> chain.proceed(chain.request().newBuilder().header(name, value).build());
    }
}
