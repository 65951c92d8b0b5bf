package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.paynetsavecard.mock.engine.RuleOutcome;
import io.github.paynetsavecard.spec.index.Operation;
import io.github.paynetsavecard.spec.index.SpecIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Paynet mode reads from the spec's index, once: for each operation it plays, the status and named example of each
 * state's answer and of each rejection on each error channel ({@code x-paynet-state-answers}), the channel of
 * Paynet's rule ({@code x-paynet-error-channel}) and the types of charge's fields. Only the keys of those extensions
 * are written here; codes, example names and texts come from the spec.
 */
final class PaynetContract {
    static final String CREATE_SESSION = "createSession";
    static final String SAVE_CARD = "saveCard";
    static final String CHARGE = "charge";

    static final String STATE_ANSWERS = "x-paynet-state-answers";
    static final String ERROR_CHANNEL = "x-paynet-error-channel";
    static final String HOSTED_PAGE = "x-paynet-hosted-page";

    /** Keys of {@code x-paynet-state-answers}: the answers to accepted calls. */
    static final String STARTED = "started";
    static final String DESCRIBED = "described";
    static final String HOSTED_PAGE_ANSWER = "hostedPage";
    static final String CARD_SAVED = "cardSaved";
    static final String PAGE_NOT_COMPLETED = "pageNotCompleted";
    static final String CARD_DECLINED = "cardDeclined";
    static final String NO_CARD_STORAGE = "noCardStorage";
    static final String REPEATED_CHARGE = "repeatedCharge";

    /** Keys of {@code x-paynet-state-answers.rejections}. */
    static final String UNKNOWN_SESSION = "unknownSession";
    static final String USED_SESSION = "usedSession";
    static final String EXPIRED_SESSION = "expiredSession";
    static final String OTP_GSM_MISSING = "otpGsmMissing";

    /** Used while the spec names no channel: PAYNET.md's general rule, "any other status: an Error object". */
    static final ErrorChannel FALLBACK_ERROR_CHANNEL = ErrorChannel.ERROR_OBJECT;

    private static final Map<String, List<String>> REQUIRED_ANSWERS = Map.of(
            CREATE_SESSION, List.of(STARTED),
            SAVE_CARD, List.of(DESCRIBED, HOSTED_PAGE_ANSWER),
            CHARGE, List.of(CARD_SAVED, PAGE_NOT_COMPLETED, CARD_DECLINED, NO_CARD_STORAGE, REPEATED_CHARGE));
    private static final Map<String, List<String>> REQUIRED_REJECTIONS = Map.of(
            CREATE_SESSION, List.of(),
            SAVE_CARD, List.of(UNKNOWN_SESSION, USED_SESSION, EXPIRED_SESSION, OTP_GSM_MISSING),
            CHARGE, List.of(UNKNOWN_SESSION, EXPIRED_SESSION));

    /**
     * A status and the name of one of its examples.
     *
     * @param resultMessage the key of {@code x-paynet-hosted-page.saveCardResultMessages} the answer reports, if any
     */
    record Answer(int status, String example, Optional<String> resultMessage) {
        RuleOutcome.Select select() {
            return RuleOutcome.select(status, example);
        }
    }

    private final SpecIndex index;
    /** The operations Paynet mode plays, by id, found once: the rules ask for them on every request. */
    private final Map<String, Operation> played;

    private PaynetContract(SpecIndex index) {
        this.index = index;
        Map<String, Operation> found = new HashMap<>();
        for (String operationId : List.of(CREATE_SESSION, SAVE_CARD, CHARGE)) {
            index.operation(operationId).ifPresent(operation -> found.put(operationId, operation));
        }
        this.played = Map.copyOf(found);
    }

    /**
     * Reads {@code spec} for Paynet mode.
     *
     * @throws IllegalArgumentException when the spec lacks an answer Paynet mode needs (Auth and save_card are
     *                                  required, charge optional); the message names every gap
     */
    static PaynetContract of(SpecIndex spec) {
        PaynetContract contract = new PaynetContract(spec);
        List<String> missing = new ArrayList<>();
        for (String operationId : List.of(CREATE_SESSION, SAVE_CARD, CHARGE)) {
            if (!contract.has(operationId)) {
                if (!operationId.equals(CHARGE)) {
                    missing.add("an operation with operationId " + operationId);
                }
                continue;
            }
            for (String key : REQUIRED_ANSWERS.get(operationId)) {
                contract.check(operationId, key, contract.answer(operationId, key), missing);
            }
            for (String key : REQUIRED_REJECTIONS.get(operationId)) {
                for (ErrorChannel channel : ErrorChannel.values()) {
                    contract.check(operationId, "rejections." + key + "." + channel.flag(),
                            contract.rejection(operationId, key, channel, false), missing);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Paynet mode cannot play " + spec.document().source() + ": it lacks "
                    + String.join("; ", missing) + ". Add them to the spec, or serve it with --mode prism.");
        }
        return contract;
    }

    /** Notes a gap when the answer is not declared, or names an example the spec does not have. */
    private void check(String operationId, String key, Optional<Answer> answer, List<String> missing) {
        String where = operationId + "." + STATE_ANSWERS + "." + key;
        if (answer.isEmpty()) {
            missing.add(where + " {status, example}");
            return;
        }
        boolean found = played.get(operationId).response(String.valueOf(answer.get().status()))
                .map(response -> response.contents().stream()
                        .anyMatch(content -> content.example(answer.get().example()).isPresent()))
                .orElse(false);
        if (!found) {
            missing.add("the example " + answer.get().example() + " of the " + answer.get().status()
                    + " answer that " + where + " names");
        }
    }

    /** Whether the spec has {@code operationId}, one of the three operations Paynet mode plays. */
    boolean has(String operationId) {
        return played.containsKey(operationId);
    }

    /** The channel the spec names as Paynet's rule, or {@link #FALLBACK_ERROR_CHANNEL}. */
    ErrorChannel defaultErrorChannel() {
        return ErrorChannel.fromFlag(index.extension(ERROR_CHANNEL).map(JsonNode::asText).orElse(null))
                .orElse(FALLBACK_ERROR_CHANNEL);
    }

    /** Whether the operation's answers echo the request's {@code session_id} ({@code echoes: session_id}). */
    boolean echoesSessionId(String operationId) {
        return stateAnswers(operationId).path("echoes").asText("").equals("session_id");
    }

    /** The operation's answer for an accepted call in the state {@code key}. */
    Optional<Answer> answer(String operationId, String key) {
        return answerAt(stateAnswers(operationId).path(key));
    }

    /**
     * The operation's answer for the rejection {@code key} on {@code channel}; {@code alternative} picks the
     * rejection's {@code alternative} reading where the spec gives one (e.g. 22 for an expired session).
     */
    Optional<Answer> rejection(String operationId, String key, ErrorChannel channel, boolean alternative) {
        JsonNode rejection = stateAnswers(operationId).path("rejections").path(key);
        if (alternative && rejection.has("alternative")) {
            rejection = rejection.path("alternative");
        }
        return answerAt(rejection.path(channel.flag()));
    }

    /** The {@code x-...} extension of {@code operationId}, one of the three played; else a missing node. */
    JsonNode extension(String operationId, String name) {
        return Optional.ofNullable(played.get(operationId)).flatMap(operation -> operation.extension(name))
                .orElse(MissingNode.getInstance());
    }

    /** The JSON type the schema of a top-level field of the operation's 200 answer declares, e.g. "integer". */
    Optional<String> responseFieldType(String operationId, String field) {
        // The index's schemas have their references inlined.
        return Optional.ofNullable(played.get(operationId)).flatMap(operation -> operation.response("200")).stream()
                .flatMap(ok -> ok.contents().stream())
                .flatMap(content -> content.schema().stream())
                .map(schema -> schema.path("properties").path(field).path("type"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .findFirst();
    }

    private JsonNode stateAnswers(String operationId) {
        return extension(operationId, STATE_ANSWERS);
    }

    private static Optional<Answer> answerAt(JsonNode node) {
        if (!node.path("status").canConvertToInt() || !node.path("example").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new Answer(node.path("status").asInt(), node.path("example").asText(),
                Optional.ofNullable(node.path("resultMessage").asText(null))));
    }

}
