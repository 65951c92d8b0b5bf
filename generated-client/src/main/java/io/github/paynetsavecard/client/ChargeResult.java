package io.github.paynetsavecard.client;

import io.github.paynetsavecard.client.generated.model.PaynetReturnCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Paynet's answer to {@link PaynetClient#charge}: whether the payment was taken, and the report of
 * the session's card save, the last step of the lifecycle that {@link SaveCardOutcome} describes.
 *
 * <pre>{@code
 * ChargeResult result = client.charge(request);
 * if (result.paid() && result.cardStored()) {
 *   customer.rememberCardOwner(result.cardOwnerId().orElseThrow());   // later saves send card_owner_id
 * } else if (result.paid()) {
 *   log.info("paid; card not stored: {}", result.saveCardResultMessage().orElse("(no reason given)"));
 * } else {
 *   log.warn("Paynet refused the charge: {} {}", result.code(), result.message());
 * }
 * }</pre>
 *
 * <p>Both of Paynet's error channels give a result that is not {@link #paid()}: an HTTP 200 answer
 * whose {@code code} is neither 0 nor 100, and a non-2xx Error object with a {@code result_code}.
 * {@code toString()} shortens {@code card_owner_id} and leaves {@code card_hash} out.
 *
 * @param code Paynet's return code; 0 the payment was taken, 100 ({@code OLD_SUCCESSFUL}) a repeated
 *     charge answered with the earlier successful transaction, anything else a refusal
 * @param message Paynet's text, e.g. "Başarılı İşlem" or "Önceki Başarılı İşlem"; empty if none
 * @param httpStatus the HTTP status of the answer
 * @param errorType the Error object's {@code type}; empty for an HTTP 200 answer
 * @param id Paynet's transaction id ({@code id})
 * @param xactId Paynet's transaction number ({@code xact_id})
 * @param saveCardSucceeded {@code is_save_card_succeed}: whether the session's card was stored;
 *     empty when the session asked for no card storage
 * @param saveCardResultMessage {@code save_card_result_message}: why the card was not stored
 * @param cardOwnerId {@code card_owner_id}: Paynet's id of the card owner, to keep for card lists
 *     and later saves
 * @param userUniqueId {@code user_unique_id}: the merchant's id of the customer, as given to Auth
 * @param cardHash {@code card_hash}: a hash of the stored card (read by public integrations)
 */
public record ChargeResult(PaynetCode code, String message, int httpStatus, Optional<String> errorType,
    Optional<String> id, Optional<String> xactId, Optional<Boolean> saveCardSucceeded,
    Optional<String> saveCardResultMessage, Optional<String> cardOwnerId, Optional<String> userUniqueId,
    Optional<String> cardHash) {

  /**
   * Checks the components: no component may be null.
   *
   * @param code Paynet's return code; not null
   * @param message Paynet's text, empty if none; not null
   * @param httpStatus the HTTP status of the answer
   * @param errorType the Error object's {@code type}, or empty; not null
   * @param id the transaction id, or empty; not null
   * @param xactId the transaction number, or empty; not null
   * @param saveCardSucceeded whether the card was stored, or empty; not null
   * @param saveCardResultMessage why the card was not stored, or empty; not null
   * @param cardOwnerId the card owner's id, or empty; not null
   * @param userUniqueId the merchant's customer id, or empty; not null
   * @param cardHash the stored card's hash, or empty; not null
   */
  public ChargeResult {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(errorType, "errorType == null");
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(xactId, "xactId == null");
    Objects.requireNonNull(saveCardSucceeded, "saveCardSucceeded == null");
    Objects.requireNonNull(saveCardResultMessage, "saveCardResultMessage == null");
    Objects.requireNonNull(cardOwnerId, "cardOwnerId == null");
    Objects.requireNonNull(userUniqueId, "userUniqueId == null");
    Objects.requireNonNull(cardHash, "cardHash == null");
  }

  /** A refusal: Paynet's code and text, nothing else. */
  static ChargeResult refused(PaynetCode code, String message, int httpStatus, Optional<String> errorType) {
    return new ChargeResult(code, message, httpStatus, errorType, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * @return whether the payment was taken: code 0, or 100 for a repeated charge of a session that
   *     was already paid (the answer is then the earlier transaction)
   */
  public boolean paid() {
    return code.isSuccess() || repeated();
  }

  /** @return whether this is a repeated charge, answered with the earlier transaction (code 100) */
  public boolean repeated() {
    return code.known().filter(PaynetReturnCode.OLD_SUCCESSFUL::equals).isPresent();
  }

  /** @return whether the payment was taken and Paynet reports the session's card as stored */
  public boolean cardStored() {
    return paid() && saveCardSucceeded.orElse(false);
  }

  @Override
  public String toString() {
    return "ChargeResult[code=" + code + ", message=" + message + ", httpStatus=" + httpStatus
        + errorType.map(type -> ", errorType=" + type).orElse("")
        + id.map(value -> ", id=" + value).orElse("")
        + xactId.map(value -> ", xactId=" + value).orElse("")
        + saveCardSucceeded.map(value -> ", saveCardSucceeded=" + value).orElse("")
        + saveCardResultMessage.map(value -> ", saveCardResultMessage=" + value).orElse("")
        + cardOwnerId.map(value -> ", cardOwnerId=" + Redaction.sessionId(value)).orElse("")
        + userUniqueId.map(value -> ", userUniqueId=" + value).orElse("")
        + cardHash.map(value -> ", cardHash=" + Redaction.MARKER).orElse("") + "]";
  }
}
