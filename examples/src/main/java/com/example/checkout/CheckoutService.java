package com.example.checkout;

import io.github.paynetsavecard.client.ChargeRequest;
import io.github.paynetsavecard.client.ChargeResult;
import io.github.paynetsavecard.client.CreateSessionRequest;
import io.github.paynetsavecard.client.PaynetClient;
import io.github.paynetsavecard.client.PaynetTransportException;
import io.github.paynetsavecard.client.SaveCardOutcome;
import io.github.paynetsavecard.client.SaveCardRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * A merchant's checkout that stores the customer's card with the payment: Auth starts a session asking for card
 * storage, save_card names the card (or leaves it to Paynet's screen), and charge takes the payment and reports
 * whether the card was stored.
 *
 * <pre>{@code
 * CheckoutService checkout = new CheckoutService(paynetClient, customerCards);
 * String session = checkout.start("CUST-42", "ORDER-1", 1000);
 * checkout.nameCard(session, Optional.of("İş kartım"));   // or Optional.empty(): Paynet's screen asks
 * // ... Paynet.js collects the card and gives a token ...
 * Payment payment = checkout.pay("CUST-42", session, tokenId);
 * }</pre>
 */
public final class CheckoutService {
    private final PaynetClient paynet;
    private final CustomerCards cards;

    /**
     * @param paynet the Paynet client (thread-safe, one for the application)
     * @param cards where the customers' Paynet card owner ids are kept
     */
    public CheckoutService(PaynetClient paynet, CustomerCards cards) {
        this.paynet = Objects.requireNonNull(paynet, "paynet == null");
        this.cards = Objects.requireNonNull(cards, "cards == null");
    }

    /**
     * Starts the payment session (Auth) with card storage on.
     *
     * @param customerId our id of the customer: sent as {@code user_unique_id} for their first card, replaced by the
     *     {@code card_owner_id} a charge reported once they have one
     * @param orderNo our order number, sent as {@code reference_no}
     * @param amount the amount in kuruş
     * @return the session id, for save_card, Paynet.js and charge
     */
    public String start(String customerId, String orderNo, long amount) {
        CreateSessionRequest.Builder auth = CreateSessionRequest.builder()
                .amount(amount).referenceNo(orderNo).saveCard(true);
        cards.cardOwnerOf(customerId).ifPresentOrElse(auth::cardOwnerId, () -> auth.userUniqueId(customerId));
        return paynet.createSession(auth.build()).requireSessionId();
    }

    /**
     * Asks Paynet to store the session's card (save_card).
     *
     * @param sessionId the session from {@link #start}
     * @param cardName the name the customer typed in our checkout, or empty to let Paynet's screen ask them
     * @return what became of it; never throws for a transport failure
     */
    public CardNaming nameCard(String sessionId, Optional<String> cardName) {
        SaveCardRequest.Builder request = SaveCardRequest.builder().sessionId(sessionId);
        cardName.ifPresent(request::cardDescription);
        SaveCardOutcome outcome;
        try {
            outcome = paynet.saveCard(request.build());
        } catch (PaynetTransportException.NotSent e) {
            return new CardNaming.NotSent();
        } catch (PaynetTransportException.OutcomeUnknown e) {
            return new CardNaming.OutcomeUnknown();
        }
        if (outcome instanceof SaveCardOutcome.Rejected rejected) {
            return new CardNaming.Refused(rejected.code().value(), rejected.message());
        }
        return outcome instanceof SaveCardOutcome.AwaitingCardholder
                ? new CardNaming.OnPaynetScreen()
                : new CardNaming.Named();
    }

    /**
     * Takes the payment (charge, server side) and, when Paynet stored the card, remembers the customer's
     * {@code card_owner_id} for their next cards.
     *
     * @param customerId our id of the customer
     * @param sessionId the session from {@link #start}
     * @param tokenId the card token Paynet.js gave the page
     * @return whether it was paid and whether the card was stored
     */
    public Payment pay(String customerId, String sessionId, String tokenId) {
        ChargeResult charged = paynet.charge(ChargeRequest.builder()
                .sessionId(sessionId).tokenId(tokenId).transactionType(1).build());
        if (charged.cardStored()) {
            cards.remember(customerId, charged.cardOwnerId().orElseThrow());
        }
        return new Payment(charged.paid(), charged.cardStored(), charged.saveCardResultMessage());
    }
}
