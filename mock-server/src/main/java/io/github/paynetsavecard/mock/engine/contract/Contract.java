package io.github.paynetsavecard.mock.engine.contract;

import java.util.List;

/**
 * Everything the engine needs from the spec, read once: the operations in the order the document lists them.
 *
 * @param operations the operations; empty when the document has no paths
 */
public record Contract(List<Operation> operations) {
    public Contract {
        operations = List.copyOf(operations);
    }
}
