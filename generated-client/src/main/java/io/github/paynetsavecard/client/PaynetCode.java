package io.github.paynetsavecard.client;

import io.github.paynetsavecard.client.generated.model.PaynetReturnCode;
import java.util.Optional;

/**
 * A Paynet return code exactly as Paynet sent it: {@code code} of an HTTP 200 answer, or
 * {@code result_code} of an Error object.
 *
 * <p>Codes the spec does not list are kept as numbers, never rejected, because Paynet sends codes
 * outside its published table:
 *
 * <pre>{@code
 * switch (rejected.code().known().orElse(PaynetReturnCode.UNSUCCESSFUL)) {
 *   case NO_SESSION, USED_SESSION, SESSION_EXPIRED -> startNewSession();
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

  /** @return whether this is {@code 0}, Paynet's only success code for save_card */
  public boolean isSuccess() {
    return known().filter(PaynetReturnCode.SUCCESSFUL::equals).isPresent();
  }

  /** @return the number, followed by the spec's name for it when known: {@code 13 NO_SESSION} */
  @Override
  public String toString() {
    return known().map(name -> value + " " + name).orElse(value + " (not in the spec's table)");
  }
}
