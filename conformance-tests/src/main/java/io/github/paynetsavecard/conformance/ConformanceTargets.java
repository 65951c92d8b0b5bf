package io.github.paynetsavecard.conformance;

import io.github.paynetsavecard.conformance.contract.NamedExample;
import io.github.paynetsavecard.conformance.contract.OperationContract;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;

/** Arguments for the suite's checks: every configured target, alone or crossed with examples of the spec. */
final class ConformanceTargets {
    static final String SAVE_CARD = "saveCard";
    static final String CREATE_SESSION = "createSession";

    private ConformanceTargets() {
    }

    static List<TargetHandle> handles(ExtensionContext context) {
        TargetPool pool = TargetPool.of(context);
        return pool.settings().targets().stream().map(name -> new TargetHandle(name, pool)).toList();
    }

    /** Every target. */
    static final class Each implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return handles(context).stream().map(Arguments::of);
        }
    }

    /** Every target with every named request example of one operation. */
    private abstract static class WithExamplesOf implements ArgumentsProvider {
        private final String operationId;

        WithExamplesOf(String operationId) {
            this.operationId = operationId;
        }

        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            OperationContract operation = TargetPool.of(context).contract(operationId);
            return handles(context).stream().flatMap(target -> operation.requestExamples().stream()
                    .map(example -> Arguments.of(target, example.name())));
        }
    }

    /** Every target with every named request example of save_card. */
    static final class WithRequestExamples extends WithExamplesOf {
        WithRequestExamples() {
            super(SAVE_CARD);
        }
    }

    /** Every target with every named request example of createSession (Auth). */
    static final class WithSessionExamples extends WithExamplesOf {
        WithSessionExamples() {
            super(CREATE_SESSION);
        }
    }

    /** Every target with every response example of save_card that rejects the request (see {@link Rejections}). */
    static final class WithRejections implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            OperationContract saveCard = TargetPool.of(context).contract(SAVE_CARD);
            List<NamedExample> rejections = Rejections.of(saveCard);
            return handles(context).stream().flatMap(target -> rejections.stream()
                    .map(example -> Arguments.of(target, example)));
        }
    }

    /** Every target with every negative request. */
    static final class WithNegatives implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return handles(context).stream().flatMap(target -> Stream.of(NegativeRequest.values())
                    .map(negative -> Arguments.of(target, negative)));
        }
    }
}
