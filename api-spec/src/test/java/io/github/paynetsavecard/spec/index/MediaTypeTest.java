package io.github.paynetsavecard.spec.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaTypeTest {
    @Test
    void readsTypeSubtypeSuffixAndParameters() {
        assertThat(MediaType.parse("Application/VND.api+JSON; Charset=\"UTF-8\""))
                .contains(new MediaType("application", "json", "vnd.api+json", Map.of("charset", "UTF-8")));
    }

    @Test
    void refusesWhatIsNotTypeSlashSubtypeOfTokens() {
        assertThat(MediaType.parse("application json")).isEmpty();
        assertThat(MediaType.parse("application/")).isEmpty();
        assertThat(MediaType.parse("/json")).isEmpty();
        assertThat(MediaType.parse("appli cation/json")).isEmpty();
        assertThat(MediaType.parse("text/\u00e9")).isEmpty();
        assertThat(MediaType.parse("application/json(x)")).isEmpty();
        assertThat(MediaType.parse("*/*")).isPresent();
        assertThat(MediaType.parse("application/x.a_b-c~d!#$%&'^`|")).isPresent();
    }
}
