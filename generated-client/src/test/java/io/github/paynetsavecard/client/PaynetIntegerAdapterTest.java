package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.github.paynetsavecard.client.generated.model.PaynetError;
import io.github.paynetsavecard.client.generated.model.SaveCardResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PaynetIntegerAdapterTest {

  private final JsonAdapter<Integer> adapter = PaynetJson.MOSHI.adapter(Integer.class);

  @Test
  void readsANumber() throws IOException {
    assertThat(adapter.fromJson("17")).isEqualTo(17);
  }

  @Test
  void readsAStringOfDigits() throws IOException {
    assertThat(adapter.fromJson("\"0\"")).isZero();
    assertThat(adapter.fromJson("\" 22 \"")).isEqualTo(22);
    assertThat(adapter.fromJson("\"-1\"")).isEqualTo(-1);
  }

  @Test
  void readsNullAsAbsent() throws IOException {
    assertThat(adapter.fromJson("null")).isNull();
  }

  @Test
  void rejectsAStringThatIsNotANumberWithoutRepeatingIt() {
    assertThatThrownBy(() -> adapter.fromJson("\"5321234567x\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("Expected an integer or a string of digits")
        .hasMessageNotContaining("5321234567")
        .hasNoCause();
  }

  @Test
  void rejectsANumberThatIsNotAnIntWithoutRepeatingIt() {
    for (String number : new String[] {"5321234567", "905321234567", "1.5"}) {
      assertThatThrownBy(() -> adapter.fromJson(number))
          .isInstanceOf(JsonDataException.class)
          .hasMessageContaining("Expected an integer")
          .hasMessageNotContaining(number)
          .hasNoCause();
    }
  }

  @Test
  void rejectsOtherTokens() {
    assertThatThrownBy(() -> adapter.fromJson("true")).isInstanceOf(JsonDataException.class)
        .hasMessageContaining("BOOLEAN");
    assertThatThrownBy(() -> adapter.fromJson("1.5")).isInstanceOf(JsonDataException.class);
  }

  @Test
  void writesAPlainNumber() {
    assertThat(adapter.toJson(13)).isEqualTo("13");
    assertThat(adapter.toJson(null)).isEqualTo("null");
  }

  @Test
  void appliesToTheGeneratedModelsCodeFields() throws IOException {
    SaveCardResponse answer = PaynetJson.MOSHI.adapter(SaveCardResponse.class)
        .fromJson("{\"code\":\"13\",\"message\":\"m\"}");
    PaynetError error = PaynetJson.MOSHI.adapter(PaynetError.class)
        .fromJson("{\"type\":\"t\",\"message\":\"m\",\"code\":\"400\",\"result_code\":\"11\"}");

    assertThat(answer.getCode()).isEqualTo(13);
    assertThat(error.getCode()).isEqualTo(400);
    assertThat(error.getResultCode()).isEqualTo(11);
  }
}
