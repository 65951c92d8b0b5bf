package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A minimal Auth (createSession) request: enough to obtain the {@code session_id} that save_card
 * needs. Immutable.
 *
 * <pre>{@code
 * CreateSessionRequest.builder().amount(1000).referenceNo("ORDER-2026-000123").build(); // 10.00 TL
 * }</pre>
 */
public final class CreateSessionRequest {

  private final long amount;
  private final String referenceNo;
  private final String agentId;
  private final Boolean addCommission;

  private CreateSessionRequest(Builder builder) {
    this.amount = builder.amount;
    this.referenceNo = builder.referenceNo;
    this.agentId = builder.agentId;
    this.addCommission = builder.addCommission;
  }

  /** @return a builder; {@code amount} is the only required value */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the amount × 100 ("10.00 TL" is 1000) */
  public long amount() {
    return amount;
  }

  /** @return the merchant's own reference for the payment */
  public Optional<String> referenceNo() {
    return Optional.ofNullable(referenceNo);
  }

  /** @return the Paynet agent (dealer) the payment belongs to */
  public Optional<String> agentId() {
    return Optional.ofNullable(agentId);
  }

  /** @return whether Paynet adds its commission to the amount */
  public Optional<Boolean> addCommission() {
    return Optional.ofNullable(addCommission);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CreateSessionRequest that
        && amount == that.amount
        && Objects.equals(referenceNo, that.referenceNo)
        && Objects.equals(agentId, that.agentId)
        && Objects.equals(addCommission, that.addCommission);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, referenceNo, agentId, addCommission);
  }

  @Override
  public String toString() {
    return "CreateSessionRequest[amount=" + amount + ", referenceNo=" + referenceNo
        + ", agentId=" + agentId + ", addCommission=" + addCommission + "]";
  }

  /** Collects the values of a {@link CreateSessionRequest}; {@link #build()} checks them. */
  public static final class Builder {

    private Long amount;
    private String referenceNo;
    private String agentId;
    private Boolean addCommission;

    private Builder() {
    }

    /**
     * @param amount the amount × 100, in kuruş: "10.00 TL" is {@code 1000}; required, at least 1
     * @return this builder
     */
    public Builder amount(long amount) {
      this.amount = amount;
      return this;
    }

    /**
     * @param referenceNo the merchant's own reference for the payment; optional
     * @return this builder
     */
    public Builder referenceNo(String referenceNo) {
      this.referenceNo = referenceNo;
      return this;
    }

    /**
     * @param agentId the Paynet agent (dealer) the payment belongs to; optional
     * @return this builder
     */
    public Builder agentId(String agentId) {
      this.agentId = agentId;
      return this;
    }

    /**
     * @param addCommission whether Paynet adds its commission to the amount; optional
     * @return this builder
     */
    public Builder addCommission(boolean addCommission) {
      this.addCommission = addCommission;
      return this;
    }

    /**
     * @return the request
     * @throws IllegalArgumentException when the amount is missing or below 1
     */
    public CreateSessionRequest build() {
      if (amount == null) {
        throw new IllegalArgumentException("amount is required: give it × 100, e.g. amount(1000) for 10.00 TL");
      }
      if (amount < 1 || amount > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "amount must be between 1 and " + Integer.MAX_VALUE + " (× 100: 1000 is 10.00 TL); got " + amount);
      }
      return new CreateSessionRequest(this);
    }
  }
}
