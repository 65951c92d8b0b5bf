package io.github.paynetsavecard.mock.paynet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The card-storage fields of an Auth request; null when absent.
 *
 * @param saveCard     Auth's {@code save_card}
 * @param cardDesc     Auth's {@code card_desc}
 * @param userGsmNo    Auth's {@code user_gsm_no}: with it, OTP needs no {@code user_gsm} on save_card
 * @param userUniqueId the merchant's id for the customer (a first save)
 * @param cardOwnerId  Paynet's id for the customer (later saves)
 */
record CardStorageFields(boolean saveCard, String cardDesc, String userGsmNo, String userUniqueId,
                         String cardOwnerId) {
    static final CardStorageFields NONE = new CardStorageFields(false, null, null, null, null);

    static CardStorageFields of(JsonNode auth) {
        return new CardStorageFields(auth.path("save_card").asBoolean(false), text(auth, "card_desc"),
                text(auth, "user_gsm_no"), text(auth, "user_unique_id"), text(auth, "card_owner_id"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "CardStorageFields[saveCard=" + saveCard + ", cardDesc=" + (cardDesc == null ? "absent" : "given")
                + ", userGsmNo=" + (userGsmNo == null ? "absent" : "given") + "]";
    }
}
