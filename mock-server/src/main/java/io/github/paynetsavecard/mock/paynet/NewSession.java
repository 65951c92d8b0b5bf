package io.github.paynetsavecard.mock.paynet;

import java.util.Optional;

/**
 * A session a test creates directly, as if Auth had been called with these fields.
 *
 * <pre>{@code
 * String id = mock.paynet().createSession(NewSession.ofAmount(1000).withUserUniqueId("CUST-42"));
 * }</pre>
 *
 * @param amount       Auth's {@code amount} (×100), at least 1
 * @param saveCard     Auth's {@code save_card}
 * @param cardDesc     Auth's {@code card_desc}
 * @param userGsmNo    Auth's {@code user_gsm_no}
 * @param userUniqueId Auth's {@code user_unique_id}
 * @param cardOwnerId  Auth's {@code card_owner_id}
 */
public record NewSession(long amount, boolean saveCard, Optional<String> cardDesc, Optional<String> userGsmNo,
                         Optional<String> userUniqueId, Optional<String> cardOwnerId) {
    /**
     * Checks the components: an amount of at least 1, and no blank text (leave a field unset instead).
     *
     * @param amount       the amount ×100; at least 1
     * @param saveCard     Auth's {@code save_card}
     * @param cardDesc     the card description, or empty; not null, not blank
     * @param userGsmNo    the mobile number, or empty; not null, not blank
     * @param userUniqueId the merchant's customer id, or empty; not null, not blank
     * @param cardOwnerId  Paynet's card owner id, or empty; not null, not blank
     * @throws IllegalArgumentException when {@code amount} is below 1 or a present text is blank
     */
    public NewSession {
        if (amount < 1) {
            throw new IllegalArgumentException("amount must be at least 1 (×100: 1000 is 10.00 TL), but was "
                    + amount);
        }
        cardDesc = nonBlank(cardDesc, "cardDesc");
        userGsmNo = nonBlank(userGsmNo, "userGsmNo");
        userUniqueId = nonBlank(userUniqueId, "userUniqueId");
        cardOwnerId = nonBlank(cardOwnerId, "cardOwnerId");
    }

    private static Optional<String> nonBlank(Optional<String> value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " == null; use Optional.empty()");
        }
        if (value.isPresent() && value.get().isBlank()) {
            throw new IllegalArgumentException(name + " is blank: leave it out instead");
        }
        return value;
    }

    /**
     * A session for {@code amount} without card-storage fields.
     *
     * @param amount the amount ×100 (1000 is 10.00 TL); at least 1
     * @return the session's fields, to refine with the {@code with...} methods
     * @throws IllegalArgumentException when {@code amount} is below 1
     */
    public static NewSession ofAmount(long amount) {
        return new NewSession(amount, false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * With {@code save_card: true} and {@code card_desc}: the card is stored at the charge without save_card.
     *
     * @param description the card's name, as the cardholder would give it (e.g. {@code Work card}); not null, not
     *                    blank
     * @return a copy with these fields; this one is unchanged
     */
    public NewSession withSavedCard(String description) {
        return new NewSession(amount, true, Optional.of(description), userGsmNo, userUniqueId, cardOwnerId);
    }

    /**
     * With {@code user_gsm_no}, so that OTP needs no {@code user_gsm} on save_card.
     *
     * @param gsm the mobile number; the spec's format is {@code 5XXXXXXXXX} (not checked here); not null, not blank
     * @return a copy with this field; this one is unchanged
     */
    public NewSession withUserGsmNo(String gsm) {
        return new NewSession(amount, saveCard, cardDesc, Optional.of(gsm), userUniqueId, cardOwnerId);
    }

    /**
     * With {@code user_unique_id}: a first save makes a new {@code card_owner_id} for this customer.
     *
     * @param id the merchant's id of the customer, e.g. {@code CUST-42}; not null, not blank
     * @return a copy with this field; this one is unchanged
     */
    public NewSession withUserUniqueId(String id) {
        return new NewSession(amount, saveCard, cardDesc, userGsmNo, Optional.of(id), cardOwnerId);
    }

    /**
     * With {@code card_owner_id}: a later save for a known customer.
     *
     * @param id the {@code card_owner_id} an earlier charge answered with; not null, not blank
     * @return a copy with this field; this one is unchanged
     */
    public NewSession withCardOwnerId(String id) {
        return new NewSession(amount, saveCard, cardDesc, userGsmNo, userUniqueId, Optional.of(id));
    }

    CardStorageFields fields() {
        return new CardStorageFields(saveCard, cardDesc.orElse(null), userGsmNo.orElse(null),
                userUniqueId.orElse(null), cardOwnerId.orElse(null));
    }

    @Override
    public String toString() {
        return "NewSession[amount=" + amount + ", " + fields() + "]";
    }
}
