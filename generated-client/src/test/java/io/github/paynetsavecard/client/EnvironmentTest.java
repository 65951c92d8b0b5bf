package io.github.paynetsavecard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

  private static String specServer(String word) {
    return Spec.servers().stream()
        .filter(server -> ((String) server.get("description")).toLowerCase().contains(word))
        .map(server -> (String) server.get("url"))
        .findFirst().orElseThrow();
  }

  @Test
  void liveAndTestAreTheSpecsServers() {
    assertThat(PaynetEnvironment.LIVE.baseUrl()).isEqualTo(specServer("live") + "/");
    assertThat(PaynetEnvironment.TEST.baseUrl()).isEqualTo(specServer("test") + "/");
    assertThat(PaynetEnvironment.LIVE.baseUrl()).startsWith("https://");
    assertThat(PaynetEnvironment.TEST.baseUrl()).startsWith("https://");
  }

  @Test
  void acceptsTheSpecsLocalMockUrl() {
    Map<String, Object> mock = Spec.servers().stream()
        .filter(server -> ((String) server.get("url")).startsWith("http://")).findFirst().orElseThrow();

    assertThat(PaynetEnvironment.of((String) mock.get("url")).baseUrl()).isEqualTo(mock.get("url") + "/");
  }

  @Test
  void keepsAPathPrefixAndEndsItWithASlash() {
    assertThat(PaynetEnvironment.of("http://proxy.local/paynet").baseUrl()).isEqualTo("http://proxy.local/paynet/");
    assertThat(PaynetEnvironment.of("http://proxy.local/paynet/")).isEqualTo(PaynetEnvironment.of("http://proxy.local/paynet"));
  }

  @Test
  void rejectsWhatIsNotAnHttpUrl() {
    assertThatIllegalArgumentException().isThrownBy(() -> PaynetEnvironment.of("127.0.0.1:4010"))
        .withMessage("baseUrl must be an absolute http or https URL such as http://127.0.0.1:4010; got: 127.0.0.1:4010");
    assertThatIllegalArgumentException().isThrownBy(() -> PaynetEnvironment.of("ftp://paynet"))
        .withMessageContaining("absolute http or https URL");
    assertThatIllegalArgumentException().isThrownBy(() -> PaynetEnvironment.of("http://h/?a=b"))
        .withMessageContaining("must not carry a query");
  }

  @Test
  void rejectsCredentialsInTheUrlWithoutRepeatingThem() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PaynetEnvironment.of("http://merchant:" + MockPaynet.KEY + "@127.0.0.1:4010"))
        .withMessageContaining("must not carry a user name or password")
        .withMessageContaining("apiKey(...)")
        .withMessageNotContaining(MockPaynet.KEY)
        .withMessageNotContaining("merchant");
  }

  @Test
  void namesItselfInToString() {
    assertThat(PaynetEnvironment.LIVE).hasToString("LIVE");
    assertThat(PaynetEnvironment.TEST).hasToString("TEST");
  }
}
