package io.github.paynetsavecard.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * Reads Paynet's integers, {@code code} and {@code result_code} above all, whether they arrive as
 * numbers ({@code 0}) or as strings of digits ({@code "0"}): Paynet's documentation calls
 * {@code code} a string while every example sends a number. Writes plain numbers.
 *
 * <p>This is the client's only leniency about types, kept in one place on purpose. It is registered
 * for {@code Integer} and {@code int}, the types the generated models use for the spec's integers.
 */
final class PaynetIntegerAdapter extends JsonAdapter<Integer> {

  @Override
  public Integer fromJson(JsonReader reader) throws IOException {
    return switch (reader.peek()) {
      case NUMBER -> readInt(reader);
      case STRING -> parseDigits(reader.nextString(), reader.getPath());
      case NULL -> reader.nextNull();
      default -> throw new JsonDataException(
          "Expected an integer or a string of digits but was " + reader.peek() + " at path " + reader.getPath());
    };
  }

  // Moshi's own message repeats the number (a phone number sent in the wrong field, say): this one does not.
  private static Integer readInt(JsonReader reader) throws IOException {
    String path = reader.getPath();
    try {
      return reader.nextInt();
    } catch (JsonDataException notAnInt) {
      throw new JsonDataException("Expected an integer but was a fraction or a number too large for one at path "
          + path);
    }
  }

  private static Integer parseDigits(String text, String path) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException notDigits) {
      // The value stays out of the message, and the parser's exception, which quotes it, is not kept as the
      // cause: it might be personal data in an unexpected field.
      throw new JsonDataException(
          "Expected an integer or a string of digits but was a string of " + text.length()
              + " other characters at path " + path);
    }
  }

  @Override
  public void toJson(JsonWriter writer, Integer value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value.longValue());
    }
  }
}
