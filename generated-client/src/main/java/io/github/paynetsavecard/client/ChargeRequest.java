package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A charge request (the spec's {@code charge}, POST /v1/transaction/charge), checked before
 * anything is sent. Immutable. Charge is server side only: it takes the secret key
 * ({@code sck_...}) from a registered static IP.
 *
 * <pre>{@code
 * ChargeRequest.builder().sessionId(sessionId).tokenId(tokenFromCreateToken)
 *     .referenceNo("ORDER-2026-000123").transactionType(1).build();
 * }</pre>
 *
 * <p>{@code toString()} shortens the session id and leaves the card token out ({@link Redaction}).
 */
public final class ChargeRequest {

  private final String sessionId;
  private final String tokenId;
  private final String referenceNo;
  private final Integer transactionType;

  private ChargeRequest(Builder builder) {
    this.sessionId = builder.sessionId;
    this.tokenId = builder.tokenId;
    this.referenceNo = builder.referenceNo;
    this.transactionType = builder.transactionType;
  }

  /** @return a builder; {@code sessionId} and {@code tokenId} are required */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the {@code session_id} of the payment, from {@code createSession} */
  public String sessionId() {
    return sessionId;
  }

  /** @return the {@code token_id} that Paynet.js's create_token gave for the card */
  public String tokenId() {
    return tokenId;
  }

  /** @return the merchant's {@code reference_no}, when given */
  public Optional<String> referenceNo() {
    return Optional.ofNullable(referenceNo);
  }

  /** @return the {@code transaction_type} (1 is a sale), when given */
  public OptionalInt transactionType() {
    return transactionType == null ? OptionalInt.empty() : OptionalInt.of(transactionType);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChargeRequest that && sessionId.equals(that.sessionId) && tokenId.equals(that.tokenId)
        && Objects.equals(referenceNo, that.referenceNo) && Objects.equals(transactionType, that.transactionType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sessionId, tokenId, referenceNo, transactionType);
  }

  @Override
  public String toString() {
    return "ChargeRequest[sessionId=" + Redaction.sessionId(sessionId) + ", tokenId=" + Redaction.MARKER
        + ", referenceNo=" + (referenceNo == null ? "(none)" : referenceNo)
        + ", transactionType=" + (transactionType == null ? "(none)" : transactionType) + "]";
  }

  /** Collects the values of a {@link ChargeRequest}; {@link #build()} checks them. */
  public static final class Builder {

    private String sessionId;
    private String tokenId;
    private String referenceNo;
    private Integer transactionType;

    private Builder() {
    }

    /**
     * @param sessionId the {@code session_id} that {@code createSession} returned; required
     * @return this builder
     */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /**
     * @param tokenId the card's {@code token_id} from Paynet.js's create_token; required
     * @return this builder
     */
    public Builder tokenId(String tokenId) {
      this.tokenId = tokenId;
      return this;
    }

    /**
     * @param referenceNo the merchant's own reference for the payment; {@code null} leaves it out
     * @return this builder
     */
    public Builder referenceNo(String referenceNo) {
      this.referenceNo = referenceNo;
      return this;
    }

    /**
     * @param transactionType the kind of transaction, 1 for a sale (the only kind the spec
     *     describes); positive
     * @return this builder
     */
    public Builder transactionType(int transactionType) {
      this.transactionType = transactionType;
      return this;
    }

    /**
     * @return the request
     * @throws IllegalArgumentException when the session id or the token is missing or blank, the
     *     reference is blank, or the transaction type is not positive
     */
    public ChargeRequest build() {
      if (sessionId == null || sessionId.isBlank()) {
        throw new IllegalArgumentException("sessionId is required: pass the session_id that createSession"
            + " (POST /v1/paynetj/auth) returned for this payment");
      }
      if (tokenId == null || tokenId.isBlank()) {
        throw new IllegalArgumentException("tokenId is required: pass the token_id that Paynet.js's create_token"
            + " returned for the card");
      }
      if (referenceNo != null && referenceNo.isBlank()) {
        throw new IllegalArgumentException("referenceNo must not be blank: give your reference, or leave it unset");
      }
      if (transactionType != null && transactionType <= 0) {
        throw new IllegalArgumentException("transactionType must be positive (1 is a sale); got " + transactionType);
      }
      return new ChargeRequest(this);
    }
  }
}
