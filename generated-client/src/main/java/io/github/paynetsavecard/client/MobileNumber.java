package io.github.paynetsavecard.client;

import java.util.regex.Pattern;

/**
 * Paynet's {@code user_gsm}: a Turkish mobile number written as {@code 5XXXXXXXXX}.
 *
 * <p>Decision: the usual ways people write such a number are normalised rather than rejected,
 * because they name the same number without doubt: spaces (no-break spaces too), dashes, dots and
 * parentheses are dropped, then one leading {@code +90}, {@code 0090}, {@code 90} (before 10
 * digits) or {@code 0} (before 10 digits). Anything that is then not {@code 5} and nine digits is
 * rejected.
 */
final class MobileNumber {

  static final String EXPECTED_FORM = "5XXXXXXXXX";

  // The spec's pattern for user_gsm; a test holds it equal to the spec's.
  static final Pattern PAYNET_FORM = Pattern.compile("^5[0-9]{9}$");
  // \h also takes the no-break spaces that numbers copied from web pages and spreadsheets carry.
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\h\\-.()]");

  private MobileNumber() {
  }

  /**
   * @param option the builder option the number was given to ({@code userGsm}, {@code userGsmNo}),
   *     named in the message
   * @param written the number as a user typed it, e.g. {@code 0532 123 45 67}
   * @return the number as Paynet wants it, e.g. {@code 5321234567}
   * @throws IllegalArgumentException naming the option and the expected form; the input is shown masked
   */
  static String normalise(String option, String written) {
    String compact = SEPARATORS.matcher(written).replaceAll("");
    String national = withoutCountryOrTrunkPrefix(compact);
    if (!PAYNET_FORM.matcher(national).matches()) {
      throw new IllegalArgumentException(
          option + " must be a Turkish mobile number written as " + EXPECTED_FORM
              + " (10 digits starting with 5, e.g. 5321234567); 0532 123 45 67 and +90 532 123 45 67"
              + " are accepted and normalised, but got \"" + Redaction.phoneNumber(written) + "\"");
    }
    return national;
  }

  private static String withoutCountryOrTrunkPrefix(String digits) {
    if (digits.startsWith("+90")) {
      return digits.substring(3);
    }
    if (digits.startsWith("0090")) {
      return digits.substring(4);
    }
    if (digits.length() == 12 && digits.startsWith("90")) {
      return digits.substring(2);
    }
    if (digits.length() == 11 && digits.startsWith("0")) {
      return digits.substring(1);
    }
    return digits;
  }
}
