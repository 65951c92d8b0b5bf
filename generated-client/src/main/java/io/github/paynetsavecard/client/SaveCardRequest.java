package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.Optional;

/**
 * A save_card request, checked before anything is sent. Immutable.
 *
 * <pre>{@code
 * // Store the card under a description:
 * SaveCardRequest.builder().sessionId(sessionId).cardDescription("onur ozdemir").build();
 *
 * // Hosted-page branch: leave the description out, the cardholder names the card on Paynet's page:
 * SaveCardRequest.builder().sessionId(sessionId).build();
 *
 * // With the cardholder's mobile number, for merchants with OTP; common forms are normalised:
 * SaveCardRequest.builder().sessionId(sessionId).userGsm("0532 123 45 67").build(); // sends 5321234567
 *
 * // Wrong: an empty description does not ask for the hosted page, it is rejected.
 * SaveCardRequest.builder().sessionId(sessionId).cardDescription("").build(); // IllegalArgumentException
 * }</pre>
 *
 * <p>{@code toString()} follows {@link Redaction}: it masks the phone number, shortens the session
 * id and leaves the card description out.
 */
public final class SaveCardRequest {

  private final String sessionId;
  private final String cardDescription;
  private final String userGsm;

  private SaveCardRequest(Builder builder) {
    this.sessionId = builder.sessionId;
    this.cardDescription = builder.cardDescription;
    this.userGsm = builder.userGsm == null ? null : MobileNumber.normalise("userGsm", builder.userGsm);
  }

  /** @return a builder; {@code sessionId} is the only required value */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the {@code session_id} from {@code createSession} */
  public String sessionId() {
    return sessionId;
  }

  /** @return the {@code card_desc}; empty for the hosted-page branch */
  public Optional<String> cardDescription() {
    return Optional.ofNullable(cardDescription);
  }

  /** @return the {@code user_gsm} as sent, {@code 5XXXXXXXXX}; empty when not given */
  public Optional<String> userGsm() {
    return Optional.ofNullable(userGsm);
  }

  /** @return whether this request asks Paynet's page to let the cardholder name the card */
  public boolean isHostedPage() {
    return cardDescription == null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SaveCardRequest that
        && sessionId.equals(that.sessionId)
        && Objects.equals(cardDescription, that.cardDescription)
        && Objects.equals(userGsm, that.userGsm);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sessionId, cardDescription, userGsm);
  }

  @Override
  public String toString() {
    return "SaveCardRequest[sessionId=" + Redaction.sessionId(sessionId)
        + ", cardDescription=" + (cardDescription == null ? "(none: the cardholder names the card)" : Redaction.MARKER)
        + ", userGsm=" + (userGsm == null ? "(none)" : Redaction.phoneNumber(userGsm)) + "]";
  }

  /** Collects the values of a {@link SaveCardRequest}; {@link #build()} checks them. */
  public static final class Builder {

    private String sessionId;
    private String cardDescription;
    private String userGsm;

    private Builder() {
    }

    /**
     * @param sessionId the {@code session_id} that {@code createSession} (POST /v1/paynetj/auth)
     *     returned; required
     * @return this builder
     */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /**
     * @param cardDescription the name to store the card under; leave unset (or {@code null}) for
     *     the hosted-page branch. Must not be blank.
     * @return this builder
     */
    public Builder cardDescription(String cardDescription) {
      this.cardDescription = cardDescription;
      return this;
    }

    /**
     * @param userGsm the cardholder's mobile number, {@code 5XXXXXXXXX}; {@code 0532 123 45 67},
     *     {@code +905321234567} and similar forms are normalised. {@code null} leaves it out.
     * @return this builder
     */
    public Builder userGsm(String userGsm) {
      this.userGsm = userGsm;
      return this;
    }

    /**
     * @return the request
     * @throws IllegalArgumentException when the session id is missing or blank, the description is
     *     blank, or the phone number is not a Turkish mobile number; the message says what is expected
     */
    public SaveCardRequest build() {
      if (sessionId == null || sessionId.isBlank()) {
        throw new IllegalArgumentException(
            "sessionId is required: pass the session_id that createSession (POST /v1/paynetj/auth) returned,"
                + " e.g. js_EAAAAMb2/...");
      }
      if (cardDescription != null && cardDescription.isBlank()) {
        throw new IllegalArgumentException(
            "cardDescription must not be blank: give the card a name, or leave cardDescription unset for the"
                + " hosted-page branch, where the cardholder names the card on Paynet's page");
      }
      return new SaveCardRequest(this);
    }
  }
}
