package io.github.paynetsavecard.client;

import io.github.paynetsavecard.client.generated.model.PaynetReturnCode;
import java.util.Optional;

/**
 * A Paynet return code exactly as Paynet sent it: {@code code} of an HTTP 200 answer, or
 * {@code result_code} of an Error object.
 *
 * <p>{@link #known()} names it with the spec's {@code PaynetReturnCode} table (generated from the
 * spec's {@code x-enum-varnames}):
 * <ul>
 *   <li>0-21 and 100 are Paynet's own table; 100, {@code OLD_SUCCESSFUL} ("Önceki Başarılı
 *       İşlem"), is what a repeated charge of a session answers.
 *   <li>22-26, 200 and 201 are named by public integrations only. <b>Their meanings are
 *       unverified</b>: 22 {@code EXPIRE_DATE_ERROR} ({@code paynetj_expire_date_error}, "an invalid
 *       expiry date", of the card or of the session is not stated), 23 {@code RATIO_CODE_NOT_FOUND},
 *       24 {@code INVOICE_NO_NOT_FOUND}, 25 {@code CARD_NOT_FOUND}, 26 {@code CARD_KEY_UNDEFINED},
 *       200 {@code SUBSCRIPTION_ON}, 201 {@code SUBSCRIPTION_OFF}.
 * </ul>
 *
 * <p>Codes the table does not list are kept as numbers, never rejected, because Paynet sends codes
 * outside its published table:
 *
 * <pre>{@code
 * switch (rejected.code().known().orElse(PaynetReturnCode.UNSUCCESSFUL)) {
 *   case NO_SESSION, USED_SESSION -> startNewSession();
 *   default -> log.warn("Paynet said {}: {}", rejected.code(), rejected.message());
 * }
 * }</pre>
 *
 * @param value the number Paynet sent
 */
public record PaynetCode(int value) {

  /**
   * @return the code as a constant of the spec's {@code PaynetReturnCode} table, or empty when the
   *     table does not list it
   */
  public Optional<PaynetReturnCode> known() {
    return PaynetReturnCode.fromValue(value);
  }

  /**
   * @return whether this is {@code 0}, Paynet's success code (for charge, 100 also means the payment
   *     was taken earlier: {@link ChargeResult#paid()})
   */
  public boolean isSuccess() {
    return known().filter(PaynetReturnCode.SUCCESSFUL::equals).isPresent();
  }

  /** @return the number, followed by the spec's name for it when known: {@code 13 NO_SESSION} */
  @Override
  public String toString() {
    return known().map(name -> value + " " + name).orElse(value + " (not in the spec's table)");
  }
}
