package io.github.paynetsavecard.client;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * How much of each exchange the client logs, and where to. Logging is off unless the builder gets
 * one of these. Whatever the level, the {@code Authorization} header is never written and phone
 * numbers are masked ({@code "user_gsm":"********67"}).
 *
 * <pre>{@code
 * PaynetClient.builder()...logging(PaynetLogging.to(PaynetLogging.Level.BODY, log::debug))
 * PaynetClient.builder()...logging(PaynetLogging.toSystemLogger(PaynetLogging.Level.HEADERS))
 * }</pre>
 */
public final class PaynetLogging {

  /** What is logged of each request and answer. */
  public enum Level {
    /** Method, URL, status and duration. */
    BASIC,
    /** {@link #BASIC} plus the headers (the {@code Authorization} value redacted). */
    HEADERS,
    /** {@link #HEADERS} plus the JSON bodies (phone numbers masked). */
    BODY
  }

  private final Level level;
  private final Consumer<String> sink;
  private final String sinkName;

  private PaynetLogging(Level level, Consumer<String> sink, String sinkName) {
    this.level = level;
    this.sink = sink;
    this.sinkName = sinkName;
  }

  /**
   * @param level how much to log
   * @param sink receives one line (or one body) at a time, e.g. {@code log::debug}
   * @return the setting for {@link PaynetClient.Builder#logging}
   */
  public static PaynetLogging to(Level level, Consumer<String> sink) {
    Objects.requireNonNull(level, "level == null");
    Objects.requireNonNull(sink, "sink == null");
    return new PaynetLogging(level, sink, "custom sink");
  }

  /**
   * @param level how much to log
   * @return logging to the {@link System.Logger} {@code io.github.paynetsavecard.client} at INFO
   */
  public static PaynetLogging toSystemLogger(Level level) {
    System.Logger logger = System.getLogger("io.github.paynetsavecard.client");
    return new PaynetLogging(
        Objects.requireNonNull(level, "level == null"),
        line -> logger.log(System.Logger.Level.INFO, line),
        "System.Logger io.github.paynetsavecard.client");
  }

  /** @return how much is logged */
  public Level level() {
    return level;
  }

  Consumer<String> sink() {
    return sink;
  }

  @Override
  public String toString() {
    return level + " to " + sinkName;
  }
}
