package com.example.checkout;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which Paynet card owner each of our customers is, once a charge has stored their first card. A real service keeps
 * this in its database; the first save names our customer id ({@code user_unique_id}), later ones this owner id.
 */
public final class CustomerCards {
    private final Map<String, String> cardOwnerByCustomer = new ConcurrentHashMap<>();

    /**
     * @param customerId our id of the customer
     * @return Paynet's {@code card_owner_id} for them, empty before their first stored card
     */
    public Optional<String> cardOwnerOf(String customerId) {
        return Optional.ofNullable(cardOwnerByCustomer.get(customerId));
    }

    void remember(String customerId, String cardOwnerId) {
        cardOwnerByCustomer.put(customerId, cardOwnerId);
    }
}
