package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;

/**
 * An Auth request (the spec's {@code createSession}, POST /v1/paynetj/auth): the payment and,
 * optionally, the card storage, checked before anything is sent. Immutable.
 *
 * <pre>{@code
 * // A 10.00 TL payment without card storage:
 * CreateSessionRequest.builder().amount(1000).referenceNo("ORDER-2026-000123").build();
 *
 * // A first save for this customer: your own id of the customer; save_card need not be called.
 * CreateSessionRequest.builder().amount(1000).referenceNo("ORDER-2026-000124")
 *     .saveCard(true).cardDescription("İş kartım").userUniqueId("CUST-42")
 *     .userGsmNo("0532 123 45 67")                    // sent as 5321234567; OTP then needs no user_gsm
 *     .build();
 * // ... charge reports cardStored() and the cardOwnerId() to keep for this customer.
 *
 * // A later save for the same customer: the card_owner_id an earlier charge reported.
 * CreateSessionRequest.builder().amount(2500)
 *     .saveCard(true).cardDescription("Maaş kartım").cardOwnerId(customer.cardOwnerId())
 *     .build();
 *
 * // Wrong: a card description without saveCard(true) stores nothing; build() rejects it.
 * CreateSessionRequest.builder().amount(1000).cardDescription("İş kartım").build(); // IllegalArgumentException
 * }</pre>
 *
 * <p>What {@link Builder#build()} checks, and on what ground:
 * <ul>
 *   <li>{@code cardDescription} needs {@code saveCard(true)}: the spec's {@code card_desc} is "the
 *       name the card is stored under when {@code save_card} is true". Without it, give the
 *       description to save_card instead ({@link SaveCardRequest}).
 *   <li>{@code saveCard(true)} needs the customer: {@code userUniqueId} for the customer's first
 *       saved card, {@code cardOwnerId} for later ones, as Paynet's pages say. Our decision: Paynet
 *       does not say what happens with neither, and a card stored under no known customer cannot
 *       be found again. Giving both is allowed (Paynet does not forbid it; charge reports both).
 *   <li>{@code userUniqueId}, {@code cardOwnerId} and {@code userGsmNo} are allowed without
 *       {@code saveCard(true)}: they also serve a later save_card call of the same session (the
 *       customer the card is stored for; with {@code user_gsm_no}, save_card needs no
 *       {@code user_gsm} under OTP).
 *   <li>{@code userGsmNo} is normalised and checked exactly like {@link SaveCardRequest}'s
 *       {@code userGsm}: {@code 0532 123 45 67} and {@code +905321234567} are sent as
 *       {@code 5321234567}, anything else is rejected.
 *   <li>No text value may be blank: leave it unset instead.
 * </ul>
 *
 * <p>{@code toString()} follows {@link Redaction}: it masks the phone number, shortens the
 * {@code card_owner_id} and leaves the card description out.
 */
public final class CreateSessionRequest {

  /**
   * Which POS takes the payment: Paynet's {@code pos_type}, a string in Paynet's pages. Leaving
   * it unset sends no {@code pos_type}.
   */
  public enum PosType {
    /** Paynet's POS: {@code pos_type} {@code ""}. */
    PAYNET(""),
    /** The company's own POS: {@code pos_type} {@code "1"}. */
    OWN("1");

    private final String wireValue;

    PosType(String wireValue) {
      this.wireValue = wireValue;
    }

    /** @return the {@code pos_type} string sent for this POS */
    public String wireValue() {
      return wireValue;
    }
  }

  private final long amount;
  private final String referenceNo;
  private final String agentId;
  private final Boolean addCommission;
  private final PosType posType;
  private final String ratioCode;
  private final Boolean saveCard;
  private final String cardDescription;
  private final String userUniqueId;
  private final String cardOwnerId;
  private final String userGsmNo;

  private CreateSessionRequest(Builder builder) {
    this.amount = builder.amount;
    this.referenceNo = builder.referenceNo;
    this.agentId = builder.agentId;
    this.addCommission = builder.addCommission;
    this.posType = builder.posType;
    this.ratioCode = builder.ratioCode;
    this.saveCard = builder.saveCard;
    this.cardDescription = builder.cardDescription;
    this.userUniqueId = builder.userUniqueId;
    this.cardOwnerId = builder.cardOwnerId;
    this.userGsmNo = builder.userGsmNo == null ? null : MobileNumber.normalise("userGsmNo", builder.userGsmNo);
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

  /** @return the POS that takes the payment ({@code pos_type}) */
  public Optional<PosType> posType() {
    return Optional.ofNullable(posType);
  }

  /** @return Paynet's {@code ratio_code}, as given */
  public Optional<String> ratioCode() {
    return Optional.ofNullable(ratioCode);
  }

  /** @return {@code save_card}: whether the card is to be stored during this payment */
  public Optional<Boolean> saveCard() {
    return Optional.ofNullable(saveCard);
  }

  /** @return {@code card_desc}: the name the card is stored under */
  public Optional<String> cardDescription() {
    return Optional.ofNullable(cardDescription);
  }

  /** @return {@code user_unique_id}: the merchant's id of the customer (a first save) */
  public Optional<String> userUniqueId() {
    return Optional.ofNullable(userUniqueId);
  }

  /** @return {@code card_owner_id}: Paynet's id of the card owner, from an earlier charge (later saves) */
  public Optional<String> cardOwnerId() {
    return Optional.ofNullable(cardOwnerId);
  }

  /** @return {@code user_gsm_no} as sent, {@code 5XXXXXXXXX} */
  public Optional<String> userGsmNo() {
    return Optional.ofNullable(userGsmNo);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CreateSessionRequest that
        && amount == that.amount
        && Objects.equals(referenceNo, that.referenceNo)
        && Objects.equals(agentId, that.agentId)
        && Objects.equals(addCommission, that.addCommission)
        && posType == that.posType
        && Objects.equals(ratioCode, that.ratioCode)
        && Objects.equals(saveCard, that.saveCard)
        && Objects.equals(cardDescription, that.cardDescription)
        && Objects.equals(userUniqueId, that.userUniqueId)
        && Objects.equals(cardOwnerId, that.cardOwnerId)
        && Objects.equals(userGsmNo, that.userGsmNo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(amount, referenceNo, agentId, addCommission, posType, ratioCode, saveCard, cardDescription,
        userUniqueId, cardOwnerId, userGsmNo);
  }

  /** Shows the values given, the personal ones as {@link Redaction} allows. */
  @Override
  public String toString() {
    return "CreateSessionRequest[amount=" + amount
        + shown("referenceNo", referenceNo)
        + shown("agentId", agentId)
        + shown("addCommission", addCommission)
        + shown("posType", posType)
        + shown("ratioCode", ratioCode)
        + shown("saveCard", saveCard)
        + shown("cardDescription", cardDescription == null ? null : Redaction.MARKER)
        + shown("userUniqueId", userUniqueId)
        + shown("cardOwnerId", cardOwnerId == null ? null : Redaction.sessionId(cardOwnerId))
        + shown("userGsmNo", userGsmNo == null ? null : Redaction.phoneNumber(userGsmNo)) + "]";
  }

  private static String shown(String name, Object value) {
    return value == null ? "" : ", " + name + "=" + value;
  }

  /** Collects the values of a {@link CreateSessionRequest}; {@link #build()} checks them. */
  public static final class Builder {

    private Long amount;
    private String referenceNo;
    private String agentId;
    private Boolean addCommission;
    private PosType posType;
    private String ratioCode;
    private Boolean saveCard;
    private String cardDescription;
    private String userUniqueId;
    private String cardOwnerId;
    private String userGsmNo;

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
     * @param referenceNo the merchant's own reference for the payment; optional, but not blank when given
     * @return this builder
     */
    public Builder referenceNo(String referenceNo) {
      this.referenceNo = referenceNo;
      return this;
    }

    /**
     * @param agentId the Paynet agent (dealer) the payment belongs to; optional, but not blank when given
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
     * @param posType {@link PosType#PAYNET} (sent as {@code ""}) or {@link PosType#OWN}, the
     *     company's own POS (sent as {@code "1"}); {@code null} leaves {@code pos_type} out
     * @return this builder
     */
    public Builder posType(PosType posType) {
      this.posType = posType;
      return this;
    }

    /**
     * @param ratioCode Paynet's {@code ratio_code}, sent as given (the spec does not describe its
     *     values); {@code null} leaves it out. Must not be blank.
     * @return this builder
     */
    public Builder ratioCode(String ratioCode) {
      this.ratioCode = ratioCode;
      return this;
    }

    /**
     * @param saveCard {@code true} to store the card during this payment (charge then reports the
     *     save); needs {@link #userUniqueId} or {@link #cardOwnerId}. {@code false} is sent as
     *     {@code save_card: false}; leaving it unset sends nothing.
     * @return this builder
     */
    public Builder saveCard(boolean saveCard) {
      this.saveCard = saveCard;
      return this;
    }

    /**
     * @param cardDescription the name to store the card under; only with {@code saveCard(true)}.
     *     {@code null} leaves it out (what Paynet then does is documented only for save_card: its
     *     screen asks the cardholder for the name). Must not be blank.
     * @return this builder
     */
    public Builder cardDescription(String cardDescription) {
      this.cardDescription = cardDescription;
      return this;
    }

    /**
     * @param userUniqueId your own id of the customer, for the customer's first saved card;
     *     {@code null} leaves it out. Must not be blank.
     * @return this builder
     */
    public Builder userUniqueId(String userUniqueId) {
      this.userUniqueId = userUniqueId;
      return this;
    }

    /**
     * @param cardOwnerId the {@code card_owner_id} an earlier charge reported for this customer
     *     ({@link ChargeResult#cardOwnerId()}), for later saved cards; {@code null} leaves it out.
     *     Must not be blank.
     * @return this builder
     */
    public Builder cardOwnerId(String cardOwnerId) {
      this.cardOwnerId = cardOwnerId;
      return this;
    }

    /**
     * @param userGsmNo the cardholder's mobile number, {@code 5XXXXXXXXX}; {@code 0532 123 45 67},
     *     {@code +905321234567} and similar forms are normalised, as for save_card's
     *     {@code userGsm}. Given here, save_card needs no {@code user_gsm} under OTP. {@code null}
     *     leaves it out.
     * @return this builder
     */
    public Builder userGsmNo(String userGsmNo) {
      this.userGsmNo = userGsmNo;
      return this;
    }

    /**
     * @return the request
     * @throws IllegalArgumentException when the amount is missing or out of range, a text value is
     *     blank, a card description comes without {@code saveCard(true)}, {@code saveCard(true)}
     *     names no customer, or the phone number is not a Turkish mobile number; the message says
     *     what to change
     */
    public CreateSessionRequest build() {
      if (amount == null) {
        throw new IllegalArgumentException("amount is required: give it × 100, e.g. amount(1000) for 10.00 TL");
      }
      if (amount < 1 || amount > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "amount must be between 1 and " + Integer.MAX_VALUE + " (× 100: 1000 is 10.00 TL); got " + amount);
      }
      requireNotBlank("referenceNo", referenceNo);
      requireNotBlank("agentId", agentId);
      requireNotBlank("ratioCode", ratioCode);
      requireNotBlank("cardDescription", cardDescription);
      requireNotBlank("userUniqueId", userUniqueId);
      requireNotBlank("cardOwnerId", cardOwnerId);
      boolean storesCard = Boolean.TRUE.equals(saveCard);
      if (cardDescription != null && !storesCard) {
        throw new IllegalArgumentException("cardDescription is the name the card is stored under when saveCard is"
            + " true: add saveCard(true) to store the card through Auth, or leave cardDescription out here and"
            + " give it to save_card (SaveCardRequest.cardDescription)");
      }
      if (storesCard && userUniqueId == null && cardOwnerId == null) {
        throw new IllegalArgumentException("saveCard(true) needs the customer the card is stored for:"
            + " userUniqueId(yourCustomerId) for the customer's first saved card, or cardOwnerId(...) with the"
            + " card_owner_id an earlier charge reported (ChargeResult.cardOwnerId()) for a later one");
      }
      return new CreateSessionRequest(this);
    }

    private static void requireNotBlank(String option, String value) {
      if (value != null && value.isBlank()) {
        throw new IllegalArgumentException(option + " must not be blank: give a value, or leave " + option
            + " unset");
      }
    }
  }
}
