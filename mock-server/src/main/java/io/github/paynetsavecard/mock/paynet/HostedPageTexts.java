package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The texts and limits of the cardholder's page, all from save_card's {@code x-paynet-hosted-page}. A text the spec
 * lacks shows as its key in brackets (e.g. {@code [screen.title]}), so a gap in the spec is visible on the page
 * instead of being papered over with words the spec never said.
 */
final class HostedPageTexts {
    /** Used while the spec names no limit (screen.cardNameField.maxLength). */
    static final int FALLBACK_CARD_NAME_MAX_LENGTH = 50;
    /** Used while the spec names no language (screen.language): the language of Paynet's page. */
    static final String FALLBACK_LANGUAGE = "tr";

    private final JsonNode page;

    private HostedPageTexts(JsonNode page) {
        this.page = page;
    }

    static HostedPageTexts of(PaynetContract contract) {
        HostedPageTexts texts = new HostedPageTexts(contract.extension(PaynetContract.SAVE_CARD,
                PaynetContract.HOSTED_PAGE));
        int max = texts.cardNameMaxLength();
        if (max < 1) {
            throw new IllegalArgumentException("saveCard." + PaynetContract.HOSTED_PAGE
                    + ".screen.cardNameField.maxLength must be at least 1, but is " + max);
        }
        return texts;
    }

    /** The text at {@code path} (dots between keys, below x-paynet-hosted-page), or {@code [path]}. */
    String text(String path) {
        return find(path).orElse("[" + path + "]");
    }

    private Optional<String> find(String path) {
        JsonNode node = page.at("/" + path.replace('.', '/'));
        return node.isTextual() ? Optional.of(node.asText().strip()) : Optional.empty();
    }

    String language() {
        return find("screen.language").orElse(FALLBACK_LANGUAGE);
    }

    int cardNameMaxLength() {
        JsonNode max = page.at("/screen/cardNameField/maxLength");
        return max.canConvertToInt() ? max.asInt() : FALLBACK_CARD_NAME_MAX_LENGTH;
    }

    /** The link to the agreement, when the spec gives one (screen.agreement.url). */
    Optional<String> agreementUrl() {
        return find("screen.agreement.url");
    }

    /** charge's {@code save_card_result_message} for a card that was not saved, by its key. */
    Optional<String> saveCardResultMessage(String key) {
        return find("saveCardResultMessages." + key);
    }

    /** The status of the page for an unknown or expired session (screen.sessionPages.KEY.status). */
    int sessionPageStatus(String key, int fallback) {
        JsonNode status = page.at("/screen/sessionPages/" + key + "/status");
        return status.canConvertToInt() && status.asInt() >= 400 && status.asInt() < 500 ? status.asInt() : fallback;
    }
}
