package io.github.paynetsavecard.spec.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Our rules for what openapi-diff gets wrong or does not see, one nested class per rule. */
class WireRulesTest {
    private static Verdict verdict(Optional<Judgement> judgement) {
        return judgement.orElseThrow().verdict();
    }

    @Nested
    class EnumRuleTest {
        @Test
        void aNewEnumNarrowsARequestAndBreaksIt() {
            assertThat(verdict(EnumRule.judge(null, List.of("a"), Direction.REQUEST))).isEqualTo(Verdict.WIRE);
            assertThat(verdict(EnumRule.judge(null, List.of("a"), Direction.RESPONSE))).isEqualTo(Verdict.COMPATIBLE);
        }

        @Test
        void droppingTheEnumWidensAResponseAndBreaksIt() {
            assertThat(verdict(EnumRule.judge(List.of("a"), null, Direction.REQUEST))).isEqualTo(Verdict.COMPATIBLE);
            assertThat(verdict(EnumRule.judge(List.of("a"), null, Direction.RESPONSE))).isEqualTo(Verdict.WIRE);
        }

        @Test
        void addedValuesBreakResponsesAndRemovedValuesBreakRequests() {
            assertThat(verdict(EnumRule.judge(List.of("a"), List.of("a", "b"), Direction.REQUEST)))
                    .isEqualTo(Verdict.COMPATIBLE);
            assertThat(verdict(EnumRule.judge(List.of("a"), List.of("a", "b"), Direction.RESPONSE)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(verdict(EnumRule.judge(List.of("a", "b"), List.of("a"), Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
        }

        @Test
        void anUnchangedEnumIsNoChange() {
            assertThat(EnumRule.judge(List.of("a"), List.of("a"), Direction.REQUEST)).isEmpty();
        }
    }

    @Nested
    class BoundsRuleTest {
        @Test
        void aRaisedMinLengthBreaksRequestsAndALoweredOneBreaksResponses() {
            assertThat(verdict(BoundsRule.lower("minLength", 1, 5, null, null, Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(verdict(BoundsRule.lower("minLength", 1, 5, null, null, Direction.RESPONSE)))
                    .isEqualTo(Verdict.COMPATIBLE);
            assertThat(verdict(BoundsRule.lower("minLength", 5, null, null, null, Direction.RESPONSE)))
                    .isEqualTo(Verdict.WIRE);
        }

        @Test
        void anAddedMaximumNarrowsAndARemovedOneWidens() {
            assertThat(verdict(BoundsRule.upper("maximum", null, 10, null, null, Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(verdict(BoundsRule.upper("maximum", 10, null, null, null, Direction.RESPONSE)))
                    .isEqualTo(Verdict.WIRE);
        }

        @Test
        void decimalsAreComparedByValueNotByDigits() {
            // openapi-diff compares unscaled values: 1.5 (15) would count as more than 2.
            Judgement judgement = BoundsRule.lower("minimum", new BigDecimal("1.5"), new BigDecimal("2"), null, null,
                    Direction.REQUEST).orElseThrow();

            assertThat(judgement.verdict()).isEqualTo(Verdict.WIRE);
            assertThat(judgement.words()).isEqualTo("minimum raised from 1.5 to 2");
        }

        @Test
        void makingTheSameMinimumExclusiveNarrows() {
            assertThat(verdict(BoundsRule.lower("minimum", 1, 1, false, true, Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(BoundsRule.lower("minimum", 1, new BigDecimal("1.0"), null, null, Direction.REQUEST)).isEmpty();
        }
    }

    @Nested
    class PatternRuleTest {
        @Test
        void aLoosenedRequestPatternIsCompatible() {
            Judgement judgement = PatternRule.judge("^5[0-9]{9}$", "^[0-9]{10}$", Direction.REQUEST).orElseThrow();

            assertThat(judgement.verdict()).isEqualTo(Verdict.COMPATIBLE);
            assertThat(judgement.words()).contains("accepts more values");
        }

        @Test
        void aTighterRequestPatternBreaksAndTheSameInAResponseDoesNot() {
            assertThat(verdict(PatternRule.judge("^5[0-9]{9}$", "^53[0-9]{8}$", Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(verdict(PatternRule.judge("^5[0-9]{9}$", "^53[0-9]{8}$", Direction.RESPONSE)))
                    .isEqualTo(Verdict.COMPATIBLE);
        }

        @Test
        void anEquivalentRewriteIsCompatibleOnBothSides() {
            assertThat(verdict(PatternRule.judge("^5[0-9]{9}$", "^5\\d{9}$", Direction.RESPONSE)))
                    .isEqualTo(Verdict.COMPATIBLE);
        }

        @Test
        void anUnanchoredPatternMatchesAnywhere() {
            // "abc" found anywhere accepts more than "^abc" at the start.
            assertThat(verdict(PatternRule.judge("^abc", "abc", Direction.REQUEST))).isEqualTo(Verdict.COMPATIBLE);
        }

        @Test
        void patternsTheGateCannotCompareAreBreakingSoAPersonLooks() {
            Judgement judgement = PatternRule.judge("^(?=a)a+$", "^a+$", Direction.REQUEST).orElseThrow();

            assertThat(judgement.verdict()).isEqualTo(Verdict.WIRE);
            assertThat(judgement.words()).contains("cannot compare");
        }

        @Test
        void addingAPatternNarrowsAndRemovingItWidens() {
            assertThat(verdict(PatternRule.judge(null, "^a", Direction.REQUEST))).isEqualTo(Verdict.WIRE);
            assertThat(verdict(PatternRule.judge("^a", null, Direction.REQUEST))).isEqualTo(Verdict.COMPATIBLE);
        }
    }

    @Nested
    class PropertyTypeRuleTest {
        @Test
        void aTypeChangeBreaksBothSides() {
            assertThat(verdict(PropertyTypeRule.judge(new IntegerSchema(), new StringSchema(), Direction.RESPONSE)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(verdict(PropertyTypeRule.judge(new IntegerSchema(), new StringSchema(), Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
        }

        @Test
        void integerToNumberWidensARequestAndNarrowsNothing() {
            assertThat(verdict(PropertyTypeRule.judge(new IntegerSchema(), new NumberSchema(), Direction.REQUEST)))
                    .isEqualTo(Verdict.COMPATIBLE);
            assertThat(verdict(PropertyTypeRule.judge(new IntegerSchema(), new NumberSchema(), Direction.RESPONSE)))
                    .isEqualTo(Verdict.WIRE);
        }

        @Test
        void anAddedFormatNarrowsAndTheSameTypeIsNoChange() {
            Schema<?> dated = new StringSchema().format("date");
            assertThat(verdict(PropertyTypeRule.judge(new StringSchema(), dated, Direction.REQUEST)))
                    .isEqualTo(Verdict.WIRE);
            assertThat(PropertyTypeRule.judge(new StringSchema(), new StringSchema(), Direction.REQUEST)).isEmpty();
        }
    }

    @Nested
    class ClosedObjectRuleTest {
        @Test
        void closingARequestObjectBreaksItAndClosingAResponseDoesNot() {
            Schema<?> open = new ObjectSchema().additionalProperties(true);
            Schema<?> closed = new ObjectSchema().additionalProperties(false);

            assertThat(verdict(ClosedObjectRule.judge(open, closed, Direction.REQUEST))).isEqualTo(Verdict.WIRE);
            assertThat(verdict(ClosedObjectRule.judge(open, closed, Direction.RESPONSE)))
                    .isEqualTo(Verdict.COMPATIBLE);
            assertThat(verdict(ClosedObjectRule.judge(closed, new ObjectSchema(), Direction.RESPONSE)))
                    .isEqualTo(Verdict.WIRE);
        }

        @Test
        void absentAndTrueAreTheSameOpenObject() {
            assertThat(ClosedObjectRule.judge(new ObjectSchema(), new ObjectSchema().additionalProperties(true),
                    Direction.REQUEST)).isEmpty();
        }
    }
}
