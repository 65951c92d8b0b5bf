package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The enforcer rule keeps Gson and Jackson out of the build; this shows they are not on the classpath. */
class MoshiOnlyTest {

  @ParameterizedTest
  @ValueSource(strings = {"com.google.gson.Gson", "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.annotation.JsonProperty", "retrofit2.converter.gson.GsonConverterFactory"})
  void noOtherJsonLibraryIsOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }
}
