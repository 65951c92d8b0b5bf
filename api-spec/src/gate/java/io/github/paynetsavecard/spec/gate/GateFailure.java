package io.github.paynetsavecard.spec.gate;

/**
 * Fails the build step that runs a check; its message is all the user reads (exec-maven-plugin prints it, without a
 * stack trace): the report of a failed check, or one line naming the file and the place of what went wrong.
 */
final class GateFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GateFailure(String message) {
        super(message, null, false, false);
    }
}
