package io.github.paynetsavecard.mock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PreferenceParserTest {
    private static Preferences valid(List<String> header, Map<String, List<String>> query) {
        PreferenceParser.Result result = PreferenceParser.parse(header, query);
        assertThat(result).isInstanceOf(PreferenceParser.Result.Valid.class);
        return ((PreferenceParser.Result.Valid) result).preferences();
    }

    private static String malformed(String header) {
        PreferenceParser.Result result = PreferenceParser.parse(List.of(header), Map.of());
        assertThat(result).isInstanceOf(PreferenceParser.Result.Malformed.class);
        return ((PreferenceParser.Result.Malformed) result).detail();
    }

    @Test
    void readsEveryPreferenceFromOneHeader() {
        Preferences preferences = valid(List.of("code=404, example=notFound, dynamic=true, seed=abc"), Map.of());

        assertThat(preferences).isEqualTo(new Preferences(OptionalInt.of(404), Optional.of("notFound"), true,
                Optional.of("abc")));
    }

    @Test
    void joinsRepeatedHeadersUnquotesValuesAndKeepsTheFirstOccurrence() {
        Preferences preferences = valid(List.of("Example=\"used, session\"", "code=500, code=400"), Map.of());

        assertThat(preferences.example()).contains("used, session");
        assertThat(preferences.code()).hasValue(500);
    }

    @Test
    void ignoresUnknownPreferencesAndParametersOfPreferences() {
        Preferences preferences = valid(List.of("return=minimal; code=500, respond-async"), Map.of());

        assertThat(preferences).isEqualTo(Preferences.NONE);
    }

    @Test
    void readsTheQueryOnlyWhenThereIsNoPreferHeader() {
        Map<String, List<String>> query = Map.of("__code", List.of("500"), "__example", List.of("x"),
                "__dynamic", List.of("false"), "__seed", List.of("1"));

        assertThat(valid(List.of(), query).code()).hasValue(500);
        assertThat(valid(List.of(""), query).example()).contains("x");
        assertThat(valid(List.of("dynamic=true"), query)).isEqualTo(new Preferences(OptionalInt.empty(),
                Optional.empty(), true, Optional.empty()));
    }

    @Test
    void rejectsCodesThatAreNotThreeDigits() {
        assertThat(malformed("code=abc")).isEqualTo("optional property \"code\"\n└─ cannot decode \"abc\", should be a number");
        malformed("code=2000");
        malformed("code=20");
    }

    @Test
    void rejectsADynamicThatIsNotTrueOrFalse() {
        assertThat(malformed("dynamic=yes")).contains("should be a boolean");
    }

    @Test
    void rejectsAPreferenceWithoutAValue() {
        assertThat(malformed("code")).contains("cannot decode true");
        malformed("example=");
        malformed("seed");
    }

    @Test
    void rejectsAQueryPreferenceGivenTwice() {
        PreferenceParser.Result result = PreferenceParser.parse(List.of(),
                Map.of("__code", List.of("500", "400")));

        assertThat(result).isEqualTo(new PreferenceParser.Result.Malformed(
                "optional property \"code\"\n└─ cannot decode [\"500\",\"400\"], should be string"));
    }

    @Test
    void reportsEveryMalformedPreference() {
        assertThat(malformed("code=abc, dynamic=maybe").lines()).hasSize(4);
    }
}
