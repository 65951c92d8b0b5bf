package io.github.paynetsavecard.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a secret or a phone number may appear in logs, messages and
 * {@code toString()}: nothing of the API key, and only the last two digits of a phone number.
 */
final class Redaction {

  static final String REDACTED = "██";

  /** Long enough to recognise an answer, short enough not to flood a log line. */
  static final int EXCERPT_LENGTH = 200;

  // Ten or more digits in a row: a phone number in any of its written forms once spaces are gone.
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{10,}");

  private Redaction() {
  }

  /** {@code 5321234567} becomes {@code ********67}. */
  static String maskPhone(String digits) {
    if (digits.length() <= 2) {
      return "*".repeat(digits.length());
    }
    return "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2);
  }

  /** Every digit but the last two becomes {@code *}; other characters stay, to show the shape. */
  static String maskDigits(String text) {
    StringBuilder masked = new StringBuilder(text.length());
    int digitsSeen = 0;
    int digitsTotal = (int) text.chars().filter(Character::isDigit).count();
    for (char c : text.toCharArray()) {
      if (Character.isDigit(c)) {
        digitsSeen++;
        masked.append(digitsSeen > digitsTotal - 2 ? c : '*');
      } else {
        masked.append(c);
      }
    }
    return masked.toString();
  }

  /** Masks every run of ten or more digits, such as a {@code user_gsm} value in a JSON body. */
  static String maskPhoneNumbers(String text) {
    Matcher run = DIGIT_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (run.find()) {
      run.appendReplacement(out, Matcher.quoteReplacement(maskPhone(run.group())));
    }
    run.appendTail(out);
    return out.toString();
  }

  /**
   * Removes every occurrence of {@code secret}, also where JSON or a URL escapes some of its
   * characters (a proxy's error page may echo the request that way), then masks phone numbers.
   */
  static String scrub(String text, String secret) {
    String withoutSecret = secret.isEmpty() ? text
        : anyEncodingOf(secret).matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
    return maskPhoneNumbers(withoutSecret);
  }

  // Each character as itself, as a JSON unicode escape or a percent escape; '/' also as JSON's
  // escaped slash. Built per call: scrubbing happens only when logging is on or a call has failed.
  private static Pattern anyEncodingOf(String secret) {
    StringBuilder regex = new StringBuilder();
    for (char c : secret.toCharArray()) {
      regex.append("(?:").append(Pattern.quote(String.valueOf(c)))
          .append("|\\\\u(?i:").append(String.format("%04X", (int) c)).append(')');
      if (c < 0x80) {
        regex.append("|%(?i:").append(String.format("%02X", (int) c)).append(')');
      }
      if (c == '/') {
        regex.append("|\\\\/");
      }
      regex.append(')');
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * A short, single-line, scrubbed start of a body, for exception messages: control characters and
   * runs of white space become one space.
   */
  static String excerpt(String body, String secret) {
    String oneLine = body.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    String scrubbed = scrub(oneLine, secret);
    return scrubbed.length() <= EXCERPT_LENGTH ? scrubbed : scrubbed.substring(0, EXCERPT_LENGTH) + "…";
  }
}
