package io.github.paynetsavecard.mock.paynet;

/**
 * What the first charge of a session reported; a repeated charge reports it again (Paynet's code 100).
 *
 * @param transactionId the charge's {@code id}
 * @param save          what became of the card save
 * @param cardOwnerId   the customer's {@code card_owner_id} when the card was stored, else null
 * @param userUniqueId  the merchant's {@code user_unique_id} from Auth, or null
 * @param cardHash      the stored card's {@code card_hash}, or null
 * @param cardDesc      the description the card was stored under, or null
 */
record RecordedCharge(String transactionId, CardSave save, String cardOwnerId, String userUniqueId, String cardHash,
                    String cardDesc) {
    /** What became of the card save, each with its answer in charge's {@code x-paynet-state-answers}. */
    enum CardSave {
        /** Stored under the description from Auth, save_card or the hosted page. */
        SAVED(PaynetContract.CARD_SAVED),
        /** save_card came without a description and the cardholder never completed the hosted page. */
        PAGE_NOT_COMPLETED(PaynetContract.PAGE_NOT_COMPLETED),
        /** The cardholder declined on the hosted page. */
        DECLINED(PaynetContract.CARD_DECLINED),
        /** Nobody asked to store the card. */
        NOT_REQUESTED(PaynetContract.NO_CARD_STORAGE);

        private final String answerKey;

        CardSave(String answerKey) {
            this.answerKey = answerKey;
        }

        String answerKey() {
            return answerKey;
        }
    }

    @Override
    public String toString() {
        return "RecordedCharge[" + save + "]";
    }
}
