package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.paynetsavecard.mock.engine.RequestRule;
import io.github.paynetsavecard.mock.engine.RuleContext;
import io.github.paynetsavecard.mock.engine.RuleOutcome;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Paynet mode's answers to valid Auth, save_card and charge calls: the session's state picks the spec's example
 * ({@code x-paynet-state-answers}), and the session's own values (its id, expiry date, the charge's card-save
 * report) replace the example's. A request that forces an answer ({@code Prefer: code=}/{@code example=}) is left
 * to the spec and changes nothing.
 */
final class PaynetRules implements RequestRule {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PaynetContract contract;
    private final SessionStore store;
    private final PaynetSwitches switches;
    private final HostedPageTexts texts;
    private final DateTimeFormatter expireDate;

    PaynetRules(PaynetContract contract, SessionStore store, PaynetSwitches switches, HostedPageTexts texts,
                SessionFormat format) {
        this.contract = contract;
        this.store = store;
        this.switches = switches;
        this.texts = texts;
        this.expireDate = DateTimeFormatter.ofPattern(format.expireDatePattern()).withZone(format.zone());
    }

    @Override
    public Optional<RuleOutcome> evaluate(RuleContext call) {
        if (call.explicitPreference() || call.body().isEmpty() || !call.body().get().isObject()) {
            return Optional.empty();
        }
        JsonNode body = call.body().get();
        return switch (call.operationId()) {
            case PaynetContract.CREATE_SESSION -> Optional.of(auth(body));
            case PaynetContract.SAVE_CARD -> Optional.of(saveCard(body));
            case PaynetContract.CHARGE -> contract.has(PaynetContract.CHARGE) ? Optional.of(charge(body))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private RuleOutcome auth(JsonNode body) {
        Session session = store.create(body.path("amount").asLong(), CardStorageFields.of(body));
        return answer(PaynetContract.CREATE_SESSION, PaynetContract.STARTED)
                .withField("session_id", TextNode.valueOf(session.id()))
                .withField("expire_date", TextNode.valueOf(expireDate.format(session.expiresAt())));
    }

    private RuleOutcome saveCard(JsonNode body) {
        String id = body.path("session_id").asText();
        JsonNode cardDesc = body.get("card_desc");
        SessionStore.Change change = store.saveCard(id, cardDesc == null ? null : cardDesc.asText(),
                body.hasNonNull("user_gsm"), switches.otpRequired());
        RuleOutcome.Select answer = change.accepted()
                ? answer(PaynetContract.SAVE_CARD,
                        cardDesc == null ? PaynetContract.HOSTED_PAGE_ANSWER : PaynetContract.DESCRIBED)
                : rejection(PaynetContract.SAVE_CARD, change.refusal());
        return echo(PaynetContract.SAVE_CARD, answer, id);
    }

    private RuleOutcome charge(JsonNode body) {
        String id = body.path("session_id").asText();
        SessionStore.Charge charge = store.charge(id);
        if (charge.refusal() != null) {
            return echo(PaynetContract.CHARGE, rejection(PaynetContract.CHARGE, charge.refusal()), id);
        }
        RecordedCharge result = charge.result();
        String key = charge.repeated() ? PaynetContract.REPEATED_CHARGE : result.save().answerKey();
        PaynetContract.Answer declared = contract.answer(PaynetContract.CHARGE, key).orElseThrow();
        RuleOutcome.Select answer = declared.select()
                .withField("id", typed("id", result.transactionId()))
                // The mock has no bank and no transaction number: the example's would describe another payment.
                .withoutField("xact_id").withoutField("card_bank_id");
        if (result.save() == RecordedCharge.CardSave.NOT_REQUESTED) {
            answer = answer.withoutField("is_save_card_succeed").withoutField("save_card_result_message")
                    .withoutField("card_owner_id").withoutField("card_hash");
        } else {
            boolean saved = result.save() == RecordedCharge.CardSave.SAVED;
            answer = answer.withField("is_save_card_succeed", BooleanNode.valueOf(saved));
            answer = saved
                    ? answer.withField("card_owner_id", typed("card_owner_id", result.cardOwnerId()))
                            .withField("card_hash", typed("card_hash", result.cardHash()))
                            .withoutField("save_card_result_message")
                    : withResultMessage(answer, declared, result.save())
                            .withoutField("card_owner_id").withoutField("card_hash");
        }
        answer = result.userUniqueId() == null ? answer.withoutField("user_unique_id")
                : answer.withField("user_unique_id", typed("user_unique_id", result.userUniqueId()));
        return echo(PaynetContract.CHARGE, answer, id);
    }

    /** The hosted page's text for why the card was not stored; the example's own when the spec names none. */
    private RuleOutcome.Select withResultMessage(RuleOutcome.Select answer, PaynetContract.Answer declared,
                                                 RecordedCharge.CardSave save) {
        Optional<String> key = declared.resultMessage();
        if (key.isEmpty() && save == RecordedCharge.CardSave.PAGE_NOT_COMPLETED) {
            key = contract.answer(PaynetContract.CHARGE, PaynetContract.PAGE_NOT_COMPLETED)
                    .flatMap(PaynetContract.Answer::resultMessage);
        }
        if (key.isEmpty() && save == RecordedCharge.CardSave.DECLINED) {
            key = contract.answer(PaynetContract.CHARGE, PaynetContract.CARD_DECLINED)
                    .flatMap(PaynetContract.Answer::resultMessage);
        }
        return key.flatMap(texts::saveCardResultMessage)
                .map(message -> answer.withField("save_card_result_message", TextNode.valueOf(message)))
                .orElse(answer);
    }

    private RuleOutcome.Select rejection(String operationId, Refusal refusal) {
        String key = switch (refusal) {
            case USED_SESSION -> PaynetContract.USED_SESSION;
            case EXPIRED_SESSION -> PaynetContract.EXPIRED_SESSION;
            case GSM_REQUIRED -> PaynetContract.OTP_GSM_MISSING;
            case NO_SESSION, NO_HOSTED_PAGE -> PaynetContract.UNKNOWN_SESSION;
        };
        boolean alternative = refusal == Refusal.EXPIRED_SESSION
                && switches.expiredSession() == ExpiredSessionAnswer.ALTERNATIVE;
        // PaynetContract.of checked that every rejection the rules give is declared on both channels.
        return contract.rejection(operationId, key, switches.errorChannel(), alternative)
                .or(() -> contract.rejection(operationId, key, switches.errorChannel(), false))
                .orElseThrow()
                .select();
    }

    /** Where the operation echoes the session and the answer is a 200 (Error objects carry none), the real id. */
    private RuleOutcome.Select echo(String operationId, RuleOutcome.Select answer, String sessionId) {
        if (!contract.echoesSessionId(operationId) || answer.status().orElse(200) != 200) {
            return answer;
        }
        return answer.withField("session_id", TextNode.valueOf(sessionId));
    }

    private RuleOutcome.Select answer(String operationId, String key) {
        return contract.answer(operationId, key).orElseThrow().select();
    }

    private JsonNode typed(String field, String value) {
        String type = contract.responseFieldType(PaynetContract.CHARGE, field).orElse("string");
        if (type.equals("integer") && !value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            return NODES.numberNode(Long.parseLong(value));
        }
        return TextNode.valueOf(value);
    }
}
