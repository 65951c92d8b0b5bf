package io.github.paynetsavecard.mock.paynet;

import java.util.Locale;

/** Where a Paynet-mode session stands. {@link #jsonName()} is how {@code GET /__paynet/session} shows it. */
public enum SessionState {
    /** Auth created it; no card-storage step yet (unless Auth itself carried {@code card_desc}). */
    CREATED,
    /** save_card came without {@code card_desc}: the hosted page waits for the cardholder. */
    AWAITING_CARDHOLDER,
    /** A card description is pending: from Auth, save_card or the hosted page. The charge stores the card. */
    CARD_DESCRIBED,
    /** The cardholder declined on the hosted page: the charge reports the card as not saved. */
    DECLINED,
    /** Charged: the session is used; save_card answers 17 and a second charge 100. */
    CHARGED,
    /** Past its expiry date and never charged. */
    EXPIRED;

    /**
     * The lower-case name used in JSON, e.g. {@code awaiting_cardholder}.
     *
     * @return the constant's name in lower case, with {@code _}
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
