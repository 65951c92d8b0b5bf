package com.example.checkout;

import java.util.Optional;

/**
 * The result of charging a checkout's session.
 *
 * @param paid whether Paynet took the payment
 * @param cardStored whether Paynet reports the customer's card as stored
 * @param whyCardNotStored Paynet's {@code save_card_result_message} when the card was not stored
 */
public record Payment(boolean paid, boolean cardStored, Optional<String> whyCardNotStored) {
}
